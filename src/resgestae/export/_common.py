"""Small helpers shared by the export formats."""

from __future__ import annotations

from typing import Any


def first(entities: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The first entity of a list, or an empty dict (GDELT has one actor per side)."""
    return entities[0] if entities else {}


def names(entities: list[dict[str, Any]] | None) -> list[str]:
    """Canonical names of entities, falling back to the text as written."""
    return [e.get("name") or e.get("text") or "" for e in entities or []]


def location(record: dict[str, Any]) -> dict[str, Any]:
    """The record's location object, or an empty dict."""
    return record.get("location") or {}


def has_point(record: dict[str, Any]) -> bool:
    """True when the event has a location with coordinates."""
    loc = location(record)
    return loc.get("lat") is not None and loc.get("lon") is not None
