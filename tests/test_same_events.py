"""Same input, same events: 1 or 2 workers, a Dask run, and a run killed and resumed
give identical stores (event ids, homes, mentions, article ids), through the real CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

CLI = str(Path(sys.executable).with_name("resgestae"))


@pytest.fixture(scope="module")
def dev(shared) -> Path:
    path = shared / "gold" / "dev" / "wikinews_dev.jsonl"
    if not path.exists():
        pytest.skip("no Wikinews dev set")
    return path


def _code(dev: Path, db: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [CLI, "code", str(dev), "--db", str(db), "--format", "jsonl", "-o", os.devnull,
               "--chunk-size", "4", *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=900)


def _contents(db: Path) -> tuple[list, list, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        events = con.execute("SELECT id, article_id, mentions, article_ids, dedup_key "
                             "FROM events ORDER BY id").fetchall()
        mentions = con.execute("SELECT event_id, article_id, count, mention_id FROM mentions "
                               "ORDER BY ALL").fetchall()
        articles = con.execute("SELECT id, content_hash, n_events FROM articles "
                               "ORDER BY id").fetchall()
    return events, mentions, articles


def _killed_then_resumed(dev: Path, db: Path, out: Path) -> None:
    command = [CLI, "code", str(dev), "--db", str(db), "--format", "jsonl", "-o", str(out),
               "--chunk-size", "4", "--workers", "1"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 0:  # records are written after storing
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with duckdb.connect(str(db), read_only=True) as con:
        partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < 33
    resumed = _code(dev, db, "--workers", "1")
    assert resumed.returncode == 0 and "already stored" in resumed.stderr, resumed.stderr


def test_workers_dask_and_resume_store_the_same_events(dev, tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert _code(dev, one, "--workers", "1").returncode == 0
    assert _code(dev, two, "--workers", "2").returncode == 0
    _killed_then_resumed(dev, tmp_path / "resumed.duckdb", tmp_path / "partial.jsonl")
    reference = _contents(one)
    assert reference[0] and len(reference[2]) == 33
    assert _contents(two) == reference
    assert _contents(tmp_path / "resumed.duckdb") == reference
    parquet, dask_db = tmp_path / "pq", tmp_path / "dask.duckdb"
    done = _code(dev, dask_db, "--dask-workers", "2", "--partition-size", "8",
                 "--parquet-dir", str(parquet))
    assert done.returncode == 0, done.stderr
    loaded = subprocess.run([CLI, "load", str(parquet), "--db", str(dask_db)],
                            capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    assert _contents(dask_db) == reference
