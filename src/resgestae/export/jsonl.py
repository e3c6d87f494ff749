"""JSONL: one event record per line, exactly as DESIGN.md defines it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

SUFFIX = ".jsonl"


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write each record as one JSON line; returns the count."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count
