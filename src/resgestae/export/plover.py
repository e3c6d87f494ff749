"""PLOVER JSONL: the field names of the PLOVER manual's JSON tables (section "PLOVER JSON").

PLOVER calls the type `event` (a list), the place `event_loc`, the sentence
`event_text`, and entities carry `code` (country), `sector`, `entity_text` and
`identifier_id`/`identifier_text`; the place is PLOVER's location object in GeoNames
terms (feature class and code, resolution; `resgestae.export.geo`). Fields PLOVER has
no name for are kept as they are in the event record (factuality, confidence, mentions),
as the manual allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from resgestae.export._common import analysts_fields
from resgestae.export.geo import geonames_location

SUFFIX = ".jsonl"


def _entity(entity: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": entity.get("country"), "sector": entity.get("sector"),
        "entity_text": entity.get("text"), "identifier_id": entity.get("kb_id"),
        "identifier_text": entity.get("name"), "office": entity.get("title"),
        "entity_text_info": _offsets(entity.get("span")),
    }


def _cite(article: Mapping[str, Any]) -> dict[str, Any] | None:
    cite = {k: article.get(k) for k in ("url", "title", "language") if article.get(k)}
    if article.get("source"):
        cite["corpus"] = article["source"]
    return cite or None


def _offsets(span: list[int] | None) -> dict[str, int] | None:
    """Article character offsets as PLOVER's text_info writes them; None when unknown."""
    return {"start": span[0], "end": span[1]} if span else None


def plover_record(record: dict[str, Any], article: Mapping[str, Any]) -> dict[str, Any]:
    """One event record in PLOVER's field names."""
    span = record.get("span") or [None, None]
    return {
        "id": record.get("id"), "has_event": True, "date": record.get("date"),
        "actor": [_entity(e) for e in record.get("actor") or []],
        "recipient": [_entity(e) for e in record.get("recipient") or []],
        "event": [record.get("event_type")], "mode": [record["mode"]] if record.get("mode") else [],
        "context": _context(record),
        "event_loc": geonames_location(record.get("location")),
        "event_text": [record["trigger"]] if record.get("trigger") else [],
        "quad_code": analysts_fields(record)["quad_class"],
        "goldstein": analysts_fields(record)["goldstein"],
        "text": record.get("text"),
        "text_info": {"start": span[0], "end": span[1]},
        "event_text_info": _offsets(record.get("trigger_span")),
        "cite_info": _cite(article), "coder": record.get("coder"),
        "cameo": record.get("cameo"), "factuality": record.get("factuality"),
        "date_precision": record.get("date_precision"), "confidence": record.get("confidence"),
        "mentions": record.get("mentions"), "article_ids": record.get("article_ids"),
    }


# PLOVER's auxiliary modes, which "the coding engine [puts] in the context"
# (PLOVER_MANUAL.tex, section "Auxiliary modes"), from our factuality.
AUXILIARY_MODES = {"negated": "negation", "future": "future", "hypothetical": "hypothetical"}


def _context(record: dict[str, Any]) -> list[str]:
    """The record's contexts, and its auxiliary mode when it is not asserted."""
    aux = AUXILIARY_MODES.get(record.get("factuality") or "")
    return list(record.get("context") or []) + ([aux] if aux else [])


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write one PLOVER JSON object per line; returns the count."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            article = articles.get(record.get("article_id") or "", {})
            out.write(json.dumps(plover_record(record, article), ensure_ascii=False) + "\n")
            count += 1
    return count
