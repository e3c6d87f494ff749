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
``names``, ``cty_names``  actor names and country codes numbered in sort order (`nid`), so
            the aggregates group integers, and ordering by id is ordering by name;
``edge_type``, ``edges``  actor -> recipient counts by event type, and in all, by pair id
            (`pid` = actor nid << 32 | recipient nid; `ev.pair_ids` lists an event's);
``cty_edge_type``, ``cty_edges``  the same between actor and recipient countries;
``terms_dict``, ``terms_ev``  the lower-cased names and texts of actors and recipients
            (the lines of `actor_search`) and the ev rows (rowid) naming each;
``places_dict``, ``places_ev``  the same for the lower-cased place names;
``art_ev``  (article id, ev rowid), sorted by article id;
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
_MOST = ("SELECT name, first({c} ORDER BY n DESC, {c}) AS {c} FROM (SELECT name, {c}, "
         "count(*) AS n FROM u WHERE {c} IS NOT NULL GROUP BY ALL) GROUP BY name")
# mode() breaks ties by chance: the most frequent value, ties to the smallest, is the same
# in every build and in the direct query
ACTOR_INFO_SQL = (
    "WITH u AS (SELECT coalesce(n, t) AS name, country, sector FROM (SELECT "
    + ", ".join(f"unnest({_PART.format(k=k)}) AS {a}"
                for k, a in (("name", "n"), ("text", "t"), ("country", "country"),
                             ("sector", "sector")))
    + " FROM events) WHERE coalesce(n, t) IS NOT NULL) "
    "SELECT name, c.country, s.sector FROM (SELECT DISTINCT name FROM u) "
    f"LEFT JOIN ({_MOST.format(c='country')}) c USING (name) "
    f"LEFT JOIN ({_MOST.format(c='sector')}) s USING (name)"
)
# the same edge counts between countries (actor country -> recipient country)
CTY_EDGE_TYPE, CTY_EDGES = f"{DB}.cty_edge_type", f"{DB}.cty_edges"
NAMES, CTY_NAMES = f"{DB}.names", f"{DB}.cty_names"
# Inverted lists for the substring and article filters: `{x}_dict` (id, value) and `{x}_ev`
# (id, rn), rn being an ev row's rowid (ev is written in listing order, once per build)
LOOKUPS = {"actor": "terms", "place": "places"}
ART_EV = f"{DB}.art_ev"
# network nodes: (actor side column, recipient side column) of `ev`
SIDES = {"actor": ("actor_names", "recipient_names"),
         "country": ("actor_countries", "recipient_countries")}
# by network kind: the index's (pair ids column of ev, by-type counts, totals, dictionary)
PAIR_TABLES = {"actor": ("pair_ids", EDGE_TYPE, EDGES, NAMES),
               "country": ("cty_pair_ids", CTY_EDGE_TYPE, CTY_EDGES, CTY_NAMES)}
# The listing order as one sortable string: ISO dates sort as text, NULL dates last.
KEY = "coalesce(strftime(date_start, '%Y-%m-%d'), '9999-99-99') || '|' || id"
COLUMNS = (
    f"{KEY} AS k, id, date_start, event_type, actor_countries, recipient_countries, "
    "list_distinct(list_concat(actor_countries, recipient_countries)) AS countries, "
    "actor_search, coalesce(length(date) = 10, false) AS is_day, "
    "coalesce(length(date), 0)::TINYINT AS date_len, actor_names, recipient_names, "
    "location_name, location_country, lat, lon, factuality, confidence, article_ids, "
    "lower(json_extract_string(record, '$.text')) AS text_lower, "
    "lower(location_name) AS place_lower"
)
# (actor, recipient, event_type) for every actor x recipient of each event, self-loops out
PAIRS = (
    "SELECT pr.a AS a, pr.r AS r, event_type FROM (SELECT unnest(flatten(list_transform("
    "{a}, lambda x: list_transform({r}, lambda y: {{'a': x, 'r': y}})))) "
    "AS pr, event_type FROM {source}{where}) WHERE a <> r"
)
# Without the index, the same columns computed from the events table on the fly
# (`direct` reads the corrected view instead, as the index does).
DIRECT = f"(SELECT {COLUMNS} FROM events) AS ev"


def direct(con: Any) -> str:
    """`DIRECT` over the corrected view of the events (`resgestae.store.corrected`)."""
    from resgestae.store import corrected

    return f"(SELECT {COLUMNS} FROM {corrected.source(con)}) AS ev"


def actor_info_sql(source: str = "events") -> str:
    """`ACTOR_INFO_SQL` over another events relation (the corrected view)."""
    return ACTOR_INFO_SQL.replace(" FROM events) WHERE", f" FROM {source}) WHERE", 1)
# A pair id's two node ids (`pid` = actor nid << 32 | recipient nid)
PID_A, PID_R = "(pid >> 32)", "(pid & 4294967295)"
_BASE = f"{DB}.ev_base"


def _dictionary(table: str, a: str, r: str) -> str:
    """SQL making `table` (nid, name): the distinct values of two list columns of ev_base,
    numbered in sort order."""
    return (f"CREATE OR REPLACE TABLE {table} AS SELECT (row_number() OVER (ORDER BY name) - 1)"
            f"::INTEGER AS nid, name FROM (SELECT DISTINCT unnest({a} || {r}) AS name "
            f"FROM {_BASE}) WHERE name IS NOT NULL")


def _numbered(table: str, a: str, r: str, prefix: str) -> str:
    """SQL for (k, {prefix}actor_ids, {prefix}recipient_ids, {prefix}pair_ids) of the events
    with named sides: the sides' node ids (repeats kept, as the lists have them) and every
    actor x recipient pair but self-loops, as `PAIRS` makes them."""
    return f"""WITH xa AS (SELECT k, n.nid FROM (SELECT k, unnest({a}) AS name FROM {_BASE})
    JOIN {table} n USING (name)),
  xr AS (SELECT k, n.nid FROM (SELECT k, unnest({r}) AS name FROM {_BASE})
    JOIN {table} n USING (name)),
  la AS (SELECT k, list(nid) AS ids FROM xa GROUP BY k),
  lr AS (SELECT k, list(nid) AS ids FROM xr GROUP BY k),
  lp AS (SELECT xa.k, list((xa.nid::BIGINT << 32) | xr.nid) AS ids FROM xa JOIN xr USING (k)
    WHERE xa.nid <> xr.nid GROUP BY xa.k)
SELECT k, la.ids AS {prefix}actor_ids, lr.ids AS {prefix}recipient_ids, lp.ids AS {prefix}pair_ids
FROM la FULL JOIN lr USING (k) FULL JOIN lp USING (k)"""


def _attach(con: Any) -> bool:
    """Attach the in-memory index database (and index events.id); False when read-only."""
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
    return True


def _enum(values: set[str]) -> str:
    """An ENUM type of these values in sort order (so ORDER BY sorts as the text does)."""
    return "ENUM(" + ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values)) + ")"


