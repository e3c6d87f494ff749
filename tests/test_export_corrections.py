"""Analysts' type corrections exported for the coder: as user lexicon entries in the
format of data/lexicon.tsv (read by the lexicon's own parser; each entry's tests pass on
the corrected sentence; `resgestae code --lexicon` codes a new article with them), and as
labelled clauses `resgestae train --data` reads."""

from __future__ import annotations

import json

import pytest
from fixture_events import fixture_events, fixture_store

from resgestae.cli import main
from resgestae.coding import event_types
from resgestae.coding.user_examples import read_labelled, to_examples
from resgestae.coding.verb_match import cameo_table
from resgestae.export import lexicon
from resgestae.store import Store, corrections


@pytest.fixture()
def corrected(tmp_path):
    """The fixture store with: the threat corrected to ACCUSE, the visit's mode to phone,
    the meeting's actor corrected (not its type), the aid marked wrong."""
    db = fixture_store(tmp_path)
    visit, meeting, threat, aid = fixture_events()
    with Store(db) as store:
        corrections.correct(store.con, threat.id, "ana", {"event_type": "ACCUSE"})
        corrections.correct(store.con, visit.id, "ana", {"event_type": "CONSULT",
                                                         "mode": "phone"})
        corrections.correct(store.con, meeting.id, "ana", {"actor": {"country": "TUR"}})
        corrections.correct(store.con, aid.id, "ana", {}, wrong=True)
    return db


def _entries(path) -> dict[tuple[str, str], list[event_types.Entry]]:
    return event_types.parse_lexicon(path.read_text(encoding="utf-8"))


def test_lexicon_export_parses_and_matches_the_sentence(corrected, tmp_path, coder):
    out = tmp_path / "mine.tsv"
    assert main(["export", "--db", str(corrected), "--format", "lexicon", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    packaged = (event_types.DATA_DIR / "lexicon.tsv").read_text(encoding="utf-8")
    assert text.startswith(packaged.split("\n# ---")[0])  # the lexicon's own header
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert all(len(row) == 7 for row in rows) and len(rows) == 2
    entries = _entries(out)
    # "Khalifa Haftar threatened to attack": threaten, a verb, now ACCUSE, with its CAMEO code
    (accuse,) = entries[("threaten", "V")]
    assert (accuse.event_type, accuse.mode, accuse.tests) == ("ACCUSE", None, ())
    assert accuse.cameo == "112"  # no ACCUSE code without a mode: PLOVER's code for the type
    assert accuse.context == "military"  # the event's own context
    # "made a trip": the verb make with its object, so the entry is as specific as the
    # sentence; CONSULT phone's CAMEO code (041, PLOVER's table)
    (trip,) = entries[("make", "V")]
    assert (trip.event_type, trip.mode, trip.cameo) == ("CONSULT", "phone", "041")
    assert trip.tests == (("obj", frozenset({"trip"})),)
    # the entry's tests pass on the corrected sentence, as the coder would run them
    doc = coder.nlp(fixture_events()[0].text)
    made = next(t for t in doc if t.text == "made")
    assert all(event_types.TESTS[key](made, values) for key, values in trip.tests)
    assert event_types.lemma_of(made) == "make"


def test_cameo_for_type_and_mode():
    assert lexicon.cameo_for("CONSULT", "visit") == ("042", None)
    assert lexicon.cameo_for("AGREE", None) == ("030", "diplomatic")
    assert lexicon.cameo_for("ACCUSE", "allege") == ("114", "diplomatic")
    assert lexicon.cameo_for("ACCUSE", "no-such-mode") == ("112", None)
    assert cameo_table()["042"][:2] == ("CONSULT", "visit")


def test_training_export_is_read_by_train(corrected, tmp_path, coder):
    out = tmp_path / "mine.jsonl"
    assert main(["export", "--db", str(corrected), "--format", "training", "-o", str(out)]) == 0
    warnings: list[str] = []
    records = read_labelled(out, warn=warnings.append)
    assert warnings == []
    # the type corrections only: not the actor-only correction, not the wrong event
    assert sorted(r["label"] for r in records) == ["ACCUSE", "CONSULT"]
    threat = next(r for r in records if r["label"] == "ACCUSE")
    assert threat["sentence"] == fixture_events()[2].text
    # the corrected event's clause, not the sentence's first (the visit shares the sentence)
    assert "Khalifa Haftar threatened to attack Turkish forces" in threat["text"]
    assert "made a trip" not in threat["text"]
    examples = to_examples(records, coder.nlp)
    assert sorted((label, trigger) for label, trigger, _ in examples) == [
        ("ACCUSE", "threaten"), ("CONSULT", "make")]


def test_nothing_corrected_exports_only_the_header(tmp_path):
    db = fixture_store(tmp_path)
    out = tmp_path / "none.tsv"
    assert main(["export", "--db", str(db), "--format", "lexicon", "-o", str(out)]) == 0
    assert all(line.startswith("#") for line in out.read_text(encoding="utf-8").splitlines())
    assert event_types.parse_lexicon(out.read_text(encoding="utf-8")) == {}


# Written for this test: a meeting, and a second article with the same verb and object.
MEETING = "Turkey's foreign minister met the Libyan prime minister in Ankara on Monday.\n"
SECOND = "The Egyptian president met the Sudanese prime minister in Cairo on Friday.\n"


def _coded(path, capsys, *extra: str) -> list[dict]:
    capsys.readouterr()
    assert main(["code", str(path), "--no-store", "--date", "2021-03-05", "--format", "jsonl",
                 *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_corrected_type_codes_the_next_article_through_lexicon(tmp_path, capsys):
    db = tmp_path / "events.duckdb"
    first, second = tmp_path / "meeting.txt", tmp_path / "second.txt"
    first.write_text(MEETING, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    assert main(["code", str(first), "--db", str(db), "--date", "2021-03-01"]) == 0
    with Store(db) as store:
        (meeting,) = [e for e in store.events() if e["trigger"] == "met"]
        assert meeting["event_type"] == "CONSULT"
        corrections.correct(store.con, meeting["id"], "ana", {"event_type": "AGREE"})
    # as coded, the second article's meeting is a CONSULT too
    assert {e["event_type"] for e in _coded(second, capsys) if e["trigger"] == "met"} == {
        "CONSULT"}
    mine = tmp_path / "mine.tsv"
    assert main(["export", "--db", str(db), "--format", "lexicon", "-o", str(mine)]) == 0
    rows = [line.split("\t") for line in mine.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    assert rows == [["meet", "V", "obj=minister", "AGREE", "-", "030", "diplomatic"]]
    # with the exported entry, the coder types it as the analyst did
    recoded = [e for e in _coded(second, capsys, "--lexicon", str(mine)) if e["trigger"] == "met"]
    assert [e["event_type"] for e in recoded] == ["AGREE"]
    assert recoded[0]["cameo"] == "030"


def test_article_export_filters_on_corrected_values(corrected):
    """`export --what articles` with event filters matches the events as analysts corrected
    them: the threat corrected to ACCUSE selects its article under ACCUSE, not THREATEN,
    and the aid marked wrong no longer selects its article."""
    from resgestae.store import browse

    visit, meeting, threat, aid = fixture_events()
    with Store(corrected) as store:
        def ids(**filters) -> list[str]:
            return [a["id"] for a in browse.iter_articles(store.con, filters)]

        assert ids(event_type="ACCUSE") == [threat.article_id]
        assert threat.article_id not in ids(event_type="THREATEN")
        assert ids(event_type="AID") == []
