"""CSV: one row per event, lists joined with ';'; QuadClass, Goldstein score and the article's
url, title and source; `corrected` names the fields an analyst corrected (or says `wrong`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from resgestae.export._common import analysts_fields, location

SUFFIX = ".csv"
COLUMNS = (
    "id", "article_id", "date", "date_precision", "event_type", "mode", "context", "cameo",
    "actor", "actor_country", "actor_sector", "recipient", "recipient_country",
    "recipient_sector", "factuality", "location", "location_country", "lat", "lon",
    "location_precision",
    "trigger", "text", "span_start", "span_end", "confidence", "mentions", "article_ids", "coder",
    "quad_class", "goldstein", "url", "title", "source", "corrected",
    # the evidence, as article character offsets [start, end): the trigger, and one
    # "start-end" per actor and recipient (';'-joined, in the order of their names)
    "trigger_start", "trigger_end", "actor_spans", "recipient_spans",
)


def _join(values: Iterable[Any]) -> str:
    return ";".join(str(v) for v in values if v)


def row(record: dict[str, Any]) -> dict[str, Any]:
    """The flat CSV row for one event record."""
    loc = location(record)
    span = record.get("span") or [None, None]
    flat = {k: record.get(k) for k in COLUMNS if k in record}
    flat.update({
        "context": _join(record.get("context") or []),
        "article_ids": _join(record.get("article_ids") or []),
        "location": loc.get("name"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "location_precision": loc.get("precision"),
        "span_start": span[0], "span_end": span[1],
        "corrected": _join((record.get("corrected") or {}).get("fields") or [])
        or ("wrong" if (record.get("corrected") or {}).get("wrong") else None),
    })
    flat.update({k: v for k, v in analysts_fields(record).items() if record.get(k) is None})
    for side in ("actor", "recipient"):
        entities = record.get(side) or []
        flat[side] = _join(e.get("name") or e.get("text") for e in entities)
        flat[f"{side}_country"] = _join(e.get("country") for e in entities)
        flat[f"{side}_sector"] = _join(e.get("sector") for e in entities)
    flat.update(_evidence(record))
    return flat


def _evidence(record: dict[str, Any]) -> dict[str, Any]:
    """The evidence columns: the trigger's offsets, and "start-end" per actor and
    recipient (empty where an entity has no span)."""
    trigger = record.get("trigger_span") or [None, None]
    found: dict[str, Any] = {"trigger_start": trigger[0], "trigger_end": trigger[1]}
    for side in ("actor", "recipient"):
        found[f"{side}_spans"] = ";".join(f"{e['span'][0]}-{e['span'][1]}" if e.get("span")
                                          else "" for e in record.get(side) or [])
    return found


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write a header and one row per record; returns the count."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow(row(record))
            count += 1
    return count
