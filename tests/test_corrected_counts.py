"""The corrected view is what counts and filters read: after an analyst corrects a type, an
actor's country and a place and marks an event wrong, stats, the networks, actors, places
and the type/country filters answer with the corrections (CLI, API, Python; through the
read index and the direct queries alike). A wrong event is counted nowhere; the listings
(`resgestae events`, `Store.events`) still show it, flagged, for the analyst to see."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from fixture_events import fixture_events, fixture_store

from resgestae.api import create_app
from resgestae.cli import main
from resgestae.store import Store, browse, corrections, read_index

VISIT, MEETING, THREAT, AID = (e.id for e in fixture_events())
MISRATA = {"name": "Misrata", "country": "LBY", "lat": 32.37, "lon": 15.09}


@pytest.fixture()
def db(tmp_path):
    path = fixture_store(tmp_path)
    with Store(path) as store:
        corrections.correct(store.con, THREAT, "ana", {"event_type": "ACCUSE"})
        corrections.correct(store.con, MEETING, "ana", {"actor": {"country": "QAT"}})
        corrections.correct(store.con, VISIT, "ana", {"location": MISRATA})
        corrections.correct(store.con, AID, "ana", {}, wrong=True)
    return path


def _check_counts(con, indexed: bool) -> None:
    stats = browse.stats(con, {}, indexed=indexed)
    assert stats["total"] == 3  # the aid is wrong: not counted
    assert {r["event_type"]: r["count"] for r in stats["by_type"]} == {"CONSULT": 2, "ACCUSE": 1}
    assert {r["country"]: r["count"] for r in stats["by_country"]} == {
        "LBY": 3, "TUR": 2, "QAT": 1}
    accuse = browse.stats(con, {"event_type": "ACCUSE"}, indexed=indexed)
    assert accuse["total"] == 1 and browse.stats(con, {"event_type": "THREATEN"},
                                                 indexed=indexed)["total"] == 0
    assert browse.stats(con, {"country": "QAT"}, indexed=indexed)["total"] == 1
    assert browse.stats(con, {"event_type": "AID"}, indexed=indexed)["total"] == 0
    places = {p["name"]: p["count"] for p in browse.places(con, {}, indexed=indexed)}
    assert places == {"Misrata": 1, "Tripoli": 1}
    by_country = browse.network(con, {}, indexed=indexed, by="country")
    pairs = {(e["source"], e["target"]): e["by_type"] for e in by_country["edges"]}
    assert pairs[("QAT", "LBY")] == {"CONSULT": 1}
    assert pairs[("LBY", "TUR")] == {"ACCUSE": 1}
    by_actor = browse.network(con, {}, indexed=indexed)
    assert {e["source"] for e in by_actor["edges"]} == {"Hulusi Akar", "Khalifa Haftar"}
    turkey = next(a for a in browse.actors(con, {}, indexed=indexed) if a["name"] == "Turkey")
    assert (turkey["as_actor"], turkey["as_recipient"]) == (0, 1)  # the aid's actor: wrong
    accused, _ = browse.page_events(con, {"event_type": "ACCUSE"}, None, 10, indexed=indexed)
    assert [e["id"] for e in accused] == [THREAT]
    qatar, _ = browse.page_events(con, {"country": "QAT"}, None, 10, indexed=indexed)
    assert [e["id"] for e in qatar] == [MEETING]
    misrata, _ = browse.page_events(con, {"place": "misrata"}, None, 10, indexed=indexed)
    assert [e["id"] for e in misrata] == [VISIT]


def test_python_counts_and_filters_read_the_corrected_view(db):
    with Store(db) as store:
        _check_counts(store.con, indexed=False)
        assert read_index.build(store.con)
        _check_counts(store.con.cursor(), indexed=True)
        assert [r["id"] for r in store.events(event_type="ACCUSE")] == [THREAT]
        assert store.events(event_type="THREATEN") == []
        assert [r["id"] for r in store.events(country="QAT")] == [MEETING]
        assert [r["id"] for r in store.events(place="misrata")] == [VISIT]
        wrong = store.events(event_type="AID")  # listed, flagged: the analyst sees it
        assert [r["id"] for r in wrong] == [AID] and wrong[0]["corrected"]["wrong"]


def test_cli_events_filters_read_the_corrected_view(db, capsys):
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--type", "ACCUSE", "--format", "jsonl"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    assert [r["id"] for r in found] == [THREAT] and found[0]["event_type"] == "ACCUSE"
    assert main(["events", "--db", str(db), "--country", "QAT", "--format", "jsonl"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    assert [r["id"] for r in found] == [MEETING]
    assert main(["events", "--db", str(db), "--type", "THREATEN", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.strip() == ""


def test_api_counts_and_filters_read_the_corrected_view(db):
    with TestClient(create_app(str(db)), client=("127.0.0.1", 50000),
                    base_url="http://127.0.0.1") as client:
        stats = client.get("/v1/stats").json()
        assert stats["total"] == 3
        assert {r["event_type"]: r["count"] for r in stats["by_type"]} == {
            "CONSULT": 2, "ACCUSE": 1}
        listed = client.get("/v1/events", params={"type": "ACCUSE"}).json()["events"]
        assert [e["id"] for e in listed] == [THREAT]
        assert client.get("/v1/stats", params={"country": "QAT"}).json()["total"] == 1
        places = client.get("/v1/places").json()["places"]
        assert {p["name"] for p in places} == {"Misrata", "Tripoli"}
        edges = client.get("/v1/network", params={"by": "country"}).json()["edges"]
        assert {(e["source"], e["target"]) for e in edges} >= {("QAT", "LBY"), ("LBY", "TUR")}
        actors = client.get("/v1/actors").json()["actors"]
        assert next(a for a in actors if a["name"] == "Turkey")["as_actor"] == 0
