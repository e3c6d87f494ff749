"""Clauses from the dependency parse: voice, complements, reporting verbs,
conjunctions, nominal events and "backed by" support (real spaCy model)."""

from __future__ import annotations

import pytest

from resgestae.coding import extract_events
from resgestae.model import Article, Event


@pytest.fixture(scope="module")
def code(coder):
    def run(text: str) -> list[Event]:
        return extract_events(coder.nlp(text), Article(id="t", text=text))

    return run


def texts(entities) -> list[str]:
    return [e.text for e in entities]


def only(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]


def test_passive_agent_is_the_actor(code):
    events = code("Two journalists were attacked by police in the capital on Friday.")
    (attack,) = only(events, "ASSAULT")
    assert texts(attack.actor) == ["police"]
    assert "journalists" in texts(attack.recipient)[0]


def test_subjectless_passive_leaves_the_actor_empty(code):
    (attack,) = only(code("Three soldiers were killed near the border."), "ASSAULT")
    assert attack.actor == []
    assert texts(attack.recipient) == ["Three soldiers"]


def test_threat_to_attack_is_a_threat_not_an_attack(code):
    events = code("The rebel commander threatened to attack Kenyan troops.")
    assert [e.event_type for e in events] == ["THREATEN"]
    threat = events[0]
    assert threat.mode == "violence" and threat.cameo == "138"
    assert threat.factuality == "asserted"
    assert texts(threat.recipient) == ["Kenyan troops"]
    assert "threatened" in threat.trigger and "attack" in threat.trigger


def test_agreeing_to_do_something_is_one_agree_with_both_actors(code):
    events = code("Norway and Sweden agreed to hold joint naval exercises next month.")
    assert [e.event_type for e in events] == ["AGREE"]
    assert texts(events[0].actor) == ["Norway", "Sweden"]


def test_reporting_verb_is_skipped_and_its_subject_is_not_the_actor(code):
    events = code("The ministry said rebels attacked a police patrol near the airport.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert texts(events[0].actor) == ["rebels"]


def test_accusing_is_itself_the_event(code):
    (accuse,) = code("Kenya accused Somalia of harbouring militants.")
    assert accuse.event_type == "ACCUSE" and accuse.mode == "allege"
    assert texts(accuse.actor) == ["Kenya"] and texts(accuse.recipient) == ["Somalia"]


def test_meeting_codes_both_recipients(code):
    text = (
        "The Egyptian president met the Saudi foreign minister and the Emirati ambassador in Cairo."
    )
    (meeting,) = only(code(text), "CONSULT")
    assert len(meeting.recipient) == 2
    assert "Cairo" not in texts(meeting.recipient)


def test_backed_by_yields_one_support_event_per_backer(code):
    events = code("The militia, backed by Iran, Syria and Russia, seized the town on Sunday.")
    support = only(events, "SUPPORT")
    assert sorted(texts(e.actor)[0] for e in support) == ["Iran", "Russia", "Syria"]
    assert all(texts(e.recipient) == ["The militia"] for e in support)
    assert len(events) == 4  # and the seizure itself


def test_conjoined_verbs_share_their_subject(code):
    events = code("The two leaders met in Geneva and then signed a trade agreement.")
    assert [e.event_type for e in events] == ["CONSULT", "SUPPORT"]
    assert texts(events[1].actor) == ["The two leaders"]


def test_possessive_visit_is_a_nominal_consult(code):
    (visit,) = code("Putin's visit to Ankara angered the opposition.")
    assert visit.event_type == "CONSULT" and visit.mode == "visit" and visit.cameo == "042"
    assert texts(visit.actor) == ["Putin"]


def test_light_verb_takes_the_type_of_its_noun(code):
    (protest,) = code("The opposition staged a protest against the new law.")
    assert protest.event_type == "PROTEST" and protest.trigger == "staged a protest"


def test_quantity_subject_resolves_to_the_people_counted(code):
    (march,) = code("Hundreds of protesters marched in Nairobi on Tuesday.")
    assert march.event_type == "PROTEST"
    assert texts(march.actor) == ["protesters"]
    assert "Nairobi" not in texts(march.actor) + texts(march.recipient)


def test_several_events_per_sentence_with_offsets_and_trigger_spans(code):
    text = (
        "Police arrested two activists. "
        "Later the army shelled the rebel camp and the rebels killed ten soldiers."
    )  # two actors: one actor's second act of a type restates its first (extract._repeats)
    events = code(text)
    assert [e.event_type for e in events] == ["COERCE", "ASSAULT", "ASSAULT"]
    for event in events:
        start, end = event.span
        assert text[start:end] == event.text
        t0, t1 = event._trigger_span
        assert event.trigger.split()[0] in text[t0:t1]
        assert event._trigger_i is not None and event._sent is not None
        assert 0 < event.confidence <= 1


def test_complement_subject_of_a_demand_is_the_recipient(code):
    (request,) = code("The PRC demanded that the US cancel its arms sales to Taiwan.")
    assert request.event_type == "REQUEST"
    assert [e.country for e in request.recipient] == ["USA"]


def test_recipient_of_an_act_on_a_proposal_is_its_author(code):
    (reject,) = code("Pakistan rejected a fresh offer from Afghanistan for direct talks.")
    assert reject.event_type == "REJECT"
    assert texts(reject.recipient) == ["Afghanistan"]
    (accuse,) = code("Albania denounced Serbia's crackdown on ethnic Albanians.")
    assert accuse.event_type == "ACCUSE" and texts(accuse.recipient) == ["Serbia"]


def test_protest_target_comes_from_its_demand(code):
    (protest,) = code(
        "Students demonstrated in Jakarta to demand the resignation of President Suharto."
    )
    assert protest.event_type == "PROTEST"
    assert any("Suharto" in t for t in texts(protest.recipient))


def test_victim_of_die_is_the_recipient(code):
    (death,) = code("A prisoner died of torture in police custody.")
    assert death.event_type == "ASSAULT"
    assert death.actor == [] and texts(death.recipient) == ["A prisoner"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry released a statement on Monday.",
        "The Associated Press called the election for Biden.",
        "The crowds dispersed after midnight.",
        "The two ministers said the talks had been useful.",
    ],
)
def test_sentences_without_political_events(code, text):
    assert [(e.event_type, e.trigger) for e in code(text)] == []


