"""Where the knowledge base is kept: the store's tables (`resgestae.store.kb_tables`,
which holds the SQL; nothing outside `store/` speaks SQL). These names stay here for
callers written before the move."""

from __future__ import annotations

from resgestae.store.kb_tables import has_kb, load_kb, save_kb

__all__ = ["has_kb", "load_kb", "save_kb"]
