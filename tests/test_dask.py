"""A real Dask LocalCluster on 127.0.0.1 (2 worker processes): Parquet, manifest, load.

Stores are compared article by article (content, events each gave), not event by
event: the actor KB learns in the order each process sees articles, so which
reports merge into one event depends on how the corpus is split among workers.
The Parquet round trip itself is checked record for record.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import cloudpickle
import duckdb
import pytest
from distributed import LocalCluster

from resgestae.cli import main
from resgestae.config import Config
from resgestae.readers import read_inputs
from resgestae.runner import run_local
from resgestae.runner.cluster import code_partition, run_cluster
from resgestae.runner.parquet import MANIFEST, _partition_rows, load_parquet, write_partition
from resgestae.runner.work import code_chunk
from resgestae.store import Store

ROOT = Path(__file__).resolve().parents[1]
N_ARTICLES = 24
# the workers unpickle this module's task wrapper without importing tests/
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def scheduler():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Small articles from the sample; one without a date, one broken JSONL line."""
    text = (ROOT / "samples" / "seed-article.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
    lines = []
    for i in range(N_ARTICLES):
        record = {"id": f"d{i:03d}", "text": paragraphs[i % len(paragraphs)] + f"\n\nRef D{i}."}
        if i != 5:
            record["date"] = f"2020-12-{1 + i % 3:02d}"
        lines.append(json.dumps(record))
    lines.insert(7, '{"id": "broken", "text": ')
    path = tmp_path_factory.mktemp("dask") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(store: Store) -> dict[str, list]:
    queries = {
        "articles": "SELECT id, content_hash, n_events FROM articles",
        "twice": "SELECT id FROM events GROUP BY id HAVING count(*) > 1 UNION ALL "
                 "SELECT event_id FROM mentions GROUP BY event_id, article_id HAVING count(*) > 1",
    }
    return {name: sorted(store.con.execute(sql).fetchall()) for name, sql in queries.items()}


@pytest.fixture(scope="module")
def direct(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """The same corpus coded on one machine straight into a store."""
    with Store(tmp_path_factory.mktemp("direct") / "direct.duckdb") as store:
        list(run_local(read_inputs([str(corpus)]), Config(), store, workers=1))
        return snapshot(store)


def test_cluster_writes_parquet_manifest_and_loads(scheduler, corpus, direct, tmp_path):
    out = tmp_path / "parquet"
    errors = []
    result = run_cluster(read_inputs([str(corpus)]), Config(), out, scheduler=scheduler,
                         partition_size=5, on_error=errors.append)
    assert result["counts"]["articles"] == N_ARTICLES
    assert result["counts"]["failed_partitions"] == 0
    assert [e for e in errors if e.item.endswith(":8")], "the broken line is reported"

    manifest = json.loads((out / MANIFEST).read_text())
    assert len(manifest["partitions"]) == 5
    ids = sorted(i for p in manifest["partitions"] for i in p["articles"])
    assert ids == [f"d{i:03d}" for i in range(N_ARTICLES)]
    assert manifest["counts"]["events"] == result["counts"]["events"] > 0
    assert len(manifest["failures"]) == 1  # the broken line
    assert not list(out.rglob("*.tmp"))
    days = sorted(p.name for p in (out / "events").iterdir())
    assert days == ["pub_date=2020-12-01", "pub_date=2020-12-02", "pub_date=2020-12-03",
                    "pub_date=__HIVE_DEFAULT_PARTITION__"]

    # DuckDB reads the Parquet directly, publication day from the path
    con = duckdb.connect()
    glob = f"{out}/events/**/*.parquet"
    rows = con.execute(f"SELECT count(*), count(DISTINCT article_id) FROM read_parquet('{glob}', "
                       "hive_partitioning=true)").fetchone()
    assert rows[0] == manifest["counts"]["events"]
    undated = con.execute(f"SELECT DISTINCT article_id FROM read_parquet('{glob}', "
                          "hive_partitioning=true) WHERE pub_date IS NULL").fetchall()
    assert undated in ([], [("d005",)])

    with Store(tmp_path / "loaded.duckdb") as store:
        counts = load_parquet(out, store)
        assert counts["loaded"] == N_ARTICLES
        assert snapshot(store) == direct  # same store as coding on one machine
        again = load_parquet(out, store)
        assert again["already_stored"] == N_ARTICLES and again["loaded"] == 0
        assert snapshot(store) == direct


def test_parquet_round_trip_is_exact(corpus, tmp_path):
    articles = [a for a in read_inputs([str(corpus)]) if not isinstance(a, Exception)][:4]
    outcomes = code_chunk(articles, Config())
    coded = [(o.article, o.records) for o in outcomes]
    assert sum(len(records) for _, records in coded) > 0
    files = write_partition(tmp_path, "t-00000", coded)
    back = sorted(_partition_rows(tmp_path, files), key=lambda pair: pair[0].id)
    assert [(a, sorted(r, key=lambda x: x["id"])) for a, r in back] == [
        (a, sorted(r, key=lambda x: x["id"])) for a, r in sorted(coded, key=lambda p: p[0].id)]


def failing_task(articles, config, marker: str, log: str):
    """The real task, except that the partition holding `marker` fails (every attempt)."""
    with open(log, "a", encoding="utf-8") as attempts:
        attempts.write(articles[0].id + "\n")
    if any(a.id == marker for a in articles):
        raise RuntimeError("simulated worker failure")
    return code_partition(articles, config)


def test_failed_partition_is_retried_reported_and_others_land(scheduler, corpus, tmp_path):
    out, log = tmp_path / "parquet", tmp_path / "attempts.txt"
    task = functools.partial(failing_task, marker="d012", log=str(log))
    errors = []
    result = run_cluster(read_inputs([str(corpus)]), Config(), out, scheduler=scheduler,
                         partition_size=5, retries=2, task=task, on_error=errors.append)
    counts = result["counts"]
    assert counts["failed_partitions"] == 1
    assert counts["articles"] == N_ARTICLES - 5
    manifest = json.loads((out / MANIFEST).read_text())
    failed = [f for f in manifest["failures"] if f["partition"]]
    lost = failed[0]["article_ids"]
    assert len(lost) == 5 and "d012" in lost
    assert log.read_text().split().count(lost[0]) == 3  # first try and two retries
    assert "simulated worker failure" in failed[0]["reason"]
    assert not set(lost) & {i for p in manifest["partitions"] for i in p["articles"]}
    assert any("d012" in e.item for e in errors)

    # a stray file from a killed run: never loaded, removed by the next run
    stray = out / "events" / "pub_date=2020-12-01" / "part-killed-00000.parquet"
    stray.write_bytes(b"PAR1 half a file")
    (stray.parent / ".part-killed-00001.parquet.tmp").write_bytes(b"half")
    with Store(tmp_path / "partial.duckdb") as store:
        assert load_parquet(out, store)["loaded"] == N_ARTICLES - 5

    # the same command again codes only what failed
    again = run_cluster(read_inputs([str(corpus)]), Config(), out, scheduler=scheduler,
                        partition_size=5)
    assert again["counts"]["articles"] == 5
    assert again["counts"]["already_written"] == N_ARTICLES - 5
    assert not stray.exists() and not list(out.rglob("*.tmp"))
    assert json.loads((out / MANIFEST).read_text())["counts"]["articles"] == N_ARTICLES


def test_command_line_code_and_load(scheduler, corpus, direct, tmp_path, capsys):
    out, db = tmp_path / "parquet", tmp_path / "cli.duckdb"
    status = main(["code", str(corpus), "--scheduler", scheduler, "--parquet-dir", str(out),
                   "--partition-size", "8"])
    err = capsys.readouterr().err
    assert status == 1  # the broken line
    assert f"{N_ARTICLES} articles coded, 1 skipped" in err and "corpus.jsonl:8:" in err
    assert main(["load", str(out), "--db", str(db)]) == 0
    assert f"{N_ARTICLES} articles loaded" in capsys.readouterr().err
    with Store(db, read_only=True) as store:
        assert snapshot(store) == direct


def test_workers_code_with_the_given_kb(scheduler, tmp_path):
    """The store's actors reach the workers: a KB entry known only to this KB (no file)
    names the actor of "Nemrush" in the Parquet events."""
    from resgestae.kb import ActorKB, KBEntry
    from resgestae.model import Article

    kb = ActorKB()
    kb.add(KBEntry(kb_id="k-from-store", name="Salahaddin Namroush", country="LBY",
                   sectors=["GOV"], title="Defense Minister", aliases=["Nemrush"]))
    text = "Nemrush met Turkish officials in Ankara on Monday to discuss military training."
    article = Article(id="kb1", text=text, date="2020-12-26")
    out = tmp_path / "parquet"
    result = run_cluster([article], Config(), out, scheduler=scheduler, kb=kb)
    assert result["counts"]["articles"] == 1
    table = duckdb.connect().execute(
        f"SELECT actor FROM read_parquet('{out}/events/**/*.parquet')").fetchall()
    actors = [a for (row,) in table for a in row]
    assert actors and actors[0]["kb_id"] == "k-from-store"
    assert (actors[0]["name"], actors[0]["country"]) == ("Salahaddin Namroush", "LBY")
