"""A Dask cluster: partitions of articles coded on the workers, Parquet written here.

    reader (streaming) → partitions of N articles → Dask workers (model loaded once each)
                       → this process writes each partition's Parquet + manifest.json

The client reads the input and writes the output, so the workers need no shared
file system: they only need resgestae installed. A few partitions per worker are
in flight at a time, so memory does not grow with the corpus. A partition whose
task fails is retried (`retries`), then reported with its article ids; the other
partitions still land. A rerun into the same directory skips the articles the
manifest already lists (same id and content hash).
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from resgestae.config import Config
from resgestae.errors import ConfigError, Errors, InputError
from resgestae.model import Article
from resgestae.runner.parquet import Manifest, write_partition
from resgestae.runner.work import Outcome, code_chunk

PARTITION_SIZE = 200  # articles per task: seconds of work, so scheduling overhead stays small
IN_FLIGHT_PER_WORKER = 2
RETRIES = 2
SAVE_EVERY = 5.0  # seconds between manifest rewrites while running


def code_partition(articles: list[Article], config: Config, kb: Any = None) -> list[Outcome]:
    """The Dask task: code one partition on a worker (its Coder is cached per process),
    with the run's actor KB when one was sent (else the KB of `config`'s files)."""
    return code_chunk(articles, config, kb)


@contextmanager
def dask_client(scheduler: str | None = None, n_workers: int | None = None) -> Iterator[Any]:
    """A client for `scheduler`, or for a LocalCluster of `n_workers` processes on 127.0.0.1."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise ConfigError(Errors.E106.format(scheduler=scheduler, why=exc)) from exc
        with client:
            yield client
        return
    # silence_logs: shutdown chatter ("heartbeat failed", "still alive, killing")
    # is not the user's business; task errors reach us through the futures.
    cluster = LocalCluster(n_workers=n_workers or 1, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None,
                           silence_logs=logging.CRITICAL)
    with cluster, Client(cluster) as client:
        yield client


def run_cluster(
    items: Iterable[Article | InputError],
    config: Config,
    parquet_dir: str | Path,
    scheduler: str | None = None,
    n_workers: int | None = None,
    partition_size: int | None = None,
    retries: int = RETRIES,
    on_progress: Callable[[int], Any] | None = None,
    on_error: Callable[[InputError], Any] | None = None,
    task: Callable[..., list[Outcome]] = code_partition,
    kb: Any = None,
) -> dict[str, Any]:
    """Code `items` on a Dask cluster into Parquet under `parquet_dir`; this run's counts.

    `task` is what each partition runs (the real coder by default); `kb`, an actor KB
    (the store's), is sent to every worker once and given to each task.
    """
    run = _Run(Manifest.open(parquet_dir), config, retries, task,
               on_progress or (lambda n: None), on_error or (lambda e: None))
    run.manifest.remove_orphans()
    try:
        with dask_client(scheduler, n_workers) as client:
            shared = (client.scatter(kb, broadcast=True),) if kb is not None else ()
            run.execute(client, _partitions(items, partition_size or PARTITION_SIZE, run),
                        shared)
    finally:
        run.manifest.save()
    return {"counts": run.counts, "manifest": run.manifest.counts()}


def _partitions(
    items: Iterable[Article | InputError], size: int, run: _Run
) -> Iterator[list[Article]]:
    """Partitions of articles not yet in the manifest; read errors are reported on the way."""
    from resgestae.store import text_hash

    done = run.manifest.done()
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        articles = []
        for item in chunk:
            if isinstance(item, InputError):
                run.skip(Outcome(item.item, item=item.item, reason=item.coded))
            elif done.get(item.id) == text_hash(item.text):
                run.counts["already_written"] += 1
            else:
                articles.append(item)
        if articles:
            yield articles


class _Run:
    """One run's state: the manifest, the counts, the callbacks."""

    def __init__(self, manifest: Manifest, config: Config, retries: int, task: Callable,
                 on_progress: Callable[[int], Any], on_error: Callable[[InputError], Any]) -> None:
        self.manifest, self.config, self.retries, self.task = manifest, config, retries, task
        self.on_progress, self.on_error = on_progress, on_error
        self.manifest.data["failures"] = []  # failures are this run's; a rerun retries them
        self.id = time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(2)
        self.next = 0
        self.counts = {"articles": 0, "events": 0, "skipped": 0, "partitions": 0,
                       "failed_partitions": 0, "already_written": 0}

    def execute(self, client: Any, partitions: Iterator[list[Article]],
                shared: tuple[Any, ...] = ()) -> None:
        from distributed import as_completed

        window = max(1, len(client.scheduler_info().get("workers", {}))) * IN_FLIGHT_PER_WORKER
        running: dict[Any, tuple[str, list[Article]]] = {}
        queue = as_completed()
        for articles in partitions:
            name = f"{self.id}-{self.next:05d}"
            self.next += 1
            future = client.submit(self.task, articles, self.config, *shared,
                                   key=f"resgestae-{name}",
                                   retries=self.retries, pure=False)
            running[future] = (name, articles)
            queue.add(future)
            while queue.count() >= window:
                self._land(next(queue), running)
        for future in queue:
            self._land(future, running)

    def _land(self, future: Any, running: dict[Any, tuple[str, list[Article]]]) -> None:
        name, articles = running.pop(future)
        if future.status != "finished":
            self._failed(name, articles, future.exception())
        else:
            self._write(name, future.result())
        future.release()
        self.manifest.save(every=SAVE_EVERY)

    def _write(self, name: str, outcomes: list[Outcome]) -> None:
        from resgestae.store import text_hash

        coded = [(o.article, o.records) for o in outcomes if not o.failed]
        for outcome in outcomes:
            if outcome.failed:
                self.skip(outcome, name)
        files = write_partition(self.manifest.root, name, coded) if coded else []
        events = sum(len(records) for _, records in coded)
        self.manifest.add(name, files, {a.id: text_hash(a.text) for a, _ in coded}, events)
        self.counts["partitions"] += 1
        self.counts["articles"] += len(coded)
        self.counts["events"] += events
        self.on_progress(len(coded))

    def _failed(self, name: str, articles: list[Article], exc: BaseException | None) -> None:
        ids = [a.id for a in articles]
        reason = f"partition failed after {self.retries + 1} attempts: {type(exc).__name__}: {exc}"
        self.manifest.fail(name, ids, reason)
        self.counts["failed_partitions"] += 1
        self.counts["skipped"] += len(ids)
        self.on_error(InputError(f"partition {name} (articles {', '.join(ids)})", reason))
        self.on_progress(len(ids))

    def skip(self, outcome: Outcome, partition: str | None = None) -> None:
        """Report one article that could not be read or coded."""
        self.manifest.fail(partition, [outcome.article_id], outcome.reason or "failed")
        self.counts["skipped"] += 1
        self.on_error(outcome.error())
        self.on_progress(1)
