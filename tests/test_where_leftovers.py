"""Who and where, the kinds a later session found (issue 10's where lane): the well-known
place over its namesake, regions news names in English, places as the object of an
attack, titled heads of state, and the things an act is about taken as its recipient.

Each kind is tested on several sentences written for these tests, with the real spaCy
model (`Coder`, as tests/test_plover_rules.py does). The rules cite the PLOVER manual
(../shared/ontology/PLOVER_MANUAL.tex) or the CAMEO manual where they follow one.
"""

from __future__ import annotations

from collections import Counter

import pytest

from resgestae.coding.gazetteer import Context, choose, gazetteer
from resgestae.model import Article, Event


@pytest.fixture(scope="module")
def code(coder):
    def run(text: str) -> list[Event]:
        article = Article(id=f"t{abs(hash(text))}", text=text, date="2024-05-10")
        coded = next(iter(coder.code([article])))
        assert coded.error is None
        return coded.events

    return run


def _context(named: dict[str, int] | None = None, dateline: str | None = None,
             actors: frozenset[str] = frozenset()) -> Context:
    return Context(Counter(named or {}), dateline, actors)


# -- the well-known place over its namesake ---------------------------------------------


@pytest.mark.parametrize(("name", "named", "country"), [
    ("Dhaka", {"IND": 2}, "BGD"),  # a story naming India: still Bangladesh's capital
    ("Moscow", {"USA": 3}, "RUS"),
    ("Kabul", {"IND": 1}, "AFG"),
    ("Paris", {"USA": 2}, "FRA"),
])
def test_a_national_capital_wins_over_a_namesake_the_text_merely_names(name, named, country):
    assert choose(gazetteer().lookup(name), _context(named)).country == country


def test_a_dateline_in_the_namesakes_country_still_decides():
    # the capital rule yields to the text's strongest pointer: where the story was filed
    found = choose(gazetteer().lookup("Moscow"), _context({"USA": 1}, dateline="USA"))
    assert found is None or found.country == "USA"


@pytest.mark.parametrize(("name", "country", "feature"), [
    ("Borno", "NGA", "admin1"),  # not Borna, Saxony (an old name of it)
    ("Kobani", "SYR", "city"),  # the curated town, not a Tanzanian town listing the name
])
def test_a_place_of_that_very_name_beats_a_place_listing_it_as_an_alias(name, country,
                                                                        feature):
    found = choose(gazetteer().lookup(name), _context())
    assert (found.country, found.feature) == (country, feature)


def test_a_much_larger_city_is_not_moved_by_an_actors_country():
    # Geneva, Switzerland is nine times Geneva, Illinois
    found = choose(gazetteer().lookup("Geneva"), _context(actors=frozenset({"USA"})))
    assert found.country == "CHE"


def test_two_cities_of_like_size_stay_undecided_without_context():
    assert choose(gazetteer().lookup("Tripoli"), _context()) is None


@pytest.mark.parametrize(("text", "place", "country"), [
    ("Gunmen attacked a village in Borno on Tuesday.", "Borno", "NGA"),
    ("Iranian and American diplomats met in Geneva on Friday.", "Geneva", "CHE"),
    ("Indian and Bangladeshi border guards met in Dhaka on Sunday.", "Dhaka", "BGD"),
])
def test_the_well_known_place_is_the_event_place(code, text, place, country):
    located = [e.location for e in code(text) if e.location is not None]
    assert located and (located[0].name, located[0].country) == (place, country)


# -- regions and districts news names in English ----------------------------------------


@pytest.mark.parametrize(("name", "country"), [
    ("Khyber", "PAK"), ("North Waziristan", "PAK"), ("Tigray", "ETH"), ("North Kivu", "COD"),
    ("Xinjiang", "CHN"), ("Chechnya", "RUS"), ("Transnistria", "MDA"), ("Puntland", "SOM"),
    ("Hadramout", "YEM"), ("Bekaa Valley", "LBN"),
])
def test_regions_known_by_their_english_names(name, country):
    found = choose(gazetteer().lookup(name), _context())
    assert found is not None and found.country == country and found.lat is not None


@pytest.mark.parametrize("name", ["Strait of Hormuz", "Red Sea", "Mediterranean",
                                  "Taiwan Strait", "Gulf of Guinea", "Lake Chad"])
def test_seas_and_straits_are_places_of_no_country(name):
    # "Red Sea" is also a state of Sudan and a governorate of Egypt: news means the sea
    found = choose(gazetteer().lookup(name), _context())
    assert found is not None and found.country is None and found.lat is not None
    assert gazetteer().water(name)


