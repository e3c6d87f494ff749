"""The server's coder: loaded once per process, used by one request at a time."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

from resgestae.config import Config
from resgestae.errors import InputError, StoreError
from resgestae.model import Article
from resgestae.store import Store

if TYPE_CHECKING:
    from resgestae.pipeline import Coded, Coder


class Coding:
    """Codes (and optionally stores) articles off the event loop."""

    def __init__(self, config: Config, store: Store,
                 on_write: Callable[[], None] | None = None,
                 lock: threading.Lock | None = None) -> None:
        self.config, self.store, self.on_write = config, store, on_write
        self._coder: Coder | None = None
        # spaCy pipelines and the DuckDB writer are shared: one batch at a time
        self._lock = threading.Lock()
        # the store file's lock in this process (readers attach it): held while writing
        self._store_lock = lock or threading.Lock()

    @property
    def coder(self) -> Coder:
        """The Coder, loaded on first use (the spaCy model takes seconds to load)."""
        if self._coder is None:
            # imported here: spaCy takes seconds to import, and reads do not need it
            from resgestae.pipeline import Coder

            self._coder = Coder(self.config)
        return self._coder

    def _code(self, items: Sequence[Article | InputError], store: bool) -> list[Coded]:
        with self._lock:
            results = list(self.coder.code(items))
            if store:
                with self._store_lock:
                    results = [self._store(coded) for coded in results]
                if self.on_write:
                    self.on_write()
            return results

    def _store(self, coded: Coded) -> Coded:
        """Store one coded article; one that cannot be stored becomes its item's error
        (a fault of the store itself stops the request: 503)."""
        if coded.error:
            return coded
        try:
            self.store.replace_article(coded.article, coded.events)
        except StoreError as exc:
            if exc.fatal:
                raise
            item = coded.article.origin or coded.article.id
            coded.error, coded.events = InputError(item, f"cannot be stored: {exc}"), []
        return coded

    async def run(self, items: Sequence[Article | InputError], store: bool = False) -> list[Coded]:
        """Code the items in a worker thread; store the coded articles when asked."""
        return await run_in_threadpool(self._code, items, store)

    def preload(self) -> None:
        """Load the model now (at server start) rather than on the first request."""
        with self._lock:
            _ = self.coder
