"""The actor knowledge base: learning from text, resolution, user files, the store, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resgestae.cli import main
from resgestae.coding.actors import code_actor
from resgestae.kb import ActorKB, resolve_actors
from resgestae.kb.names import same_person
from resgestae.kb.persist import load_kb, save_kb
from resgestae.model import Article, Entity, Event
from resgestae.store import Store


def chunk_events(nlp, text: str, article_id: str = "a1"):
    """One hand-made event per noun phrase that can act (the clause coder is not needed)."""
    doc = nlp(text)
    events = []
    for chunk in doc.noun_chunks:
        entity = code_actor(chunk)
        if entity is not None:
            events.append(Event(article_id=article_id, event_type="CONSULT", text=chunk.sent.text,
                                span=(chunk.start_char, chunk.end_char), actor=[entity]))
    return doc, events


def entities(events):
    return [e for ev in events for e in ev.actor + ev.recipient]


@pytest.fixture(scope="module")
def nlp(coder):
    return coder.nlp


@pytest.fixture(scope="module")
def sample_resolved(nlp, sample_text):
    text = sample_text.replace("Tripoli, Libya – ", " " * len("Tripoli, Libya – "), 1)
    article = Article(id="a1", text=text, date="2020-12-26", dateline="Tripoli, Libya")
    doc, events = chunk_events(nlp, text)
    kb = ActorKB()
    resolve_actors(events, doc, article, kb)
    return kb, entities(events)


def test_every_akar_mention_is_hulusi_akar(sample_resolved):
    _, found = sample_resolved
    akar = [e for e in found if "Akar" in e.text]
    assert len(akar) >= 8
    assert {e.name for e in akar} == {"Hulusi Akar"}
    assert len({e.kb_id for e in akar}) == 1
    assert {e.country for e in akar} == {"TUR"} and {e.sector for e in akar} == {"GOV"}


def test_namroush_spellings_are_one_person(sample_resolved):
    _, found = sample_resolved
    ids = {e.kb_id for e in found if any(n in e.text for n in ("Nemrush", "Namroush"))}
    assert len(ids) == 1
    person = next(e for e in found if "Namroush" in e.text)
    assert person.country == "LBY" and person.sector == "GOV"


def test_pronoun_after_a_quote_is_the_last_person(sample_resolved):
    _, found = sample_resolved
    he = [e for e in found if e.text == "he"]
    assert [e.name for e in he] == ["Hulusi Akar", "Saladin Nemrush"]
    # "we" in a quote: the side its speaker speaks for (the headline quote, attributed
    # only in the next paragraph, is left out)
    we = [e for e in found if e.text == "we"][1:]
    assert [(e.country, e.sector) for e in we] == [("TUR", "GOV"), ("LBY", "GOV"),
                                                  ("LBY", "GOV")]


def test_acronyms_titles_and_collectives(sample_resolved):
    kb, found = sample_resolved
    by_text = {e.text: e for e in found}
    assert by_text["GNA"].name == "Government of National Accord"
    assert by_text["GNA"].kb_id == by_text["the GNA"].kb_id
    assert by_text["the TAF"].name == "Turkish Armed Forces"
    assert (by_text["Turkish forces"].country, by_text["Turkish forces"].sector) == ("TUR", "MIL")
    assert by_text["Turkish forces"].kb_id == by_text["TSK command echelon"].kb_id
    assert (by_text["the Turkish parliament"].country, by_text["the Turkish parliament"].sector) \
        == ("TUR", "LEG")
    haftar = [e for e in found if "Haftar" in e.text]
    assert {(e.name, e.country, e.sector) for e in haftar} == {("Khalifa Haftar", "LBY", "REB")}
    meshri = by_text["Khaled al Meshri"]
    assert (meshri.country, meshri.sector) == ("LBY", "GOV")
    assert "High State Council" in meshri.title
    assert all(e.kb_id for e in found if e.text not in ("them", "it"))


def test_same_person_rule_is_conservative():
    assert same_person("Saladin Nemrush", "LBY", "GOV", "Salahaddin Namroush", "LBY", "GOV", True)
    # similar surnames, different countries: two people
    assert not same_person("Ahmed Akar", "TUR", "GOV", "Ahmed Aker", "EGY", "GOV", True)
    # same surname, different first names: two people
    assert not same_person("Ali Yilmaz", "TUR", "GOV", "Mehmet Yilmaz", "TUR", "GOV", True)
    # across articles an unknown country never merges
    assert not same_person("Saladin Nemrush", None, "GOV", "Salahaddin Namroush", "LBY", "GOV")


def test_distractors_are_never_merged(nlp):
    text = ("Egyptian Foreign Minister Sameh Shoukry met Jordanian Foreign Minister Sameh Shukri "
            "in Amman. Turkish Interior Minister Ali Yilmaz and Turkish Trade Minister Mehmet "
            "Yilmaz spoke later. Shoukry said the talks went well. Yilmaz left early.")
    doc, events = chunk_events(nlp, text)
    resolve_actors(events, doc, Article(id="d", text=text), ActorKB())
    found = entities(events)
    ids = {e.text: e.kb_id for e in found}
    names = {e.text: e.name for e in found}
    assert ids["Egyptian Foreign Minister Sameh Shoukry"] != ids[
        "Jordanian Foreign Minister Sameh Shukri"]
    assert ids["Turkish Interior Minister Ali Yilmaz"] != ids[
        "Turkish Trade Minister Mehmet Yilmaz"]
    assert names["Shoukry"] == "Sameh Shoukry"
    assert names["Yilmaz"] == "Yilmaz"  # ambiguous: left alone, not guessed


def test_kb_carries_people_across_articles(nlp, tmp_path):
    kb = ActorKB()
    first = "Libyan Defense Minister Salahaddin Namroush met the delegation."
    doc, events = chunk_events(nlp, first)
    resolve_actors(events, doc, Article(id="x1", text=first), kb)
    with Store(tmp_path / "kb.duckdb") as store:
        save_kb(store.con, kb)
    with Store(tmp_path / "kb.duckdb") as store:
        stored = load_kb(store.con)
    second = "Namroush told reporters that the army would be rebuilt."
    doc, events = chunk_events(nlp, second)
    resolve_actors(events, doc, Article(id="x2", text=second), stored)
    namroush = next(e for e in entities(events) if e.text == "Namroush")
    assert namroush.name == "Salahaddin Namroush"
    assert (namroush.country, namroush.sector) == ("LBY", "GOV")
    assert namroush.kb_id == next(e for e in kb if e.name == "Salahaddin Namroush").kb_id


def test_store_round_trip_keeps_everything(sample_resolved, tmp_path):
    kb, _ = sample_resolved
    with Store(tmp_path / "rt.duckdb") as store:
        save_kb(store.con, kb)
        save_kb(store.con, kb)  # saving twice replaces, never duplicates
        loaded = load_kb(store.con)
        rows = store.con.execute("SELECT count(*) FROM kb_actors").fetchone()[0]
    assert rows == len(kb) == len(loaded)
    akar = loaded.lookup("Hulusi Akar")[0]
    original = kb.lookup("Hulusi Akar")[0]
    assert (akar.kb_id, akar.country, akar.sectors, akar.title) == (
        original.kb_id, original.country, original.sectors, original.title)
    assert original.mentions > 0 and akar.mentions == 0  # mentions count stored reports
    assert "Salahaddin Namroush" in loaded.lookup("Saladin Nemrush")[0].aliases


USER_YAML = """\
- name: Fathi Bashagha
  aliases: [Bashagha, Fathi Bashaga]
  country: LBY
  sector: GOV
  title: Interior Minister
