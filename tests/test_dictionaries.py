"""PETRARCH/Phoenix dictionary import, read from ../shared at run time (never copied)."""

from __future__ import annotations

import json

import pytest

from resgestae.coding.actors import code_actor
from resgestae.kb import ActorKB, resolve_actors
from resgestae.kb.persist import load_kb, save_kb
from resgestae.kb.petrarch import (
    iso_date,
    load_petrarch_actors,
    load_petrarch_agents,
    parse_role,
    petrarch_code,
    split_code,
)
from resgestae.model import Article, Event
from resgestae.store import Store


@pytest.fixture(scope="module")
def dicts(shared):
    return shared / "ontology" / "petrarch-dictionaries"


@pytest.fixture(scope="module")
def validate_kb(dicts):
    kb = ActorKB()
    kb.add_petrarch(dicts / "PETR.Validate.actors.txt", dicts / "PETR.Validate.agents.txt")
    return kb


def by_name(actors, name):
    return next(a for a in actors if a.name == name)


def test_codes_split_into_country_and_sectors():
    assert split_code("USAGOV") == ("USA", ["GOV"])
    assert split_code("IGOCOPITP") == ("IGO", ["COP", "ITP"])
    assert split_code("~GOVFRM") == (None, ["GOV", "FRM"])
    assert split_code("---") == (None, [])
    assert split_code("G77") == (None, [])  # not a 3-letter code: no country
    assert split_code("pse") == ("PSE", [])


def test_dated_roles():
    role = parse_role("USAGOV 20090120-20170120")
    assert (role.country, role.sectors, role.start, role.end) == ("USA", ["GOV"], "2009-01-20",
                                                                  "2017-01-20")
    assert parse_role("HOB < 950601").end == "1995-06-01"
    assert parse_role("HOBREB > 990816").start == "1999-08-16"
    assert parse_role("950601-990815") is None  # a date where the code should be


def test_validate_actors_parse(dicts):
    actors = load_petrarch_actors(dicts / "PETR.Validate.actors.txt")
    assert len(actors) > 100
    arnor = by_name(actors, "Arnor")
    assert arnor.roles[0].country == "ARN" and not arnor.patterns[0].stem  # ARNOR_ is stopped
    assert by_name(actors, "Argentin").patterns[0].stem  # a stem: matches "Argentina"
    gollum = by_name(actors, "Gollum")
    assert [p.text() for p in gollum.patterns] == ["GOLLUM", "SMEAGOL", "SLINKER", "STINKER"]
    assert [r.code for r in gollum.roles] == ["HOB", "HOBGOV", "HOBREB"]  # bad blocks skipped
    ent = by_name(actors, "Ent")
    assert ent.roles[0].country == "ENT"  # the code on the line below the phrase
    interpol = by_name(actors, "International Criminal Police Organization")
    assert "INTERPOL" in [p.text() for p in interpol.patterns]
    assert not any(a.name.startswith("Nasgul") for a in actors)  # commented out


def test_role_valid_on_the_article_date(validate_kb):
    sam = validate_kb.lookup("Sam Gamgee")[0]
    assert sam.role_on("2007-01-01").code == "HOBCIV"
    assert sam.role_on("2010-01-10").code == "ORCHOB"  # listed first, overrides HOBMIL
    assert sam.role_on("2011-06-01").code == "HOBMIL"
    assert sam.role_on("2014-01-01").code == "HOBELI"
    assert validate_kb.lookup("Zimbabwe")[0].role_on("1975-01-01").code == "RHO"
    assert validate_kb.lookup("Zimbabwe")[0].role_on("1990-01-01").code == "ZBW"
    assert iso_date("19950101") == "1995-01-01"


def test_agents_with_substitutions_and_plurals(dicts):
    agents = load_petrarch_agents(dicts / "PETR.Validate.agents.txt")
    phrases = {p.text(): a.sectors for a in agents for p in a.patterns}
    assert phrases["FOREIGN MINISTER"] == ["GOV", "FRM"]
    assert phrases["MINISTRY OF SILLY WALKS"] == ["GOV"]  # !MINST! expanded
    assert phrases["CONGRESSMEN"] == ["LEG"]  # !PERSON! glued to the word
    assert phrases["GOLDEN GEESE"] == ["GGS"]  # the irregular plural in braces
    assert phrases["PROSECUTORS"] == ["JUD"]  # regular plural made
    assert "POLICES" not in phrases  # {} means no plural
    assert phrases["HUMAN RIGHTS BODY"] == ["NGO~"]  # a prefix agent


