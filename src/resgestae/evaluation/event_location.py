"""Score event geolocation against event-location gold (one event verb per record).

Each gold line: `text`, `verb` {text, start, end} (character offsets) and
`expected_locations` [{text, start, end}] (may be empty). For every record the
real spaCy model parses the text and `places.place_for_trigger` picks the place
mention attached to the verb. Numbers (all JSON-ready):

- `attached`: share of records with a gold location whose predicted mention
  overlaps a gold span (the place-attachment accuracy; GDELT's manual check
  found 75% of locations right);
- `resolved`: share of those records where the matching mention also
  resolves to a gazetteer place (lat/lon), i.e. what the event record carries;
- `false_places`: share of records without a gold location that still got a
  mention attached (lower is better);
- `right_place` (end to end): each record is also coded as one article by the
  whole pipeline (`Coder`, the record's date as publication date); the event
  whose trigger covers the gold verb must exist and carry a `location` whose
  name names a gold location (the same key after `gazetteer.normalize`, one
  name's words inside the other's, or one gazetteer place for both). Share of
  the records with a gold location;
- `false_places_e2e`: share of records without a gold location whose coded
  event at the verb carries any location (lower is better).
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from resgestae.coding.gazetteer import gazetteer, normalize
from resgestae.coding.places import Located, place_for_trigger
from resgestae.config import Config
from resgestae.model import Article, Event, Place
from resgestae.nlp import load_nlp
from resgestae.resources import resources_for


def score_event_location(path: str | Path, limit: int | None = None,
                         model: str | None = None) -> dict[str, Any]:
    """Code every record's verb with the places stage and score its place against gold."""
    started = time.perf_counter()
    records = _read(Path(path), limit)
    result = summarise(records, locate(records, model))
    result.update(format="event_location", path=str(path),
                  seconds=round(time.perf_counter() - started, 2))
    return result


def locate(records: list[dict[str, Any]], model: str | None = None,
           end_to_end: bool = True, config: Config | None = None) -> list[dict[str, Any]]:
    """One row per record: the place mention the places stage attaches to its verb and,
    with `end_to_end`, the place the whole pipeline gives the event at the verb.
    `config` gives the gazetteer's places files (and the rest of the coding settings)."""
    config = config or Config()
    if model:
        config = replace(config, model=model)
    nlp = load_nlp(config.model)
    with resources_for(config).active():  # the places stage alone, as the session runs it
        gazetteer()  # load before the per-record work
        docs = nlp.pipe(r["text"] for r in records)
        rows = [_score_record(record, doc) for record, doc in zip(records, docs, strict=True)]
    if end_to_end:
        for row, (event, record) in zip(rows, _coded(records, config), strict=True):
            place = event.location if event is not None else None
            row["e2e"] = {"event": event.event_type if event else None,
                          "place": place.name if place else None,
                          "right": place is not None and any(
                              _names(place, g["text"]) for g in record.get("expected_locations")
                              or [])}
    return rows


def summarise(records: list[dict[str, Any]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The numbers for `rows` (from `locate`; `records` only gives their count)."""
    result = _summarise(rows)
    result["format"] = "event_location"
    result["records"] = len(records)
    return result


def _read(path: Path, limit: int | None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


def trigger_token(doc: Doc, start: int, end: int) -> Token | None:
    """The token the gold verb's character offsets fall on."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _score_record(record: dict[str, Any], doc: Doc) -> dict[str, Any]:
    verb = record["verb"]
    trigger = trigger_token(doc, verb["start"], verb["end"])
    found: Located | None = place_for_trigger(doc, trigger) if trigger is not None else None
    gold = record.get("expected_locations") or []
    match = bool(found) and any(
        found.span.start_char < g["end"] and g["start"] < found.span.end_char for g in gold
    )
    return {
        "id": record.get("id"), "gold": [g["text"] for g in gold],
        "predicted": found.span.text if found else None,
        "resolved": bool(found and found.place and found.place.lat is not None),
        "match": match,
    }


def _summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    with_gold = [r for r in rows if r["gold"]]
    without = [r for r in rows if not r["gold"]]
    hits = [r for r in with_gold if r["match"]]
    result = {
        "records": len(rows),
        "with_gold_location": len(with_gold),
        "attached": _share(len(hits), len(with_gold)),
        "resolved": _share(sum(r["resolved"] for r in hits), len(with_gold)),
        "false_places": _share(sum(r["predicted"] is not None for r in without), len(without)),
        "misses": [r for r in with_gold if not r["match"]][:50],
    }
    if rows and all("e2e" in r for r in rows):
        result["right_place"] = _share(sum(r["e2e"]["right"] for r in with_gold), len(with_gold))
        result["false_places_e2e"] = _share(
            sum(r["e2e"]["place"] is not None for r in without), len(without))
    return result


def _share(part: int, whole: int) -> dict[str, Any]:
    return {"count": part, "of": whole, "share": round(part / whole, 4) if whole else None}


def _coded(records: list[dict[str, Any]], config: Config) -> list[tuple[Event | None, dict]]:
    """The whole pipeline's event at each record's gold verb (None: no event there)."""
    from resgestae.session import Coder

    articles = [Article(id=f"loc{i:05d}", text=r["text"], date=(r.get("date") or None))
                for i, r in enumerate(records)]
    events: dict[str, list[Event]] = {}
    for coded in Coder(config).code(articles):
        if coded.article is not None:
            events[coded.article.id] = coded.events
    return [(_event_at(events.get(a.id, []), r), r)
            for a, r in zip(articles, records, strict=True)]


def _event_at(events: list[Event], record: dict[str, Any]) -> Event | None:
    """The coded event whose trigger covers the gold verb (by offsets, else by word)."""
    verb = record["verb"]
    for event in events:
        span = event._trigger_span
        if span and span[0] < verb["end"] and verb["start"] < span[1]:
            return event
    word = verb["text"].lower()
    return next((e for e in events if e.trigger and word in e.trigger.lower().split()), None)


def _names(place: Place, gold: str) -> bool:
    """Whether a coded place names the gold mention: the same key, one's words within
    the other's ("Baghdad" for "south Baghdad"), or one gazetteer place for both."""
    mine, theirs = normalize(place.name), normalize(gold)
    if not mine or not theirs:
        return False
    if mine == theirs or f" {mine} " in f" {theirs} " or f" {theirs} " in f" {mine} ":
        return True
    ids = {(c.geonameid, c.name) for c in gazetteer().lookup(gold)}
    return (place.geonameid, place.name) in ids
