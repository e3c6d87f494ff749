"""Where: find place names, resolve them offline, attach each event's place."""

from __future__ import annotations

from spacy.tokens import Doc

from resgestae.model import Article, Event


def locate_events(events: list[Event], doc: Doc, article: Article) -> None:
    """Set `event.location` where the text says where it happened (in place)."""
    return None
