"""CAMEO battery, lane c2: roots 06 (material cooperation), 07 (aid), 08 (yield) and
09 (investigate), as PLOVER types (issue 10, breadth over the CAMEO codebook).

`tests/data/cameo_battery/c2.jsonl` holds two self-written wire sentences per CAMEO code
of these roots (82), typed from the code's line in CAMEO2PLOVER-2021.txt and the PLOVER
manual, never from the CAMEO manual's examples or any gold file. The lane's fixes were
read on its misses; `c2_round2.jsonl` (41, one per code) was written after them and run
once, unfixed: its score is the honest estimate for unseen sentences of these codes.
Both are scored with the real pipeline by `resgestae.evaluation.evaluate`; the floors are
the type F1 reached, rounded down by 0.02 (round 1: 0.828 before the lane, 0.976 after;
round 2: 0.718 as first run).

Second wave (roots 04 CONSULT, 07 AID, 08 YIELD): `c2_round3.jsonl` (69: one sentence per
CAMEO code of 04, 07 and 08, a second for the codes the lane note named) was written before
any fix of this wave and scored once, 0.652; its misses were never read. The wave's kinds
were read on the round-1 and round-2 misses, the GSR/PLV/PentaClass tune halves and the
lane's own probe sentences. After them: round 1 0.982, round 2 0.940, round 3 0.814 (the
transfer to unseen sentences); the floors below pin them.
Third wave (test_cameo_battery_c2_round4.py): round 3's misses were read and its kinds
fixed, 0.814 -> 0.935; its floor is now that less 0.02.

The kind tests pin each family the lane fixed, with sentences in neither battery file,
citing the line of ../shared/ontology/PLOVER_MANUAL.tex or the CAMEO code the rule follows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"
FLOORS = {"c2.jsonl": 0.96, "c2_round2.jsonl": 0.92, "c2_round3.jsonl": 0.91}


def types(events: list[Event]) -> list[str]:
    return sorted({e.event_type for e in events})


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_battery_type_f1_floor(coder, name):
    result = evaluate(BATTERY / name, coder=coder)
    assert result["errors"] == []
    assert result["micro"]["f1"] >= FLOORS[name], (name, result["micro"])


@pytest.mark.parametrize("text, expected", [
    # PLOVER_MANUAL.tex:467 COOPERATE "mutual material cooperation": done "together",
    # "jointly" (lexicon test adv=), or a joint venture or production
    ("Egypt and Sudan worked together to dredge the river.", "COOPERATE"),
    ("Thai and Cambodian soldiers patrolled the border jointly for the first time.",
     "COOPERATE"),
    ("The two governments began joint production of the vaccine.", "COOPERATE"),
    # PLOVER_MANUAL.tex:474 judicial cooperation: a suspect turned over to another state
    ("Mexican police turned the cartel boss over to U.S. marshals.", "COOPERATE"),
    # PLOVER_MANUAL.tex:502 AID "Monetary aid ... and credit"
    ("Qatar extended a $2 billion credit line to Turkey.", "AID"),
    ("The Emirates deposited $1 billion in Egypt's central bank.", "AID"),
    # CAMEO 073 humanitarian aid handed out
    ("The Red Cross handed out food parcels to displaced families in Goma.", "AID"),
    # PLOVER_MANUAL.tex:508 AID asylum
    ("Costa Rica gave sanctuary to the Nicaraguan student leaders.", "AID"),
    # CAMEO 085 "Ease economic sanctions, boycott, embargo": RETREAT, whatever the verb
    ("Washington suspended some sanctions on Venezuela's oil sector.", "RETREAT"),
    ("Brussels eased its embargo on Syrian oil imports.", "RETREAT"),
    # PLOVER_MANUAL.tex:531 RETREAT "allowing the entry of observers, peacekeepers, or
    # humanitarian workers" (CAMEO 086, 0861, 0863)
    ("The government accepted the deployment of African Union peacekeepers.", "RETREAT"),
    ("The junta received a U.N. human rights team in Naypyidaw.", "RETREAT"),
    ("The government opened the border crossing to humanitarian convoys.", "RETREAT"),
    # PLOVER_MANUAL.tex:531 RETREAT "the release of prisoners", "disarming"
    ("Colombian rebels set free three kidnapped soldiers.", "RETREAT"),
    ("Rebel fighters handed over their weapons to the army.", "RETREAT"),
    # PLOVER_MANUAL.tex:531 "observing a ceasefire": a truce that takes effect or hold
    ("The ceasefire between the army and the rebels took hold on Monday.", "RETREAT"),
    ("A truce between the two clans came into force on Friday.", "RETREAT"),
    # PLOVER_MANUAL.tex:443 CONCEDE: acceding to demands (CAMEO 083), a withdrawn tax
    # rise (0832), strikers back at work (082), emergency rule ended (0814, kept CONCEDE
    # as curfews are)
    ("Parliament approved the opposition's demand for a new electoral law.", "CONCEDE"),
    ("The junta agreed to the students' demands on Friday.", "CONCEDE"),
    ("The ministry withdrew the planned increase in bus fares.", "CONCEDE"),
    ("Striking miners returned to work on Tuesday after a three-week walkout.", "CONCEDE"),
    ("The Sri Lankan president ended emergency rule on Friday.", "CONCEDE"),
    # PLOVER_MANUAL.tex:650 ACCUSE 'investigate' "Any investigation, including commissions"
    ("Swiss prosecutors are looking into money laundering at the bank.", "ACCUSE"),
    ("The U.N. sent a fact-finding mission to investigate the massacre.", "ACCUSE"),
    ("Human Rights Watch documented abuses by soldiers in the north.", "ACCUSE"),
    ("The ICC prosecutor opened a preliminary examination into crimes in Venezuela.",
     "ACCUSE"),
    ("The senate set up a commission of inquiry into the bank's collapse.", "ACCUSE"),
])
def test_c2_kinds(code, text, expected):
    assert types(code(text)) == [expected]


def test_crimes_committed_are_no_commitment(code):
    """"committed" of a crime promises nothing (AGREE is CAMEO 03): only the
    investigation is an event (PLOVER_MANUAL.tex:621 "All investigations")."""
    text = "Dutch prosecutors are examining evidence of atrocities committed by the militia."
    assert types(code(text)) == ["ACCUSE"]


def test_a_second_concession_by_the_same_actor_is_one_act(code):
    """One actor's two concessions in one sentence, the second with no recipient of its
    own (only the imputed home country), report one concession."""
    text = "The Chilean minister conceded to the teachers and dropped the school reform bill."
    assert types(code(text)) == ["CONCEDE"]
    assert len(code(text)) == 1


@pytest.mark.parametrize("text, expected", [
    # PLOVER_MANUAL.tex:531 RETREAT "resignations of government officials": handed in
    ("The Slovenian health minister handed in his resignation after the hospital scandal.",
     "RETREAT"),
    # CAMEO 0842 "Return, release property" (manual l.531 "the return of confiscated
    # property"), the particle parsed as either; detainees sent home are released (0841)
    ("Customs officers gave back the seized laptops to the Dutch journalists on Monday.",
     "RETREAT"),
    ("Venezuela gave the detained Guyanese fishing boat back on Friday.", "RETREAT"),
    ("Myanmar sent home 60 Thai fishermen held for illegal fishing.", "RETREAT"),
    # CAMEO 086, 0862, 0863 (manual l.531 "allowing the entry of observers ... humanitarian
    # workers"): a site opened to inspectors, access granted, convoys let through
    ("Syria opened its prisons to Red Cross inspectors on Monday.", "RETREAT"),
    ("The authorities granted aid agencies access to the flooded districts.", "RETREAT"),
    ("The army allowed relief convoys to reach the besieged town on Sunday.", "RETREAT"),
    # CAMEO 0873 "Demobilize armed forces": guns given up
    ("Hundreds of gunmen gave up their rifles in Mindanao under the amnesty programme.",
     "RETREAT"),
    # CAMEO 087 "De-escalate military engagement": forces moved away, scaled back, posts
    # dismantled
    ("Turkey moved its tanks away from the Syrian border on Wednesday.", "RETREAT"),
    ("Beijing scaled back its military presence near the disputed islands.", "RETREAT"),
    ("Israeli troops dismantled roadblocks around Ramallah on Thursday.", "RETREAT"),
    # CAMEO 085 "Ease economic sanctions": export controls lifted, accounts unblocked
    ("Seoul lifted its export controls on Japanese chemicals on Monday.", "RETREAT"),
    ("Italian banks unblocked the accounts of the Libyan investment fund.", "RETREAT"),
    # CAMEO 080, 0832: a plan backed away from, a price rise shelved
    ("The Romanian government backed away from its plan to cut pensions.", "CONCEDE"),
    ("The Bolivian government shelved the fuel price increase after riots.", "CONCEDE"),
    # CAMEO 0811, 0812: censorship ended, a ban overturned
    ("Pakistan unblocked YouTube after a two-year ban.", "CONCEDE"),
    ("Myanmar restored mobile internet access in Rakhine state.", "CONCEDE"),
    ("Kenya's High Court overturned the ban on the opposition newspaper.", "CONCEDE"),
    # CAMEO 082 "Ease political dissent": the protesters' own blockade suspended
    ("Striking truckers suspended their blockade of the port of Santos on Tuesday.",
     "CONCEDE"),
    # an administrative restriction stays CONCEDE 081
    ("The government lifted the travel ban on opposition leaders.", "CONCEDE"),
    # PLOVER_MANUAL.tex:519 AID: "The Paris Club has agreed to forgive ..." is AID;
    # rescheduling a debt is economic aid (CAMEO 071)
    ("The Paris Club agreed to write off half of Liberia's debt.", "AID"),
    ("Japan agreed to forgive $1 billion of Vietnam's loans.", "AID"),
    ("China rescheduled Angola's loan repayments on Friday.", "AID"),
    # CAMEO 072 "Provide military aid": arms shipped to an army
    ("Spain shipped armoured vehicles to the Iraqi army last month.", "AID"),
    # CAMEO 045 mediation, 046 negotiation
    ("Turkey acted as mediator between Russia and Ukraine in the grain talks.", "CONSULT"),
    ("Union leaders and employers bargained for hours at the labour ministry.", "CONSULT"),
])
def test_c2_round3_kinds(code, text, expected):
    assert types(code(text)) == [expected]


def test_easing_a_standoff_is_no_concession(code):
    """Easing a state of affairs (a standoff, a shortage) lifts no restriction: only the
    withdrawal is an event (CAMEO 087; "ease tensions" is no event either)."""
    text = "India moved two divisions away from the Pakistani border, easing the standoff."
    assert types(code(text)) == ["RETREAT"]


def test_agreeing_to_restructure_with_creditors_stays_an_agreement(code):
    """Only the creditor's forgiveness agreed to is done (PLOVER_MANUAL.tex:519); a debtor
    agreeing to terms promises, AGREE."""
    text = "Zambia agreed to repay its Chinese lenders over twenty years."
    assert "AID" not in types(code(text))


@pytest.mark.parametrize("text", [
    # PLOVER_MANUAL.tex:531 RETREAT "observing a ceasefire or otherwise ending active
    # conflicts": reported though no party is named (CAMEO 0871)
    "Shelling stopped in the border villages at dawn as the new truce took effect.",
    "The guns went silent in the mountain villages at midnight, residents said.",
    # CAMEO 0861 "Receive deployment of peacekeepers", agreed to by the host
    "Mali agreed to the deployment of ECOWAS observers in the north.",
])
def test_c2_round3_retreats_without_a_named_party(code, text):
    assert types(code(text)) == ["RETREAT"]


def test_clashes_that_end_in_deaths_are_no_ceasefire(code):
    """Clashes that "ended with 12 dead" report the clashes' toll, no truce observed."""
    assert "RETREAT" not in types(code("The clashes ended with 12 people dead."))


