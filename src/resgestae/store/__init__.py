"""The event store: an embedded DuckDB file. PLACEHOLDER API until the store lands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from resgestae.model import Article, Event


class Store:
    """Events, articles and actors in one DuckDB file (schema created on first use)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self._events: dict[str, list[dict[str, Any]]] = {}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        return None

    def replace_article(self, article: Article, events: list[Event]) -> None:
        """Store an article and its events, replacing what it had (one transaction)."""
        self._events[article.id] = [e.to_record() for e in events]

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Event records matching the filters (actor, country, event_type, since, until)."""
        return [r for rs in self._events.values() for r in rs]


__all__ = ["Store"]
