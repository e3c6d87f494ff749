"""Partitioned Parquet for cluster runs, its manifest, and loading it into the store.

Layout under a Parquet directory (hive style, by publication date)::

    events/pub_date=2019-01-14/part-<run>-<n>.parquet      one row per event record
    articles/pub_date=2019-01-14/part-<run>-<n>.parquet    the coded articles (ledger, text)
    manifest.json                                          partitions, files, ids, failures

The key is `pub_date`, not `date`: a hive key shadows a file column of the same
name, and `date` is the event's own date. Articles without a date go under
`pub_date=__HIVE_DEFAULT_PARTITION__` (read back as NULL). Every file is written
to a hidden temporary name and renamed, so a killed write never leaves a half
file; files no manifest lists (from a killed run) are removed by the next run,
and `load` reads only what the manifest lists.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from resgestae import __version__
from resgestae.errors import Errors
from resgestae.export.parquet import SCHEMA as RECORD_SCHEMA
from resgestae.model import Article


def record_fields() -> set[str]:
    """The event record's fields (schema/event.schema.json): the export's schema also
    has columns of its own (QuadClass, the article's url, ...) that no record carries."""
    text = resources.files("resgestae").joinpath("schema/event.schema.json").read_text("utf-8")
    return set(json.loads(text)["properties"])


KEY = "pub_date"
NO_DATE = "__HIVE_DEFAULT_PARTITION__"
MANIFEST = "manifest.json"
# Fixed schemas, so an empty or all-null column keeps its type across files: the
# export's event schema, plus a column for record fields it does not know yet (JSON).
EVENTS = pa.schema([f for f in RECORD_SCHEMA if f.name in record_fields()]).append(
    pa.field("extra", pa.string()))
ARTICLES = pa.schema([
    ("id", pa.string()), ("title", pa.string()), ("date", pa.string()), ("url", pa.string()),
    ("source", pa.string()), ("language", pa.string()), ("origin", pa.string()),
    ("text", pa.string()), ("dateline", pa.string()),
    ("paragraphs", pa.list_(pa.list_(pa.int64()))), ("repeats", pa.string()),
    ("content_hash", pa.string()), ("n_events", pa.int64()),
])
KNOWN = set(EVENTS.names) - {"extra"}


def pub_date(article: Article) -> str:
    """The partition value: the ISO publication day, or the hive null."""
    day = (article.date or "")[:10]
    return day if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else NO_DATE


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write `table` to `path` through a hidden temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def write_partition(
    root: Path, name: str, coded: list[tuple[Article, list[dict[str, Any]]]]
) -> list[str]:
    """Write one partition's articles and events, a file per publication day; the paths."""
    by_day: dict[str, list[tuple[Article, list[dict[str, Any]]]]] = defaultdict(list)
    for article, records in coded:
        by_day[pub_date(article)].append((article, records))
    files = []
    for day, group in sorted(by_day.items()):
        rows = [_event_row(r) for _, records in group for r in records]
        for kind, table in (("articles", _articles_table(group)),
                            ("events", pa.Table.from_pylist(rows, schema=EVENTS))):
            relative = f"{kind}/{KEY}={day}/part-{name}.parquet"
            write_atomic(table, root / relative)
            files.append(relative)
    return files


def _event_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in KNOWN}
    extra = {k: v for k, v in record.items() if k not in KNOWN}
    row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
    return row


def _articles_table(group: list[tuple[Article, list[dict[str, Any]]]]) -> pa.Table:
    from resgestae.store import text_hash

    rows = [{
        "id": a.id, "title": a.title, "date": a.date, "url": a.url, "source": a.source,
        "language": a.language, "origin": a.origin, "text": a.text, "dateline": a.dateline,
        "paragraphs": [list(p) for p in a.paragraphs],
        "repeats": json.dumps({str(k): v for k, v in a.repeats.items()}),
        "content_hash": text_hash(a.text), "n_events": len(records),
    } for a, records in group]
    return pa.Table.from_pylist(rows, schema=ARTICLES)


def record_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """An events row back into the event record it came from."""
    record = {k: v for k, v in row.items() if k in KNOWN}
    record.update(json.loads(row["extra"]) if row.get("extra") else {})
    for key in ("span", "trigger_span"):
        if record.get(key) is not None:
            record[key] = list(record[key])
    return record


def article_from_row(row: dict[str, Any]) -> Article:
    """An articles row back into the Article."""
    return Article(
        id=row["id"], text=row["text"], title=row["title"], date=row["date"], url=row["url"],
        source=row["source"], language=row["language"], origin=row["origin"],
        dateline=row["dateline"], paragraphs=[tuple(p) for p in row["paragraphs"] or []],
        repeats={int(k): v for k, v in json.loads(row["repeats"] or "{}").items()},
    )


