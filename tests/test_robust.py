"""Nothing stops a batch, nothing is lost in silence: the real CLI and server on bad input.

The batch of `bad_items` (40+ kinds of bad file, folder and JSONL line among good
articles) through `resgestae code`; bad stdin; one bad article among good ones in
`POST /v1/articles`; store faults; option values.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from bad_items import SHORT_GOOD, check, make_batch  # noqa: E402
from server_helpers import Server  # noqa: E402

from resgestae.store import Store  # noqa: E402

CLI = str(Path(sys.executable).with_name("resgestae"))
GOOD = [{"id": f"good-{n}", "date": f"2020-01-{n + 1:02d}",
         "text": f"Police arrested {n + 3} protesters outside the ministry in Cairo on Monday, "
                 "and the interior minister met opposition leaders on Tuesday."}
        for n in range(6)]


def _code(*args: str, stdin: bytes | None = None,
          timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, RESGESTAE_DB="/nonexistent/unused.duckdb")
    return subprocess.run([CLI, "code", *args], input=stdin, capture_output=True, timeout=timeout,
                          env=env)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("robust")
    bad, good = make_batch(root / "in", GOOD)
    db = root / "s.duckdb"
    done = _code(str(root / "in"), "--db", str(db), "--workers", "1", "--format", "jsonl",
                 "--date", "2020-01-01")
    return root, bad, good, db, done


def test_every_bad_item_named_with_its_reason(batch):
    _, bad, _, _, done = batch
    stderr = done.stderr.decode()
    assert len(bad) >= 40
    result = check(stderr, bad)
    assert not result["missed"] and not result["wrong_reason"] and not result["extra"], result
    assert "Traceback" not in stderr and done.returncode == 1


def test_no_good_item_lost_and_counts_match_the_store(batch):
    _, _, good, db, done = batch
    summary = done.stderr.decode().strip().splitlines()[-1]
    with Store(db, read_only=True) as store:
        held = store.stats()["articles"]
        ids = set(store.article_ids())
    assert held == good and f"{good} articles coded" in summary, summary
    assert {g["id"] for g in GOOD[len(GOOD) // 3:]} | {"surrogate"} <= ids  # the JSONL ones
    assert "1 hidden files or folders not read" in done.stderr.decode()


def test_names_are_escaped(batch):
    stderr = batch[-1].stderr.decode()
    assert "line\\x0abreak\\x1b[31m.txt" in stderr and "\x1b" not in stderr.replace("\x1b[", "")
    assert "latin-\\xe9-name.txt" in stderr


def test_recoding_an_id_with_new_text_says_replaced(tmp_path):
    db, data = tmp_path / "s.duckdb", tmp_path / "a.jsonl"
    data.write_text(json.dumps({"id": "same", "text": SHORT_GOOD, "date": "2020-01-01"}) + "\n")
    assert _code(str(data), "--db", str(db), "--workers", "1").returncode == 0
    data.write_text(json.dumps({"id": "same", "text": SHORT_GOOD.replace("twelve", "eight"),
                                "date": "2020-01-01"}) + "\n")
    done = _code(str(data), "--db", str(db), "--workers", "1")
    assert done.returncode == 0 and "resgestae: replaced" in done.stderr.decode()
    with Store(db, read_only=True) as store:
        assert "eight" in store.article("same")["text"]


def test_stdin_without_newlines_is_capped(tmp_path):
    done = _code("-", "--no-store", stdin=b"a" * (4_000_010), timeout=120)
    assert done.returncode == 1 and b"too long" in done.stderr and b"Traceback" not in done.stderr


def test_stdin_surrogate_line_is_coded(tmp_path):
    line = b'{"id": "s1", "text": "Police arrested ten protesters in Cairo on Monday \\ud800."}\n'
    done = _code("-", "--db", str(tmp_path / "s.duckdb"), "--date", "2020-01-01", stdin=line)
    assert done.returncode == 0, done.stderr.decode()


@pytest.mark.parametrize("option", [["--chunk-size", "-1"], ["--workers", "0"],
                                    ["--partition-size", "0"]])
def test_bad_option_values_are_one_error(tmp_path, option):
    (tmp_path / "a.txt").write_text(SHORT_GOOD)
    done = _code(str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb"), *option)
    assert done.returncode == 2 and b"must be at least 1" in done.stderr
    assert b"Traceback" not in done.stderr


def _store_with_one(db: Path) -> None:
    (db.parent / "a.txt").write_text(SHORT_GOOD)
    assert _code(str(db.parent / "a.txt"), "--db", str(db), "--date", "2020-01-01",
                 "--workers", "1").returncode == 0


@pytest.mark.parametrize("damage", ["truncate", "garbage", "foreign", "folder"])
def test_damaged_or_foreign_store_is_one_error_and_left_alone(tmp_path, damage):
    db = tmp_path / "s.duckdb"
    if damage == "folder":
        db.mkdir()
    elif damage == "foreign":
        with duckdb.connect(str(db)) as con:
            con.execute("CREATE TABLE invoices (n INTEGER)")
    else:
        _store_with_one(db)
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 3] if damage == "truncate"
                       else data[:4096] + os.urandom(len(data) - 4096))
    before = db.read_bytes() if db.is_file() else None
    (tmp_path / "b.txt").write_text(SHORT_GOOD.replace("twelve", "six"))
    done = _code(str(tmp_path / "b.txt"), "--db", str(db), "--date", "2020-01-01")
    assert done.returncode == 2 and b"resgestae: error:" in done.stderr, done.stderr
    assert b"Traceback" not in done.stderr
    if before is not None:
        assert db.read_bytes() == before  # refused, never altered


def test_damaged_parquet_folder_is_one_error(tmp_path):
    folder = tmp_path / "pq"
    folder.mkdir()
    (folder / "manifest.json").write_text("{not json")
    done = subprocess.run([CLI, "load", str(folder), "--db", str(tmp_path / "s.duckdb")],
                          capture_output=True, timeout=120)
    assert done.returncode == 2 and b"resgestae: error:" in done.stderr, done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("manifest", [None, "{not json"])
def test_load_refuses_a_folder_that_is_no_run_before_touching_the_store(tmp_path, manifest):
    folder = tmp_path / "pq"
    folder.mkdir()
    if manifest is not None:
        (folder / "manifest.json").write_text(manifest)
    new_db, old_db = tmp_path / "new.duckdb", tmp_path / "old.duckdb"
    _store_with_one(old_db)
    before = old_db.read_bytes()
    for db in (new_db, old_db):
        done = subprocess.run([CLI, "load", str(folder), "--db", str(db)],
                              capture_output=True, timeout=120)
        assert done.returncode == 2 and b"resgestae: error:" in done.stderr, done.stderr
    assert not new_db.exists()  # no empty store left behind
    assert old_db.read_bytes() == before


def _closed_within(sock, seconds: float, dribble: bytes) -> bool:
    """Send `dribble` a byte at a time; True once the server closes the connection."""
    import time

    deadline = time.monotonic() + seconds
    for byte in dribble:
        if time.monotonic() > deadline:
            return False
        try:
            sock.sendall(bytes([byte]))
            sock.settimeout(0.2)
            if sock.recv(65536) == b"":
                return True
        except TimeoutError:
            continue
        except OSError:
            return True
    return False


@pytest.mark.parametrize("first", [False, True])
def test_slow_request_headers_are_cut_off(tmp_path, monkeypatch, first):
    import socket

    with Store(tmp_path / "s.duckdb"):
        pass
    monkeypatch.setenv("RESGESTAE_HEADER_TIMEOUT", "1")
    server = Server(tmp_path / "s.duckdb")
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
            if first:  # one good request on the connection, then slow headers
                sock.sendall(b"GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                assert sock.recv(65536).startswith(b"HTTP/1.1 200")
            slow = b"GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: " + b"a" * 60
            assert _closed_within(sock, 8.0, slow)
        assert httpx.get(server.url + "/v1/stats").status_code == 200  # others still served
    finally:
        server.stop()


def test_api_one_bad_article_among_good_ones(tmp_path):
    with Store(tmp_path / "s.duckdb"):  # an empty store to serve
        pass
    server = Server(tmp_path / "s.duckdb", token="t0ken")
    try:
        body = [{"id": "a1", "text": SHORT_GOOD, "date": "2020-01-01"},
                {"id": "a2", "text": "Troops shelled the town \ud800 near Homs on Friday."},
                {"id": "a3", "text": 7},
                {"id": "a1", "text": "Another text."},
                {"id": "a4", "text": "word " * 200_001}]
        raw = json.dumps(body).encode()  # \ud800 goes out as a JSON escape, as a client sends it
        reply = httpx.post(server.url + "/v1/articles", content=raw, timeout=120,
                           headers={"Authorization": "Bearer t0ken",
                                    "Content-Type": "application/json"})
        assert reply.status_code == 413 or reply.status_code == 200, reply.text
        if reply.status_code == 413:  # over the body limit: send the others
            raw = json.dumps(body[:4]).encode()
            reply = httpx.post(server.url + "/v1/articles", content=raw, timeout=120,
                               headers={"Authorization": "Bearer t0ken",
                                        "Content-Type": "application/json"})
        assert reply.status_code == 200, reply.text
        result = reply.json()
        assert {s["id"] for s in result["stored"]} == {"a1", "a2"}
        sent = len(json.loads(raw))
        assert {e["item"] for e in result["errors"]} == {f"article {n}" for n in range(3, sent + 1)}
        for raw in (b"[" * 50_000 + b"]" * 50_000, b'{"id": ' + b"9" * 5000 + b"}"):
            bad = httpx.post(server.url + "/v1/articles", content=raw, timeout=30,
                             headers={"Authorization": "Bearer t0ken",
                                      "Content-Type": "application/json"})
            assert bad.status_code == 400, bad.text
        for query in ("cursor=%ff%fe", "cursor=" + "9" * 390, "since=2020-13-45",
                      "limit=" + "9" * 5000):
            got = httpx.get(f"{server.url}/v1/events?{query}", timeout=30)
            assert 400 <= got.status_code < 500, (query, got.text)
        rebinding = httpx.get(server.url + "/v1/stats", headers={"Host": "evil.example"})
        assert rebinding.status_code == 400
    finally:
        server.stop()


def test_full_disk_is_one_error_and_the_rerun_goes_on(tmp_path):
    import resource
    import signal

    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from corpus import write_corpus

    corpus, db = write_corpus(tmp_path / "c.jsonl", 30), tmp_path / "s.duckdb"

    def small_disk() -> None:  # writes past 150 kB fail as on a full disk (EFBIG)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))

    command = [CLI, "code", str(corpus), "--db", str(db), "--workers", "1", "--chunk-size", "4",
               "-o", os.devnull]
    full = subprocess.run(command, capture_output=True, text=True, timeout=600,
                          preexec_fn=small_disk)
    assert full.returncode == 2 and "the disk is full" in full.stderr, full.stderr
    assert "Traceback" not in full.stderr
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "already stored" in done.stderr, done.stderr
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 30


def test_html_without_date_metadata_keeps_the_given_date(tmp_path):
    from resgestae.config import Config
    from resgestae.readers import read_inputs
    from resgestae.readers.clean import prepare_article

    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>Protesters marched in the capital on Tuesday to "
                    "mark the anniversary of a 2011 uprising, and police watched from side "
                    "streets.</p><p>Officials said the march was peaceful and that nobody was "
                    "arrested during the day.</p></article></body></html>")
    [article] = list(read_inputs([str(page)]))
    assert article.date is None
    assert prepare_article(article, Config(default_date="2023-05-02")).date == "2023-05-02"


def test_unicode_spaces_code_as_plain_spaces(shared):
    from resgestae.session import code_text

    case = (shared / "cases" / "bugreports" / "17-nbsp-plain-text.txt").read_text("utf-8")
    plain = "".join(" " if c in "\u00a0\u2009\u202f" else c for c in case)
    with_nbsp = [(e.event_type, e.location.name if e.location else None)
                 for e in code_text(case, "2022-03-01")]
    assert with_nbsp == [(e.event_type, e.location.name if e.location else None)
                         for e in code_text(plain, "2022-03-01")]
    assert with_nbsp


def test_run_on_sentence_is_cut_and_linear():
    import time

    from resgestae.nlp import MAX_SENTENCE, load_nlp

    nlp = load_nlp()
    clause = "troops shelled the town and rebels attacked a convoy near the border and "
    small, big = clause * 100, clause * 400
    started = time.perf_counter()
    nlp(small)
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    doc = nlp(big)
    t_big = time.perf_counter() - started
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE + 1
    assert t_big < 8 * t_small + 1.0  # 4x the text, well under 16x the time


@pytest.mark.parametrize("command", [["events"], ["serve", "--port", "8"],
                                     ["code", "IN", "--workers", "1"]])
def test_locked_store_is_one_error(tmp_path, command):
    db = tmp_path / "s.duckdb"
    with Store(db):
        pass
    (tmp_path / "a.txt").write_text(SHORT_GOOD)
    command = [str(tmp_path / "a.txt") if c == "IN" else c for c in command]
    if command[0] == "serve":
        command[command.index("8")] = "18765"
    env = dict(os.environ, RESGESTAE_LOCK_WAIT="1")
    with duckdb.connect(str(db)):  # another process writing, for longer than the wait
        done = subprocess.run([CLI, *command, "--db", str(db)], capture_output=True, text=True,
                              timeout=300, env=env)
    assert done.returncode == 2 and "in use by another process" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_extensions_never_autoload(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        settings = dict(store.con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN "
            "('autoinstall_known_extensions', 'autoload_known_extensions')").fetchall())
    assert settings == {"autoinstall_known_extensions": "false",
                        "autoload_known_extensions": "false"}


def test_dask_path_names_bad_items_and_keeps_good_ones(tmp_path):
    lines = [json.dumps(g) for g in GOOD[:2]]
    lines += ['{"id": "x", "text": "cut', json.dumps(GOOD[0]),
              '{"id": "s", "text": "Police arrested ten people in Lima on Friday \\ud800."}']
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    done = _code(str(tmp_path / "in.jsonl"), "--dask-workers", "1", "--parquet-dir",
                 str(tmp_path / "pq"), "--db", str(tmp_path / "s.duckdb"))
    stderr = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in stderr, stderr
    found = check(stderr, {f"{tmp_path / 'in.jsonl'}:3": "JSON",
                           f"{tmp_path / 'in.jsonl'}:4": "duplicate"})
    assert not found["missed"] and not found["extra"] and not found["wrong_reason"], found
    assert "3 articles coded" in stderr
