"""The store's schema, versioned: an ordered list of migrations.

A store is one DuckDB file. Tables (version 1):

Version 2 adds the index ``events_id_idx`` on ``events(id)`` (not unique); version 3
adds ``span_first DATE, span_last DATE, sides VARCHAR`` to ``events`` (see V3);
version 4 gives every stored record the evidence fields (``trigger_span``, each
entity's ``span``), null in records stored before (see V4); version 5 adds the
``corrections`` table (`resgestae.store.corrections`); version 6 the index
``articles_id_idx`` on ``articles(id)``.

``schema_version(version INTEGER, applied_at TIMESTAMP)``
    One row per applied migration; the store's version is ``max(version)``.

``articles``
    One row per coded article (re-coding replaces the row)::

        id VARCHAR            article id (given, or model.content_id of the text)
        title, date, url, source, language, origin VARCHAR
                              date is ISO (yyyy-mm-dd) or NULL; origin is "path" or "path:line"
        text VARCHAR          the original text; event spans are offsets into it
        dateline VARCHAR      place hint stripped from the first line, or NULL
        content_hash VARCHAR  sha1 of text (the resume ledger: has_article(id, hash))
        n_events INTEGER      events coded from this article (before cross-article merging)
        coded_at TIMESTAMP    UTC

``events``
    One row per real-world event (after cross-article deduplication)::

        id VARCHAR            event id (model.Event.assign_id) of its home report
        article_id VARCHAR    home article: the smallest article id that reports it
        dedup_key VARCHAR     resgestae.dedup.block_key(record): the dedup block; '' never merges
        event_type, mode, cameo, factuality VARCHAR
        date VARCHAR          as coded: "2019", "2019-04" or "2019-04-12", or NULL
        date_start DATE       first day of `date` (for filters and ordering), or NULL
        date_precision VARCHAR
        actor_names, actor_countries, recipient_names, recipient_countries VARCHAR[]
        actor_search VARCHAR  lower-cased names and texts of actors and recipients,
                              newline-separated (substring filter)
        confidence DOUBLE
        location_name, location_country VARCHAR; lat, lon DOUBLE
        mentions INTEGER      total reports merged into this event (sum of mentions.count)
        article_ids VARCHAR[] distinct articles reporting it, sorted
        record VARCHAR        the full event record (JSON text, DESIGN.md), as coded in the
                              home article; its mentions/article_ids are stale: use the columns

``mentions``
    One row per (event, reporting article), the home article included::

        event_id VARCHAR      events.id
        article_id VARCHAR    the reporting article
        count INTEGER         reports of the event in that article (repeated paragraphs)
        mention_id VARCHAR    the event id as coded in that article
        record VARCHAR        that article's own record (its sentence, span, trigger), JSON;
                              '' for the home article's row (its record is events.record)

Writes go through ``Store.write_batch`` (or ``write_records``/``replace_article``
for one article): one transaction per call, rows inserted through Arrow, so a
batch of 32 articles costs about what one article costs alone.

Reading records for other modules: ``SELECT record, mentions, article_ids FROM events``
and overwrite the record's ``mentions``/``article_ids`` with the columns
(``Store.events`` does this). Uniqueness of ids is kept by the Store, not by
constraints: DuckDB checks unique indexes eagerly inside a transaction, which
breaks delete-then-insert in one transaction.

To change the schema, append a ``(version, [statements])`` pair to MIGRATIONS;
never edit an applied one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

# A migration step: SQL, or a function of the connection for what SQL cannot say
Statement = str | Callable[[Any], None]

V1 = [
    """CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE articles (
        id VARCHAR NOT NULL, title VARCHAR, date VARCHAR, url VARCHAR, source VARCHAR,
        language VARCHAR, origin VARCHAR, text VARCHAR, dateline VARCHAR,
        content_hash VARCHAR, n_events INTEGER, coded_at TIMESTAMP)""",
    """CREATE TABLE events (
        id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, dedup_key VARCHAR NOT NULL,
        event_type VARCHAR, mode VARCHAR, cameo VARCHAR, factuality VARCHAR,
        date VARCHAR, date_start DATE, date_precision VARCHAR,
        actor_names VARCHAR[], actor_countries VARCHAR[],
        recipient_names VARCHAR[], recipient_countries VARCHAR[], actor_search VARCHAR,
        confidence DOUBLE, location_name VARCHAR, location_country VARCHAR,
        lat DOUBLE, lon DOUBLE, mentions INTEGER, article_ids VARCHAR[], record VARCHAR)""",
    """CREATE TABLE mentions (
        event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, count INTEGER NOT NULL,
        mention_id VARCHAR NOT NULL, record VARCHAR NOT NULL)""",
]

# Version 2: a (non-unique) ART index on events.id, so fetching a page of
# events by id does not scan (the server's read index relies on it). Not
# UNIQUE: DuckDB checks unique indexes eagerly inside a transaction.
V2 = ["CREATE INDEX IF NOT EXISTS events_id_idx ON events (id)"]

# Version 3: what the cross-article dedup needs to place a new report without
# reading the reports already stored: the days all of an event's reports allow
# (span_first..span_last) and the actors they name (sides, JSON). Events stored
# before keep NULLs there and never take new reports (re-code to merge them).
V3 = [
    "ALTER TABLE events ADD COLUMN span_first DATE",
    "ALTER TABLE events ADD COLUMN span_last DATE",
    "ALTER TABLE events ADD COLUMN sides VARCHAR",
]



def _with_evidence(record: str) -> str:
    """An event record (JSON text) with the evidence fields of version 4, null where the
    record has none: `trigger_span`, and `span` on each actor and recipient."""
    data = json.loads(record)
    data.setdefault("trigger_span", None)
    for side in ("actor", "recipient"):
        for entity in data.get(side) or []:
            entity.setdefault("span", None)
    return json.dumps(data, ensure_ascii=False)


def _evidence_nulls(con: Any) -> None:
    """Version 4: records carry exact evidence spans (article character offsets) for the
    trigger and every actor and recipient. Records stored before did not keep them: they
    get nulls (re-code an article to fill them), never spans guessed from the text."""
    con.create_function("_resgestae_v4", _with_evidence, ["VARCHAR"], "VARCHAR",
                        side_effects=False)
    try:
        con.execute("UPDATE events SET record = _resgestae_v4(record)")
        con.execute("UPDATE mentions SET record = _resgestae_v4(record) WHERE record <> ''")
    finally:
        con.remove_function("_resgestae_v4")


V4: list[Statement] = [_evidence_nulls]

# Version 5: analysts' corrections, stored apart from the coded events
# (`resgestae.store.corrections` documents the table). Version 4 is the evidence spans'.
V5 = [
    """CREATE TABLE corrections (
    seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, article_id VARCHAR, author VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, wrong BOOLEAN NOT NULL, fields VARCHAR NOT NULL,
    before VARCHAR NOT NULL, note VARCHAR)""",
]

# Version 6: an index on articles(id): every read record carries its article's url, title
# and source, looked up by id (a scan of the articles otherwise).
V6 = ["CREATE INDEX IF NOT EXISTS articles_id_idx ON articles (id)"]

# (version, statements), applied in order inside one transaction each
MIGRATIONS: list[tuple[int, list[Statement]]] = [
    (1, V1), (2, V2), (3, V3), (4, V4), (5, V5), (6, V6)]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def has_table(con: Any, name: str) -> bool:
    """Whether the DuckDB connection's database has a table `name` yet."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(found and found[0])
