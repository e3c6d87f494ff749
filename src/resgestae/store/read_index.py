"""An in-memory read index over a store, so a server answers in milliseconds on millions
of events (the web page and `GET /v1/events`, `/v1/stats`).

`build(con)` makes, in an attached in-memory database `browse_idx`:

``ev``      one narrow row per event, sorted by the listing order (`k` = date, NULLs
            last, then id), with the columns the filters use, `countries`
            (actor and recipient countries, distinct) and `text_lower` (the evidence
            sentence, lower-cased, for the text filter);
``by_day``  event counts by (date_start, is_day, event_type);
``by_cty``  event counts by (date_start, is_day, event_type, country), an event
            counting once for each of its countries;
``cty_type`` event counts by (event_type, country), for country counts without dates;
``edge_type``, ``edges``  actor -> recipient counts by event type, and in all;
``ev_cty``  one row per (event, country), sorted by country, so a one-country query
            reads only that country's row groups (DuckDB's min/max zone maps);

and an ART index on `events(id)` in the store itself, so a page of ids fetches its
records without a scan. Rebuild after every write (the server does); a stale index
gives stale answers, never wrong SQL. A read-only connection cannot attach an
in-memory database: `build` then returns False and callers query `events` directly.
"""

from __future__ import annotations

from typing import Any

import duckdb

DB = "browse_idx"
EV, BY_DAY, BY_COUNTRY, EV_COUNTRY, COUNTRY_TYPE, EDGE_TYPE, EDGES = (
    f"{DB}.{t}" for t in ("ev", "by_day", "by_cty", "ev_cty", "cty_type", "edge_type", "edges")
)
# The listing order as one sortable string: ISO dates sort as text, NULL dates last.
KEY = "coalesce(strftime(date_start, '%Y-%m-%d'), '9999-99-99') || '|' || id"
COLUMNS = (
    f"{KEY} AS k, id, date_start, event_type, actor_countries, recipient_countries, "
    "list_distinct(list_concat(actor_countries, recipient_countries)) AS countries, "
    "actor_search, coalesce(length(date) = 10, false) AS is_day, actor_names, recipient_names, "
    "location_name, location_country, lat, lon, factuality, confidence, article_ids, "
    "lower(json_extract_string(record, '$.text')) AS text_lower"
)
# (actor, recipient, event_type) for every actor x recipient of each event, self-loops out
PAIRS = (
    "SELECT pr.a AS a, pr.r AS r, event_type FROM (SELECT unnest(flatten(list_transform("
    "actor_names, lambda x: list_transform(recipient_names, lambda y: {{'a': x, 'r': y}})))) "
    "AS pr, event_type FROM {source}{where}) WHERE a <> r"
)
# Without the index, the same columns computed from the events table on the fly.
DIRECT = f"(SELECT {COLUMNS} FROM events) AS ev"


def build(con: Any) -> bool:
    """(Re)build the read index on a writable connection; False when it cannot be built."""
    try:
        attached = con.execute(
            "SELECT count(*) FROM duckdb_databases() WHERE database_name = ?", [DB]
        ).fetchone()[0]
        if not attached:
            con.execute(f"ATTACH ':memory:' AS {DB}")
        has_id_index = con.execute(
            "SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'events_id_idx'"
        ).fetchone()[0]
        if not has_id_index:  # once per store; it persists (a plain, non-unique index)
            con.execute("CREATE INDEX events_id_idx ON events (id)")
    except duckdb.Error:
        return False
    # CREATE OR REPLACE: readers on other cursors keep seeing the old tables until then
    con.execute(f"CREATE OR REPLACE TABLE {EV} AS SELECT {COLUMNS} FROM events ORDER BY k")
    con.execute(
        f"CREATE OR REPLACE TABLE {BY_DAY} AS SELECT date_start, is_day, event_type, "
        f"count(*) AS n FROM {EV} GROUP BY ALL"
    )
    con.execute(
        f"CREATE OR REPLACE TABLE {EV_COUNTRY} AS SELECT country, date_start, is_day, "
        f"event_type, countries FROM (SELECT *, unnest(countries) AS country FROM {EV}) "
        "ORDER BY country, date_start"
    )
    con.execute(
        f"CREATE OR REPLACE TABLE {BY_COUNTRY} AS SELECT date_start, is_day, event_type, "
        f"country, count(*) AS n FROM {EV_COUNTRY} GROUP BY ALL ORDER BY date_start"
    )
    con.execute(
        f"CREATE OR REPLACE TABLE {COUNTRY_TYPE} AS SELECT event_type, country, sum(n) AS n "
        f"FROM {BY_COUNTRY} GROUP BY ALL"
    )
    pairs = PAIRS.format(source=EV, where="")
    con.execute(f"CREATE OR REPLACE TABLE {EDGE_TYPE} AS SELECT a, r, event_type, count(*) AS n "
                f"FROM ({pairs}) GROUP BY ALL")
    con.execute(f"CREATE OR REPLACE TABLE {EDGES} AS SELECT a, r, sum(n) AS total "
                f"FROM {EDGE_TYPE} GROUP BY ALL ORDER BY total DESC, a, r")
    return True
