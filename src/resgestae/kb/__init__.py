"""The actor knowledge base: canonical actors, aliases, roles; name resolution.

    ActorKB            known actors (kb/base.py), seeded by `ActorKB.from_files(paths)`
    resolve_actors     canonical name and kb_id for every actor of an article's events
    kb.petrarch        PETRARCH/Phoenix dictionary import
    kb.userfile        user YAML/CSV actor files (import and export)
    kb.persist         save_kb/load_kb in the DuckDB store (store.kb_tables holds the SQL)
"""

from __future__ import annotations

from resgestae.kb.base import ActorKB, KBEntry, Role
from resgestae.kb.resolve import resolve_actors

__all__ = ["ActorKB", "KBEntry", "Role", "resolve_actors"]
