"""`resgestae export`: stored events to JSONL, CSV, Parquet, GDELT, PLOVER, GeoJSON, GraphML."""

from __future__ import annotations

import argparse
import sys

from resgestae.cli.options import add_db, db_path
from resgestae.errors import ConfigError
from resgestae.export import FORMATS, write_events
from resgestae.store import Store, browse
from resgestae.store.store import LOCK_WAIT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=list(FORMATS))
    parser.add_argument("--output", "-o", required=True, help="file to write")
    parser.add_argument("--actor", help="actor or recipient name (substring, any case)")
    parser.add_argument("--country", help="ISO-3 country of actor or recipient")
    parser.add_argument("--type", dest="event_type", help="PLOVER event type")
    parser.add_argument("--since", help="first date, ISO")
    parser.add_argument("--until", help="last date, ISO")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    filters = {k: getattr(args, k) for k in browse.FILTERS}
    with Store(db_path(args), read_only=True, wait=LOCK_WAIT) as store:
        articles = browse.article_meta(store.con)
        try:
            count = write_events(browse.iter_records(store.con, filters), args.format,
                                 args.output, articles)
        except ValueError as exc:  # a filter that is not a date
            raise ConfigError(str(exc)) from None
        except OSError as exc:
            raise ConfigError(f"{args.output}: cannot write: {exc.strerror}") from None
    print(f"resgestae: wrote {count} {args.format} items to {args.output}", file=sys.stderr)
    return 0
