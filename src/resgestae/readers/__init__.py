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
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from resgestae.config import Config
from resgestae.errors import Errors, InputError
from resgestae.model import Article, content_id
from resgestae.readers.html import parse_html
from resgestae.readers.jsonl import read_jsonl_lines
from resgestae.readers.text import decode, safe_name, too_long

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "<stdin>"


def read_inputs(
    paths: Iterable[str], max_chars: int | None = None, hidden: list[str] | None = None
) -> Iterator[Article | InputError]:
    """Stream articles from files, directories (recursive, sorted) and `-` (stdin).

    Every path given or met is either read or reported: an `InputError` in the
    stream for what cannot be read, and hidden files and folders (skipped) named
    in `hidden` when a list is given. A second article with an id already seen
    in the run is an error naming both (the first is kept).
    """
    limit = max_chars or Config().max_chars
    return unique_ids(_read_all(paths, limit, hidden if hidden is not None else []))


def _read_all(paths: Iterable[str], limit: int, hidden: list[str]
              ) -> Iterator[Article | InputError]:
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, STDIN, limit)
        elif os.path.isdir(path):
            for found in walk(Path(path), hidden):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from read_file(found, limit, strict_type=True)
        else:
            yield from read_file(Path(path), limit)


def unique_ids(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
    """The items, a later article with an id seen before turned into an error naming both."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            here = item.origin or item.id
            first = seen.setdefault(item.id, here)
            if first is not here:
                yield InputError(here, f"duplicate id {item.id!r}: {first} has it "
                                 "(the first is kept)")
                continue
        yield item


def walk(root: Path, hidden: list[str] | None = None) -> Iterator[Path | InputError]:
    """Files under `root`, depth first, sorted by name; what is not read is said.

    Hidden files and folders (a leading dot) are skipped and named in `hidden`;
    symbolic links to folders are not followed (an error says so: give the link
    as a PATH of its own); an unreadable folder is an error.
    """
    hidden = hidden if hidden is not None else []

    def unreadable(exc: OSError) -> None:
        errors.append(InputError(str(exc.filename or root),
                                 f"cannot read folder: {exc.strerror or exc}"))

    errors: list[InputError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        yield from errors
        errors.clear()
        here = Path(dirpath)
        for name in sorted(dirnames):
            if name.startswith("."):
                hidden.append(str(here / name))
            elif (here / name).is_symlink():
                yield InputError(str(here / name), "symbolic link to a folder, not followed "
                                 "(give it as a PATH of its own to read it)")
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and not (here / d).is_symlink())
        for name in sorted(filenames):
            if name.startswith("."):
                hidden.append(str(here / name))
            elif not _documentation(name):
                yield here / name
    yield from errors


# A folder's own documentation: never an article, never an error.
DOC_NAMES = ("readme", "license", "licence", "changelog", "notice", "authors", "copying")
DOC_SUFFIXES = {".md", ".rst"}


def _documentation(name: str) -> bool:
    """README, LICENSE and Markdown/reST notes beside the articles of a folder."""
    stem, suffix = os.path.splitext(name.lower())
    return suffix in DOC_SUFFIXES or stem in DOC_NAMES


def _documentation(name: str) -> bool:
    stem, suffix = os.path.splitext(name.lower())
    return suffix in DOC_SUFFIXES or stem in DOC_NAMES


def read_file(
    path: Path, max_chars: int, strict_type: bool = False
) -> Iterator[Article | InputError]:
    """Articles from one file; its suffix picks the reader. Only regular files are read."""
    item, suffix = str(path), path.suffix.lower()
    if strict_type and suffix not in KNOWN:
        yield InputError(item, Errors.E001.format(suffix=suffix))
        return
    try:
        with open_regular(path) as stream:
            size = os.fstat(stream.fileno()).st_size  # a fast refusal; the read is capped too
            if size > 4 * max_chars and suffix not in JSONL_SUFFIXES:
                raise too_long(item, size, max_chars)
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl_lines(bounded_lines(stream, 4 * max_chars), item,
                                            max_chars)
                return
            data = read_capped(stream, 4 * max_chars)
        if len(data) > 4 * max_chars:  # UTF-8 takes at most 4 bytes a character
            raise too_long(item, len(data), max_chars, unit="bytes or more")
        yield _html_article(data, item) if suffix in HTML_SUFFIXES else _text_article(data, item)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(item, Errors.E002.format(why=exc.strerror or exc))
    except Exception as exc:  # a parser bug on one odd file must not stop the batch
        yield InputError(item, Errors.E002.format(why=f"{type(exc).__name__}: {exc}"))


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading when it is a regular file (after links); else InputError.

    Opened without blocking first, so a FIFO with no writer cannot hang the run,
    and checked on the open descriptor, so a file swapped after a check is caught.
    """
    mode = os.stat(path).st_mode  # sockets cannot even be opened: say what they are
    if not stat.S_ISREG(mode):
        raise InputError(str(path), f"not a regular file ({_kind(mode)}); not read")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(str(path), f"not a regular file ({_kind(mode)}); not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISDIR, "a folder"))
    return next((name for test, name in kinds if test(mode)), "not a plain file")


def read_capped(stream: BinaryIO, cap: int) -> bytes:
    """At most `cap + 1` bytes of `stream`: one more than allowed says "too long"."""
    return stream.read(cap + 1)


def bounded_lines(stream: BinaryIO, cap: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    """Lines of `stream`, none held longer than `cap + 1` bytes.

    A longer line comes out as its first `cap + 1` bytes (the reader refuses it as
    too long) and the rest of it is read past in `chunk`s, never held whole.
    """
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while True:  # skip to the end of the over-long line
                rest = stream.readline(chunk)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def _text_article(data: bytes, item: str) -> Article:
    text = decode(data, item)
    return Article(id=content_id(text), text=text, origin=safe_name(item))


def _html_article(data: bytes, item: str) -> Article:
    meta = parse_html(decode(data, item), item)
    text = meta.pop("text") or ""
    return Article(id=content_id(text), text=text, origin=safe_name(item), **meta)


def read_stream(
    stream: BinaryIO, name: str, max_chars: int
) -> Iterator[Article | InputError]:
    """stdin: JSONL when its first non-blank line is a JSON object, else one text article.

    Read with the same cap as a file: at most 4 bytes a character of `max_chars`
    are ever held, whether or not the stream has newlines."""
    cap = 4 * max_chars
    lines = bounded_lines(stream, cap)
    blank, first = b"", next(lines, b"")
    while first and not first.strip() and len(blank) <= cap:
        blank, first = blank + first, next(lines, b"")
    if first.lstrip().startswith(b"{") and first.rstrip().endswith(b"}"):
        line = blank.count(b"\n") + 1
        yield from read_jsonl_lines(_chain(first, lines), name, max_chars, first=line)
        return
    data = blank + first
    if len(data) <= cap:
        data += stream.read(cap + 1 - len(data))
    if len(data) > cap:
        yield too_long(name, len(data), max_chars, unit="bytes or more")
        return
    try:
        yield _text_article(data, name)
    except InputError as exc:
        yield exc


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


__all__ = ["read_inputs", "read_file", "read_stream", "unique_ids", "walk"]
