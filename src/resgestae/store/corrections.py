"""Analysts' corrections: stored apart from the coded events, shown on every read.

Table ``corrections`` (schema version 5, `resgestae.store.schema`)::

    seq BIGINT            order of saving (later corrections of a field win)
    event_id VARCHAR      the corrected event (ids are stable: re-coding keeps them)
    article_id VARCHAR    the event's home article when corrected
    author VARCHAR, created_at TIMESTAMP (UTC)
    wrong BOOLEAN         the analyst marked the event wrong (not an event at all)
    fields VARCHAR        JSON object of the corrected fields (`FIELDS`)
    before VARCHAR        JSON object of those fields as coded, for the gold export and audit
    note VARCHAR

A correction names fields of the event record: `event_type`, `mode`, `date`, and for
`actor`, `recipient` and `location` an object of the parts to change (`name`, `country`,
`sector` of the first actor or recipient; `name`, `country`, `lat`, `lon` of the place).
Reads apply them in order (`apply`) and flag the record with `corrected`: who, when, which
fields, and `wrong`. An actor's corrected name, country or sector also goes into the
store's knowledge base (`teach`), so articles coded afterwards name it that way.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from resgestae.model import EVENT_TYPES
from resgestae.store.query import check

FIELDS = ("event_type", "mode", "date", "actor", "recipient", "location")
ENTITY_PARTS = ("name", "country", "sector")
PLACE_PARTS = ("name", "country", "lat", "lon")


def validate(change: dict[str, Any]) -> dict[str, Any]:
    """The correction's fields, checked; ValueError naming the field and the reason."""
    unknown = sorted(set(change) - set(FIELDS))
    if unknown:
        raise ValueError(f"cannot correct {unknown[0]!r}: correct one of {', '.join(FIELDS)}")
    fields = {k: v for k, v in change.items() if v is not None}
    if "event_type" in fields:
        kind = str(fields["event_type"]).upper()
        if kind not in EVENT_TYPES:
            raise ValueError(f"event_type {kind!r} is not one of {', '.join(EVENT_TYPES)}")
        fields["event_type"] = kind
    if "date" in fields:
        check({"since": fields["date"]})
    for side, parts in (("actor", ENTITY_PARTS), ("recipient", ENTITY_PARTS),
                        ("location", PLACE_PARTS)):
        if side in fields:
            fields[side] = _parts(side, fields[side], parts)
    return fields


def _parts(side: str, value: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{side}: give an object with some of {', '.join(allowed)}")
    bad = sorted(set(value) - set(allowed))
    if bad:
        raise ValueError(f"{side}: cannot correct {bad[0]!r}; use {', '.join(allowed)}")
    parts = {k: v for k, v in value.items() if v not in (None, "")}
    if parts.get("country"):
        parts["country"] = str(parts["country"]).upper()
        check({"country": parts["country"]})
    if parts.get("sector"):
        parts["sector"] = str(parts["sector"]).upper()
    return parts


def save(con: Any, record: dict[str, Any], author: str, change: dict[str, Any],
         wrong: bool = False, note: str | None = None) -> dict[str, Any]:
    """Store one correction of the (coded) `record`; returns the stored row as a dict."""
    if not author or not author.strip():
        raise ValueError("a correction needs an author")
    fields = validate(change)
    if "mode" in fields:
        kind = fields.get("event_type") or record["event_type"]
        fields["mode"] = _mode(str(fields["mode"]), kind)
    if not fields and not wrong:
        raise ValueError(f"nothing to correct: give one of {', '.join(FIELDS)} or mark it wrong")
    before = {k: record.get(k) for k in fields}
    seq = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM corrections").fetchone()[0]
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    con.execute("INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        seq, record["id"], record.get("article_id"), author.strip(), now, bool(wrong),
        json.dumps(fields, ensure_ascii=False), json.dumps(before, ensure_ascii=False), note,
    ])
    return {"seq": seq, "event_id": record["id"], "author": author.strip(),
            "created_at": now.isoformat(), "wrong": bool(wrong), "fields": fields}


def _mode(mode: str, event_type: str) -> str:
    """The mode, lower-cased, if the (corrected) type has it in the codebook; ValueError."""
    from resgestae.codebook import modes_of

    known = modes_of().get(event_type, set())
    if mode.strip().lower() not in known:
        choices = ", ".join(sorted(known)) or "none"
        raise ValueError(f"mode {mode!r} is not a mode of {event_type}: one of {choices}")
    return mode.strip().lower()


