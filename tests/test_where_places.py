"""Where, end to end on wire copy (issue 11): the kinds of place fault users report.

Each test codes whole texts with the real pipeline (`Coder`, real spaCy model) and
checks the event's `location`; the sentences are written for these tests.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from resgestae.coding.gazetteer import Context, choose, gazetteer, normalize
from resgestae.model import Article, Place
from resgestae.readers.jsonl import record_article

BUGS = Path(__file__).resolve().parents[2] / "shared" / "cases" / "bugreports"


def _code(coder, text: str, date: str = "2024-05-10", **extra) -> list:
    article = Article(id=f"t{abs(hash(text))}", text=text, date=date, **extra)
    coded = next(iter(coder.code([article])))
    assert coded.error is None
    return coded.events


def _one(events, event_type: str):
    found = [e for e in events if e.event_type == event_type]
    assert found, f"no {event_type} in {[(e.event_type, e.trigger) for e in events]}"
    return found[0]


def test_place_of_an_unnamed_attacker_is_the_event_place(coder):
    # the place gives the attackers a country and stays where the attack happened
    events = _code(coder, "A truck bomb killed eleven people at a market in Kandahar on Monday.")
    event = _one(events, "ASSAULT")
    assert event.location is not None and normalize(event.location.name) == "kandahar"
    assert event.location.country == "AFG" and event.location.precision == "city"


def test_unknown_village_keeps_its_name_and_the_sentence_country(coder):
    events = _code(coder, "Turkish troops shelled Zarqoutiyeh, a village in Syria, on Monday.")
    place = _one(events, "ASSAULT").location
    assert place is not None and place.name == "Zarqoutiyeh"
    assert (place.country, place.lat, place.lon, place.precision) == ("SYR", None, None, None)


def test_region_from_iso_3166_2():
    cand = choose(gazetteer().lookup("Cabo Delgado"), Context(Counter()))
    assert (cand.country, cand.feature) == ("MOZ", "admin1")
    assert Place(cand.name, cand.country, feature=cand.feature).precision == "admin1"
    # a province sharing its name with its capital city leaves the city the bare name
    city = choose(gazetteer().lookup("Kirkuk"), Context(Counter()))
    assert (city.country, city.feature) == ("IRQ", "city")


def test_province_is_the_event_place(coder):
    events = _code(coder, "Insurgents attacked a police post in Helmand province on Sunday.")
    place = _one(events, "ASSAULT").location
    assert (place.name, place.country, place.precision) == ("Helmand", "AFG", "admin1")


def test_small_town_only_when_the_text_names_its_country(coder):
    gaz = gazetteer()
    assert gaz.lookup("Udbina") == []  # under 15,000 people: not in the main index
    assert gaz.minor("Udbina", {"HRV"}).country == "HRV"
    assert gaz.minor("Udbina", {"FRA"}) is None  # its name alone proves nothing
    events = _code(coder, "Croatian soldiers captured the airfield at Udbina on Friday.")
    place = next(e.location for e in events if e.location is not None)
    assert (place.name, place.country, place.precision) == ("Udbina", "HRV", "city")
    assert place.lat is not None


def test_giant_city_beats_an_actors_country():
    gaz = gazetteer()
    moscow = choose(gaz.lookup("Moscow"), Context(Counter(), None, frozenset({"USA"})))
    assert moscow.country == "RUS"
    # the text itself naming the namesake's country still decides
    assert choose(gaz.lookup("Moscow"), Context(Counter({"USA": 2}), "USA")).country == "USA"


@pytest.mark.skipif(not BUGS.is_dir(), reason="shared bug reports not present")
def test_capitals_as_governments_and_washington_dc(coder):
    text = (BUGS / "04-washington-metonym.txt").read_text(encoding="utf-8")
    events = _code(coder, text, date="2023-03-10")
    sanction, accuse = _one(events, "SANCTION"), _one(events, "ACCUSE")
    assert sanction.location is None or sanction.location.name == "Washington"
    assert accuse.location is None
    arrest = _one(events, "COERCE").location
    assert (arrest.name, arrest.country) == ("Washington", "USA")
    assert abs(arrest.lat - 38.9) < 0.2 and abs(arrest.lon + 77.0) < 0.2


@pytest.mark.skipif(not BUGS.is_dir(), reason="shared bug reports not present")
def test_ap_datelines_with_state_abbreviations(coder):
    lines = (BUGS / "05-datelines.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [record_article(json.loads(line), "case") for line in lines if line.strip()]
    want = {"dl-paris-tx": ("Paris", "TX"), "dl-troy-nc": ("Troy", "NC"),
            "dl-athens-ga": ("Athens", "GA")}
    states = {"TX": (31.0, 34.0), "NC": (34.0, 36.6), "GA": (30.3, 35.0)}
    for coded in coder.code(articles):
        name, state = want[coded.article.id.split(":")[-1]] if ":" in coded.article.id \
            else want[coded.article.id]
        for event in coded.events:
            assert event.location is not None and event.location.name == name
            low, high = states[state]
            assert event.location.country == "USA" and low <= event.location.lat <= high
            # police of no stated country are the dateline country's (never France's)
            assert [(e.country, e.sector) for e in event.actor] == [("USA", "COP")]


@pytest.mark.skipif(not BUGS.is_dir(), reason="shared bug reports not present")
def test_tripoli_pinned_by_apposition_or_context(coder):
    lines = (BUGS / "07-tripoli-lebanon-libya.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [record_article(json.loads(line), "case") for line in lines if line.strip()]
    coded = list(coder.code(articles))
    lebanon = _one(coded[0].events, "ASSAULT").location
    libya = _one(coded[1].events, "ASSAULT").location
    assert lebanon.country == "LBN" and abs(lebanon.lat - 34.43) < 0.1
    assert libya.country == "LBY"
