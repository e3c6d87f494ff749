"""Readers: `.txt`, `.html`/`.htm`, `.jsonl`, directories and `-` (stdin) to Articles.

`read_inputs` streams: one file (or one JSONL line) at a time, never a whole
corpus in memory. Bad items come out as `InputError` (item and reason) in
their place in the stream, so a batch reports them and goes on. Length,
binary and encoding checks happen here (a file over the limit is refused
from its size, unread); emptiness, language, datelines and repeated
paragraphs are `clean.prepare_article`'s job.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from resgestae.config import Config
from resgestae.errors import InputError
from resgestae.model import Article, content_id
from resgestae.readers.html import parse_html
from resgestae.readers.jsonl import read_jsonl_lines
from resgestae.readers.text import decode, too_long

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "<stdin>"


def read_inputs(
    paths: Iterable[str], max_chars: int | None = None
) -> Iterator[Article | InputError]:
    """Stream articles from files, directories (recursive, sorted) and `-` (stdin)."""
    limit = max_chars or Config().max_chars
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, STDIN, limit)
        elif os.path.isdir(path):
            for file in walk(Path(path)):
                yield from read_file(file, limit, strict_type=True)
        else:
            yield from read_file(Path(path), limit)


# A folder's own documentation: never an article, never an error.
DOC_NAMES = ("readme", "license", "licence", "changelog", "notice", "authors", "copying")
DOC_SUFFIXES = {".md", ".rst"}


def walk(root: Path) -> Iterator[Path]:
    """Files under `root`, depth first, sorted by name; hidden files and folders skipped,
    and so are the folder's README, LICENSE and other Markdown/reST notes."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and not _documentation(name):
                yield Path(dirpath) / name


def _documentation(name: str) -> bool:
    stem, suffix = os.path.splitext(name.lower())
    return suffix in DOC_SUFFIXES or stem in DOC_NAMES


def read_file(
    path: Path, max_chars: int, strict_type: bool = False
) -> Iterator[Article | InputError]:
    """Articles from one file; its suffix picks the reader."""
    item, suffix = str(path), path.suffix.lower()
    if strict_type and suffix not in KNOWN:
        yield InputError(item, f"unsupported file type '{suffix}' (read: .txt .html .htm .jsonl)")
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as lines:
                yield from read_jsonl_lines(lines, item, max_chars)
            return
        data = _read_bounded(path, item, max_chars)
        yield _html_article(data, item) if suffix in HTML_SUFFIXES else _text_article(data, item)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(item, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug on one odd file must not stop the batch
        yield InputError(item, f"cannot read: {type(exc).__name__}: {exc}")


def _read_bounded(path: Path, item: str, max_chars: int) -> bytes:
    # the size decides before reading: a 50 MB file costs one stat, not 50 MB
    size = path.stat().st_size
    if size > 4 * max_chars:  # UTF-8 takes at most 4 bytes a character
        raise too_long(item, size, max_chars)
    return path.read_bytes()


def _text_article(data: bytes, item: str) -> Article:
    text = decode(data, item)
    return Article(id=content_id(text), text=text, origin=item)


def _html_article(data: bytes, item: str) -> Article:
    meta = parse_html(decode(data, item), item)
    text = meta.pop("text") or ""
    return Article(id=content_id(text), text=text, origin=item, **meta)


def read_stream(
    stream: BinaryIO, name: str, max_chars: int
) -> Iterator[Article | InputError]:
    """stdin: JSONL when its first non-blank line is a JSON object, else one text article."""
    blank, first = b"", stream.readline()
    while first and not first.strip():
        blank, first = blank + first, stream.readline()
    if first.lstrip().startswith(b"{") and first.rstrip().endswith(b"}"):
        line = blank.count(b"\n") + 1
        yield from read_jsonl_lines(_chain(first, stream), name, max_chars, first=line)
        return
    data = blank + first
    data += stream.read(max(0, 4 * max_chars + 1 - len(data)))
    if len(data) > 4 * max_chars:
        yield too_long(name, len(data), max_chars, unit="bytes or more")
        return
    try:
        yield _text_article(data, name)
    except InputError as exc:
        yield exc


def _chain(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    yield first
    yield from stream


__all__ = ["read_inputs", "read_file", "read_stream", "walk"]
