"""Gold records from analysts' corrections, in the PLOVER gold format `resgestae eval` reads.

One record per sentence that holds a corrected event: its text (coded alone by `eval`),
the article's date, and `expected`: every event of that sentence in the corrected view
but those marked wrong (a sentence whose only event was wrong expects none). Actors are
`{text, code}` with the corrected country code, as the PLOVER gold has them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

SUFFIX = ".jsonl"


def _side(entities: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [{"text": e.get("text") or e.get("name"), "code": e.get("country")}
            for e in entities or []]


def expected(record: dict[str, Any]) -> dict[str, Any]:
    """The gold event of one (corrected) event record."""
    return {
        "event_type": record.get("event_type"), "event_type_current": record.get("event_type"),
        "mode": record.get("mode"), "context": ",".join(record.get("context") or []) or None,
        "source": _side(record.get("actor")), "target": _side(record.get("recipient")),
        "event_text": record.get("trigger"),
    }


def gold_records(records: Iterable[dict[str, Any]],
                 articles: Mapping[str, dict]) -> list[dict[str, Any]]:
    """The gold records of the sentences with a corrected event, in store order."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for record in records:
        key = (record.get("article_id") or "", record.get("text") or "")
        group = groups.setdefault(key, {"events": [], "corrected": False, "ids": []})
        fix = record.get("corrected")
        group["corrected"] = group["corrected"] or bool(fix)
        group["ids"].append(record["id"])
        if not (fix and fix.get("wrong")):
            group["events"].append(expected(record))
    found = []
    for (article_id, text), group in groups.items():
        if not group["corrected"] or not text:
            continue
        found.append({
            "id": group["ids"][0], "text": text, "expected": group["events"],
            "date": (articles.get(article_id) or {}).get("date"), "article_id": article_id,
            "event_ids": group["ids"], "origin": "resgestae corrections",
        })
    return found


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write one gold record per corrected sentence; returns the count."""
    found = gold_records(records, articles)
    with path.open("w", encoding="utf-8") as out:
        for item in found:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(found)
