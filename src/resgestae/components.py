"""resgestae's coder as a spaCy pipeline component, for a spaCy user's own pipeline.

    import spacy, resgestae.components  # registers the factories
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("resgestae_paragraphs", before="parser")   # optional: paragraphs bound sentences
    nlp.add_pipe("resgestae_events", config={"date": "2020-12-26"})
    doc = nlp(text)
    doc._.events      # event records, as `resgestae code --format jsonl` prints them

The component runs the same steps as `resgestae code` after annotation
(`pipeline.code_doc`); it does not clean the text (datelines, repeated
paragraphs), which needs the raw article rather than a Doc.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from resgestae.kb import ActorKB
from resgestae.model import Article, content_id
from resgestae.nlp import paragraph_boundaries
from resgestae.pipeline import code_doc

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


class EventCoder:
    """Sets `doc._.events` to the event records the Doc reports."""

    def __init__(self, date: str | None = None, kb: ActorKB | None = None) -> None:
        self.date = date
        self.kb = kb if kb is not None else ActorKB()

    def __call__(self, doc: Doc) -> Doc:
        article = Article(id=content_id(doc.text), text=doc.text, date=self.date)
        coded = code_doc(doc, article, self.kb)
        doc._.events = [event.to_record() for event in coded.events]
        return doc


@Language.factory(
    "resgestae_events",
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    default_config={"date": None},
)
def make_event_coder(nlp: Language, name: str, date: str | None) -> EventCoder:
    """Factory for `nlp.add_pipe("resgestae_events", config={"date": ...})`."""
    return EventCoder(date)


__all__ = ["EventCoder", "make_event_coder", "paragraph_boundaries"]
