"""Dask: a LocalCluster with 2 workers vs 1, coding the same corpus into Parquet.

Both clusters run on 127.0.0.1 with one thread per worker process; each worker
loads the model before the clock starts (as a long-lived cluster would have).

    python benchmarks/dask.py [--articles 400] [--paragraphs 4] [--partition-size 25]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This file is named dask.py: keep its folder off the path, or `import dask` finds it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402


def _local(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_model() -> None:
    """Load the Coder on a worker (run there; returns nothing to pickle back)."""
    from resgestae.config import Config
    from resgestae.runner.work import get_coder

    get_coder(Config())


def peak_rss_mb() -> float:
    """This process's peak RSS in MB (run on each worker)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(workers: int, corpus: Path, out: Path, partition_size: int) -> tuple[float, int, list]:
    """(seconds, articles, worker peak RSS MB) for a LocalCluster of `workers`."""
    from distributed import Client, LocalCluster

    from resgestae.config import Config
    from resgestae.readers import read_inputs
    from resgestae.runner.cluster import run_cluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    with cluster, Client(cluster) as client:
        client.run(load_model)  # every worker loads the model now, off the clock
        start = time.perf_counter()
        result = run_cluster(read_inputs([str(corpus)]), Config(), out,
                             scheduler=cluster.scheduler_address, partition_size=partition_size)
        seconds = time.perf_counter() - start
        peaks = client.run(peak_rss_mb)
    return seconds, result["counts"]["articles"], sorted(peaks.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--paragraphs", type=int, default=4)
    parser.add_argument("--partition-size", type=int, default=25)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="resgestae-dask-"))
    corpus = _local("corpus").write_corpus(work / "corpus.jsonl", args.articles, args.paragraphs)
    rates = {}
    for workers in (1, 2):
        seconds, n, peaks = run(workers, corpus, work / f"parquet{workers}", args.partition_size)
        rates[workers] = n / seconds
        print(f"LocalCluster {workers} worker(s): {n} articles in {seconds:.1f} s = "
              f"{rates[workers]:.1f} articles/s; worker peak RSS "
              + ", ".join(f"{mb:.0f}" for mb in peaks) + " MB")
    print(f"RATIO 2 workers / 1 = {rates[2] / rates[1]:.2f}   (target >= 1.5)")


if __name__ == "__main__":
    main()
