"""CAMEO battery, lane c2, third wave (roots 04 CONSULT, 06 COOPERATE, 07 AID, 08 YIELD,
09 INVESTIGATE), as PLOVER types (issue 10).

`tests/data/cameo_battery/c2_round4.jsonl` (96 sentences, one or two per CAMEO code of these
roots, 4-digit codes included) was written and scored before any fix of this wave: 0.868
type F1, the unseen estimate. Its misses were never read; after the wave it measures the
transfer. The wave's kinds were read on `c2_round3.jsonl`'s misses (0.814 before the wave),
the GSR tune half (no kind of these types there that was not already tried) and the lane's
own probe sentences. The floors below are the final scores less 0.02 (c2_round3's own floor
lives in test_cameo_battery_c2.py).

Each kind test uses sentences in neither battery file and cites the CAMEO code
(../shared/ontology/CAMEO2PLOVER-2021.txt) or the line of PLOVER_MANUAL.tex it follows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"
# Lane yield5 then read c2_round4's misses (0.878 before; 0.969 after its kinds,
# tests/test_yield5_kinds.py): the floor follows that score less 0.02.
FLOORS = {"c2_round4.jsonl": 0.95}


def types(events: list[Event]) -> list[str]:
    return sorted({e.event_type for e in events})


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_battery_type_f1_floor(coder, name):
    result = evaluate(BATTERY / name, coder=coder)
    assert result["errors"] == []
    assert result["micro"]["f1"] >= FLOORS[name], (name, result["micro"])


@pytest.mark.parametrize("text", [
    # CAMEO 073 "Provide humanitarian aid": an aid carrier arriving or landing with relief
    # goods (lexicon test cargo=, the subject's phrase) delivers aid, no visit (042)
    "A Turkish cargo plane carrying tents and blankets landed in Benghazi on Wednesday.",
    "A convoy carrying food and medicine arrived in Aleppo on Sunday.",
    # CAMEO 074 "Provide military protection": police arriving to help secure a host
    "Rwandan police officers arrived in Bangui to help secure the presidential election.",
    # CAMEO 074: troops deployed or entering at a government's request or invitation
    "Chad deployed 2,000 soldiers to northern Cameroon at the request of the government.",
    "Tanzanian troops entered the Comoros at the invitation of the government.",
])
def test_aid_kinds(code, text):
    assert types(code(text)) == ["AID"]


@pytest.mark.parametrize("text", [
    # CAMEO 0873 "Demobilize armed forces": child soldiers discharged
    "The rebel movement discharged 300 child soldiers from its camps in Kivu.",
    # CAMEO 0861 "Receive deployment of peacekeepers": the host's consent given
    "Burundi gave its consent to the deployment of African Union observers.",
    # CAMEO 086 "Allow international involvement": opened to a UN team, a team let inspect
    "Eritrea opened its prisons to a U.N. human rights team for the first time.",
    "Syria allowed an IAEA team to inspect the desert site.",
    # CAMEO 087 "De-escalate military engagement": an offensive or air strikes halted,
    # troops stood down (were SANCTION 'discontinue' or nothing)
    "The Saudi-led coalition halted its air strikes on Yemen for the holy month.",
    "The Ethiopian army suspended its offensive in Tigray.",
    "Greece stood down its troops on the Turkish border.",
    # PLOVER_MANUAL.tex:455 "the actual release or exchange of prisoners ... RETREAT"
    "Armenia and Azerbaijan swapped prisoners at the border on Tuesday.",
    # PLOVER_MANUAL.tex:531 RETREAT "resignations of government officials"
    "The Scottish first minister stood down on Tuesday.",
])
def test_retreat_kinds(code, text):
    assert types(code(text)) == ["RETREAT"]


def test_a_yielding_act_releasing_money_is_one_act(code):
    """CAMEO 085 "Ease economic sanctions": assets unfrozen; the "releasing $X" participle
    names what the act sets free, not aid of its own (PLOVER AID is a provision)."""
    events = code("Switzerland unfroze the assets of the Ukrainian central bank, "
                  "releasing $300 million.")
    assert [e.event_type for e in events] == ["RETREAT"]


@pytest.mark.parametrize("text", [
    # CAMEO 081 "Ease administrative sanctions": cleared to stand (a bar lifted)
    "The electoral court cleared the opposition leader to run for president.",
    # CAMEO 083 "Accede to requests or demands": protesters' demands met
    "The Ecuadorian government met the demands of the indigenous protesters on Sunday.",
    # CAMEO 0832 "Accede to demands for change in policy": a price rise rolled back
    "The Nigerian government rolled back the petrol price increase after the strike.",
    # CAMEO 082 "Ease political dissent": a sit-in ended (the tokenizer splits "sit-in")
    "Students ended their sit-in on Monday.",
])
def test_concede_kinds(code, text):
    assert types(code(text)) == ["CONCEDE"]


def test_meeting_a_demand_for_power_is_no_concession(code):
    assert "CONCEDE" not in types(code("The new plant will meet demand for power in the city."))


def test_placed_under_investigation_is_investigated(code):
    """CAMEO 091 "Investigate crime, corruption" (PLOVER_MANUAL.tex:650 ACCUSE
    'investigate'), as "put under investigation"; no arrest."""
    text = ("A Paris magistrate placed the former president under formal investigation "
            "over campaign financing.")
    assert types(code(text)) == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    # PLOVER_MANUAL.tex:531 RETREAT "observing a ceasefire" (CAMEO 0871): implemented,
    # respected (was COOPERATE)
    "Both militias implemented the truce in the southern suburbs on Monday.",
    "The two armies respected the ceasefire along the border throughout the weekend.",
])
def test_a_truce_implemented_is_observed(code, text):
    assert types(code(text)) == ["RETREAT"]


def test_withdrawing_under_a_deal_leaves_no_deal(code):
    """ "under the deal" is the withdrawal's framework: fighters pulling back are RETREAT
    (CAMEO 087), not SANCTION 'withdraw' from an agreement (166)."""
    text = "Kurdish fighters withdrew east of the Euphrates under the agreement."
    assert types(code(text)) == ["RETREAT"]


def test_hearings_into_deaths_are_an_inquiry(code):
    """PLOVER_MANUAL.tex:650 ACCUSE 'investigate': "Any investigation, including
    commissions ... judicial or political" (CAMEO 090)."""
    text = "A Senate panel in Manila opened hearings into the killings of drug suspects."
    assert types(code(text)) == ["ACCUSE"]


@pytest.mark.parametrize("text, expected", [
    # CAMEO 041 "Discuss by telephone": a video call is a call at a distance
    ("The Indian and Australian prime ministers held a video call on Thursday.", "CONSULT"),
    # CAMEO 045 "Engage in mediation": a third party brokering a deal or a truce between
    # two others mediates (the parties' agreement is theirs)
    ("Oman is brokering a prisoner exchange between Washington and Tehran.", "CONSULT"),
    # CAMEO 091 "Investigate crime, corruption": questioned by prosecutors or police
    ("Brazilian police questioned the former president over the missing jewels.", "ACCUSE"),
])
def test_consult_and_investigate_kinds(code, text, expected):
    assert types(code(text)) == [expected]


def test_questioning_a_vote_is_no_investigation(code):
    """Only investigators questioning someone investigate; voters doubting do not."""
    events = code("Few voters questioned the timing of the election.")
    assert all(e.mode != "investigate" for e in events)
