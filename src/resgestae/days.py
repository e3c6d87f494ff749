"""The days an event's date allows: "2020" is a year, "2020-01" a month, a stated day is
that day, and an undated report (dated by its article's publication day) happened in
the week up to it. Shared by the cross-article dedup (which reports can be the same
event) and the places stage (whether an event is recent enough for the dateline).
"""

from __future__ import annotations

import datetime as dt

UNDATED_DAYS = 7  # an undated report tells of something in the week up to publication


def span(value: str | None, precision: str | None, stated: bool) -> tuple[dt.date, dt.date]:
    """First and last day an event dated `value` ("2020", "2020-01" or "2020-01-03", with
    its `precision`) can have happened on; `stated`: the text gave the date (else it is
    the publication date). An unreadable date allows any day."""
    value = value or ""
    try:
        if precision == "year" or len(value) == 4:
            year = int(value[:4])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if precision == "month" or len(value) == 7:
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, last - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return dt.date.min, dt.date.max
    if precision == "day" and not stated:
        return day - dt.timedelta(days=UNDATED_DAYS), day
    return day, day