class Manifest:
    """manifest.json: which partitions landed (files, article ids and hashes), and what failed."""

    def __init__(self, root: Path, data: dict[str, Any] | None = None) -> None:
        self.root = root
        self.data = data or {"format": 1, "coder": f"resgestae/{__version__}",
                             "partition_key": KEY, "partitions": [], "failures": []}
        self._saved = 0.0

    @classmethod
    def open(cls, root: str | Path) -> Manifest:
        """The manifest under `root`, or a new empty one."""
        root = Path(root)
        path = root / MANIFEST
        if not path.exists():
            return cls(root)
        return cls(root, json.loads(path.read_text(encoding="utf-8")))

    @property
    def partitions(self) -> list[dict[str, Any]]:
        return self.data["partitions"]

    def done(self) -> dict[str, str]:
        """Article id -> content hash, for every article a landed partition holds."""
        return {aid: h for p in self.partitions for aid, h in p["articles"].items()}

    def files(self) -> set[str]:
        return {f for p in self.partitions for f in p["files"]}

    def add(self, name: str, files: list[str], hashes: dict[str, str], events: int) -> None:
        """Record a partition that landed (its files are already in place)."""
        self.partitions.append({"name": name, "files": files, "articles": hashes,
                                "events": events})

    def fail(self, partition: str | None, article_ids: list[str], reason: str) -> None:
        """Record a failed partition (its article ids) or one skipped article."""
        self.data["failures"].append(
            {"partition": partition, "article_ids": article_ids, "reason": reason})

    def save(self, every: float = 0.0) -> None:
        """Write atomically; with `every`, only if that many seconds passed since the last write."""
        if every and time.monotonic() - self._saved < every:
            return
        self.data["counts"] = self.counts()
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{MANIFEST}.tmp"
        tmp.write_text(json.dumps(self.data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.root / MANIFEST)
        self._saved = time.monotonic()

    def counts(self) -> dict[str, int]:
        failures = self.data["failures"]
        return {
            "partitions": len(self.partitions),
            "articles": sum(len(p["articles"]) for p in self.partitions),
            "events": sum(p["events"] for p in self.partitions),
            "failed_partitions": sum(1 for f in failures if f["partition"]),
            "failed_articles": sum(len(f["article_ids"]) for f in failures),
        }

    def remove_orphans(self) -> list[Path]:
        """Delete Parquet and temporary files no partition lists (left by a killed run)."""
        keep = self.files()
        removed = []
        for kind in ("events", "articles"):
            for path in (self.root / kind).glob("*/*"):
                relative = path.relative_to(self.root).as_posix()
                ours = path.suffix == ".parquet" or path.name.endswith(".tmp")
                if ours and relative not in keep:
                    path.unlink()
                    removed.append(path)
        return removed


def read_manifest(root: str | Path) -> list[dict[str, Any]]:
    """The partitions a run folder's manifest lists; InputError when the folder has no
    manifest or a damaged one. `load` calls it before it opens (or creates) the store."""
    from resgestae.errors import InputError

    if not (Path(root) / MANIFEST).is_file():
        raise InputError(str(root), Errors.E016.format(manifest=MANIFEST))
    try:
        return list(Manifest.open(root).partitions)
    except Exception as exc:  # noqa: BLE001 - a truncated or hand-edited manifest
        raise InputError(f"{root}/{MANIFEST}", f"damaged manifest: {type(exc).__name__}: "
                         f"{str(exc)[:200]}") from None


def load_parquet(
    root: str | Path, store: Any, on_article: Callable[[], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
) -> dict[str, int]:
    """Bring the partitions the manifest lists into `store` (its write path: replace + dedup).

    Articles already stored with the same content hash are left as they are. A
    partition whose files are missing or damaged is reported (`on_error`, an
    InputError naming it) and the others still load; a damaged manifest is one
    InputError. Returns counts: articles loaded, already stored, events, failed.
    """
    from resgestae.errors import InputError, StoreError

    partitions = read_manifest(root)
    counts = {"loaded": 0, "already_stored": 0, "events": 0, "failed": 0}
    for partition in partitions:
        try:
            rows = list(_partition_rows(Path(root), partition["files"]))
        except Exception as exc:  # noqa: BLE001 - one damaged partition, the rest still load
            counts["failed"] += 1
            name = partition.get("name", "?") if isinstance(partition, dict) else "?"
            if on_error:
                on_error(InputError(f"{root} partition {name}", f"damaged or missing Parquet: "
                                    f"{type(exc).__name__}: {str(exc)[:200]}"))
            continue
        stored = store.content_hashes([article.id for article, _ in rows])
        todo = [(a, records) for a, records in rows if stored.get(a.id) != _hash(a)]
        if todo:
            try:
                store.write_batch(todo)  # one transaction per partition
            except StoreError as exc:
                if exc.fatal or not on_error:
                    raise
                counts["failed"] += 1
                on_error(exc)
                continue
        counts["loaded"] += len(todo)
        counts["already_stored"] += len(rows) - len(todo)
        counts["events"] += sum(len(records) for _, records in todo)
        for _ in rows if on_article else ():
            on_article()
    return counts


def _hash(article: Article) -> str:
    from resgestae.store import text_hash

    return text_hash(article.text)


def _partition_rows(
    root: Path, files: Iterable[str]
) -> Iterable[tuple[Article, list[dict[str, Any]]]]:
    files = sorted(files)
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for name in (f for f in files if f.startswith("events/")):
        for row in pq.read_table(root / name, schema=EVENTS).to_pylist():
            events[row["article_id"]].append(record_from_row(row))
    for name in (f for f in files if f.startswith("articles/")):
        for row in pq.read_table(root / name, schema=ARTICLES).to_pylist():
            yield article_from_row(row), events.pop(row["id"], [])
