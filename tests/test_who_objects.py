"""Who is acted on: a common noun of people the tables do not know is the recipient in
its own words, the place of the act giving only its country (new-user trials: the
place took the object's text)."""

from __future__ import annotations

import pytest


def _only(events: list, etype: str):
    found = [e for e in events if e.event_type == etype]
    assert found, [(e.event_type, e.trigger) for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "etype", "words", "country"),
    [
        ("Police detained the suspects in Lagos.", "COERCE", "suspects", "NGA"),
        ("Police in Kano arrested 110 suspects on Friday.", "COERCE", "110 suspects", "NGA"),
        ("Troops detained several fishermen near Port Harcourt.", "COERCE", "fishermen", "NGA"),
        ("Gunmen abducted 20 pilgrims in Zamfara state.", "ASSAULT", "pilgrims", "NGA"),
        ("Soldiers tortured the detained traders in Goma.", "ASSAULT", "traders", "COD"),
        ("Police arrested dozens of smugglers in Mombasa.", "COERCE", "smugglers", "KEN"),
        ("The suspects were detained in Lagos on Monday.", "COERCE", "suspects", "NGA"),
    ],
)
def test_object_of_people_is_the_recipient_not_the_place(code, text, etype, words, country):
    event = _only(code(text), etype)
    assert event.recipient, text
    recipient = event.recipient[0]
    assert words in recipient.text, (text, recipient.text)
    assert recipient.country == country


def test_known_people_keep_their_words_and_place(code):
    event = _only(code("Police arrested two journalists in Nairobi."), "COERCE")
    assert [(e.text, e.country) for e in event.recipient] == [("two journalists", "KEN")]


def test_a_thing_seized_is_no_party(code):
    """ "seized weapons": a thing, so the place the act lands on stays the recipient."""
    event = _only(code("Police seized weapons in Lagos."), "COERCE")
    assert all("weapons" not in e.text for e in event.recipient)


def test_others_point_back_not_a_new_party(code):
    """ "killed one ... and wounded two others": one attack on the same kind of victims."""
    events = code("A car bomb near Kirkuk killed one policeman and wounded three others.")
    assert all("others" not in r.text for e in events for r in e.recipient)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The EU approved new Iran sanctions.", "IGO", "IRN"),
        ("The EU imposed an Iran oil embargo.", "IGO", "IRN"),
        ("The Russia sanctions were approved by the EU.", "IGO", "RUS"),
    ],
)
def test_country_compounded_on_sanctions_is_their_target(code, text, actor, target):
    event = _only(code(text), "SANCTION")
    assert [e.country for e in event.actor] == [actor]
    assert target in [e.country for e in event.recipient]


def test_sender_named_as_subject_makes_the_compounded_country_the_target(code):
    """ "Washington announced new Iran sanctions": Washington sends, Iran is sanctioned
    (was: Iran read as the sender, no target)."""
    event = _only(code("Washington announced new Iran sanctions."), "SANCTION")
    assert [e.country for e in event.actor] == ["USA"]
    assert [e.country for e in event.recipient] == ["IRN"]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        # whom it falls on is named: the compounded country is the sender
        ("Iran sanctions on Israel took effect.", "IRN", "ISR"),
        ("Britain announced fresh US sanctions on Moscow.", "USA", "RUS"),
    ],
)
def test_compounded_country_sends_when_the_target_is_named(code, text, actor, target):
    event = _only(code(text), "SANCTION")
    assert [e.country for e in event.actor] == [actor]
    assert [e.country for e in event.recipient] == [target]