def coded(nlp, kb, text, words, date="1995-01-01"):
    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    entity = code_actor(span)
    assert entity is not None, words
    event = Event(article_id="p", event_type="CONSULT", text=text, span=(0, len(text)),
                  actor=[entity])
    resolve_actors([event], doc, Article(id="p", text=text, date=date), kb)
    return entity


def test_dictionary_codes_entities(coder, validate_kb):
    nlp = coder.nlp
    arnor = coded(nlp, validate_kb, "Arnor is about to restore ties with Gondor.", "Arnor")
    assert (arnor.country, petrarch_code(arnor)) == ("ARN", "ARN")
    minister = coded(nlp, validate_kb, "Arnor's foreign minister urged Eriador to talk.",
                     "Arnor's foreign minister")
    assert (minister.country, minister.sectors, petrarch_code(minister)) == (
        "ARN", ["GOV", "FRM"], "ARNGOVFRM")
    troops = coded(nlp, validate_kb, "Israeli troops entered the town.", "Israeli troops")
    assert petrarch_code(troops) == "ISRMIL"
    egypt = coded(nlp, validate_kb, "Egypt said it would attend.", "Egypt")
    assert egypt.country == "UAR"  # the dictionary's code wins over resgestae's own EGY
    msf = coded(nlp, validate_kb, "MSF Arnor is about to restore ties.", "MSF Arnor")
    assert petrarch_code(msf) == "NGOARN"
    placed = coded(nlp, validate_kb, "Human rights activists in Arnor met Gondor.",
                   "Human rights activists")
    assert petrarch_code(placed) == "ARNOPP"


def test_dated_dictionary_roles_follow_the_article_date(coder, validate_kb):
    text = "Hamfast Gamgee has criticized the closure of guest houses."
    early = coded(coder.nlp, validate_kb, text, "Hamfast Gamgee", "1990-01-01")
    late = coded(coder.nlp, validate_kb, text, "Hamfast Gamgee", "2013-01-01")
    assert petrarch_code(early) == "HOB"
    assert petrarch_code(late) == "HOBGOV"


def test_phoenix_dictionaries_load_and_persist(dicts, tmp_path, coder):
    kb = ActorKB.from_files([dicts / "Phoenix.Countries.actors.txt", dicts / "Phoenix.agents.txt"])
    assert len(kb) > 10_000
    erdogan = kb.lookup("Recep Tayyip Erdogan")[0]
    assert erdogan.role_on("2020-12-26").code == "TURGOV"
    assert erdogan.role_on("2000-01-01").code == "TURELI"
    with Store(tmp_path / "phoenix.duckdb") as store:
        save_kb(store.con, kb)
        stored = load_kb(store.con)
    assert len(stored) == len(kb)
    text = "Turkish Defense Minister Hulusi Akar visited Libyan officials."
    akar = coded(coder.nlp, stored, text, "Turkish Defense Minister Hulusi Akar", "2020-12-26")
    assert (akar.country, akar.sector) == ("TUR", "GOV")
    assert akar.name == "Hulusi Akar"  # the dictionary (2014) does not know him: text does


def test_unit_test_records_source_codes(coder, validate_kb, shared):
    """Share of PETRARCH unit-test records whose gold source code is the code of one of
    the noun phrases of its sentence: the dictionary coding alone, without the clause coder."""
    path = shared / "gold" / "dev" / "petrarch_unit_tests.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    scored = hits = 0
    for record in records:
        sources = {e["source"] for e in record.get("expected") or [] if e.get("source")}
        if not sources or any(s.startswith(('"', "#", "-")) for s in sources):
            continue
        doc = coder.nlp(record["text"])
        entities = [e for e in (code_actor(c) for c in doc.noun_chunks) if e is not None]
        events = [Event(article_id="r", event_type="CONSULT", text="", span=(0, 0), actor=[e])
                  for e in entities]
        date = record.get("date")
        resolve_actors(events, doc, Article(id="r", text=record["text"], date=date), validate_kb)
        codes = {petrarch_code(e) for e in entities}
        scored += 1
        hits += bool(sources & codes)
    assert scored > 80
    print(f"source code among the phrases: {hits}/{scored}")
    assert hits / scored >= 0.75, f"{hits}/{scored}"
