"""Kinds found in stop 27 on the read round-12 battery, the round 8/10 misses and probes
written for the session, fixed as kinds: lexicon families (`data/lexicon_families.tsv`),
a lexicon test bound to its own preposition, acts done under pressure, deeds told twice,
and an attribution the parser misreads. Every sentence here was written for these tests;
each cites the CAMEO code or rule.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 130/138: a consequence the speaker holds out (no "threaten" verb)
    ("Baku's defence minister said Yerevan would pay a heavy price for any provocation.",
     "THREATEN"),
    ("The Ugandan army chief told the rebels that any raid would not go unanswered.",
     "THREATEN"),
    ("Hanoi said any landing on the reef would be met with force.", "THREATEN"),
    ("Seoul said it would respond firmly to any further missile launch.", "THREATEN"),
    # CAMEO 139: an ultimatum handed over; hours given when the parser hangs them elsewhere
    ("Niamey handed the foreign contractors a 72-hour deadline to surrender their permits.",
     "THREATEN"),
    ("Police gave the farmers occupying the square 12 hours to clear it.", "THREATEN"),
    # CAMEO 190, vowed: 138 (CAMEO.2.0 lists RETALIATE with FIGHT)
    ("Tehran vowed to retaliate against Baku for the drone strike.", "THREATEN"),
    ("The militia pledged to avenge the killing of its commander.", "THREATEN"),
    ("Ankara retaliated with artillery fire on Kurdish positions.", "ASSAULT"),
    # CAMEO 074: forces sent abroad to help the host (not a build-up at home, 154)
    ("Nairobi sent 300 police officers to Haiti to help fight the armed gangs.", "AID"),
    ("Kigali deployed troops to Bangui to help the government secure the capital.", "AID"),
    ("Bogota flew extra police officers into Cali after the riots.", "MOBILIZE"),
    # CAMEO 042: a call paid
    ("Egypt's foreign minister paid a call on the Sultan of Oman in Muscat.", "CONSULT"),
    # CAMEO 173/174: picked up, sent back across a border
    ("State security officers picked up two opposition lawmakers at Minsk airport.",
     "COERCE"),
    ("Algeria sent hundreds of Nigerien migrants back across the desert border.", "COERCE"),
    # CAMEO 1721: phone or internet service cut
    ("Dhaka cut mobile internet services in the Chittagong hill districts on Friday.",
     "COERCE"),
    # CAMEO 1823: people hanged ("execute" is 1823 in the lexicon)
    ("Authorities in Tehran hanged three protesters on Saturday.", "ASSAULT"),
    # CAMEO 175: a crowd broken up violently
    ("Gendarmes violently dispersed a student march in Abidjan.", "ASSAULT"),
    # CAMEO 086: an observer mission received
    ("Minsk admitted an OSCE election monitoring mission ahead of the vote.", "RETREAT"),
    # CAMEO 046: a round of talks held to its end
    ("Envoys of Khartoum and the rebels wrapped up a third round of talks in Juba.",
     "CONSULT"),
    # CAMEO 113: a coalition built against someone
    ("Warsaw tried to forge an alliance of Baltic states against the pipeline plan.",
     "ACCUSE"),
    # CAMEO 052: rising to another's defence
    ("Moscow came to the defence of Damascus at the Security Council on Monday.", "SUPPORT"),
    # CAMEO 154: soldiers ordered onto the streets
    ("The Honduran president ordered troops onto the streets of San Pedro Sula.",
     "MOBILIZE"),
])
def test_a_stop27_family_codes_its_act(code_types, text, expected):
    assert code_types(text)[:1] == [expected]


@pytest.mark.parametrize("text", [
    "Civilians paid a heavy price in the fighting, the report said.",  # no will/would
    "The minister met reporters in Lusaka on Tuesday.",  # the press is no party (CAMEO 01)
    "The party picked up eleven seats in the regional vote.",
])
def test_no_event_where_the_words_only_look_like_one(code_types, text):
    assert code_types(text) == []


def test_an_entity_test_is_about_its_own_preposition(code_types):
    # "speak to <PERSON/GPE>" is CONSULT; "to reporters in Cairo" is no named party
    assert code_types("Speaking to reporters in Amman, the foreign minister condemned the "
                      "raid on the consulate.") == ["ACCUSE"]
    assert code_types("The Danish premier spoke to Zelensky on Friday.") == ["CONSULT"]


def test_the_speaker_holds_out_the_consequence(code):
    events = code("Kigali's foreign minister said Bujumbura would pay a heavy price for "
                  "sheltering the rebels.")
    assert [e.event_type for e in events] == ["THREATEN"]
    assert "Kigali" in events[0].actor[0].text


@pytest.mark.parametrize("text", [
    "After months of pressure from teachers, the Kenyan cabinet agreed to raise their pay.",
    "Bowing to pressure from the unions, the Greek government agreed to drop the pension "
    "cut.",
    "Following weeks of pressure from nurses, the health board agreed to review staffing.",
])
def test_an_agreement_under_pressure_accedes(code_types, text):
    # CAMEO 083, PLOVER_MANUAL.tex:443 (promises of concessions are CONCEDE)
    assert code_types(text) == ["CONCEDE"]


def test_an_agreement_after_talks_stays_agree(code_types):
    assert code_types("After the talks, Lima and Quito agreed to reopen the border.") == [
        "AGREE"]


def test_support_after_protests_is_no_concession(code_types):
    # "after days of protests" sets the scene; only pressure named as such is given in to
    assert code_types("The emir called the Sudanese president to express his support after "
                      "days of anti-government protests.") == ["SUPPORT"]


@pytest.mark.parametrize("text", [
    "Gunmen tried to kill the mayor of Culiacan, opening fire on his car.",
    "Quebec agreed to fund French schools in the north, meeting a key demand of the Cree.",
])
def test_a_participle_telling_the_deed_again_is_that_deed(code_types, text):
    # one act told in more detail: one event (PLOVER codes the act once)
    assert len(code_types(text)) == 1


def test_an_attribution_s_misread_subject_gets_its_verb_back(coder):
    doc = coder.nlp("Riot police charged at the marchers with batons near the palace, "
              "witnesses said.")
    charged = next(t for t in doc if t.lower_ == "charged")
    assert charged.dep_ == "ccomp" and charged.head.lower_ == "said"
    assert any(c.dep_ == "nsubj" and c.lower_ == "police" for c in charged.children)


@pytest.mark.parametrize("text", [
    # force as a figure of speech: sport, markets, films, farming, fires (no CAMEO 18-20)
    "Senegal bombarded the Egyptian goal for most of the second half.",
    "Toyota beat analysts' forecasts for the third quarter running.",
    "Irish farmers culled thousands of cattle after the outbreak.",
    "Brussels killed the proposed merger of the two rail makers.",
    "Firefighters battled a wildfire near Athens through the night.",
    "The comedy bombed at the box office in its opening weekend.",
    # meeting words: a fixture, a prize, a doctor, a press conference
    "Ghana meet Nigeria in the quarter-final in Abidjan on Sunday.",
    "The Nigerian poet received the Neustadt Prize in Oklahoma.",
    "Villagers in Assam can now consult a doctor by video call.",
    "The football federation held a press conference to unveil the new coach.",
])
def test_figures_of_speech_are_no_events(code_types, text):
    assert code_types(text) == []


def test_real_force_next_to_sport_words_stays(code_types):
    assert code_types("Gunmen attacked a bus carrying fans to the match in Kaduna.")[:1] == [
        "ASSAULT"]


def test_a_joint_press_conference_is_a_meeting(code_types):
    assert code_types("Lula and Boric held a joint press conference in Santiago.") == [
        "CONSULT"]


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 190: positions an armed force attacks are no policy attacked (ACCUSE 111)
    ("Sudanese army units attacked RSF positions near Omdurman at dawn.", "ASSAULT"),
    # CAMEO 1451-1454: stones thrown or fires set by a crowd are a riot
    ("Students hurled rocks at riot police outside the university in Dhaka.", "PROTEST"),
    ("Angry villagers set fire to the district office in Kasese.", "PROTEST"),
    # ... but an armed group's grenades are an attack
    ("Militants threw grenades at a police post in Pulwama.", "ASSAULT"),
    # CAMEO 072: a weapon system named by its kind
    ("Norway delivered a NASAMS air-defence system to Kyiv in March.", "AID"),
    # CAMEO 201: people expelled en masse
    ("Niger expelled Malian traders en masse after the border row.", "ASSAULT"),
])
def test_round14_kinds(code_types, text, expected):
    assert code_types(text)[:1] == [expected]


def test_a_describing_participle_read_as_the_root_gives_the_act_back(code_types):
    # "protesters opposed to X stormed ...": the parser roots the sentence in "opposed"
    assert code_types("Farmers opposed to the new water law stormed the governor's office "
                      "in Cochabamba.") == ["PROTEST"]


@pytest.mark.parametrize("text", [
    "Chile's president laid a wreath at the monument to the victims of the dictatorship.",
])
def test_rites_are_no_events(code_types, text):
    assert code_types(text) == []


@pytest.mark.parametrize("text", [
    # a new user's trial of the stop-27 rows: consequences held out by no party, reprisals
    # in sport, deadlines in class, passengers picked up, feelings sounded out
    "Investors will pay a high price for the bonds if inflation persists, analysts said.",
    "The coach said his team would respond firmly after last week's defeat.",
    "The striker retaliated with a late equaliser for Liverpool.",
    "The bus picked up passengers at the border crossing.",
    "Voters sounded out their frustration at the polls.",
    "The superhero sequel bombed at the box office.",
    "Arsenal will host Chelsea in the fixture on Saturday.",
])
def test_the_new_rows_stay_off_ordinary_text(code_types, text):
    assert code_types(text) == []

