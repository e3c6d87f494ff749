"""Actor coding on noun phrases parsed by the real spaCy model."""

from __future__ import annotations

import time

import pytest

from resgestae.coding.actor_tables import actor_tables
from resgestae.coding.actors import code_actor, code_actors, read_actor


@pytest.fixture(scope="module")
def nlp(coder):
    return coder.nlp


def phrase(nlp, sentence: str, words: str):
    """The span of `words` inside the parsed `sentence`."""
    doc = nlp(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None, words
    return span


@pytest.mark.parametrize(
    ("sentence", "words", "country", "sector"),
    [
        ("Libyan officials met the delegation.", "Libyan officials", "LBY", "GOV"),
        ("Haftar threatened Turkish forces on Monday.", "Turkish forces", "TUR", "MIL"),
        ("The motion was adopted by the Turkish parliament.", "the Turkish parliament",
         "TUR", "LEG"),
        ("Turkey has backed the GNA.", "Turkey", "TUR", None),
        ("The Turks have helped the GNA.", "The Turks", "TUR", None),
        ("Egyptian police arrested ten men.", "Egyptian police", "EGY", "COP"),
        ("Sudanese rebels attacked the town.", "Sudanese rebels", "SDN", "REB"),
        ("Protesters in Cairo marched.", "Protesters", "EGY", "CVL"),
        ("A Kenyan judge ordered the release.", "A Kenyan judge", "KEN", "JUD"),
        ("Turkish and Libyan officials agreed.", "Turkish and Libyan officials", "TUR", "GOV"),
        ("The UN condemned the attack.", "The UN", "IGO", "GOV"),
        ("The TAF sent troops.", "The TAF", "TUR", "MIL"),
        ("Türkiye signed the deal.", "Türkiye", "TUR", None),
        ("The United Arab Emirates backed Haftar.", "The United Arab Emirates", "ARE", None),
        ("The Ministry of Defense of Libya hosted the ceremony.",
         "The Ministry of Defense of Libya", "LBY", "GOV"),
    ],
)
def test_country_and_sector(nlp, sentence, words, country, sector):
    entity = code_actor(phrase(nlp, sentence, words))
    assert entity is not None
    assert entity.country == country
    assert entity.sector == sector


def test_title_is_split_from_the_name(nlp):
    span = phrase(nlp, "National Defense Minister Hulusi Akar went to Libya.",
                  "National Defense Minister Hulusi Akar")
    entity = code_actor(span)
    assert entity.name == "Hulusi Akar"
    assert entity.title == "National Defense Minister"
    assert entity.sector == "GOV"
    assert entity.country is None  # nothing in the phrase says which country


def test_country_of_a_titled_person_from_the_phrase(nlp):
    for words, country in (("Turkish Defense Minister Hulusi Akar", "TUR"),
                           ("Turkey’s Defense Minister Hulusi Akar", "TUR"),
                           ("Libyan Defense Minister Saladin Nemrush", "LBY")):
        entity = code_actor(phrase(nlp, f"{words} arrived in Tripoli.", words))
        assert entity.country == country, words
        assert entity.title == "Defense Minister"
        assert entity.sector == "GOV"


def test_warlord_and_name_particles(nlp):
    haftar = code_actor(phrase(nlp, "Warlord Khalifa Haftar threatened to attack.",
                               "Warlord Khalifa Haftar"))
    assert (haftar.name, haftar.sector) == ("Khalifa Haftar", "REB")
    meshri = code_actor(phrase(nlp, "Akar then met Khaled al Meshri in Tripoli.",
                               "Khaled al Meshri"))
    assert meshri.name == "Khaled al Meshri"
    assert meshri.title is None


def test_former_official_is_eli(nlp):
    entity = code_actor(phrase(nlp, "Former defense minister John Smith criticised the plan.",
                               "Former defense minister John Smith"))
    assert entity.sector == "ELI"
    assert "GOV" in entity.sectors


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Akar landed at Mitiga airport on Saturday.", "Mitiga airport"),
        ("The cadets will graduate in Tripoli.", "Tripoli"),
        ("Turkey has a base in al Watiya region.", "al Watiya region"),
        ("The deployment was extended by 18 months.", "18 months"),
        ("They met in April 2019.", "April 2019"),
        ("A military ceremony was held.", "A military ceremony"),
        ("The parliament adopted a motion.", "a motion"),
        ("The ceasefire was agreed in October 2020.", "October 2020"),
    ],
)
def test_non_actors(nlp, sentence, words):
    assert code_actor(phrase(nlp, sentence, words)) is None


