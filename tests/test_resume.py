"""Kill a real `resgestae code` run (kill -9, Ctrl-C), run it again, compare with a clean run."""

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
N_ARTICLES = 120
KILL_AFTER = 20  # articles stored before the kill


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
            "--format", "jsonl", "--output", os.devnull]


def snapshot(db: Path) -> dict[str, object]:
    """What a run leaves in the store: articles (how often each is stored), events, mentions."""
    with Store(db, read_only=True) as store:
        con = store.con
        articles = con.execute("SELECT id, count(*) FROM articles GROUP BY id").fetchall()
        events = con.execute(
            "SELECT id, article_id, mentions, article_ids, record FROM events").fetchall()
        mentions = con.execute(
            "SELECT event_id, article_id, count, mention_id, record FROM mentions").fetchall()
        return {"articles": sorted(articles),
                "events": sorted((*e[:4], _stable(e[4])) for e in events),
                "mentions": sorted((*m[:4], _stable(m[4])) for m in mentions)}


def _stable(record_json: str) -> str:
    # the schema documents a stored record's mentions/article_ids as stale: leave them out
    if not record_json:
        return ""
    record = json.loads(record_json)
    record.pop("mentions", None)
    record.pop("article_ids", None)
    return json.dumps(record, sort_keys=True)


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
    assert all(count == 1 for _, count in final["articles"])
    assert len(final["articles"]) == N_ARTICLES
    assert final == reference
