"""Options shared by several commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from resgestae.config import Config, default_db


def count(value: str) -> int:
    """argparse type for --limit, --offset, --misses: a whole number, 0 or more (a negative
    one would reach the store as a SQL error, or drop rows from the end as a slice)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{number} is negative (use 0 or more)")
    return number


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=None, help="DuckDB store (default: $RESGESTAE_DB or ./resgestae.duckdb)"
    )


def db_path(args: argparse.Namespace) -> str:
    return args.db or default_db()


def add_format(parser: argparse.ArgumentParser, default: str = "table") -> None:
    parser.add_argument("--format", choices=["table", "jsonl", "csv"], default=default)
    parser.add_argument("--output", "-o", default=None, help="write here instead of stdout")


def add_clause_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--clause-model", default=None, metavar="DIR",
        help="clause model folder from `resgestae train` (default: $RESGESTAE_CLAUSE_MODEL "
        "or the shipped one; 'none': the small numpy model)",
    )


def add_coding_files(parser: argparse.ArgumentParser) -> None:
    """--lexicon, --places and --clause-model: the resources a coding run is given."""
    parser.add_argument(
        "--lexicon", action="append", default=None, metavar="FILE",
        help="lexicon entries in data/lexicon.tsv's columns, over the curated ones of the "
        "same lemma, pos and condition (repeatable; `resgestae export --format lexicon`)",
    )
    parser.add_argument(
        "--places", action="append", default=None, metavar="FILE",
        help="places for the gazetteer in data/gazetteer_additions.tsv's columns (repeatable)",
    )
    add_clause_model(parser)


def use_coding_files(args: argparse.Namespace, config: Config) -> None:
    """Put --lexicon, --places and --clause-model into `config` (the workers and Dask tasks
    get them with it) and read them now: a bad file is one error before any coding."""
    from resgestae.resources import resources_for

    config.lexicon_files = [Path(p) for p in getattr(args, "lexicon", None) or ()]
    config.place_files = [Path(p) for p in getattr(args, "places", None) or ()]
    if getattr(args, "clause_model", None):
        config.clause_model = args.clause_model
    resources_for(config)
