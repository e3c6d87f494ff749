"""The actor KB in the DuckDB store: `save_kb(con, kb)` and `load_kb(con)` (the SQL of
`resgestae.kb.persist`, kept with the rest of the store's).

Tables (created here on first use, beside the store's own):

    kb_actors    kb_id, name, kind, country, sectors, title, mentions, source
    kb_aliases   kb_id, alias
    kb_roles     kb_id, pos, code, country, sectors, start_date, end_date (PETRARCH dated codes)
    kb_patterns  kb_id, pattern     (PETRARCH phrases, "LIBYA_" stopped, "ARGENTIN" a stem)
    kb_agents    pattern, sectors   (PETRARCH agent nouns)

Saving replaces the tables' rows in one transaction; rows go in as Arrow tables,
so no value is ever formatted into SQL. An actor's `mentions` are recounted from the
store on every save: the stored reports (events and their mentions) that name it.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from resgestae.errors import StoreError
from resgestae.kb.base import ActorKB, KBEntry, Role
from resgestae.kb.petrarch import Dictionary, Pattern, pattern_from_text
from resgestae.store.rows import REPORT_RECORD
from resgestae.store.schema import has_table

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS kb_actors (
        kb_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR, country VARCHAR,
        sectors VARCHAR[], title VARCHAR, mentions INTEGER, source VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS kb_aliases (kb_id VARCHAR NOT NULL, alias VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS kb_roles (
        kb_id VARCHAR NOT NULL, pos INTEGER, code VARCHAR, country VARCHAR, sectors VARCHAR[],
        start_date VARCHAR, end_date VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS kb_patterns (kb_id VARCHAR NOT NULL, pattern VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS kb_agents (pattern VARCHAR NOT NULL, sectors VARCHAR[])",
)
TABLES = ("kb_actors", "kb_aliases", "kb_roles", "kb_patterns", "kb_agents")


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in SCHEMA:
        con.execute(statement)


def save_kb(con: duckdb.DuckDBPyConnection, kb: ActorKB) -> None:
    """Replace the stored KB with `kb` (one transaction)."""
    create_tables(con)
    tables = _arrow_tables(kb)
    try:
        con.execute("BEGIN TRANSACTION")
        for name in TABLES:
            # table names are the constants above; rows go in as a registered Arrow table
            con.execute(f"DELETE FROM {name}")
            con.register("kb_rows", tables[name])
            con.execute(f"INSERT INTO {name} SELECT * FROM kb_rows")
            con.unregister("kb_rows")
        _recount(con)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot save the actor knowledge base: {exc}") from exc


# Every stored report (the home report's record is events.record), with how often
# its article said it.
REPORTS = (
    f"SELECT {REPORT_RECORD} AS rec, m.count AS n "
    "FROM mentions m JOIN events e ON e.id = m.event_id"
)


def _recount(con: duckdb.DuckDBPyConnection) -> None:
    """Mentions from the stored events: the reports naming each actor. Counted, not
    added up while coding, so re-coding or deleting an article never skews them."""
    if not has_table(con, "mentions"):  # a KB saved outside a store: keep its counts
        return
    con.execute("UPDATE kb_actors SET mentions = 0")
    con.execute(
        "UPDATE kb_actors SET mentions = t.n FROM ("
        " SELECT kb_id, sum(n)::INTEGER AS n FROM ("
        "  SELECT unnest(list_concat(json_extract_string(rec, '$.actor[*].kb_id'),"
        "   json_extract_string(rec, '$.recipient[*].kb_id'))) AS kb_id, n"
        f"  FROM ({REPORTS})) WHERE kb_id IS NOT NULL GROUP BY kb_id) t"
        " WHERE kb_actors.kb_id = t.kb_id"
    )


def _arrow_tables(kb: ActorKB) -> dict[str, pa.Table]:
    """The KB's rows, one Arrow table per KB table."""
    entries = list(kb)
    aliases = [(e.kb_id, a) for e in entries for a in e.aliases]
    patterns = [(e.kb_id, p) for e in entries for p in e.patterns]
    agents = kb.dictionary.agent_rows() if kb.dictionary is not None else []
    return {
        "kb_actors": _actors_table(entries),
        "kb_aliases": _pairs(aliases, ("kb_id", "alias")),
        "kb_roles": _roles_table(entries),
        "kb_patterns": _pairs(patterns, ("kb_id", "pattern")),
        "kb_agents": pa.table({
            "pattern": pa.array([p for p, _ in agents], pa.string()),
            "sectors": pa.array([list(s) for _, s in agents], pa.list_(pa.string())),
        }),
    }


