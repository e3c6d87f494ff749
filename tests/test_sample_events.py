"""The sample article's key events, coded through the whole pipeline
(reader cleaning, real spaCy model, actors, places, dates)."""

from __future__ import annotations

import pytest

from resgestae.model import Article, Event


@pytest.fixture(scope="module")
def events(coder, sample_text) -> list[Event]:
    article = Article(id="sample", text=sample_text, date="2020-12-26")
    (coded,) = list(coder.code([article]))
    assert coded.error is None
    return coded.events


def countries(entities) -> set[str | None]:
    return {e.country for e in entities}


def test_akar_visits_libya(events):
    visits = [
        e
        for e in events
        if e.event_type == "CONSULT"
        and e.mode == "visit"
        and "TUR" in countries(e.actor)
        and "LBY" in countries(e.recipient)
    ]
    assert visits, "no CONSULT/visit TUR -> LBY"
    assert all(v.cameo == "042" and v.factuality == "asserted" for v in visits)


def test_akar_meets_namroush(events):
    meetings = [
        e
        for e in events
        if e.event_type == "CONSULT"
        and any("Akar" in a.text for a in e.actor)
        and any("Namroush" in x.text or "Nemrush" in x.text for x in e.actor + e.recipient)
    ]
    assert meetings


def test_haftar_threatens_turkish_forces_and_does_not_attack(events):
    threats = [
        e for e in events if e.event_type == "THREATEN" and any("Haftar" in a.text for a in e.actor)
    ]
    assert threats and threats[0].factuality == "asserted" and threats[0].mode == "violence"
    assert "TUR" in countries(threats[0].recipient)
    attacks = [
        e
        for e in events
        if e.event_type == "ASSAULT"
        and e.factuality == "asserted"
        and e.trigger
        and "attack" in e.trigger
    ]
    assert attacks == []


def test_october_ceasefire(events):
    ceasefire = [
        e
        for e in events
        if e.event_type in ("AGREE", "RETREAT") and e.trigger and "ceasefire" in e.trigger
    ]
    assert ceasefire and ceasefire[0].factuality == "asserted"


def test_graduation_is_future(events):
    (attend,) = [e for e in events if e.trigger and "attend" in e.trigger]
    assert attend.factuality == "future"


def test_backers_of_haftar_each_support_him(events):
    backers = {
        a.country
        for e in events
        if e.event_type == "SUPPORT"
        for a in e.actor
        if any("Haftar" in r.text for r in e.recipient)
    }
    assert {"RUS", "EGY", "ARE"} <= backers


def test_no_place_name_is_an_actor(events):
    for event in events:
        assert all(
            a.text not in ("Tripoli", "Libya’s border", "Esenboga Airport") for a in event.actor
        )


def test_every_event_is_traceable(events, sample_text):
    assert len(events) >= 10
    for event in events:
        start, end = event.span
        assert sample_text[start:end] == event.text
        assert event.cameo is None or event.cameo.isdigit()
        assert 0 < event.confidence <= 1


def test_april_2019_offensive_is_a_past_assault_with_its_own_date(events):
    assaults = {e.trigger: e for e in events if e.event_type == "ASSAULT"}
    assert sorted(assaults) == ["killing", "offensive"], list(assaults)  # never the threat
    offensive = assaults["offensive"]
    assert [a.name for a in offensive.actor] == ["Khalifa Haftar"]
    assert (offensive.date, offensive.date_precision) == ("2019-04", "month")
    assert offensive.factuality == "asserted"
    # "a 2011 NATO-backed uprising toppled and led to the killing of ... Gaddafi":
    # no named killer, and the date of the uprising that led to it
    killing = assaults["killing"]
    assert killing.actor == [] and [r.name for r in killing.recipient] == ["Muammar Gaddafi"]
    assert (killing.date, killing.date_precision) == ("2011", "year")
    # the dateline (Tripoli) places events of the month before publication only: where
    # the reporter files from says nothing of where a 2011 killing happened
    assert killing.location is None and offensive.location is None
