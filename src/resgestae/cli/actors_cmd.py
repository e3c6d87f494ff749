"""`resgestae actors`: list the actor knowledge base; import and export it."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from resgestae.cli.options import add_db, count, db_path
from resgestae.errors import ConfigError
from resgestae.kb.persist import load_kb, save_kb
from resgestae.kb.userfile import entry_record, export_kb, load_any
from resgestae.store import Store

COLUMNS = ("name", "aliases", "country", "sector", "title", "mentions", "source", "kb_id")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--import", dest="import_file", metavar="FILE",
                        help="add actors from YAML/CSV or PETRARCH .actors.txt/.agents.txt")
    parser.add_argument("--export", metavar="FILE", help="write the KB to FILE (.yaml or .csv)")
    parser.add_argument("--name", help="only actors whose name or alias contains this (any case)")
    parser.add_argument("--country", help="only actors of this ISO-3 country")
    parser.add_argument("--source", choices=["data", "text", "user", "petrarch"],
                        help="only actors from this source")
    parser.add_argument("--limit", type=count, default=None, help="at most this many rows")
    parser.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    if args.import_file:
        return _import(args)
    with Store(db_path(args), read_only=True) as store:
        kb = load_kb(store.con)
    if args.export:
        count = export_kb(kb, Path(args.export))
        print(f"resgestae: {count} actors written to {args.export}", file=sys.stderr)
        return 0
    _write(_selected(kb, args), args.format, sys.stdout)
    return 0


def _import(args: argparse.Namespace) -> int:
    path = Path(args.import_file)
    if not path.is_file():
        raise ConfigError(f"{path}: no such file")
    with Store(db_path(args)) as store:
        kb = load_kb(store.con)
        before = len(kb)
        load_any(kb, path)
        save_kb(store.con, kb)
    for problem in kb.problems:
        print(f"resgestae: {problem}", file=sys.stderr)
    print(f"resgestae: {len(kb) - before} new actors from {path} ({len(kb)} in the knowledge base)",
          file=sys.stderr)
    return 1 if kb.problems else 0


def _selected(kb, args: argparse.Namespace) -> list[dict[str, Any]]:
    rows = []
    for entry in sorted(kb, key=lambda e: (-e.mentions, e.name.lower())):
        names = " ".join(entry.names()).lower()
        if args.name and args.name.lower() not in names:
            continue
        if args.country and (entry.country or "") != args.country.upper():
            continue
        if args.source and entry.source != args.source:
            continue
        rows.append(entry_record(entry))
    return rows[: args.limit] if args.limit is not None else rows


def _write(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    flat = [{**r, "aliases": "|".join(r["aliases"])} for r in rows]
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(COLUMNS), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(flat)
        return
    widths = {"name": 30, "aliases": 30, "country": 7, "sector": 8, "title": 28, "mentions": 8,
              "source": 8, "kb_id": 13}
    out.write("  ".join(c.upper().ljust(widths[c]) for c in COLUMNS).rstrip() + "\n")
    for row in flat:
        cells = [str(row.get(c) if row.get(c) is not None else "-")[: widths[c]].ljust(widths[c])
                 for c in COLUMNS]
        out.write("  ".join(cells).rstrip() + "\n")
