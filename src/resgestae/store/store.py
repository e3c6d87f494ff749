"""The Store: articles and deduplicated events in one DuckDB file.

Writing an article is one transaction: its old mentions go, events left with
no mention go, its new events either join a stored event with the same dedup
key from another article (as a mention) or become new events. Every event's
home is the smallest article id among those reporting it, so the stored state
does not depend on the order articles were coded in.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from resgestae import dedup
from resgestae.errors import StoreError
from resgestae.model import Article, Event
from resgestae.store import query
from resgestae.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    article_row,
    event_row,
    text_hash,
)
from resgestae.store.schema import MIGRATIONS, SCHEMA_VERSION


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and path != ":memory:" and not os.path.exists(path):
        raise StoreError(f"{path}: no store there yet (run `resgestae code` first, or pass --db)")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {_why(exc)}") from exc


def _why(exc: Exception) -> str:
    text = str(exc)
    if "lock" in text.lower():
        return "it is in use by another process (one writer at a time); wait or use another --db"
    if "not a valid duckdb" in text.lower() or "invalid" in text.lower():
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
        tables = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not tables:
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
            if isinstance(exc, duckdb.Error):
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
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        self._transaction(self._write, article, _unique(records))

    def _write(self, article: Article, records: list[tuple[str, dict[str, Any]]]) -> None:
        # settle first, so events only this article reported are gone before matching
        self._settle(self._forget(article.id))
        self.con.execute(
            f"INSERT INTO articles VALUES ({_marks(ARTICLE_COLUMNS)})",
            article_row(article, len(records)),
        )
        self._settle(self._add_events(article.id, records))

    def _forget(self, article_id: str) -> set[str]:
        """Remove an article's row and mentions; return the events they touched."""
        rows = self.con.execute(
            "SELECT DISTINCT event_id FROM mentions WHERE article_id = ?", [article_id]
        ).fetchall()
        self.con.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])
        return {r[0] for r in rows}

    def _add_events(self, article_id: str, keyed: list[tuple[str, dict[str, Any]]]) -> set[str]:
        found = self._stored_keys([k for k, _ in keyed if k])
        new_rows, counts = [], {}
        for key, record in keyed:
            record["article_id"] = article_id
            event_id = found.get(key) if key else None
            if event_id is None:
                event_id = record["id"]
                new_rows.append(event_row(record, key))
            counts.setdefault(event_id, [0, record])[0] += int(record.get("mentions") or 1)
        if new_rows:
            self.con.executemany(f"INSERT INTO events VALUES ({_marks(EVENT_COLUMNS)})", new_rows)
        mention_rows = [
            (eid, article_id, n, rec["id"], json.dumps(rec, ensure_ascii=False))
            for eid, (n, rec) in counts.items()
        ]
        if mention_rows:
            self.con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)", mention_rows)
        return set(counts)

    def _stored_keys(self, keys: list[str]) -> dict[str, str]:
        """dedup key -> id of the stored event (smallest id when several match)."""
        if not keys:
            return {}
        rows = self.con.execute(
            "SELECT dedup_key, min(id) FROM events WHERE list_contains(?, dedup_key) "
            "GROUP BY dedup_key",
            [sorted(set(keys))],
        ).fetchall()
        return dict(rows)

    def _settle(self, event_ids: set[str]) -> None:
        """Delete events nobody mentions; re-home and recount the rest."""
        for event_id in sorted(event_ids):
            mentions = self.con.execute(
                "SELECT article_id, count, mention_id, record FROM mentions "
                "WHERE event_id = ? ORDER BY article_id, mention_id",
                [event_id],
            ).fetchall()
            if not mentions:
                self.con.execute("DELETE FROM events WHERE id = ?", [event_id])
                continue
            self._rehome(event_id, mentions)

    def _rehome(self, event_id: str, mentions: list[tuple[Any, ...]]) -> None:
        home_article, _, home_id, home_json = mentions[0]
        total = sum(m[1] for m in mentions)
        article_ids = sorted({m[0] for m in mentions})
        current = self.con.execute(
            "SELECT article_id, dedup_key FROM events WHERE id = ?", [event_id]
        ).fetchone()
        if current[0] != home_article:
            # the home report left (re-coded) or a smaller article id arrived:
            # the event now shows that article's own sentence and id
            row = event_row(json.loads(home_json), current[1])
            self.con.execute("DELETE FROM events WHERE id = ?", [event_id])
            self.con.execute(f"INSERT INTO events VALUES ({_marks(EVENT_COLUMNS)})", row)
            self.con.execute(
                "UPDATE mentions SET event_id = ? WHERE event_id = ?", [home_id, event_id]
            )
            event_id = home_id
        self.con.execute(
            "UPDATE events SET mentions = ?, article_ids = ? WHERE id = ?",
            [total, article_ids, event_id],
        )

    def delete_article(self, article_id: str) -> None:
        """Remove an article, its mentions, and events no other article reports."""
        self._transaction(lambda: self._settle(self._forget(article_id)))

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
    ) -> list[dict[str, Any]]:
        """Event records matching the filters, ordered by date then id.

        `actor`: case-insensitive substring of an actor or recipient name or text;
        `country`: ISO-3 of an actor or recipient; `since`/`until`: inclusive,
        on the event date (partial dates count as their first day).
        """
        sql, params = query.events_sql(actor, country, event_type, since, until, limit, offset)
        return [query.record(row) for row in self.con.execute(sql, params).fetchall()]

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


def _marks(columns: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in columns)


def _unique(records: Iterable[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(dedup key, copy of record) pairs, one per event id.

    The same id with the same key is one event reported twice (mentions add
    up); the same id with another key is a different event that collided
    (e.g. one clause, several actors) and gets an id derived from both.
    """
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    for record in records:
        key, record = dedup.event_key(record), dict(record)
        if record["id"] in seen and seen[record["id"]][0] != key:
            digest = hashlib.sha1(f"{record['id']}|{key}".encode()).hexdigest()[:16]
            record["id"] = "e" + digest
        if record["id"] in seen:
            first = seen[record["id"]][1]
            first["mentions"] = first.get("mentions", 1) + record.get("mentions", 1)
            continue
        seen[record["id"]] = (key, record)
    return list(seen.values())


__all__ = ["Store", "text_hash"]
