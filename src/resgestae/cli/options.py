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


def add_clause_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--clause-model", default=None, metavar="DIR",
        help="clause model folder from `resgestae train` (default: $RESGESTAE_CLAUSE_MODEL "
        "or the shipped one; 'none': the small numpy model)",
    )


def use_clause_model(args: argparse.Namespace) -> None:
    """Select the clause model for this process and the workers it starts (they inherit
    the environment)."""
    import os

    from resgestae.coding.classifier import MODEL_ENV, transformer

    if args.clause_model:
        os.environ[MODEL_ENV] = args.clause_model
        transformer()  # a folder that cannot be loaded is one error now, not one per clause
