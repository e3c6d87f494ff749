"""The local runner: worker processes, streaming, the ledger, bad items, the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import resgestae.pipeline as pipeline
from resgestae.cli import main
from resgestae.config import Config
from resgestae.errors import InputError
from resgestae.model import Article
from resgestae.runner import Progress, code_chunk, run_local
from resgestae.store import Store

ROOT = Path(__file__).resolve().parents[1]


def make_articles(n: int) -> list[Article]:
    """Short distinct articles from the sample's paragraphs."""
    text = (ROOT / "samples" / "seed-article.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
    return [Article(id=f"t{i:03d}", date="2020-12-26",
                    text=paragraphs[i % len(paragraphs)] + f"\n\nRef T{i}.") for i in range(n)]


def counted(items: list, pulled: list[int]) -> Iterator:
    """Yield items, counting how many the consumer has taken so far."""
    for item in items:
        pulled[0] += 1
        yield item


def stored(db: Path) -> list[tuple]:
    with Store(db, read_only=True) as store:
        sql = "SELECT id, n_events, content_hash FROM articles"
        return sorted(store.con.execute(sql).fetchall())


def test_two_workers_stream_and_store_what_one_process_stores(tmp_path):
    articles = make_articles(40)
    items = articles[:5] + [InputError("feed.jsonl:6", "not valid JSON")] + articles[5:]
    items.insert(9, Article(id="empty", text="   \n"))

    with Store(tmp_path / "one.duckdb") as store:
        one = list(run_local(iter(items), Config(), store, workers=1))

    pulled, progress = [0], Progress()
    with Store(tmp_path / "two.duckdb") as store:
        outcomes = run_local(counted(items, pulled), Config(), store, workers=2, chunk_size=4,
                             progress=progress)
        first = next(outcomes)
        # streaming: only a bounded window (2 chunks per worker, plus one being read) was read
        assert pulled[0] <= 4 * 6
        two = [first, *outcomes]

    assert stored(tmp_path / "one.duckdb") == stored(tmp_path / "two.duckdb")
    assert len(stored(tmp_path / "two.duckdb")) == 40
    for result in (one, two):
        failed = {o.article_id: o.reason for o in result if o.failed}
        assert set(failed) == {"feed.jsonl:6", "empty"}
        assert "not valid JSON" in failed["feed.jsonl:6"]
    assert (progress.coded, progress.failed) == (40, 2)
    assert progress.events == sum(len(o.records) for o in two) > 0


def test_ledger_skips_stored_articles_and_recodes_changed_ones(tmp_path):
    articles = make_articles(6)
    with Store(tmp_path / "s.duckdb") as store:
        list(run_local(articles, Config(), store, workers=1))
        again = Progress()
        assert list(run_local(make_articles(6), Config(), store, workers=1, progress=again)) == []
        assert again.stored_before == 6

        changed = make_articles(6)
        changed[2].text += " Updated."
        progress = Progress()
        recoded = list(run_local(changed, Config(), store, workers=1, progress=progress))
        assert [o.article_id for o in recoded] == ["t002"]
        assert progress.stored_before == 5
        assert store.article("t002")["text"].endswith("Updated.")
        assert len(store.article_ids()) == 6


def test_a_stage_that_breaks_loses_only_its_article(monkeypatch):
    real = pipeline.extract_events

    def breaks_on_t001(doc, article):
        if article.id == "t001":
            raise IndexError("simulated bug in a stage")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "extract_events", breaks_on_t001)
    outcomes = {o.article_id: o for o in code_chunk(make_articles(3), Config())}
    assert outcomes["t001"].failed
    assert "IndexError: simulated bug in a stage" in outcomes["t001"].reason
    assert not outcomes["t000"].failed and not outcomes["t002"].failed
    assert outcomes["t000"].records


def test_command_line_reports_skips_and_exit_status(tmp_path, capsys):
    corpus = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": a.id, "text": a.text, "date": a.date}) for a in make_articles(3)]
    corpus.write_text("\n".join(lines[:2] + ["{broken"] + lines[2:]) + "\n", encoding="utf-8")
    out, db = tmp_path / "events.jsonl", tmp_path / "cli.duckdb"
    argv = ["code", str(corpus), "--db", str(db), "--workers", "1", "--format", "jsonl",
            "--output", str(out)]

    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "feed.jsonl:3" in err and "skipped" in err
    summary = err.strip().splitlines()[-1]
    assert "3 articles coded, 1 skipped" in summary
    events = int(summary.split("skipped, ")[1].split()[0])
    assert len(out.read_text().splitlines()) == events > 0

    assert main(argv) == 1  # the broken line still fails; the rest is already stored
    err = capsys.readouterr().err
    assert "0 articles coded, 1 skipped, 0 events" in err and "3 already stored" in err


@pytest.mark.parametrize("workers", ["0", "-2"])
def test_command_line_refuses_bad_worker_counts(workers, capsys, tmp_path):
    assert main(["code", str(ROOT / "samples"), "--db", str(tmp_path / "x.duckdb"),
                 "--workers", workers]) == 2
    assert "--workers must be at least 1" in capsys.readouterr().err
