"""Turning articles and event records into store rows, and rows back into records."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone
from typing import Any

from resgestae.model import Article

EVENT_COLUMNS = (
    "id", "article_id", "dedup_key", "event_type", "mode", "cameo", "factuality",
    "date", "date_start", "date_precision", "actor_names", "actor_countries",
    "recipient_names", "recipient_countries", "actor_search", "confidence",
    "location_name", "location_country", "lat", "lon", "mentions", "article_ids", "record",
    "span_first", "span_last", "sides",
)
MENTION_COLUMNS = ("event_id", "article_id", "count", "mention_id", "record")
# SQL for a report's record, over `mentions m JOIN events e ON e.id = m.event_id`:
# the home report's mention row keeps '' and its record is the event's
REPORT_RECORD = "CASE WHEN m.record = '' THEN e.record ELSE m.record END"
ARTICLE_COLUMNS = (
    "id", "title", "date", "url", "source", "language", "origin", "text", "dateline",
    "content_hash", "n_events", "coded_at",
)


def text_hash(text: str) -> str:
    """The content hash kept with each article (the resume ledger compares it)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def first_day(value: str | None) -> date | None:
    """"2019" -> 2019-01-01, "2019-04" -> 2019-04-01, "2019-04-12" -> itself; else None."""
    if not value:
        return None
    parts = value.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1, 1]
        return date(numbers[0], numbers[1], numbers[2])
    except (ValueError, IndexError):
        return None


def article_row(article: Article, n_events: int) -> tuple[Any, ...]:
    """The articles row for `article`."""
    return (
        article.id, article.title, article.date, article.url, article.source,
        article.language, article.origin, article.text, article.dateline,
        text_hash(article.text), n_events, datetime.now(timezone.utc).replace(tzinfo=None),
    )


def _names(entities: list[dict[str, Any]]) -> list[str]:
    return [e.get("name") or e.get("text") or "" for e in entities]


def _countries(entities: list[dict[str, Any]]) -> list[str]:
    return sorted({e["country"] for e in entities if e.get("country")})


def _search(record: dict[str, Any]) -> str:
    words = []
    for entity in record.get("actor", []) + record.get("recipient", []):
        words += [entity.get("name") or "", entity.get("text") or ""]
    return "\n".join(w.lower() for w in words if w)


def event_row(
    record: dict[str, Any], key: str, mentions: int, article_ids: list[str],
    span: tuple[date, date] | None = None, sides: str | None = None,
) -> tuple[Any, ...]:
    """The events row for `record`, the home report of an event with these mentions;
    `span` and `sides` sum up its reports for the dedup (None: never merged)."""
    place = record.get("location") or {}
    actor, recipient = record.get("actor", []), record.get("recipient", [])
    return (
        record["id"], record["article_id"], key, record.get("event_type"), record.get("mode"),
        record.get("cameo"), record.get("factuality"), record.get("date"),
        first_day(record.get("date")), record.get("date_precision"),
        _names(actor), _countries(actor), _names(recipient), _countries(recipient),
        _search(record), record.get("confidence"), place.get("name"), place.get("country"),
        place.get("lat"), place.get("lon"), mentions, article_ids,
        json.dumps(record, ensure_ascii=False),
        *(span or (None, None)), sides,
    )


def to_record(record_json: str, mentions: int, article_ids: list[str]) -> dict[str, Any]:
    """A stored record with its stored mention count and articles."""
    record = json.loads(record_json)
    record["mentions"] = int(mentions)
    record["article_ids"] = list(article_ids)
    return record