def _enums(con: Any) -> str:
    """`REPLACE` items making ev's code columns ENUMs: filters on them compare and group
    small integers, several times faster than text. Each ENUM holds every value a filter
    accepts as well as those stored, so a valid filter value always converts."""
    from resgestae.model import EVENT_TYPES, FACTUALITY
    from resgestae.store.query import countries

    def stored(sql: str) -> set[str]:
        return {r[0] for r in con.execute(sql).fetchall() if r[0] is not None}

    kinds = _enum(set(EVENT_TYPES) | stored(f"SELECT DISTINCT event_type FROM {_BASE}"))
    facts = _enum(set(FACTUALITY) | stored(f"SELECT DISTINCT factuality FROM {_BASE}"))
    codes = _enum(countries() | stored(f"SELECT name FROM {CTY_NAMES}")
                  | stored(f"SELECT DISTINCT location_country FROM {_BASE}"))
    return (f"CAST(event_type AS {kinds}) AS event_type, "
            f"CAST(factuality AS {facts}) AS factuality, "
            f"CAST(location_country AS {codes}) AS location_country, "
            + ", ".join(f"CAST({c} AS {codes}[]) AS {c}"
                        for c in ("actor_countries", "recipient_countries", "countries")))


def build(con: Any) -> bool:
    """(Re)build the read index on a writable connection; False when it cannot be built."""
    from resgestae.store import corrected

    if not _attach(con):
        return False
    source = corrected.source(con)  # analysts' corrections in place, wrong events out
    con.execute(f"CREATE OR REPLACE TABLE {_BASE} AS SELECT {COLUMNS} FROM {source}")
    con.execute(_dictionary(NAMES, *SIDES["actor"]))
    con.execute(_dictionary(CTY_NAMES, *SIDES["country"]))
    # CREATE OR REPLACE: readers on other cursors keep seeing the old tables until then
    con.execute(
        f"CREATE OR REPLACE TABLE {EV} AS SELECT b.* REPLACE ({_enums(con)}), "
        f"a.actor_ids, a.recipient_ids, a.pair_ids, c.cty_pair_ids FROM {_BASE} b "
        f"LEFT JOIN ({_numbered(NAMES, *SIDES['actor'], '')}) a USING (k) "
        f"LEFT JOIN ({_numbered(CTY_NAMES, *SIDES['country'], 'cty_')}) c USING (k) ORDER BY k")
    con.execute(f"DROP TABLE {_BASE}")
    _summaries(con, source)
    _lookups(con)
    return True


