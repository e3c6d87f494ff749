"""Exports: golden files for each format, and round-trip reads by the format's own readers.

Regenerate the golden files after a deliberate change with
`RESGESTAE_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/test_export.py` and review the diff.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import geojson
import networkx as nx
import pyarrow.parquet as pq
import pytest
from fixture_events import ARTICLE, fixture_events, fixture_records

from resgestae.errors import ConfigError
from resgestae.export import FORMATS, write_events
from resgestae.export.gdelt import COLUMNS as GDELT_COLUMNS
from resgestae.store.query import as_coded

GOLDEN = Path(__file__).parent / "golden"
ARTICLES = {ARTICLE.id: {"url": ARTICLE.url, "title": ARTICLE.title, "date": ARTICLE.date,
                         "source": ARTICLE.source}}
# parquet is binary: its golden file is the schema and rows as read back
GOLDEN_NAMES = {"jsonl": "events.jsonl", "csv": "events.csv", "gdelt": "events.gdelt.tsv",
                "plover": "events.plover.jsonl", "geojson": "events.geojson",
                "graphml": "events.graphml", "parquet": "events.parquet.json",
                "gold": "events.gold.jsonl", "lexicon": "events.lexicon.tsv",
                "training": "events.training.jsonl"}


def _export(fmt: str, tmp_path: Path, records=None) -> Path:
    path = tmp_path / f"out.{fmt}"
    write_events(fixture_records() if records is None else records, fmt, path, ARTICLES)
    return path


def _text_of(fmt: str, path: Path) -> str:
    if fmt != "parquet":
        return path.read_text(encoding="utf-8")
    table = pq.read_table(path)
    dump = {"schema": str(table.schema).splitlines(), "rows": table.to_pylist()}
    return json.dumps(dump, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(fmt, tmp_path):
    text = _text_of(fmt, _export(fmt, tmp_path))
    golden = GOLDEN / GOLDEN_NAMES[fmt]
    if os.environ.get("RESGESTAE_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{fmt} output differs from {golden}"


def test_jsonl_round_trip(tmp_path):
    lines = _export("jsonl", tmp_path).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == fixture_records()


def test_parquet_round_trip(tmp_path):
    rows = pq.read_table(_export("parquet", tmp_path)).to_pylist()
    assert [as_coded(r) for r in rows] == fixture_records()
    # QuadClass and Goldstein from the CAMEO code (042: 1.9); without one, the type's root (AID 070)
    assert [(r["quad_class"], r["goldstein"]) for r in rows] == [
        (1, 1.9), (1, 2.8), (3, -7.0), (2, 7.0)]


def test_parquet_empty_keeps_schema(tmp_path):
    table = pq.read_table(_export("parquet", tmp_path, records=[]))
    assert table.num_rows == 0 and "actor" in table.schema.names


def test_csv_rows(tmp_path):
    with _export("csv", tmp_path).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [r["id"] for r in fixture_records()]
    assert rows[1]["recipient"] == "Salaheddine Namroush" and rows[1]["lat"] == "32.88743"


def test_gdelt_columns(tmp_path):
    with _export("gdelt", tmp_path).open(encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f, delimiter="\t"))
    rows = [dict(zip(GDELT_COLUMNS, line, strict=True)) for line in lines]
    assert len(GDELT_COLUMNS) == 61 and len(rows) == 4
    visit, _, threat, aid = rows
    assert visit["EventCode"] == "042" and visit["EventRootCode"] == "04"
    assert visit["QuadClass"] == "1" and threat["QuadClass"] == "3"
    assert visit["Actor1Code"] == "TURGOV" and visit["Actor2CountryCode"] == "LBY"
    assert visit["ActionGeo_FullName"] == "Tripoli" and visit["ActionGeo_Lat"] == "32.88743"
    assert visit["SQLDATE"] == "20201226" and visit["SOURCEURL"] == ARTICLE.url
    assert threat["ActionGeo_Type"] == "0" and threat["EventBaseCode"] == "138"
    # no CAMEO code: QuadClass from the PLOVER type (AID is material cooperation)
    assert aid["EventCode"] == "" and aid["QuadClass"] == "2" and aid["SQLDATE"] == "20200101"


def test_plover_fields(tmp_path):
    lines = _export("plover", tmp_path).read_text(encoding="utf-8").splitlines()
    visit = json.loads(lines[0])
    assert visit["event"] == ["CONSULT"] and visit["mode"] == ["visit"]
    assert visit["actor"][0]["code"] == "TUR" and visit["actor"][0]["entity_text"] == "Hulusi Akar"
    assert visit["event_loc"]["resolved_place"] == "Tripoli"
    assert visit["event_loc"]["country_code"] == "LBY"
    assert visit["event_text"] == ["made a trip"] and visit["cite_info"]["url"] == ARTICLE.url
    assert json.loads(lines[3])["event_loc"] is None


def test_plover_auxiliary_modes_in_context(tmp_path):
    # PLOVER_MANUAL.tex "Auxiliary modes": negation, future and hypothetical go in context
    records = fixture_records()
    records[0] = {**records[0], "factuality": "negated"}
    records[1] = {**records[1], "factuality": "future"}
    lines = _export("plover", tmp_path, records).read_text(encoding="utf-8").splitlines()
    contexts = [json.loads(line)["context"] for line in lines]
    assert "negation" in contexts[0] and "future" in contexts[1]
    assert not {"negation", "future", "hypothetical"} & set(contexts[2] + contexts[3])


def test_geojson_parses(tmp_path):
    collection = geojson.loads(_export("geojson", tmp_path).read_text(encoding="utf-8"))
    assert isinstance(collection, geojson.FeatureCollection) and collection.is_valid
    assert len(collection["features"]) == 2  # only the located events
    point = collection["features"][0]["geometry"]
    assert point["type"] == "Point" and point["coordinates"] == [13.18733, 32.88743]
    assert collection["features"][0]["properties"]["actor"] == ["Hulusi Akar"]


def test_graphml_network(tmp_path):
    graph = nx.read_graphml(_export("graphml", tmp_path))
    assert graph.is_directed()
    assert {"kb:hulusi-akar", "Khalifa Haftar", "Salaheddine Namroush", "GNA"} <= set(graph)
    # both Akar events ("Hulusi Akar" and "Akar") are one canonical node
    assert graph.nodes["kb:hulusi-akar"]["events"] == 2
    edge = graph.edges["kb:hulusi-akar", "Salaheddine Namroush"]
    assert edge["count"] == 1 and edge["count_CONSULT"] == 1 and edge["count_THREATEN"] == 0
    assert graph.edges["Khalifa Haftar", "Turkey"]["count_THREATEN"] == 1


def test_unknown_format(tmp_path):
    with pytest.raises(ConfigError, match="unknown export format 'xml'"):
        write_events([], "xml", tmp_path / "x")


def test_export_command_from_store(tmp_path, capsys):
    from resgestae.cli import main
    from resgestae.store import Store

    db = tmp_path / "events.duckdb"
    with Store(db) as store:
        store.replace_article(ARTICLE, fixture_events())
    out = tmp_path / "events.tsv"
    assert main(["export", "--format", "gdelt", "--output", str(out), "--db", str(db),
                 "--country", "TUR", "--since", "2020-12-25"]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2 and all(r[GDELT_COLUMNS.index("SOURCEURL")] == ARTICLE.url for r in rows)
    assert "wrote 2 gdelt items" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:  # argparse refuses it, with status 2
        main(["export", "--format", "csv", "--output", str(out), "--db", str(db),
              "--since", "not-a-date"])
    assert stop.value.code == 2
