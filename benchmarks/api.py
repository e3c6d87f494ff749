"""API latency on a big store: 1,000,000 generated events, every read endpoint (events,
one event, next pages, stats, actors, network by actor and by country, places) with every
filter (actor, country, type, dates, place, place country, factuality, minimum confidence,
evidence text, article id or URL) over a real HTTP server (uvicorn on 127.0.0.1).
Target: p95 < 200 ms for each endpoint.

The events are generated inside DuckDB (one INSERT ... SELECT over range(n)), not
coded from text: this measures the store and the API, not the coder. Usage:

    .venv/bin/python benchmarks/api.py [--events 1000000] [--requests 200] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from server_helpers import Server  # noqa: E402

from resgestae.model import EVENT_TYPES, FACTUALITY  # noqa: E402
from resgestae.store import Store  # noqa: E402

COUNTRIES = ["AFG", "ARE", "BRA", "CHN", "COL", "DEU", "EGY", "ETH", "FRA", "GBR", "IDN", "IND",
             "IRN", "IRQ", "ISR", "JPN", "KEN", "LBN", "LBY", "MEX", "MLI", "NGA", "PAK", "PSE",
             "QAT", "RUS", "SAU", "SDN", "SOM", "SSD", "SYR", "TUN", "TUR", "UKR", "USA", "VEN",
             "YEM", "ZAF", "MMR", "NER"]
SECTORS = ["GOV", "MIL", "REB", "OPP", "CVL", "MED", "BUS", "IGO"]
N_ACTORS, N_PLACES, N_ARTICLES, DAYS = 5000, 400, 100_000, 1096


def _list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def _h(salt: int, n: int) -> str:
    """SQL for a pseudo-random integer in [0, n) from the row number."""
    # hash(i, salt) values are correlated across salts: hash a distinct integer instead
    return f"CAST(hash(i * 16 + {salt}) % {n} AS BIGINT)"


# Pseudo-random columns from hashes of the row number, so a run is reproducible.
FILL = f"""
INSERT INTO events
WITH g AS (
  SELECT i,
    'Person ' || {_h(1, N_ACTORS)} AS a, 'Person ' || {_h(2, N_ACTORS)} AS r,
    {_list(COUNTRIES)}[1 + {_h(3, len(COUNTRIES))}] AS ac,
    {_list(COUNTRIES)}[1 + {_h(4, len(COUNTRIES))}] AS rc,
    {_list(SECTORS)}[1 + {_h(5, len(SECTORS))}] AS sector,
    {_list(list(EVENT_TYPES))}[1 + {_h(6, len(EVENT_TYPES))}] AS event_type,
    DATE '2019-01-01' + CAST({_h(7, DAYS)} AS INTEGER) AS day,
    {_h(8, 10)} < 4 AS located,
    {_h(9, N_PLACES)} AS place,
    {_list(list(FACTUALITY))}[1 + {_h(10, len(FACTUALITY))}] AS factuality,
    {_h(11, 100)} / 100 AS confidence,
    'a' || (i % {N_ARTICLES}) AS article_id,
    'e' || lpad(CAST(i AS VARCHAR), 16, '0') AS id
  FROM range(?) t(i)
)
SELECT id, article_id, '', event_type, NULL, NULL, factuality,
  strftime(day, '%Y-%m-%d'), day, 'day',
  [a], [ac], [r], [rc], lower(a) || chr(10) || lower(r), confidence,
  CASE WHEN located THEN 'Place ' || place END, CASE WHEN located THEN rc END,
  CASE WHEN located THEN -40 + (place % 80) END, CASE WHEN located THEN -100 + place / 2 END,
  1, [article_id],
  CAST(to_json({{'id': id, 'article_id': article_id, 'event_type': event_type, 'mode': NULL,
    'context': []::VARCHAR[], 'cameo': NULL,
    'actor': [{{'text': a, 'name': a, 'country': ac, 'sector': sector, 'sectors': [sector],
               'title': NULL, 'kb_id': NULL}}],
    'recipient': [{{'text': r, 'name': r, 'country': rc, 'sector': NULL, 'sectors': []::VARCHAR[],
                   'title': NULL, 'kb_id': NULL}}],
    'factuality': factuality, 'date': strftime(day, '%Y-%m-%d'), 'date_precision': 'day',
    'date_text': NULL, 'location': NULL,
    'text': a || ' met ' || r || ' in a generated sentence.', 'span': [0, 40],
    'trigger': 'met', 'confidence': confidence, 'mentions': 1, 'article_ids': [article_id],
    'coder': 'resgestae/bench'}}) AS VARCHAR),
  day, day, '[]'