def _summaries(con: Any, source: str = "events") -> None:
    """The count tables over `ev`."""
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
    con.execute(f"CREATE OR REPLACE TABLE {ACTOR_INFO} AS {actor_info_sql(source)}")
    con.execute(
        f"CREATE OR REPLACE TABLE {ACTOR_TOTALS} AS SELECT name, "
        "count(*) FILTER (WHERE role = 'actor') AS as_actor, "
        "count(*) FILTER (WHERE role = 'recipient') AS as_recipient, count(*) AS events FROM ("
        f"SELECT unnest(actor_names) AS name, 'actor' AS role FROM {EV} UNION ALL "
        f"SELECT unnest(recipient_names), 'recipient' FROM {EV}) GROUP BY 1 "
        "ORDER BY events DESC, name")
    for column, by_type, total, _ in PAIR_TABLES.values():
        # pair ids sort as (actor name, recipient name): ties in a top-N break by names
        con.execute(f"CREATE OR REPLACE TABLE {by_type} AS SELECT pid, event_type, count(*) AS n "
                    f"FROM (SELECT unnest({column}) AS pid, event_type FROM {EV}) GROUP BY ALL")
        con.execute(f"CREATE OR REPLACE TABLE {total} AS SELECT pid, sum(n) AS total "
                    f"FROM {by_type} GROUP BY ALL ORDER BY total DESC, pid")


def _lookups(con: Any) -> None:
    """The inverted lists the actor, place and article filters read instead of scanning."""
    values = {"terms": "unnest(string_split(actor_search, chr(10)))",
              "places": "place_lower"}
    for name, value in values.items():
        con.execute(
            f"CREATE OR REPLACE TABLE {DB}.{name}_dict AS SELECT (row_number() OVER "
            f"(ORDER BY value) - 1)::INTEGER AS id, value FROM (SELECT DISTINCT {value} AS value "
            f"FROM {EV}) WHERE value IS NOT NULL")
        con.execute(
            f"CREATE OR REPLACE TABLE {DB}.{name}_ev AS SELECT d.id, x.rn FROM (SELECT "
            f"rowid AS rn, {value} AS value FROM {EV}) x JOIN {DB}.{name}_dict d USING (value) "
            "ORDER BY d.id, x.rn")
    con.execute(f"CREATE OR REPLACE TABLE {ART_EV} AS SELECT article_id, rn FROM (SELECT "
                f"rowid AS rn, unnest(article_ids) AS article_id FROM {EV}) "
                "ORDER BY article_id, rn")


def lookups(filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """WHERE clauses over ev (and their parameters) for the actor, place and article
    filters, read from the inverted lists; the filters they answer are set to None in
    `filters`. A substring that holds a newline (which can span two of an event's names
    in `actor_search`) is left to the scan."""
    clauses: list[str] = []
    params: list[Any] = []
    for key, name in LOOKUPS.items():
        value = filters.get(key)
        if value and "\n" not in value:
            clauses.append(f"rowid IN (SELECT rn FROM {DB}.{name}_ev WHERE id IN "
                           f"(SELECT id FROM {DB}.{name}_dict WHERE contains(value, ?)))")
            params.append(value.lower())
            filters[key] = None
    if filters.get("article"):
        ids = [filters["article"], *(filters.pop("article_in", None) or [])]
        marks = ", ".join("?" for _ in ids)
        clauses.append(f"rowid IN (SELECT rn FROM {ART_EV} WHERE article_id IN ({marks}))")
        params += ids
        filters["article"] = None
    return clauses, params
