"""`resgestae events`: list stored events, filtered (corrections applied)."""

from __future__ import annotations

import argparse

from resgestae.cli.filters import add_filters, filters_of
from resgestae.cli.options import add_db, add_format, count, db_path
from resgestae.cli.output import open_output, write_records
from resgestae.store import Store
from resgestae.store.store import LOCK_WAIT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_filters(parser)
    parser.add_argument("--limit", type=count, default=None, help="at most this many events")
    parser.add_argument("--offset", type=count, default=None, help="skip this many events first")
    add_db(parser)
    add_format(parser, default="table")


def run(args: argparse.Namespace) -> int:
    filters = filters_of(args)
    filters.update({k: getattr(args, k) for k in ("limit", "offset")
                    if getattr(args, k) is not None})
    with open_output(args.output) as out:
        with Store(db_path(args), read_only=True, wait=LOCK_WAIT) as store:
            records = store.events(**filters)
        write_records(records, args.format, out)
    return 0
