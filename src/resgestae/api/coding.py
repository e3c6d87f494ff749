"""The server's coder: loaded once per process, used by one request at a time."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

from resgestae.config import Config
from resgestae.errors import InputError
from resgestae.model import Article
from resgestae.store import Store

if TYPE_CHECKING:
    from resgestae.pipeline import Coded, Coder


class Coding:
    """Codes (and optionally stores) articles off the event loop."""

    def __init__(self, config: Config, store: Store,
                 on_write: Callable[[], None] | None = None) -> None:
        self.config, self.store, self.on_write = config, store, on_write
        self._coder: Coder | None = None
        # spaCy pipelines and the DuckDB writer are shared: one batch at a time
        self._lock = threading.Lock()

    @property
    def coder(self) -> Coder:
        """The Coder, loaded on first use (the spaCy model takes seconds to load)."""
        if self._coder is None:
            # imported here: spaCy takes seconds to import, and reads do not need it
            from resgestae.pipeline import Coder

            self._coder = Coder(self.config, kb=self._kb())
        return self._coder

    def _kb(self):
        """The configured actor files with the store's knowledge base (analysts'
        corrections included) on top, as `resgestae code` codes with."""
        from resgestae.kb import ActorKB
        from resgestae.kb.persist import load_kb

        con = self.store.con.cursor()
        try:
            return load_kb(con, ActorKB.from_files(self.config.actor_files))
        finally:
            con.close()

    def kb_changed(self) -> None:
        """The store's knowledge base changed (a correction): code with it from now on."""
        with self._lock:
            if self._coder is not None:
                self._coder.kb = self._kb()

    def _code(self, items: Sequence[Article | InputError], store: bool) -> list[Coded]:
        with self._lock:
            results = list(self.coder.code(items))
            if store:
                for coded in results:
                    if not coded.error:
                        self.store.replace_article(coded.article, coded.events)
                if self.on_write:
                    self.on_write()
            return results

    async def run(self, items: Sequence[Article | InputError], store: bool = False) -> list[Coded]:
        """Code the items in a worker thread; store the coded articles when asked."""
        return await run_in_threadpool(self._code, items, store)

    def preload(self) -> None:
        """Load the model now (at server start) rather than on the first request."""
        with self._lock:
            _ = self.coder
