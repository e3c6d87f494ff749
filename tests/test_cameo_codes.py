"""CAMEO codes PLOVER folds together (cameo_codes.py): an appeal is CAMEO 02, a demand 10;
comments keep their CAMEO 01 code; the PLOVER type stays. Real spaCy model; sentences
written for these tests. Sources: CAMEO.2.0.txt (../shared/ontology/petrarch-dictionaries/)
blocks ASK [020], APPEAL [020], CALL (FOR)/(ON) [020], EXPRESS * CONCERN [012],
EXPRESS * CONDOLENCES [018]; PLOVER_MANUAL.tex:1604-1605 (01 and 02 dropped). Also the
peacekeeping rule of modes.py (CAMEO 074 is AID), which moves an event across PentaClasses."""

from __future__ import annotations

import pytest

from resgestae.coding import extract_events
from resgestae.evaluation.labels import pentaclass
from resgestae.model import Article, Event


@pytest.fixture(scope="module")
def code(coder):
    def run(text: str) -> list[Event]:
        return extract_events(coder.nlp(text), Article(id="t", text=text))

    return run


def primary(events: list[Event]) -> Event:
    assert events, "no event coded"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize("text", [
    "The Red Cross urged the two militias to respect the truce.",
    "Chile called on Bolivia to resume talks on the border dispute.",
    "The mayor asked the federal government for emergency funds.",
    "Aid agencies appealed for food and shelter for the flood victims.",
])
def test_an_appeal_is_cameo_02_and_stays_a_plover_request(code, text):
    # the sub-code is the one modality derives for the 10 code ("resume talks": 106 -> 026)
    event = primary(code(text))
    assert event.event_type == "REQUEST" and event.cameo.startswith("02"), event.cameo
    assert pentaclass(event.to_record()) == "0"


@pytest.mark.parametrize("text", [
    "The opposition demanded the immediate release of the detained reporters.",
    "The UN envoy said both sides must withdraw their forces.",
])
def test_a_demand_stays_cameo_10(code, text):
    event = primary(code(text))
    assert event.event_type == "REQUEST" and event.cameo.startswith("10"), event.cameo
    assert pentaclass(event.to_record()) == "3"


def test_a_call_for_hostile_measures_is_no_appeal(code):
    # CAMEO.2.0 CALL (FOR SANCTIONS) [1312]: pressure on the target, verbal conflict
    event = primary(code("Lithuania called for sanctions against the Belarusian regime."))
    assert not event.cameo.startswith("02"), event.cameo
    assert pentaclass(event.to_record()) == "3"


@pytest.mark.parametrize("text, cameo", [
    ("The Finnish president expressed condolences to the families of the miners.", "018"),
    ("The finance minister expressed concern over the rising debt of the province.", "012"),
])
def test_a_comment_keeps_its_cameo_01_code(code, text, cameo):
    event = primary(code(text))
    assert event.cameo == cameo
    assert pentaclass(event.to_record()) == "0"


def test_an_act_only_considered_is_no_event(code):
    # CAMEO 014 "consider policy option" is a root-01 statement, which PLOVER drops
    # (PLOVER_MANUAL.tex:1579); pentaclass_train labels such sentences 0 (stop 28: before,
    # an AGREE event carried code 014)
    assert code("Norway is considering sending aid to the flooded provinces of Peru.") == []


def test_a_weighed_act_held_out_on_a_condition_is_a_threat(code):
    # "would consider barring imports if X goes ahead": a coercive warning (THREATEN)
    event = primary(code("Beijing said it would consider barring imports of Australian "
                         "coal if Canberra went ahead with the inquiry."))
    assert event.event_type == "THREATEN" and event.cameo.startswith("13")


def test_other_codes_are_left_alone(code):
    event = primary(code("The supreme court ordered the health ministry to publish its contracts."))
    assert (event.event_type, event.cameo) == ("REQUEST", "100")
    event = primary(code("The foreign minister praised the mediators for their work."))
    assert (event.event_type, event.cameo) == ("SUPPORT", "051")


@pytest.mark.parametrize("text", [
    "The separatists claimed that they had shelled the airport overnight.",
    "The militia claimed to have killed twelve soldiers near the dam.",
])
def test_an_attack_claimed_by_its_authors_is_cameo_015(code, text):
    # CAMEO.2.0 CLAIM * ATTACK / * KILLING [015]: claim responsibility; still PLOVER ASSAULT
    event = primary(code(text))
    assert (event.event_type, event.cameo) == ("ASSAULT", "015")


def test_a_claim_about_another_actors_attack_keeps_the_attack_code(code):
    event = primary(code("The police claimed that the separatists had shelled the airport."))
    assert event.event_type == "ASSAULT" and event.cameo != "015"


@pytest.mark.parametrize("text", [
    "Ghana deployed 400 soldiers to the UN peacekeeping mission in South Sudan.",
    "Two hundred Nepali peacekeepers arrived in Beirut to join the UN peacekeeping force.",
])
def test_troops_sent_on_a_peacekeeping_mission_are_aid_074(code, text):
    # CAMEO2PLOVER-2021.txt:67 "074: AID, peacekeeping"; not a show of force, not a visit
    event = primary(code(text))
    assert (event.event_type, event.cameo) == ("AID", "074")
    assert pentaclass(event.to_record()) == "2"


@pytest.mark.parametrize("text, event_type", [
    ("Ghana deployed 400 soldiers along its northern border.", "MOBILIZE"),
    ("The UN peacekeeping chief arrived in Beirut for talks with the president.", "CONSULT"),
])
def test_without_peacekeeping_troops_the_type_stays(code, text, event_type):
    assert primary(code(text)).event_type == event_type


def test_accepting_refugees_is_granting_asylum_and_refusing_them_a_rejection(code):
    # CAMEO2PLOVER-2021.txt:68 "075: AID, asylum # Grant asylum"; a refusal of aid is REJECT
    event = primary(code("Canada accepted 900 Afghan refugees last month."))
    assert (event.event_type, event.cameo) == ("AID", "075")
    assert pentaclass(event.to_record()) == "2"
    event = primary(code("Hungary says it will not accept refugees from the camps in Greece."))
    assert event.event_type == "REJECT" and pentaclass(event.to_record()) == "3"
