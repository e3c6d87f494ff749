"""JSONL article records: `{id, text | html, title?, date?, url?, source?, language?}`.

One line, one article. A broken line is one InputError naming file:line; the
lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from resgestae.errors import Errors, InputError
from resgestae.model import Article, content_id
from resgestae.readers.dates import given_date
from resgestae.readers.html import parse_html
from resgestae.readers.text import normalise, safe_name, too_long

FIELDS = ("title", "url", "source", "language")


def read_jsonl_lines(
    lines: Iterable[bytes], name: str, max_chars: int, first: int = 1
) -> Iterator[Article | InputError]:
    """Articles from raw JSONL lines (numbered from `first`); blank lines are skipped.

    A file with no record at all is one E008 error, and a binary one (a first line with
    NUL bytes, or neither UTF-8 nor a record) one E003 error for the file, not one per
    line.
    """
    seen = False
    for number, raw in enumerate(lines, start=first):
        if not raw.strip():
            continue
        if not seen and (b"\x00" in raw or (not _decodes(raw)
                                             and not raw.lstrip().startswith(b"{"))):
            # a binary file: its first line holds NUL bytes or is neither UTF-8 nor a
            # record (a bad line after good ones is that line's error alone)
            yield InputError(name, Errors.E003.format(what="NUL bytes" if b"\x00" in raw
                                                      else "not UTF-8"))
            return
        seen = True
        item = f"{name}:{number}"
        try:
            yield record_article(_load(raw, item, max_chars), item)
        except InputError as exc:
            yield exc
        except Exception as exc:  # an odd record must not stop the file
            yield InputError(item, Errors.E002.format(why=f"{type(exc).__name__}: {exc}"))
    if not seen:
        yield InputError(name, Errors.E008)


def _decodes(raw: bytes) -> bool:
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _load(raw: bytes, item: str, max_chars: int) -> dict[str, Any]:
    if len(raw) > 4 * max_chars:
        raise too_long(item, len(raw), max_chars)
    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        where = f"JSONL must be UTF-8 ({exc.reason})"
        raise InputError(item, Errors.E004.format(where=where)) from None
    except json.JSONDecodeError as exc:
        raise InputError(item, Errors.E005.format(
            # json's "Invalid control character at" message already ends in "at"
            why=f"{exc.msg.removesuffix(' at')} at column {exc.colno}")) from None
    if not isinstance(value, dict):
        raise InputError(item, Errors.E006.format(kind=type(value).__name__))
    return value


def record_article(record: dict[str, Any], item: str) -> Article:
    """An Article from one decoded record; InputError when it has no usable text."""
    text, meta = _text(record, item)
    text = normalise(text)  # the one place JSONL and API texts become valid Unicode
    date = given_date(record.get("date"), item) or meta.get("date")
    fields = {k: _str(record.get(k)) or meta.get(k) for k in FIELDS}
    given = record.get("id")
    article_id = _str(given) if given not in (None, "") else content_id(text)
    return Article(id=article_id, text=text, date=date, origin=safe_name(item), **fields)


# Fields every event record of ours has (schema/event.schema.json) and no article has:
# a folder holding an earlier run's `--output events.jsonl` must not code it as news
EVENT_FIELDS = ("event_type", "coder", "article_id")


def _text(record: dict[str, Any], item: str) -> tuple[str, dict[str, Any]]:
    if all(field in record for field in EVENT_FIELDS):
        raise InputError(item, Errors.E018)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return text, {}
    if isinstance(html, str) and html.strip():
        meta = parse_html(normalise(html), item)
        return meta.pop("text") or "", meta
    if text is not None or html is not None:
        raise InputError(item, Errors.E011)
    raise InputError(item, Errors.E010)


def _str(value: object) -> str | None:
    # ids and titles go to the store and the terminal: valid Unicode, one line
    return None if value is None else normalise(str(value))
