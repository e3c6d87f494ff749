"""Deduplication: one event per real-world event, with mentions and article ids."""

from __future__ import annotations

from resgestae.model import Article, Event


def merge_in_article(events: list[Event], article: Article) -> list[Event]:
    """Merge repeated reports of one event inside an article. PLACEHOLDER."""
    return events
