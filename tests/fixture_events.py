"""A small fixed set of hand-made events (and their article) shared by the export,
API and browser tests. Sentences are from samples/seed-article.txt."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from resgestae.model import Article, Entity, Event, Place

ARTICLE_TEXT = (
    "Tripoli, Libya – Turkey's Defense Minister Hulusi Akar has made a trip to Libya, "
    "two days after warlord Khalifa Haftar threatened to attack Turkish forces.\n\n"
    "Upon landing in the Libyan capital, Akar held talks with his counterpart "
    "Salahaddin Namroush.\n\n"
    "Turkey has backed the Government of National Accord (GNA) with military advisors.\n"
)
ARTICLE = Article(
    id="seed-fixture", text=ARTICLE_TEXT, title="Turkish Defence Minister in Libya",
    date="2020-12-26", url="https://example.org/akar-libya", source="example",
)

AKAR = Entity(text="Hulusi Akar", name="Hulusi Akar", country="TUR", sector="GOV",
              sectors=["GOV", "MIL"], title="Defense Minister", kb_id="kb:hulusi-akar")
TRIPOLI = Place(name="Tripoli", country="LBY", lat=32.88743, lon=13.18733,
                geonameid=2210247, feature="PPLC")


def _span(sentence: str) -> tuple[int, int]:
    start = ARTICLE_TEXT.index(sentence)
    return start, start + len(sentence)


def _event(sentence: str, trigger: str, **fields) -> Event:
    event = Event(article_id=ARTICLE.id, text=sentence, span=_span(sentence), trigger=trigger,
                  **fields)
    start = ARTICLE_TEXT.index(trigger, event.span[0])
    event._trigger_span = (start, start + len(trigger))
    # the evidence spans a coder would record: actors written before the trigger,
    # recipients after it (hand-made here, as the rest of these events)
    event.actor = [_at(e, ARTICLE_TEXT.rindex(e.text, event.span[0], start)) for e in event.actor]
    event.recipient = [_at(e, ARTICLE_TEXT.index(e.text, start, event.span[1]))
                       for e in event.recipient]
    event.assign_id()
    return event


def _at(entity: Entity, start: int) -> Entity:
    return replace(entity, span=(start, start + len(entity.text)))


def fixture_events() -> list[Event]:
    """Four events: a located visit, a meeting, a threat, and an undated, unlocated aid."""
    first = ARTICLE_TEXT.split("\n\n")[0]
    second = ARTICLE_TEXT.split("\n\n")[1]
    third = ARTICLE_TEXT.split("\n\n")[2].strip()
    return [
        _event(first, "made a trip", event_type="CONSULT", mode="visit", cameo="042",
               actor=[AKAR], recipient=[Entity(text="Libya", name="Libya", country="LBY")],
               date="2020-12-26", date_precision="day", location=TRIPOLI, confidence=0.9),
        _event(second, "held talks", event_type="CONSULT", mode="meet", cameo="043",
               actor=[Entity(text="Akar", name="Hulusi Akar", country="TUR", sector="GOV",
                             sectors=["GOV"], kb_id="kb:hulusi-akar")],
               recipient=[Entity(text="Salahaddin Namroush", name="Salaheddine Namroush",
                                 country="LBY", sector="GOV", sectors=["GOV"])],
               date="2020-12-26", date_precision="day", location=TRIPOLI, confidence=0.85,
               mentions=2),
        _event(first, "threatened", event_type="THREATEN", cameo="138", context=["military"],
               actor=[Entity(text="Khalifa Haftar", name="Khalifa Haftar", country="LBY",
                             sector="REB", sectors=["REB"])],
               recipient=[Entity(text="Turkish forces", name="Turkey", country="TUR",
                                 sector="MIL", sectors=["MIL"])],
               date="2020-12-24", date_precision="day", confidence=0.7),
        _event(third, "backed", event_type="AID", mode="military", cameo=None,
               actor=[Entity(text="Turkey", name="Turkey", country="TUR")],
               recipient=[Entity(text="Government of National Accord", name="GNA",
                                 country="LBY", sector="GOV", sectors=["GOV"])],
               factuality="asserted", date="2020", date_precision="year", confidence=0.6),
    ]


def fixture_records() -> list[dict]:
    return [e.to_record() for e in fixture_events()]


def make_event(doc, word: str, nth: int = 0, kind: str = "CONSULT") -> Event:
    """An event whose trigger is the nth token spelled `word`."""
    token = [t for t in doc if t.text == word][nth]
    sent = token.sent
    return Event(article_id="a", event_type=kind, text=sent.text,
                 span=(sent.start_char, sent.end_char), trigger=token.text,
                 _trigger_i=token.i, _sent=(sent.start, sent.end))


def fixture_store(folder: Path) -> Path:
    """A store file under `folder` holding ARTICLE and its fixture events."""
    from resgestae.store import Store

    path = folder / "events.duckdb"
    with Store(path) as store:
        store.replace_article(ARTICLE, fixture_events())
    return path
