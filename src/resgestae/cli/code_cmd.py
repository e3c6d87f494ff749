"""`resgestae code PATH...`: read, code, store, print.

On one machine the articles are coded by `--workers` processes and stored as
they come (a rerun of the same command skips what is stored). With
`--scheduler` or `--dask-workers` they are coded on a Dask cluster into
partitioned Parquet (`--parquet-dir`), which `resgestae load` brings into the store.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from tqdm import tqdm

from resgestae.cli.options import add_db, add_format, db_path
from resgestae.cli.output import write_records
from resgestae.config import Config
from resgestae.errors import ConfigError, StoreError
from resgestae.kb import ActorKB
from resgestae.kb.persist import load_kb, save_kb
from resgestae.readers import read_inputs
from resgestae.readers.clean import default_date
from resgestae.runner import Progress, default_workers, run_local
from resgestae.runner.local import CHUNK_SIZE
from resgestae.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin"
    )
    parser.add_argument(
        "--date", default=None, help="publication date for articles that carry none"
    )
    parser.add_argument("--model", default=None, help="spaCy model package or path")
    parser.add_argument(
        "--verbs", action="append", default=None, metavar="FILE",
        help="PETRARCH verb dictionary or discards file typing verbs (repeatable)",
    )
    parser.add_argument(
        "--verb-mode", choices=("only", "first", "after"), default="only",
        help="the verb dictionaries alone (PETRARCH's coding), before or after the lexicon",
    )
    parser.add_argument("--recode", action="store_true",
                        help="code articles the store already holds again (default: skip them)")
    parser.add_argument("--no-store", action="store_true", help="print events without storing them")
    parser.add_argument(
        "--workers", type=int, default=None,
        help=f"coding processes on this machine (default: all cores, {default_workers()}); "
        "1 codes in this process",
    )
    parser.add_argument("--chunk-size", type=int, default=None,
                        help="articles per worker task and per store transaction (default 32)")
    add_db(parser)
    add_format(parser, default="table")
    cluster = parser.add_argument_group("Dask cluster (writes Parquet; see `resgestae load`)")
    cluster.add_argument("--scheduler", default=None, help="address of a running scheduler, tcp://HOST:8786")
    cluster.add_argument("--dask-workers", type=int, default=None,
                         help="start a local Dask cluster with this many worker processes")
    cluster.add_argument("--parquet-dir", default=None,
                         help="where the cluster writes Parquet and manifest.json")
    cluster.add_argument("--partition-size", type=int, default=None,
                         help="articles per Dask partition (default 200)")


def run(args: argparse.Namespace) -> int:
    config = Config(db=db_path(args), default_date=args.date)
    default_date(config)  # a bad --date is one error up front, not one per article
    if args.model:
        config.model = args.model
    config.verb_files = [Path(p) for p in args.verbs or ()]
    config.verb_mode = args.verb_mode
    if args.scheduler or args.dask_workers:
        return _run_cluster(args, config)
    if args.workers is not None and args.workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {args.workers}")
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    store = nullcontext(None) if args.no_store else Store(config.db)
    progress = Progress()
    with store as db, tqdm(desc="coding", unit="article", delay=2.0, file=sys.stderr) as bar:
        kb = _store_kb(db, config) if db is not None else None
        outcomes = run_local(read_inputs(args.paths), config, db, args.workers, progress=progress,
                             kb=kb, chunk_size=args.chunk_size or CHUNK_SIZE,
                             recode=args.recode)
        write_records(_records(outcomes, bar), args.format, out)
        if kb is not None:
            save_kb(db.con, kb)  # actors learned from these articles
        held = db.stats() if db is not None else None
    if out is not sys.stdout:
        out.close()
    if held is not None:  # reports of one event in several articles are one stored event
        print(f"resgestae: {config.db} now holds {held['events']} events from "
              f"{held['articles']} articles ({held['mentions']} reports)", file=sys.stderr)
    _summary(progress, None if args.no_store else config.db)
    return 1 if progress.failed else 0


def _store_kb(db: Store, config: Config) -> ActorKB:
    """The actors of the store, on top of those of the configured files."""
    return load_kb(db.con, ActorKB.from_files(config.actor_files))


def _records(outcomes: Iterator[Any], bar: tqdm) -> Iterator[dict[str, Any]]:
    """Event records as they are stored, so output streams instead of piling up."""
    for outcome in outcomes:
        bar.update(1)
        if outcome.failed:
            tqdm.write(f"resgestae: skipped {outcome.error()}", file=sys.stderr)
            continue
        yield from outcome.records


def _summary(progress: Progress, db: str | None) -> None:
    before = (f", {progress.stored_before} already stored (--recode codes them again)"
              if progress.stored_before else "")
    print(
        f"resgestae: {progress.coded} articles coded, {progress.failed} skipped, "
        f"{progress.events} events" + (f" coded into {db}" if db else "") + before,
        file=sys.stderr,
    )


def _report(error: Exception) -> None:
    tqdm.write(f"resgestae: skipped {error}", file=sys.stderr)


def _run_cluster(args: argparse.Namespace, config: Config) -> int:
    from resgestae.runner.cluster import run_cluster

    if not args.parquet_dir:
        raise ConfigError("--scheduler/--dask-workers write Parquet: give --parquet-dir DIR")
    kb = None
    if Path(config.db).exists():  # the store's actors (learned, imported) go to the workers
        try:
            with Store(config.db, read_only=True) as db:
                kb = _store_kb(db, config)
        except StoreError as exc:  # the run does not need them: say so and go on
            print(f"resgestae: coding without the store's actors: {exc}", file=sys.stderr)
    with tqdm(desc="coding", unit="article", delay=2.0, file=sys.stderr) as bar:
        manifest = run_cluster(
            read_inputs(args.paths), config, args.parquet_dir, scheduler=args.scheduler,
            n_workers=args.dask_workers, partition_size=args.partition_size,
            on_progress=bar.update, on_error=_report, kb=kb,
        )
    counts = manifest["counts"]
    print(
        f"resgestae: {counts['articles']} articles coded, {counts['skipped']} skipped, "
        f"{counts['events']} events written to {args.parquet_dir}"
        + (f", {counts['already_written']} already there" if counts["already_written"] else "")
        + " "
        f"({counts['partitions']} partitions, {counts['failed_partitions']} failed); "
        f"load them with: resgestae load {args.parquet_dir}",
        file=sys.stderr,
    )
    return 1 if counts["skipped"] or counts["failed_partitions"] else 0
