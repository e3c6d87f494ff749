"""The corrected view of the events table, in SQL: what counts, aggregates and filters read.

Corrections are few (`resgestae.store.corrections`), so they are applied in Python to the
records they touch (`corrections.apply`, the same code the records go through) and their
filter columns written to a temporary table ``corrected_rows`` (one row per corrected
event; temporary tables work on read-only connections too). `source(con)` returns the SQL
relation of the events with those rows' columns in place of the coded ones: the read
index is built from it and the direct queries read it, so both show the corrected view.
With no corrections it is plain ``events`` (no join, no cost).

An event marked wrong is no event: `source` leaves it out of counts and filters
(`keep_wrong=True` keeps it, flagged, for the listings that show it: `resgestae events`,
the exports, the gold export)."""

from __future__ import annotations

import json
from typing import Any

from resgestae.store import corrections
from resgestae.store.rows import EVENT_COLUMNS, event_row

TABLE = "corrected_rows"
# the events columns a correction can change (the filters and aggregates read them)
COLUMNS = ("event_type", "cameo", "date", "date_start", "date_precision", "actor_names",
           "actor_countries", "recipient_names", "recipient_countries", "actor_search",
           "location_name", "location_country", "lat", "lon", "record")
TYPES = ("VARCHAR", "VARCHAR", "VARCHAR", "DATE", "VARCHAR", "VARCHAR[]", "VARCHAR[]",
         "VARCHAR[]", "VARCHAR[]", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE",
         "VARCHAR")


def _row(record: dict[str, Any], wrong: bool) -> tuple[Any, ...]:
    """(id, wrong, *COLUMNS) of a corrected record, made by `rows.event_row` itself so
    the overlay's columns are exactly what the events table would hold."""
    full = dict(zip(EVENT_COLUMNS, event_row(record, "", 0, []), strict=True))
    return (record["id"], wrong, *(full[c] for c in COLUMNS))


def refresh(con: Any) -> bool:
    """(Re)write ``corrected_rows`` from the stored corrections; False when there are none
    (or the store predates the corrections table)."""
    from resgestae.store.schema import has_table

    if not has_table(con, "corrections") or not con.execute(
            "SELECT count(*) FROM corrections").fetchone()[0]:
        return False  # the common case: nothing to overlay, nothing to scan
    stored = corrections.all_corrected(con)
    fixes = corrections.latest(con, [r[0] for r in stored])
    rows = []
    for event_id, record_json in stored:
        record = corrections.apply(json.loads(record_json), fixes[event_id])
        rows.append(_row(record, bool(record["corrected"]["wrong"])))
    columns = ", ".join(f"{c} {t}" for c, t in zip(COLUMNS, TYPES, strict=True))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {TABLE} (id VARCHAR, wrong BOOLEAN, {columns})")
    if rows:
        con.executemany(f"INSERT INTO {TABLE} VALUES ({', '.join('?' * (len(COLUMNS) + 2))})",
                        rows)
    return bool(rows)


def source(con: Any, keep_wrong: bool = False) -> str:
    """SQL relation (a table name or a parenthesised query) of the events as corrected;
    refreshes ``corrected_rows`` first. Without corrections: ``events``."""
    if not refresh(con):
        return "events"
    replaced = ", ".join(f"CASE WHEN f.id IS NULL THEN e.{c} ELSE f.{c} END AS {c}"
                         for c in COLUMNS)
    keep = "" if keep_wrong else " WHERE f.wrong IS NOT TRUE"
    return (f"(SELECT e.* REPLACE ({replaced}) FROM events e "
            f"LEFT JOIN temp.{TABLE} f ON f.id = e.id{keep})")
