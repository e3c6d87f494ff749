"""The HTTP API (FastAPI): `create_app(db)` builds it, `resgestae serve` runs it."""

from __future__ import annotations

from resgestae.api.app import create_app

__all__ = ["create_app"]
