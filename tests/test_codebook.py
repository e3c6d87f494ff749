"""The codebook, generated from the coder's own data: CLI (markdown, JSON) and /codebook."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from resgestae.api import create_app
from resgestae.cli import main
from resgestae.model import EVENT_TYPES
from resgestae.store import Store


def test_codebook_command(capsys):
    assert main(["codebook", "--format", "json"]) == 0
    book = json.loads(capsys.readouterr().out)
    assert [t["name"] for t in book["types"]] == list(EVENT_TYPES)
    consult = next(t for t in book["types"] if t["name"] == "CONSULT")
    assert "042" in consult["cameo_codes"] and "visit" in consult["modes"]
    assert consult["definition"].startswith("All consultations") and consult["examples"]
    assert consult["quad_class"] == 1 and consult["goldstein"] == 1.0
    assert {"COP", "UAF", "GOV"} <= {s["code"] for s in book["sectors"]}
    assert [f["value"] for f in book["factuality"]] == [
        "asserted", "negated", "future", "hypothetical"]
    assert {"confidence", "date_precision", "location.precision"} <= {
        f["field"] for f in book["fields"]}
    military = next(c for c in book["contexts"] if c["name"] == "military")
    assert military["definition"] and "army" in military["keywords"]
    assert main(["codebook"]) == 0
    text = capsys.readouterr().out
    assert all(f"### {name}" in text for name in EVENT_TYPES)


def test_codebook_page(tmp_path):
    db = tmp_path / "e.duckdb"
    Store(db).close()
    with TestClient(create_app(str(db)), client=("127.0.0.1", 5000),
                    base_url="http://127.0.0.1") as client:
        page = client.get("/codebook")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert all(f"<tr id='{name}'>" in page.text for name in EVENT_TYPES)
