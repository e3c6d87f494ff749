"""One coding session: the resources for a `Config`, and the whole coding flow.

Every way in codes through a `Session`: `resgestae code` (and its worker processes
and Dask tasks), the HTTP API (`POST /v1/code`, `POST /v1/articles`),
`resgestae.code_text`/`code_articles` and the spaCy component `resgestae_events`.
So one article gives the same records whichever way it comes in.

    session = Session.open(config)        # the actors of config.db's store, if there is one
    for coded in session.code(articles):  # prepare → spaCy → pipeline.code_doc, one Coded each
        ...
    session.keep(store, coded_list)       # store the events, learn their actors, save the KB

What a session owns:

- the spaCy pipeline of `config.model` (loaded once per process and model: `nlp.load_nlp`);
- the actor knowledge base: the entries of `config.actor_files`, plus the store's
  (imported with `resgestae actors --import`, or learned from stored articles) when the
  session is opened on a store. Each article is coded in a fork of it (`pipeline.code_doc`),
  so coding never depends on the order of articles; what articles teach comes back into
  it only when they are stored (`keep`/`absorb`), and goes to the store with `save`.

- the resources of its configuration (`resources.resources_for`): the lexicon with
  `config.lexicon_files`, the verb dictionaries of `config.verb_files`, the gazetteer
  with `config.place_files`, the clause model of `config.clause_model`; shared by the
  sessions of this process with the same settings, and made current around each
  article it codes, so sessions with different settings interleave freely.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from resgestae import pipeline
from resgestae.config import Config
from resgestae.errors import Errors, InputError, StoreError
from resgestae.kb import ActorKB
from resgestae.model import Article, Event, content_id
from resgestae.nlp import load_nlp
from resgestae.pipeline import Coded
from resgestae.resources import ResourceKey, resources_for

if TYPE_CHECKING:
    from resgestae.coding.verb_match import VerbLexicon
    from resgestae.store import Store

log = logging.getLogger(__name__)


class Session:
    """The resources for one configuration and the coding flow over them.

    `kb` replaces the knowledge base the configuration's files give (a worker
    process gets the parent's, already holding the store's actors).
    """

    def __init__(self, config: Config | None = None, kb: ActorKB | None = None) -> None:
        self.config = config or Config()
        self.kb = kb if kb is not None else ActorKB.from_files(self.config.actor_files)
        self.resources = resources_for(self.config)  # ConfigError for a bad user file
        self.warmed = False  # the runners code one sentence first (runner.work.warm)

    @property
    def verbs(self) -> VerbLexicon | None:
        """The verb dictionaries of `config` (PETRARCH's, or the packaged breadth), if any."""
        return self.resources.verbs

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline of `config.model`, loaded on first use (seconds) and then
        shared by every session of this process with the same model (`nlp.load_nlp`)."""
        return load_nlp(self.config.model)

    # -- opening ------------------------------------------------------------------

    @classmethod
    def on_store(cls, config: Config, store: Store) -> Session:
        """A session with the actors of `config.actor_files` and those `store` holds."""
        from resgestae.store.kb_tables import load_kb

        return cls(config, kb=load_kb(store.con, ActorKB.from_files(config.actor_files)))

    @classmethod
    def open(cls, config: Config | None = None) -> Session:
        """A session with the actors of the store at `config.db` when there is one.

        The store is read (read-only) and closed again. A store another process is
        writing to cannot be read: the session then codes with the files' actors, and
        says so in the log (`resgestae.session`)."""
        config = config or Config()
        if config.db == ":memory:" or not Path(config.db).exists():
            return cls(config)
        from resgestae.store import Store

        try:
            with Store(config.db, read_only=True) as store:
                return cls.on_store(config, store)
        except StoreError as exc:
            log.warning("coding without the store's actors: %s", exc)
            return cls(config)

    # -- coding -------------------------------------------------------------------

    def code(self, items: Iterable[Article | InputError]) -> Iterator[Coded]:
        """Code a stream of articles (`pipeline.code`); errors pass through as
        `Coded(error=...)`, after the good articles. Nothing is stored or learned
        (see `keep`)."""
        return pipeline.code(items, self.nlp, self.kb, self.config, self.resources)

    def code_doc(self, doc: Doc, article: Article) -> Coded:
        """The pipeline's steps after annotation, on `doc` (the Doc of the article's
        coding text), with this session's configuration and knowledge base."""
        return pipeline.code_doc(doc, article, self.kb, self.config, self.resources)

    # -- learning and storing -----------------------------------------------------

    def absorb(self, learned: Iterable[Any]) -> None:
        """Take in the actors stored articles taught (`Coded.learned`, in input order)."""
        self.kb.absorb(learned)

    def keep(self, store: Store, coded: Iterable[Coded], save: bool = True) -> None:
        """Store coded articles (one transaction), learn their actors, save the KB."""
        done = [c for c in coded if c.error is None and c.article is not None]
        store.write_batch([(c.article, [e.to_record() for e in c.events]) for c in done])
        for item in done:
            self.absorb(item.learned)
        if save:
            self.save(store)

    def save(self, store: Store) -> None:
        """Write the knowledge base (with what stored articles taught) into `store`."""
        from resgestae.store.kb_tables import save_kb

        save_kb(store.con, self.kb)


Coder = Session  # the name before sessions (resgestae <= 0.1)


def code_text(text: str, date: str | None = None, config: Config | None = None) -> list[Event]:
    """Code one text and return its events (nothing is stored).

    The actors of the store at `config.db` take part, as in `resgestae code`."""
    from resgestae.readers.dates import given_date
    from resgestae.readers.text import normalise

    text = normalise(text)  # valid Unicode, plain spaces: as every reader gives
    article = Article(id=content_id(text), text=text, date=given_date(date, "text"))
    coded = next(iter(_shared(config).code([article])))
    if coded.error:
        raise coded.error
    return coded.events


def code_articles(
    articles: Iterable[Article | dict], config: Config | None = None
) -> Iterator[Coded]:
    """Code articles (Article objects, or article records as in DESIGN.md); one Coded each.

    A record that is not a usable article comes back as `Coded(error=...)`. The actors
    of the store at `config.db` take part; nothing is stored."""
    return _shared(config).code(_items(articles))


# Sessions of `code_text`/`code_articles` (which never store, so never change their KB),
# by configuration and the state of the store's file: calling them in a loop reads the
# store's actors once, and again only after the store (or a user lexicon or places
# file) changed.
_SHARED: dict[tuple[object, ...], Session] = {}


def _shared(config: Config | None) -> Session:
    config = config or Config()
    try:
        stat = Path(config.db).stat()
        stamp: tuple[object, ...] = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = ()
    key = (config.key(), stamp, ResourceKey.of(config))  # an edited --lexicon: read again
    if key not in _SHARED:
        if len(_SHARED) >= 8:  # a few configurations at a time; the oldest goes
            _SHARED.pop(next(iter(_SHARED)))
        _SHARED[key] = Session.open(config)
    return _SHARED[key]


def _items(articles: Iterable[Article | dict]) -> Iterator[Article | InputError]:
    from resgestae.readers.jsonl import record_article

    for number, item in enumerate(articles, start=1):
        if isinstance(item, Article):
            yield item
            continue
        try:
            yield record_article(item, f"article {number}")
        except InputError as exc:
            yield exc
        except (TypeError, AttributeError):
            yield InputError(f"article {number}", Errors.E014)


__all__ = ["Coded", "Coder", "Session", "code_articles", "code_text"]
