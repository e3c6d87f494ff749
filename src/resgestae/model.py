"""The records that flow through the pipeline: articles in, events out.

`Event.to_record()` gives the event record of DESIGN.md (validated against
`schema/event.schema.json`). Fields whose names start with an underscore are
working state for the stages (token indices into the spaCy Doc) and never
leave the process.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from resgestae import __version__
from resgestae.plover import type_names

CODER = f"resgestae/{__version__}"

EVENT_TYPES = type_names()  # PLOVER's 16, in PLOVER's order (data/plover_types.yaml)
FACTUALITY = ("asserted", "negated", "future", "hypothetical")


@dataclass
class Article:
    """One input document, as read. `text` is what offsets in events refer to."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO publication date, when known
    url: str | None = None
    source: str | None = None
    language: str | None = None
    origin: str | None = None  # file (and line) it came from, for error messages
    dateline: str | None = None  # place hint stripped from the first line
    # [start, end) character ranges of paragraphs to code (duplicates left out)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    # paragraph start offset -> number of times that paragraph occurs in the article
    repeats: dict[int, int] = field(default_factory=dict)

    def coding_text(self) -> str:
        """The text with everything not to be coded blanked to spaces, offsets kept."""
        if not self.paragraphs:
            return self.text
        from resgestae.readers.truecase import truecase  # ALL CAPS parse as names

        chars = [" " if not c.isspace() else c for c in self.text]
        for start, end in self.paragraphs:
            chars[start:end] = truecase(self.text[start:end])
            if end < len(chars) and chars[end] == "\n" and not _closed(self.text[start:end]):
                # a headline or a line without a final stop ends its sentence: the
                # line break reads as a full stop (offsets unchanged)
                chars[end] = "."
        return "".join(chars)


SENTENCE_END = ".!?:;\"'”’)]…"


def _closed(paragraph: str) -> bool:
    return paragraph.rstrip()[-1:] in SENTENCE_END


def content_id(text: str, prefix: str = "a") -> str:
    """A stable id from content, so the same article gets the same id every run."""
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Entity:
    """An actor or recipient: `text` as written, `name` canonical."""

    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    sectors: list[str] = field(default_factory=list)
    title: str | None = None
    kb_id: str | None = None
    # [start, end) character offsets in the article of the words it was coded from
    # (pipeline.mark_evidence); None when it was not read from the text
    span: tuple[int, int] | None = None
    _tokens: tuple[int, int] | None = None  # [start, end) token span in the Doc

    def to_record(self) -> dict[str, Any]:
        record = {k: v for k, v in asdict(self).items() if not k.startswith("_")}
        record["span"] = list(self.span) if self.span else None
        return record

    def key(self) -> str:
        """Who it is, for telling events apart: kb id, else canonical name, else text."""
        return self.kb_id or (self.name or self.text or "").strip().lower()


@dataclass
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    # how precise the place is: point (a site), city, admin1 (region, province,
    # state) or country; None for a name that did not resolve (no coordinates)
    precision: str | None = None

    def __post_init__(self) -> None:
        if self.precision is None and self.feature:
            self.precision = precision_of(self.feature)

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


# Place precision by gazetteer feature, or by GeoNames feature code prefix ("PPLC",
# "PCLI", "ADM1"); anything else (airports, bases, sites) is a point.
PRECISION = {"country": "country", "admin1": "admin1", "region": "admin1", "city": "city",
             "PCL": "country", "ADM1": "admin1", "PPL": "city"}


def precision_of(feature: str) -> str:
    """`point`, `city`, `admin1` or `country` for a gazetteer feature or GeoNames code."""
    for key in (feature, feature[:4], feature[:3]):
        if key in PRECISION:
            return PRECISION[key]
    return "point"


@dataclass
class Event:
    """One coded event. See DESIGN.md for the meaning of each field."""

    article_id: str
    event_type: str
    text: str
    span: tuple[int, int]
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    factuality: str = "asserted"
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Place | None = None
    trigger: str | None = None
    confidence: float = 0.5
    mentions: int = 1
    article_ids: list[str] = field(default_factory=list)
    coder: str = CODER
    id: str = ""
    # working state for later stages (token indices into the article's Doc)
    _trigger_i: int | None = None
    _sent: tuple[int, int] | None = None  # [start, end) token span of the sentence
    _trigger_span: tuple[int, int] | None = None  # char offsets of the trigger

    def assign_id(self) -> None:
        """The event's id, made here and nowhere else: a hash of its article, sentence
        span, trigger span, type and who acts on whom, so it is the same in every run
        and distinct for each event of an article (one clause with several actors,
        "backed by Russia, Egypt and the UAE", gives several events)."""
        start, end = self.span
        sides = "|".join(";".join(sorted({e.key() for e in side} - {""}))
                         for side in (self.actor, self.recipient))
        key = f"{self.article_id}|{start}|{end}|{self._trigger_span}|{self.event_type}|{sides}"
        self.id = "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "actor": [e.to_record() for e in self.actor],
            "recipient": [e.to_record() for e in self.recipient],
            "factuality": self.factuality,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location.to_record() if self.location else None,
            "text": self.text,
            "span": list(self.span),
            "trigger": self.trigger,
            "trigger_span": list(self._trigger_span) if self._trigger_span else None,
            "confidence": round(float(self.confidence), 3),
            "mentions": self.mentions,
            "article_ids": list(self.article_ids) or [self.article_id],
            "coder": self.coder,
        }
