"""The pipeline, as numbered steps. This is the only module that knows their order:
`code_doc` runs the coding steps 4-9 on one annotated article, in one function;
`code` cleans (2) and annotates (3) a stream of articles before it.

    1 read (readers)  →  2 clean (readers.clean)  →  3 annotate (spaCy: nlp)
    →  4 clauses, event types, actors; the article's persons and acronyms (coding)
    →  5 canonical actors: the KB learns from what 4 found (kb.resolve, kb.canonical)
    →  6 when (coding.dates)  →  7 where (coding.places)
    →  8 evidence: exact spans and the event id (here)  →  9 merge in the article (dedup)
    →  10 store, merging across articles (store, with dedup's rules)

Reading (1) and storing (10) are the caller's, through `resgestae.session.Session`,
which every way in codes with (CLI, runners, server, library, spaCy component); the
same steps run in one process, in a pool of workers or on a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from resgestae import dedup
from resgestae.coding import extract_events
from resgestae.coding.dates import date_events
from resgestae.coding.mentions import ArticleMentions
from resgestae.coding.places import locate_events
from resgestae.config import Config
from resgestae.errors import Errors, InputError
from resgestae.kb import ActorKB, resolve_actors
from resgestae.model import Article, Event
from resgestae.readers.clean import prepare_article
from resgestae.resources import Resources, resources_for


@dataclass
class Coded:
    """The outcome for one input item: its events, or the error that stopped it."""

    article: Article | None
    events: list[Event] = field(default_factory=list)
    error: InputError | None = None
    # actors the article taught (kb.base.KBEntry), for the writer to absorb into its KB
    learned: list = field(default_factory=list)


def code(items: Iterable[Article | InputError], nlp: Language, kb: ActorKB,
         config: Config, resources: Resources | None = None) -> Iterator[Coded]:
    """Steps 2-9 on a stream of read items; one Coded each, read and clean errors
    (`Coded(error=...)`) after the coded articles, so one bad item never stops a batch.
    `resources` are the session's (default: `config`'s, `resources.resources_for`).

    Any exception on one article (cleaning it, spaCy on its text, a coding stage)
    becomes that article's error; the others are coded as if it were not there."""
    resources = resources or resources_for(config)
    errors: list[Coded] = []
    ready = _cleaned(items, config, errors, resources)  # step 2
    while batch := list(islice(ready, config.batch_size)):
        yield from _code_batch(batch, nlp, kb, config, resources)
    yield from errors


def _code_batch(batch: list[Article], nlp: Language, kb: ActorKB, config: Config,
                resources: Resources) -> Iterator[Coded]:
    texts = [(article.coding_text(), article) for article in batch]
    try:  # step 3
        with resources.active():  # never across a yield: see resources
            docs = list(nlp.pipe(texts, as_tuples=True, batch_size=len(batch)))
    except Exception:  # noqa: BLE001 - one text broke spaCy: annotate one at a time
        with resources.active():
            docs = [_annotate_one(nlp, article) for article in batch]
    for doc, article in docs:
        if isinstance(article, Coded):  # its annotation failed
            yield article
            continue
        try:
            coded = code_doc(doc, article, kb, config, resources)
        except Exception as exc:  # noqa: BLE001 - a coding-stage bug on one article
            coded = Coded(article, error=item_error(article, "coding", exc))
        yield coded


def _annotate_one(nlp: Language, article: Article) -> tuple[Doc | None, Article | Coded]:
    try:
        return nlp(article.coding_text()), article
    except Exception as exc:  # noqa: BLE001 - reported as this article's error
        return None, Coded(article, error=item_error(article, "annotating", exc))


def _cleaned(items: Iterable[Article | InputError], config: Config,
             errors: list[Coded], resources: Resources) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            errors.append(Coded(None, error=item))
            continue
        try:
            with resources.active():  # the dateline and truecasing read the gazetteer
                ready = prepare_article(item, config)
        except InputError as exc:
            errors.append(Coded(item, error=exc))
        except Exception as exc:  # noqa: BLE001 - a cleaning bug on one article
            errors.append(Coded(item, error=item_error(item, "cleaning", exc)))
        else:
            yield ready


def item_error(article: Article, stage: str, exc: BaseException) -> InputError:
    """An unexpected exception on one article as its InputError (E013): the stage, the
    exception's type and first line, and where it was raised."""
    import os
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    place = f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else "?"
    message = str(exc).splitlines()[0][:300] if str(exc) else ""
    return InputError(article.origin or article.id, Errors.E013.format(
        error=f"{stage}: {type(exc).__name__}: {message}", place=place))


def code_doc(doc: Doc, article: Article, kb: ActorKB, config: Config | None = None,
             resources: Resources | None = None) -> Coded:
    """Steps 4-9 on one annotated article (`doc` is the Doc of `article.coding_text()`).

    `kb` is the session's knowledge base: the article learns in a fork of it, returned
    in `Coded.learned` for the caller to absorb when it stores the article. `resources`
    are the session's (default: those of `config`): the stages read the lexicon,
    gazetteer and clause model of this configuration, and its PETRARCH verb
    dictionaries, if any, type verbs in step 4 and apply their discards and A:B twins
    after step 9."""
    resources = resources or resources_for(config or Config())
    with resources.active():
        events = extract_events(doc, article)  # step 4: clauses, types, actors
        found = ArticleMentions(doc)  # ... and the article's persons and acronyms, for the KB
        # Each article learns in its own fork of the KB, so its coding never
        # depends on the order articles are coded in, or on the worker.
        fork = kb.fork()
        resolve_actors(events, doc, article, fork, found)  # step 5: canonical actors
        date_events(events, doc, article)  # step 6: when
        locate_events(events, doc, article)  # step 7: where (the dateline only for recent events)
        for event in events:  # step 8: evidence spans, then the id (which reads them)
            mark_evidence(event, doc)
            event.assign_id()
        merged = dedup.merge_in_article(events, article)  # step 9
        if resources.verbs is not None:  # PETRARCH's discards and A:B twins
            merged = resources.verbs.finish(merged, doc, article, kb)
    return Coded(article, merged, learned=fork.learned())


def mark_evidence(event: Event, doc: Doc) -> None:
    """Set each actor's and recipient's `span` (article character offsets, [start, end))
    from the tokens it was coded from, known exactly here and never searched for later.
    An entity not read from the text (a country inferred from a place) keeps None."""
    for entity in (*event.actor, *event.recipient):
        if entity._tokens is not None:
            start, end = entity._tokens
            entity.span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
