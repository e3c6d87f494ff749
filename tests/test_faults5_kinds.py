"""Lane faults5: kinds of fault found by trying the coder on our own sentences.

Each test pins one kind with sentences written for it (not from any gold file), citing
the CAMEO code (../shared/ontology/CAMEO2PLOVER-2021.txt) or the design rule it follows.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resgestae.coding.dates import resolve_date
from resgestae.model import Article, Event

PUB = dt.date(2024, 1, 1)  # a Monday


def when(text: str, pub: dt.date | None = PUB):
    found = resolve_date(text, pub)
    return (found.date, found.precision) if found else None


@pytest.fixture(scope="module")
def coded(coder):
    """One sentence through the whole pipeline, published 2024-01-01: its Events."""
    def run(text: str) -> list[Event]:
        article = Article(id=f"f5{abs(hash(text))}", text=text, date="2024-01-01")
        result = next(iter(coder.code([article])))
        assert result.error is None
        return result.events

    return run


def only(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


def countries(entities) -> set[str | None]:
    return {e.country for e in entities}


# Dates (dates.py module docstring, 2): news reports past events; a span counted from a
# date said in the same words ("a week after last month's raid") is that date moved by
# the span, at its precision, and a past event never lands after publication.
@pytest.mark.parametrize("text, expected", [
    ("a week after last month's", ("2023-12", "month")),
    ("three days before last month's", ("2023-12", "month")),
    ("a month after last year's", ("2023", "year")),
    ("a year after last year's", ("2024", "year")),  # not 2025: never after publication
    ("two days after last Friday's", ("2023-12-31", "day")),  # Friday Dec 29
    ("days after last week's", ("2023-12", "month")),
])
def test_span_after_a_past_date_stays_in_the_past(text, expected):
    assert when(text) == expected


def test_span_with_no_date_to_count_from_gives_no_date():
    """ "a week later" counts from another event, not from publication (dateparser read
    it forward, into the week after the article)."""
    assert when("a week later") is None
    assert when("ten days after") is None


@pytest.mark.parametrize("text, date", [
    ("Gunmen killed five villagers in Zamfara, a week after last month's raid on the same "
     "village.", "2023-12"),
    ("Troops shelled rebel positions in Darfur a year after last year's truce.", "2024"),
    ("Rioters clashed with police in Lima two days after last Friday's vote.", "2023-12-31"),
])
def test_event_a_span_after_a_past_date_is_dated_before_publication(coded, text, date):
    events = coded(text)
    assert events and all(e.date == date for e in events), [(e.trigger, e.date) for e in events]


# Dates: a weekday on the reporting verb ("said on Thursday it would ...") is when it was
# said, a past day, even when the act said is planned; a planned act's own weekday looks
# ahead (dates.py module docstring, 2).
@pytest.mark.parametrize("text, date", [
    ("Turkey said on Thursday it would impose tariffs on Swedish goods.", "2023-12-28"),
    ("The ministry said on Sunday it would cut gas supplies to Moldova.", "2023-12-31"),
    ("Israel said on Wednesday it would send troops into Khan Younis.", "2023-12-27"),
])
def test_weekday_of_the_saying_is_past(coded, text, date):
    events = coded(text)
    assert events and all(e.date == date for e in events), [(e.trigger, e.date) for e in events]


def test_weekday_of_a_planned_act_looks_ahead(coded):
    events = coded("The Indian premier will visit Dhaka on Friday.")
    assert events and all(e.date == "2024-01-05" for e in events)


# Places: a named place an act lands on is of the country the gazetteer (or the text)
# puts it in, never of the actor's nationality (country_rules module docstring); a name
# the gazetteer leaves ambiguous (Rafah: the Gaza Strip's and Egypt's) stays unknown.
@pytest.mark.parametrize("text, place", [
    ("An Egyptian aid convoy arrived in Khan Younis on Sunday.", "PSE"),
    ("A Saudi relief convoy arrived in Rafah on Monday.", None),
    ("A Turkish humanitarian convoy arrived in Rafah with medical supplies.", None),
])
def test_place_recipient_is_not_of_the_actors_nationality(coded, text, place):
    events = coded(text)
    assert events
    for event in events:
        assert countries(event.recipient) <= {place}, [(e.text, e.country) for e in
                                                        event.recipient]
        assert not countries(event.recipient) & countries(event.actor)


# CAMEO 1724 "impose state of emergency or martial law" (COERCE): declared in the
# passive with no agent, it is the government's of the country it is declared in.
@pytest.mark.parametrize("text, country", [
    ("A state of emergency was declared in Ecuador after a wave of prison riots.", "ECU"),
    ("A nationwide state of emergency has been declared in Peru.", "PER"),
    ("Emergency rule was declared in Sri Lanka on Tuesday.", "LKA"),
])
def test_passive_state_of_emergency_is_the_governments_coercion(coded, text, country):
    event = only(coded(text), "COERCE")
    assert event.cameo == "1724"
    assert [(e.country, e.sector) for e in event.actor] == [(country, "GOV")]


# CAMEO 13 THREATEN: countermeasures or reprisals a party says it will take (the act
# itself is a reduction of relations, CAMEO 16; intended, a threat: modes.intent_to).
@pytest.mark.parametrize("text, actor", [
    ("Beijing said on Thursday it would take countermeasures against Lithuania.", "CHN"),
    ("The Kremlin said Moscow would respond with countermeasures to the new tariffs.", "RUS"),
    ("Iran said it would take countermeasures against the European Union.", "IRN"),
])
def test_countermeasures_promised_are_a_threat(coded, text, actor):
    event = only(coded(text), "THREATEN")
    assert event.cameo.startswith("13") and countries(event.actor) == {actor}


# CAMEO 131 "threaten non-force": "Y said X could face sanctions" is Y's threat against
# X; the party that would face them is the target, not the source.
@pytest.mark.parametrize("text, source, target", [
    ("The European Union said Belarus could face new sanctions over the migrants.",
     "IGO", "BLR"),
    ("Washington said Turkish banks would face sanctions for processing Russian payments.",
     "USA", "TUR"),
    ("Serbia could face consequences if it refuses to recognise Kosovo, Germany said.",
     "DEU", "SRB"),
])
def test_could_face_sanctions_is_the_speakers_threat(coded, text, source, target):
    event = only(coded(text), "THREATEN")
    assert countries(event.actor) == {source}
    assert target in countries(event.recipient)
    assert target not in countries(event.actor)


@pytest.mark.parametrize("text", [
    "The former governor faces the death penalty if convicted.",
    "Protesters who block roads will face prosecution, police said.",
])
def test_facing_a_court_is_no_threat(coded, text):
    """A judicial penalty or trial a person faces is the courts' process, not a threat."""
    assert "THREATEN" not in {e.event_type for e in coded(text)}


