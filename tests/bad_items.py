"""A batch of bad input items of many kinds, mixed with good ones (tests and benchmarks).

`make_batch(folder, good)` writes the good article records as files and JSONL lines
beside at least 40 kinds of bad item (files, folders, JSONL lines), and returns
what a run must report: {item as the CLI names it: a word its reason must contain}.
Written for this project; the texts are invented.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

from resgestae.config import Config
from resgestae.errors import safe_name

LIMIT = Config().max_chars
FRENCH = ("Le ministre est arrivé samedi dans la capitale pour rencontrer son homologue. "
          "Les deux hommes ont parlé de la coopération entre leurs pays, selon le ministère.")
SHORT_GOOD = "Police arrested twelve protesters outside the parliament in Nairobi on Monday."


def _files(folder: Path) -> dict[str, str]:
    """Bad files and folders: name -> reason word."""
    bad: dict[str, str] = {}

    def put(name: str | bytes, data: bytes, word: str) -> None:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        path.write_bytes(data)
        bad[safe_name(str(path))] = word

    put("binary.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16, "binary")
    put("latin.txt", b"Officials \x81\x8d\x90\x9d said " * 4 + bytes(range(0xC0, 0x100)) * 8,
        "undecodable")
    put("empty.txt", b"", "empty")
    put("blank.txt", b"  \n\n\t \n", "empty")
    put("nul-inside.txt", SHORT_GOOD.encode() + b"\x00" * 40, "binary")
    put("controls.txt", bytes(range(1, 9)) * 300, "binary")
    put("french.txt", FRENCH.encode(), "English")
    put("broken.html", b"<html><body><div><script>x()</script><br><hr></span>", "HTML")
    put("empty.html", b"", "HTML")
    put("script-only.htm", b"<html><script>var a = 'x';</script></html>", "HTML")
    put("notes.pdf", b"%PDF-1.4 not read", "unsupported")
    put("archive.jsonl.gz", b"\x1f\x8b\x08\x00", "unsupported")
    put(b"line\nbreak\x1b[31m.txt", b"\x00\x01\x02", "binary")  # escaped in the message
    put(b"latin-\xe9-name.txt", b"\x00\x00", "binary")  # not UTF-8: escaped
    put("z-copy.txt", SHORT_GOOD.encode(), "duplicate")  # same text as good-short.txt
    huge = folder / "huge.txt"
    with huge.open("wb") as out:  # sparse: 8 MB that cost nothing to write
        out.truncate(8 * LIMIT)
    bad[str(huge)] = "too long"
    just_over = folder / "just-over.txt"
    just_over.write_text("word " * (LIMIT // 5) + "end.", encoding="utf-8")
    bad[str(just_over)] = "too long"
    os.mkfifo(folder / "pipe.txt")
    bad[str(folder / "pipe.txt")] = "FIFO"
    os.symlink("/dev/zero", folder / "zero.txt")
    bad[str(folder / "zero.txt")] = "device"
    os.symlink("loop.txt", folder / "loop.txt")
    bad[str(folder / "loop.txt")] = "cannot read"
    os.symlink("missing-target.txt", folder / "dangling.txt")
    bad[str(folder / "dangling.txt")] = "cannot read"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "sock.txt"))
    bad[str(folder / "sock.txt")] = "socket"
    elsewhere = folder.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    os.symlink(elsewhere, folder / "linked-folder")
    bad[str(folder / "linked-folder")] = "symbolic link"
    return bad


def _lines(good: list[dict]) -> tuple[list[bytes], dict[int, str]]:
    """JSONL lines: the good records with bad ones between them; line number -> word."""
    bad = [
        (b'{"id": "cut", "text": "half a rec', "JSON"),
        (b"[1, 2, 3]", "object"),
        (b'"just a string"', "object"),
        (b'{"id": "no-text"}', "no 'text'"),
        (b'{"id": "null-text", "text": null, "html": null}', "no 'text'"),
        (b'{"id": "number-text", "text": 12345}', "empty text"),
        (b'{"id": "list-text", "text": ["a", "b"]}', "empty text"),
        (b'{"id": "empty-text", "text": ""}', "empty text"),
        (b'{"id": "blank-text", "text": "   \\n  "}', "empty text"),
        (json.dumps({"id": "bad-date", "text": SHORT_GOOD, "date": "next week"}).encode(),
         "not a date"),
        (json.dumps({"id": "long-date", "text": SHORT_GOOD, "date": "9" * 5000}).encode(),
         "not a date"),
        (json.dumps({"id": "french", "text": SHORT_GOOD, "language": "fr"}).encode(),
         "not supported"),
        (json.dumps({"id": good[0]["id"], "text": "Another text with the same id."}).encode(),
         "duplicate"),
        (json.dumps({"id": "too-long", "text": "word " * (LIMIT // 5 + 1)}).encode(),
         "too long"),
        (b'{"id": "latin1", "text": "caf\xe9 officials met"}', "UTF-8"),
        (json.dumps({"id": "empty-html", "html": "<p></p>"}).encode(), "HTML"),
        (b"[" * 100_000 + b"]" * 100_000, "cannot read"),
        (b'{"id": ' + b"9" * 5000 + b', "text": "x"}', "cannot read"),
        (json.dumps({"id": "french-text", "text": FRENCH}).encode(), "English"),
        (b"\x00\x01\x02\x03", "JSON"),
        (b"{" + b" " * (4 * LIMIT + 10) + b"}", "too long"),
        (json.dumps({"id": "html-number", "html": 5}).encode(), "empty text"),
        (json.dumps({"id": "bad-day", "text": SHORT_GOOD, "date": "2020-02-31"}).encode(),
         "not a date"),
    ]
    lines: list[bytes] = []
    where: dict[int, str] = {}
    for index, record in enumerate(good):
        lines.append(json.dumps(record).encode())
        if index < len(bad):
            lines.append(bad[index][0])
            where[len(lines)] = bad[index][1]
    for line, word in bad[len(good):]:
        lines.append(line)
        where[len(lines)] = word
    return lines, where


def make_batch(folder: Path, good: list[dict]) -> tuple[dict[str, str], int]:
    """Write good and bad items under `folder`; (bad item -> reason word, good count).

    `good`: article records ({id, text, date}); a third become .txt files, the rest
    JSONL lines. Also good: a text with a lone surrogate escape and a text with
    no-break spaces (valid once read), and a hidden file (skipped, counted)."""
    folder.mkdir(parents=True)
    bad = _files(folder)
    as_files, as_lines = good[: len(good) // 3], good[len(good) // 3:]
    for record in as_files:
        (folder / f"good-{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    (folder / "good-short.txt").write_text(SHORT_GOOD, encoding="utf-8")
    nbsp = SHORT_GOOD.replace("twelve", "nine").replace(" ", "\u00a0")
    (folder / "nbsp.txt").write_text(nbsp, encoding="utf-8")
    (folder / ".hidden.txt").write_text(SHORT_GOOD + " Hidden.", encoding="utf-8")
    surrogate = {"id": "surrogate", "text": SHORT_GOOD[:-1] + ' \\ud800.', "date": "2020-01-06"}
    lines, where = _lines(as_lines)
    lines.append(json.dumps(surrogate).replace("\\\\ud800", "\\ud800").encode())
    path = folder / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    bad.update({f"{path}:{number}": word for number, word in where.items()})
    return bad, len(good) + 3


def skipped_lines(stderr: str) -> dict[str, str]:
    """item -> reason of every "resgestae: skipped ITEM: [E0xx] REASON" line."""
    found: dict[str, str] = {}
    for line in stderr.splitlines():
        _, marker, rest = line.partition("resgestae: skipped ")
        if marker:
            item, _, reason = rest.partition(": [E")  # an item may hold ": " itself
            found[item] = "[E" + reason
    return found


def check(stderr: str, bad: dict[str, str]) -> dict[str, list[str]]:
    """Which bad items were named with their reason, missed, or named without cause."""
    found = skipped_lines(stderr)
    named = [item for item, word in bad.items() if word.lower() in found.get(item, "").lower()]
    wrong = [f"{item}: {found[item]}" for item in bad if item in found and item not in named]
    missed = [item for item in bad if item not in found]
    extra = [f"{item}: {found[item]}" for item in found if item not in bad]
    return {"named": named, "wrong_reason": wrong, "missed": missed, "extra": extra}
