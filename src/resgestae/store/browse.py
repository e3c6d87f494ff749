"""Read-side queries for the HTTP API, the web page and the Python API.

Functions take a DuckDB connection `con` (a `Store.con` or a cursor of it, one
per thread) and use the tables documented in `resgestae.store.schema`. Filters
mean what they mean for `resgestae events` (the same WHERE clauses are used);
every value is a bound parameter. With `indexed=True` they read the in-memory
read index (`resgestae.store.read_index`, built by the server) instead of
scanning `events`; the answers are the same.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from resgestae.plover import quad_class
from resgestae.store import corrected, query, read_index

FILTERS = query.FILTERS


def where(filters: Mapping[str, Any], on_events: bool = False,
          indexed: bool = False) -> tuple[str, list[Any]]:
    """' WHERE ...' (or '') and its parameters for the event filters, over the read index's
    columns (or, with `on_events`, over the events table). `indexed`: over the index's `ev`
    itself, whose inverted lists answer the actor, place and article filters."""
    query.check(filters)
    columns = query.ON_EVENTS if on_events else {}
    plain = {k: filters.get(k) for k in FILTERS} | {"article_in": filters.get("article_in")}
    found, found_params = read_index.lookups(plain) if indexed else ([], [])
    clauses, params = query.conditions(**plain, **columns)
    clauses, params = clauses + found, params + found_params
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _and(sql_where: str, clause: str) -> str:
    return sql_where + (" AND " if sql_where else " WHERE ") + clause


def _source(con: Any, indexed: bool) -> str:
    """The index's `ev`, or its columns computed from the corrected view of the events."""
    return read_index.EV if indexed else read_index.direct(con)


# -- cursor paging ---------------------------------------------------------------

