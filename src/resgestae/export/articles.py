"""The stored articles (`resgestae export --what articles`): id, title, date, url, source,
language, origin, dateline, when coded, how many events, and the text."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

COLUMNS = ("id", "title", "date", "url", "source", "language", "origin", "dateline",
           "coded_at", "n_events", "text")
FORMATS = ("jsonl", "csv", "parquet")
SCHEMA = pa.schema([(c, pa.int64() if c == "n_events" else pa.string()) for c in COLUMNS])


def write(rows: Iterable[dict[str, Any]], fmt: str, path: Path) -> int:
    """Write article rows (dicts with COLUMNS) as JSONL, CSV or Parquet; returns the count."""
    items = [{k: (str(v) if k == "coded_at" and v is not None else v)
              for k, v in row.items()} for row in rows]
    if fmt == "parquet":
        pq.write_table(pa.Table.from_pylist(items, schema=SCHEMA), str(path))
    elif fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(items)
    else:
        with path.open("w", encoding="utf-8") as out:
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(items)
