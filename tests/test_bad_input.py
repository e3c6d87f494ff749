"""Bad input end to end: the real `resgestae code` on a folder of good and bad files.

Each bad item gets exactly one error line naming it (file, and line for JSONL)
and the reason; the good ones are coded and stored; what was stored before is
still there; the exit status says something failed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resgestae.model import Article, Entity, Event, content_id
from resgestae.store import Store

GOOD = (
    "Tripoli, Libya – Turkish Defense Minister Hulusi Akar met his Libyan counterpart "
    "Salahaddin Namroush in Tripoli on Saturday, the ministry said.\n\n"
    "The two ministers agreed to continue military cooperation between their countries.\n"
)
GOOD_LINE = (
    "Egyptian President Abdel Fattah al-Sisi met the Libyan prime minister in Cairo on "
    "Monday and the two leaders discussed the security of the border between the countries."
)
FRENCH = (
    "Le ministre turc de la Défense est arrivé samedi à Tripoli pour rencontrer son "
    "homologue libyen. Les deux hommes ont parlé de la coopération militaire entre leurs "
    "pays, selon un communiqué publié par le ministère dans la soirée."
)
PREVIOUS = "Russian Foreign Minister Sergei Lavrov visited Cairo on Sunday, officials said."


def _make_batch(folder: Path) -> dict[str, str]:
    """Write the batch; returns item -> a word its error reason must contain."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    undecodable = b"Officials \x81\x8d\x90\x9d said " * 4 + bytes(range(0xC0, 0x100)) * 8
    (folder / "latin.txt").write_bytes(undecodable)
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as big:  # 50 MB of real text, written in one go
        big.write(b"The minister met the officials in the capital on Saturday. " * 900_000)
    (folder / "broken.html").write_text("<html><body><div><script>x()</script><br><hr></span>")
    lines = [json.dumps({"id": "line-1", "text": GOOD_LINE}), '{"id": "line-2", "text": "cut sh',
             json.dumps({"id": "line-3", "text": GOOD_LINE.replace("Monday", "Tuesday")})]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    return {
        "binary.txt": "binary", "latin.txt": "undecodable", "empty.txt": "empty",
        "huge.txt": "too long", "broken.html": "no article text",
        "articles.jsonl:2": "not valid JSON", "french.txt": "not English",
    }


def _store_previous(db: Path) -> str:
    article = Article(id="previous", text=PREVIOUS, date="2020-12-20")
    lavrov = Entity("Sergei Lavrov", "Sergei Lavrov", "RUS", "GOV")
    event = Event(article_id="previous", event_type="CONSULT", text=PREVIOUS,
                  span=(0, len(PREVIOUS)), actor=[lavrov],
                  recipient=[Entity("Cairo", "Egypt", "EGY")], date="2020-12-20")
    event.assign_id()
    with Store(db) as store:
        store.replace_article(article, [event])
    return event.id


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    expected = _make_batch(root / "in")
    db = root / "events.duckdb"
    previous_event = _store_previous(db)
    cli = Path(sys.executable).with_name("resgestae")
    command = [str(cli), "code", str(root / "in"), "--db", str(db), "--workers", "1",
               "--format", "jsonl", "--date", "2020-12-26"]
    env = dict(os.environ, RESGESTAE_DB=str(root / "unused.duckdb"))
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    return root, expected, db, previous_event, done


def _skip_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("resgestae: skipped")]


def test_exit_status_says_something_failed(batch_run):
    *_, done = batch_run
    assert done.returncode == 1, done.stderr


def test_one_clear_line_per_bad_item(batch_run):
    root, expected, *_, done = batch_run
    lines = _skip_lines(done.stderr)
    assert len(lines) == len(expected), done.stderr
    for item, reason in expected.items():
        path = str(root / "in" / item)
        mine = [line for line in lines if line.startswith(f"resgestae: skipped {path}: ")]
        assert len(mine) == 1, (item, lines)
        assert reason in mine[0], mine[0]
    assert "Traceback" not in done.stderr


def test_summary_counts(batch_run):
    *_, done = batch_run
    summary = done.stderr.strip().splitlines()[-1]
    assert "3 articles coded" in summary and f"{7} skipped" in summary, summary


def test_good_ones_stored_and_old_ones_kept(batch_run):
    root, _, db, previous_event, done = batch_run
    with Store(db, read_only=True) as store:
        ids = set(store.article_ids())
        assert {"previous", "line-1", "line-3", content_id(GOOD)} == ids
        good = store.article(content_id(GOOD))
        assert good["origin"] == str(root / "in" / "good.txt")
        assert good["dateline"] == "Tripoli, Libya" and good["date"] == "2020-12-26"
        assert store.article("line-3")["origin"] == f"{root / 'in' / 'articles.jsonl'}:3"
        assert previous_event in {e["id"] for e in store.events()}
        stored = sum(1 for e in store.events() if e["article_id"] != "previous")
    printed = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert {r["article_id"] for r in printed} <= {"line-1", "line-3", content_id(GOOD)}
    assert stored <= len(printed)  # cross-article merging can only lower the count
