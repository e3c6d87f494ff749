"""CAMEO roots 10 (demand: REQUEST) and 11 (disapprove: ACCUSE), third round of the c3 lane.

`tests/data/cameo_battery/c3_round3.jsonl` holds 85 self-written wire sentences, one to
three per CAMEO code of roots 10 and 11 (every code, the 4-digit ones included), written
from the code descriptions in ../shared/ontology/CAMEO2PLOVER-2021.txt and the PLOVER
manual only. It was committed and scored before any code change: type F1 (micro) 0.958
(P 0.941, R 0.976), the unseen estimate for these codes. Three of its sentences are
negated acts ("has not asked", "stopped short of calling for", "did not condemn") with
no event expected (PLOVER_MANUAL.tex:217, "Negated events can be excluded"); the coder
reports them as events with factuality "negated"/"hypothetical", which the scorer counts.

`test_battery_type_f1` pins the type F1 reached (less 0.02): raise the floor when a fix
lifts it, never lower it. The other tests pin the kinds of fault fixed in this round, each
on sentences that are in no battery file, citing the CAMEO code or the manual line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"

# Type F1 (micro) after this round's fixes, less 0.02: first score 0.958 (before any fix), final
# score 0.958 (the fixes touch no sentence of the battery).
FLOOR = 0.93


def types(events: list[Event]) -> list[str]:
    return sorted({e.event_type for e in events})


def countries(parties) -> set[str]:
    return {p.country for p in parties if p.country}


def test_battery_type_f1(coder):
    result = evaluate(BATTERY / "c3_round3.jsonl", coder=coder)
    assert result["records"] == 85
    misses = "\n".join(f"{m['id']}: {m['text']}" for m in result["misses"])
    assert result["micro"]["f1"] >= FLOOR, misses


# --- a request or demand handed in is the request --------------------------------------
# CAMEO 10 "demand" (CAMEO2PLOVER-2021.txt "100: REQUEST"); PLOVER manual, REQUEST: "All
# requests, demands, and orders". A request lodged, filed, submitted or sent to a party is
# that request, as "made a request" already was; lexicon.tsv rows on lodge, file, submit,
# send, present, forward with obj=request|demand.


@pytest.mark.parametrize(("text", "asked"), [
    ("Mexico lodged a request with Guatemala for the return of the stolen codices.", "GTM"),
    ("Argentina filed a formal request with Uruguay for data on the river pollution.", "URY"),
    ("Nepal sent a demand to India for compensation over the flooded villages.", "IND"),
    ("Portugal submitted a request to Brazil for the fugitive banker's extradition.", "BRA"),
])
def test_a_request_handed_in_is_request(code, text, asked):
    events = code(text)
    assert types(events) == ["REQUEST"]
    assert asked in countries(events[0].recipient)


def test_an_appeal_lodged_against_a_verdict_is_no_request(code):
    # an appeal to a higher court asks no party to act (c3 lane: "appealed the verdict")
    text = "Defence lawyers lodged an appeal against the conviction in Lusaka."
    assert "REQUEST" not in types(code(text))


# --- "took X to court" read with "to court" as an infinitive ---------------------------
# CAMEO 115 "bring lawsuit against" (CAMEO2PLOVER-2021.txt "115: ACCUSE, allege"); the
# parser may make "to court" a verb clause of "take" (lexicon.tsv: take, adv=court)


@pytest.mark.parametrize(("text", "sued"), [
    ("Slovenia has taken Croatia to court over the border arbitration.", "HRV"),
    ("Fishermen's unions have taken the Dutch government to court over the quotas.", "NLD"),
])
def test_taking_a_party_to_court_is_accuse(code, text, sued):
    events = code(text)
    assert types(events) == ["ACCUSE"]
    assert sued in countries(events[0].recipient)


# --- a protest a state makes is diplomatic --------------------------------------------
# PLOVER_MANUAL.tex:749 (and l.631): "Diplomatic protests ... are coded as ACCUSE
# 'disapprove.' PROTEST presumes significant physical/material activity"; CAMEO 114
# "complain officially". lexicon.tsv: protest, subj=GPE|government|ministry|...


@pytest.mark.parametrize("text", [
    "Hanoi protested Beijing's deployment of an oil rig near the Paracels.",
    "The Polish foreign ministry protested the arrest of a Polish journalist in Minsk.",
    "Algeria protested sharply against the French president's remarks.",
])
def test_a_state_protesting_is_accuse(code, text):
    events = code(text)
    assert types(events) == ["ACCUSE"]
    assert events[0].cameo == "114"


@pytest.mark.parametrize("text", [
    "Dockworkers protested the port privatisation in Durban.",
    "Hundreds of Serbians protested against the lithium mine in Belgrade.",
])
def test_people_protesting_stay_protest(code, text):
    assert types(code(text)) == ["PROTEST"]


# --- what the addressee of a request is asked to do, read as a "to" clause beside it ----
# CAMEO 10 "demand": the act asked for is the content of the request, not a purpose of
# it nor an act of its own (PLOVER manual, REQUEST: "All requests, demands, and orders";
# CAMEO 113 when the act asked is to side against a party). The parser hangs "to do" as
# an advcl after rarer request verbs ("implored/entreated/lobbied X to ..."); frames.asked_act.


def test_the_act_asked_for_is_no_event_of_its_own(code):
    text = "Chad implored its Western partners to help fight the jihadists near Lake Chad."
    assert types(code(text)) == ["REQUEST"]


@pytest.mark.parametrize(("text", "cameo", "mode"), [
    # CAMEO 105 "demand that target yields"; 102 "demand diplomatic cooperation"
    ("Haiti's prime minister entreated the gangs to lay down their weapons.", "105", "yield"),
    ("Peru's president entreated the miners to end their blockade.", "105", "yield"),
    ("Ghana lobbied its neighbours to back Togo's candidate.", "102", "assist"),
])
def test_the_act_asked_for_gives_the_demand_its_code(code, text, cameo, mode):
    events = code(text)
    assert types(events) == ["REQUEST"]
    assert (events[0].cameo, events[0].mode) == (cameo, mode)


def test_a_demand_for_talks_keeps_its_purpose_apart(code):
    # "demanded talks to end the crisis": the talks (an event noun) are what is demanded
    events = code("Lesotho's opposition demanded talks to end the crisis.")
    assert types(events) == ["REQUEST"]
    assert events[0].cameo != "113"
