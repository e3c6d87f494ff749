"""Options shared by several commands."""

from __future__ import annotations

import argparse

from resgestae.config import default_db


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=None, help="DuckDB store (default: $RESGESTAE_DB or ./resgestae.duckdb)"
    )


def db_path(args: argparse.Namespace) -> str:
    return args.db or default_db()


def add_format(parser: argparse.ArgumentParser, default: str = "table") -> None:
    parser.add_argument("--format", choices=["table", "jsonl", "csv"], default=default)
    parser.add_argument("--output", "-o", default=None, help="write here instead of stdout")
