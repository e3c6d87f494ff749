"""Coding: from an annotated Doc to events (clauses, types, factuality, actors)."""

from __future__ import annotations

from spacy.tokens import Doc

from resgestae.model import Article, Event


def extract_events(doc: Doc, article: Article) -> list[Event]:
    """All events the article's Doc reports. PLACEHOLDER until the coder lands."""
    return []
