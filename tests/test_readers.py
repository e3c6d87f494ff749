"""Readers: .txt, .html, .jsonl, directories and stdin, with their refusals (real files)."""

from __future__ import annotations

import io
import json
import os
import sys
import time

import pytest

from resgestae.config import Config
from resgestae.errors import InputError
from resgestae.model import Article, content_id
from resgestae.readers import read_inputs, read_stream
from resgestae.readers.clean import prepare_article
from resgestae.readers.dates import iso_date
from resgestae.readers.text import decode

TEXT = "Tripoli, Libya – Akar met Namroush in Tripoli on Saturday, the ministry said.\n"
HTML = """<!DOCTYPE html><html><head><title>Akar visits Libya | Example News</title>
<meta property="og:title" content="Akar visits Libya">
<meta property="article:published_time" content="2020-12-26T09:30:00+00:00">
<link rel="canonical" href="https://news.example.org/akar-libya"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Akar visits Libya</h1>
<p>Tripoli, Libya – Turkish Defense Minister Hulusi Akar went to Libya on Saturday with the
commanders of the armed forces, the ministry said in a statement.</p>
<p>Akar met his Libyan counterpart and discussed military cooperation between the two
countries, two days after Khalifa Haftar threatened to attack Turkish forces.</p>
</article><footer>Copyright Example News. All rights reserved.</footer>
<script>var tracking = "do not read me";</script></body></html>"""


def read(*paths) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths]))


def test_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    [article] = read(path)
    assert article.text == TEXT and article.id == content_id(TEXT)
    assert article.origin == str(path)


def test_bom_and_windows_1252(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    legacy_text = "The caf\u00e9 in Tripoli reopened, officials said."
    (tmp_path / "legacy.txt").write_bytes(legacy_text.encode("cp1252"))
    bom, legacy = read(tmp_path / "bom.txt", tmp_path / "legacy.txt")
    assert bom.text == TEXT
    assert legacy.text == "The caf\u00e9 in Tripoli reopened, officials said."


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file (NUL bytes)"),
    (bytes(range(1, 32)) * 50, "binary file (mostly control characters)"),
    (b"Officials said \x81\x8d\x8f\x90 the talks.", "undecodable bytes: invalid UTF-8 byte 0x81"),
    (bytes(range(0xA0, 0x100)) * 20, "undecodable bytes"),
])
def test_decode_refusals(data, reason):
    with pytest.raises(InputError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode(data, "bad.txt")


def test_html_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [article] = read(path)
    assert article.title == "Akar visits Libya"
    assert article.date == "2020-12-26"
    assert "Hulusi Akar went to Libya" in article.text and "two days after" in article.text
    assert "tracking" not in article.text and "All rights reserved" not in article.text
    assert article.id == content_id(article.text) and article.origin == str(path)
    cleaned = prepare_article(article, Config())  # the headline line, then the dateline
    assert cleaned.dateline == "Tripoli, Libya"
    assert article.text[cleaned.paragraphs[1][0]:].startswith("Turkish Defense Minister")


def test_short_html_falls_back_to_visible_text(tmp_path):
    path = tmp_path / "short.htm"
    path.write_text("<html><body><p>Akar met Namroush in Tripoli.</p></body></html>")
    [article] = read(path)
    assert article.text.strip() == "Akar met Namroush in Tripoli."


@pytest.mark.parametrize("html", [
    "<html><head><script>var a = 1;</script></head><body></body></html>",
    "<<<>>> </div></span><!-- unterminated",
    "<html><body><div><img src='a.png'><br><hr></div></body></html>",
])
def test_html_without_text_refused(tmp_path, html):
    path = tmp_path / "broken.html"
    path.write_text(html)
    [error] = read(path)
    assert isinstance(error, InputError)
    assert error.item == str(path) and "no article text" in error.reason


def test_jsonl_records(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        {"id": "r1", "text": TEXT, "title": "One", "date": "2020-12-26T10:00:00Z",
         "url": "https://x.org/1", "source": "wire", "language": "en"},
        {"id": 7, "text": TEXT + "More.", "date": "26 December 2020"},
        {"html": HTML},
        {"text": TEXT + "Third."},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    one, two, three, four = read(path)
    assert (one.id, one.title, one.date, one.url, one.source, one.language) == (
        "r1", "One", "2020-12-26", "https://x.org/1", "wire", "en")
    assert one.origin == f"{path}:1"
    assert (two.id, two.date, two.origin) == ("7", "2020-12-26", f"{path}:2")
    assert three.title == "Akar visits Libya" and three.date == "2020-12-26"
    assert four.id == content_id(TEXT + "Third.") and four.origin == f"{path}:4"


def test_jsonl_broken_lines_each_reported(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([
        json.dumps({"id": "good1", "text": TEXT}).encode(),
        b'{"id": "broken", "text": "unterminated',
        b"[1, 2, 3]",
        json.dumps({"id": "notext", "title": "no body"}).encode(),
        json.dumps({"id": "baddate", "text": TEXT, "date": "someday"}).encode(),
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps({"id": "good2", "text": TEXT}).encode(),
    ]))
    items = read(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["good1", "good2"]
    errors = {e.item: e.reason for e in items if isinstance(e, InputError)}
    assert set(errors) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6)}
    assert errors[f"{path}:2"].startswith("not valid JSON")
    assert errors[f"{path}:3"] == "not a JSON object (got list)"
    assert errors[f"{path}:4"] == "no 'text' or 'html' field"
    assert "is not a date" in errors[f"{path}:5"]
    assert "must be UTF-8" in errors[f"{path}:6"]


def test_directory_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT + "z")
    (tmp_path / "a" / "y.txt").write_text(TEXT + "y")
    (tmp_path / "x.htm").write_text(HTML)
    (tmp_path / ".hidden" / "w.txt").write_text(TEXT)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    items = read(tmp_path)
    origins = [i.origin if isinstance(i, Article) else i.item for i in items]
    names = [os.path.relpath(o, tmp_path) for o in origins]
    assert names == ["photo.png", "x.htm", os.path.join("a", "y.txt"), os.path.join("b", "z.txt")]
    assert isinstance(items[0], InputError) and "unsupported file type '.png'" in items[0].reason
    assert [str(i) if isinstance(i, InputError) else i for i in read(tmp_path)] == [
        str(i) if isinstance(i, InputError) else i for i in items]  # deterministic


