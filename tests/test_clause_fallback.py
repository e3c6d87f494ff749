"""Stop 23 (issue 10): the learned clause classifier as the lexicon's fallback.

- It is trained also on `data/training/written.tsv`, realistic clauses written for the
  project; it must type event clauses whose verb the lexicon lacks.
- It is asked about light verbs too, whose event noun the lexicon lacks ("began a ground
  incursion"): PLOVER codes the event a support verb carries (issue 10, item 4: event
  nouns under any support verb). The sentences here were written for these tests and are
  in no training, battery or gold file.
"""

from __future__ import annotations

import pytest

from resgestae.coding.train_classifier import WRITTEN, read_corpus


def types(events: list) -> list[str]:
    return sorted({e.event_type for e in events})


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 087 / 0841 (RETREAT): a transfer of detainees completed
    ("The two governments completed the transfer of 40 detainees at the border crossing "
     "on Monday.", "RETREAT"),
    # CAMEO 06 (COOPERATE): a joint undertaking conducted with a partner
    ("Burundian soldiers conducted a joint census of refugees with Tanzanian officials "
     "last week.", "COOPERATE"),
])
def test_a_light_verb_with_an_event_noun_the_lexicon_lacks(code, text, expected):
    assert types(code(text)) == [expected]


def test_the_written_corpus_covers_every_plover_type_and_non_events():
    labels = {label for label, _, _ in read_corpus(WRITTEN)}
    from resgestae.model import EVENT_TYPES

    assert set(EVENT_TYPES) | {"NONE"} == labels
    assert len(read_corpus(WRITTEN)) > 10_000


# CAMEO 03 "Express intent to cooperate" (AGREE) vs 130 "Threaten": a vow is a threat only
# when nothing else says what is vowed; found on the written training clauses, where the
# lexicon coder reported a threat beside the vowed cooperation 16 times
@pytest.mark.parametrize("text", [
    "The two interior ministers vowed to share intelligence on smuggling networks.",
    "Japan vowed to help rebuild the port city after the earthquake.",
])
def test_a_vow_of_cooperation_is_no_threat_beside_it(code, text):
    assert types(code(text)) == ["AGREE"]


def test_a_vow_of_revenge_stays_a_threat(code):
    assert types(code("The rebels vowed to avenge the killing of their commander.")) == [
        "THREATEN"]


# PLOVER codes what actors do: a thing or a process as the subject is no doer
@pytest.mark.parametrize("text", [
    "Inflation in Ghana hit 54 percent in December, the statistics office said.",
    "Brent crude prices shot up six percent in early trading on Monday.",
    "Floods destroyed thousands of homes in northern Nigeria last week.",
])
def test_a_thing_as_subject_reports_no_act(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    "Assailants stabbed two teachers in Mombasa on Monday.",
    "Pirates seized a tanker off the Somali coast on Tuesday.",
])
def test_an_unlisted_doer_still_acts(code, text):
    assert types(code(text)) == ["ASSAULT"]


# CAMEO 057 "Sign formal agreement" (SUPPORT in CAMEO2PLOVER-2021): a club signing a
# player is hiring, not an agreement between parties; found by the new-user trial
@pytest.mark.parametrize("text", [
    "Manchester City signed a Brazilian defender for 40 million pounds on Friday.",
    "The club signed a new goalkeeper from Benfica last week.",
])
def test_signing_a_player_is_no_agreement(code, text):
    assert code(text) == []


def test_signing_an_agreement_stays_one(code):
    assert types(code("Egypt and Sudan signed a border agreement in Cairo on Monday.")) == [
        "SUPPORT"]