def test_event_span_leaves_out_blanked_text_and_whitespace(coder):
    """A dateline blanked for coding and the blank lines between paragraphs are no
    part of an event's text; its text is exactly the article text at its span."""
    dateline = "TRIPOLI, Libya (AP) -- "
    body = "Rebels attacked a police patrol near the airport on Friday."
    text = dateline + body + "\n\n\nThe ministry condemned the attack.\n"
    article = Article(id="t", text=text, paragraphs=[(len(dateline), len(text))])
    events = extract_events(coder.nlp(article.coding_text()), article)
    assert events
    for event in events:
        start, end = event.span
        assert event.text == text[start:end]
        assert event.text == event.text.strip()
        assert "TRIPOLI" not in event.text and "\n" not in event.text
    (attack,) = only(events, "ASSAULT")
    assert attack.text == body


def test_a_place_the_act_lands_on_gives_the_recipient_country(code):
    (shelling,) = only(code("Rebels shelled Juba on Sunday, killing 20 people."), "ASSAULT")
    assert [e.country for e in shelling.recipient] == ["SSD"]
    events = code("The government lifted the curfew in Abidjan on Monday.")
    assert events and [e.country for e in events[0].recipient] == ["CIV"]


def test_a_protest_in_a_city_is_not_aimed_at_it(code):
    (march,) = code("Hundreds of protesters marched in Nairobi on Tuesday.")
    # not the city: protesters of no stated target protest their own country's rulers
    # (issue 11; shared/cases hk-actor-recipient-06), written nowhere in the text
    assert [(e.text, e.country) for e in march.recipient] == [("", "KEN")]


def test_what_a_mover_moves_is_its_own_and_the_place_left_is_the_recipient(code):
    events = code("Syria began to withdraw its troops from neighbouring Lebanon on Monday.")
    assert events
    assert [e.country for e in events[0].recipient] == ["LBN"]


def test_a_demand_from_a_party_makes_that_party_the_recipient(code):
    events = code("The president conceded to demands from the Afghan government on Monday.")
    assert events and [e.country for e in events[0].recipient] == ["AFG"]


def test_unclaimed_violence_is_coded_to_the_country_it_happens_in(code):
    events = code("Two soldiers were killed by a roadside bomb outside the city of Kandahar.")
    (attack,) = only(events, "ASSAULT")
    assert [e.country for e in attack.actor] == ["AFG"]
    assert texts(attack.recipient) == ["Two soldiers"]


def test_conjoined_names_split_by_adjectives_are_all_actors(code):
    events = code(
        "Fornost and the evil awful Gondor welcomed a resumption of formal diplomatic "
        "ties with Osgiliath after a 12-year rift."
    )
    assert events
    assert texts(events[0].actor) == ["Fornost", "Gondor"]
    assert texts(events[0].recipient) == ["Osgiliath"]


