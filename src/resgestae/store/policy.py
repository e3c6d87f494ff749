"""The store's dedup policy: what the cross-article rules (`resgestae.dedup`) take from
the actor tables. Names are compared without case or accents (`kb.names.ascii_fold`),
and a name whose capitalised words name a country ("American military", "the Iraqi
government") stands for that country (`coding.actor_tables`).

Built on first write: reading a store needs none of the coder's tables.
"""

from __future__ import annotations

from functools import lru_cache

from resgestae.dedup import Policy


@lru_cache(maxsize=1)
def dedup_policy() -> Policy:
    """The policy every store writes with (one per process: the tables are read once)."""
    from resgestae.coding.actor_tables import actor_tables
    from resgestae.kb.names import ascii_fold

    return Policy(fold=ascii_fold, country_of=lambda words: actor_tables().country(words))


__all__ = ["dedup_policy"]
