"""Read-side queries for the HTTP API, the web page and the Python API.

Functions take a DuckDB connection `con` (a `Store.con` or a cursor of it, one
per thread) and use the tables documented in `resgestae.store.schema`. Filters
mean what they mean for `resgestae events` (the same WHERE clauses are used);
every value is a bound parameter.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator, Mapping
from typing import Any

from resgestae.store import query

FILTERS = ("actor", "country", "event_type", "since", "until")
ENTITY_JSON = '[{"name":"VARCHAR","text":"VARCHAR","country":"VARCHAR","sector":"VARCHAR"}]'


def where(filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """' WHERE ...' (or '') and its parameters for the event filters."""
    clauses, params = query._conditions(*(filters.get(k) for k in FILTERS))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _and(sql_where: str, clause: str) -> str:
    return sql_where + (" AND " if sql_where else " WHERE ") + clause


# -- cursor paging ---------------------------------------------------------------

def encode_cursor(date_start: Any, event_id: str) -> str:
    """An opaque cursor for the row after which the next page starts."""
    key = [date_start.isoformat() if date_start else None, event_id]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, str]:
    """The (date, id) key of a cursor; ValueError when it is not one we made."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        day, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as exc:
        raise ValueError(f"not a valid cursor: {cursor[:40]!r}") from exc
    if not isinstance(event_id, str) or not (day is None or isinstance(day, str)):
        raise ValueError(f"not a valid cursor: {cursor[:40]!r}")
    return day, event_id


def _after(cursor: str) -> tuple[str, list[Any]]:
    # rows sort by (date_start NULLS LAST, id): "after" is the keyset condition
    day, event_id = decode_cursor(cursor)
    if day is None:
        return "(date_start IS NULL AND id > ?)", [event_id]
    return (
        "(date_start > CAST(? AS DATE) OR (date_start = CAST(? AS DATE) AND id > ?) "
        "OR date_start IS NULL)", [day, day, event_id]
    )