def test_missing_file(tmp_path):
    [error] = read(tmp_path / "nope.txt")
    assert isinstance(error, InputError) and "cannot read" in error.reason


def test_huge_file_refused_from_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing written
        handle.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    [error] = read(path)
    assert time.monotonic() - started < 1
    assert isinstance(error, InputError) and error.reason.startswith("too long: 52,428,800 bytes")


def test_limit_applies_to_jsonl_lines(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "word " * 100}) + "\n" + json.dumps({"text": TEXT}) + "\n")
    error, article = read_inputs([str(path)], max_chars=50)
    assert isinstance(error, InputError) and "too long" in error.reason
    assert article.text == TEXT


def test_stdin_text_and_jsonl(monkeypatch):
    [article] = read_stream(io.BytesIO(b"\n" + TEXT.encode()), "<stdin>", 1000)
    assert article.text == "\n" + TEXT and article.origin == "<stdin>"
    data = b"\n" + json.dumps({"id": "s1", "text": TEXT}).encode() + b"\nnot json\n"
    good, bad = read_stream(io.BytesIO(data), "<stdin>", 1000)
    assert (good.id, good.origin) == ("s1", "<stdin>:2")
    assert bad.item == "<stdin>:3" and bad.reason.startswith("not valid JSON")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    [piped] = read("-")
    assert piped.text == TEXT


def test_stdin_too_long():
    [error] = read_stream(io.BytesIO(b"word " * 1000), "<stdin>", 100)
    assert isinstance(error, InputError) and "too long" in error.reason


def test_reading_is_lazy(tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"{TEXT} {n}")
    stream = read_inputs([str(tmp_path)])
    first = next(stream)
    (tmp_path / "2.txt").unlink()  # not read yet: its absence shows up when reached
    rest = list(stream)
    assert first.origin.endswith("0.txt") and rest[0].origin.endswith("1.txt")
    assert isinstance(rest[1], InputError) and "cannot read" in rest[1].reason


@pytest.mark.parametrize(("value", "iso"), [
    ("2020-12-26", "2020-12-26"), ("2020-12-26T23:10:00+02:00", "2020-12-26"),
    ("26 December 2020", "2020-12-26"), ("Dec 26, 2020", "2020-12-26"),
    ("Sat, 26 Dec 2020 10:00:00 GMT", "2020-12-26"), ("2020-13-45", None), ("soon", None),
    ("yesterday", None), ("2 days ago", None),
    (None, None), ("", None),
])
def test_iso_date(value, iso):
    assert iso_date(value) == iso


def test_an_earlier_runs_event_output_in_the_folder_is_no_article(tmp_path, code):
    # a user writes `--output events.jsonl` into the folder they code, then codes it again
    # (found by a new-user trial): each event line is one clear error, the news is coded
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    events = code(TEXT)
    assert events
    for event in events:
        event.assign_id()
    (tmp_path / "events.jsonl").write_text(
        "".join(json.dumps(e.to_record()) + "\n" for e in events), encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 1 and articles[0].origin.endswith("story.txt")
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == len(events)
    assert all("event record (coder output), not an article" in e.reason for e in errors)


def test_empty_jsonl_is_one_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, InputError)
    assert error.item == str(path) and "empty" in error.reason


def test_binary_jsonl_is_one_error_for_the_file(tmp_path):
    path = tmp_path / "noise.jsonl"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8 + b"\n" + bytes(range(1, 0x100)) * 4)
    [error] = read(path)
    assert isinstance(error, InputError)
    assert error.item == str(path) and error.reason.startswith("binary file")
