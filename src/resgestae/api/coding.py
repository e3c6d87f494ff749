"""The server's coding session: opened on the server's store on first use, used by one
request at a time. Articles it stores teach the session's knowledge base, which is
saved to the store with them, as `resgestae code` does."""

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
    from resgestae.pipeline import Coded
    from resgestae.session import Session


class Coding:
    """Codes (and optionally stores) articles off the event loop."""

    def __init__(self, config: Config, store: Store,
                 on_write: Callable[[], None] | None = None,
                 lock: threading.Lock | None = None) -> None:
        self.config, self.store, self.on_write = config, store, on_write
        self._session: Session | None = None
        # spaCy pipelines and the DuckDB writer are shared: one batch at a time
        self._lock = threading.Lock()
        # the store file's lock in this process (readers attach it): held while writing
        self._store_lock = lock or threading.Lock()

    @property
    def session(self) -> Session:
        """The session over the server's store, opened on first use (the spaCy model
        takes seconds to load)."""
        if self._session is None:
            # imported here: spaCy takes seconds to import, and reads do not need it
            from resgestae.session import Session

            self._session = Session(self.config, kb=self._kb())
        return self._session

    def _kb(self):
        """The configured actor files with the store's knowledge base (analysts'
        corrections included) on top, as `resgestae code` codes with."""
        from resgestae.kb import ActorKB
        from resgestae.store.kb_tables import load_kb

        with self._store_lock:  # the file is opened for this read only (store.shared)
            try:
                return load_kb(self.store.con, ActorKB.from_files(self.config.actor_files))
            finally:
                self.store.release()

    def kb_changed(self) -> None:
        """The store's knowledge base changed (a correction): code with it from now on."""
        with self._lock:
            if self._session is not None:
                self._session.kb = self._kb()

    def _code(self, items: Sequence[Article | InputError], store: bool) -> list[Coded]:
        with self._lock:
            results = list(self.session.code(items))
            if store:
                with self._store_lock:
                    results = self._keep(results)
                if self.on_write:
                    self.on_write()
            return results

    def _keep(self, results: list[Coded]) -> list[Coded]:
        """Store the coded articles (one transaction), learn their actors, save the KB;
        when that fails for one article's sake, each is stored alone and the one that
        cannot be becomes its item's error (a fault of the store itself: 503)."""
        try:
            self.session.keep(self.store, results)
        except StoreError as exc:
            if exc.fatal:
                raise
            for coded in results:
                self._keep_one(coded)
            self.session.save(self.store)
        finally:
            self.store.release()
        return results

    def _keep_one(self, coded: Coded) -> None:
        if coded.error is not None or coded.article is None:
            return
        try:
            self.session.keep(self.store, [coded], save=False)
        except StoreError as exc:
            if exc.fatal:
                raise
            item = coded.article.origin or coded.article.id
            coded.error, coded.events = InputError(item, f"cannot be stored: {exc}"), []

    async def run(self, items: Sequence[Article | InputError], store: bool = False) -> list[Coded]:
        """Code the items in a worker thread; store the coded articles when asked."""
        return await run_in_threadpool(self._code, items, store)

    def preload(self) -> None:
        """Load the model now (at server start) rather than on the first request."""
        with self._lock:
            _ = self.session.nlp
