"""Parquet: the event record with its nested structure kept (lists and structs), with
QuadClass, Goldstein score, the article's url/title/source and the corrections flag."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from resgestae.export._common import analysts_fields

SUFFIX = ".parquet"

ENTITY = pa.struct([
    ("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
    ("sector", pa.string()), ("sectors", pa.list_(pa.string())), ("title", pa.string()),
    ("kb_id", pa.string()), ("span", pa.list_(pa.int64())),
])
PLACE = pa.struct([
    ("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("geonameid", pa.int64()), ("feature", pa.string()),
    ("precision", pa.string()),
])
CORRECTED = pa.struct([
    ("by", pa.list_(pa.string())), ("at", pa.string()), ("fields", pa.list_(pa.string())),
    ("wrong", pa.bool_()),
])
# A fixed schema, so an empty or all-null column still has its type.
SCHEMA = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("event_type", pa.string()),
    ("mode", pa.string()), ("context", pa.list_(pa.string())), ("cameo", pa.string()),
    ("actor", pa.list_(ENTITY)), ("recipient", pa.list_(ENTITY)),
    ("factuality", pa.string()), ("date", pa.string()), ("date_precision", pa.string()),
    ("date_text", pa.string()), ("location", PLACE), ("text", pa.string()),
    ("span", pa.list_(pa.int64())), ("trigger", pa.string()), ("confidence", pa.float64()),
    ("mentions", pa.int64()), ("article_ids", pa.list_(pa.string())), ("coder", pa.string()),
    ("quad_class", pa.int64()), ("goldstein", pa.float64()), ("url", pa.string()),
    ("title", pa.string()), ("source", pa.string()), ("corrected", CORRECTED),
    ("trigger_span", pa.list_(pa.int64())),
])
BATCH = 50_000


def _batch(rows: list[dict[str, Any]]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(
        [{name: row.get(name) for name in SCHEMA.names} | _analysts(row) for row in rows],
        schema=SCHEMA,
    )


def _analysts(row: dict[str, Any]) -> dict[str, Any]:
    """QuadClass and Goldstein score, for records that do not carry them yet."""
    return {k: v for k, v in analysts_fields(row).items() if row.get(k) is None}


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write records in batches (constant memory); returns the count."""
    count, rows = 0, []
    with pq.ParquetWriter(str(path), SCHEMA) as writer:
        for record in records:
            rows.append(record)
            if len(rows) >= BATCH:
                writer.write_batch(_batch(rows))
                count, rows = count + len(rows), []
        if rows or count == 0:
            writer.write_batch(_batch(rows))
            count += len(rows)
    return count
