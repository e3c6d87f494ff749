"""The event store: an embedded DuckDB file, schema in `resgestae.store.schema`."""

from __future__ import annotations

from resgestae.store.schema import SCHEMA_VERSION
from resgestae.store.store import Store, text_hash

__all__ = ["SCHEMA_VERSION", "Store", "text_hash"]
