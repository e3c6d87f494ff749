"""`resgestae export`: stored events to JSONL, CSV, Parquet, GDELT, PLOVER, GeoJSON, GraphML or
gold records; the analysts' type corrections as user lexicon entries (`lexicon`, the format
of data/lexicon.tsv) or labelled sentences for `resgestae train --data` (`training`); or the
stored articles (`--what articles`) to JSONL, CSV or Parquet."""

from __future__ import annotations

import argparse
import sys

from resgestae.cli.filters import add_filters, filters_of
from resgestae.cli.options import add_db, db_path
from resgestae.errors import ConfigError
from resgestae.export import (
    ARTICLE_FORMATS,
    CORRECTION_FORMATS,
    FORMATS,
    write_articles,
    write_events,
)
from resgestae.store import Store, browse
from resgestae.store.store import LOCK_WAIT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=list(FORMATS))
    parser.add_argument("--output", "-o", required=True, help="file to write ('-': stdout)")
    parser.add_argument("--what", choices=("events", "articles"), default="events",
                        help="events (default) or the stored articles (jsonl, csv, parquet)")
    add_filters(parser)
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    filters = filters_of(args)
    if args.what == "articles" and args.format not in ARTICLE_FORMATS:
        raise ConfigError(f"--what articles: use --format {' or '.join(ARTICLE_FORMATS)}")
    with Store(db_path(args), read_only=True, wait=LOCK_WAIT) as store:
        try:
            if args.what == "articles":
                count = write_articles(browse.iter_articles(store.con, filters), args.format,
                                       args.output)
            else:
                articles = browse.article_meta(store.con)
                records = browse.iter_records(
                    store.con, filters, corrected_only=args.format in CORRECTION_FORMATS)
                count = write_events(records, args.format, args.output, articles)
        except ValueError as exc:  # a filter that is not a date
            raise ConfigError(str(exc)) from None
        except OSError as exc:
            raise ConfigError(f"{args.output}: cannot write: {exc.strerror}") from None
    where = "stdout" if args.output == "-" else args.output
    what = "articles" if args.what == "articles" else "items"
    print(f"resgestae: wrote {count} {args.format} {what} to {where}", file=sys.stderr)
    return 0
