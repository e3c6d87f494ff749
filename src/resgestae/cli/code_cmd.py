"""`resgestae code PATH...`: read, code, store, print."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext

from tqdm import tqdm

from resgestae.cli.options import add_db, add_format, db_path
from resgestae.cli.output import write_records
from resgestae.config import Config
from resgestae.pipeline import Coder
from resgestae.readers import read_inputs
from resgestae.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    parser.add_argument("--date", default=None, help="publication date for articles that carry none")
    parser.add_argument("--model", default=None, help="spaCy model package or path")
    parser.add_argument("--no-store", action="store_true", help="print events without storing them")
    add_db(parser)
    add_format(parser, default="table")


def run(args: argparse.Namespace) -> int:
    config = Config(db=db_path(args), default_date=args.date)
    if args.model:
        config.model = args.model
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    store = nullcontext(None) if args.no_store else Store(config.db)
    summary = {"read": 0, "skipped": 0, "events": 0}
    records = []
    with store as db, tqdm(desc="coding", unit="article", delay=2.0, file=sys.stderr) as bar:
        for coded in Coder(config).code(read_inputs(args.paths)):
            bar.update(1)
            if coded.error:
                summary["skipped"] += 1
                tqdm.write(f"resgestae: skipped {coded.error}", file=sys.stderr)
                continue
            summary["read"] += 1
            summary["events"] += len(coded.events)
            if db is not None:
                db.replace_article(coded.article, coded.events)
            records.extend(e.to_record() for e in coded.events)
    write_records(records, args.format, out)
    if out is not sys.stdout:
        out.close()
    print(
        f"resgestae: {summary['read']} articles coded, {summary['skipped']} skipped, "
        f"{summary['events']} events" + ("" if args.no_store else f" stored in {config.db}"),
        file=sys.stderr,
    )
    return 1 if summary["skipped"] else 0
