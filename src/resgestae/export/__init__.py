"""Exports: event records to the formats analysts' tools read. One module per format.

Each format module has `SUFFIX` and `write(records, path, articles) -> int`, where
`records` are event records (`Event.to_record()` or rows from the store) and
`articles` maps article id to its metadata (`url`, `title`, `source`, `date`) for
the formats that cite the source (GDELT's SOURCEURL, PLOVER's cite_info).
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
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
    "gold": "gold",
    "lexicon": "lexicon",
    "training": "training",
}
# formats made of the analysts' corrections only: the export reads only corrected events
CORRECTION_FORMATS = ("lexicon", "training")
ARTICLE_FORMATS = ("jsonl", "csv", "parquet")


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
    return _to(path, lambda target: module.write(records, target, articles or {}))


def write_articles(rows: Iterable[dict[str, Any]], fmt: str, path: str | Path) -> int:
    """Write stored articles (`resgestae.store.browse.iter_articles`) as JSONL, CSV or
    Parquet; returns how many were written."""
    from resgestae.export import articles

    if fmt not in ARTICLE_FORMATS:
        raise ConfigError(f"articles export as {fmt!r}: use one of {', '.join(ARTICLE_FORMATS)}")
    return _to(path, lambda target: articles.write(rows, fmt, target))


def _to(path: str | Path, write: Callable[[Path], int]) -> int:
    """Run `write` on `path`; for '-', on a temporary file then copied to stdout (every
    format, Parquet too, is written to a file by its library)."""
    if str(path) != "-":
        return write(Path(path))
    with tempfile.TemporaryDirectory(prefix="resgestae-") as folder:
        target = Path(folder) / "out"
        count = write(target)
        sys.stdout.flush()
        with target.open("rb") as source:
            shutil.copyfileobj(source, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return count


__all__ = ["ARTICLE_FORMATS", "CORRECTION_FORMATS", "FORMATS", "write_articles", "write_events"]
