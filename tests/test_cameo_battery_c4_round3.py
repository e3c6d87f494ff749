"""CAMEO roots 12 (REJECT) and 13 (THREATEN), round 3: the c4_round3 battery and its kinds.

`tests/data/cameo_battery/c4_round3.jsonl` holds 99 wire-style sentences written for this
lane, one or two per CAMEO code of roots 12 and 13 (every code of
../shared/ontology/CAMEO2PLOVER-2021.txt, the 4-digit ones too), never taken from a gold
file. It was committed and scored before any code change: type F1 (micro) 0.980 (97/99);
0.995 after the round's fixes. `test_battery_type_f1` pins that, less 0.02.

The other tests pin the kinds the round fixed, each on sentences that are in no battery
file, citing the CAMEO code the lexicon rows follow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"


def types(events: list[Event]) -> list[str]:
    return sorted({e.event_type for e in events})


def test_battery_type_f1(coder):
    result = evaluate(BATTERY / "c4_round3.jsonl", coder=coder)
    assert result["records"] >= 90
    # 0.980 when first scored, 0.995 after the round's fixes
    assert result["micro"]["f1"] >= 0.975, [
        (m["id"], m["gold"], m["predicted"]) for m in result["misses"]]


# CAMEO 139 "Give ultimatum": a deadline in one unit ("a week", "one day", "a month", "a
# fortnight") is as much an ultimatum as "48 hours" or "ten days"; a deadline to leave is
# the expulsion (CAMEO 166), as with plural units


@pytest.mark.parametrize("text", [
    "The mediators gave the warring factions a week to agree on a ceasefire line.",
    "Abuja gave the kidnappers one day to release the schoolgirls.",
    "The regional bloc gave the coup leaders a month to restore constitutional order.",
    "Students were given a fortnight by the university to end the occupation.",
])
def test_deadline_in_one_unit_is_an_ultimatum(code, text):
    assert types(code(text)) == ["THREATEN"]


def test_deadline_in_one_unit_to_leave_is_an_expulsion(code):
    text = "Minsk gave the Lithuanian consul a week to leave the country."
    assert types(code(text)) == ["SANCTION"]


# CAMEO 139: a deadline named by its end ("until dawn", "until Friday", "until the end of
# the month") is an ultimatum too


@pytest.mark.parametrize("text", [
    "The army gave the hijackers until midnight to surrender the aircraft.",
    "Brussels gave Warsaw until Friday to suspend the disciplinary chamber.",
    "The government gave the striking bus drivers until the end of the week to return.",
])
def test_deadline_named_by_its_end_is_an_ultimatum(code, text):
    assert types(code(text)) == ["THREATEN"]


# CAMEO 1241 "Decline to ease administrative sanctions", 1244 "Decline to ease economic
# sanctions, boycott, or embargo": keeping, maintaining or retaining a restriction, with or
# without "in place", refuses to ease it -- a future "will keep" too


@pytest.mark.parametrize("text", [
    "Ottawa will keep its sanctions on Russian oligarchs, the foreign minister said.",
    "The junta maintained the nightly curfew in the northern provinces.",
    "Beijing has retained its ban on Japanese seafood imports.",
    "The health ministry will maintain the travel restrictions for another month.",
])
def test_keeping_a_restriction_is_reject(code, text):
    assert types(code(text)) == ["REJECT"]


# CAMEO 064 "Share intelligence or information": passing intelligence is sharing it, so a
# stated refusal to pass it is CAMEO 1214 "Reject intelligence cooperation"


def test_passing_intelligence_is_cooperate(code):
    text = "The Dutch agency passed intelligence on the smuggling ring to Moroccan police."
    assert types(code(text)) == ["COOPERATE"]


def test_refusing_to_pass_intelligence_is_reject(code):
    text = "Canberra said it would not pass information on the detainees to Jakarta."
    assert types(code(text)) == ["REJECT"]


# CAMEO 129 "Veto", 120 "Reject": what a vetoed or rejected document calls for is the
# document's content, not the rejecting party's request, also where the parser hangs the
# participle on the verb past a date ("vetoed a resolution on Friday calling for ...");
# after a comma the participle is the actor's own act and stays


@pytest.mark.parametrize("text", [
    "Russia vetoed a UN resolution on Friday calling for a truce in Aleppo.",
    "China vetoed the draft on Wednesday calling for sanctions on the junta.",
    "Tehran rejected the Western proposal last week calling for snap inspections.",
])
def test_participle_after_a_date_describes_the_rejected_document(code, text):
    assert types(code(text)) == ["REJECT"]


def test_participle_after_a_comma_is_the_actors_own(code):
    text = "Moscow rejected the Baltic proposal on Monday, calling it a provocation."
    assert types(code(text)) == ["ACCUSE", "REJECT"]


# "striking nurses" are workers on strike; where the parser reads "striking" as a verb
# with the workers as its object, it is no attack on them (CAMEO 19 "Fight" needs force)


@pytest.mark.parametrize("text", [
    "The Kenyan health ministry gave striking nurses 72 hours to resume work.",
    "Lagos gave striking dockworkers 48 hours to return to work or be sacked.",
])
def test_striking_workers_are_no_attack(code, text):
    assert "ASSAULT" not in types(code(text))
