"""`resgestae events`: list stored events, filtered."""

from __future__ import annotations

import argparse
import sys

from resgestae.cli.options import add_db, add_format, db_path
from resgestae.cli.output import write_records
from resgestae.store import Store
from resgestae.store.rows import first_day
from resgestae.store.store import LOCK_WAIT

FILTERS = ("actor", "country", "event_type", "since", "until", "limit", "offset")


def _iso(value: str) -> str:
    """argparse type: yyyy, yyyy-mm or yyyy-mm-dd."""
    if first_day(value) is None:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r} (yyyy[-mm[-dd]])")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", help="actor or recipient name (substring, any case)")
    parser.add_argument("--country", help="ISO-3 country of actor or recipient")
    parser.add_argument("--type", dest="event_type", help="PLOVER event type")
    parser.add_argument("--since", type=_iso, help="first date, ISO (2019-04 means 2019-04-01)")
    parser.add_argument("--until", type=_iso, help="last date, ISO (inclusive)")
    parser.add_argument("--limit", type=int, default=None, help="at most this many events")
    parser.add_argument("--offset", type=int, default=None, help="skip this many events first")
    add_db(parser)
    add_format(parser, default="table")


def run(args: argparse.Namespace) -> int:
    filters = {k: getattr(args, k) for k in FILTERS if getattr(args, k) is not None}
    with Store(db_path(args), read_only=True, wait=LOCK_WAIT) as store:
        records = store.events(**filters)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        write_records(records, args.format, out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0
