"""Small helpers shared by the export formats."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from resgestae.plover import plover_type, quad_class


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


@lru_cache(maxsize=1)
def _goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein score (data/export/cameo_goldstein.tsv, GDELT's lookup)."""
    text = resources.files("resgestae").joinpath("data/export/cameo_goldstein.tsv").read_text(
        "utf-8")
    rows = [line.split("\t") for line in text.splitlines()
            if line and not line.startswith("#")][1:]
    return {code: float(score) for code, score in rows}


def goldstein(cameo: str | None) -> float | None:
    """The CAMEO Goldstein score (-10..10) of a code, falling back to its base and root
    code (a code the table lacks scores as its parent); None without a CAMEO code."""
    table = _goldstein_table()
    code = (cameo or "").strip()
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 2 else ""
    return None


def analysts_fields(record: dict[str, Any]) -> dict[str, Any]:
    """`quad_class` and `goldstein` of an event record, from its CAMEO code, or for an event
    without one, from its PLOVER type's CAMEO root code (`resgestae.plover`)."""
    cameo, kind = record.get("cameo"), record.get("event_type")
    root = plover_type(kind)
    score = goldstein(cameo) if cameo else goldstein(root.cameo_root if root else None)
    return {"quad_class": quad_class(cameo, kind), "goldstein": score}
