"""Analysts' corrections: stored apart with author and time, shown on every read with a flag,
kept when an article is re-coded, taught to the knowledge base so the next article is coded
with them, and exported as gold records `resgestae eval` scores."""

from __future__ import annotations

import csv
import json

import pytest
from fastapi.testclient import TestClient
from fixture_events import ARTICLE, fixture_events, fixture_store

from resgestae.api import create_app
from resgestae.cli import main
from resgestae.store import Store, corrections
from resgestae.store.query import as_coded

TOKEN = "corr-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOOPBACK = ("127.0.0.1", 50000)


@pytest.fixture()
def db(tmp_path):
    return fixture_store(tmp_path)


def _by_type(store: Store) -> dict[str, dict]:
    return {r["event_type"]: r for r in store.events()}


def test_correction_is_stored_apart_and_kept_on_recoding(db):
    threat = next(e for e in fixture_events() if e.event_type == "THREATEN")
    with Store(db) as store:
        saved = corrections.correct(store.con, threat.id, "ana", {"event_type": "accuse",
                                                                  "date": "2020-12"})
        assert saved["fields"] == {"event_type": "ACCUSE", "date": "2020-12"}
        # the coded event is untouched; the correction is its own row
        coded = json.loads(store.con.execute("SELECT record FROM events WHERE id = ?",
                                             [threat.id]).fetchone()[0])
        assert coded["event_type"] == "THREATEN"
        row = store.con.execute("SELECT author, before FROM corrections").fetchone()
        assert row[0] == "ana" and json.loads(row[1])["event_type"] == "THREATEN"
        store.replace_article(ARTICLE, fixture_events())  # re-coding the article
        accuse = _by_type(store)["ACCUSE"]
        assert accuse["id"] == threat.id and accuse["date_precision"] == "month"
        assert accuse["corrected"]["by"] == ["ana"]
        assert set(accuse["corrected"]["fields"]) == {"event_type", "date"}
        assert accuse["cameo"] is None and accuse["quad_class"] == 3  # ACCUSE: verbal conflict
        assert "THREATEN" not in _by_type(store)


@pytest.mark.parametrize(("change", "message"), [
    ({"event_type": "BOMB"}, "is not one of"), ({"colour": "red"}, "cannot correct 'colour'"),
    ({"actor": {"country": "XYZ"}}, "unknown country"), ({}, "nothing to correct"),
    ({"date": "yesterday"}, "not an ISO date"),
])
def test_bad_corrections_are_refused(db, change, message):
    with Store(db) as store, pytest.raises(ValueError, match=message):
        corrections.correct(store.con, fixture_events()[0].id, "ana", change)
    with Store(db) as store, pytest.raises(LookupError):
        corrections.correct(store.con, "e-no-such-event", "ana", {"mode": "visit"})


def test_mode_must_be_one_of_the_types_modes(db, capsys):
    threat = next(e for e in fixture_events() if e.event_type == "THREATEN")
    with Store(db) as store:
        with pytest.raises(ValueError, match="not a mode of THREATEN: one of .*violence"):
            corrections.correct(store.con, threat.id, "ana", {"mode": "bananas"})
        # a mode of the corrected type is checked against that type (PLOVER manual: demo)
        saved = corrections.correct(store.con, threat.id, "ana",
                                    {"event_type": "protest", "mode": "Demo"})
        assert saved["fields"] == {"event_type": "PROTEST", "mode": "demo"}
    assert main(["correct", threat.id, "--mode", "visit", "--db", str(db)]) == 2
    assert "not a mode of PROTEST" in capsys.readouterr().err


