"""The pipeline, as numbered steps. This is the only module that knows their order.

    read → clean → annotate (spaCy) → find clauses → type events → code actors
         → resolve actors → place + date → evidence → deduplicate → (store)

Storing is left to the caller (CLI, runner, server), so the same steps run in
one process, in a pool of workers or on a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from resgestae import dedup
from resgestae.coding import extract_events
from resgestae.coding.dates import date_events
from resgestae.coding.places import locate_events
from resgestae.coding.verb_match import load_verb_lexicon, use
from resgestae.config import Config
from resgestae.errors import InputError
from resgestae.kb import ActorKB, resolve_actors
from resgestae.model import Article, Event
from resgestae.nlp import load_nlp
from resgestae.readers.clean import prepare_article


@dataclass
class Coded:
    """The outcome for one input item: its events, or the error that stopped it."""

    article: Article | None
    events: list[Event] = field(default_factory=list)
    error: InputError | None = None
    # actors the article taught (kb.base.KBEntry), for the writer to absorb into its KB
    learned: list = field(default_factory=list)


class Coder:
    """Holds the loaded resources (spaCy model, actor KB, gazetteer) for a run."""

    def __init__(self, config: Config | None = None, kb: ActorKB | None = None) -> None:
        self.config = config or Config()
        self.nlp = load_nlp(self.config.model)
        self.kb = kb if kb is not None else ActorKB.from_files(self.config.actor_files)
        self.verbs = load_verb_lexicon(self.config.verb_files, self.config.verb_mode)

    def code(self, items: Iterable[Article | InputError]) -> Iterator[Coded]:
        """Code a stream of articles; errors pass through as `Coded(error=...)`."""
        ready = self._prepared(items)
        texts = ((article.coding_text(), article) for article in ready)
        for doc, article in self.nlp.pipe(texts, as_tuples=True, batch_size=self.config.batch_size):
            yield self._code_doc(doc, article)
        yield from self._errors

    def _prepared(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        # Step 1-2: read and clean. Errors are kept aside and reported after the
        # good articles, so one bad item never stops the batch.
        self._errors: list[Coded] = []
        for item in items:
            if isinstance(item, InputError):
                self._errors.append(Coded(None, error=item))
                continue
            try:
                yield prepare_article(item, self.config)
            except InputError as exc:
                self._errors.append(Coded(item, error=exc))

    def _code_doc(self, doc: Doc, article: Article) -> Coded:
        if self.verbs is None:
            return code_doc(doc, article, self.kb)
        with use(self.verbs):  # the verb dictionaries type verbs for this article
            coded = code_doc(doc, article, self.kb)
        coded.events = self.verbs.finish(coded.events, doc, article, self.kb)
        return coded


def code_doc(doc: Doc, article: Article, kb: ActorKB) -> Coded:
    """Steps 3-10 on one annotated article (the Doc of `article.coding_text()`)."""
    events = extract_events(doc, article)  # step 3-5: clauses, types, actors
    # Each article learns in its own fork of the KB, so its coding never
    # depends on the order articles are coded in, or on the worker.
    fork = kb.fork()
    resolve_actors(events, doc, article, fork)  # step 6: canonical actors
    date_events(events, doc, article)  # step 7: when
    locate_events(events, doc, article)  # step 8: where (the dateline only for recent events)
    for event in events:  # step 9: evidence ids
        event.assign_id()
    merged = dedup.merge_in_article(events, article)  # step 10
    return Coded(article, merged, learned=fork.learned())


def code_text(text: str, date: str | None = None, config: Config | None = None) -> list[Event]:
    """Code one text and return its events (nothing is stored)."""
    from resgestae.model import content_id

    article = Article(id=content_id(text), text=text, date=date)
    coded = next(iter(Coder(config).code([article])))
    if coded.error:
        raise coded.error
    return coded.events


def code_articles(
    articles: Iterable[Article | dict], config: Config | None = None
) -> Iterator[Coded]:
    """Code articles (Article objects, or article records as in DESIGN.md); one Coded each.

    A record that is not a usable article comes back as `Coded(error=...)`."""
    from resgestae.readers.jsonl import record_article

    def items() -> Iterator[Article | InputError]:
        for number, item in enumerate(articles, start=1):
            if isinstance(item, Article):
                yield item
                continue
            try:
                yield record_article(item, f"article {number}")
            except InputError as exc:
                yield exc
            except (TypeError, AttributeError):
                yield InputError(f"article {number}", "not an Article or an article record")

    return Coder(config).code(items())