@pytest.mark.parametrize(("text", "place"), [
    ("Houthi fighters fired missiles at a cargo ship in the Red Sea on Sunday.", "Red Sea"),
    ("Pirates attacked a fishing trawler in the Gulf of Guinea last week.", "Gulf of Guinea"),
    ("The coast guard opened fire on a smuggling boat in the Aegean Sea.", "Aegean Sea"),
])
def test_open_water_is_where_an_attack_happened_not_whom_it_hit(code, text, place):
    assault = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert assault and assault[0].location is not None
    assert (assault[0].location.name, assault[0].location.country) == (place, None)
    assert all(r.text != place and r.country is None for r in assault[0].recipient)


@pytest.mark.parametrize(("text", "place", "country"), [
    ("Militants attacked a checkpoint in Khyber on Monday.", "Khyber", "PAK"),
    ("Troops clashed with rebels in Tigray on Wednesday.", "Tigray", "ETH"),
    ("Rebels shelled a camp in North Kivu overnight.", "North Kivu", "COD"),
])
def test_an_english_region_name_places_the_event(code, text, place, country):
    located = [e.location for e in code(text) if e.location is not None]
    assert located and (located[0].name, located[0].country) == (place, country)


# -- titled persons without a nationality word -------------------------------------------


@pytest.mark.parametrize(("text", "country"), [
    # curated heads of state of the 2020s (data/actors/leaders.tsv)
    ("President Bola Tinubu met the French foreign minister in Abuja.", "NGA"),
    ("President William Ruto hosted the Ugandan army chief on Monday.", "KEN"),
    ("Prime Minister Shehbaz Sharif criticized the Indian government on Friday.", "PAK"),
    # older officials from Phoenix's CountryInfo persons (data/actors/persons.tsv)
    ("President Prosper Avril met the French foreign minister on Tuesday.", "HTI"),
    ("Prime Minister Nawaz Sharif met the Chinese ambassador on Monday.", "PAK"),
])
def test_a_known_person_keeps_their_country_whatever_the_sentence_names(code, text, country):
    events = code(text)
    assert events and [a.country for a in events[0].actor] == [country]


def test_persons_table_keeps_full_names_of_one_country(tmp_path):
    from resgestae.kb.persons_build import build_rows

    dictionary = tmp_path / "persons.actors.txt"
    dictionary.write_text(
        "ARNOR_  [ARN]\n"
        "+ARNORIAN_\n"
        "ELENDIL_TALL_  # CountryInfo.txt\n"
        "+KING_ELENDIL_\n"
        "+ELENDIL_\n"
        "\t[ARNGOV 900101-950101]\n"
        "\t[ARNELI]\n"
        "HALBARAD_  # CountryInfo.txt\n"
        "\t[ARNMIL]\n"
        "JOHN_SMITH_  # CountryInfo.txt\n"
        "\t[ARNGOV]\n"
        "JOHN_SMITH_  # CountryInfo.txt\n"
        "\t[GONGOV]\n"
        "DENETHOR_SON_  # CountryInfo.txt\n"
        "\t[GONMIL 900101-950101]\n", encoding="utf-8")
    rows = build_rows(dictionary)
    # the country entry is no person; a one-word name and a name two countries share
    # are dropped; a person in government at any time is GOV
    assert rows == [("Elendil Tall", ["King Elendil"], "ARN", "GOV"),
                    ("Denethor Son", [], "GON", "MIL")]


# -- whom a vow is aimed at ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "recipient", "country"), [
    # PLOVER_MANUAL.tex, THREATEN: the target is whom the threatened act would fall on
    ("Nigerian President Bola Tinubu vowed to defeat the group within a year.", "the group",
     "NGA"),
    ("The Kenyan government vowed to crush the insurgents.", "the insurgents", "KEN"),
    ("Pakistan's army vowed to eliminate the terrorists.", "the terrorists", "PAK"),
])
def test_a_vow_is_aimed_at_the_party_its_complement_acts_on(code, text, recipient, country):
    (event,) = [e for e in code(text) if e.event_type == "THREATEN"]
    assert [(e.text, e.country) for e in event.recipient] == [(recipient, country)]


def test_an_act_on_no_party_still_falls_on_the_actors_own_country(code):
    (event,) = [e for e in code("The Turkish government threatened to impose martial law.")
                if e.event_type == "THREATEN"]
    assert [(e.text, e.country) for e in event.recipient] == [("", "TUR")]


# -- nationality words are no place names --------------------------------------------------


@pytest.mark.parametrize("word", ["Thai", "Indian", "Iraqi", "Afghan"])
def test_a_nationality_word_finds_no_town(word):
    # GeoNames lists "Thai" as an alternate name of Alor Setar, Malaysia
    assert gazetteer().lookup(word) == []


@pytest.mark.parametrize("text", [
    "Burmese troops captured a rebel camp on the Thai border on Monday.",
    "Chinese troops seized a hill near the Indian border on Friday.",
])
def test_a_border_named_by_a_nationality_is_no_town(code, text):
    events = code(text)
    assert events and all(e.location is None for e in events)


