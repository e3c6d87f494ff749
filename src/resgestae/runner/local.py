"""One machine, all cores: stream articles to worker processes, write from one process.

    reader (streaming) → ledger filter → chunks → N workers (spaCy loaded once each)
                                                 → this process writes each chunk

At most a few chunks per worker are in flight, so memory does not grow with
the corpus. Only this process writes to the store (DuckDB allows one writer);
each chunk is written in one transaction together with its ledger rows
(id + content hash), so a run killed at any moment loses at most the chunks
in flight, and the same command started again codes exactly those.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from resgestae.config import Config
from resgestae.errors import Errors, InputError, StoreError
from resgestae.model import Article
from resgestae.runner.work import Outcome, code_chunk, init_pool_worker, pool_task

CHUNK_SIZE = 32  # articles per task: big enough for nlp.pipe batching, small for memory
IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker, so no worker waits on the reader


@dataclass
class Progress:
    """Counts for the closing summary."""

    coded: int = 0
    failed: int = 0
    events: int = 0
    stored_before: int = 0  # already in the store with the same content: not re-coded
    # ids stored before with another text: coding them replaces the stored article
    replaced: set[str] = field(default_factory=set)


def default_workers() -> int:
    """All cores."""
    return os.cpu_count() or 1


def run_local(
    items: Iterable[Article | InputError],
    session: Any,
    store: Any = None,
    workers: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    progress: Progress | None = None,
    recode: bool = False,
) -> Iterator[Outcome]:
    """Code `items` on `workers` processes, writing each outcome to `store` as it arrives.

    `session` is the run's `resgestae.session.Session` (a `Config` makes one without a
    store's actors); worker processes get its configuration and knowledge base, and what
    the stored articles teach comes back into it (the caller saves it). Yields every
    outcome (coded or failed) after it is stored. Articles the store already holds with
    the same content hash are skipped and counted in `progress.stored_before`, unless
    `recode`. `workers=1` codes in this process.
    """
    if isinstance(session, Config):
        from resgestae.session import Session

        session = Session(session)
    progress = progress or Progress()
    # --recode: code stored articles again (their events are replaced, never doubled)
    chunks = _chunks(items, chunk_size, None if recode else store, progress)
    workers = workers or default_workers()
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if workers <= 1 or second is None:
        # one worker, or too little input to pay for starting processes
        coded = _in_process(_chain(first, second, chunks), session)
    else:
        coded = _in_pool(_chain(first, second, chunks), session.config, session.kb, workers)
    # What articles teach joins the session's KB at the end, in article id order: every
    # article of a run is coded with the KB the run started with, as pool workers
    # are, so 1 or N workers (and a resumed run) code each article alike.
    learned: list[tuple[str, list[Any]]] = []
    for batch in coded:
        _record(batch, store, progress)
        learned += [(o.article_id, o.learned) for o in batch if o.learned and not o.failed]
        yield from batch
    for _, entries in sorted(learned, key=lambda pair: pair[0]):
        session.absorb(entries)


def _chain(first: list[Any], second: list[Any] | None, rest: Iterator[list[Any]]) -> Iterator:
    yield first
    if second is not None:
        yield second
        yield from rest


def _chunks(
    items: Iterable[Article | InputError], size: int, store: Any, progress: Progress
) -> Iterator[list[Article | InputError]]:
    """Chunks of items still to code; read errors travel in them to keep their order."""
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        todo = _not_stored(chunk, store, progress.replaced)
        progress.stored_before += len(chunk) - len(todo)
        if todo:
            yield todo


def _not_stored(chunk: list[Article | InputError], store: Any,
                replaced: set[str] | None = None) -> list[Article | InputError]:
    """Drop articles the ledger already holds with the same content (one query per chunk);
    add to `replaced` the ids it holds with another text."""
    articles = [a for a in chunk if isinstance(a, Article)]
    if store is None or not articles:
        return chunk
    from resgestae.store import text_hash

    done = store.content_hashes([a.id for a in articles])
    if replaced is not None:
        replaced.update(a.id for a in articles
                        if a.id in done and done[a.id] != text_hash(a.text))
    return [
        a for a in chunk
        if not (isinstance(a, Article) and done.get(a.id) == text_hash(a.text))
    ]


def _split(chunk: list[Article | InputError]) -> tuple[list[Article], list[Outcome]]:
    articles = [a for a in chunk if isinstance(a, Article)]
    errors = [Outcome(e.item, item=e.item, reason=e.coded) for e in chunk
              if isinstance(e, InputError)]
    return articles, errors


def _in_process(chunks: Iterator[list[Any]], session: Any) -> Iterator[list[Outcome]]:
    for chunk in chunks:
        articles, errors = _split(chunk)
        yield errors + (code_chunk(articles, session) if articles else [])


def _in_pool(
    chunks: Iterator[list[Any]], config: Config, kb: Any, workers: int
) -> Iterator[list[Outcome]]:
    pool = _Pool(config, kb, workers)
    finished = False
    try:
        yield from pool.run(chunks)
        finished = True
    finally:
        pool.stop(finished)


class _Pool:
    """A process pool with a bounded window of chunks in flight, restarted if a worker dies."""

    def __init__(self, config: Config, kb: Any, workers: int) -> None:
        self.config, self.kb, self.workers = config, kb, workers
        self.executor = self._start()
        self.pending: dict[Future, list[Article]] = {}

    def _start(self) -> ProcessPoolExecutor:
        methods = multiprocessing.get_all_start_methods()
        # never plain fork: this process holds DuckDB and tqdm threads
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        return ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=init_pool_worker,
            initargs=(self.config, self.kb, os.getpid()),
        )

    def run(self, chunks: Iterator[list[Any]]) -> Iterator[list[Outcome]]:
        """Outcomes chunk by chunk, as workers finish them."""
        window = self.workers * IN_FLIGHT_PER_WORKER
        for chunk in chunks:
            articles, errors = _split(chunk)
            if errors:
                yield errors
            if articles:
                self._submit(articles)
            while len(self.pending) >= window:
                yield from self._collect()
        while self.pending:
            yield from self._collect()

    def _submit(self, articles: list[Article]) -> None:
        self.pending[self.executor.submit(pool_task, articles, self.config)] = articles

    def _collect(self) -> Iterator[list[Outcome]]:
        done, _ = wait(list(self.pending), return_when=FIRST_COMPLETED)
        broken: list[list[Article]] = []
        for future in done:
            articles = self.pending.pop(future)
            try:
                yield future.result()
            except BrokenProcessPool:
                broken.append(articles)
        if broken:
            yield from self._recover(broken)

    def _recover(self, broken: list[list[Article]]) -> Iterator[list[Outcome]]:
        """A worker died (killed, out of memory): code the lost chunks one article at a time."""
        lost = broken + list(self.pending.values())
        self.pending.clear()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        for articles in lost:
            yield [self._retry_one(article) for article in articles]

    def _retry_one(self, article: Article) -> Outcome:
        try:
            return self.executor.submit(pool_task, [article], self.config).result()[0]
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return Outcome(article.id, item=article.origin or article.id,
                           reason=Errors.E015)

    def stop(self, finished: bool = False) -> None:
        """Stop; when interrupted, at once: the workers hold nothing that needs saving."""
        if finished:
            self.executor.shutdown(wait=True)
            return
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()


def _record(batch: list[Outcome], store: Any, progress: Progress) -> None:
    """Store a chunk's coded articles in one transaction; count everything.

    When the chunk's write fails for one article's sake, each article is written
    alone, and the one that cannot be stored becomes that item's error; a fault
    of the store itself (disk full, I/O) stops the run with its one clear error.
    """
    coded = [o for o in batch if not o.failed]
    if store is not None and coded:
        try:
            store.write_batch([(o.article, o.records) for o in coded])
        except StoreError as exc:
            if exc.fatal:
                raise
            for outcome in coded:
                _store_one(outcome, store)
    stored = [o for o in batch if not o.failed]
    progress.failed += len(batch) - len(stored)
    progress.coded += len(stored)
    progress.events += sum(len(o.records) for o in stored)


def _store_one(outcome: Outcome, store: Any) -> None:
    try:
        store.write_batch([(outcome.article, outcome.records)])
    except StoreError as exc:
        if exc.fatal:
            raise
        outcome.item = outcome.article.origin or outcome.article_id
        outcome.reason = f"cannot be stored: {exc}"
        outcome.records = []
