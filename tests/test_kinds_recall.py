"""Recall kinds (issue 10): events missed or mistyped because a trigger family, or a
natural argument of a known trigger, was absent from the lexicon. Each kind is tested
with several sentences written for these tests (different countries, actors, tense and
voice); each cites the line of ../shared/ontology/PLOVER_MANUAL.tex or the CAMEO code
it follows."""

from __future__ import annotations

import pytest

from resgestae.coding import extract_events
from resgestae.model import Article, Event


@pytest.fixture(scope="module")
def code(coder):
    def run(text: str) -> list[Event]:
        return extract_events(coder.nlp(text), Article(id="t", text=text))

    return run


def types(events: list[Event]) -> list[str]:
    return [e.event_type for e in events]


def first(events: list[Event]) -> str | None:
    """The type of the surest event, as the PLV and PentaClass scorers read a sentence."""
    return max(events, key=lambda e: e.confidence).event_type if events else None


# PLOVER_MANUAL.tex:413 SUPPORT: "express support for, commend, approve policy, action,
# or actor": support named by its noun under a verb of giving or promising is that
# expression, not a promise to cooperate (AGREE)
@pytest.mark.parametrize("text", [
    "Japan pledged full support for the Philippine plan to hold regional talks.",
    "The Kenyan president offered his backing to the Somali transitional government.",
    "Chile has lent its support to the Argentine bid for the summit.",
    "Ghana extended its full solidarity to the people of Burkina Faso.",
])
def test_support_named_by_its_noun_is_support(code, text):
    events = code(text)
    assert "SUPPORT" in types(events)
    assert "AGREE" not in types(events)


# CAMEO 051 "praise or endorse": welcoming an act, not a visitor, is approval
@pytest.mark.parametrize("text", [
    "The European Union welcomed Serbia's bid to join the bloc.",
    "Indonesia welcomed the Australian attempt to revive the fisheries accord.",
    "Canadian officials welcomed Mexico's willingness to renegotiate the treaty.",
])
def test_welcoming_an_act_is_support(code, text):
    assert first(code(text)) == "SUPPORT"


# PLOVER_MANUAL.tex:618 ACCUSE: "condemn, decry a policy or an action; criticize":
# criticism under a verb of giving is criticism, not an offer
@pytest.mark.parametrize("text", [
    "The Danish foreign minister offered sharp criticism of the Hungarian media law.",
    "Senator Lopez gave a stinging rebuke to the Peruvian cabinet on Monday.",
    "The Swedish delegation offered a blunt critique of Turkey's election rules.",
])
def test_criticism_offered_is_accuse(code, text):
    events = code(text)
    assert first(events) == "ACCUSE"
    assert "AGREE" not in types(events)


# CAMEO 116 "find guilty or liable (legally)"; PLOVER_MANUAL.tex:619 ACCUSE: "accuse,
# allege, or charge, both judicially and informally"
@pytest.mark.parametrize("text", [
    "A court in Lyon found the former mayor guilty of fraud.",
    "The Italian senator was found guilty of bribery by a Milan court.",
    "Kenya's high court has found two police officers liable for the death of a student.",
])
def test_a_court_finding_guilt_is_accuse(code, text):
    events = code(text)
    assert first(events) == "ACCUSE"
    assert events[0].cameo == "116"


def test_finding_a_thing_is_no_accusation(code):
    assert "ACCUSE" not in types(code("Rescue workers found the bodies of three miners."))


# PLOVER_MANUAL.tex:500 AID: "Monetary aid ... grants, gifts and credit, including
# reparations"
@pytest.mark.parametrize("text", [
    "Sweden made a contribution of 20 million dollars to the World Food Programme.",
    "Germany paid 50 million euros in aid to Jordan last year.",
    "Japan paid compensation to the families of the Korean workers.",
    "Norway's contribution to the Afghan reconstruction fund was doubled.",
])
def test_money_given_is_aid(code, text):
    assert first(code(text)) == "AID"
