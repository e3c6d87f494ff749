"""The HTTP API (FastAPI TestClient over a real DuckDB file, and one real uvicorn server),
its abuse cases, and the Python API (`resgestae.Store` DataFrames, `code_articles`)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from fixture_events import ARTICLE, fixture_events, fixture_records, fixture_store
from server_helpers import Server

import resgestae
from resgestae.api import create_app
from resgestae.store import Store

TOKEN = "s3cret-token"
LOOPBACK = ("127.0.0.1", 50000)
BASE = "http://127.0.0.1"  # the Host a loopback server answers (not TestClient's "testserver")
SAMPLE_SENTENCE = ("Turkey's Defense Minister Hulusi Akar has made a trip to Libya, two days after "
                   "warlord Khalifa Haftar threatened to attack Turkish forces.")


@pytest.fixture()
def db(tmp_path):
    return fixture_store(tmp_path)


@pytest.fixture()
def client(db):
    with TestClient(create_app(str(db), token=TOKEN), client=LOOPBACK, base_url=BASE) as client:
        yield client


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The response is `status` with the one JSON error shape."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"])
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


AUTH = {"Authorization": f"Bearer {TOKEN}"}


# -- reads ---------------------------------------------------------------------------

def test_cursor_paging_walks_every_event_once(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 1, "cursor": cursor} if cursor else {"limit": 1}
        page = client.get("/v1/events", params=params)
        assert page.status_code == 200
        seen += [e["id"] for e in page.json()["events"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    expected = [r["id"] for r in sorted(fixture_records(), key=lambda r: (r["date"], r["id"]))]
    # dates "2020" (first day 2020-01-01) sort first, as in `resgestae events`
    assert seen == expected and len(set(seen)) == 4


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": "haftar"}, {"THREATEN"}),
    ({"country": "lby", "type": "consult"}, {"CONSULT"}),
    ({"since": "2020-12-25"}, {"CONSULT"}),
    ({"until": "2020-06"}, {"AID"}),
    ({"actor": "nobody at all"}, set()),
])
def test_filters(client, params, expected):
    response = client.get("/v1/events", params=params)
    assert response.status_code == 200
    assert {e["event_type"] for e in response.json()["events"]} == expected


def test_event_detail_has_evidence(client):
    visit = fixture_records()[0]
    detail = client.get(f"/v1/events/{visit['id']}").json()
    assert detail["event"]["id"] == visit["id"]
    marks = {m["role"]: m["text"] for m in detail["highlights"]}
    assert marks == {"trigger": "made a trip", "actor": "Hulusi Akar", "recipient": "Libya"}
    libya = next(m for m in detail["highlights"] if m["role"] == "recipient")
    assert libya["start"] > 60  # "a trip to Libya", not the dateline's "Libya"
    assert detail["article"]["url"] == ARTICLE.url
    assert detail["article"]["after"].startswith("\n\nUpon landing")
    assert detail["mentions"][0]["article_id"] == ARTICLE.id


def test_stats_actors_network_places(client):
    stats = client.get("/v1/stats").json()
    assert stats["total"] == 4
    assert {"event_type": "CONSULT", "count": 2} in stats["by_type"]
    assert {"country": "TUR", "count": 4} in stats["by_country"]
    assert {"day": "2020-12-26", "event_type": "CONSULT", "count": 2} in stats["by_day"]
    assert client.get("/v1/stats", params={"type": "AID"}).json()["total"] == 1
    actors = client.get("/v1/actors", params={"name": "akar"}).json()["actors"]
    assert actors == [{"name": "Hulusi Akar", "country": "TUR", "sector": "GOV",
                       "as_actor": 2, "as_recipient": 0, "events": 2}]
    edges = client.get("/v1/network").json()["edges"]
    assert {"source": "Khalifa Haftar", "target": "Turkey", "count": 1,
            "by_type": {"THREATEN": 1}, "by_quad": {"3": 1}} in edges
    places = client.get("/v1/places").json()["places"]
    assert places == [{"name": "Tripoli", "country": "LBY", "lat": 32.88743, "lon": 13.18733,
                       "count": 2}]


def test_openapi_and_page(client):
    spec = client.get("/openapi.json").json()
    assert {"/v1/code", "/v1/articles", "/v1/events", "/v1/events/{event_id}", "/v1/actors",
            "/v1/stats"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


# -- coding and writing ----------------------------------------------------------------

def test_code_json_and_plain_text_store_nothing(client):
    as_json = client.post("/v1/code", json={"text": SAMPLE_SENTENCE, "date": "2020-12-26"})
    assert as_json.status_code == 200
    plain = client.post("/v1/code?date=2020-12-26", content=SAMPLE_SENTENCE.encode(),
                        headers={"Content-Type": "text/plain; charset=utf-8"})
    assert plain.status_code == 200
    assert as_json.json() == plain.json()
    for record in as_json.json()["events"]:
        assert record["text"] in SAMPLE_SENTENCE
        assert record["article_id"] == plain.json()["article_id"]
    assert client.get("/v1/stats").json()["total"] == 4  # nothing stored


def test_articles_code_and_store(client, sample_text):
    body = [{"id": "seed", "text": sample_text, "date": "2020-12-26", "title": "Akar in Libya"},
            {"id": "blank", "text": "   "}, 42]
    response = client.post("/v1/articles", json=body, headers=AUTH)
    assert response.status_code == 200, response.text
    result = response.json()
    assert [s["id"] for s in result["stored"]] == ["seed"]
    assert [e["item"] for e in result["errors"]] == ["article 2", "article 3"]
    assert [e["code"] for e in result["errors"]] == ["E011", "E006"]  # searchable
    total = client.get("/v1/stats").json()["total"]
    # the fixture store reports the same visit: reports of it merge into one event
    page = client.get("/v1/events", params={"limit": 500}).json()["events"]
    both = [e for e in page if {"seed", "seed-fixture"} <= set(e["article_ids"])]
    assert both and total == len(page) == 4 + result["stored"][0]["events"] - len(both)
    # posting it again replaces, never duplicates
    again = client.post("/v1/articles", json=body[0], headers=AUTH)
    assert again.status_code == 200 and client.get("/v1/stats").json()["total"] == total
    # the read index is rebuilt in the background and then answers the same
    deadline = time.monotonic() + 60
    while not client.app.state.index.ready and time.monotonic() < deadline:
        time.sleep(0.1)
    assert client.app.state.index.ready
    assert client.get("/v1/stats").json()["total"] == total
    assert len(client.get("/v1/events", params={"limit": 1000}).json()["events"]) == total


# -- abuse ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "url", "kwargs", "status", "code"), [
    ("post", "/v1/code", {"content": b"{not json", "headers": {"Content-Type": "application/json"}},
     400, "malformed_json"),
    ("post", "/v1/code", {"json": {"text": 12}}, 422, "invalid_request"),
    ("post", "/v1/code", {"json": {"text": "x", "date": "yesterday"}}, 422, "invalid_request"),
    ("post", "/v1/code", {"json": {"text": "x", "colour": "red"}}, 422, "invalid_request"),
    ("post", "/v1/code", {"json": ["a list"]}, 422, "invalid_request"),
    ("post", "/v1/code", {"content": b"x", "headers": {"Content-Type": "image/png"}}, 415, None),
    ("get", "/v1/events?colour=red", {}, 400, "unknown_parameter"),
    ("get", "/v1/events?limit=abc", {}, 422, "invalid_request"),
    ("get", "/v1/events?limit=100000", {}, 422, "invalid_request"),
    ("get", "/v1/events?type=BOMB", {}, 422, "invalid_request"),
    ("get", "/v1/events?country=LIBYA", {}, 422, "invalid_request"),
    ("get", "/v1/events?since=2020-13-45", {}, 400, "bad_request"),
    ("get", "/v1/events?cursor=not-a-cursor", {}, 400, "bad_request"),
    ("get", "/v1/events?actor=%27%3B%20DROP%20TABLE%20events%3B--", {}, 200, None),
    ("get", "/v1/stats?since=2020&foo=1", {}, 400, "unknown_parameter"),
    ("get", "/v1/events/no-such-event", {}, 404, "not_found"),
    ("get", "/v1/nowhere", {}, 404, "not_found"),
    ("delete", "/v1/events", {}, 405, "method_not_allowed"),
    ("post", "/v1/articles", {"json": {"text": "Akar visited Libya."}}, 401, "unauthorized"),
    ("post", "/v1/articles", {"json": {"text": "Akar visited Libya."},
                              "headers": {"Authorization": "Bearer wrong"}}, 403, "forbidden"),
    ("post", "/v1/articles", {"json": {"text": "   "}, "headers": AUTH}, 422, "invalid_request"),
    ("post", "/v1/articles", {"content": b"[1,", "headers": {**AUTH, "Content-Type":
                                                              "application/json"}}, 400, None),
])
def test_bad_requests(client, method, url, kwargs, status, code):
    response = getattr(client, method)(url, **kwargs)
    if status == 200:
        assert response.json()["events"] == []
    else:
        assert_error(response, status, code)
    assert client.get("/v1/stats").json()["total"] == 4  # still serving, nothing changed


@pytest.mark.parametrize("path", [
    "/static/%2e%2e/%2e%2e/api/app.py", "/static/..%2f..%2fapi%2fapp.py", "/static/%2fetc%2fpasswd",
    "/static/docs/%2e%2e/%2e%2e/%2e%2e/pyproject.toml", "/static/%5c..%5capi%5capp.py",
    "/static/.gitignore", "/static/app.js%00.png", "/static/", "/static/docs",
])
def test_static_path_tricks(client, path):
    assert_error(client.get(path), 404)


def test_huge_bodies(client):
    huge = b"x" * (2 * 1024 * 1024 + 1)
    assert_error(client.post("/v1/code", content=huge, headers={"Content-Type": "text/plain"}),
                 413, "payload_too_large")

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(40):
            yield b"y" * 65536

    streamed = client.post("/v1/code", content=chunks(), headers={"Content-Type": "text/plain"})
    assert_error(streamed, 413)
    assert client.get("/v1/stats").status_code == 200


def test_no_token_configured_refuses_writes(db):
    with TestClient(create_app(str(db), token=""), client=LOOPBACK, base_url=BASE) as client:
        error = assert_error(client.post("/v1/articles", json={"text": "x"}, headers=AUTH), 403)
        assert "RESGESTAE_TOKEN" in error["message"]
        assert client.get("/v1/events").status_code == 200  # reads on loopback


def test_reads_from_other_hosts_need_the_token(db):
    app = create_app(str(db), token=TOKEN)
    with TestClient(app, client=("203.0.113.9", 4000), base_url=BASE) as client:
        assert_error(client.get("/v1/events"), 401)
        assert_error(client.get("/v1/events", headers={"Authorization": "Bearer no"}), 403)
        assert client.get("/v1/events", headers=AUTH).status_code == 200


def _raw_get(port: int, target: str, host: str = "127.0.0.1") -> bytes:
    # httpx would normalise "../" away: send the request line as-is
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
                     .encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


def test_real_server_survives_abuse(db):
    server = Server(db, token=TOKEN)
    try:
        url = server.url
        for target in ("/static/../../api/app.py", "/static/../../../../etc/passwd",
                       "/static/docs/../../store/store.py"):
            head = _raw_get(server.port, target).split(b"\r\n", 1)[0]
            assert b" 404 " in head, (target, head)
        big = httpx.post(f"{url}/v1/code", content=b"z" * (3 * 1024 * 1024),
                         headers={"Content-Type": "text/plain"}, timeout=30)
        assert_error(big, 413)
        assert_error(httpx.post(f"{url}/v1/code", content=b"{", timeout=10,
                                headers={"Content-Type": "application/json"}), 400)
        assert_error(httpx.post(f"{url}/v1/articles", json={"text": "x"}, timeout=10), 401)
        assert_error(httpx.get(f"{url}/v1/events?bogus=1", timeout=10), 400)
        page = httpx.get(f"{url}/v1/events", params={"limit": 2}, timeout=10).json()
        assert len(page["events"]) == 2 and page["next_cursor"]
        assert httpx.get(f"{url}/", timeout=10).status_code == 200
    finally:
        server.stop()


# -- Python API ------------------------------------------------------------------------------

def test_store_dataframes(db, tmp_path):
    with resgestae.Store(db, read_only=True) as store:
        events = store.events(country="LBY")
        assert len(events) == 4 and {"id", "event_type", "actor", "lat"} <= set(events.columns)
        assert list(store.events(event_type="AID")["actor"]) == ["Turkey"]
        assert store.actors().iloc[0]["name"] == "Hulusi Akar"
        by_type = store.stats(by="type")
        assert dict(zip(by_type.event_type, by_type["count"], strict=True))["CONSULT"] == 2
        assert list(store.stats(by="day").columns) == ["day", "event_type", "count"]
        assert len(store.records(actor="akar")) == 2
        with pytest.raises(ValueError, match="stats by 'week'"):
            store.stats(by="week")
    with resgestae.Store(tmp_path / "empty.duckdb") as empty:
        for frame in (empty.events(), empty.actors(), empty.stats(by="country")):
            assert frame is not None and frame.empty and len(frame.columns) >= 2


def test_import_is_light():
    code = ("import sys, resgestae; heavy = {'spacy', 'duckdb', 'pandas', 'fastapi'} & "
            "set(sys.modules); print(sorted(heavy)); assert not heavy; resgestae.Event")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {"code_text", "code_articles", "Store", "Event", "Article"} <= set(resgestae.__all__)


def test_code_articles_reports_bad_items(coder, sample_text):
    results = list(resgestae.code_articles([{"id": "seed", "text": sample_text}, {"id": "x"}, 7]))
    good = [r for r in results if not r.error]
    assert [r.article.id for r in good] == ["seed"]
    assert sorted(r.error.item for r in results if r.error) == ["article 2", "article 3"]


# -- the read index answers as the direct queries do ------------------------------------

def _varied_events():
    """The fixture events plus copies with other dates (none, month, other days)."""
    events = fixture_events()
    for n, date in enumerate([None, "2020-12", "2019-04-04", None, "2020-12-26"]):
        for event in fixture_events():
            event.date = date
            event.span = (event.span[0], event.span[1] - n - 1)  # another id
            event.assign_id()
            events.append(event)
    return events


FILTER_CASES = [{}, {"country": "TUR"}, {"country": "lby", "event_type": "CONSULT"},
                {"event_type": "AID"}, {"since": "2020-06", "until": "2020-12-31"},
                {"actor": "akar"}, {"actor": "akar", "country": "LBY"}]


@pytest.mark.parametrize("filters", FILTER_CASES)
def test_read_index_matches_direct_queries(tmp_path, filters):
    from resgestae.store import browse, read_index

    with Store(tmp_path / "idx.duckdb") as store:
        store.replace_article(ARTICLE, _varied_events())
        assert read_index.build(store.con)
        con = store.con.cursor()
        assert browse.stats(con, filters, indexed=True) == browse.stats(con, filters)
        assert browse.places(con, filters, indexed=True) == browse.places(con, filters)
        assert browse.actors(con, filters, indexed=True) == browse.actors(con, filters)
        assert browse.network(con, filters, indexed=True) == browse.network(con, filters)
        assert browse.network(con, filters, 2, indexed=True) == browse.network(con, filters, 2)
        walked = {}
        for indexed in (True, False):
            ids, cursor = [], None
            while True:
                page, cursor = browse.page_events(con, filters, cursor, 4, indexed=indexed)
                ids += [e["id"] for e in page]
                if not cursor:
                    break
            walked[indexed] = ids
        expected = [r["id"] for r in store.events(**filters)]
        assert walked[True] == walked[False] == expected


def test_spacy_component_usable_in_own_pipeline():
    import spacy

    assert callable(resgestae.paragraph_boundaries)
    nlp = spacy.blank("en")
    nlp.add_pipe("resgestae_paragraphs")
    doc = nlp("One line here.\n\nAnother paragraph.")
    assert doc[doc.text.split().index("Another") + 1].is_sent_start or any(
        t.is_sent_start for t in doc if t.text == "Another")
