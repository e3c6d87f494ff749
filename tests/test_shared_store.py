"""`resgestae serve --db S` running while `resgestae code/events/export --db S` work on
the same file (the real server on 127.0.0.1, the real CLI); new events show in the
API within seconds; killing either process loses and doubles nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server_helpers import Server  # noqa: E402

CLI = str(Path(sys.executable).with_name("resgestae"))
PLACES = ["Cairo", "Nairobi", "Lagos", "Lima", "Quito", "Dhaka", "Manila", "Bogota"]


def _articles(path: Path, start: int, n: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            place = PLACES[i % len(PLACES)]
            text = (f"Police arrested {i + 2} protesters outside the parliament in {place} on "
                    f"Monday. The interior minister met opposition leaders on Tuesday.")
            out.write(json.dumps({"id": f"a{i:03d}", "date": f"2021-03-{1 + i % 27:02d}",
                                  "text": text}) + "\n")
    return path


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout)


def _held(db: Path) -> tuple[int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return (con.execute("SELECT count(*) FROM articles").fetchone()[0],
                con.execute("SELECT count(*) FROM events").fetchone()[0])


def _api_total(url: str) -> int:
    return httpx.get(url + "/v1/stats", timeout=30).json()["total"]


@pytest.fixture
def served(tmp_path):
    db = tmp_path / "s.duckdb"
    first = _cli("code", str(_articles(tmp_path / "first.jsonl", 0, 4)), "--db", str(db),
                 "--workers", "1")
    assert first.returncode == 0, first.stderr
    server = Server(db)
    yield tmp_path, db, server
    server.stop()


def test_code_events_export_while_serving(served):
    tmp_path, db, server = served
    before = _api_total(server.url)
    reads: list[int] = []
    stop = threading.Event()

    def hammer() -> None:  # the page polling while the CLI writes
        while not stop.is_set():
            reply = httpx.get(server.url + "/v1/events?limit=5", timeout=60)
            reads.append(reply.status_code)

    thread = threading.Thread(target=hammer)
    thread.start()
    try:
        done = _cli("code", str(_articles(tmp_path / "more.jsonl", 4, 20)), "--db", str(db),
                    "--workers", "1", "--chunk-size", "4")
    finally:
        stop.set()
        thread.join()
    assert done.returncode == 0, done.stderr
    assert reads and set(reads) == {200}
    deadline = time.monotonic() + 10
    while _api_total(server.url) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    listed = _cli("events", "--db", str(db), "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    exported = _cli("export", "--db", str(db), "--format", "jsonl", "-o",
                    str(tmp_path / "out.jsonl"))
    assert exported.returncode == 0, exported.stderr
    total = _api_total(server.url)
    assert total > before
    assert total == len(listed.stdout.splitlines())
    assert total == len((tmp_path / "out.jsonl").read_text().splitlines())


def test_killing_either_loses_and_doubles_nothing(served):
    tmp_path, db, server = served
    more = _articles(tmp_path / "more.jsonl", 4, 24)
    out = tmp_path / "partial.jsonl"
    proc = subprocess.Popen([CLI, "code", str(more), "--db", str(db), "--workers", "1",
                             "--chunk-size", "4", "--format", "jsonl", "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    while proc.poll() is None and not (out.exists() and out.stat().st_size):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI dies between two chunks' writes
    proc.wait()
    assert _api_total(server.url) > 0  # the server reads on
    server.proc.send_signal(signal.SIGKILL)  # and now the server dies
    server.proc.wait()
    done = _cli("code", str(more), "--db", str(db), "--workers", "1", "--chunk-size", "4")
    assert done.returncode == 0, done.stderr
    clean = tmp_path / "clean.duckdb"
    for path in (tmp_path / "first.jsonl", more):
        assert _cli("code", str(path), "--db", str(clean), "--workers", "1").returncode == 0
    assert _held(db) == _held(clean)
