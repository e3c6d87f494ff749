"""The actor knowledge base: canonical actors, aliases, roles; name resolution.

    ActorKB            known actors (kb/base.py), seeded by `ActorKB.from_files(paths)`
    resolve_actors     canonical name and kb_id for every actor of an article's events,
                       learning from what coding found (coding.mentions)
    kb.canonical       what an actor is called: the one place canonical names are made
    kb.petrarch        PETRARCH/Phoenix dictionary import
    kb.userfile        user YAML/CSV actor files (import and export)
    kb.persist         save_kb/load_kb in the DuckDB store (store.kb_tables holds the SQL)
"""

from __future__ import annotations

from typing import Any

from resgestae.kb.base import ActorKB, KBEntry, Role


def __getattr__(name: str) -> Any:
    # resolve imports the coding stages, which import kb.canonical: loaded on first use
    if name == "resolve_actors":
        from resgestae.kb.resolve import resolve_actors

        return resolve_actors
    raise AttributeError(name)

__all__ = ["ActorKB", "KBEntry", "Role", "resolve_actors"]
