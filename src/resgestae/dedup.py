"""Deduplication: one event per real-world event, with mentions and article ids.

Inside one article (`merge_in_article`, run by the pipeline):

1. A paragraph the reader found repeated is coded once (the copies are blanked
   out of the coding text); its events get `mentions` = the number of times
   the paragraph occurs (`Article.repeats`).
2. Two events of the article that report the same real-world event merge into
   one: same `event_type` and `factuality`, the same actors and the same
   recipients (by `kb_id`, else canonical name; at least one named), and
   compatible dates (equal at the coarser of the two precisions, so "2019-04"
   matches "2019-04-10"; an event dated only by the publication date matches
   any date written in the article for the same actors and type only when they
   agree). The merged event is the first report (by character offset); its
   `mentions` is the sum, empty fields (location, date words) are filled from
   the later reports. Events without named actors or recipients are never merged:
   nothing says they are the same.

Across articles (the store, through `event_key`): records with the same key are
one stored event whose `mentions` and `article_ids` add up (as GDELT's Mentions
table, but the key is documented and deterministic):

    event_type | factuality | actors | recipients | when

- actors / recipients: the sorted, ';'-joined `kb_id`s (else lower-cased
  canonical names) of each side;
- when: the date cut to its precision ("2019-04", "2021", "2020-12-24"); but an
  event dated only by its article's publication date (precision "day",
  `date_text` null: the text said no date) gets that month ("2020-12"), so
  reports of one event published days apart, or one saying "last week" and the
  other nothing, merge. Two different undated events of one type between the
  same actors in one month count as one: the price of merging undated reports;
- an event with no specific entity on either side, or without a date, gets the
  key '' (never merged). Specific: it has a country, a title, or a name of two
  or more capitalised words; "Police" or "Protesters" in two articles of one
  month are most likely not the same people.

Everything is a pure function of the events: the same input gives the same
output, ids and keys, in any run and in any order of articles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from resgestae.model import Article, Entity, Event


def merge_in_article(events: list[Event], article: Article) -> list[Event]:
    """Count repeated paragraphs and merge reports of one event inside an article."""
    ordered = sorted(events, key=_order)
    for event in ordered:
        event.mentions = max(event.mentions, _paragraph_count(event, article))
        if article.id not in event.article_ids:
            event.article_ids = sorted({*event.article_ids, article.id})
    kept: list[Event] = []
    for event in ordered:
        twin = next((k for k in kept if same_event(k, event)), None)
        if twin is None:
            kept.append(event)
        else:
            _absorb(twin, event)
    _distinct_ids(kept)
    return kept


def _distinct_ids(events: list[Event]) -> None:
    """Events of one clause with different actors ("backed by Russia, Egypt and the
    UAE") share the clause id; give each a stable id of its own."""
    seen: set[str] = set()
    for event in events:
        if event.id and event.id in seen:
            sides = "|".join([";".join(_side(event.actor)), ";".join(_side(event.recipient))])
            event.id = "e" + hashlib.sha1(f"{event.id}|{sides}".encode()).hexdigest()[:16]
        seen.add(event.id)


def _order(event: Event) -> tuple:
    return (event.span[0], event._trigger_span or (0, 0), event.event_type, event.id)


def _paragraph_count(event: Event, article: Article) -> int:
    """Occurrences of the paragraph the event's sentence starts in (1 if not repeated)."""
    start = event.span[0]
    for p_start, p_end in article.paragraphs:
        if p_start <= start < p_end:
            return max(1, article.repeats.get(p_start, 1))
    # Readers that give no paragraph list: the nearest repeated start before it.
    before = [s for s in article.repeats if s <= start]
    if before and not article.paragraphs:
        nearest = max(before)
        if "\n\n" not in article.text[nearest:start]:
            return max(1, article.repeats[nearest])
    return 1


def same_event(a: Event, b: Event) -> bool:
    """Whether two events of one article report the same real-world event."""
    if a.event_type != b.event_type or a.factuality != b.factuality:
        return False
    actors, recipients = _side(a.actor), _side(a.recipient)
    if not actors and not recipients:
        return False
    if actors != _side(b.actor) or recipients != _side(b.recipient):
        return False
    return dates_compatible(a.date, a.date_precision, b.date, b.date_precision)


def _side(entities: Iterable[Entity]) -> tuple[str, ...]:
    return tuple(sorted({_entity_key(e.kb_id, e.name, e.text) for e in entities} - {""}))


def _entity_key(kb_id: str | None, name: str | None, text: str | None) -> str:
    return kb_id or (name or text or "").strip().lower()


def dates_compatible(a: str | None, pa: str | None, b: str | None, pb: str | None) -> bool:
    """Equal at the coarser precision; two unknown dates are compatible."""
    if not a or not b:
        return not a and not b
    width = min(len(a), len(b), *(_WIDTH[p] for p in (pa, pb) if p in _WIDTH))
    return a[:width] == b[:width]


_WIDTH = {"year": 4, "month": 7, "day": 10}


def _absorb(kept: Event, other: Event) -> None:
    kept.mentions += other.mentions
    kept.article_ids = sorted({*kept.article_ids, *other.article_ids})
    if kept.location is None and other.location is not None:
        kept.location = other.location
    finer = _WIDTH.get(other.date_precision or "", 0) >= _WIDTH.get(kept.date_precision or "", 0)
    if kept.date_text is None and other.date_text is not None and finer:
        kept.date, kept.date_precision, kept.date_text = (
            other.date, other.date_precision, other.date_text)
    kept.confidence = max(kept.confidence, other.confidence)


def event_key(record: dict[str, Any]) -> str:
    """Cross-article dedup key of an event record; '' means "never merge" (see module doc)."""
    actors = _record_side(record.get("actor") or [])
    recipients = _record_side(record.get("recipient") or [])
    when = _when(record.get("date"), record.get("date_precision"), record.get("date_text"))
    entities = [*(record.get("actor") or []), *(record.get("recipient") or [])]
    if not any(_specific(e) for e in entities) or not when:
        return ""
    parts = [record.get("event_type") or "", record.get("factuality") or "asserted",
             ";".join(actors), ";".join(recipients), when]
    return "|".join(parts)


def _specific(entity: dict[str, Any]) -> bool:
    """Whether an entity names someone in particular (see the module docstring)."""
    if entity.get("country") or entity.get("title"):
        return True
    words = (entity.get("name") or entity.get("text") or "").split()
    return sum(w[:1].isupper() for w in words) >= 2


def _record_side(entities: list[dict[str, Any]]) -> list[str]:
    keys = {_entity_key(e.get("kb_id"), e.get("name"), e.get("text")) for e in entities}
    return sorted(keys - {""})


def _when(date: str | None, precision: str | None, text: str | None) -> str:
    if not date:
        return ""
    if precision == "year" or len(date) == 4:
        return date[:4]
    if precision == "month" or len(date) == 7:
        return date[:7]
    if precision != "day" or text:
        return date[:10]  # a day the text states (or of unknown origin) stays a day
    return date[:7]
