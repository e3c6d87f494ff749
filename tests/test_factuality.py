"""Factuality and modality: negation, future, conditionals, threats, refusals and
obligations, as PLOVER codes them (real spaCy model)."""

from __future__ import annotations

import pytest

from resgestae.coding import extract_events
from resgestae.model import Article, Event


@pytest.fixture(scope="module")
def code(coder):
    def run(text: str) -> list[Event]:
        return extract_events(coder.nlp(text), Article(id="t", text=text))

    return run


def one(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.event_type, e.trigger) for e in events]
    return events[0]


def test_negation(code):
    event = one(code("Police did not arrest the protest leaders."))
    assert (event.event_type, event.factuality) == ("COERCE", "negated")


def test_expected_to_keeps_the_type_and_is_future(code):
    event = one(code("The foreign minister is expected to visit Moscow next week."))
    assert (event.event_type, event.factuality) == ("CONSULT", "future")
    assert event.actor and event.actor[0].text == "The foreign minister"


def test_will_provide_aid_is_an_agree_in_the_future(code):
    event = one(code("Japan will provide food aid to Haiti."))
    assert (event.event_type, event.factuality, event.cameo) == ("AGREE", "future", "033")
    assert [e.text for e in event.recipient] == ["Haiti"]


def test_plans_to_impose_sanctions_is_a_threat_in_the_future(code):
    event = one(code("Germany plans to impose sanctions on Belarus."))
    assert (event.event_type, event.factuality) == ("THREATEN", "future")
    assert [e.text for e in event.recipient] == ["Belarus"]


def test_conditional_is_hypothetical(code):
    event = one(code("The army could attack the rebels if the talks fail."))
    assert (event.event_type, event.factuality) == ("ASSAULT", "hypothetical")


def test_threat_is_asserted_never_an_assault(code):
    event = one(code("The rebels threatened to kill the hostages."))
    assert (event.event_type, event.factuality) == ("THREATEN", "asserted")


def test_vow_to_fight_is_a_threat(code):
    event = one(code("The insurgents vowed to fight the government forces."))
    assert event.event_type == "THREATEN"


def test_refusal_to_release_is_reject_yield(code):
    event = one(code("The government refused to release the prisoners."))
    assert (event.event_type, event.mode, event.cameo) == ("REJECT", "yield", "124")


def test_will_not_accept_is_a_rejection(code):
    event = one(code("Egypt will not accept more refugees from Sudan."))
    assert event.event_type == "REJECT"


def test_must_under_a_reporting_verb_is_a_request_from_the_speaker(code):
    event = one(code("The UN envoy said both sides must withdraw their forces."))
    assert event.event_type == "REQUEST" and event.cameo == "105"
    assert [e.text for e in event.actor] == ["The UN envoy"]
    assert [e.text for e in event.recipient] == ["both sides"]


def test_unless_turns_a_planned_withdrawal_into_a_threat(code):
    event = one(code("Chad will withdraw its ambassador from Libya unless the attacks stop."))
    assert (event.event_type, event.factuality) == ("THREATEN", "asserted")


def test_pronoun_subject_resolves_through_the_reporting_verb(code):
    event = one(code("Iran said it would release the detained sailors."))
    assert event.event_type == "AGREE"
    assert [e.text for e in event.actor] == ["Iran"]
