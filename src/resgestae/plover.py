"""PLOVER knowledge: the 16 event types and what the coder and the exports do with each.

One table, `data/plover_types.yaml` (its header documents every field and flag):
each type's CAMEO root code, GDELT QuadClass and the flags the coder branches on,
plus GDELT's QuadClass by CAMEO root. Everything that needs to know about a type
asks here; no module keeps its own set of type names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

FLAGS = frozenset(
    {
        "verbal_act",
        "addressee_in_content",
        "named_by_victim",
        "joint",
        "force_on_country",
        "happens_at_place",
        "home_target",
        "threat_if_conditioned",
        "deliberate",
        "foreign_prone",
        "actor_from_place",
        "symmetric",
    }
)


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type: its CAMEO root code ("030"), QuadClass (1-4), flags."""

    name: str
    cameo_root: str
    quad_class: int
    flags: frozenset[str]
    unnamed_sector: str | None = None  # sector of an unnamed actor placed by the act


@dataclass(frozen=True)
class PloverTable:
    """The types in PLOVER's order, and QuadClass by two-digit CAMEO root."""

    types: dict[str, PloverType]
    cameo_quad_class: dict[str, int]


def _parse(data: dict) -> PloverTable:
    """The table from the YAML document; ValueError names a type with an unknown flag."""
    types: dict[str, PloverType] = {}
    for row in data["types"]:
        flags = frozenset(row.get("flags") or ())
        unknown = sorted(flags - FLAGS)
        if unknown:
            raise ValueError(f"plover_types.yaml: {row['name']}: unknown flags {unknown}")
        types[row["name"]] = PloverType(
            name=row["name"],
            cameo_root=str(row["cameo_root"]),
            quad_class=int(row["quad_class"]),
            flags=flags,
            unnamed_sector=row.get("unnamed_sector"),
        )
    quads = {str(k): int(v) for k, v in data["cameo_quad_class"].items()}
    return PloverTable(types, quads)


@lru_cache(maxsize=1)
def table() -> PloverTable:
    """The PLOVER table, read once per process."""
    text = resources.files("resgestae").joinpath("data", "plover_types.yaml").read_text("utf-8")
    return _parse(yaml.safe_load(text))


def type_names() -> tuple[str, ...]:
    """The 16 type names in PLOVER's order (AGREE ... ASSAULT)."""
    return tuple(table().types)


def plover_type(name: str | None) -> PloverType | None:
    """The type called `name`, or None for no or an unknown type."""
    return table().types.get(name or "")


def has_flag(name: str | None, flag: str) -> bool:
    """Whether type `name` carries `flag` (False for no or an unknown type).

    Raises KeyError for a flag the table does not define, so a misspelt flag fails loudly."""
    if flag not in FLAGS:
        raise KeyError(f"unknown PLOVER flag {flag!r}")
    found = plover_type(name)
    return found is not None and flag in found.flags


def cameo_root(name: str | None) -> str | None:
    """The CAMEO code for a type when nothing more specific is known ("030" for AGREE)."""
    found = plover_type(name)
    return found.cameo_root if found is not None else None


def quad_class(cameo: str | None, event_type: str | None) -> int | None:
    """GDELT's QuadClass (1-4): from the CAMEO root when there is a code, else the type's."""
    quads = table().cameo_quad_class
    if cameo and len(cameo) >= 2 and cameo[:2] in quads:
        return quads[cameo[:2]]
    found = plover_type(event_type)
    return found.quad_class if found is not None else None
