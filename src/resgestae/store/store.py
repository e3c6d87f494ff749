"""The Store: articles and deduplicated events in one DuckDB file.

Writing an article is one transaction: its old reports go, with the events they were
part of (the other articles' reports of those events are placed again), and its new
reports join the stored events of their dedup block they fit or become new events
(`resgestae.dedup.assign`, reading only the per-event summary: days, articles,
actors). Every event's home is the smallest article id among those reporting it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from resgestae import dedup
from resgestae.errors import StoreError
from resgestae.model import Article, Event
from resgestae.store import query
from resgestae.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    REPORT_RECORD,
    article_row,
    event_row,
    text_hash,
)
from resgestae.store.schema import MIGRATIONS, SCHEMA_VERSION, has_table

Keyed = list[tuple[str, dict[str, Any]]]  # (dedup key, record) pairs of one article
Batch = list[tuple[Article, Keyed]]


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and path != ":memory:" and not os.path.exists(path):
        raise StoreError(f"{path}: no store there yet (run `resgestae code` first, or pass --db)")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {_why(exc)}") from exc


def _why(exc: Exception) -> str:
    """DuckDB's message, with the two common open failures said plainly."""
    text = str(exc)
    if "could not set lock" in text.lower() or "conflicting lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        who = f" (PID {pid.group(1)})" if pid else ""
        return f"in use by another process{who}; one writer at a time: wait or use another --db"
    if "not a valid duckdb database file" in text.lower():
        return "not a DuckDB database file"
    return text.splitlines()[0] if text else type(exc).__name__