def _actors_table(entries: list[KBEntry]) -> pa.Table:
    strings, lists = pa.string(), pa.list_(pa.string())
    return pa.table({
        "kb_id": pa.array([e.kb_id for e in entries], strings),
        "name": pa.array([e.name for e in entries], strings),
        "kind": pa.array([e.kind for e in entries], strings),
        "country": pa.array([e.country for e in entries], strings),
        "sectors": pa.array([list(e.sectors) for e in entries], lists),
        "title": pa.array([e.title for e in entries], strings),
        "mentions": pa.array([e.mentions for e in entries], pa.int32()),
        "source": pa.array([e.source for e in entries], strings),
    })


def _roles_table(entries: list[KBEntry]) -> pa.Table:
    strings, lists = pa.string(), pa.list_(pa.string())
    roles = [(e.kb_id, i, r) for e in entries for i, r in enumerate(e.roles)]
    return pa.table({
        "kb_id": pa.array([k for k, _, _ in roles], strings),
        "pos": pa.array([i for _, i, _ in roles], pa.int32()),
        "code": pa.array([r.code for _, _, r in roles], strings),
        "country": pa.array([r.country for _, _, r in roles], strings),
        "sectors": pa.array([list(r.sectors) for _, _, r in roles], lists),
        "start_date": pa.array([r.start for _, _, r in roles], strings),
        "end_date": pa.array([r.end for _, _, r in roles], strings),
    })


def _pairs(rows: list[tuple[str, str]], names: tuple[str, str]) -> pa.Table:
    return pa.table({
        names[0]: pa.array([a for a, _ in rows], pa.string()),
        names[1]: pa.array([b for _, b in rows], pa.string()),
    })


def has_kb(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store has KB tables yet (a read-only store may not)."""
    return has_table(con, "kb_actors")


def load_kb(con: duckdb.DuckDBPyConnection, kb: ActorKB | None = None) -> ActorKB:
    """The stored KB (added to `kb` when given); an empty KB when nothing is stored."""
    kb = kb if kb is not None else ActorKB()
    if not has_kb(con):
        return kb
    entries = {row[0]: KBEntry(kb_id=row[0], name=row[1], kind=row[2] or "person",
                               country=row[3], sectors=list(row[4] or []), title=row[5],
                               mentions=row[6] or 0, source=row[7] or "text")
               for row in con.execute(
                   "SELECT kb_id, name, kind, country, sectors, title, mentions, source "
                   "FROM kb_actors ORDER BY kb_id").fetchall()}
    for kb_id, alias in con.execute("SELECT kb_id, alias FROM kb_aliases").fetchall():
        if kb_id in entries:
            entries[kb_id].aliases.append(alias)
    _load_roles(con, entries)
    for entry in entries.values():
        kb.add(entry)
    _load_dictionary(con, kb, entries)
    return kb


def _load_roles(con: duckdb.DuckDBPyConnection, entries: dict[str, KBEntry]) -> None:
    rows = con.execute(
        "SELECT kb_id, code, country, sectors, start_date, end_date FROM kb_roles "
        "ORDER BY kb_id, pos"
    ).fetchall()
    for kb_id, code, country, sectors, start, end in rows:
        if kb_id in entries:
            entries[kb_id].roles.append(Role(country, list(sectors or []), start, end, code or ""))


def _load_dictionary(con: duckdb.DuckDBPyConnection, kb: ActorKB,
                     entries: dict[str, KBEntry]) -> None:
    patterns = con.execute("SELECT kb_id, pattern FROM kb_patterns").fetchall()
    agents = con.execute("SELECT pattern, sectors FROM kb_agents").fetchall()
    if not patterns and not agents:
        return
    if kb.dictionary is None:
        kb.dictionary = Dictionary()
    for kb_id, text in patterns:
        pattern = pattern_from_text(text)
        if pattern and kb_id in entries:
            kb.get(kb_id).patterns.append(text)
            kb.dictionary.actors.add(pattern, kb_id)
    for text, sectors in agents:
        words = tuple(text.split("_"))
        kb.dictionary.agents.add(Pattern(words), tuple(sectors or []))
