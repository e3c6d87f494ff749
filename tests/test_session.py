"""One coding path: an article coded through the command line, the HTTP API, the library
and the spaCy component, against one store with an imported actor, gives the same
records; and each record carries its exact evidence spans."""

from __future__ import annotations

import json

import httpx
import pytest
import spacy
from server_helpers import Server

import resgestae
import resgestae.components  # noqa: F401 - registers the spaCy factories
from resgestae.cli import main
from resgestae.config import Config
from resgestae.nlp import resolve_model
from resgestae.session import Session

# Written for this test: a person no table knows, who only the imported actor file
# says is Dutch, and the same verb twice in one sentence.
TEXT = ("Maarten Oosterveld met Iraqi officials in Baghdad on Tuesday.\n\n"
        "Kenya accused Uganda of shelling border posts, and Tanzania accused Burundi "
        "of sheltering rebels.\n")
DATE = "2024-03-07"
ACTORS = """\
- name: Maarten Oosterveld
  aliases: [Oosterveld]
  country: NLD
  sector: GOV
  title: Foreign Minister
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("session")
    actors = folder / "actors.yaml"
    actors.write_text(ACTORS, encoding="utf-8")
    db = folder / "events.duckdb"
    assert main(["actors", "--db", str(db), "--import", str(actors)]) == 0
    return db


def _cli(store, tmp_path) -> list[dict]:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    status = main(["code", str(article), "--db", str(store), "--date", DATE, "--no-store",
                   "--workers", "1", "--format", "jsonl", "--output", str(out)])
    assert status == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _library(store) -> list[dict]:
    events = resgestae.code_text(TEXT, date=DATE, config=Config(db=str(store)))
    by_articles = next(iter(resgestae.code_articles([{"text": TEXT, "date": DATE}],
                                                    config=Config(db=str(store)))))
    records = [e.to_record() for e in events]
    assert [e.to_record() for e in by_articles.events] == records
    return records


def _component(store) -> list[dict]:
    # a spaCy user's own pipeline: the same model, with resgestae's components added
    nlp = spacy.load(resolve_model(None))
    nlp.add_pipe("resgestae_paragraphs", before="parser")
    nlp.add_pipe("resgestae_verb_roots", after="attribute_ruler")
    nlp.add_pipe("resgestae_events", config={"date": DATE, "db": str(store)})
    return nlp(TEXT)._.events


def _api(store) -> tuple[list[dict], list[dict]]:
    server = Server(store, token="secret")
    try:
        coded = httpx.post(server.url + "/v1/code", json={"text": TEXT, "date": DATE},
                           timeout=120)
        assert coded.status_code == 200, coded.text
        posted = httpx.post(server.url + "/v1/articles", json={"text": TEXT, "date": DATE},
                            headers={"Authorization": "Bearer secret"}, timeout=120)
        assert posted.status_code == 200, posted.text
        stored = httpx.get(server.url + "/v1/events", params={"limit": 100}, timeout=30)
        return coded.json()["events"], stored.json()["events"]
    finally:
        server.stop()


def test_four_ways_give_identical_records(store, tmp_path):
    cli = _cli(store, tmp_path)
    library = _library(store)
    component = _component(store)
    api, stored = _api(store)
    assert cli, "the article reports events"
    assert library == cli
    assert component == cli
    assert api == cli
    by_id = {r["id"]: r for r in stored}
    assert sorted(by_id) == sorted(r["id"] for r in cli)
    for record in cli:  # stored as coded (the listing may add fields of its own)
        assert {k: by_id[record["id"]].get(k) for k in record} == record
    # the imported actor took part in every way: only the store says he is Dutch
    meeting = next(r for r in cli if r["event_type"] == "CONSULT")
    assert meeting["actor"][0]["country"] == "NLD"
    assert meeting["actor"][0]["title"] == "Foreign Minister"


def test_without_the_store_the_actor_is_unknown(store):
    # the control: the same text with no store does not know he is Dutch
    events = Session(Config(db=":memory:")).code([resgestae.Article(
        id="control", text=TEXT, date=DATE)])
    meeting = next(e for e in next(iter(events)).events if e.event_type == "CONSULT")
    assert meeting.actor[0].country != "NLD"


def test_evidence_spans_are_exact(store):
    events = resgestae.code_text(TEXT, date=DATE, config=Config(db=str(store)))
    accusations = [e for e in events if e.event_type == "ACCUSE"]
    assert len(accusations) == 2
    # the same verb twice in one sentence: each event has its own occurrence
    starts = sorted(e.to_record()["trigger_span"][0] for e in accusations)
    first = TEXT.index("accused")
    assert starts == [first, TEXT.index("accused", first + 1)]
    for event in events:
        record = event.to_record()
        start, end = record["trigger_span"]
        assert record["span"][0] <= start < end <= record["span"][1]
        assert TEXT[start:end] == record["trigger"]
        for entity in record["actor"] + record["recipient"]:
            if entity["span"] is not None:
                assert TEXT[entity["span"][0]:entity["span"][1]] == entity["text"]
    assert len({e.id for e in events}) == len(events)