def test_patch_needs_the_token_and_shows_the_corrected_event(db, tmp_path):
    visit = fixture_events()[0]
    body = {"author": "ana", "recipient": {"country": "tun", "name": "Tunisia"}}
    with TestClient(create_app(str(db), token=TOKEN), client=LOOPBACK,
                    base_url="http://127.0.0.1") as client:
        assert client.patch(f"/v1/events/{visit.id}", json=body).status_code == 401
        bad = client.patch(f"/v1/events/{visit.id}", json={"author": "ana", "x": 1},
                           headers=AUTH)
        assert bad.status_code == 422
        missing = client.patch("/v1/events/e-missing", json=body, headers=AUTH)
        assert missing.status_code == 404
        done = client.patch(f"/v1/events/{visit.id}", json=body, headers=AUTH)
        assert done.status_code == 200, done.text
        event = done.json()["event"]
        assert event["recipient"][0]["country"] == "TUN"
        assert event["recipient"][0]["name"] == "Tunisia"
        assert event["corrected"]["fields"] == ["recipient"]
        listed = client.get("/v1/events", params={"type": "CONSULT"}).json()["events"]
        assert next(e for e in listed if e["id"] == visit.id)["corrected"]["by"] == ["ana"]
    out = tmp_path / "events.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(out)]) == 0
    rows = {r["id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows[visit.id]["corrected"] == "recipient"
    assert rows[visit.id]["recipient_country"] == "TUN"


def test_actor_correction_teaches_the_next_article(tmp_path, capsys):
    """Coded for real: the coder gives Maiteeq no country; the analyst says LBY GOV; the
    next article naming him is coded LBY GOV, and re-coding the first keeps the flag."""
    db = str(tmp_path / "k.duckdb")
    first = tmp_path / "first.txt"
    first.write_text("Ahmed Maiteeq met the Egyptian foreign minister in Cairo on Monday.\n")
    second = tmp_path / "second.txt"
    second.write_text("Ahmed Maiteeq criticized the central bank governor on Friday.\n")
    assert main(["code", str(first), "--db", db, "--date", "2021-03-01", "--format", "jsonl"]) == 0
    coded = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    meeting = next(r for r in coded if r["actor"][0]["name"] == "Ahmed Maiteeq")
    assert meeting["actor"][0]["country"] is None
    assert main(["correct", meeting["id"], "--db", db, "--actor-country", "LBY",
                 "--actor-sector", "GOV", "--author", "ana"]) == 0
    assert "knowledge base" in capsys.readouterr().err
    assert main(["code", str(second), "--db", db, "--date", "2021-03-05",
                 "--format", "jsonl"]) == 0
    later = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    named = [a for r in later for a in r["actor"] if a["name"] == "Ahmed Maiteeq"]
    assert named and all(a["country"] == "LBY" and a["sector"] == "GOV" for a in named)
    assert main(["code", str(first), "--db", db, "--date", "2021-03-01", "--recode"]) == 0
    capsys.readouterr()
    with Store(db, read_only=True) as store:
        again = next(r for r in store.events() if r["id"] == meeting["id"])
        assert again["corrected"]["by"] == ["ana"] and again["actor"][0]["country"] == "LBY"


def test_gold_export_is_read_by_eval(db, tmp_path, capsys):
    events = fixture_events()
    with Store(db) as store:
        corrections.correct(store.con, events[2].id, "ana", {"event_type": "ACCUSE"})
        corrections.correct(store.con, events[3].id, "ana", {}, wrong=True)
        # the other events of those sentences stay as coded
        assert [as_coded(r)["id"] for r in store.events()] == [e.id for e in sorted(
            events, key=lambda e: (e.date if len(e.date) == 10 else e.date + "-01-01", e.id))]
    gold = tmp_path / "gold.jsonl"
    assert main(["export", "--db", str(db), "--format", "gold", "-o", str(gold)]) == 0
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    threat_sentence = next(r for r in records if events[2].id in r["event_ids"])
    kinds = sorted(e["event_type_current"] for e in threat_sentence["expected"])
    assert kinds == ["ACCUSE", "CONSULT"]  # the visit shares the sentence, uncorrected
    haftar = next(e for e in threat_sentence["expected"] if e["event_type"] == "ACCUSE")
    assert haftar["source"] == [{"text": "Khalifa Haftar", "code": "LBY"}]
    aid_sentence = next(r for r in records if events[3].id in r["event_ids"])
    assert aid_sentence["expected"] == []  # marked wrong: nothing to code there
    capsys.readouterr()
    assert main(["eval", str(gold), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["records"] == 2 and result["format"] == "plover"
