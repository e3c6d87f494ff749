"""Where and who, by kind (issue 11): places of another scene are not the event's place;
unnamed violence keeps its event; an attack noun as subject is its attackers; what is
thrown at someone is no recipient, the one it is thrown at is; a capital pinned to a
country by the text. Sentences written for these tests; real pipeline (`Coder`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resgestae.coding.gazetteer import normalize
from resgestae.coding.places import place_for_trigger
from resgestae.model import Article
from resgestae.readers.jsonl import record_article

BUGS = Path(__file__).resolve().parents[2] / "shared" / "cases" / "bugreports"


def _code(coder, text: str, date: str = "2024-05-10") -> list:
    article = Article(id=f"s{abs(hash(text))}", text=text, date=date)
    coded = next(iter(coder.code([article])))
    assert coded.error is None
    return coded.events


def _at(events, word: str):
    found = [e for e in events if e.trigger and word in e.trigger]
    assert found, f"no event at {word!r} in {[(e.event_type, e.trigger) for e in events]}"
    return found[0]


def _place(event) -> str | None:
    return event.location.name if event.location is not None else None


@pytest.mark.parametrize("text, word", [
    # another time: an after/before clause or preposition
    ("Police arrested two men on Tuesday after a bomb attack near the stadium in Mombasa.",
     "arrested"),
    ("Soldiers killed four rebels before the rest of the group fled across the border "
     "into Chad.", "killed"),
    # a supposition
    ("The army captured the bridge, even if the rebels are still in Bunia.", "captured"),
    # another act's own clause
    ("Police detained a man who had thrown a grenade at a bus in Garissa.", "detained"),
    # the source of the news
    ("Gunmen shot dead a trader on Monday, according to a radio station in Mopti.", "shot"),
    # an office holder's country
    ("Nigeria's army chief was shot dead outside his house.", "shot"),
])
def test_a_place_of_another_scene_is_not_the_event_place(coder, text, word):
    assert _place(_at(_code(coder, text), word)) is None


@pytest.mark.parametrize("text, word, where", [
    ("Two soldiers were killed when their patrol hit a landmine near Gao.", "killed", "Gao"),
    ("A villager was shot dead by gunmen who were hiding in a forest near Maiduguri.",
     "shot", "Maiduguri"),
    ("Militants who were hiding in a forest near Maiduguri were killed by troops.",
     "killed", "Maiduguri"),
    ("A policeman was shot dead shortly after he left a mosque in Mombasa.", "shot",
     "Mombasa"),
])
def test_the_same_scene_still_places_the_event(coder, text, word, where):
    assert _place(_at(_code(coder, text), word)) == where


@pytest.mark.parametrize("text, word, where, country", [
    ("Dozens were killed near Kharkiv on Sunday.", "killed", "Kharkiv", "UKR"),
    ("He was captured in Maiduguri on Friday.", "captured", "Maiduguri", "NGA"),
    ("A roadside bomb exploded near a police convoy in Kandahar.", "exploded", "Kandahar",
     "AFG"),
    ("A blast ripped through a crowded market in Peshawar on Friday.", "ripped", "Peshawar",
     "PAK"),
])
def test_unnamed_violence_keeps_its_event_and_place(coder, text, word, where, country):
    event = _at(_code(coder, text), word)
    assert event.event_type == "ASSAULT" and normalize(_place(event)) == normalize(where)
    assert [(e.country, e.sector) for e in event.actor] == [(country, "UAF")]


def test_a_storm_tearing_through_a_town_is_no_attack(coder):
    events = _code(coder, "A storm tore through a village in Kansas on Sunday.")
    assert "ASSAULT" not in [e.event_type for e in events]


def test_an_attack_noun_as_subject_is_its_attackers(coder):
    event = _at(_code(coder, "A Ukrainian drone strike wounded two Russian soldiers near "
                              "Belgorod on Monday."), "wounded")
    assert [(e.country, e.sector) for e in event.actor] == [("UKR", "MIL")]
    assert [e.country for e in event.recipient] == ["RUS"]


@pytest.mark.parametrize("text, word, country, kind", [
    ("Soldiers opened fire at demonstrators in Conakry on Monday.", "opened", "GIN",
     "ASSAULT"),
    # youths' stones are a riot (PROTEST 145, PLOVER_MANUAL.tex:772; stop 27)
    ("Youths threw rocks at police officers in Lusaka on Saturday.", "threw", "ZMB",
     "PROTEST"),
])
def test_the_one_something_is_thrown_at_is_the_recipient(coder, text, word, country, kind):
    event = _at(_code(coder, text), word)
    assert event.event_type == kind
    assert [e.country for e in event.recipient] == [country]
    assert all(e.sector in ("COP", "CVL") for e in event.recipient)


def test_a_capital_pinned_to_another_country(coder):
    event = _at(_code(coder, "Gunmen killed two soldiers in Tripoli, Lebanon, on Monday."),
                "killed")
    assert [e.country for e in event.recipient] == ["LBN"]
    assert event.location is not None and event.location.country == "LBN"


@pytest.mark.skipif(not BUGS.is_dir(), reason="shared bug reports not present")
def test_object_not_recipient_bug_report(coder):
    text = (BUGS / "01-object-not-recipient.txt").read_text(encoding="utf-8")
    events = _code(coder, text, date="2023-03-10")
    rioters = _at(events, "hurled")
    assert [(e.country, e.sector) for e in rioters.recipient] == [("KEN", "COP")]
    assert rioters.location is not None and rioters.location.name == "Nairobi"
    tyres = _at(events, "set")
    # a riot falls on no written party (PROTEST's imputed home country has no text)
    assert tyres.event_type in ("ASSAULT", "PROTEST")
    assert all(not r.text for r in tyres.recipient)
    assert tyres.location is not None and tyres.location.name == "Kampala"
    flags = _at(events, "burned")
    assert flags.location is not None and flags.location.country == "PAK"
    for event in events:
        assert not any(w in e.text for e in event.recipient for w in ("flags", "tyres", "stones"))


@pytest.mark.skipif(not BUGS.is_dir(), reason="shared bug reports not present")
def test_tripoli_bug_report_gunmen_are_lebanese(coder):
    lines = (BUGS / "07-tripoli-lebanon-libya.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [record_article(json.loads(line), "case") for line in lines if line.strip()]
    lebanon, libya = (c.events for c in coder.code(articles))
    clash = _at(lebanon, "killed")
    assert [e.country for e in clash.actor] == ["LBN"]
    assert all(e.country == "LBN" for e in clash.recipient)
    assert "Tripoli" not in [e.name for e in clash.actor]
    assert clash.location.country == "LBN"
    assert _at(libya, "shelled").location.country == "LBY"


def _attached(coder, text: str, word: str) -> str | None:
    doc = coder.nlp(text)
    trigger = next(t for t in doc if t.text == word)
    found = place_for_trigger(doc, trigger)
    return found.span.text if found is not None else None


@pytest.mark.parametrize("text, word, where", [
    # an organisation's premises name whose they are; the town is the place
    ("A suicide bomber blew himself up near the NATO base in Kandahar on Monday.", "blew",
     "Kandahar"),
    # where the people who are the subject serve or come from is not where the act was
    ("The head of the militia in Beni was killed on Sunday.", "killed", None),
    ("Three fighters from Rafah were killed on Tuesday.", "killed", None),
    # a place the subject is part of still is
    ("Goma's streets were patrolled by soldiers on Friday.", "patrolled", "Goma"),
])
def test_premises_and_the_subjects_origin(coder, text, word, where):
    assert _attached(coder, text, word) == where
