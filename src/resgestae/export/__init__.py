"""Exports: event records to the formats analysts' tools read. One module per format.

Each format module has `SUFFIX` and `write(records, path, articles) -> int`, where
`records` are event records (`Event.to_record()` or rows from the store) and
`articles` maps article id to its metadata (`url`, `title`, `source`, `date`) for
the formats that cite the source (GDELT's SOURCEURL, PLOVER's cite_info).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from resgestae.errors import ConfigError

# format name -> module in resgestae.export
FORMATS = {
    "jsonl": "jsonl",
    "csv": "csv_table",
    "parquet": "parquet",
    "gdelt": "gdelt",
    "plover": "plover",
    "geojson": "geojson",
    "graphml": "graphml",
}


def write_events(
    records: Iterable[dict[str, Any]],
    fmt: str,
    path: str | Path,
    articles: Mapping[str, dict[str, Any]] | None = None,
) -> int:
    """Write event records to `path` in format `fmt`; returns how many were written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"resgestae.export.{FORMATS[fmt]}")
    return module.write(records, Path(path), articles or {})


__all__ = ["FORMATS", "write_events"]
