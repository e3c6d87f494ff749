"""Coded error messages: every error carries a code a user can search for."""

from __future__ import annotations

import re

import pytest

from resgestae.cli import main
from resgestae.errors import ConfigError, Errors, InputError, StoreError
from resgestae.store import Store


def test_catalogue_codes_are_unique_and_shown():
    codes = [name for name in vars(Errors) if re.fullmatch(r"E\d{3}", name)]
    assert len(codes) == len(set(codes)) >= 30
    for code in codes:
        assert getattr(Errors, code).startswith(f"[{code}] ")


def test_input_error_keeps_item_code_and_reason_apart():
    error = InputError("news.jsonl:3", Errors.E005.format(why="Expecting value at column 1"))
    assert str(error) == "news.jsonl:3: [E005] not valid JSON: Expecting value at column 1"
    assert (error.item, error.code) == ("news.jsonl:3", "E005")
    assert error.reason == "not valid JSON: Expecting value at column 1"
    again = InputError(error.item, error.coded)  # as a worker's outcome brings it back
    assert str(again) == str(error)
    assert InputError("x", "something new").code == "E099"  # the class's general code
    assert str(ConfigError("odd setting")) == "[E199] odd setting"


def test_store_errors_are_coded(tmp_path):
    with pytest.raises(StoreError, match=r"^\[E201\] .*no store there yet") as found:
        Store(tmp_path / "none.duckdb", read_only=True)
    assert found.value.code == "E201"


def test_the_command_line_shows_the_code(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Kenya accused Uganda."}\n{not json\n', encoding="utf-8")
    status = main(["code", str(bad), "--no-store", "--workers", "1", "--db",
                   str(tmp_path / "none.duckdb"), "--format", "jsonl"])
    assert status == 1
    err = capsys.readouterr().err
    assert f"resgestae: skipped {bad}:2: [E005] not valid JSON" in err
