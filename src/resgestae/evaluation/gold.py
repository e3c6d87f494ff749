"""Reading gold files and telling their format apart by the fields they carry.

Five formats are known:

- ``plover``: PLOVER gold records, ``expected[]`` items with ``event_type_current``
  (or ``event_type``) and ``source``/``target`` lists of ``{text, code}``.
- ``petrarch``: PETRARCH unit-test records, ``expected[]`` items with ``source``,
  ``target`` and a CAMEO ``code``; ``noevents`` marks records that code nothing.
- ``event_location``: one event verb per record with ``expected_locations`` spans.
- ``plv``: one PLOVER root type name per sentence in ``label`` (a string).
- ``pentaclass``: one PentaClass number 0-4 per sentence in ``label`` (an integer).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from resgestae.errors import InputError

FORMATS = ("plover", "petrarch", "event_location", "plv", "pentaclass")


def read_gold(
    path: Path, limit: int | None = None, skipped: list[str] | None = None
) -> list[dict[str, Any]]:
    """The records of a JSONL gold file (the first `limit` when given).

    A line that is not a JSON object with a 'text' string is left out and its
    error ('FILE:LINE: reason') appended to `skipped`, so one bad line does not
    stop the scoring of the rest; without `skipped` it raises InputError. Raises
    InputError for a missing file or one with no good record.
    """
    if not path.is_file():
        raise InputError(str(path), "gold file not found")
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                records.append(_parse_line(path, number, line))
            except InputError as exc:
                if skipped is None:
                    raise
                skipped.append(str(exc))
    if not records:
        raise InputError(str(path), "gold file has no records")
    return records


def _parse_line(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{number}", f"not valid JSON ({exc.msg})") from exc
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{path}:{number}", "a gold record must be an object with a 'text' string")
    return record


def detect_format(records: list[dict[str, Any]], origin: str = "gold file") -> str:
    """The format of a gold file, from the fields of its records."""
    for record in records:
        kind = _record_format(record)
        if kind:
            return kind
    raise InputError(
        origin,
        "unknown gold format: expected PLOVER records (expected[].event_type_current), "
        "PETRARCH records (expected[].code or noevents) or event-location records "
        "(expected_locations), PLOVER labels (label: a type name) or PentaClass labels "
        "(label: 0-4)",
    )


def _record_format(record: dict[str, Any]) -> str | None:
    if "expected_locations" in record:
        return "event_location"
    expected = record.get("expected")
    if isinstance(expected, list) and expected and isinstance(expected[0], dict):
        first = expected[0]
        if "event_type_current" in first or "event_type" in first:
            return "plover"
        if "code" in first and "source" in first:
            return "petrarch"
    if "noevents" in record:
        return "petrarch"
    return _label_format(record.get("label"))


def _label_format(label: Any) -> str | None:
    if isinstance(label, bool):
        return None
    if isinstance(label, int) and 0 <= label <= 4:
        return "pentaclass"
    if isinstance(label, str) and label.strip().isalpha():
        return "plv"
    return None


def iso_date(value: Any) -> str | None:
    """An ISO date from a gold record's date ('1995-01-07' or PETRARCH's '19950107')."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return text[:10]
    return None
