"""The Store: articles and deduplicated events in one DuckDB file.

Writing an article is one transaction: its old reports go, with the events they were
part of (the other articles' reports of those events are placed again), and its new
reports join the stored events of their dedup block they fit or become new events
(`resgestae.dedup.assign`, reading only the per-event summary: days, articles,
actors). The rules are dedup's, a pure module; the store calls them with its policy
(`store.policy`: how names compare, which names stand for a country). Every
event's home is the smallest article id among those reporting it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from resgestae import dedup
from resgestae.errors import Errors, StoreError, safe_name
from resgestae.model import Article, Event
from resgestae.store import query
from resgestae.store.policy import dedup_policy
from resgestae.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    REPORT_RECORD,
    article_row,
    event_row,
    text_hash,
)
from resgestae.store.schema import MIGRATIONS, SCHEMA_VERSION, Statement, has_table

Keyed = list[tuple[str, dict[str, Any]]]  # (dedup key, record) pairs of one article
Batch = list[tuple[Article, Keyed]]


# An offline tool must never fetch native code: a file that is not a store could
# otherwise make DuckDB download and load an extension to read it.
SAFE_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# seconds to wait for another process's short write before giving up
LOCK_WAIT = float(os.environ.get("RESGESTAE_LOCK_WAIT") or 30.0)


def _connect(path: str, read_only: bool, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A connection to `path`; while another process holds the file, retry for `wait` s."""
    if path != ":memory:" and os.path.exists(path) and not os.path.isfile(path):
        raise StoreError(f"{safe_name(path)}: not a store file (a folder or a device)")
    if read_only and path != ":memory:" and not os.path.exists(path):
        raise StoreError(Errors.E201.format(path=safe_name(path)))
    deadline, pause = time.monotonic() + wait, 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=dict(SAFE_CONFIG))
        except Exception as exc:  # noqa: BLE001 - DuckDB raises several kinds on a bad file
            if not (_locked(exc) and time.monotonic() < deadline):
                raise StoreError(Errors.E202.format(path=safe_name(path), why=_why(exc))
                                 ) from exc
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _locked(exc: Exception) -> bool:
    text = str(exc).lower()
    return "could not set lock" in text or "conflicting lock" in text


def _why(exc: Exception) -> str:
    """DuckDB's message, with the common failures said plainly."""
    text = str(exc)
    low = text.lower()
    if _locked(exc):
        pid = re.search(r"PID (\d+)", text)
        who = f" (PID {pid.group(1)})" if pid else ""
        return f"in use by another process{who}; one writer at a time: wait or use another --db"
    if "not a valid duckdb database file" in low or "unable to open database" in low and \
            "not a valid" in low:
        return "not a DuckDB database file"
    if "no space left" in low or "file too large" in low or "disk quota" in low:
        return ("the disk is full (or the file size limit is reached): free space, then run "
                f"the same command again to go on ({safe_name(text.splitlines()[0])})")
    if "checksum" in low or "corrupt" in low or "attempted to read" in low or \
            "invalid" in low and "block" in low:
        return "the file is damaged (truncated or corrupt); restore it from a copy"
    return safe_name(text.splitlines()[0] if text else type(exc).__name__)


# DuckDB errors that say the store itself cannot be written now (I/O, memory, a
# conflict, an invalidated database), as opposed to one bad row of one article
_FATAL = (duckdb.OperationalError, duckdb.FatalException, duckdb.InternalException,
          duckdb.PermissionException)


