"""Running the pipeline at scale: worker processes on one machine, or a Dask cluster.

    run_local(items, config, store, workers)   stream → N processes → store (resumable)
    run_cluster(items, config, parquet_dir)     partitions → Dask workers → Parquet + manifest
    load_parquet(parquet_dir, store)            Parquet listed in the manifest → store

The Dask parts import `distributed` only when used.
"""

from __future__ import annotations

from resgestae.runner.local import Progress, default_workers, run_local
from resgestae.runner.work import Outcome, code_chunk

__all__ = ["Outcome", "Progress", "code_chunk", "default_workers", "run_local"]