def test_the_counterpart_of_an_act_with_no_addressee_is_the_recipient(code):
    events = code("Norway signed a trade protocol with Poland on Thursday.")
    assert events and [e.country for e in events[0].recipient] == ["POL"]


def test_a_name_with_an_apposition_is_the_actor_the_apposition_describes(code):
    events = code(
        "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded an end "
        "to the fighting."
    )
    assert events and [e.country for e in events[0].actor] == ["IGO"]


def test_a_threat_to_act_in_a_country_targets_that_country(code):
    (threat,) = only(code("The rebels threatened to resume attacks in Kenya."), "THREATEN")
    assert [e.country for e in threat.recipient] == ["KEN"]


def test_protesters_of_no_stated_nationality_take_the_sentence_country(code):
    events = code(
        "Islamic students staged a hunger strike to demand the resignation of "
        "the Kenyan president."
    )
    (strike,) = only(events, "PROTEST")
    assert [e.country for e in strike.actor] == ["KEN"]


def test_the_actors_own_people_are_not_the_recipient_when_another_is_named(code):
    events = code("Syria offered its troops to the Lebanese president on Monday.")
    assert events
    assert [e.country for e in events[0].recipient] == ["LBN"]


def test_a_demand_that_someone_act_targets_them_and_is_one_event(code):
    events = code("The union reiterated its demand today that Kenya ease restrictions on workers.")
    assert [e.event_type for e in events] == ["REQUEST"]
    assert [e.country for e in events[0].recipient] == ["KEN"]


def test_a_reference_back_to_the_compound_actor_is_no_recipient(code):
    events = code("Norway and Sweden signed a new trade pact between the two countries.")
    assert events
    assert texts(events[0].actor) == ["Norway", "Sweden"]
    assert events[0].recipient == []


def test_every_people_counted_by_a_quantity_is_a_recipient(code):
    (attack,) = only(
        code("Soldiers attacked thousands of Kurds and Turks near the border."), "ASSAULT"
    )
    assert len(attack.recipient) == 2


def test_a_supporter_is_not_the_place_of_whom_it_backs(code):
    events = code("Warlord Khalifa Haftar is backed by Russia, Egypt and the UAE.")
    backing = only(events, "SUPPORT")
    assert len(backing) == 3
    for event in backing:
        assert all(e.country != event.actor[0].country for e in event.recipient)


def test_unplaced_recipients_of_a_domestic_act_take_the_actor_country(code):
    events = code("Kenyan police detained dozens of striking nurses outside a hospital on Monday.")
    detain = [e for e in events if e.recipient]
    assert detain and [e.country for e in detain[0].recipient] == ["KEN"]
    # people who come from elsewhere are not presumed the actor's compatriots
    (expel,) = only(code("Chilean authorities expelled 40 migrants on Tuesday."), "COERCE")
    assert texts(expel.recipient) == ["40 migrants"] and expel.recipient[0].country is None
    # nor are the victims of violence: they may be across a border
    (attack,) = only(code("Peruvian gunmen killed four farmers on Sunday."), "ASSAULT")
    assert texts(attack.recipient) == ["four farmers"] and attack.recipient[0].country is None


def test_each_conjunct_object_can_carry_the_recipient(code):
    events = code("Syrian gunners opened artillery, mortar, and rocket fire against Turkish army "
                  "outposts on Sunday.")
    (attack,) = only(events, "ASSAULT")
    assert [e.country for e in attack.recipient] == ["TUR"]


def test_a_newspaper_is_a_party_acted_on(code):
    events = code("The Zambian government closed the independent newspaper The Post on Monday.")
    acted = [e for e in events if e.recipient]
    assert acted and "newspaper" in acted[0].recipient[0].text
    assert acted[0].recipient[0].country == "ZMB"


def test_a_recipient_takes_the_country_of_a_party_in_its_own_phrase(code):
    events = code("The Chadian president received a delegation of envoys from the African Union.")
    met = [e for e in events if e.recipient]
    assert met and [e.country for e in met[0].recipient] == ["IGO"]


def test_a_domestic_measure_naming_no_one_falls_on_the_actor_country(code):
    (curfew,) = only(code("The Malian junta threatened to impose a nationwide curfew."), "THREATEN")
    assert [(e.text, e.country) for e in curfew.recipient] == [("", "MLI")]
    # an agreement between parties keeps its empty recipient
    (deal,) = only(code("Mali and Niger agreed to reopen their border."), "AGREE")
    assert deal.recipient == []
