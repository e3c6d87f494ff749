"""CAMEO roots 10 (demand: REQUEST) and 11 (disapprove: ACCUSE), the c3 lane of issue 10.

`tests/data/cameo_battery/c3.jsonl` holds two self-written wire sentences per CAMEO code
of roots 10 and 11 (39 codes; written from the code descriptions in
../shared/ontology/CAMEO2PLOVER-2021.txt and the PLOVER manual only, never from the CAMEO
manual's examples or any gold file), each with the PLOVER type the conversion table
gives. `c3_round2.jsonl` holds one fresh sentence per code, written after the fixes and
scored once, unfixed: the honest estimate of unseen accuracy for these codes.
`test_battery_type_f1` pins the type F1 reached on each (rounded down by 0.02): raise a
floor when a fix lifts it, never lower one.

The other tests pin the kinds of fault the battery and its probes found, each with
sentences that are not in the battery files, citing the CAMEO code or the manual line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"

# Type F1 (micro) measured when the lane's fixes landed, less 0.02 (before them: comment).
FLOORS = {
    "c3.jsonl": 0.95,  # 0.942 before the fixes, 0.974 after
    "c3_round2.jsonl": 0.96,  # 0.987 scored once after the fixes, unfixed
}


def types(events: list[Event]) -> list[str]:
    return sorted({e.event_type for e in events})


def countries(parties) -> set[str]:
    return {p.country for p in parties if p.country}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_battery_type_f1(coder, name):
    result = evaluate(BATTERY / name, coder=coder)
    assert result["records"] == (78 if name == "c3.jsonl" else 39)
    misses = "\n".join(f"{m['id']}: {m['text']}" for m in result["misses"])
    assert result["micro"]["f1"] >= FLOORS[name], misses


# --- "for X to do": the content of a demand, X the party asked --------------------------
# CAMEO 10 "demand"; the parser hangs "for" on the clause as a mark, not a preposition


@pytest.mark.parametrize(("text", "asked"), [
    ("Lithuania called for Germany to station a brigade on its territory.", "DEU"),
    ("Rights groups pressed for Egypt to free the jailed bloggers.", "EGY"),
    ("Seoul pushed for Tokyo to compensate the wartime labourers.", "JPN"),
])
def test_for_x_to_do_is_one_request_of_x(code, text, asked):
    events = code(text)
    assert types(events) == ["REQUEST"]
    assert asked in countries(events[0].recipient)


@pytest.mark.parametrize("text", [
    "Latvia renewed its call for NATO to deploy more jets to the Baltic.",
    "There were fresh calls for the defence minister to resign.",
])
def test_a_call_for_x_to_do_carries_no_event_of_its_own(code, text):
    assert "MOBILIZE" not in types(code(text))
    assert "RETREAT" not in types(code(text))


# --- "insisted that X do": a mandative "that" clause is a demand -----------------------
# PLOVER manual, REQUEST: "All requests, demands, and orders"; "insisted that it was" is a claim


@pytest.mark.parametrize("text", [
    "Cyprus insisted that Turkey withdraw its troops from the island.",
    "The rebels insisted that all political prisoners be freed before any talks.",
    "Baghdad insisted that the coalition should leave by the end of the year.",
])
def test_insisting_that_x_do_is_request(code, text):
    assert types(code(text)) == ["REQUEST"]


def test_insisting_that_something_is_so_is_no_event(code):
    assert code("The minister insisted that the negotiations had failed.") == []


# --- rallying others against a party: CAMEO 113 (ACCUSE 'disapprove') ------------------
# CAMEO2PLOVER-2021.txt "113: ACCUSE, disapprove ... # Rally opposition against"


@pytest.mark.parametrize(("text", "against"), [
    ("Kyiv urged the General Assembly to condemn Russia's annexation of the regions.", "RUS"),
    ("Morocco asked African states to oppose Algeria's motion.", "DZA"),
    ("Tehran called on Muslim countries to unite against Israel.", "ISR"),
    ("Qatar tried to rally Gulf states against Saudi Arabia at the meeting.", "SAU"),
])
def test_rallying_opposition_is_accuse(code, text, against):
    events = code(text)
    assert types(events) == ["ACCUSE"]
    assert events[0].cameo == "113"
    assert against in countries(events[0].recipient)


def test_protesters_rallying_against_a_government_stay_protest(code):
    assert types(code("Thousands rallied against the government in Lima.")) == ["PROTEST"]


def test_urging_an_investigation_stays_request(code):
    assert types(code("France urged Israel to investigate the killings.")) == ["REQUEST"]


# --- more idioms of asking, blaming and complaining ------------------------------------
# CAMEO 10 demand; 111 "criticize or denounce"; 112 "accuse"; 114 "complain officially";
# 115 "bring lawsuit against"; PLOVER manual l.619-620 "Accuse, allege, or charge ... Sue"


@pytest.mark.parametrize(("text", "kind"), [
    ("Pensioners are clamouring for higher state benefits in Bucharest.", "REQUEST"),
    ("Malawi beseeched donors for maize after the drought.", "REQUEST"),
    ("Somalia's president took aim at Kenya over the maritime row.", "ACCUSE"),
    ("The Indian minister railed against the British visa rules.", "ACCUSE"),
    ("Belgrade held Pristina responsible for the unrest in the north.", "ACCUSE"),
    ("The junta branded the exiled journalist a traitor.", "ACCUSE"),
    ("Cyprus sent a letter of complaint to Ankara over the drilling.", "ACCUSE"),
    ("Ukraine took Russia to the International Court of Justice over the downing.", "ACCUSE"),
    ("Prosecutors brought bribery charges against the Albanian mayor.", "ACCUSE"),
    ("Beijing called the American arms sale to Taiwan a grave provocation.", "ACCUSE"),
    ("Tokyo described the Chinese drills as unacceptable.", "ACCUSE"),
    ("Lebanon made a fresh plea to donors for funds.", "REQUEST"),
    ("The governor's plea for federal troops went unanswered.", "REQUEST"),
])
def test_idioms_of_asking_and_blame(code, text, kind):
    assert types(code(text)) == [kind]


# --- readings of the same words that are no demand and no accusation ------------------
# "charge" at a crowd is violent crowd control (CAMEO 175, PLOVER ASSAULT 'crowd-control');
# appealing a ruling asks nothing of a party (CAMEO 10 is a demand addressed to one)


@pytest.mark.parametrize("text", [
    "Riot police charged the crowd with batons in Dhaka.",
    "Mounted police charged into the demonstrators near the palace.",
])
def test_police_charging_a_crowd_is_no_accusation(code, text):
    assert types(code(text)) == ["ASSAULT"]


def test_appealing_a_verdict_is_no_demand(code):
    assert code("The former governor appealed the verdict to the Supreme Court.") == []


def test_a_guilty_plea_is_no_request(code):
    assert code("The defendant entered a guilty plea on Monday.") == []


# --- joining another in an act: the joiner acts too ------------------------------------
# PLOVER manual l.239: each actor of a compound act is coded ("The United States and
# France accused Russia ..."); "X joined Y in condemning" is such an act


@pytest.mark.parametrize(("text", "kind", "actor"), [
    ("Norway joined Denmark in condemning the Koran burnings.", "ACCUSE", "NOR"),
    ("Canada joined Britain in calling for an immediate ceasefire.", "REQUEST", "CAN"),
])
def test_joining_another_in_an_act_makes_an_actor(code, text, kind, actor):
    events = code(text)
    assert types(events) == [kind]
    assert actor in countries(events[0].actor)


# --- wanting another party to act is asking it to --------------------------------------
# PLOVER manual, REQUEST: "All requests, demands, and orders"; the act wanted did not happen


@pytest.mark.parametrize(("text", "asked"), [
    ("Brussels wants Belgrade to recognise Kosovo's documents.", "SRB"),
    ("Washington wants Beijing to rein in Pyongyang.", "CHN"),
])
def test_wanting_another_to_act_is_request(code, text, asked):
    events = code(text)
    assert types(events) == ["REQUEST"]
    assert asked in countries(events[0].recipient)


def test_wanting_to_act_oneself_stays_an_intention(code):
    assert types(code("Iran wants to meet the Saudi foreign minister.")) == ["AGREE"]


def test_wishing_a_thing_well_is_no_event(code):
    assert code("Kenya wants the talks to succeed.") == []


# --- diplomatic protests are ACCUSE, street protests PROTEST ---------------------------
# PLOVER manual l.631, l.749: "Diplomatic protests ... are coded as ACCUSE 'disapprove'";
# PROTEST "presumes significant physical/material activity"; CAMEO 114 "complain officially"


@pytest.mark.parametrize("text", [
    "The Thai embassy issued a strong protest to Cambodia over the border incident.",
    "Ankara registered a protest with the Greek ambassador.",
    "Vietnam delivered a written protest to the Chinese embassy in Hanoi.",
])
def test_a_diplomatic_protest_is_accuse(code, text):
    assert types(code(text)) == ["ACCUSE"]


def test_a_street_protest_stays_protest(code):
    assert types(code("Students staged a protest outside the embassy.")) == ["PROTEST"]


def test_a_court_ruling_a_party_liable_is_accuse(code):
    # CAMEO 116 "find guilty or liable (legally)"
    text = "A Dutch court ruled that the energy company was liable for the earthquakes."
    assert types(code(text)) == ["ACCUSE"]
