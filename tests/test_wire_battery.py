"""The main event of a long wire sentence (issue 10, the GSR check half): breadth.

Method. Before any change, tests/data/cameo_battery/w1.jsonl was written: 128 wire
sentences of 18-35 words, 8 per PLOVER type (labels from CAMEO2PLOVER-2021.txt and the
manual), each with one main act and at least one secondary clause that reports another
act: an attribution ("..., a spokesman said, days after gunmen killed ..."), an
"after/as" clause, a relative clause on a party or a place, a participle, an apposition,
an event noun. Expected is the main act only (one record, the riot whose trigger the
manual says to code, l.750, lists two). Scored with the real model before the fixes:
type F1 0.867 (precision 0.790: 33 extra events, nearly all from secondary clauses).
After the fixes below: 0.957. Then w1_round2.jsonl (64 fresh sentences, 4 per type,
same recipe) was written and scored once, unfitted: 0.908 (0.868 with the code before
this lane); one kind it showed (a setting surer than the act) was fixed after: 0.915.
The floors are the first scores less 0.02, rounded down. The gold dev sets did not move
except GSR check 0.856 -> 0.860 and tune 0.914 -> 0.919 (the second statement).

Round 3 (w1_round3.jsonl, 80 fresh sentences, 5 per type) aimed at secondary elements the
first two rounds had few of: temporal possessives ("following last month's killing"),
since/amid/despite phrases, "the first such ... since" appositions, participles, reported
plans, datelines. Scored once before any change: 0.879 (precision 0.849). Four kinds were
fixed (tests at the end of this file): 0.918; its floor is the final score less 0.02.

Then one test per kind fixed, with sentences in neither battery nor any gold file. The
PLOVER manual codes the acts a story reports; a protest's topic is no separate event, the
act that moved it is (PLOVER_MANUAL.tex:750), and the same reading is applied to the
setting a wire sentence gives its act.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"


def types(events: list[Event]) -> list[str]:
    return [e.event_type for e in events]


# reached: w1 0.957 (0.867 before this lane), round 2 0.908 as first scored; round 3
# 0.879 as first scored (unseen), 0.918 after the round 3 kinds below
@pytest.mark.parametrize("name, floor", [("w1.jsonl", 0.93), ("w1_round2.jsonl", 0.88),
                                         ("w1_round3.jsonl", 0.89)])
def test_battery_type_f1_floor(coder, name, floor):
    result = evaluate(BATTERY / name, coder=coder)
    assert result["format"] == "plover" and not result["errors"]
    assert result["micro"]["f1"] >= floor


# An "after/as" clause set behind the attribution of the sentence's act is its setting,
# whatever the parse hangs it on (the act, the reporting verb, or a conjunct)
@pytest.mark.parametrize("text, kind", [
    ("Kenya's president met his Tanzanian counterpart in Arusha, officials said, as police "
     "arrested dozens of protesters in Nairobi.", "CONSULT"),
    ("Portugal welcomed Angola's debt plan, a finance ministry official said, a week after "
     "rebels attacked an oil convoy in Cabinda.", "SUPPORT"),
    ("Slovenia sent tents and blankets to Bosnia, the government said in Ljubljana, days "
     "after Croatia expelled two Bosnian diplomats.", "AID"),
])
def test_clause_behind_the_attribution_is_setting(code, text, kind):
    assert types(code(text)) == [kind]


# ... however sure the setting's own type is: a violent verb outranks a mobilisation
def test_setting_goes_even_when_surer(code):
    events = code("Belgium deployed soldiers at train stations on Friday, the interior minister "
                  "said, hours after a gunman opened fire on football fans in Brussels.")
    assert types(events) == ["MOBILIZE"]


# PLOVER_MANUAL.tex:750: "discrete events that are the motivatation for the protest ...
# an earlier arrest---should be coded"; and an "after" clause right on a cooperative act,
# no attribution between, stays a distinct act (test_plover_rules)
@pytest.mark.parametrize("text, kinds", [
    ("Hundreds of lawyers marched in Lahore on Monday, witnesses said, after police "
     "arrested a senior judge.", ["COERCE", "PROTEST"]),
    ("The Kenyan foreign minister visited Kampala, two days after the rebel leader Joseph "
     "Kony threatened to attack Kenyan troops.", ["CONSULT", "THREATEN"]),
])
def test_what_moved_a_protest_and_acts_right_on_the_act_stay(code, text, kinds):
    assert sorted(types(code(text))) == kinds


# A relative clause on a party or a place of the act, or a verb under one, and others'
# reaction told in an apposition ("a gesture welcomed by X") describe the act's setting
@pytest.mark.parametrize("text, kind", [
    ("Mexico's foreign minister held talks with Guatemalan officials on the border, where "
     "smugglers shot two soldiers last week, a ministry statement said.", "CONSULT"),
    ("Greece returned the ancient statues to Italy on Friday, a gesture welcomed by the "
     "Italian culture minister.", "RETREAT"),
    ("Uruguay granted asylum to a Bolivian journalist who fled after soldiers raided his "
     "newspaper, the foreign ministry said.", "AID"),
])
def test_relative_clauses_and_reactions_are_setting(code, text, kind):
    assert types(code(text)) == [kind]


# "the militia, backed by Iran, ...": who backs a party is still coded (test_clauses)
def test_backing_of_a_party_is_not_a_reaction(code):
    events = code("The militia, backed by Turkey, seized the border town on Sunday.")
    assert "SUPPORT" in types(events)


# A second statement the same speaker adds with "and" goes with the reported act (as a
# protest's demand, PLOVER_MANUAL.tex:750); "and then" tells the next act
@pytest.mark.parametrize("text, kinds", [
    ("Tanzania refused to extradite the opposition leader and urged Kenya to respect his "
     "asylum.", ["REJECT"]),
    ("The two envoys met in Muscat and then signed a prisoner exchange deal.",
     ["CONSULT", "SUPPORT"]),
])
def test_second_statement_goes_with_the_first(code, text, kinds):
    assert sorted(types(code(text))) == kinds


# Round 3 kinds. PLOVER codes the act a story reports; an event the sentence only sets it
# against is "historical" to the report (PLOVER_MANUAL.tex:217-219, the auxiliary modes),
# not a second act. A dated event noun a preposition of time governs ("following last
# week's killing", "ahead of Saturday's march") is such a setting; one the act is done to
# ("launched the April 2019 offensive") stays the act's own.
@pytest.mark.parametrize("text, kind", [
    ("Chilean and Peruvian prosecutors exchanged evidence on a people smuggling gang on "
     "Friday, following last week's killing of two border guards by smugglers.", "COOPERATE"),
    ("Ghana's government put the army on alert in Accra ahead of Saturday's march by the "
     "opposition NDC, the information minister said.", "MOBILIZE"),
])
def test_dated_event_noun_of_a_setting_preposition_is_setting(code, text, kind):
    assert types(code(text)) == [kind]


# ... but what moved a protest is coded, dated or not (PLOVER_MANUAL.tex:750)
def test_dated_motive_of_a_protest_stays(code):
    events = code("Thousands of students rallied in Dhaka on Tuesday, days after Sunday's "
                  "killing of a student leader by police.")
    assert sorted(types(events)) == ["ASSAULT", "PROTEST"]


# "the first such meeting since ...": a since/after clause on a noun summing up the act
# places it in a longer story; the clause's act is not reported (PLOVER_MANUAL.tex:217)
@pytest.mark.parametrize("text, kind", [
    ("Bolivia's president met Chile's foreign minister in La Paz on Monday, the first such "
     "meeting since the two countries broke off relations in 1978.", "CONSULT"),
    ("Paraguay reopened its embassy in Caracas on Thursday, the first such step since the "
     "two governments recalled their ambassadors over the disputed election.", "SUPPORT"),
])
def test_since_clause_on_a_summing_noun_is_setting(code, text, kind):
    assert types(code(text)) == [kind]


# An after-clause behind the attribution is setting down to what its speaker said ("a
# week after X said his army would punish Vilnius"); a verb before the clause's mark is
# never in it, however the parse hangs it (the main act stays)
@pytest.mark.parametrize("text, kind", [
    ("Estonia moved troops closer to the Russian border on Wednesday, the defence ministry "
     "said, two days after Moscow's defence minister said his forces were ready to strike.",
     "MOBILIZE"),
    ("Lithuania recalled its ambassador from Minsk, the foreign ministry said, a week after "
     "the Belarusian leader said his army would punish Vilnius.", "SANCTION"),
])
def test_what_was_said_in_a_scene_clause_is_setting(code, text, kind):
    assert types(code(text)) == [kind]


# A reporting verb reports one content: a clause the parse hangs on it as a second
# complement, after it and after a noun, when the act came before the attribution, is a
# relative clause without "that" on that noun ("the summit Peru is hosting"), setting
# (PLOVER_MANUAL.tex:217)
@pytest.mark.parametrize("text, kind", [
    ("Bolivian tin miners went on strike over wages, union leaders said on Monday, ahead of "
     "the trade summit Peru is hosting in Lima next week.", "PROTEST"),
    ("Nigeria deployed troops along the border with Niger, the army said on Monday, ahead of "
     "the regional summit Ghana is hosting in Accra.", "MOBILIZE"),
])
def test_second_content_of_a_reporting_verb_is_a_relative_clause(code, text, kind):
    assert types(code(text)) == [kind]
