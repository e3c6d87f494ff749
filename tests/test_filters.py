"""Filters that never drop data silently, the same through the CLI, the HTTP API and Python:
inclusive `until` at its precision, unknown values refused with the valid ones named, and
the filters on place, factuality, confidence, evidence text and article; `export -o -`,
`export --what articles`, `serve` on a missing store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from fixture_events import ARTICLE, fixture_events

import resgestae
from resgestae.api import create_app
from resgestae.cli import main
from resgestae.model import Article, Entity, Event
from resgestae.store import Store

LOOPBACK = ("127.0.0.1", 50000)


def _late_event() -> tuple[Article, Event]:
    """A month-precision event in December 2020 (first day 2020-12-01), in another article."""
    text = "Protesters rallied in Benghazi against the government in December 2020."
    article = Article(id="dec-article", text=text, date="2021-01-05",
                      url="https://example.org/benghazi", source="wire")
    event = Event(article_id=article.id, text=text, span=(0, len(text)), trigger="rallied",
                  event_type="PROTEST", actor=[Entity(text="Protesters", name="Protesters",
                                                      country="LBY", sector="CVL")],
                  factuality="asserted", date="2020-12", date_precision="month",
                  confidence=0.75)
    event.assign_id()
    return article, event


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.replace_article(ARTICLE, fixture_events())
        article, event = _late_event()
        store.replace_article(article, [event])
    return path


def _cli_ids(db, *args: str, capsys) -> set[str]:
    assert main(["events", "--db", str(db), "--format", "jsonl", *args]) == 0
    return {json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()}


# one filter at a time: (CLI options, API query, Python keywords, expected event types)
CASES = [
    (["--until", "2020-12"], {"until": "2020-12"}, {"until": "2020-12"},
     {"CONSULT", "THREATEN", "AID", "PROTEST"}),
    (["--until", "2020-11"], {"until": "2020-11"}, {"until": "2020-11"}, {"AID"}),
    (["--until", "2020"], {"until": "2020"}, {"until": "2020"},
     {"CONSULT", "THREATEN", "AID", "PROTEST"}),
    (["--until", "2020-12-24"], {"until": "2020-12-24"}, {"until": "2020-12-24"},
     {"THREATEN", "AID", "PROTEST"}),
    (["--place-country", "lby"], {"place_country": "LBY"}, {"place_country": "LBY"},
     {"CONSULT"}),
    (["--place", "tripo"], {"place": "tripo"}, {"place": "Tripo"}, {"CONSULT"}),
    (["--factuality", "asserted"], {"factuality": "asserted"}, {"factuality": "asserted"},
     {"CONSULT", "THREATEN", "AID", "PROTEST"}),
    (["--min-confidence", "0.8"], {"min_confidence": "0.8"}, {"min_confidence": 0.8},
     {"CONSULT"}),
    (["--text", "WARLORD"], {"text": "warlord"}, {"text": "Warlord"}, {"CONSULT", "THREATEN"}),
    (["--article", "dec-article"], {"article": "dec-article"}, {"article": "dec-article"},
     {"PROTEST"}),
    (["--article", "https://example.org/akar-libya"], {"article": ARTICLE.url},
     {"article": ARTICLE.url}, {"CONSULT", "THREATEN", "AID"}),
]


@pytest.mark.parametrize(("cli", "api", "python", "kinds"), CASES)
def test_each_filter_everywhere(db, cli, api, python, kinds, capsys):
    with Store(db, read_only=True) as store:
        records = store.events(**python)
    assert {r["event_type"] for r in records} == kinds
    ids = {r["id"] for r in records}
    assert _cli_ids(db, *cli, capsys=capsys) == ids
    with TestClient(create_app(str(db)), client=LOOPBACK, base_url="http://127.0.0.1") as client:
        for path in ("/v1/events", "/v1/stats", "/v1/actors", "/v1/places", "/v1/network"):
            response = client.get(path, params=api)
            assert response.status_code == 200, (path, response.text)
        listed = client.get("/v1/events", params=api).json()["events"]
        assert {e["id"] for e in listed} == ids
        assert client.get("/v1/stats", params=api).json()["total"] == len(ids)
    with resgestae.Store(db, read_only=True) as frames:
        assert set(frames.events(**python)["id"]) == ids


def test_inclusive_until_is_what_the_help_says(db, capsys):
    # the December event is dated 2020-12 (its first day is 2020-12-01): December includes it
    assert "PROTEST" in {r["event_type"] for r in Store(db, read_only=True).events(
        until="2020-12")}
    with pytest.raises(SystemExit):
        main(["events", "--help"])
    assert "2020-12 takes all of December" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(("args", "message"), [
    (["--type", "BOMB"], "unknown event type 'BOMB': use one of AGREE, CONSULT"),
    (["--country", "XYZ"], "unknown country 'XYZ'"),
    (["--place-country", "LIB"], "unknown country 'LIB'"),
])
def test_unknown_values_are_errors_naming_the_valid_ones(db, args, message, capsys):
    assert main(["events", "--db", str(db), *args]) == 2
    assert message in capsys.readouterr().err
    assert main(["export", "--db", str(db), "--format", "csv", "-o", "-", *args]) == 2
    with Store(db, read_only=True) as store, pytest.raises(ValueError, match="unknown"):
        store.events(**{"event_type" if a == "--type" else a[2:].replace("-", "_"): v
                        for a, v in [args]})


def test_api_refuses_unknown_values(db):
    with TestClient(create_app(str(db)), client=LOOPBACK, base_url="http://127.0.0.1") as client:
        for query in ({"country": "XYZ"}, {"place_country": "QQQ"}, {"factuality": "maybe"},
                      {"min_confidence": "2"}, {"type": "BOMB"}):
            response = client.get("/v1/events", params=query)
            assert response.status_code == 422, (query, response.text)
        message = client.get("/v1/events", params={"country": "XYZ"}).json()["error"]["message"]
        assert "ISO-3" in message


def test_export_to_stdout_and_articles(db, capsysbinary, tmp_path):
    assert main(["export", "--db", str(db), "--format", "csv", "-o", "-"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode())))
    assert len(rows) == 5 and {"quad_class", "goldstein", "url", "title", "source"} <= set(rows[0])
    visit = next(r for r in rows if r["cameo"] == "042")
    assert visit["quad_class"] == "1" and visit["goldstein"] == "1.9"
    assert visit["url"] == ARTICLE.url and visit["source"] == "example"
    assert main(["export", "--db", str(db), "--what", "articles", "--format", "jsonl",
                 "-o", "-", "--type", "PROTEST"]) == 0
    articles = [json.loads(line) for line in capsysbinary.readouterr().out.splitlines()]
    assert [a["id"] for a in articles] == ["dec-article"]
    assert articles[0]["url"] == "https://example.org/benghazi" and articles[0]["n_events"] == 1
    out = tmp_path / "articles.parquet"
    assert main(["export", "--db", str(db), "--what", "articles", "--format", "parquet",
                 "-o", str(out)]) == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == 2
    assert main(["export", "--db", str(db), "--what", "articles", "--format", "gdelt",
                 "-o", "-"]) == 2


def test_every_read_record_says_where_it_came_from(db):
    with TestClient(create_app(str(db)), client=LOOPBACK, base_url="http://127.0.0.1") as client:
        event = client.get("/v1/events", params={"type": "CONSULT", "limit": 1}).json()
        first = event["events"][0]
        assert first["url"] == ARTICLE.url and first["title"] == ARTICLE.title
        assert first["quad_class"] == 1 and first["goldstein"] in (1.9, 2.8)
        detail = client.get(f"/v1/events/{first['id']}").json()["event"]
        assert detail["source"] == "example"


def test_serve_on_a_missing_store_says_so(tmp_path, capsys):
    missing = tmp_path / "nothing-here.duckdb"
    assert main(["serve", "--db", str(missing), "--port", "8765"]) == 2
    assert "no store there" in capsys.readouterr().err and not missing.exists()


@pytest.mark.parametrize("python", [c[2] for c in CASES] + [{"country": "TUR", "until": "2020"}])
def test_read_index_answers_the_same(db, python):
    from resgestae.store import browse, read_index

    with Store(db) as store:
        assert read_index.build(store.con)
        con = store.con.cursor()
        for fn in (browse.stats, browse.actors, browse.network, browse.places):
            assert fn(con, python, indexed=True) == fn(con, python), fn.__name__
        assert browse.page_events(con, python, indexed=True) == browse.page_events(con, python)


def test_network_by_country_with_quad_classes(db):
    from resgestae.store import browse, read_index

    with Store(db) as store:
        read_index.build(store.con)
        con = store.con.cursor()
        for indexed in (False, True):
            graph = browse.network(con, {}, by="country", indexed=indexed)
            edges = {(e["source"], e["target"]): e for e in graph["edges"]}
            assert edges[("TUR", "LBY")]["count"] == 3  # visit, talks, aid
            assert edges[("TUR", "LBY")]["by_quad"] == {"1": 2, "2": 1}
            assert edges[("LBY", "TUR")]["by_quad"] == {"3": 1}
            assert {n["id"]: n["count"] for n in graph["nodes"]}["TUR"] == 4
        with pytest.raises(ValueError, match="network by"):
            browse.network(con, {}, by="sector")