class Store:
    """Events, articles and mentions in one DuckDB file (schema created on first use).

    Use as a context manager. `store.con` is the DuckDB connection, for other
    modules' read queries (see `resgestae.store.schema` for the tables).
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.con = _connect(self.path, read_only)
        self._schemas: dict[str, pa.Schema] = {}
        try:
            self._migrate()
        except BaseException:
            self.con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.con.close()

    # -- schema ---------------------------------------------------------------

    def version(self) -> int:
        """The applied schema version (0 for an empty file)."""
        if not has_table(self.con, "schema_version"):
            return 0
        sql = "SELECT coalesce(max(version), 0) FROM schema_version"
        return self.con.execute(sql).fetchone()[0]

    def _migrate(self) -> None:
        try:
            current = self.version()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read the store: {_why(exc)}") from exc
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {current} is newer than this resgestae")
        pending = [(v, sql) for v, sql in MIGRATIONS if v > current]
        if pending and self.read_only:
            raise StoreError(f"{self.path}: store needs migrating; open it once for writing")
        for version, statements in pending:
            self._transaction(self._apply, version, statements)

    def _apply(self, version: int, statements: list[str]) -> None:
        for statement in statements:
            self.con.execute(statement)
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, now])

    def _transaction(self, fn: Any, *args: Any) -> Any:
        self.con.begin()
        try:
            result = fn(*args)
        except BaseException as exc:
            self.con.rollback()
            if isinstance(exc, (duckdb.Error, pa.ArrowException)):
                raise StoreError(f"{self.path}: write failed and was undone: {_why(exc)}") from exc
            raise
        self.con.commit()
        return result

    # -- writing --------------------------------------------------------------

    def replace_article(self, article: Article, events: list[Event]) -> None:
        """Store an article and its events, replacing what it had (one transaction)."""
        self.write_records(article, [e.to_record() for e in events])

    def write_records(self, article: Article, records: Iterable[dict[str, Any]]) -> None:
        """Like `replace_article`, for event records (dicts) from workers."""
        self.write_batch([(article, records)])

    def write_batch(self, items: Iterable[tuple[Article, Iterable[dict[str, Any]]]]) -> None:
        """Store several articles with their event records in one transaction.

        The outcome is the same as `write_records` one article after another
        (later duplicates of an article id win), at a fraction of the cost:
        each statement covers the whole batch.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        latest = {article.id: (article, _unique(records)) for article, records in items}
        if latest:
            self._transaction(self._write, list(latest.values()))

    def _write(self, batch: Batch) -> None:
        ids = [article.id for article, _ in batch]
        orphans = self._forget(ids)
        rows = [article_row(article, len(keyed)) for article, keyed in batch]
        self._insert("articles", ARTICLE_COLUMNS, rows)
        self._add_events(batch, orphans)

    def _forget(self, article_ids: list[str]) -> dict[str, list[dedup.Report]]:
        """Remove articles' rows, their reports and the events those were part of; return
        the other articles' reports of those events, to be placed again without them."""
        gone = self.con.execute(
            "DELETE FROM articles WHERE list_contains(?, id) RETURNING id", [article_ids]
        ).fetchall()
        if not gone:  # new articles have no mentions: save the statements
            return {}
        ids = [r[0] for r in gone]
        touched = self.con.execute(
            "SELECT DISTINCT m.event_id FROM mentions m WHERE list_contains(?, m.article_id)",
            [ids],
        ).fetchall()
        return self._take_events([r[0] for r in touched], ids)

    def _add_events(self, batch: Batch, orphans: dict[str, list[dedup.Report]]) -> None:
        """Insert the batch's events: unmerged ones as they are, the others placed in the
        stored events of their block they fit (module doc of `resgestae.dedup`)."""
        event_rows, mention_rows = [], []
        reports: dict[str, list[dedup.Report]] = {}
        for article, keyed in batch:
            for key, record in keyed:
                record["article_id"] = article.id
                count = int(record.get("mentions") or 1)
                if key:
                    reports.setdefault(key, []).append(dedup.Report.of(article.id, record, count))
                    continue
                event_rows.append(event_row(record, key, count, [article.id]))
                mention_rows.append((record["id"], article.id, count, record["id"], ""))
        stored = self._stored_clusters({k: [*reports.get(k, []), *orphans.get(k, [])]
                                        for k in {*reports, *orphans}})
        grown = []
        for key in sorted({*reports, *orphans}):
            # the reports that were stored go back first, as they were placed before the
            # new ones: re-coding an article gives back the events it had
            clusters = dedup.assign(orphans.get(key, []), stored.get(key, []))
            for group in dedup.assign(reports.get(key, []), clusters):
                if group.event_id is None:
                    self._new_event(key, group, group.reports, event_rows, mention_rows)
                elif group.needs_rebuild():
                    everyone = self._take_events([group.event_id]).get(key, []) + group.reports
                    self._new_event(key, group, everyone, event_rows, mention_rows)
                elif group.reports:
                    grown.append(group)
                    mention_rows += [(group.event_id, r.article_id, r.count, r.event_id,
                                      r.as_text()) for r in group.reports]
        self._insert("events", EVENT_COLUMNS, event_rows)
        self._insert("mentions", MENTION_COLUMNS, mention_rows)
        self._grow(grown)

    @staticmethod
    def _new_event(key: str, group: dedup.Cluster, members: list[dedup.Report],
                   event_rows: list, mention_rows: list) -> None:
        """Rows for an event made of `members` (all its reports)."""
        home = min(members, key=lambda r: (r.article_id, r.event_id))
        article_ids = sorted({r.article_id for r in members})
        total = sum(r.count for r in members)
        first = max(r.first for r in members)
        last = min(r.last for r in members)
        filled = dedup.fill_from_reports(home, members)
        event_rows.append(event_row(filled or home.as_record(), key, total, article_ids,
                                    (first, last), group.sides_text()))
        # the home report's own record is the event's, '' saves a copy; when the event
        # borrowed a place or a date, the home's own record is kept there
        mention_rows += [
            (home.event_id, r.article_id, r.count, r.event_id,
             "" if r is home and filled is None else r.as_text())
            for r in members
        ]

    def _grow(self, grown: list[dedup.Cluster]) -> None:
        """Stored events that took new reports (their mention rows are in): counts,
        articles and dedup summary, in one statement."""
        if not grown:
            return
        table = pa.table({
            "id": pa.array([g.event_id for g in grown], pa.string()),
            "added": pa.array([sum(r.count for r in g.reports) for g in grown], pa.int32()),
            "article_ids": pa.array([sorted(g.articles) for g in grown], pa.list_(pa.string())),
            "first": pa.array([g.first for g in grown], pa.date32()),
            "last": pa.array([g.last for g in grown], pa.date32()),
            "sides": pa.array([g.sides_text() for g in grown], pa.string()),
        })
        self.con.register("_resgestae_grown", table)
        try:
            self.con.execute(
                "UPDATE events SET mentions = events.mentions + g.added, "
                "article_ids = g.article_ids, span_first = g.first, span_last = g.last, "
                "sides = g.sides FROM _resgestae_grown g WHERE events.id = g.id"
            )
        finally:
            self.con.unregister("_resgestae_grown")

    def _stored_clusters(
        self, reports: dict[str, list[dedup.Report]]
    ) -> dict[str, list[dedup.Cluster]]:
        """The stored events of these blocks whose days can overlap the new reports'."""
        if not reports:
            return {}
        # a hash join on a registered table of the blocks and the days their new reports
        # span: one pass over events, and only the events those days can touch
        keys = sorted(reports)
        blocks = pa.table({
            "key": pa.array(keys, pa.string()),
            "lo": pa.array([min(r.first for r in reports[k]) for k in keys], pa.date32()),
            "hi": pa.array([max(r.last for r in reports[k]) for k in keys], pa.date32()),
        })
        self.con.register("_resgestae_blocks", blocks)
        try:
            rows = self.con.execute(
                "SELECT e.dedup_key, e.id, e.article_id, e.span_first, e.span_last, "
                " e.article_ids, e.sides, e.location_name IS NOT NULL, e.date, "
                " e.date_precision, coalesce(json_extract_string(e.record, '$.date_text'), '')"
                " <> '' FROM events e JOIN _resgestae_blocks b ON e.dedup_key = b.key"
                " AND e.span_first <= b.hi AND e.span_last >= b.lo ORDER BY e.id"
            ).fetchall()
        finally:
            self.con.unregister("_resgestae_blocks")
        found: dict[str, list[dedup.Cluster]] = {}
        for key, eid, home, first, last, articles, sides, placed, date, precision, stated in rows:
            own_first, own_last = dedup.span(date, precision, stated)
            found.setdefault(key, []).append(dedup.Cluster.stored(
                eid, home, first, last, articles, sides, placed, (own_last - own_first).days))
        return found

    def _take_events(self, event_ids: list[str], without: list[str] | None = None
                     ) -> dict[str, list[dedup.Report]]:
        """Remove these events with all their reports; return the reports of the merged
        ones (by dedup key), but those of the `without` articles."""
        if not event_ids:
            return {}
        # the dates come out of the JSON in DuckDB; a record is parsed only if it
        # becomes the home of an event ('' in mentions: the home's, in events.record)
        rows = self.con.execute(
            "SELECT dedup_key, article_id, count, mention_id, rec, "
            " json_extract_string(rec, '$.date'), json_extract_string(rec, '$.date_precision'), "
            " coalesce(json_extract_string(rec, '$.date_text'), '') <> '', "
            " json_extract_string(rec, '$.actor[*].country'), "
            " json_extract_string(rec, '$.actor[*].name'), "
            " json_extract_string(rec, '$.actor[*].text') FROM ("
            f" SELECT m.*, e.dedup_key, {REPORT_RECORD} AS rec"
            " FROM mentions m JOIN events e ON e.id = m.event_id"
            " WHERE list_contains($ids, m.event_id) AND e.dedup_key <> ''"
            " AND NOT list_contains($without, m.article_id))",
            {"ids": event_ids, "without": without or []},
        ).fetchall()
        self.con.execute("DELETE FROM mentions WHERE list_contains(?, event_id)", [event_ids])
        self.con.execute("DELETE FROM events WHERE list_contains(?, id)", [event_ids])
        found: dict[str, list[dedup.Report]] = {}
        for key, article_id, count, mention_id, text, date, precision, stated, countries, \
                names, texts in rows:
            names = [n or t or "" for n, t in zip(names, texts, strict=True)]
            found.setdefault(key, []).append(dedup.Report.read(
                article_id, mention_id, count, date, precision, stated, countries, names,
                text=text))
        return found

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        # through Arrow: DuckDB binds VALUES parameters one by one, which costs
        # ~2 ms a row; an Arrow table goes in as one columnar scan
        if not rows:
            return
        schema = self._schemas.get(table)
        if schema is None:
            schema = self.con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            self._schemas[table] = schema
        columns_data = list(zip(*rows, strict=True))
        arrays = [pa.array(list(c), type=f.type) for c, f in zip(columns_data, schema, strict=True)]
        self.con.register("_resgestae_rows", pa.Table.from_arrays(arrays, schema=schema))
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _resgestae_rows")
        finally:
            self.con.unregister("_resgestae_rows")

    def delete_article(self, article_id: str) -> None:
        """Remove an article, its mentions, and events no other article reports."""
        self._transaction(lambda: self._add_events([], self._forget([article_id])))  # re-place

    # -- reading --------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Event records matching the filters, ordered by date then id, corrections applied.

        `actor`: case-insensitive substring of an actor or recipient name or text;
        `country`: ISO-3 of an actor or recipient; `since`/`until`: inclusive at their
        precision (`until="2020-12"` takes all of December); the other filters
        (`place_country`, `place`, `factuality`, `min_confidence`, `text`, `article`)
        are those of `resgestae.store.query`. ValueError for a value that can never match.
        """
        sql, params = query.events_sql(actor, country, event_type, since, until, limit, offset,
                                       **filters)
        return query.records(self.con, self.con.execute(sql, params).fetchall())

    def article_ids(self) -> list[str]:
        """Ids of stored articles, sorted."""
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        """Whether the article is stored (with this content hash, when given)."""
        row = self.con.execute(
            "SELECT content_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return row is not None and (content_hash is None or row[0] == content_hash)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article row as a dict, or None."""
        cur = self.con.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None

    def stats(self) -> dict[str, Any]:
        """Counts: articles, events, mentions, events by type, date range."""
        one = self.con.execute
        by_type = one(
            "SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        first, last = one("SELECT min(date_start), max(date_start) FROM events").fetchone()
        return {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
            "mentions": one("SELECT coalesce(sum(count), 0) FROM mentions").fetchone()[0],
            "by_type": dict(by_type),
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
            "schema_version": self.version(),
        }


def _unique(records: Iterable[dict[str, Any]]) -> Keyed:
    """(dedup key, copy of record) pairs, one per event id.

    The same id with the same key and actors is one event reported twice
    (mentions add up); the same id otherwise is a different event that collided
    (e.g. one clause, several actors) and gets an id derived from both.
    """
    seen: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for record in records:
        key, record = dedup.block_key(record), dict(record)
        actors = dedup.actor_tokens(*dedup.who(record.get("actor") or []))
        ident = key + "|" + ";".join(actors)
        if record["id"] in seen and seen[record["id"]][1] != ident:
            digest = hashlib.sha1(f"{record['id']}|{ident}".encode()).hexdigest()[:16]
            record["id"] = "e" + digest
        if record["id"] in seen:
            first = seen[record["id"]][2]
            first["mentions"] = first.get("mentions", 1) + record.get("mentions", 1)
            continue
        seen[record["id"]] = (key, ident, record)
    return [(key, record) for key, _, record in seen.values()]


__all__ = ["Store", "text_hash"]
