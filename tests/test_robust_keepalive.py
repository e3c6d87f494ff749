"""Issue 13 gaps: slow headers on a kept-alive connection, and `load` on a folder
that is no run folder (refused before the store file is created or touched)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

from server_helpers import Server

from resgestae.store import Store


def _recv_until_closed(sock: socket.socket, limit: float) -> tuple[bytes, bool]:
    """Everything the server sends within `limit` s, and whether it closed the connection."""
    data, deadline = b"", time.monotonic() + limit
    sock.settimeout(0.2)
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except ConnectionResetError:
            return data, True
        if not chunk:
            return data, True
        data += chunk
    return data, False


def test_slow_headers_on_kept_alive_connection_are_cut_off(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    with Store(str(db)):
        pass
    monkeypatch.setenv("RESGESTAE_HEADER_TIMEOUT", "2.0")
    server = Server(db)
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
            # good requests, each sent 0.4 s after the last answer: the connection outlives
            # the 2 s header deadline, which must count from the last answer, not from opening
            for attempt in range(4):
                time.sleep(0.4)
                sock.sendall(b"GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                answer, closed = _recv_until_closed(sock, 0.5)
                assert answer.startswith(b"HTTP/1.1 200"), (attempt, closed, answer[:200])
                assert not closed  # kept alive after a good request
            # dribble the next request's headers, one byte every 0.2 s, never finishing
            start, cut = time.monotonic(), False
            for byte in b"GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 40:
                try:
                    sock.sendall(bytes([byte]))
                except (BrokenPipeError, ConnectionResetError):
                    cut = True
                    break
                _, cut = _recv_until_closed(sock, 0.2)
                if cut:
                    break
            assert cut, "a client dribbling headers on a kept-alive connection was never cut off"
            assert time.monotonic() - start < 6.0
    finally:
        server.stop()


def _load(folder, db) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from resgestae.cli import main; sys.exit(main())",
         "load", str(folder), "--db", str(db)],
        capture_output=True, text=True, timeout=120)


def test_load_refuses_a_folder_without_manifest_before_creating_the_store(tmp_path):
    folder = tmp_path / "not_a_run"
    folder.mkdir()
    (folder / "notes.txt").write_text("no manifest here\n")
    db = tmp_path / "new.duckdb"
    result = _load(folder, db)
    assert result.returncode != 0
    assert "manifest.json" in result.stderr and str(folder) in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()
    assert not db.with_name(db.name + ".wal").exists()


def test_load_leaves_an_existing_store_byte_for_byte_unchanged(tmp_path):
    db = tmp_path / "old.duckdb"
    with Store(str(db)):
        pass
    before = db.read_bytes()
    missing = tmp_path / "no_such_folder"
    result = _load(missing, db)
    assert result.returncode != 0 and "manifest.json" in result.stderr
    assert db.read_bytes() == before