FROM g
"""
ARTICLES = f"""
INSERT INTO articles SELECT 'a' || i, 'Generated article ' || i, '2020-01-01',
  'https://example.org/a' || i, 'bench',
  'en', NULL, 'Generated text.', NULL, '', 10, now()::TIMESTAMP FROM range({N_ARTICLES}) t(i)
"""


def fill(db: Path, events: int) -> float:
    """Create the store and generate `events` events; returns the seconds it took."""
    start = time.perf_counter()
    with Store(db) as store:
        store.con.execute(FILL, [events])
        store.con.execute(ARTICLES)
        store.con.execute("CHECKPOINT")
    return time.perf_counter() - start


def event_queries(rng: random.Random, n: int) -> list[dict[str, str]]:
    """Filter combinations an analyst would send, drawn at random."""
    shapes = [
        lambda: {"country": rng.choice(COUNTRIES)},
        lambda: {"type": rng.choice(EVENT_TYPES)},
        lambda: {"actor": f"person {rng.randrange(N_ACTORS)}"},
        lambda: {"country": rng.choice(COUNTRIES), "type": rng.choice(EVENT_TYPES)},
        lambda: {"since": f"20{rng.randint(19, 21)}-0{rng.randint(1, 9)}-01",
                 "until": "2021-12-31", "type": rng.choice(EVENT_TYPES)},
        lambda: {},
        *new_filters(rng),
    ]
    return [{**rng.choice(shapes)(), "limit": "50"} for _ in range(n)]


def new_filters(rng: random.Random) -> list:
    """The filters added for analysts (issue 14), alone and with a type."""
    return [
        lambda: {"place_country": rng.choice(COUNTRIES)},
        lambda: {"place": f"place {rng.randrange(N_PLACES)}"},
        lambda: {"factuality": rng.choice(FACTUALITY), "type": rng.choice(EVENT_TYPES)},
        lambda: {"min_confidence": f"{rng.randint(50, 99) / 100}"},
        lambda: {"text": f"person {rng.randrange(N_ACTORS)} met"},
        lambda: {"article": f"a{rng.randrange(N_ARTICLES)}"},
        lambda: {"article": f"https://example.org/a{rng.randrange(N_ARTICLES)}"},
        lambda: {"until": f"2020-{rng.randint(1, 12):02d}", "country": rng.choice(COUNTRIES)},
    ]


def stats_queries(rng: random.Random, n: int) -> list[dict[str, str]]:
    shapes = [
        lambda: {},
        lambda: {"country": rng.choice(COUNTRIES)},
        lambda: {"type": rng.choice(EVENT_TYPES)},
        lambda: {"since": "2020-01-01", "until": "2020-12-31"},
        *new_filters(rng),
    ]
    return [rng.choice(shapes)() for _ in range(n)]


def other_queries(rng: random.Random, n: int, extra: dict[str, str]) -> list[dict[str, str]]:
    """Queries for actors, network and places: no filter, the old ones and the new ones."""
    shapes = [lambda: {}, lambda: {"country": rng.choice(COUNTRIES)},
              lambda: {"type": rng.choice(EVENT_TYPES)}, *new_filters(rng)]
    return [{**rng.choice(shapes)(), **extra} for _ in range(n)]


def timed(client: httpx.Client, path: str, params: dict[str, str]) -> tuple[float, dict]:
    start = time.perf_counter()
    response = client.get(path, params=params)
    elapsed = (time.perf_counter() - start) * 1000
    response.raise_for_status()
    return elapsed, response.json()


def measure(client: httpx.Client, name: str, path: str, queries: list[dict]) -> list[float]:
    timed(client, path, queries[0])  # warm-up
    times = [timed(client, path, q)[0] for q in queries]
    report(name, times)
    by_filter(times, queries)
    return times


def report(name: str, times: list[float]) -> None:
    cuts = statistics.quantiles(times, n=100)
    print(f"{name:<34} n={len(times):<4} p50={cuts[49]:7.1f} ms  p95={cuts[94]:7.1f} ms  "
          f"max={max(times):7.1f} ms")


def by_filter(times: list[float], queries: list[dict]) -> None:
    """The three slowest filter combinations of an endpoint, by their median time."""
    shapes: dict[str, list[float]] = {}
    for elapsed, params in zip(times, queries, strict=True):
        shape = "+".join(sorted(k for k in params if k not in ("limit", "by"))) or "none"
        if shape == "article" and "://" in params["article"]:
            shape = "article URL"
        shapes.setdefault(shape, []).append(elapsed)
    slow = sorted(shapes.items(), key=lambda kv: -statistics.median(kv[1]))[:3]
    print("    slowest filters (median ms): " + ", ".join(
        f"{shape} {statistics.median(t):.0f}" for shape, t in slow))


def paged(client: httpx.Client, rng: random.Random, n: int) -> list[float]:
    """Following next_cursor: pages 2-5 of a filtered listing."""
    times = []
    while len(times) < n:
        params = {"country": rng.choice(COUNTRIES), "limit": "50"}
        _, page = timed(client, "/v1/events", params)
        for _ in range(4):
            if not page["next_cursor"]:
                break
            elapsed, page = timed(client, "/v1/events", {**params, "cursor": page["next_cursor"]})
            times.append(elapsed)
    report("GET /v1/events (next pages)", times)
    return times


def one_event(client: httpx.Client, rng: random.Random, n: int, events: int) -> list[float]:
    """GET /v1/events/{id}: the event, its highlights, article context and reports."""
    ids = [f"e{rng.randrange(events):016d}" for _ in range(n)]
    times = [timed(client, f"/v1/events/{i}", {})[0] for i in ids]
    report("GET /v1/events/{id}", times)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None, help="store to create (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if db.exists():
            db.unlink()
        print(f"filling {db} with {args.events:,} events ... {fill(db, args.events):.1f} s")
        start = time.perf_counter()
        server = Server(db, wait=600)  # the server builds its read index before serving
        print(f"server up (read index built) in {time.perf_counter() - start:.1f} s")
        rng = random.Random(7)
        try:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                n = args.requests
                everything = measure(client, "GET /v1/events (filtered, 50)", "/v1/events",
                                     event_queries(rng, n))
                everything += paged(client, rng, n // 2)
                results = {"events": everything}
                results["stats"] = measure(client, "GET /v1/stats (filtered)", "/v1/stats",
                                           stats_queries(rng, n))
                results["one"] = one_event(client, rng, n // 2, args.events)
                for name, path, extra in (
                        ("actors", "/v1/actors", {"limit": "100"}),
                        ("network", "/v1/network", {"limit": "40"}),
                        ("network by country", "/v1/network", {"limit": "40", "by": "country"}),
                        ("places", "/v1/places", {"limit": "500"})):
                    results[name] = measure(client, f"GET {path} ({name}, filtered)", path,
                                            other_queries(rng, n // 2, extra))
        finally:
            server.stop()
    worst = max(statistics.quantiles(t, n=100)[94] for t in results.values())
    print(f"worst p95 {worst:.1f} ms: {'meets' if worst < 200 else 'misses'} the 200 ms target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
