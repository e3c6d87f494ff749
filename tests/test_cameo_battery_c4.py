"""CAMEO roots 12 (REJECT) and 13 (THREATEN): the c4 battery and the kinds it found (issue 10).

`tests/data/cameo_battery/c4.jsonl` holds 200 wire-style sentences written for this lane
from the one-line descriptions of ../shared/ontology/CAMEO2PLOVER-2021.txt (codes 120-129,
130-139) and the PLOVER manual, four per CAMEO code (never taken from a gold file or the
CAMEO manual's examples); `c4_round2.jsonl` is a fresh round written after the fixes,
one more per code, scored as it came out. `test_battery_type_f1` pins the type F1 both
reach with the real model, so a change cannot quietly lose them; raise a floor when a fix
lifts it, never lower one.

The other tests pin the kinds of fault the battery found, each with sentences that are
in neither battery file, citing the CAMEO code or the line of
../shared/ontology/PLOVER_MANUAL.tex the rule follows (manual l.665 REJECT "All
rejections and refusals"; l.703 THREATEN "All threats, coercive or forceful warnings").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"

# Type F1 (micro) measured when the lane's fixes landed, rounded down by 0.02. Before the
# fixes c4.jsonl scored 0.875 (200 records); round 2, written after them and scored once,
# 0.960 (50 records), as main's coder scored it too.
FLOORS = {
    "c4.jsonl": 0.97,  # 0.982; 0.990 after round 3's fixes (test_cameo_battery_c4_round3.py)
    "c4_round2.jsonl": 0.98,  # 0.960; 1.000 after round 3's fixes
}


def types(events: list[Event]) -> list[str]:
    return sorted({e.event_type for e in events})


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_battery_type_f1(coder, name):
    result = evaluate(BATTERY / name, coder=coder)
    assert result["records"] >= 50
    assert result["micro"]["f1"] >= FLOORS[name], [
        (m["id"], m["gold"], m["predicted"]) for m in result["misses"]]


# --- idioms and particles of refusal -----------------------------------------------------
# manual l.665 REJECT "All rejections and refusals"; CAMEO 120, 124, 125


@pytest.mark.parametrize("text", [
    "Oslo ruled out a referendum on joining the euro, the prime minister said on Friday.",
    "The junta swept aside a West African proposal for an 18-month transition.",
    "Kiribati brushed off an Australian offer to fund a new wharf.",
    "The mine owners balked at the union's pay demand on Tuesday.",
    "Pretoria has stood firm against British calls to return the diamonds.",
    "Lima dug in its heels over the disputed fishing quotas.",
    "Quito said no to a Peruvian proposal for joint border patrols.",
    "The Senate voted against a bill to extend the emergency powers on Wednesday.",
    "Canberra turned its back on a Chinese plan for a regional security pact.",
    "The regulator shot down a proposal to merge the two state banks.",
])
def test_refusal_idioms_are_reject(code, text):
    assert types(code(text)) == ["REJECT"]


# CAMEO 129 "Veto" named by its noun under a verb of using it; 1213 "Reject judicial
# cooperation": a court blocking an extradition; 128 "Defy norms, law"


@pytest.mark.parametrize("text", [
    "China exercised its veto over the Security Council statement on Myanmar.",
    "A French court blocked the extradition of the former minister to Algeria.",
    "The logging company thumbed its nose at the environmental regulations.",
])
def test_veto_blocking_and_defiance_are_reject(code, text):
    assert types(code(text)) == ["REJECT"]


# CAMEO 120 throwing out a bill, withholding consent; 127 cancelling a deal; 128 breaking a
# curfew or an embargo ("Defy norms, law")


@pytest.mark.parametrize("text", [
    "The upper house threw out the government's pension bill on Tuesday.",
    "The king withheld his assent from the media law.",
    "Manila cancelled the visiting forces agreement with Washington.",
    "Fishing fleets from three countries broke the embargo on the disputed waters.",
])
def test_throwing_out_withholding_cancelling_breaking_are_reject(code, text):
    assert types(code(text)) == ["REJECT"]


# manual l.673: barring a group from a territory is REJECT (CAMEO 1245 "Decline to allow
# international involvement"); keeping a restriction in place declines to ease it (1241, 1244)


@pytest.mark.parametrize("text", [
    "Eritrea barred UN investigators from visiting its prisons.",
    "Washington kept its ban on Cuban imports in place on Monday.",
])
def test_barring_monitors_and_keeping_a_ban_are_reject(code, text):
    assert types(code(text)) == ["REJECT"]


# "would not let" is a stated refusal, as "will not accept" is (PLOVER intentions: refusals
# to cooperate are REJECT; coding_rules.yaml negated_intent_to) -- opaque heads too


def test_would_not_let_is_reject(code):
    text = "The junta would not let foreign journalists enter the border region."
    assert types(code(text)) == ["REJECT"]


# "unwilling to" states the actor's own refusal, as "refused to" does (manual l.665;
# coding_rules.yaml unwilling): CAMEO 124 "Decline to yield", 125 "Reject proposal to meet"


@pytest.mark.parametrize("text", [
    "The junta remains unwilling to free the detained opposition leader.",
    "Pristina is unwilling to negotiate with Belgrade over the northern municipalities.",
])
def test_unwilling_is_reject(code, text):
    assert types(code(text)) == ["REJECT"]


# "cannot accept", "can't allow": a refusal stated as inability (manual l.665 REJECT)


@pytest.mark.parametrize("text", [
    "Lebanon cannot take in more Syrian refugees, the interior minister said.",
    "We cannot let the monitors into the camp, the commander told reporters.",
])
def test_cannot_is_reject(code, text):
    assert types(code(text)) == ["REJECT"]


# --- threats ------------------------------------------------------------------------------
# CAMEO 139 "Give ultimatum": days or hours to act


@pytest.mark.parametrize("text", [
    "The rebels gave the government 72 hours to release their commander.",
    "Kosovo was given two weeks by Brussels to withdraw the special police units.",
])
def test_days_to_act_are_an_ultimatum(code, text):
    assert types(code(text)) == ["THREATEN"]


# CAMEO 130 "Threaten": leaving force open, putting on notice, hinting at or promising a
# harsh response; a speaker's own "might" or "could" of a coercive act (manual l.703)


@pytest.mark.parametrize("text", [
    "The Greek prime minister did not rule out military action in the Aegean.",
    "Paris refused to rule out sanctions on the Malian junta.",
    "Seoul put Pyongyang on notice over the drone incursions.",
    "The army chief hinted at military action if the talks failed.",
    "Kabul promised swift retaliation for the border raid.",
    "Nigeria said it could expel the Ghanaian traders, a spokesman said on Tuesday.",
])
def test_warnings_of_force_or_pressure_are_threaten(code, text):
    assert types(code(text)) == ["THREATEN"]


# "hinted that it could use force" reports what is hinted, a speaker's own option of force:
# THREATEN, and no ASSAULT of its own (coding_rules.yaml reporting; manual l.703)


def test_hinted_force_is_threaten_only(code):
    text = "Ankara hinted that it could use force against the militias in the north."
    assert types(code(text)) == ["THREATEN"]


# CAMEO 130: raising or floating the prospect of a coercive act


@pytest.mark.parametrize("text", [
    "Ottawa raised the possibility of sanctions on the Haitian gang leaders.",
    "The Dutch minister floated the idea of a boycott of the tournament.",
])
def test_raising_the_prospect_of_coercion_is_threaten(code, text):
    assert types(code(text)) == ["THREATEN"]


# manual l.703 THREATEN is "coercive or forceful warnings" by an actor: a forecast of the
# economy, the weather or a disease, or a threat posed by a natural force, is no event


@pytest.mark.parametrize("text", [
    "The finance ministry warned that inflation would stay high until next spring.",
    "The World Bank warned of a deep recession in the region.",
    "Floods threaten the coastal villages of Bangladesh.",
    "The cholera outbreak threatens thousands of refugees in the camps, the WHO said.",
])
def test_forecasts_and_natural_threats_are_no_event(code, text):
    assert "THREATEN" not in types(code(text))


# staying in office is no act: "would stay in office" is no threat of protest


def test_staying_in_office_is_no_threat(code):
    text = "The governor said she would stay in office until the end of her term."
    assert "THREATEN" not in types(code(text))


# the condition of a threat is no event, though it runs through "continue to"
# (background.py: "the condition of an if/unless clause has not happened")


def test_condition_through_continue_is_no_event(code):
    text = "Rabat warned Berlin of a diplomatic rupture if it continued to host the dissident."
    assert types(code(text)) == ["THREATEN"]


# what others could do is no threat of theirs (only the speaker's own option is)


def test_others_could_is_no_threat(code):
    text = "Analysts said the central bank could raise interest rates next month."
    assert "THREATEN" not in types(code(text))
