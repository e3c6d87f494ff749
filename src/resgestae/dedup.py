"""Deduplication: one event per real-world event, with mentions and article ids."""

from __future__ import annotations

from resgestae.model import Article, Event


def merge_in_article(events: list[Event], article: Article) -> list[Event]:
    """Merge repeated reports of one event inside an article. PLACEHOLDER."""
    return events


def event_key(record: dict) -> str:
    """Cross-article dedup key of an event record; '' means "never merge". MINIMAL.

    Type, sorted actor names, sorted recipient names and date. An event with
    neither actor nor recipient gets '' so unnamed events are never merged.
    """
    actor = sorted((e.get("name") or e.get("text") or "").lower() for e in record.get("actor", []))
    recipient = sorted(
        (e.get("name") or e.get("text") or "").lower() for e in record.get("recipient", [])
    )
    if not actor and not recipient:
        return ""
    parts = [record.get("event_type") or "", ";".join(actor), ";".join(recipient)]
    return "|".join(parts + [record.get("date") or ""])
