"""Building the filtered events query (parameters always bound, never formatted in)."""

from __future__ import annotations

from typing import Any

from resgestae.store.rows import first_day, to_record

SELECT = "SELECT record, mentions, article_ids FROM events"


def conditions(
    actor: str | None, country: str | None, event_type: str | None,
    since: str | None, until: str | None,
) -> tuple[list[str], list[Any]]:
    """WHERE clauses (to AND together) and their bound parameters for the event filters."""
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
    for value, op in ((since, ">="), (until, "<=")):
        if value:
            where.append(f"date_start {op} ?")
            params.append(_day(value))
    return where, params


def _day(value: str) -> Any:
    day = first_day(value)
    if day is None:
        raise ValueError(f"not an ISO date: {value!r} (use yyyy, yyyy-mm or yyyy-mm-dd)")
    return day


def events_sql(
    actor: str | None = None, country: str | None = None, event_type: str | None = None,
    since: str | None = None, until: str | None = None,
    limit: int | None = None, offset: int | None = None,
) -> tuple[str, list[Any]]:
    """The SQL and parameters for `Store.events` (ordered by date, then id)."""
    where, params = conditions(actor, country, event_type, since, until)
    sql = SELECT + (" WHERE " + " AND ".join(where) if where else "")
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
