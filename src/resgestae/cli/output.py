"""Writing event records as a table, JSONL or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from resgestae.errors import ConfigError
from resgestae.export import csv_table


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """`--output` for a `with` block: stdout for None or "-" (left open), else the file,
    opened for writing and closed after. Opened before the work, so a path that cannot be
    written is one error naming it and the reason, not a traceback after a long run."""
    if path in (None, "-"):
        yield sys.stdout
        return
    try:
        out = open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write: {exc.strerror or exc}") from None
    with out:
        yield out


TABLE_COLUMNS = (
    "date",
    "event_type",
    "mode",
    "cameo",
    "actor",
    "recipient",
    "factuality",
    "location",
    "mentions",
    "articles",
    "trigger",
)


def _names(entities: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{e.get('name') or e.get('text')} ({e.get('country') or '-'} {e.get('sector') or '-'})"
        for e in entities
    )


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    row["actor"] = _names(record.get("actor", []))
    row["recipient"] = _names(record.get("recipient", []))
    row["location"] = (record.get("location") or {}).get("name") or ""
    row["articles"] = len(record.get("article_ids", []))  # reporting it, after dedup
    return row


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO = sys.stdout) -> int:
    """Write records in `fmt`; returns how many were written."""
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv":  # the layout of `resgestae export --format csv`, one for both
        writer = csv.DictWriter(out, fieldnames=csv_table.COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow(csv_table.row(record))
            count += 1
        return count
    # a generator, not a list: a long batch streams out instead of piling up in memory
    return _write_table((_flat(r) for r in records), out)


def _write_table(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    widths = {c: 12 if c not in ("actor", "recipient") else 34 for c in TABLE_COLUMNS}
    # mode: the longest PLOVER modes ("crowd-control", "heavy-weapons") are 13 characters
    widths.update(trigger=24, mentions=8, articles=8, mode=14)
    out.write("  ".join(c.upper().ljust(widths[c]) for c in TABLE_COLUMNS).rstrip() + "\n")
    count = 0
    for row in rows:
        cells = [str(row.get(c) or "-")[: widths[c]].ljust(widths[c]) for c in TABLE_COLUMNS]
        out.write("  ".join(cells).rstrip() + "\n")
        count += 1
    return count
