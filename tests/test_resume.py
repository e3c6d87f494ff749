"""Kill a real `resgestae code` run (kill -9, Ctrl-C), run it again, compare with a clean run.

Events are compared article by article (how many each article gave), not event
by event: the actor KB learns from the articles in the order each process sees
them, so which reports merge into one event depends on how the corpus was split
among processes, which a killed and resumed run cannot reproduce.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from resgestae.store import Store

ROOT = Path(__file__).resolve().parents[1]
RESGESTAE = Path(sys.executable).with_name("resgestae")
N_ARTICLES = 60
CHUNK = 4  # articles per task and per transaction
KILL_AFTER = 12  # articles stored before the kill


def write_corpus(path: Path, n: int) -> Path:
    """Small distinct articles: two paragraphs of the sample and a unique reference each."""
    text = (ROOT / "samples" / "seed-article.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = [paragraphs[i % len(paragraphs)], paragraphs[(i * 7 + 3) % len(paragraphs)]]
            record = {"id": f"r{i:04d}", "date": f"2020-12-{1 + i % 28:02d}",
                      "text": "\n\n".join(body) + f"\n\nReference RG{i:05d}."}
            out.write(json.dumps(record) + "\n")
    return path


def command(corpus: Path, db: Path, workers: int) -> list[str]:
    return [str(RESGESTAE), "code", str(corpus), "--db", str(db), "--workers", str(workers),
            "--chunk-size", str(CHUNK), "--format", "jsonl", "--output", os.devnull]


def snapshot(db: Path) -> dict[str, object]:
    """What a run leaves in the store: articles (how often each is stored), events, mentions."""
    queries = {
        "articles": "SELECT id, count(*) FROM articles GROUP BY id",
        "n_events": "SELECT id, n_events, content_hash FROM articles",
        "coded_at": "SELECT id, coded_at FROM articles",
        "mentions": "SELECT article_id, mention_id, count FROM mentions",
        "twice": "SELECT id FROM events GROUP BY id HAVING count(*) > 1 UNION ALL "
                 "SELECT event_id FROM mentions GROUP BY event_id, article_id HAVING count(*) > 1",
    }
    with Store(db, read_only=True) as store:
        return {name: sorted(store.con.execute(sql).fetchall()) for name, sql in queries.items()}


def run_until(cmd: list[str], stored: int, sig: int) -> tuple[int, list[int]]:
    """Start `cmd`, send `sig` once the progress bar shows `stored` articles; its exit code."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            start_new_session=True)
    seen, buffer = 0, b""
    deadline = time.monotonic() + 240
    while seen < stored and time.monotonic() < deadline:
        chunk = proc.stderr.read1(4096)
        if not chunk:
            break
        buffer = (buffer + chunk)[-4096:]
        counts = re.findall(rb"coding: (\d+)article", buffer)
        seen = int(counts[-1]) if counts else 0
    children = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)]
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)  # Ctrl-C goes to the whole foreground group
    else:
        proc.send_signal(sig)
    code = proc.wait(timeout=60)
    proc.stderr.close()  # workers may still hold the pipe; never read it to its end
    return code, children


def wait_gone(pids: list[int], timeout: float = 15.0) -> list[int]:
    """Pids still alive (and not zombies) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.3)
        alive = [p for p in alive if psutil.pid_exists(p)
                 and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    return alive


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("resume") / "corpus.jsonl", N_ARTICLES)


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict[str, object]:
    db = corpus.with_name("reference.duckdb")
    subprocess.run(command(corpus, db, 1), check=True, capture_output=True, timeout=600)
    return snapshot(db)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_killed_run_resumes_without_duplicates_or_losses(corpus, reference, tmp_path, sig):
    db = tmp_path / "resumed.duckdb"
    code, children = run_until(command(corpus, db, 2), KILL_AFTER, sig)
    assert code == (-signal.SIGKILL if sig == signal.SIGKILL else 130)
    assert not wait_gone(children), "worker processes outlived the killed run"

    partial = snapshot(db)
    assert KILL_AFTER <= len(partial["articles"]) < N_ARTICLES

    rerun = subprocess.run(command(corpus, db, 2), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = rerun.stderr.strip().splitlines()[-1]
    coded, before = re.search(r"(\d+) articles coded.*, (\d+) already stored", summary).groups()
    assert int(before) == len(partial["articles"])  # nothing stored was coded again
    assert int(coded) + int(before) == N_ARTICLES

    final = snapshot(db)
    assert final["articles"] == reference["articles"]  # every article, each stored once
    assert final["n_events"] == reference["n_events"]  # each gave the events a clean run gives
    assert final["twice"] == []  # no event or mention stored twice
    assert set(partial["coded_at"]) <= set(final["coded_at"])  # stored ones were not re-coded
    assert set(partial["mentions"]) <= set(final["mentions"])
