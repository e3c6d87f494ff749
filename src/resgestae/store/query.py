"""Building the filtered events query (parameters always bound, never formatted in), and
turning result rows into the records every reader shows.

Filters (the same for the CLI, the HTTP API, the Python API and the page):

    actor           substring of an actor or recipient name or text (any case)
    country         ISO-3 (or PLOVER's IGO, UNO, ...) of an actor or recipient
    event_type      PLOVER event type
    since, until    ISO dates, both inclusive at their precision: until 2020-12 takes all of
                    December, until 2020 the whole year
    place_country   ISO-3 of the event's location
    place           substring of the location's name (any case)
    factuality      asserted, negated, future or hypothetical
    min_confidence  0-1: events coded with at least this confidence
    text            substring of the evidence sentence (any case)
    article         an article id, or an article URL: events any of its reports came from

An unknown event type, country or factuality is a ValueError naming the valid values:
a filter that matches nothing because of a typo must not look like an empty answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from resgestae.model import EVENT_TYPES
from resgestae.store.rows import first_day, to_record

SELECT = "SELECT record, mentions, article_ids, id FROM events"
FILTERS = ("actor", "country", "event_type", "since", "until", "place_country", "place",
           "factuality", "min_confidence", "text", "article")
FACTUALITY = ("asserted", "negated", "future", "hypothetical")
NONSTATE = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
# the evidence sentence, lower-cased, over the events table (the read index has a column)
TEXT_OF_RECORD = "lower(json_extract_string(record, '$.text'))"
# the lower-cased place name, over the events table (the read index has a column)
PLACE_OF_ROW = "lower(location_name)"
# `conditions` keywords for a query over the events table rather than the read index
ON_EVENTS = {"text_column": TEXT_OF_RECORD, "place_column": PLACE_OF_ROW}


def countries() -> set[str]:
    """Country codes a filter accepts: ISO-3 (as GeoNames lists them), Kosovo's KOS and
    PLOVER's non-state codes."""
    from resgestae.export.geo import _countries

    return set(_countries()) | set(NONSTATE)


def check(filters: Mapping[str, Any]) -> None:
    """ValueError for a filter value that can never match, naming the valid values."""
    kind = filters.get("event_type")
    if kind and kind.upper() not in EVENT_TYPES:
        raise ValueError(f"unknown event type {kind!r}: use one of {', '.join(EVENT_TYPES)}")
    for key in ("country", "place_country"):
        code = filters.get(key)
        if code and code.upper() not in countries():
            raise ValueError(f"unknown country {code!r}: use an ISO-3 code (LBY, TUR, USA...) "
                             f"or one of {', '.join(NONSTATE)}")
    fact = filters.get("factuality")
    if fact and fact.lower() not in FACTUALITY:
        raise ValueError(f"unknown factuality {fact!r}: use one of {', '.join(FACTUALITY)}")
    confidence = filters.get("min_confidence")
    if confidence is not None and not 0 <= float(confidence) <= 1:
        raise ValueError(f"min_confidence {confidence!r} is not between 0 and 1")
    for key in ("since", "until"):
        if filters.get(key):
            _day(filters[key])


def resolve(con: Any, filters: Mapping[str, Any]) -> dict[str, Any]:
    """The filters with an `article` URL's article ids looked up (`article_in`), so the
    article filter takes an id or a URL."""
    found = dict(filters)
    value = found.get("article")
    if value and "://" in str(value):
        rows = con.execute("SELECT id FROM articles WHERE url = ? ORDER BY id", [value])
        found["article_in"] = [r[0] for r in rows.fetchall()]
    return found


def after(value: str) -> date:
    """The first day after the period an ISO date names: 2020 -> 2021-01-01,
    2020-12 -> 2021-01-01, 2020-12-31 -> 2021-01-01."""
    day, parts = _day(value), value.strip()[:10].split("-")
    if len(parts) == 1:
        return date(day.year + 1, 1, 1)
    if len(parts) == 2:
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day + timedelta(days=1)