@pytest.mark.parametrize("text, expected", [
    # PLOVER_MANUAL.tex:500 AID "Monetary aid ... and credit": a loan approved or an
    # instalment released by its lender
    ("The Asian Development Bank approved a loan of $250 million for Nepal.", "AID"),
    ("The IMF released the next loan instalment to Pakistan after a review.", "AID"),
    # CAMEO 074 "Provide military protection": troops arriving to evacuate or protect
    ("Belgian paratroopers arrived in Kigali to evacuate foreign nationals.", "AID"),
    # CAMEO 085 "Ease economic sanctions": a ban on trade lifted
    ("Egypt lifted its ban on trade with Sudan on Monday.", "RETREAT"),
    # PLOVER_MANUAL.tex:443 CONCEDE "the promise of future concessions": what a yielding
    # actor agrees to in the same breath is the concession, one event
    ("The Thai premier bowed to the protesters and agreed to dissolve parliament.",
     "CONCEDE"),
])
def test_c2_round3_more_kinds(code, text, expected):
    assert types(code(text)) == [expected]


def test_an_agreement_after_a_meeting_is_its_own_act(code):
    """Only a concession absorbs the agreement conjoined to it. (Without "then", a second
    verbal act joined by "and" goes with the first as one report: extract._second_statement.)"""
    found = types(code("The Thai premier met the protesters and then agreed to hold talks."))
    assert "AGREE" in found


