"""The actor knowledge base: canonical actors, aliases, roles; name resolution."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from resgestae.model import Article, Event


class ActorKB:
    """Known actors. PLACEHOLDER until the knowledge base lands."""

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> ActorKB:
        return cls()


def resolve_actors(events: list[Event], doc: Doc, article: Article, kb: ActorKB) -> None:
    """Give every actor a canonical name and kb_id (in place)."""
    for event in events:
        for entity in event.actor + event.recipient:
            entity.name = entity.name or entity.text


__all__ = ["ActorKB", "resolve_actors"]