def conditions(
    actor: str | None = None, country: str | None = None, event_type: str | None = None,
    since: str | None = None, until: str | None = None, *, text_column: str = "text_lower",
    place_column: str = "place_lower", **more: Any,
) -> tuple[list[str], list[Any]]:
    """WHERE clauses (to AND together) and their bound parameters for the event filters.

    `text_column`, `place_column`: the lower-cased evidence sentence and place name in the
    table queried (the read index's columns by default; `ON_EVENTS` for the events table)."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        where.append("contains(actor_search, ?)")
        params.append(actor.lower())
    if country:
        where.append("(list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?))")
        params += [country.upper(), country.upper()]
    if event_type:
        where.append("event_type = ?")
        params.append(event_type.upper())
    if since:
        where.append("date_start >= ?")
        params.append(_day(since))
    if until:
        where.append("date_start < ?")
        params.append(after(until))
    _more(more, (text_column, place_column), where, params)
    return where, params


def _more(filters: Mapping[str, Any], columns: tuple[str, str], where: list[str],
          params: list[Any]) -> None:
    """The clauses of the filters beyond the first five."""
    if filters.get("place_country"):
        where.append("location_country = ?")
        params.append(filters["place_country"].upper())
    text_column, place_column = columns
    if filters.get("place"):
        where.append(f"contains({place_column}, ?)")
        params.append(filters["place"].lower())
    if filters.get("factuality"):
        where.append("factuality = ?")
        params.append(filters["factuality"].lower())
    if filters.get("min_confidence") is not None:
        where.append("confidence >= ?")
        params.append(float(filters["min_confidence"]))
    if filters.get("text"):
        where.append(f"contains({text_column}, ?)")
        params.append(filters["text"].lower())
    if filters.get("article"):
        # an article id, or the ids of the articles with that URL (`resolve`); list_contains
        # per id: list_has_any is several times slower on a million rows
        ids = [filters["article"], *(filters.get("article_in") or [])]
        where.append("(" + " OR ".join("list_contains(article_ids, ?)" for _ in ids) + ")")
        params += ids


def _day(value: str) -> Any:
    day = first_day(value)
    if day is None:
        raise ValueError(f"not an ISO date: {value!r} (use yyyy, yyyy-mm or yyyy-mm-dd)")
    return day


def events_sql(
    actor: str | None = None, country: str | None = None, event_type: str | None = None,
    since: str | None = None, until: str | None = None,
    limit: int | None = None, offset: int | None = None, corrected_only: bool = False,
    source: str = "events", **more: Any,
) -> tuple[str, list[Any]]:
    """The SQL and parameters for `Store.events` (ordered by date, then id);
    `corrected_only`: only events an analyst corrected; `source`: the events relation
    (`resgestae.store.corrected.source`, so the filters match the corrected values)."""
    check({"country": country, "event_type": event_type, "since": since, "until": until,
           **more})
    where, params = conditions(actor, country, event_type, since, until, **ON_EVENTS, **more)
    if corrected_only:
        where.append("id IN (SELECT event_id FROM corrections)")
    sql = SELECT.replace(" FROM events", f" FROM {source}")
    sql += " WHERE " + " AND ".join(where) if where else ""
    sql += " ORDER BY date_start NULLS LAST, id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    if offset:
        sql += " OFFSET ?"
        params.append(int(offset))
    return sql, params


_conditions = conditions  # the name browse.py first used


def record(row: tuple[Any, ...]) -> dict[str, Any]:
    """A result row -> the event record with stored mentions and article ids."""
    return to_record(row[0], row[1], row[2])


ARTICLE_FIELDS = ("url", "title", "source")
# what reading adds to a stored record (`records`)
READ_FIELDS = (*ARTICLE_FIELDS, "quad_class", "goldstein", "corrected")


def as_coded(record: dict[str, Any]) -> dict[str, Any]:
    """A read record without what reading added (as the coder made it, for comparisons)."""
    return {k: v for k, v in record.items() if k not in READ_FIELDS}


def records(con: Any, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Result rows (record, mentions, article_ids, ...) -> the records readers show: with
    `quad_class`, `goldstein`, the article's `url`, `title` and `source`, and the analysts'
    corrections applied (`corrected`; `resgestae.store.corrections`)."""
    from resgestae.export._common import analysts_fields
    from resgestae.store import corrections

    found = [record(r) for r in rows]
    if not found:
        return found
    ids = sorted({r["article_id"] for r in found})
    meta = {row[0]: row[1:] for row in con.execute(
        "SELECT id, url, title, source FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
        [ids]
    ).fetchall()}
    fixes = corrections.latest(con, [r["id"] for r in found])
    for item in found:
        item.update(zip(ARTICLE_FIELDS, meta.get(item["article_id"], (None,) * 3), strict=True))
        if item["id"] in fixes:
            corrections.apply(item, fixes[item["id"]])
        item.update(analysts_fields(item))
    return found
