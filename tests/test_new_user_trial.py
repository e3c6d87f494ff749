"""What a new user ran into trying the product as the README tells it: each a clear error
naming the option or field and the reason, never a store error or a silently dropped value.
Real store file (fixture events), real CLI entry point, the real app over TestClient."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from fixture_events import fixture_store

from resgestae.api import create_app
from resgestae.cli import main
from resgestae.store import Store

LOOPBACK = ("127.0.0.1", 50000)


@pytest.fixture()
def db(tmp_path):
    return fixture_store(tmp_path)


@pytest.mark.parametrize("argv", [
    ["events", "--limit", "-1"],
    ["events", "--offset", "-5"],
    ["actors", "--limit", "-2"],
])
def test_negative_counts_are_usage_errors_naming_the_option(db, argv, capsys):
    # before: events said "the store cannot be used: Binder Error: LIMIT/OFFSET cannot be
    # negative", and actors --limit -1 silently dropped the last row
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--db", str(db)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {argv[1]}: {argv[2]} is negative" in err
    assert "store" not in err


def test_eval_refuses_a_negative_misses_count(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "gold.jsonl", "--misses", "-1"])
    assert "argument --misses: -1 is negative" in capsys.readouterr().err


def test_zero_and_positive_counts_still_work(db, capsys):
    total = len(Store(db, read_only=True).events())
    assert main(["events", "--db", str(db), "--format", "jsonl", "--limit", "0"]) == 0
    assert capsys.readouterr().out.strip() == ""
    assert main(["events", "--db", str(db), "--format", "jsonl", "--offset", "1"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == total - 1


@pytest.mark.parametrize("date", ["2023-02-30", "2023-13-01", "2023-05", "2023"])
def test_code_endpoint_refuses_a_date_that_is_no_calendar_day(db, date):
    # before: these matched the pattern, were 200 and coded with no date at all
    with TestClient(create_app(str(db)), client=LOOPBACK, base_url="http://127.0.0.1") as client:
        response = client.post("/v1/code", json={"text": "Police arrested him.", "date": date})
        assert response.status_code == 422, response.text
        assert response.json()["error"]["code"] == "invalid_request"
        message = response.json()["error"]["message"]
        assert "[E007]" in message and repr(date) in message
        plain = client.post("/v1/code", params={"date": date}, content="Police arrested him.",
                            headers={"content-type": "text/plain"})
        assert plain.status_code == 422, plain.text


def test_code_endpoint_dates_events_from_a_valid_day(db):
    with TestClient(create_app(str(db)), client=LOOPBACK, base_url="http://127.0.0.1") as client:
        response = client.post("/v1/code", json={"text": "Police arrested a journalist on Monday.",
                                                  "date": "2023-05-10"})
        assert response.status_code == 200, response.text
        events = response.json()["events"]
        assert events and events[0]["date"] == "2023-05-08"  # the Monday before Wednesday


def test_code_text_refuses_a_bad_date_and_reads_a_good_one():
    from resgestae import code_text
    from resgestae.errors import InputError

    with pytest.raises(InputError, match=r"\[E007\] 'date' '2020-13-45' is not a date"):
        code_text("Police arrested a journalist on Monday.", date="2020-13-45")
    events = code_text("Police arrested a journalist on Monday.", date="2023-05-10T09:00Z")
    assert events and events[0].date == "2023-05-08"


def test_spacy_component_refuses_a_bad_date_at_add_pipe():
    import spacy

    import resgestae.components  # noqa: F401  (registers the factories)
    from resgestae.errors import ConfigError

    nlp = spacy.blank("en")
    with pytest.raises(ConfigError, match="'date' '2020-13-45' is not a date"):
        nlp.add_pipe("resgestae_events", config={"date": "2020-13-45"})


@pytest.mark.parametrize("argv", [
    ["events", "--db", "{db}"],
    ["code", "{text}", "--no-store", "--workers", "1"],
    ["codebook"],
    ["eval", "{text}"],
])
def test_an_unwritable_output_is_one_error_naming_it_before_any_work(db, tmp_path, argv, capsys):
    # before: events, code, codebook and eval raised FileNotFoundError with a traceback
    # (eval only after scoring the whole gold file)
    text = tmp_path / "a.txt"
    text.write_text("Police arrested a journalist in Minsk.\n", encoding="utf-8")
    target = tmp_path / "no-such-folder" / "out.txt"
    args = [a.format(db=db, text=text) for a in argv]
    assert main([*args, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"{target}: cannot write: No such file or directory" in err
    assert "Traceback" not in err and not target.parent.exists()


def test_code_output_dash_is_stdout(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # before: `-o -` wrote a file named "-" here
    text = tmp_path / "a.txt"
    text.write_text("Police arrested a journalist in Minsk on Monday.\n", encoding="utf-8")
    assert main(["code", str(text), "--no-store", "--workers", "1", "--date", "2023-05-10",
                 "--format", "jsonl", "-o", "-"]) == 0
    assert '"event_type": "COERCE"' in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


def test_correcting_an_unknown_event_names_it_whole(db, capsys):
    # before: "no event 'nosuch" (the closing quote stripped with KeyError's)
    assert main(["correct", "nosuch", "--db", str(db), "--wrong"]) == 2
    assert capsys.readouterr().err.strip().endswith("no event 'nosuch'")


def test_export_help_names_every_format_it_takes():
    from resgestae.cli import COMMANDS
    from resgestae.cli.export_cmd import FORMATS

    # before: gold, lexicon and training were choices the description did not name
    assert all(name in COMMANDS["export"] for name in FORMATS)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_text_with_a_byte_order_mark_is_read(tmp_path, encoding, capsys):
    # before: Windows "Unicode" text was refused as "binary file (NUL bytes)"
    path = tmp_path / "windows.txt"
    body = "French police arrested a suspect in Lyon on Monday.\r\n"
    data = body.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + body.encode(encoding)
    path.write_bytes(data)
    assert main(["code", str(path), "--no-store", "--workers", "1", "--date", "2023-05-10",
                 "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert '"event_type": "COERCE"' in out and '"date": "2023-05-08"' in out


def test_a_utf16_mark_on_bytes_that_are_not_utf16_is_one_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfeA\x00\x00\xd8")  # a lone high surrogate
    good = tmp_path / "good.txt"
    good.write_text("Police arrested a journalist in Minsk.\n", encoding="utf-8")
    assert main(["code", str(bad), str(good), "--no-store", "--workers", "1",
                 "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert "bad.txt: [E004] undecodable bytes: a UTF-16 byte order mark, but not UTF-16" \
        in captured.err
    assert '"event_type": "COERCE"' in captured.out


def test_a_closed_output_pipe_is_one_line_not_a_traceback(db):
    import subprocess
    import sys

    # `resgestae events | head -1`: before, a BrokenPipeError traceback
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from resgestae.cli import main; sys.exit(main())",
         "events", "--db", str(db), "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first record is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in err and "broken pipe" in err


def test_table_output_shows_the_longest_plover_modes_whole() -> None:
    import io

    from resgestae.cli.output import _write_table

    out = io.StringIO()
    rows = [{"event_type": "ASSAULT", "mode": "crowd-control"},
            {"event_type": "ASSAULT", "mode": "heavy-weapons"}]
    assert _write_table(iter(rows), out) == 2
    text = out.getvalue()
    assert "crowd-control " in text and "heavy-weapons " in text


def test_serve_on_a_busy_port_is_one_error(tmp_path, capsys) -> None:
    import socket

    from resgestae.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        db = tmp_path / "s.duckdb"
        assert main(["serve", "--db", str(db), "--create", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"--port {port}: cannot listen there" in err and err.count("\n") == 1
    assert not db.exists()  # refused before the store was made
