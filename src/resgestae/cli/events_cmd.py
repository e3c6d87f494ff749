"""`resgestae events`: list stored events, filtered."""

from __future__ import annotations

import argparse
import sys

from resgestae.cli.options import add_db, add_format, db_path
from resgestae.cli.output import write_records
from resgestae.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", help="actor or recipient name (substring, any case)")
    parser.add_argument("--country", help="ISO-3 country of actor or recipient")
    parser.add_argument("--type", dest="event_type", help="PLOVER event type")
    parser.add_argument("--since", help="first date, ISO")
    parser.add_argument("--until", help="last date, ISO")
    parser.add_argument("--limit", type=int, default=None)
    add_db(parser)
    add_format(parser, default="table")


def run(args: argparse.Namespace) -> int:
    filters = {k: getattr(args, k) for k in ("actor", "country", "event_type", "since", "until", "limit")}
    with Store(db_path(args), read_only=True) as store:
        records = store.events(**{k: v for k, v in filters.items() if v is not None})
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    write_records(records, args.format, out)
    return 0