# -- the object of a place-taking verb is a place ----------------------------------------


@pytest.mark.parametrize(("text", "place", "country"), [
    # CAMEO 19x (occupy, take, bombard): the town taken or shelled is where it happened,
    # even when the small model reads it as a person or a product
    ("Russian forces shelled Bakhmut overnight.", "Bakhmut", "UKR"),
    ("Russian artillery pounded Bakhmut on Tuesday.", "Bakhmut", "UKR"),
    ("Ukrainian troops recaptured Kherson in November.", "Kherson", "UKR"),
    ("Rebels seized Goma last week.", "Goma", "COD"),
])
def test_the_town_a_force_takes_or_shells_is_the_event_place(code, text, place, country):
    located = [e.location for e in code(text)]  # ASSAULT, or COERCE for seizing
    assert located and located[0] is not None
    assert (located[0].name, located[0].country) == (place, country)


# -- a recipient named inside a place is still where it happened ----------------------------


@pytest.mark.parametrize(("text", "country"), [
    ("Israeli soldiers have patrolled a strip inside south Lebanon since 1985.", "LBN"),
    ("Turkish troops patrolled a zone inside northern Syria on Monday.", "SYR"),
])
def test_a_place_inside_which_an_act_is_done_stays_its_place(code, text, country):
    located = [e.location for e in code(text) if e.location is not None]
    assert located and located[0].country == country


@pytest.mark.parametrize(("text", "country"), [
    # PLOVER_MANUAL.tex, ASSAULT: the target of force on a place is that place's country
    ("Ukrainian troops recaptured Kherson in November.", "UKR"),
    ("Israeli jets bombed Khan Younis on Sunday.", "PSE"),
    ("Rebels shelled Goma on Friday, witnesses said.", "COD"),
])
def test_the_town_a_force_takes_gives_the_recipient_its_country(code, text, country):
    (event,) = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert [e.country for e in event.recipient] == [country]


# -- a place that says where another place is, is no protest target ---------------------------


@pytest.mark.parametrize("text", [
    "Protesters rioted at a prison in Kenya's capital Nairobi on Monday.",
    "Students demonstrated in Nigeria's commercial capital Lagos on Friday.",
])
def test_the_country_of_a_protests_place_is_not_whom_it_targets(code, text):
    (event,) = [e for e in code(text) if e.event_type == "PROTEST"]
    assert not any(e.text in ("Kenya", "Nigeria") for e in event.recipient)
    assert event.location is not None and event.location.name in text


# -- what talks are about is not whom they are with ---------------------------------------


@pytest.mark.parametrize(("text", "topic"), [
    # PLOVER_MANUAL.tex, CONSULT: the recipient is the other party to the meeting
    ("Diplomats from both countries held talks on aid for Ukraine in Brussels on Monday.",
     "UKR"),
    ("French and German ministers held a meeting on Syria in Paris.", "SYR"),
    ("Officials held talks about sanctions on Iran.", "IRN"),
])
def test_the_topic_of_talks_is_no_party_to_them(code, text, topic):
    (event,) = [e for e in code(text) if e.event_type == "CONSULT"]
    assert topic not in {e.country for e in [*event.actor, *event.recipient]}


def test_the_counterpart_of_talks_is_still_their_recipient(code):
    (event,) = [e for e in code("Iran held talks with the United States in Oman.")
                if e.event_type == "CONSULT"]
    assert [e.country for e in event.recipient] == ["USA"]
    assert event.location is not None and event.location.country == "OMN"


@pytest.mark.parametrize(("text", "country", "sector"), [
    ("A Houthi missile attack damaged a container ship off Hodeidah on Friday.", "YEM", "REB"),
    ("A Hamas rocket attack wounded two people in Ashkelon.", "PSE", "REB"),
    ("A PKK mortar attack killed two soldiers in Hakkari.", "TUR", "REB"),
])
def test_a_named_group_modifying_the_attack_noun_is_its_author(code, text, country, sector):
    # the nationality case ("an Azerbaijani drone strike") is the military's; a named
    # armed group's attack is the group's (PLOVER manual: the actor is who used force)
    assault = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert assault and assault[0].actor
    assert (assault[0].actor[0].country, assault[0].actor[0].sector) == (country, sector)


@pytest.mark.parametrize("text", [
    "The European Union condemned the jailing of the opposition leader.",
    "The United Nations criticised the detention of four reporters.",
])
def test_an_international_bodys_recipients_are_not_its_own_people(code, text):
    # "Egyptian police dispersed demonstrators": Egypt's own people; the EU or the UN
    # has no people of its own, so the recipient's country stays unknown, not IGO
    accuse = [e for e in code(text) if e.event_type == "ACCUSE"]
    assert accuse and accuse[0].actor[0].country == "IGO"
    assert accuse[0].recipient and all(r.country != "IGO" for r in accuse[0].recipient)
