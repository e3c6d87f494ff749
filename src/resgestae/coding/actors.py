"""Actors: country, sector and title from names, demonyms and role words."""

from __future__ import annotations

from spacy.tokens import Span

from resgestae.model import Entity


def code_actor(span: Span) -> Entity | None:
    """An Entity for a noun phrase that can act, or None (a place, a date, a thing).

    Country and sector may stay None here; the knowledge base fills them later.
    PLACEHOLDER until the actor coder lands.
    """
    if span.root.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
        return None
    return Entity(text=span.text, name=span.text, _tokens=(span.start, span.end))