def encode_cursor(key: str) -> str:
    """An opaque cursor: the listing key of the row after which the next page starts."""
    return base64.urlsafe_b64encode(json.dumps(["k", key]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The listing key of a cursor; ValueError when it is not one we made."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        tag, key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as exc:
        raise ValueError(f"not a valid cursor: {cursor[:40]!r}") from exc
    if tag != "k" or not isinstance(key, str):
        raise ValueError(f"not a valid cursor: {cursor[:40]!r}")
    return key


def _page_keys(con: Any, filters: Mapping[str, Any], cursor: str | None, n: int,
               indexed: bool) -> list[tuple[str, str]]:
    sql_where, params = where(filters, indexed=indexed)
    if cursor:
        sql_where, params = _and(sql_where, "k > ?"), params + [decode_cursor(cursor)]
    if indexed and "rowid IN" not in sql_where:
        # the index is stored in listing order and DuckDB keeps insertion order for a
        # filtered scan without ORDER BY (preserve_insertion_order), so LIMIT stops early;
        # not through a join with the inverted lists, whose matches are few anyway
        keys = con.execute(f"SELECT k, id FROM {read_index.EV}{sql_where} LIMIT ?",
                           params + [n]).fetchall()
        if all(a[0] < b[0] for a, b in zip(keys, keys[1:], strict=False)):
            return keys
    sql = f"SELECT k, id FROM {_source(con, indexed)}{sql_where} ORDER BY k LIMIT ?"
    return con.execute(sql, params + [n]).fetchall()


def records_by_id(con: Any, ids: list[str]) -> list[dict[str, Any]]:
    """The event records with these ids, in the order given."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = con.execute(
        f"SELECT record, mentions, article_ids, id FROM events WHERE id IN ({marks})", ids
    ).fetchall()
    found = {r["id"]: r for r in query.records(con, rows)}
    return [found[i] for i in ids if i in found]


def page_events(
    con: Any, filters: Mapping[str, Any], cursor: str | None = None, limit: int = 50,
    indexed: bool = False,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of event records (ordered by date, then id) and the next page's cursor."""
    filters = query.resolve(con, filters)
    keys = _page_keys(con, filters, cursor, limit + 1, indexed)
    next_cursor = encode_cursor(keys[limit - 1][0]) if len(keys) > limit else None
    return records_by_id(con, [k[1] for k in keys[:limit]]), next_cursor


def iter_records(con: Any, filters: Mapping[str, Any], batch: int = 10_000,
                 corrected_only: bool = False) -> Iterator[dict]:
    """All matching event records in store order, fetched in batches (constant memory);
    `corrected_only`: only the events analysts corrected."""
    filters = query.resolve(con, filters)
    sql, params = query.events_sql(**{k: filters.get(k) for k in FILTERS},
                                   article_in=filters.get("article_in"),
                                   corrected_only=corrected_only,
                                   source=corrected.source(con, keep_wrong=True))
    cur = con.execute(sql, params)
    while rows := cur.fetchmany(batch):
        # a cursor of its own reads the articles and corrections of each batch
        yield from query.records(con.cursor(), rows)


# -- one event with its evidence ---------------------------------------------------

def highlights(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Character ranges of the trigger, actors and recipients in the record's sentence,
    sorted, from the spans the coder recorded (article offsets, `trigger_span` and each
    entity's `span`), shifted to the sentence; never searched for in the text. Records
    stored before schema version 4 have null spans and get no marks (re-code them)."""
    sentence = record.get("text") or ""
    offset = (record.get("span") or [0, 0])[0]
    wanted = [("trigger", record.get("trigger_span"))]
    wanted += [("actor", e.get("span")) for e in record.get("actor") or []]
    wanted += [("recipient", e.get("span")) for e in record.get("recipient") or []]
    marks, taken = [], set()
    for role, span in wanted:
        if not span or tuple(span) in taken:
            continue
        start, end = span[0] - offset, span[1] - offset
        if 0 <= start < end <= len(sentence):
            taken.add(tuple(span))
            marks.append({"role": role, "start": start, "end": end,
                          "text": sentence[start:end]})
    return sorted(marks, key=lambda m: m["start"])


def _article(con: Any, article_id: str, span: list[int] | None, around: int) -> dict | None:
    row = con.execute(
        "SELECT id, title, date, url, source, language, text FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    keys = ("id", "title", "date", "url", "source", "language")
    article = dict(zip(keys, row[:6], strict=True))
    text = row[6] or ""
    start, end = span if span else (0, 0)
    article["before"] = text[max(0, start - around):start]
    article["after"] = text[end:end + around]
    article["length"] = len(text)
    return article


def _mentions(con: Any, event_id: str) -> list[dict[str, Any]]:
    rows = con.execute(
        "SELECT m.article_id, m.count, m.mention_id, a.title, a.url, a.date FROM mentions m "
        "LEFT JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY 1, 3",
        [event_id],
    ).fetchall()
    keys = ("article_id", "count", "mention_id", "title", "url", "date")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def event_detail(con: Any, event_id: str, around: int = 300) -> dict[str, Any] | None:
    """The event record with highlights, its article's context and its other reports.

    `event_id` may also be the id a merged report had in its own article."""
    sql = "SELECT record, mentions, article_ids, id FROM events WHERE id = ?"
    row = con.execute(sql, [event_id]).fetchone()
    if row is None:
        home = con.execute(
            "SELECT event_id FROM mentions WHERE mention_id = ? LIMIT 1", [event_id]
        ).fetchone()
        row = con.execute(sql, [home[0]]).fetchone() if home else None
    if row is None:
        return None
    record = query.records(con, [row])[0]
    return {
        "event": record,
        "highlights": highlights(record),
        "article": _article(con, record["article_id"], record.get("span"), around),
        "mentions": _mentions(con, record["id"]),
    }


# -- actors, network, stats ------------------------------------------------------------

# the matching events are read once (m), then each side's names counted
ACTOR_COUNTS = (
    "WITH m AS MATERIALIZED (SELECT actor_names, recipient_names FROM {source}{where}) "
    "SELECT name, count(*) FILTER (WHERE role = 'actor') AS as_actor, "
    "count(*) FILTER (WHERE role = 'recipient') AS as_recipient, count(*) AS events FROM ("
    "SELECT unnest(actor_names) AS name, 'actor' AS role FROM m UNION ALL "
    "SELECT unnest(recipient_names), 'recipient' FROM m) "
    "GROUP BY 1{having} ORDER BY events DESC, name LIMIT ?"
)
def _actor_details(con: Any, names: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """name -> (most frequent country, most frequent sector) over all its mentions, as the
    read index's `actor_info` has them, computed for these names."""
    sql = (f"SELECT * FROM ({read_index.actor_info_sql(corrected.source(con))}) "
           "WHERE name IN (SELECT unnest(?::VARCHAR[]))")
    return {r[0]: (r[1], r[2]) for r in con.execute(sql, [names]).fetchall()}


# the same over the index's node ids (name order): integers group fast, names come last
ACTOR_IDS = (
    "WITH m AS MATERIALIZED (SELECT actor_ids, recipient_ids FROM {ev}{where}), "
    "c AS (SELECT nid, count(*) FILTER (WHERE role = 1) AS as_actor, "
    "count(*) FILTER (WHERE role = 2) AS as_recipient, count(*) AS events FROM ("
    "SELECT unnest(actor_ids) AS nid, 1 AS role FROM m UNION ALL "
    "SELECT unnest(recipient_ids), 2 FROM m) GROUP BY 1{having} ORDER BY events DESC, nid LIMIT ?) "
    "SELECT n.name, c.as_actor, c.as_recipient, c.events FROM c JOIN {names} n USING (nid) "
    "ORDER BY c.events DESC, c.nid"
)


def _actor_counts(con: Any, filters: Mapping[str, Any], name: str | None, limit: int,
                  indexed: bool) -> list[tuple[str, int, int, int]]:
    """(name, as actor, as recipient, events) of the busiest actors of the matching events."""
    sql_where, params = where(filters, indexed=indexed)
    named = [name.lower()] if name else []
    if indexed and not sql_where:
        sql = (f"SELECT name, as_actor, as_recipient, events FROM {read_index.ACTOR_TOTALS}"
               + (" WHERE contains(lower(name), ?)" if name else "")
               + " ORDER BY events DESC, name LIMIT ?")
        return con.execute(sql, named + [limit]).fetchall()
    if indexed:
        having = (f" HAVING nid IN (SELECT nid FROM {read_index.NAMES} "
                  "WHERE contains(lower(name), ?))") if name else ""
        sql = ACTOR_IDS.format(ev=read_index.EV, where=sql_where, having=having,
                               names=read_index.NAMES)
    else:
        having = " HAVING contains(lower(name), ?)" if name else ""
        sql = ACTOR_COUNTS.format(source=_source(con, indexed), where=sql_where, having=having)
    return con.execute(sql, params + named + [limit]).fetchall()


def actors(
    con: Any, filters: Mapping[str, Any], name: str | None = None, limit: int = 100,
    indexed: bool = False,
) -> list[dict[str, Any]]:
    """Canonical actors of the matching events, most active first, with their roles and
    their most frequent country and sector over all their mentions."""
    filters = query.resolve(con, filters)
    counts = _actor_counts(con, filters, name, limit, indexed)
    names = [r[0] for r in counts]
    if not counts:
        details = {}
    elif indexed:
        details = {r[0]: (r[1], r[2]) for r in con.execute(
            f"SELECT name, country, sector FROM {read_index.ACTOR_INFO} "
            "WHERE name IN (SELECT unnest(?::VARCHAR[]))", [names]).fetchall()}
    else:
        details = _actor_details(con, names)
    return [
        {"name": n, "country": details.get(n, (None, None))[0],
         "sector": details.get(n, (None, None))[1], "as_actor": a, "as_recipient": r, "events": e}
        for n, a, r, e in counts
    ]


NETWORK_SQL = (
    "WITH p AS MATERIALIZED ({pairs}), top AS ({top}) "
    "SELECT p.a, p.r, p.event_type, CAST(p.n AS BIGINT) FROM p JOIN top USING (a, r) "
    "ORDER BY top.total DESC, p.a, p.r, p.event_type"
)
TOP_PAIRS = "SELECT a, r, sum(n) AS total FROM p GROUP BY ALL ORDER BY total DESC, a, r LIMIT ?"


# Over the index: `top` (pid, total) the heaviest pairs, `t` (pid, event_type, n) their
# counts by type; pair ids sort as (actor name, recipient name), so ties break by names.
NETWORK_IDS = (
    "WITH {parts} SELECT a.name, r.name, t.event_type, CAST(t.n AS BIGINT) "
    "FROM t JOIN top USING (pid) JOIN {names} a ON a.nid = " + read_index.PID_A + " "
    "JOIN {names} r ON r.nid = " + read_index.PID_R + " "
    "ORDER BY top.total DESC, pid, t.event_type"
)
# the matching events' pairs (u), read once
FILTERED_PAIRS = (
    "u AS MATERIALIZED (SELECT unnest({column}) AS pid, event_type FROM {ev}{where}), "
    "top AS (SELECT pid, count(*) AS total FROM u GROUP BY pid ORDER BY total DESC, pid "
    "LIMIT ?), t AS (SELECT pid, event_type, count(*) AS n FROM u "
    "WHERE pid IN (SELECT pid FROM top) GROUP BY ALL)"
)


def _network_plan(con: Any, filters: Mapping[str, Any], limit: int, indexed: bool,
                  by: str = "actor") -> tuple[str, list]:
    query.check(filters)
    sql_where, params = where(filters, indexed=indexed)
    if not indexed:  # the reference: names paired in SQL, grouped as text
        a, r = read_index.SIDES[by]
        pairs = read_index.PAIRS.format(a=a, r=r, source=_source(con, indexed), where=sql_where)
        counted = f"SELECT a, r, event_type, count(*) AS n FROM ({pairs}) GROUP BY ALL"
        return NETWORK_SQL.format(pairs=counted, top=TOP_PAIRS), params + [limit]
    column, by_type, totals, names = read_index.PAIR_TABLES[by]
    others = [k for k in FILTERS if k != "event_type" and filters.get(k) not in (None, "")]
    kind = (filters.get("event_type") or "").upper()
    if others:
        parts = FILTERED_PAIRS.format(column=column, ev=read_index.EV, where=sql_where)
        return NETWORK_IDS.format(parts=parts, names=names), params + [limit]
    if kind:  # from the precomputed counts of that type
        parts = (f"top AS (SELECT pid, n AS total FROM {by_type} WHERE event_type = ? "
                 "ORDER BY n DESC, pid LIMIT ?), t AS (SELECT pid, ? AS event_type, total AS n "
                 "FROM top)")
        return NETWORK_IDS.format(parts=parts, names=names), [kind, limit, kind]
    parts = (f"top AS (SELECT pid, total FROM {totals} ORDER BY total DESC, pid LIMIT ?), "
             f"t AS (SELECT pid, event_type, n FROM {by_type} WHERE pid IN (SELECT pid FROM top))")
    return NETWORK_IDS.format(parts=parts, names=names), [limit]


def network(con: Any, filters: Mapping[str, Any], limit: int = 200,
            indexed: bool = False, by: str = "actor") -> dict[str, Any]:
    """Actor -> recipient edges of the matching events (the `limit` heaviest), by type and
    by QuadClass; `by="country"` joins actors into their countries. Nodes carry their
    event count (as actor or recipient in the edges kept)."""
    filters = query.resolve(con, filters)
    if by not in read_index.SIDES:
        raise ValueError(f"network by {by!r}: use one of {', '.join(read_index.SIDES)}")
    sql, params = _network_plan(con, filters, limit, indexed, by)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, kind, n in con.execute(sql, params).fetchall():
        edge = edges.setdefault((source, target), {"source": source, "target": target,
                                                   "count": 0, "by_type": {}, "by_quad": {}})
        edge["count"] += n
        edge["by_type"][kind] = n
        quad = str(quad_class(None, kind) or 0)
        edge["by_quad"][quad] = edge["by_quad"].get(quad, 0) + n
    weight: Counter[str] = Counter()
    for (source, target), edge in edges.items():
        weight[source] += edge["count"]
        weight[target] += edge["count"]
    return {"by": by, "nodes": [{"id": n, "count": weight[n]} for n in sorted(weight)],
            "edges": list(edges.values())}


# The whole stats answer is built as JSON inside DuckDB: turning thousands of
# (day, type) rows into Python objects and back costs more than the query.
STATS_SQL = """WITH g AS MATERIALIZED (
  SELECT date_start, is_day, date_len, event_type, CAST({count} AS BIGINT) AS n
  FROM {table}{where} GROUP BY ALL)
SELECT to_json({{
  'total': (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM g),
  'by_type': coalesce((SELECT list({{'event_type': event_type, 'count': n}}
      ORDER BY n DESC, event_type) FROM (SELECT event_type, CAST(sum(n) AS BIGINT) AS n
      FROM g GROUP BY 1)), []),
  'by_country': coalesce(({countries}), []),
  'by_day': coalesce((SELECT list({{'day': strftime(date_start, '%Y-%m-%d'),
      'event_type': event_type, 'count': n}} ORDER BY date_start, event_type)
      FROM g WHERE is_day), []),
  'by_span': coalesce((SELECT list({{'start': strftime(date_start, '%Y-%m-%d'),
      'precision': CASE date_len WHEN 7 THEN 'month' ELSE 'year' END,
      'event_type': event_type, 'count': n}} ORDER BY date_start, date_len, event_type)
      FROM (SELECT date_start, date_len, event_type, CAST(sum(n) AS BIGINT) AS n FROM g
            WHERE date_len IN (4, 7) GROUP BY ALL)), [])
}})"""
COUNTRIES_SUMMED = """SELECT list({{'country': country, 'count': n}} ORDER BY n DESC, country)
  FROM (SELECT country, CAST(sum(n) AS BIGINT) AS n FROM {table}{where} GROUP BY 1)"""
COUNTRIES_UNNESTED = """SELECT list({{'country': c, 'count': n}} ORDER BY n DESC, c)
  FROM (SELECT c, count(*) AS n FROM (SELECT unnest(countries) AS c FROM {table}{where})
  GROUP BY 1)"""


def _country_totals(filters: Mapping[str, Any], sql_where: str,
                    params: list[Any]) -> tuple[str, list[Any]]:
    """Country counts from the smallest summary that has the filters' columns."""
    if filters.get("since") or filters.get("until"):
        return COUNTRIES_SUMMED.format(table=read_index.BY_COUNTRY, where=sql_where), params
    clauses, type_params = query._conditions(None, None, filters.get("event_type"), None, None)
    type_where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return COUNTRIES_SUMMED.format(table=read_index.COUNTRY_TYPE, where=type_where), type_params


def _stats_plan(con: Any, filters: Mapping[str, Any], indexed: bool) -> tuple[str, list[Any]]:
    """The stats SQL and parameters: from the summaries when the filters allow it."""
    query.check(filters)
    country = (filters.get("country") or "").upper()
    if indexed and not any(filters.get(k) is not None and filters.get(k) != ""
                           for k in ("actor", *query.FILTERS[5:])):
        # type and date filters apply to the summary tables as they are
        clauses, params = query._conditions(None, None, filters.get("event_type"),
                                            filters.get("since"), filters.get("until"))
        sql_where = " WHERE " + " AND ".join(clauses) if clauses else ""
        if not country:
            countries, cty_params = _country_totals(filters, sql_where, params)
            sql = STATS_SQL.format(count="sum(n)", table=read_index.BY_DAY, where=sql_where,
                                   countries=countries)
            return sql, params + cty_params
        # one country: its rows of ev_cty, where each of its events occurs once
        table, sql_where, params = read_index.EV_COUNTRY, _and(sql_where, "country = ?"), \
            params + [country]
    else:
        # the matching events read once (m): the day counts and the country counts use it
        sql_where, params = where(filters, indexed=indexed)
        matching = (f"WITH m AS MATERIALIZED (SELECT date_start, is_day, date_len, event_type, "
                    f"countries FROM {_source(con, indexed)}{sql_where}), ")
        countries = COUNTRIES_UNNESTED.format(table="m", where="")
        sql = STATS_SQL.format(count="count(*)", table="m", where="", countries=countries)
        return matching + sql.removeprefix("WITH "), params
    countries = COUNTRIES_UNNESTED.format(table=table, where=sql_where)
    sql = STATS_SQL.format(count="count(*)", table=table, where=sql_where, countries=countries)
    return sql, params * 2


def stats_json(con: Any, filters: Mapping[str, Any], indexed: bool = False) -> str:
    """`stats` as JSON text (what the HTTP API sends)."""
    filters = query.resolve(con, filters)
    sql, params = _stats_plan(con, filters, indexed)
    return con.execute(sql, params).fetchone()[0]


def stats(con: Any, filters: Mapping[str, Any], indexed: bool = False) -> dict[str, Any]:
    """Counts of the matching events: total, by type, by country, by day and type.

    A country counts an event once whether it is on the actor or recipient side;
    `by_day` has day-precision dates only (a year is not a day)."""
    return json.loads(stats_json(con, filters, indexed))


def article_meta(con: Any) -> dict[str, dict[str, Any]]:
    """Article id -> url, title, date, source, language, coded_at (UTC datetime), for the
    exports that cite sources."""
    cur = con.execute("SELECT id, url, title, date, source, language, coded_at FROM articles")
    keys = ("url", "title", "date", "source", "language", "coded_at")
    return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in cur.fetchall()}


ARTICLE_COLUMNS = ("id", "title", "date", "url", "source", "language", "origin", "dateline",
                   "coded_at", "n_events", "text")


def iter_articles(con: Any, filters: Mapping[str, Any], batch: int = 1_000) -> Iterator[dict]:
    """Stored articles, by id; with event filters, only the articles of matching events,
    as analysts corrected them (an event marked wrong matches nothing)."""
    filters = query.resolve(con, filters)
    sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"
    params: list[Any] = []
    if any(v is not None for v in filters.values()):
        sql_where, params = where(filters, on_events=True)
        sql += (" WHERE list_contains((SELECT flatten(list(article_ids)) FROM "
                f"{corrected.source(con)}{sql_where}), id)")
    cur = con.execute(sql + " ORDER BY id", params)
    while rows := cur.fetchmany(batch):
        yield from (dict(zip(ARTICLE_COLUMNS, r, strict=True)) for r in rows)


def places(con: Any, filters: Mapping[str, Any], limit: int = 500,
           indexed: bool = False) -> list[dict[str, Any]]:
    """Located places of the matching events with their event counts, busiest first."""
    filters = query.resolve(con, filters)
    sql_where, params = where(filters, indexed=indexed)
    located, having = "lat IS NOT NULL AND lon IS NOT NULL", ""
    if "rowid IN" in sql_where:
        # through the inverted lists: tested after grouping (as aggregates, which DuckDB
        # does not push down), because a filter on ev makes DuckDB hash the located events
        # rather than the (fewer) rows the lists name; count(lat) is 0 in the unlocated group
        having, located = " HAVING count(lat) > 0 AND count(lon) > 0", ""
    rows = con.execute(
        "SELECT location_name, location_country, lat, lon, count(*) AS n FROM "
        f"{_source(con, indexed)}"
        f"{_and(sql_where, located) if located else sql_where} GROUP BY ALL{having} "
        "ORDER BY n DESC, location_name, location_country, lat, lon LIMIT ?",
        params + [limit],
    ).fetchall()
    keys = ("name", "country", "lat", "lon", "count")
    return [dict(zip(keys, r, strict=True)) for r in rows]
