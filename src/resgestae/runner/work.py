"""The worker side: code a chunk of articles with a `Session` (resgestae.session), the
run's own in-process, or in a worker process one per configuration and KB, loaded once.

The same function runs in-process (`--workers 1`), in a pool worker and in a
Dask task. What comes back is plain data (articles, event records as dicts,
errors as item + reason), so it pickles cheaply and never drags a spaCy Doc
across a process boundary.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from resgestae.config import Config
from resgestae.errors import Errors, InputError
from resgestae.model import Article

WARM_UP = ("Turkish Defence Minister Hulusi Akar met Libyan officials in Tripoli on Saturday, "
           "two days after warlord Khalifa Haftar threatened to attack Turkish forces.")
# One session per worker process and config: loading the spaCy model costs seconds, a
# chunk should cost milliseconds of set-up. Key -> (the KB it was given, Session).
_SESSIONS: dict[tuple[Any, ...], tuple[Any, Any]] = {}


@dataclass
class Outcome:
    """What coding one article gave: the (cleaned) article and its event records, or why not."""

    article_id: str
    article: Article | None = None
    records: list[dict[str, Any]] = field(default_factory=list)
    item: str | None = None  # where the failed item came from (file, line, article id)
    reason: str | None = None  # why it failed; None when it was coded
    learned: list[Any] = field(default_factory=list)  # KB entries the article taught

    @property
    def failed(self) -> bool:
        return self.reason is not None

    def error(self) -> InputError:
        """The failure as the InputError the command line reports."""
        return InputError(self.item or self.article_id, self.reason or "unknown failure")


def _key(config: Config) -> tuple[Any, ...]:
    return config.key()


def get_session(config: Config, kb: Any = None) -> Any:
    """This process's Session for `config` (and `kb`, when given), loaded on first use."""
    key = _key(config)
    cached = _SESSIONS.get(key)
    if cached is None or (kb is not None and cached[0] is not kb):
        from resgestae.session import Session  # spaCy is imported only where coding happens

        cached = _SESSIONS[key] = (kb, Session(config, kb=kb))
    return warm(cached[1])


get_coder = get_session  # the name before sessions


def warm(session: Any) -> Any:
    """`session`, after coding one article once in it (the first time only).

    Stages that set themselves up on first use (matchers, gazetteer) must do it
    outside a memory zone, or the strings they add would be freed with the zone.
    A throwaway KB: the run's KB must not learn actors from this sentence."""
    if session.warmed:
        return session
    from resgestae.kb import ActorKB

    kb, session.kb = session.kb, ActorKB()
    try:
        for _ in session.code([Article(id="warm-up", text=WARM_UP, date="2020-12-26")]):
            pass
    finally:
        session.kb = kb
    session.warmed = True
    from resgestae.resources import settle_heap

    settle_heap()  # what the session loaded stays for the process's life
    return session


def code_chunk(articles: list[Article], config: Any, kb: Any = None) -> list[Outcome]:
    """Code a chunk of articles with `config` (a Session, or a Config: this process's
    session for it and `kb`); one article that breaks a stage never loses the others."""
    session = warm(config) if hasattr(config, "code") else get_session(config, kb)
    try:
        return _code_all(session, articles)
    except Exception:  # noqa: BLE001 - a bug in a stage: find the article, keep the rest
        return [_code_one(session, article) for article in articles]


def _code_all(session: Any, articles: list[Article]) -> list[Outcome]:
    # memory_zone frees the strings each chunk adds to the vocabulary, so a
    # long-running worker does not grow with the corpus.
    with session.nlp.memory_zone():
        return [_outcome(coded) for coded in session.code(articles)]


def _code_one(session: Any, article: Article) -> Outcome:
    try:
        return _code_all(session, [article])[0]
    except Exception as exc:  # noqa: BLE001 - reported per article, the batch goes on
        where = traceback.extract_tb(exc.__traceback__)[-1]
        place = f"{os.path.basename(where.filename)}:{where.lineno}"
        reason = Errors.E013.format(error=f"{type(exc).__name__}: {exc}", place=place)
        return Outcome(article.id, None, item=article.origin or article.id, reason=reason)


def _outcome(coded: Any) -> Outcome:
    article = coded.article
    if coded.error is not None:
        error = coded.error
        item = getattr(error, "item", None) or (article.origin if article else None)
        reason = getattr(error, "coded", None) or str(error)
        return Outcome(article.id if article else item or "?", None, item=item, reason=reason)
    records = [event.to_record() for event in coded.events]
    return Outcome(article.id, article, records, learned=coded.learned)


def init_pool_worker(config: Config, kb: Any, parent_pid: int) -> None:
    """Pool initializer: ignore Ctrl-C (the parent stops us), load the model, watch the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    get_session(config, kb)


def pool_task(articles: list[Article], config: Config) -> list[Outcome]:
    """What a pool worker runs for one chunk (its Session is already loaded)."""
    return code_chunk(articles, config)


def _exit_with_parent(parent_pid: int) -> None:
    # A parent killed with -9 cannot stop its workers; they would sit on the
    # task queue forever. Leave as soon as the parent is gone.
    while _alive(parent_pid):
        time.sleep(1.0)
    os._exit(1)


def _alive(pid: int) -> bool:
    """Whether `pid` runs; a killed parent not yet reaped (a zombie) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return True  # no /proc (not Linux): kill(pid, 0) is all we can know
