"""A store file shared by a long-running server and the command line.

DuckDB lets one process write a file, and no other process open it meanwhile. So
no process holds the store longer than one unit of work:

- `resgestae code`, `load` (and a server's own `POST /v1/articles`) open the file
  for each chunk's write transaction and close it after (`Store(hold=False)`);
- the server reads through `SharedReader`: each request attaches the file read-only
  to the server's in-memory DuckDB, queries, and detaches it;
- whoever finds the file busy waits (retrying, up to `store.LOCK_WAIT` seconds),
  which is at most one chunk's write or one request's query.

The server's read index lives in its in-memory database, outside the file; it is
rebuilt when the file changes (`SharedReader.version`: size and modification time
of the file and its write-ahead log).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb

from resgestae.errors import StoreError, safe_name
from resgestae.store.store import LOCK_WAIT, SAFE_CONFIG, _locked, _why

ALIAS = "store"


class SharedReader:
    """Read sessions on the store file for a server that must not hold it."""

    def __init__(self, path: str, wait: float = LOCK_WAIT) -> None:
        self.path, self.wait = path, wait
        self.mem = duckdb.connect(":memory:", config=dict(SAFE_CONFIG))
        # one session at a time in this process: attach/detach must not interleave,
        # and this process's own writes (the server's POST) take it too
        self.lock = threading.Lock()

    @contextmanager
    def session(self) -> Iterator[Any]:
        """A cursor whose default database is the store, attached read-only for the
        session; the file is free again when the session ends."""
        with self.lock:
            self._attach()
            cursor = self.mem.cursor()
            try:
                cursor.execute(f"USE {ALIAS}")
                yield cursor
            finally:
                cursor.close()
                self.mem.execute(f"DETACH {ALIAS}")

    def _attach(self) -> None:
        deadline, pause = time.monotonic() + self.wait, 0.02
        while True:
            try:
                self.mem.execute(f"ATTACH ? AS {ALIAS} (READ_ONLY)", [self.path])
                return
            except duckdb.Error as exc:
                if not (_locked(exc) and time.monotonic() < deadline):
                    raise StoreError(f"{safe_name(self.path)}: cannot read the store: "
                                     f"{_why(exc)}") from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def version(self) -> tuple[int, ...]:
        """What changes when another process writes the file: size and mtime of it and its WAL."""
        found: list[int] = []
        for path in (self.path, self.path + ".wal"):
            try:
                info = os.stat(path)
                found += [info.st_size, info.st_mtime_ns]
            except OSError:
                found += [-1, -1]
        return tuple(found)

    def close(self) -> None:
        self.mem.close()
