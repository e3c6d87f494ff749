"""CAMEO roots 01-05 battery (issue 10, lane c1): breadth over the CAMEO codebook.

`tests/data/cameo_battery/c1.jsonl` holds two self-written wire sentences per CAMEO code
of roots 01 (public statements: PLOVER drops them), 02 (appeals: REQUEST), 03 (intent
to cooperate: AGREE), 04 (consult: CONSULT) and 05 (diplomatic cooperation: SUPPORT),
with the PLOVER coding the CAMEO2PLOVER table and the PLOVER manual give them;
`c1_round2.jsonl` one fresh sentence per code, written after the fixes and scored once
as they came out (the honest estimate of unseen accuracy); `c1_round3.jsonl` (second
wave) one more per code and a second for 020-028, 030-039 and 050-057, written before
that wave's fixes and never fixed against: 0.922 before, 0.938 after them (the transfer).
`test_battery_floor` pins type F1 on all three, so a change cannot quietly lose them;
raise a floor, never lower one.

The other tests pin the kinds of fault the battery found, each with sentences that are
in neither battery file, citing the CAMEO code or the line of
../shared/ontology/PLOVER_MANUAL.tex the rule follows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"
# Type F1 (micro) reached, rounded down by 0.02: round 1 0.944 (0.900 before the c1
# fixes), round 2 0.897 as it came out (0.897 before them too); after the second wave
# round 1 0.958, round 2 0.957, round 3 0.938 (0.922 as it came out); after the round-4
# fixes (tests/test_cameo_battery_c1_round4.py) 0.962, 0.971 and 0.954.
FLOORS = {"c1.jsonl": (160, 0.94), "c1_round2.jsonl": (80, 0.95),
          "c1_round3.jsonl": (107, 0.93)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_battery_floor(coder, name):
    records, floor = FLOORS[name]
    result = evaluate(BATTERY / name, coder=coder)
    assert result["format"] == "plover" and result["records"] == records
    assert not result["errors"]
    assert result["micro"]["f1"] >= floor, result["misses"]


def types(events: list[Event]) -> list[str]:
    return sorted({e.event_type for e in events})


# PLOVER_MANUAL.tex:348 AGREE: "promise, or otherwise indicate willingness or commitment
# to cooperate": a promise whose complement carries an event noun ("vowed to hold
# talks") is one event, the intention; the promise verb adds none of its own
@pytest.mark.parametrize("text", [
    "The Ivorian president vowed to hold talks with the main opposition party.",
    "Both governments pledged to hold regular consultations on border security.",
    "The Bolivian president promised to launch a dialogue with the indigenous groups.",
])
def test_promise_of_an_event_noun_is_one_agree(code, text):
    assert types(code(text)) == ["AGREE"]


# CAMEO 0311 "express intent to cooperate economically": a vow to cooperate is AGREE
# like "pledged" (PLOVER_MANUAL.tex:348), not a threat
@pytest.mark.parametrize("text", [
    "Vietnam and Thailand vowed to expand trade between their countries.",
    "The new Peruvian government vowed closer cooperation with its neighbours.",
])
def test_vow_to_cooperate_is_agree(code, text):
    assert types(code(text)) == ["AGREE"]


def test_bare_vow_stays_a_threat(code):
    # CAMEO 13: a vow of force keeps its type
    assert "THREATEN" in types(code("The militia vowed revenge for the death of its leader."))


# CAMEO 03 "express intent to ...": intent named by its noun (PLOVER_MANUAL.tex:348
# "indicate willingness")
@pytest.mark.parametrize("text", [
    "Egypt expressed its readiness to host a new round of negotiations.",
    "The Somali government signalled its willingness to open talks with the clan elders.",
    "Finland has expressed interest in joining the naval mission.",
    "Cambodia and Thailand reached an understanding on the disputed temple area.",
])
def test_intent_named_by_its_noun_is_agree(code, text):
    assert types(code(text)) == ["AGREE"]


# CAMEO 0313/033 "express intent to cooperate / provide aid": helping another party act
# is the helper's cooperation; the helped party's verb is no event of its own
@pytest.mark.parametrize("text", [
    "Germany promised to help Namibia build a hydrogen plant.",
    "The Swiss authorities offered to help Ukraine trace the stolen assets.",
])
def test_promised_help_for_another_party_is_agree(code, text):
    assert types(code(text)) == ["AGREE"]


def test_help_to_act_passes_the_act_through(code):
    # no other party: "helped to negotiate" is the negotiation (CAMEO 046)
    assert types(code("Ghana helped to negotiate the truce in Mali.")) == ["CONSULT"]


# CAMEO 04 CONSULT (PLOVER_MANUAL.tex:370 "consultation by phone", "Holding talks and
# discussions"): talks named by other nouns, courtesy calls, audiences, delegations led
@pytest.mark.parametrize("text", [
    "The presidents of Chile and Peru held a telephone conversation on Wednesday.",
    "The Malaysian king granted an audience to the visiting Saudi foreign minister.",
    "The Indian home minister paid a courtesy call on the Nepalese prime minister.",
    "Kenya's foreign minister led a delegation to Uganda last week.",
    "Qatari mediators shuttled between the two Sudanese delegations in Jeddah.",
    "The Turkish president spoke to Putin about the grain corridor.",
])
def test_talk_nouns_and_visits_are_consult(code, text):
    assert "CONSULT" in types(code(text))


# PLOVER drops CAMEO 01 statements (PLOVER_MANUAL.tex, CAMEO to PLOVER table): a speech
# is no consultation
@pytest.mark.parametrize("text", [
    "The Zambian president spoke at length about the drought on national television.",
    "The minister spoke to reporters after the cabinet session.",
])
def test_a_speech_is_no_consultation(code, text):
    assert "CONSULT" not in types(code(text))


# CAMEO 051-053, 057 SUPPORT (PLOVER_MANUAL.tex:413 "express support for, commend ...
# ratify, sign, or finalize an agreement")
@pytest.mark.parametrize("text", [
    "Serbia's president spoke out in defence of the Hungarian prime minister.",
    "Several Gulf states threw their weight behind the Egyptian candidate.",
    "Caribbean leaders rallied behind the Jamaican proposal at the meeting.",
    "Australia stood by its Pacific neighbour in the dispute with the mining company.",
    "The Portuguese president spoke highly of Angola's reforms.",
    "Ecuador and Colombia normalised relations after the border crisis.",
    "The two energy ministers inked a gas supply deal in Baku.",
    "Negotiators initialled the text of the association agreement in Brussels.",
])
def test_support_breadth(code, text):
    assert types(code(text)) == ["SUPPORT"]


def test_a_plea_is_a_request(code):
    # CAMEO 02 appeal: PLOVER REQUEST (PLOVER_MANUAL.tex:574 "All requests, demands")
    events = code("The Lebanese Red Cross made an urgent plea for blood donors.")
    assert types(events) == ["REQUEST"]


def test_promise_to_draft_a_text_is_agree_only(code):
    # CAMEO 0344 "express intent to change institutions": drafting is no conscription
    events = code("The Gambian president promised to draft a new constitution.")
    assert types(events) == ["AGREE"]


@pytest.mark.parametrize("text", [
    "The mother publicly forgave the gunmen.",
    "His family publicly forgave the militiamen.",
])
def test_forgave_is_support(code, text):
    # CAMEO 056 "forgive": the model's lemma slip ("forgave" left as its own lemma in
    # these sentences) must not lose it
    assert types(code(text)) == ["SUPPORT"]


# PLOVER_MANUAL.tex:348 AGREE "promise ... commitment to cooperate": word, assurances
# and guarantees given
@pytest.mark.parametrize("text", [
    "The Sri Lankan president gave his word that the refugees could return home.",
    "Cairo gave guarantees to Addis Ababa that the dam talks would continue.",
])
def test_word_and_assurances_given_are_agree(code, text):
    assert types(code(text)) == ["AGREE"]


# CAMEO 011 "decline comment" and 017 "symbolic act": PLOVER drops both (PLOVER_MANUAL.tex,
# CAMEO to PLOVER table: 01 dropped)
@pytest.mark.parametrize("text", [
    "The army refused to give details of the operation.",
    "A palace official declined to give any details about the king's health.",
    "The Canadian prime minister attended a memorial service for the crash victims.",
    "The Pakistani president attended the funeral of the former army chief.",
])
def test_no_comment_and_rites_are_no_event(code, text):
    assert types(code(text)) == []


def test_attending_talks_stays_consult(code):
    # CAMEO 040: attending a meeting is a consultation
    assert types(code("The Angolan foreign minister attended the summit in Kigali.")) == ["CONSULT"]


# CAMEO 042 "make a visit", 040: a subject on a visit or in talks takes part in them
@pytest.mark.parametrize("text", [
    "The Omani foreign minister is on a two-day visit to Tehran.",
    "Sudan's army is in talks with the rebel alliance in Juba.",
])
def test_on_a_visit_or_in_talks_is_consult(code, text):
    assert types(code(text)) == ["CONSULT"]


def test_under_attack_is_no_act_of_the_subject(code):
    # the copula carries only consultations: what the subject suffers is not its act
    assert "CONSULT" not in types(code("The town is under attack from the militia."))


# CAMEO 030 "express intent to cooperate": volunteering is offering
@pytest.mark.parametrize("text", [
    "Rwanda volunteered its troops for the new African force.",
    "Mongolia volunteered to host the next round of talks on the Korean peninsula.",
])
def test_volunteering_is_agree(code, text):
    assert types(code(text)) == ["AGREE"]


def test_volunteering_at_a_place_is_no_agreement(code):
    assert types(code("Dozens of students volunteered at the flood shelters.")) == []


# CAMEO 053 "rally support on behalf of" (PLOVER_MANUAL.tex:413 SUPPORT "express support
# for"): lobbying others to back a party rallies support for it; 052 "defend verbally":
# coming to a party's defence
@pytest.mark.parametrize("text", [
    "Kuwait lobbied the other Gulf states to back the Iraqi candidate for the post.",
    "The Tanzanian president came to the defence of his Kenyan counterpart at the summit.",
])
def test_lobbying_for_another_and_coming_to_its_defence_are_support(code, text):
    assert types(code(text)) == ["SUPPORT"]


def test_lobbying_for_oneself_stays_a_request(code):
    # CAMEO 02: lobbying for one's own interest is an appeal
    assert types(code("The farmers lobbied the ministry for higher grain prices.")) == ["REQUEST"]


# CAMEO 054 "grant diplomatic recognition" and 057 "sign formal agreement"
# (PLOVER_MANUAL.tex:413 "ratify, sign, or finalize an agreement")
@pytest.mark.parametrize("text", [
    "The government of Kiribati switched diplomatic recognition from Taipei to Beijing.",
    "The rebel commanders put their signatures to the disarmament accord in Bangui.",
])
def test_recognition_switched_and_signatures_put_are_support(code, text):
    assert types(code(text)) == ["SUPPORT"]


# CAMEO 030 "express intent to cooperate": an intention declared or announced
# (PLOVER_MANUAL.tex:348 AGREE "indicate willingness")
def test_declared_intention_is_agree(code):
    events = code("Chad and Niger declared their intention to harmonise their customs rules.")
    assert types(events) == ["AGREE"]


# CAMEO 035 "express intent to yield": giving ground is yielding (CONCEDE), so its
# intention is AGREE (PLOVER_MANUAL.tex:348)
def test_readiness_to_give_ground_is_agree(code):
    events = code("Moldova signalled it was willing to give ground in its talks with Transnistria.")
    assert types(events) == ["AGREE"]


def test_seeking_a_term_is_no_request(code):
    # CAMEO 02 is an appeal to another party: running for office is none
    events = code("The Malawian president said he would seek a second term in next year's vote.")
    assert "REQUEST" not in types(events)


# CAMEO 034 "express intent to bring political reform": introducing reforms is the reform
# (083, PLOVER CONCEDE), so an announced or promised one is AGREE (PLOVER_MANUAL.tex:348)
@pytest.mark.parametrize("text, expected", [
    ("The Kuwaiti emir announced that he would introduce constitutional reforms next year.",
     ["AGREE"]),
    ("The Omani sultan introduced modest political reforms after the unrest.", ["CONCEDE"]),
])
def test_introducing_reforms(code, text, expected):
    assert types(code(text)) == expected


# CAMEO 045 "engage in mediation" (PLOVER_MANUAL.tex:370 CONSULT): the parser may hang a
# progressive's participle on "is" as an attribute; the mediator is still its subject
def test_progressive_hung_on_the_copula_keeps_its_subject(code):
    events = code("Oman is mediating between Tehran and Riyadh over the detained sailors.")
    assert types(events) == ["CONSULT"]
    assert [a.country for a in events[0].actor] == ["OMN"]


# CAMEO 051 "praise or endorse", 053 "rally support" (PLOVER_MANUAL.tex:413 SUPPORT
# "express support for, commend"); a tribute to the dead is a rite (017/018, dropped)
@pytest.mark.parametrize("text, expected", [
    ("The Kenyan president paid tribute to Tanzania's role in the peace process.", ["SUPPORT"]),
    ("Several Sahel leaders threw their backing behind the Nigerien mediation plan.",
     ["SUPPORT"]),
    ("Mourners paid tribute to the victims of the mine collapse in Zambia.", []),
])
def test_tribute_and_support_thrown_behind(code, text, expected):
    assert types(code(text)) == expected


# CAMEO 036 "express intent to meet or negotiate": proposing talks offers them
# (PLOVER_MANUAL.tex:348 AGREE)
def test_proposing_talks_is_agree(code):
    events = code("Laos proposed a summit of Mekong states to settle the row over the new dams.")
    assert types(events) == ["AGREE"]
