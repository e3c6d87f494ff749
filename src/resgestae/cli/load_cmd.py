"""`resgestae load PARQUET_DIR`: bring a cluster run's Parquet into the store."""

from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from resgestae.cli.options import add_db, db_path
from resgestae.runner.parquet import load_parquet, read_manifest
from resgestae.store import Store
from resgestae.store.store import LOCK_WAIT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("parquet_dir", metavar="PARQUET_DIR",
                        help="what `resgestae code --parquet-dir` wrote (with manifest.json)")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    db = db_path(args)
    read_manifest(args.parquet_dir)  # refuse a folder that is no run before touching the store
    store = Store(db, wait=LOCK_WAIT, hold=False)  # shared with a running server
    with store, tqdm(desc="loading", unit="article", delay=2.0, file=sys.stderr) as bar:
        counts = load_parquet(args.parquet_dir, store, on_article=lambda: bar.update(1),
                              on_error=lambda e: tqdm.write(f"resgestae: skipped {e}",
                                                            file=sys.stderr))
    failed = f", {counts['failed']} partitions skipped" if counts["failed"] else ""
    print(
        f"resgestae: {counts['loaded']} articles loaded, {counts['events']} events "
        f"stored in {db}, {counts['already_stored']} already stored{failed}",
        file=sys.stderr,
    )
    return 1 if counts["failed"] else 0