class Store:
    """Events, articles and mentions in one DuckDB file (schema created on first use).

    Use as a context manager. `store.con` is the DuckDB connection, for other
    modules' read queries (see `resgestae.store.schema` for the tables).
    """

    def __init__(self, path: str | Path, read_only: bool = False, wait: float = 0.0,
                 hold: bool = True) -> None:
        """Open (and migrate) the store at `path`.

        `wait`: seconds to wait while another process holds the file. `hold=False`
        shares the file with other processes (a running server, another `code`):
        the connection is opened on use and closed after every write transaction
        and every `release()`, so the file is locked only for short moments.
        """
        self.path = str(path)
        self.read_only, self.wait, self.hold = read_only, wait, hold
        self._con: duckdb.DuckDBPyConnection | None = _connect(self.path, read_only, wait)
        self._schemas: dict[str, pa.Schema] = {}
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise
        self.release()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection (opened again on use when the store does not hold it)."""
        if self._con is None:
            self._con = _connect(self.path, self.read_only, self.wait)
        return self._con

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def release(self) -> None:
        """Let other processes at the file now, unless this store holds it (`hold`)."""
        if not self.hold:
            self.close()

    # -- schema ---------------------------------------------------------------

    def version(self) -> int:
        """The applied schema version (0 for an empty file)."""
        if not has_table(self.con, "schema_version"):
            return 0
        sql = "SELECT coalesce(max(version), 0) FROM schema_version"
        return self.con.execute(sql).fetchone()[0]

    def _applied(self) -> set[int]:
        if not has_table(self.con, "schema_version"):
            return set()
        return {r[0] for r in self.con.execute("SELECT version FROM schema_version").fetchall()}

    def _migrate(self) -> None:
        try:
            current, applied = self.version(), self._applied()
            foreign = current == 0 and self._other_tables()
        except Exception as exc:  # noqa: BLE001 - a damaged file fails in many ways
            raise StoreError(Errors.E203.format(path=safe_name(self.path), why=_why(exc))
                             ) from exc
        if foreign:  # never give another program's database our tables
            raise StoreError(f"{safe_name(self.path)}: a DuckDB file of another program "
                             f"(tables {', '.join(foreign[:5])}), not a resgestae store; "
                             "left as it is: choose another --db")
        if current > SCHEMA_VERSION:
            raise StoreError(Errors.E204.format(path=self.path, version=current))
        # every migration not applied yet, not only those above the newest: a store made
        # while version 5 landed before 4 (two branches) still gets 4
        pending = [(v, sql) for v, sql in MIGRATIONS if v not in applied]
        if pending and self.read_only:
            raise StoreError(Errors.E205.format(path=self.path))
        for version, statements in pending:
            self._transaction(self._apply, version, statements)

    def _other_tables(self) -> list[str]:
        rows = self.con.execute("SELECT table_name FROM information_schema.tables "
                                "WHERE table_catalog = current_database() ORDER BY 1").fetchall()
        return [safe_name(r[0]) for r in rows]

    def _apply(self, version: int, statements: list[Statement]) -> None:
        for statement in statements:
            if callable(statement):
                statement(self.con)
            else:
                self.con.execute(statement)
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, now])

    def _transaction(self, fn: Any, *args: Any) -> Any:
        """`fn(*args)` in one transaction, committed; any failure undone, as a StoreError
        (`fatal` when the store cannot take writes now, else the data's fault)."""
        try:
            self.con.begin()
            result = fn(*args)
            self.con.commit()  # a full disk shows here: inside the try, undone too
            return result
        except BaseException as exc:
            try:
                self.con.rollback()
            except Exception:  # noqa: BLE001 - nothing open, or an invalidated database
                pass
            if isinstance(exc, (KeyboardInterrupt, SystemExit, duckdb.InterruptException)):
                raise
            fatal = isinstance(exc, _FATAL) or "invalidated" in str(exc).lower()
            raise StoreError(Errors.E206.format(path=safe_name(self.path), why=_why(exc)),
                             fatal=fatal) from exc
        finally:
            self.release()

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
            raise StoreError(Errors.E207.format(path=self.path))
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
        """Insert the batch's events: unmerged ones as they are; for the others, every
        dedup block they touch is clustered again from all its reports.

        A block (one type, sides and month) is clustered from the set of its reports in
        `dedup.assign`'s canonical order, whatever order the articles arrived in, so
        1 or N workers, a resumed run and a clean one store the same events."""
        event_rows, mention_rows = [], []
        reports: dict[str, list[dedup.Report]] = {}
        for article, keyed in batch:
            for key, record in keyed:
                record["article_id"] = article.id
                count = int(record.get("mentions") or 1)
                if key:
                    reports.setdefault(key, []).append(
                        dedup.Report.of(article.id, record, count, dedup_policy()))
                    continue
                event_rows.append(event_row(record, key, count, [article.id]))
                mention_rows.append((record["id"], article.id, count, record["id"], ""))
        keys = sorted({*reports, *orphans})
        stored = self._take_blocks(keys)
        for key in keys:
            everyone = [*orphans.get(key, []), *stored.get(key, []), *reports.get(key, [])]
            for group in dedup.assign(everyone, []):
                self._new_event(key, group, group.reports, event_rows, mention_rows)
        self._insert("events", EVENT_COLUMNS, event_rows)
        self._insert("mentions", MENTION_COLUMNS, mention_rows)

    def _take_blocks(self, keys: list[str]) -> dict[str, list[dedup.Report]]:
        """Remove the stored events of these dedup blocks; return their reports by key."""
        if not keys:
            return {}
        ids = self.con.execute("SELECT id FROM events WHERE list_contains(?, dedup_key)",
                               [keys]).fetchall()
        return self._take_events([r[0] for r in ids])

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
                text=text, policy=dedup_policy()))
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
        filters = query.resolve(self.con, filters)
        from resgestae.store import corrected

        sql, params = query.events_sql(actor, country, event_type, since, until, limit, offset,
                                       source=corrected.source(self.con, keep_wrong=True),
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

    def content_hashes(self, ids: list[str]) -> dict[str, str]:
        """Article id -> stored content hash, for those of `ids` the store holds (one
        query: the runners' resume ledger)."""
        try:
            rows = self.con.execute(
                "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [ids]).fetchall()
        finally:
            self.release()
        return dict(rows)

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

    Ids are made once, by the coder (`model.Event.assign_id`), distinct for each
    event of an article; the same id twice is one event reported twice, whose
    mentions add up.
    """
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    for record in records:
        if record["id"] in seen:
            first = seen[record["id"]][1]
            first["mentions"] = first.get("mentions", 1) + record.get("mentions", 1)
            continue
        seen[record["id"]] = (dedup.block_key(record, dedup_policy()), dict(record))
    return list(seen.values())


__all__ = ["Store", "text_hash"]