@pytest.mark.parametrize("text, expected", [
    # PLOVER_MANUAL.tex:531 RETREAT "ceding, territory": a town handed over
    ("The rebels handed over the port town of Kismayo to government forces on Friday.",
     "RETREAT"),
    # CAMEO 0863 "Allow delivery of humanitarian aid": relief flights let in
    ("The junta let relief planes land at Yangon airport on Thursday.", "RETREAT"),
    # CAMEO 080 "Yield": the loser accepts the result
    ("The ruling party accepted its defeat in the municipal elections.", "CONCEDE"),
    # CAMEO 0832 "Accede to demands for change in policy": a settlement freeze
    ("The Israeli government froze the construction of settler homes near Nablus.",
     "CONCEDE"),
])
def test_c2_round3_yield_kinds(code, text, expected):
    assert types(code(text)) == [expected]


def test_a_withdrawal_ending_an_occupation_is_one_act(code):
    """A result participle restates its act within CAMEO's root 08 "Yield" (RETREAT and
    CONCEDE, CAMEO2PLOVER-2021.txt:70-97): one event, not a second concession."""
    text = "Syrian troops withdrew from the Bekaa valley, ending a long occupation."
    assert types(code(text)) == ["RETREAT"]


@pytest.mark.parametrize("text, expected", [
    # CAMEO 073 "Provide humanitarian aid": rescuers arriving to help, survivors searched for
    ("Japanese rescue teams arrived in Kathmandu to help dig out survivors of the quake.",
     "AID"),
    # CAMEO 074 "Provide military protection": guarding at the host's request
    ("Nigerian soldiers are guarding the airport in Freetown at the request of the government.",
     "AID"),
    # CAMEO 071: a grant handed over
    ("Qatar handed over a $50 million grant to the Palestinian Authority on Sunday.", "AID"),
    # CAMEO 086 "Allow international involvement": researchers let in
    ("Myanmar allowed a group of U.N. researchers to visit Rakhine state.", "RETREAT"),
    # CAMEO 0834 "Accede to demands for change in institutions": democracy restored
    ("The Thai king restored parliamentary democracy after the bloody protests.", "CONCEDE"),
])
def test_c2_round3_aid_and_access_kinds(code, text, expected):
    assert types(code(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    # CAMEO 040 "Consult", 043 "Host a visit"
    ("The Omani and Iranian ministers exchanged views on shipping in the Gulf on Monday.",
     "CONSULT"),
    ("Tanzania played host to the presidents of Kenya and Uganda in Arusha.", "CONSULT"),
    # CAMEO 071: a building paid for
    ("Kuwait paid for the reconstruction of the main hospital in Sarajevo.", "AID"),
    # CAMEO 080 "Yield", 0832: concessions made, a climb-down, one's own plan abandoned
    ("The Danish government climbed down over its plan to tax pensions.", "CONCEDE"),
    ("The Peruvian government dropped its plan to privatise the water utility.", "CONCEDE"),
    ("The mayor abandoned his plan to demolish the old market after protests.", "CONCEDE"),
    ("The king made concessions to the opposition, agreeing to hold early elections.",
     "CONCEDE"),
])
def test_c2_round3_consult_and_concede_kinds(code, text, expected):
    assert types(code(text)) == [expected]


