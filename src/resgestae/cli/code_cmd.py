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
from typing import Any, TextIO

from tqdm import tqdm

from resgestae.cli.options import (
    add_coding_files,
    add_db,
    add_format,
    db_path,
    use_coding_files,
)
from resgestae.cli.output import open_output, write_records
from resgestae.config import Config
from resgestae.errors import ConfigError, Errors, safe_name
from resgestae.readers import read_inputs
from resgestae.readers.clean import default_date
from resgestae.runner import Progress, default_workers, run_local
from resgestae.runner.local import CHUNK_SIZE
from resgestae.store import Store
from resgestae.store.store import LOCK_WAIT


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
    add_coding_files(parser)
    cluster = parser.add_argument_group("Dask cluster (writes Parquet; see `resgestae load`)")
    cluster.add_argument("--scheduler", default=None, help="address of a running scheduler, tcp://HOST:8786")
    cluster.add_argument("--dask-workers", type=int, default=None,
                         help="start a local Dask cluster with this many worker processes")
    cluster.add_argument("--parquet-dir", default=None,
                         help="where the cluster writes Parquet and manifest.json")
    cluster.add_argument("--partition-size", type=int, default=None,
                         help="articles per Dask partition (default 200)")


def check_counts(args: argparse.Namespace) -> None:
    """One clear error for a count option that is not a positive number."""
    for option in ("workers", "chunk_size", "dask_workers", "partition_size"):
        value = getattr(args, option, None)
        if value is not None and value < 1:
            flag = "--" + option.replace("_", "-")
            raise ConfigError(f"{flag} must be at least 1, not {value}")


def run(args: argparse.Namespace) -> int:
    config = Config(db=db_path(args), default_date=args.date)
    default_date(config)  # a bad --date is one error up front, not one per article
    if args.model:
        config.model = args.model
    config.verb_files = [Path(p) for p in args.verbs or ()]
    config.verb_mode = args.verb_mode
    use_coding_files(args, config)
    check_counts(args)
    if args.scheduler or args.dask_workers:
        return _run_cluster(args, config)
    progress, hidden = Progress(), []
    with open_output(args.output) as out:  # a bad -o is refused before the store is made
        held = _code_local(args, config, out, progress, hidden)
    if held is not None:  # reports of one event in several articles are one stored event
        print(f"resgestae: {config.db} now holds {held['events']} events from "
              f"{held['articles']} articles ({held['mentions']} reports)", file=sys.stderr)
    _hidden(hidden)
    _summary(progress, None if args.no_store else config.db)
    return 1 if progress.failed else 0


def _code_local(args: argparse.Namespace, config: Config, out: TextIO, progress: Progress,
                hidden: list[str]) -> dict | None:
    """Code the inputs in this machine's workers, writing records to `out` and storing
    them (unless --no-store); returns the store's counts after, or None."""
    # hold=False: the file is opened for each chunk's short transaction, so a running
    # `resgestae serve` (or another command) shares it; wait for their short moments
    store = nullcontext(None) if args.no_store else Store(config.db, wait=LOCK_WAIT, hold=False)
    with store as db, tqdm(desc="coding", unit="article", delay=2.0, file=sys.stderr) as bar:
        from resgestae.session import Session  # spaCy: imported only when coding

        # --no-store still codes with the store's actors (read-only), as the API does
        session = Session.open(config) if db is None else Session.on_store(config, db)
        if db is not None:
            db.release()  # the file is free between chunks (a server may share it)
        outcomes = run_local(read_inputs(args.paths, hidden=hidden), session, db, args.workers,
                             progress=progress, chunk_size=args.chunk_size or CHUNK_SIZE,
                             recode=args.recode)
        write_records(_records(outcomes, bar, progress.replaced), args.format, out)
        if db is None:
            return None
        session.save(db)  # actors learned from these articles
        held = db.stats()
        db.release()
        return held


def _hidden(hidden: list[str]) -> None:
    """Hidden files and folders are skipped on purpose, but never in silence."""
    if hidden:
        shown = ", ".join(safe_name(h) for h in hidden[:3]) + (", ..." if len(hidden) > 3 else "")
        print(f"resgestae: {len(hidden)} hidden files or folders not read ({shown}); "
              "give them as PATHs to read them", file=sys.stderr)


def _records(outcomes: Iterator[Any], bar: tqdm,
             replaced: set[str] | frozenset[str] = frozenset()) -> Iterator[dict[str, Any]]:
    """Event records as they are stored, so output streams instead of piling up."""
    for outcome in outcomes:
        bar.update(1)
        if outcome.failed:
            tqdm.write(f"resgestae: skipped {outcome.error()}", file=sys.stderr)
            continue
        if outcome.article_id in replaced:
            where = safe_name(outcome.article.origin or outcome.article_id)
            tqdm.write(f"resgestae: replaced {where}: the store held id "
                       f"{safe_name(outcome.article_id)!r} with another text", file=sys.stderr)
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
        raise ConfigError(Errors.E105)
    from resgestae.session import Session

    # the store's actors (learned, imported) go to the workers; a store another process
    # writes cannot be read, and the run does not need it: the session says so and goes on
    session = Session.open(config)
    hidden: list[str] = []
    with tqdm(desc="coding", unit="article", delay=2.0, file=sys.stderr) as bar:
        manifest = run_cluster(
            read_inputs(args.paths, hidden=hidden), config, args.parquet_dir,
            scheduler=args.scheduler,
            n_workers=args.dask_workers, partition_size=args.partition_size,
            on_progress=bar.update, on_error=_report, kb=session.kb,
        )
    counts = manifest["counts"]
    _hidden(hidden)
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