def test_capital_as_subject_is_its_government(nlp):
    assert code_actor(phrase(nlp, "Moscow rejected the proposal.", "Moscow")).country == "RUS"
    assert code_actor(phrase(nlp, "The talks were held in Moscow.", "Moscow")) is None


def test_relative_pronoun_stands_for_its_noun(nlp):
    doc = nlp("The offensive by Haftar, who is backed by Russia, failed.")
    who = next(t for t in doc if t.lower_ == "who")
    found = read_actor(doc[who.i : who.i + 1])
    assert found is not None
    assert found[0].name == "Haftar"


def test_compound_adjectives_give_one_entity_per_country(nlp):
    span = phrase(nlp, "Turkish and Libyan officials agreed to coordinate.",
                  "Turkish and Libyan officials")
    countries = sorted(e.country for e in code_actors(span))
    assert countries == ["LBY", "TUR"]


def test_every_country_has_a_name_and_demonyms_cover_the_common_ones():
    lex = actor_tables()
    assert len(lex.names) >= 190
    for word, code in (("Libya's", None), ("Turks", "TUR"), ("Libyans", "LBY"), ("Iraqis", "IRQ"),
                       ("Britons", "GBR"), ("Filipinos", "PHL"), ("Swiss", "CHE"),
                       ("Emirati", "ARE"), ("US", "USA"), ("Turkiye", "TUR")):
        if code:
            assert lex.country(word).code == code, word
    assert lex.country("us") is None  # the pronoun is not the United States


def test_coding_is_fast(nlp, sample_text):
    doc = nlp(sample_text)
    chunks = list(doc.noun_chunks)
    start = time.perf_counter()
    for _ in range(20):
        for chunk in chunks:
            code_actor(chunk)
    per_phrase = (time.perf_counter() - start) / (20 * len(chunks))
    assert per_phrase < 0.001  # well under a millisecond per noun phrase


@pytest.mark.parametrize(
    ("sentence", "words", "country"),
    [
        ("Syria says it is willing to withdraw its troops from Lebanon.", "its troops", "SYR"),
        ("Bosnian Serbs said their forces had completed the withdrawal.", "their forces", "BIH"),
        ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "BIH"),
        ("Ethnic Albanians want control of villages near Macedonia's border.", "Ethnic Albanians",
         "MKD"),
        ("The Albanians of southern Serbia demand autonomy.", "The Albanians of southern Serbia",
         "SRB"),
        ("Rebels in the Ivory Coast dismissed the appeal.", "Rebels", "CIV"),
        ("A newspaper based in Beirut violated the ban.", "A newspaper", "LBN"),
        ("Putin offered to negotiate.", "Putin", "RUS"),
        ("The Bush administration declared new tariffs.", "The Bush administration", "USA"),
        ("Ethopia has agreed to re-open its borders.", "Ethopia", "ETH"),
        ("The International Labor Office repeated its demand.", "The International Labor Office",
         "IGO"),
    ],
)
def test_country_from_around_the_phrase(nlp, sentence, words, country):
    entity = code_actor(phrase(nlp, sentence, words))
    assert entity is not None
    assert entity.country == country


def test_known_leaders_get_their_full_name(nlp):
    entity = code_actor(phrase(nlp, "Putin offered to negotiate.", "Putin"))
    assert (entity.name, entity.sector) == ("Vladimir Putin", "GOV")


def test_words_of_a_known_organisations_name_are_no_roles(code):
    # the European Union is no trade union: its sectors come from the org table, not "Union"
    for text in ("The European Union imposed sanctions on Belarus.",
                 "The African Union condemned the coup in Niger."):
        actor = code(text)[0].actor[0]
        assert actor.country == "IGO" and "LAB" not in actor.sectors, text
    # a union named by the words of the phrase still is one
    members = code("Striking union members protested in Paris.")[0].actor[0]
    assert members.sectors == ["LAB"]