def test_a_delegation_led_by_someone_visits_once(code):
    """ "a delegation led by X visited Y": "led" names who heads the party (CAMEO 042
    "Make a visit" is one act), not a second visit."""
    text = "A Chinese delegation led by a vice premier visited Pyongyang for talks."
    assert types(code(text)) == ["CONSULT"]
    assert len(code(text)) == 1



@pytest.mark.parametrize("text", [
    # CAMEO 042 "Make a visit": a subject in a place for talks or a visit is on it
    "The Thai foreign minister was in Hanoi on Friday for talks with Vietnamese leaders.",
    "The Nigerian president is due in Accra on Tuesday for a state visit.",
])
def test_in_a_place_for_talks_is_a_visit(code, text):
    assert types(code(text)) == ["CONSULT"]


def test_in_hospital_for_treatment_is_no_visit(code):
    assert "CONSULT" not in types(code("The minister was in hospital on Friday for treatment."))


def test_a_suspect_surrendered_to_judges_is_extradition(code):
    """PLOVER_MANUAL.tex:474 COOPERATE "extraditions" (CAMEO 063): a state surrenders a
    suspect to another's judges; fighters who surrender themselves retreat (0874)."""
    assert types(code("Argentina surrendered the fugitive banker to Spanish judges on Tuesday.")) \
        == ["COOPERATE"]
    assert types(code("Hundreds of rebels surrendered to the army near Kisangani.")) \
        == ["RETREAT"]


def test_an_earlier_act_in_the_past_perfect_is_scene(code):
    """ "withdrew from the hills they had occupied in the war": the relative clause in the
    past perfect tells what came before; the withdrawal (CAMEO 087) is the one event."""
    text = "Ethiopian troops withdrew from the hills they had occupied during the border war."
    assert types(code(text)) == ["RETREAT"]


@pytest.mark.parametrize("text, expected", [
    # PLOVER_MANUAL.tex:443 CONCEDE "removing curfews", told in the passive, no doer named
    ("The curfew in the old city of Srinagar was lifted on Tuesday, police said.", "CONCEDE"),
    # l.531 RETREAT "the release of prisoners", passive
    ("Twenty political prisoners were released from a jail in Lome on Saturday.", "RETREAT"),
])
def test_a_passive_concession_without_its_doer_is_reported(code, text, expected):
    assert types(code(text)) == [expected]
