"""The server's read index answers exactly what the direct queries answer, on a store big
enough for ties everywhere (6,000 generated events over 5,000 actors: the benchmark's
generator, benchmarks/api.py), for every filter, and again after a write and after a
correction (the index rebuilt, as the server does after each)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
from fixture_events import ARTICLE, fixture_events

from resgestae.store import Store, browse, corrections, read_index


def _bench():
    """benchmarks/api.py as a module, loaded by path: putting benchmarks/ on sys.path would
    shadow packages (its dask.py) for every process the test session starts after."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "api.py"
    spec = importlib.util.spec_from_file_location("resgestae_bench_api", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _bench()

EVENTS = 6_000


def _filters() -> list[dict]:
    """One filter set per shape the API takes, old and new filters, with random values."""
    rng = random.Random(11)
    shapes = [
        {}, {"country": "TUR"}, {"event_type": "ACCUSE"}, {"actor": "person 12"},
        {"country": "LBY", "event_type": "ASSAULT"}, {"since": "2020-03", "until": "2020-05"},
        {"place_country": "SYR"}, {"place": "place 3"}, {"factuality": "negated"},
        {"factuality": "asserted", "event_type": "CONSULT"}, {"min_confidence": 0.9},
        {"text": "met person 4"}, {"article": "a17"}, {"article": "https://example.org/a23"},
        {"until": "2019-06", "country": "USA"}, {"place_country": "TUR"},  # TUR: no fill place
        {"text": "no such words"},
    ]
    return shapes + [{"country": rng.choice(bench.COUNTRIES),
                      "min_confidence": rng.randint(1, 9) / 10} for _ in range(3)]


def _same(con) -> None:
    for filters in _filters():
        assert browse.stats(con, filters, indexed=True) == browse.stats(con, filters), filters
        assert browse.places(con, filters, limit=50, indexed=True) == \
            browse.places(con, filters, limit=50), filters
        for name in (None, "person 1"):
            assert browse.actors(con, filters, name=name, limit=30, indexed=True) == \
                browse.actors(con, filters, name=name, limit=30), (filters, name)
        for by in ("actor", "country"):
            for limit in (3, 40):
                assert browse.network(con, filters, limit, indexed=True, by=by) == \
                    browse.network(con, filters, limit, by=by), (filters, by, limit)
        first, cursor = browse.page_events(con, filters, None, 30, indexed=True)
        assert (first, cursor) == browse.page_events(con, filters, None, 30), filters
        if cursor:
            assert browse.page_events(con, filters, cursor, 30, indexed=True) == \
                browse.page_events(con, filters, cursor, 30), filters


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "scale.duckdb"
    bench.fill(path, EVENTS)
    return path


def test_index_equals_direct_then_after_a_write_and_a_correction(db):
    with Store(db) as store:
        assert read_index.build(store.con)
        _same(store.con.cursor())
        # a write: real events through the store, with actors and countries of their own
        store.replace_article(ARTICLE, fixture_events())
        assert read_index.build(store.con)
        con = store.con.cursor()
        _same(con)
        akar = browse.network(con, {"actor": "akar"}, indexed=True)
        assert any("Hulusi Akar" in (e["source"], e["target"]) for e in akar["edges"])
        # a correction: the record shows it, and the index still answers as the tables do
        event = fixture_events()[0]
        corrections.correct(store.con, event.id, "ana", {"event_type": "ACCUSE",
                                                         "actor": {"country": "LBY"}})
        assert read_index.build(store.con)
        con = store.con.cursor()
        page, _ = browse.page_events(con, {"actor": "akar"}, None, 50, indexed=True)
        fixed = next(e for e in page if e["id"] == event.id)
        assert fixed["event_type"] == "ACCUSE" and fixed["corrected"]["fields"] == [
            "event_type", "actor"]
        _same(con)


def test_index_equals_direct_with_corrections_of_each_kind(db):
    """Type, date, actor (name, country, sector), recipient, place, and events marked
    wrong, over generated events: the index and the direct queries show the same
    corrected view, and a wrong event leaves the counts."""
    with Store(db) as store:
        assert read_index.build(store.con)
        before = browse.stats(store.con.cursor(), {}, indexed=True)["total"]
        ids = [r[0] for r in store.con.execute(
            "SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM corrections) "
            "ORDER BY id LIMIT 8").fetchall()]
        changes = [
            {"event_type": "ACCUSE"}, {"date": "2019-02"},
            {"actor": {"name": "Person 12 Renamed", "country": "TUR", "sector": "MIL"}},
            {"recipient": {"country": "LBY"}},
            {"location": {"name": "Place 3 corrected", "country": "SYR", "lat": 1.5, "lon": 2.5}},
            {"event_type": "ASSAULT", "actor": {"country": "USA"}, "location": {"country": "TUR"}},
        ]
        for event_id, change in zip(ids, changes, strict=False):
            corrections.correct(store.con, event_id, "ana", change)
        for event_id in ids[-2:]:
            corrections.correct(store.con, event_id, "ana", {}, wrong=True)
        assert read_index.build(store.con)
        con = store.con.cursor()
        assert browse.stats(con, {}, indexed=True)["total"] == before - 2
        accused, _ = browse.page_events(con, {"event_type": "ACCUSE", "text": ""}, None, 6000,
                                        indexed=True)
        assert ids[0] in {e["id"] for e in accused}
        _same(con)
