"""What an actor is called: canonical names, made in one place.

    country_name(code)        "TUR" -> "Turkey" (the actor tables' canonical name)
    group_name(entity)        a collective by country and sector: "Turkish military"
    name_from_words(entity)   an entity made without tokens, named from its words
    fill(entity, entry)       the entity takes its KB entry's name and kb_id, and the
                              country, sector and title it lacks (a user's entry wins)

The coding stages call `country_name` when they make an entity of a country; the
knowledge base (`kb.resolve`) calls the rest when it resolves each actor and
recipient of an article. Sources: `data/actors/` (countries.tsv, organizations.tsv,
sectors.yaml), through `coding.actor_tables`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from resgestae.coding.actor_tables import actor_tables
from resgestae.model import Entity

if TYPE_CHECKING:  # kb.base imports the coding package, which imports this module
    from resgestae.kb.base import KBEntry


def country_name(code: str, default: str | None = None) -> str:
    """The canonical name of the country with ISO-3 `code` (`default`, else the code
    itself, for a code the tables lack)."""
    return actor_tables().names.get(code, code if default is None else default)


def group_name(entity: Entity) -> str:
    """A collective's name: "<country adjective> <sector label>" ("Turkish military"),
    "unidentified attackers in <country>", else its words less articles."""
    lex = actor_tables()
    label = lex.sector_labels.get(entity.sector or "")
    if entity.country and entity.sector == "UAF":  # whose gunmen is what no one knows
        return f"unidentified attackers in {lex.names.get(entity.country, entity.country)}"
    if entity.country and label:
        adjective = lex.adjectives.get(entity.country) or lex.names.get(entity.country, "")
        return f"{adjective} {label}".strip()
    words = [w for w in entity.name.split() if w.lower() not in ("the", "a", "an")]
    return " ".join(words) or entity.text


def name_from_words(entity: Entity) -> None:
    """An entity made without tokens: the organisation or country its words name
    (in place: name, country, sectors, sector)."""
    lex = actor_tables()
    words = re.sub(r"^(the|a|an)\s+", "", entity.text.strip(), flags=re.IGNORECASE)
    org, country = lex.org(words), lex.country(words)
    if org is not None:
        entity.name, entity.country = org.name, entity.country or org.country
        entity.sectors = entity.sectors or list(org.sectors)
    elif country is not None and country.kind != "capital":
        entity.name, entity.country = country.name, entity.country or country.code
    entity.sector = entity.sector or (entity.sectors[0] if entity.sectors else None)


def fill(entity: Entity, entry: KBEntry) -> None:
    """The entity as its KB entry names it (in place); counts the mention on the entry."""
    entity.name = entry.name
    entity.kb_id = entry.kb_id
    if entry.source == "user":  # a user's entry overrides the built-in tables
        entity.country = entry.country or entity.country
        if entry.sectors:
            entity.sector, entity.sectors = entry.sectors[0], list(entry.sectors)
        entity.title = entry.title or entity.title
    entity.country = entity.country or entry.country
    if not entity.sector and entry.sectors:
        entity.sector = entry.sectors[0]
        entity.sectors = list(entry.sectors)
    entity.title = entity.title or entry.title
    entry.mentions += 1
