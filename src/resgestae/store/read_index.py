"""An in-memory read index over a store, so a server answers in milliseconds on millions
of events (the web page and `GET /v1/events`, `/v1/stats`).

`build(con)` makes, in an attached in-memory database `browse_idx`:

``ev``      one narrow row per event, sorted by the listing order (`k` = date, NULLs
            last, then id), with the columns the filters use, `countries`
            (actor and recipient countries, distinct) and `text_lower` (the evidence
            sentence, lower-cased, for the text filter);
``by_day``  event counts by (date_start, is_day, date_len, event_type); date_len is the
            length of the ISO date (10 day, 7 month, 4 year, 0 none);
``by_cty``  event counts by (date_start, is_day, event_type, country), an event
            counting once for each of its countries;
``cty_type`` event counts by (event_type, country), for country counts without dates;
``edge_type``, ``edges``  actor -> recipient counts by event type, and in all;
``cty_edge_type``, ``cty_edges``  the same between actor and recipient countries;
``actor_info``  each canonical actor's most frequent country and sector (all its mentions);
``actor_totals`` each actor's counts as actor, as recipient and in all (no filter);
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
ACTOR_INFO, ACTOR_TOTALS = f"{DB}.actor_info", f"{DB}.actor_totals"
# each canonical actor's most frequent country and sector over all its mentions
_PART = ("coalesce(json_extract_string(record, '$.actor[*].{k}'), []) || "
         "coalesce(json_extract_string(record, '$.recipient[*].{k}'), [])")
ACTOR_INFO_SQL = (
    "SELECT name, mode(country) AS country, mode(sector) AS sector FROM ("
    "SELECT coalesce(n, t) AS name, country, sector FROM (SELECT "
    + ", ".join(f"unnest({_PART.format(k=k)}) AS {a}"
                for k, a in (("name", "n"), ("text", "t"), ("country", "country"),
                             ("sector", "sector")))
    + " FROM events)) WHERE name IS NOT NULL GROUP BY name"
)
# the same edge counts between countries (actor country -> recipient country)
CTY_EDGE_TYPE, CTY_EDGES = f"{DB}.cty_edge_type", f"{DB}.cty_edges"
# network nodes: (actor side column, recipient side column) of `ev`
SIDES = {"actor": ("actor_names", "recipient_names"),
         "country": ("actor_countries", "recipient_countries")}
# The listing order as one sortable string: ISO dates sort as text, NULL dates last.
KEY = "coalesce(strftime(date_start, '%Y-%m-%d'), '9999-99-99') || '|' || id"
COLUMNS = (
    f"{KEY} AS k, id, date_start, event_type, actor_countries, recipient_countries, "
    "list_distinct(list_concat(actor_countries, recipient_countries)) AS countries, "
    "actor_search, coalesce(length(date) = 10, false) AS is_day, "
    "coalesce(length(date), 0)::TINYINT AS date_len, actor_names, recipient_names, "
    "location_name, location_country, lat, lon, factuality, confidence, article_ids, "
    "lower(json_extract_string(record, '$.text')) AS text_lower"
)
# (actor, recipient, event_type) for every actor x recipient of each event, self-loops out
PAIRS = (
    "SELECT pr.a AS a, pr.r AS r, event_type FROM (SELECT unnest(flatten(list_transform("
    "{a}, lambda x: list_transform({r}, lambda y: {{'a': x, 'r': y}})))) "
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
        f"CREATE OR REPLACE TABLE {BY_DAY} AS SELECT date_start, is_day, date_len, event_type, "
        f"count(*) AS n FROM {EV} GROUP BY ALL"
    )
    con.execute(
        f"CREATE OR REPLACE TABLE {EV_COUNTRY} AS SELECT country, date_start, is_day, date_len, "
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
    con.execute(f"CREATE OR REPLACE TABLE {ACTOR_INFO} AS {ACTOR_INFO_SQL}")
    con.execute(
        f"CREATE OR REPLACE TABLE {ACTOR_TOTALS} AS SELECT name, "
        "count(*) FILTER (WHERE role = 'actor') AS as_actor, "
        "count(*) FILTER (WHERE role = 'recipient') AS as_recipient, count(*) AS events FROM ("
        f"SELECT unnest(actor_names) AS name, 'actor' AS role FROM {EV} UNION ALL "
        f"SELECT unnest(recipient_names), 'recipient' FROM {EV}) GROUP BY 1 "
        "ORDER BY events DESC, name")
    for (by_type, total), (a, r) in (((EDGE_TYPE, EDGES), SIDES["actor"]),
                                     ((CTY_EDGE_TYPE, CTY_EDGES), SIDES["country"])):
        pairs = PAIRS.format(a=a, r=r, source=EV, where="")
        con.execute(f"CREATE OR REPLACE TABLE {by_type} AS SELECT a, r, event_type, "
                    f"count(*) AS n FROM ({pairs}) GROUP BY ALL")
        con.execute(f"CREATE OR REPLACE TABLE {total} AS SELECT a, r, sum(n) AS total "
                    f"FROM {by_type} GROUP BY ALL ORDER BY total DESC, a, r")
    return True
