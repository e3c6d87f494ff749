"""resgestae's coder as a spaCy pipeline component, for a spaCy user's own pipeline.

    import spacy, resgestae.components  # registers the factories
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("resgestae_paragraphs", before="parser")   # optional: paragraphs bound sentences
    nlp.add_pipe("resgestae_verb_roots", after="attribute_ruler")  # optional: parse repair
    nlp.add_pipe("resgestae_events", config={"date": "2020-12-26"})
    doc = nlp(text)
    doc._.events      # event records, as `resgestae code --format jsonl` prints them

The component codes through a `resgestae.session.Session`, as `resgestae code` does,
with the actors of the store at `db` (default: `RESGESTAE_DB` or ./resgestae.duckdb,
when there is one) and of `actor_files`, the lexicon and places of `lexicon_files`
and `place_files`, and the clause model `clause_model` (as `resgestae code --lexicon
--places --clause-model`); it runs the pipeline's steps after
annotation (`pipeline.code_doc`). It does not clean the text (datelines, repeated
paragraphs), which needs the raw article rather than a Doc.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from resgestae.config import Config
from resgestae.errors import ConfigError
from resgestae.model import Article, content_id
from resgestae.nlp import paragraph_boundaries
from resgestae.readers.dates import iso_date
from resgestae.session import Session

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


class EventCoder:
    """Sets `doc._.events` to the event records the Doc reports."""

    def __init__(self, date: str | None = None, session: Session | None = None) -> None:
        self.date = iso_date(date)
        if date and self.date is None:  # refused at add_pipe, not ignored on every Doc
            raise ConfigError(f"resgestae_events: 'date' {date!r} is not a date (use yyyy-mm-dd)")
        self.session = session if session is not None else Session.open()

    def __call__(self, doc: Doc) -> Doc:
        article = Article(id=content_id(doc.text), text=doc.text, date=self.date)
        coded = self.session.code_doc(doc, article)
        doc._.events = [event.to_record() for event in coded.events]
        return doc


@Language.factory(
    "resgestae_events",
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    default_config={"date": None, "db": None, "actor_files": [], "lexicon_files": [],
                    "place_files": [], "clause_model": None},
)
def make_event_coder(nlp: Language, name: str, date: str | None, db: str | None,
                     actor_files: list[str], lexicon_files: list[str],
                     place_files: list[str], clause_model: str | None) -> EventCoder:
    """Factory for `nlp.add_pipe("resgestae_events", config={"date": ..., "db": ...})`;
    the settings are `Config`'s of the same names."""
    config = Config(actor_files=[Path(p) for p in actor_files],
                    lexicon_files=[Path(p) for p in lexicon_files],
                    place_files=[Path(p) for p in place_files])
    if db:
        config.db = db
    if clause_model:
        config.clause_model = clause_model
    return EventCoder(date, Session.open(config))


__all__ = ["EventCoder", "make_event_coder", "paragraph_boundaries"]