def latest(con: Any, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """event id -> its corrections, oldest first (only events that have some)."""
    if not event_ids:
        return {}
    marks = ", ".join("?" for _ in event_ids)
    rows = con.execute(
        "SELECT event_id, author, created_at, wrong, fields FROM corrections "
        f"WHERE event_id IN ({marks}) ORDER BY seq", event_ids).fetchall()
    found: dict[str, list[dict[str, Any]]] = {}
    for event_id, author, at, wrong, fields in rows:
        found.setdefault(event_id, []).append({"author": author, "at": at.isoformat(),
                                               "wrong": wrong, "fields": json.loads(fields)})
    return found


def all_corrected(con: Any) -> list[tuple[str, str]]:
    """(event id, coded record JSON) of every corrected event still stored."""
    return con.execute(
        "SELECT e.id, e.record FROM events e WHERE e.id IN (SELECT event_id FROM corrections) "
        "ORDER BY e.id").fetchall()


def apply(record: dict[str, Any], fixes: list[dict[str, Any]]) -> dict[str, Any]:
    """The record with its corrections applied in order, flagged with `corrected`."""
    changed: list[str] = []
    for fix in fixes:
        for name, value in fix["fields"].items():
            _set(record, name, value)
            if name not in changed:
                changed.append(name)
    record["corrected"] = {
        "by": sorted({f["author"] for f in fixes}), "at": fixes[-1]["at"],
        "fields": changed, "wrong": fixes[-1]["wrong"],
    }
    return record


def _set(record: dict[str, Any], name: str, value: Any) -> None:
    if name in ("actor", "recipient"):
        entities = [dict(e) for e in record.get(name) or []] or [{"text": value.get("name")}]
        entities[0] = corrected_entity(entities[0], value)
        record[name] = entities
    elif name == "location":
        place = dict(record.get("location") or {})
        if "name" in value and value["name"] != place.get("name"):
            place.update({"lat": None, "lon": None, "geonameid": None})  # another place
        place.update(value)
        record["location"] = place
    elif name == "date":
        record["date"] = value
        record["date_precision"] = {4: "year", 7: "month"}.get(len(value), "day")
    else:
        if name == "event_type" and value != record.get("event_type"):
            record["cameo"] = None  # the coded CAMEO code was the old type's
        record[name] = value


def corrected_entity(entity: dict[str, Any], parts: dict[str, Any]) -> dict[str, Any]:
    """An actor/recipient entity with the corrected name, country or sector."""
    entity = dict(entity)
    if parts.get("name"):
        entity["name"] = parts["name"]
    if parts.get("country"):
        entity["country"] = parts["country"]
    if parts.get("sector"):
        sectors = [s for s in entity.get("sectors") or [] if s != parts["sector"]]
        entity["sector"], entity["sectors"] = parts["sector"], [parts["sector"], *sectors]
    return entity


def teach(con: Any, entity: dict[str, Any], parts: dict[str, Any]) -> str | None:
    """Put an actor correction into the store's knowledge base: the entry the entity was
    resolved to (by `kb_id`, else by its name or text) takes the corrected name (the old one
    stays an alias), country and sector; an actor the KB lacks becomes a user entry.
    Returns the entry's id; None when the correction has no name, country or sector."""
    from resgestae.kb.base import ActorKB
    from resgestae.store.kb_tables import load_kb, save_kb

    if not any(parts.get(k) for k in ENTITY_PARTS):
        return None
    kb = load_kb(con, ActorKB())
    names = [n for n in (entity.get("name"), entity.get("text")) if n]
    known = kb.own(_entry(kb, entity, names, parts))
    if parts.get("name") and parts["name"] != known.name:
        known.aliases.append(known.name)
        known.name = parts["name"]
    known.country = parts.get("country") or known.country or entity.get("country")
    if parts.get("sector"):
        known.sectors = [parts["sector"], *(s for s in known.sectors if s != parts["sector"])]
    known.source = "user"
    for name in names:
        known.add_alias(name)
    kb._index(known)  # the new name and aliases find it
    save_kb(con, kb)
    return known.kb_id


def _entry(kb: Any, entity: dict[str, Any], names: list[str], parts: dict[str, Any]) -> Any:
    """The KB entry an entity was resolved to, or a new user entry for it."""
    from resgestae.kb.base import KBEntry, make_id

    known = kb.get(entity.get("kb_id") or "") or next(
        (hits[0] for n in names if (hits := kb.lookup(n))), None)
    if known is not None:
        return known
    name = parts.get("name") or names[0]
    kind = "person" if len(name.split()) > 1 else "org"
    country = parts.get("country") or entity.get("country")
    return kb.add(KBEntry(kb_id=make_id(kind, name, country), name=name, kind=kind,
                          country=country, source="user"))


def correct(con: Any, event_id: str, author: str, change: dict[str, Any],
            wrong: bool = False, note: str | None = None) -> dict[str, Any]:
    """Correct a stored event (by its id or a merged report's id): store the correction and
    teach the knowledge base the actor and recipient corrections. Returns the stored
    correction with `taught` (the KB ids that changed). LookupError: no such event;
    ValueError: a field that cannot be corrected so."""
    from resgestae.store.browse import event_detail

    detail = event_detail(con, event_id)
    if detail is None:
        raise LookupError(f"no event {event_id[:100]!r}")
    record = detail["event"]
    saved = save(con, record, author, change, wrong, note)
    taught = []
    for side in ("actor", "recipient"):
        parts = saved["fields"].get(side)
        entity = (record.get(side) or [{}])[0]
        if parts and entity and (kb_id := teach(con, entity, parts)):
            taught.append(kb_id)
    return saved | {"taught": taught}