def page_events(
    con: Any, filters: Mapping[str, Any], cursor: str | None = None, limit: int = 50
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of event records and the cursor of the next page (None at the end)."""
    sql_where, params = where(filters)
    if cursor:
        clause, more = _after(cursor)
        sql_where, params = _and(sql_where, clause), params + more
    sql = (
        "SELECT record, mentions, article_ids, date_start, id FROM events" + sql_where
        + " ORDER BY date_start NULLS LAST, id LIMIT ?"
    )
    rows = con.execute(sql, params + [limit + 1]).fetchall()
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_cursor(last[3], last[4]) if last else None
    return [query.record(r) for r in rows[:limit]], next_cursor


def iter_records(con: Any, filters: Mapping[str, Any], batch: int = 10_000) -> Iterator[dict]:
    """All matching event records in store order, fetched in batches (constant memory)."""
    sql_where, params = where(filters)
    sql = "SELECT record, mentions, article_ids FROM events" + sql_where
    cur = con.execute(sql + " ORDER BY date_start NULLS LAST, id", params)
    while rows := cur.fetchmany(batch):
        yield from (query.record(r) for r in rows)


# -- one event with its evidence ---------------------------------------------------

def _find(sentence: str, words: str | None, taken: list[tuple[int, int]],
          near: int) -> tuple[int, int] | None:
    """Where `words` occur in the sentence, free of what is taken, closest to `near`."""
    if not words:
        return None
    lower, needle, start, found = sentence.lower(), words.lower(), 0, []
    while (at := lower.find(needle, start)) >= 0:
        end = at + len(needle)
        if all(end <= a or at >= b for a, b in taken):
            found.append((at, end))
        start = at + 1
    # a name can occur twice ("Tripoli, Libya - ... a trip to Libya"): the one by the trigger
    return min(found, key=lambda f: abs(f[0] - near)) if found else None


def highlights(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Character ranges of the trigger, actors and recipients in the record's sentence."""
    sentence, taken, marks = record.get("text") or "", [], []
    wanted = [("trigger", record.get("trigger"))]
    wanted += [("actor", e.get("text")) for e in record.get("actor") or []]
    wanted += [("recipient", e.get("text")) for e in record.get("recipient") or []]
    near = 0
    for role, words in wanted:
        found = _find(sentence, words, taken, near)
        if found:
            near = found[0] if role == "trigger" else near
            taken.append(found)
            marks.append({"role": role, "start": found[0], "end": found[1],
                          "text": sentence[found[0]:found[1]]})
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
    sql = "SELECT record, mentions, article_ids FROM events WHERE id = ?"
    row = con.execute(sql, [event_id]).fetchone()
    if row is None:
        home = con.execute(
            "SELECT event_id FROM mentions WHERE mention_id = ? LIMIT 1", [event_id]
        ).fetchone()
        row = con.execute(sql, [home[0]]).fetchone() if home else None
    if row is None:
        return None
    record = query.record(row)
    return {
        "event": record,
        "highlights": highlights(record),
        "article": _article(con, record["article_id"], record.get("span"), around),
        "mentions": _mentions(con, record["id"]),
    }


# -- actors, network, stats ------------------------------------------------------------

def actors(
    con: Any, filters: Mapping[str, Any], name: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Canonical actors of the matching events, most active first, with their roles."""
    sql_where, params = where(filters)
    sides = " UNION ALL ".join(
        f"SELECT unnest(from_json(json_extract(record, '$.{side}'), '{ENTITY_JSON}')) AS e, "
        f"'{side}' AS role FROM events{sql_where}"
        for side in ("actor", "recipient")
    )
    having = " HAVING contains(lower(name), ?)" if name else ""
    sql = (
        f"SELECT coalesce(e.name, e.text) AS name, mode(e.country) AS country, "
        f"mode(e.sector) AS sector, count(*) FILTER (WHERE role = 'actor') AS as_actor, "
        f"count(*) FILTER (WHERE role = 'recipient') AS as_recipient, count(*) AS events "
        f"FROM ({sides}) GROUP BY 1{having} ORDER BY events DESC, name LIMIT ?"
    )
    args = params + params + ([name.lower()] if name else []) + [limit]
    cur = con.execute(sql, args)
    keys = [d[0] for d in cur.description]
    return [dict(zip(keys, r, strict=True)) for r in cur.fetchall()]


def network(con: Any, filters: Mapping[str, Any], limit: int = 200) -> dict[str, Any]:
    """Actor -> recipient edges of the matching events (the heaviest `limit`), by type."""
    sql_where, params = where(filters)
    rows = con.execute(
        "SELECT a, r, event_type, count(*) AS n FROM (SELECT unnest(actor_names) AS a, "
        f"recipient_names, event_type FROM events{sql_where}) , unnest(recipient_names) AS t(r) "
        "WHERE a <> r GROUP BY ALL ORDER BY n DESC, a, r, event_type LIMIT ?",
        params + [limit],
    ).fetchall()
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, kind, n in rows:
        edge = edges.setdefault((source, target), {"source": source, "target": target,
                                                   "count": 0, "by_type": {}})
        edge["count"] += n
        edge["by_type"][kind] = n
    nodes = sorted({name for pair in edges for name in pair})
    return {"nodes": [{"id": n} for n in nodes], "edges": list(edges.values())}


def stats(con: Any, filters: Mapping[str, Any]) -> dict[str, Any]:
    """Counts of the matching events: total, by type, by country, by day and type.

    A country counts an event once whether it is on the actor or recipient side;
    `by_day` has day-precision dates only (a year is not a day)."""
    sql_where, params = where(filters)
    one = con.execute
    total = one(f"SELECT count(*) FROM events{sql_where}", params).fetchone()[0]
    by_type = one(
        f"SELECT event_type, count(*) FROM events{sql_where} GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    ).fetchall()
    by_country = one(
        "SELECT c, count(*) FROM (SELECT unnest(list_distinct(list_concat(actor_countries, "
        f"recipient_countries))) AS c FROM events{sql_where}) GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    ).fetchall()
    by_day = one(
        f"SELECT date_start, event_type, count(*) FROM events"
        f"{_and(sql_where, 'length(date) = 10')} GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    ).fetchall()
    return {
        "total": total,
        "by_type": [{"event_type": t, "count": n} for t, n in by_type],
        "by_country": [{"country": c, "count": n} for c, n in by_country],
        "by_day": [{"day": d.isoformat(), "event_type": t, "count": n} for d, t, n in by_day],
    }


def article_meta(con: Any) -> dict[str, dict[str, Any]]:
    """Article id -> url, title, date, source, language (for exports that cite sources)."""
    cur = con.execute("SELECT id, url, title, date, source, language FROM articles")
    keys = ("url", "title", "date", "source", "language")
    return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in cur.fetchall()}


def places(con: Any, filters: Mapping[str, Any], limit: int = 500) -> list[dict[str, Any]]:
    """Located places of the matching events with their event counts, busiest first."""
    sql_where, params = where(filters)
    rows = con.execute(
        "SELECT location_name, location_country, lat, lon, count(*) AS n FROM events"
        f"{_and(sql_where, 'lat IS NOT NULL AND lon IS NOT NULL')} "
        "GROUP BY ALL ORDER BY n DESC, location_name LIMIT ?",
        params + [limit],
    ).fetchall()
    keys = ("name", "country", "lat", "lon", "count")
    return [dict(zip(keys, r, strict=True)) for r in rows]
