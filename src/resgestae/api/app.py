"""The FastAPI application: `create_app(db)` is what `resgestae serve` runs."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from resgestae import __version__
from resgestae.api import errors, pages, routes
from resgestae.api.coding import Coding
from resgestae.api.guard import LOOPBACK_HOSTS, MAX_BODY, BodyLimit, BodyTimeout, HostAllowList
from resgestae.api.indexing import IndexKeeper
from resgestae.config import Config
from resgestae.store import Store
from resgestae.store.shared import SharedReader
from resgestae.store.store import LOCK_WAIT


def create_app(
    db: str | None = None,
    token: str | None = None,
    public_reads: bool = False,
    max_body: int = MAX_BODY,
    config: Config | None = None,
    preload: bool = False,
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS,
) -> FastAPI:
    """The app over the store at `db` (Config's default when None).

    `token` defaults to `RESGESTAE_TOKEN`; without one, writes are refused.
    `preload` loads the spaCy model at start instead of on the first coding request.
    `allowed_hosts`: the Host header values answered (loopback names by default; "*" any).
    """
    config = config or Config()
    path = db or config.db

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the store file is shared with the command line (resgestae.store.shared):
        # reads attach it per request, writes open it per request
        with Store(path, wait=LOCK_WAIT, hold=False) as store:
            app.state.store = store  # opened per write (hold=False)
            app.state.reader = reader = SharedReader(path)
            app.state.index = IndexKeeper(reader)
            app.state.coding = Coding(config, store, on_write=app.state.index.stale,
                                      lock=reader.lock)
            if preload:
                app.state.coding.preload()
            try:
                yield
            finally:
                app.state.index.close()
                reader.close()

    app = FastAPI(
        title="resgestae", version=__version__, lifespan=lifespan,
        description="Political event data from news: code text, store, query and export events.",
        docs_url=None, redoc_url=None,
    )
    app.state.token = token if token is not None else os.environ.get("RESGESTAE_TOKEN") or None
    app.state.public_reads = public_reads
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(BodyTimeout)
    app.add_middleware(HostAllowList, allowed=tuple(allowed_hosts))  # outermost: first check
    return app
