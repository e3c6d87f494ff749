"""Keeping the server's read index (`resgestae.store.read_index`) fresh.

The index is built at start. After a write (the server's own, or another process's:
`check` compares the store file's version) it is stale: reads go straight to the
tables (correct, slower) while a background thread rebuilds it; a write during a
rebuild starts another one, so the index never serves older data than a read
would see without it. The index lives in the server's in-memory database
(`resgestae.store.shared`), so the store file stays free for other processes.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from resgestae.store import read_index

log = logging.getLogger("resgestae.api")


class IndexKeeper:
    """`ready` says whether reads may use the index now."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lock = threading.Lock()
        self._generation = 0
        self._thread: threading.Thread | None = None
        self._closed = False
        self._version = reader.version()
        with reader.session() as cursor:
            self.ready = read_index.build(cursor)

    def check(self) -> None:
        """Called before a read: another process wrote the store since the build? Rebuild."""
        version = self._reader.version()
        if version != self._version:
            self._version = version
            self.stale()

    def stale(self) -> None:
        """Called after every write: stop using the index and rebuild it."""
        with self._lock:
            self._generation += 1
            self.ready = False
            if self._thread is None:
                self._thread = threading.Thread(target=self._rebuild, daemon=True,
                                                name="resgestae-read-index")
                self._thread.start()

    def close(self, timeout: float = 60.0) -> None:
        """Wait for a rebuild in flight: the store must not close under its cursor."""
        with self._lock:
            self._closed = True  # no further round after the current one
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _rebuild(self) -> None:
        try:
            while True:
                with self._lock:
                    generation = self._generation
                self._version = self._reader.version()
                with self._reader.session() as cursor:
                    built = read_index.build(cursor)
                with self._lock:
                    if generation == self._generation or self._closed:
                        self.ready, self._thread = built, None
                        return
        except Exception:  # the server goes on without the index, on the direct queries
            log.exception("read index rebuild failed; serving without it")
            with self._lock:
                self.ready, self._thread = False, None
