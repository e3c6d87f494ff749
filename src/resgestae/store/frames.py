"""The Python API's store: the same DuckDB store, read as pandas DataFrames.

`resgestae.Store` is this class. Every method returns a DataFrame with its
columns even when nothing matches (never None); `records()` gives the event
records themselves.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from resgestae.export.csv_table import COLUMNS as EVENT_COLUMNS
from resgestae.export.csv_table import row as flat_row
from resgestae.store import browse
from resgestae.store.store import Store

ACTOR_COLUMNS = ("name", "country", "sector", "as_actor", "as_recipient", "events")
STATS_COLUMNS = {
    "type": ("event_type", "count"),
    "country": ("country", "count"),
    "day": ("day", "event_type", "count"),
}


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


class FrameStore(Store):
    """A `Store` whose `events`, `actors` and `stats` return pandas DataFrames."""

    def records(self, **filters: Any) -> list[dict[str, Any]]:
        """Event records (dicts, DESIGN.md) matching the filters, as `Store.events` gives."""
        return Store.events(self, **filters)

    def events(
        self, actor: str | None = None, country: str | None = None,
        event_type: str | None = None, since: str | None = None, until: str | None = None,
        limit: int | None = None, offset: int | None = None, **filters: Any,
    ) -> pd.DataFrame:
        """Matching events, one flat row each (the CSV export's columns: QuadClass, Goldstein,
        the article's url/title/source, `corrected`). `filters`: `place_country`, `place`,
        `factuality`, `min_confidence`, `text`, `article` (`resgestae.store.query`)."""
        records = Store.events(self, actor, country, event_type, since, until, limit, offset,
                               **filters)
        return _frame([flat_row(r) for r in records], EVENT_COLUMNS)

    def actors(self, name: str | None = None, limit: int = 1000, **filters: Any) -> pd.DataFrame:
        """Canonical actors of the matching events, most active first."""
        rows = browse.actors(self.con.cursor(), filters, name=name, limit=limit)
        return _frame(rows, ACTOR_COLUMNS)

    def stats(self, by: str = "type", **filters: Any) -> pd.DataFrame:
        """Event counts by `type`, `country` or `day` (day and type) for the filters."""
        if by not in STATS_COLUMNS:
            raise ValueError(f"stats by {by!r}: use one of {', '.join(STATS_COLUMNS)}")
        rows = browse.stats(self.con.cursor(), filters)[f"by_{by}"]
        return _frame(rows, STATS_COLUMNS[by])


__all__ = ["FrameStore"]