# CAMEO 129 "veto" / 120 "reject" (REJECT): blocking or killing a draft in a council is
# rejecting it, not a protest's obstruction (CAMEO 144).
@pytest.mark.parametrize("text", [
    "Beijing blocked a Security Council text condemning the missile launches.",
    "The United States torpedoed a draft resolution on the humanitarian pause.",
    "France blocked the text at the Security Council.",
])
def test_blocking_a_council_text_is_reject(coded, text):
    types = {e.event_type for e in coded(text)}
    assert "REJECT" in types and "PROTEST" not in types


# CAMEO 111 "criticize or denounce" (ACCUSE): "X faced/drew criticism from Y" is Y's
# criticism of X: source Y, target X.
@pytest.mark.parametrize("text, source, target", [
    ("Poland faced criticism from the European Commission over its judicial reforms.",
     "IGO", "POL"),
    ("The Greek government drew sharp condemnation from Turkey over the island drills.",
     "TUR", "GRC"),
    ("Kenya has faced mounting criticism from Uganda over the trade dispute.", "UGA", "KEN"),
])
def test_faced_criticism_from_is_the_critics_accusation(coded, text, source, target):
    event = only(coded(text), "ACCUSE")
    assert event.cameo == "111"
    assert countries(event.actor) == {source}
    assert countries(event.recipient) == {target}


# CAMEO 0874 "retreat or surrender militarily" (RETREAT): forces pulling out of a place
# retreat, whatever follows in the sentence; pulling out of talks, a bloc or an accord
# is CAMEO 164/166 (SANCTION). "out of" is one preposition: its object is what is left.
@pytest.mark.parametrize("text", [
    "The army pulled out of the town after clashes with rebel forces.",
    "Rebel fighters pulled out of the city under pressure from the African Union.",
    "Kurdish fighters pulled out of the village after a court ruling.",
])
def test_forces_pulling_out_of_a_place_retreat(coded, text):
    types = {e.event_type for e in coded(text)}
    assert "RETREAT" in types and "SANCTION" not in types


@pytest.mark.parametrize("text", [
    "Niger pulled out of the regional security alliance on Saturday.",
    "The rebel delegation pulled out of the negotiations in Doha.",
    "Mali pulled out of the peace deal with the northern rebels.",
])
def test_pulling_out_of_talks_or_a_bloc_stays_sanction(coded, text):
    assert "SANCTION" in {e.event_type for e in coded(text)}
