"""`resgestae code` and `resgestae events` through the real command line and a real store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from resgestae.cli import main
from resgestae.model import Article, Entity, Event, content_id
from resgestae.store import Store

SCHEMA = json.loads(resources.files("resgestae").joinpath("schema/event.schema.json").read_text())
AKAR = Entity("Akar", "Hulusi Akar", "TUR", "GOV")
NAMROUSH = Entity("Namroush", "Salahaddin Namroush", "LBY", "GOV")
HAFTAR = Entity("Haftar", "Khalifa Haftar", "LBY", "REB")
TURKS = Entity("Turkish forces", "Turkish forces", "TUR", "MIL")


def _event(aid: str, kind: str, actor: Entity, recipient: Entity, date: str) -> Event:
    made = Event(article_id=aid, event_type=kind, text=f"{actor.text} and {recipient.text}.",
                 span=(0, 20), actor=[actor], recipient=[recipient], date=date)
    made.assign_id()
    return made


@pytest.fixture
def filled(tmp_path) -> Path:
    db = tmp_path / "filled.duckdb"
    with Store(db) as store:
        store.replace_article(Article(id="a", text="x" * 30), [
            _event("a", "CONSULT", AKAR, NAMROUSH, "2020-12-26"),
            _event("a", "THREATEN", HAFTAR, TURKS, "2020-12-24")])
        store.replace_article(Article(id="b", text="y" * 30), [
            _event("b", "CONSULT", AKAR, NAMROUSH, "2020-12-26"),
            _event("b", "ASSAULT", HAFTAR, NAMROUSH, "2019-04")])
    return db


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_events_jsonl_filters(capsys, filled):
    status, out, _ = run_cli(capsys, "events", "--db", str(filled), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [r["event_type"] for r in records] == ["ASSAULT", "THREATEN", "CONSULT"]
    assert records[2]["mentions"] == 2 and records[2]["article_ids"] == ["a", "b"]
    for record in records:
        jsonschema.validate(record, SCHEMA)
    _, out, _ = run_cli(capsys, "events", "--db", str(filled), "--format", "jsonl",
                        "--actor", "haftar", "--since", "2020")
    assert [json.loads(line)["event_type"] for line in out.splitlines()] == ["THREATEN"]
    _, out, _ = run_cli(capsys, "events", "--db", str(filled), "--format", "jsonl",
                        "--country", "TUR", "--type", "consult", "--until", "2020-12-26")
    assert [json.loads(line)["event_type"] for line in out.splitlines()] == ["CONSULT"]


def test_events_table_and_csv(capsys, filled, tmp_path):
    status, out, _ = run_cli(capsys, "events", "--db", str(filled), "--limit", "2")
    lines = out.splitlines()
    assert status == 0 and lines[0].startswith("DATE") and len(lines) == 3
    assert "Khalifa Haftar (LBY REB)" in lines[1] and "2019-04" in lines[1]
    target = tmp_path / "events.csv"
    run_cli(capsys, "events", "--db", str(filled), "--format", "csv", "-o", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert [r["event_type"] for r in rows] == ["ASSAULT", "THREATEN", "CONSULT"]
    assert rows[2]["article_ids"] == "a;b" and rows[2]["mentions"] == "2"
    assert (rows[0]["actor"], rows[0]["actor_country"]) == ("Khalifa Haftar", "LBY")
    exported = tmp_path / "export.csv"  # one CSV layout for `events` and `export`
    assert main(["export", "--format", "csv", "--output", str(exported), "--db", str(filled)]) == 0
    assert exported.read_text().splitlines()[0] == target.read_text().splitlines()[0]


def test_events_errors(capsys, tmp_path):
    status, _, err = run_cli(capsys, "events", "--db", str(tmp_path / "none.duckdb"))
    assert status == 2 and "none.duckdb: no store there yet" in err
    notes = tmp_path / "notes.duckdb"
    notes.write_text("not a database " * 200)
    status, _, err = run_cli(capsys, "events", "--db", str(notes))
    assert status == 2 and "notes.duckdb: cannot open the store" in err
    with pytest.raises(SystemExit) as bad_date:
        main(["events", "--db", str(notes), "--since", "last week"])
    assert bad_date.value.code == 2 and "not an ISO date" in capsys.readouterr().err


def test_code_sample_stores_what_it_prints(capsys, tmp_path, sample_text):
    sample = Path(__file__).resolve().parents[1] / "samples" / "seed-article.txt"
    db = tmp_path / "sample.duckdb"
    argv = ["code", str(sample), "--date", "2020-12-26", "--db", str(db), "--format", "jsonl",
            "--workers", "1"]
    status, out, err = run_cli(capsys, *argv)
    assert status == 0, err
    printed = [json.loads(line) for line in out.splitlines()]
    for record in printed:
        jsonschema.validate(record, SCHEMA)
        assert record["article_id"] == content_id(sample_text)
        start, end = record["span"]
        assert record["text"] == sample_text[start:end]
    assert "1 articles coded, 0 skipped" in err.splitlines()[-1]
    with Store(db, read_only=True) as store:
        assert store.article_ids() == [content_id(sample_text)]
        row = store.article(content_id(sample_text))
        assert row["dateline"] == "Tripoli, Libya" and row["text"] == sample_text
        assert len(store.events()) == len(printed)
        first = store.events()
    run_cli(capsys, *argv)  # the same again: nothing doubles
    with Store(db, read_only=True) as store:
        assert store.events() == first and len(store.article_ids()) == 1


def test_code_from_stdin(tmp_path):
    db = tmp_path / "stdin.duckdb"
    cli = Path(sys.executable).with_name("resgestae")
    lines = "\n".join([
        json.dumps({"id": "s1", "text": "Turkish Defense Minister Hulusi Akar visited Tripoli "
                    "on Saturday and met Libyan officials to discuss military cooperation."}),
        "{not json",
    ])
    done = subprocess.run([str(cli), "code", "-", "--db", str(db), "--workers", "1"],
                          input=lines, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    skipped = [x for x in done.stderr.splitlines() if x.startswith("resgestae: skipped")]
    assert skipped == [skipped[0]] and skipped[0].startswith("resgestae: skipped <stdin>:2: ")
    with Store(db, read_only=True) as store:
        assert store.article_ids() == ["s1"] and store.article("s1")["origin"] == "<stdin>:1"


def test_code_bad_date_is_one_error(capsys, tmp_path):
    db = tmp_path / "d.duckdb"
    sample = str(Path(__file__).resolve().parents[1] / "samples" / "seed-article.txt")
    code = main(["code", sample, "--date", "yesterday", "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("error") == 1 and "--date 'yesterday'" in err
    assert not db.exists(), "nothing is coded or stored before the date is checked"


def test_recode_codes_stored_articles_again_without_duplicates(capsys, tmp_path):
    db = str(tmp_path / "r.duckdb")
    sample = str(Path(__file__).resolve().parents[1] / "samples" / "seed-article.txt")
    argv = ["code", sample, "--date", "2020-12-26", "--db", db, "--workers", "1",
            "--format", "jsonl"]
    assert main(argv) == 0
    first = capsys.readouterr().out.splitlines()
    assert main(argv) == 0
    skipped = capsys.readouterr()
    assert skipped.out == "" and "1 already stored (--recode" in skipped.err
    assert main([*argv, "--recode"]) == 0
    again = capsys.readouterr().out.splitlines()
    assert sorted(again) == sorted(first) and first
    with Store(db) as store:
        assert len(store.events()) == len(first)