- name: Broken Entry
  country: NOTACOUNTRY
- aliases: [nameless]
- name: Aguila Saleh
  country: Libya
  sector: LEG
"""

USER_CSV = """name,aliases,country,sector,title
Ahmed Maiteeq,Maiteeq,LBY,GOV,Deputy Prime Minister
Bad Sector,,LBY,GOVERNMENT,
Stephanie Williams,Williams,IGO,GOV,UN envoy
"""


def test_user_files_load_and_report_bad_lines(tmp_path):
    yaml_path = tmp_path / "actors.yaml"
    yaml_path.write_text(USER_YAML, encoding="utf-8")
    csv_path = tmp_path / "actors.csv"
    csv_path.write_text(USER_CSV, encoding="utf-8")
    kb = ActorKB.from_files([yaml_path, csv_path])
    assert {e.name for e in kb} == {"Fathi Bashagha", "Aguila Saleh", "Ahmed Maiteeq",
                                   "Stephanie Williams"}
    assert kb.lookup("Aguila Saleh")[0].country == "LBY"  # a country name becomes its code
    assert len(kb.problems) == 3
    assert f"{yaml_path}:6:" in kb.problems[0] and "NOTACOUNTRY" in kb.problems[0]
    assert f"{yaml_path}:8:" in kb.problems[1] and "no name" in kb.problems[1]
    assert f"{csv_path}:3:" in kb.problems[2] and "GOVERNMENT" in kb.problems[2]


def test_user_entries_resolve_mentions(nlp, tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    kb = ActorKB.from_files([path])
    text = "Bashagha said the police would secure the capital."
    doc, events = chunk_events(nlp, text)
    resolve_actors(events, doc, Article(id="u", text=text), kb)
    bashagha = next(e for e in entities(events) if e.text == "Bashagha")
    assert (bashagha.name, bashagha.country, bashagha.sector) == ("Fathi Bashagha", "LBY", "GOV")


def test_cli_import_list_export(tmp_path, capsys, shared):
    db = str(tmp_path / "cli.duckdb")
    good = tmp_path / "good.yaml"
    good.write_text(USER_YAML, encoding="utf-8")
    assert main(["actors", "--db", db, "--import", str(good)]) == 1  # bad lines reported
    err = capsys.readouterr().err
    assert f"{good}:6:" in err and "2 new actors" in err
    dictionary = shared / "ontology" / "petrarch-dictionaries" / "PETR.Validate.actors.txt"
    assert main(["actors", "--db", db, "--import", str(dictionary)]) == 0
    assert main(["actors", "--db", db, "--name", "arnor", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["name"], r["country"], r["source"]) for r in rows] == [("Arnor", "ARN", "petrarch")]
    assert main(["actors", "--db", db, "--source", "user"]) == 0
    table = capsys.readouterr().out
    assert "Fathi Bashagha" in table and "Bashagha|Fathi Bashaga" in table
    out = tmp_path / "kb.csv"
    assert main(["actors", "--db", db, "--export", str(out)]) == 0
    reimported = ActorKB.from_files([out])
    assert reimported.lookup("Fathi Bashaga")[0].country == "LBY"
    assert len(reimported) >= 100


def test_pipeline_gives_every_akar_event_the_full_name(coder, sample_text):
    article = Article(id="seed", text=sample_text, date="2020-12-26")
    coded = next(iter(coder.code([article])))
    akar = [e for ev in coded.events for e in ev.actor + ev.recipient if "Akar" in e.text]
    assert akar, "the clause coder found no event with Akar"
    assert {e.name for e in akar} == {"Hulusi Akar"}
    assert all(e.kb_id for ev in coded.events for e in ev.actor + ev.recipient
               if e.text.lower() not in ("we", "they", "it", "them", "us"))


def resolved(nlp, text, kb=None, article_id="g"):
    doc, events = chunk_events(nlp, text, article_id)
    kb = kb if kb is not None else ActorKB()
    resolve_actors(events, doc, Article(id=article_id, text=text), kb)
    return {e.text: e for e in entities(events)}


def test_country_from_the_sentence_only_when_it_is_safe(nlp):
    found = resolved(nlp, "President Yoweri Kaguta Museveni threatened to ban Ugandan opposition "
                          "candidates.")
    assert found["President Yoweri Kaguta Museveni"].country == "UGA"
    found = resolved(nlp, "Foreign Secretary Dominic Raab spoke with US Secretary of State Mike "
                          "Pompeo about the case.")
    assert found["Foreign Secretary Dominic Raab"].country is None  # a diplomat's sentence
    found = resolved(nlp, "Former prosecutor Elie Honig discussed the Trump-Ukraine call.")
    assert found["Former prosecutor Elie Honig"].country is None  # two sides of a hyphen


def test_a_known_person_keeps_his_country_in_a_later_article(nlp):
    kb = ActorKB()
    resolved(nlp, "Adil Abdul-Mahdi, the acting Prime Minister of Iraq, condemned the attack.", kb)
    later = resolved(nlp, "Caretaker Prime Minister Adil Abdul-Mahdi recommended that United "
                          "States troops withdraw.", kb, "g2")
    person = next(e for text, e in later.items() if "Abdul-Mahdi" in text)
    assert person.country == "IRQ"
    assert len([e for e in kb if e.name == "Adil Abdul-Mahdi"]) == 1


def test_entities_without_good_tokens_are_resolved_by_their_words(nlp):
    text = "Turkey backed the GNA."
    doc = nlp(text)
    actor = [Entity(text="Turkey", name="Turkey", _tokens=(500, 501)), Entity(text="", name="")]
    event = Event(article_id="t", event_type="SUPPORT", text=text, span=(0, len(text)),
                  actor=actor, recipient=[Entity(text="the GNA", name="the GNA")])
    resolve_actors([event], doc, Article(id="t", text=text), ActorKB())
    turkey, empty = event.actor
    assert (turkey.name, turkey.country, turkey.kb_id is not None) == ("Turkey", "TUR", True)
    assert empty.kb_id is None
    gna = event.recipient[0]
    assert (gna.name, gna.country, gna.sector) == ("Government of National Accord", "LBY", "GOV")


def test_mentions_count_stored_reports_and_recoding_never_doubles_them(capsys, tmp_path):
    import os

    db = tmp_path / "k.duckdb"
    code = ["code", str(Path(__file__).parents[1] / "samples" / "seed-article.txt"),
            "--date", "2020-12-26", "--db", str(db), "--workers", "1", "-o", os.devnull]

    def akar() -> tuple[int, int]:
        capsys.readouterr()
        assert main(["actors", "--db", str(db), "--name", "Hulusi Akar", "--format", "jsonl"]) == 0
        [entry] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        with Store(db, read_only=True) as store:
            reports = sum(e["mentions"] for e in store.events() if entry["kb_id"] in
                          {a.get("kb_id") for a in e["actor"] + e["recipient"]})
        return entry["mentions"], reports

    assert main(code) == 0
    first = akar()
    assert first[0] == first[1] >= 5
    assert main([*code, "--recode"]) == 0
    assert akar() == first
