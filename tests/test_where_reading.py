"""Reading real copy (issue 11): headlines, ALL CAPS and Title Case, HTML, folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resgestae.model import Article
from resgestae.readers.jsonl import record_article
from resgestae.readers.truecase import truecase

BUGS = Path(__file__).resolve().parents[2] / "shared" / "cases" / "bugreports"


def _code(coder, text: str, **extra) -> list:
    article = Article(id=f"r{abs(hash(text))}", text=text, date="2024-05-10", **extra)
    coded = next(iter(coder.code([article])))
    assert coded.error is None
    return coded.events


@pytest.mark.parametrize("text", [
    "PERU EXPELS TWO CHILEAN DIPLOMATS OVER SPYING CLAIMS",
    "Peru Expels Two Chilean Diplomats Over Spying Claims",
    "LIMA'S POLICE ARRESTED 40 PROTESTERS ON FRIDAY, THE UN SAID.",
])
def test_truecase_keeps_length_and_names(text):
    cased = truecase(text)
    assert len(cased) == len(text)
    assert cased[0].isupper() and "Peru" in cased or "Lima's" in cased
    assert "diplomats" in cased or "police" in cased
    if "UN" in text:
        assert " UN " in cased and "Friday" in cased


def test_running_text_is_left_alone():
    text = "Police arrested two men in Paris on Monday, the AFP news agency said."
    assert truecase(text) == text


def test_shouted_copy_is_coded_like_normal_case(coder):
    for text in ("CHILE EXPELS THREE BOLIVIAN DIPLOMATS OVER ESPIONAGE",
                 "Chile Expels Three Bolivian Diplomats Over Espionage"):
        events = _code(coder, text)
        assert [(e.event_type, e.cameo) for e in events] == [("SANCTION", "166")], text
        assert [e.country for e in events[0].actor] == ["CHL"]
        assert [e.country for e in events[0].recipient] == ["BOL"]
        assert events[0].text == text  # the record keeps the original text


def test_headline_without_a_stop_never_joins_the_body(coder):
    text = "Border accord\n\nChile and Peru agreed to reopen two crossings on Monday."
    (event,) = [e for e in _code(coder, text) if e.event_type == "AGREE"]
    assert sorted(e.country for e in event.actor) == ["CHL", "PER"]
    assert event.text.startswith("Chile and Peru")


@pytest.mark.skipif(not BUGS.is_dir(), reason="shared bug reports not present")
def test_allcaps_wire_bug_report(coder):
    lines = (BUGS / "13-allcaps-wire-headline.jsonl").read_text("utf-8").splitlines()
    articles = [record_article(json.loads(line), "case") for line in lines if line.strip()]
    for coded in coder.code(articles):
        expel = [e for e in coded.events if e.event_type == "SANCTION" and e.cameo == "166"]
        assert expel, coded.article.id
        assert [e.country for e in expel[0].actor] == ["RUS"]
        assert [(e.country, e.sector) for e in expel[0].recipient] == [("GBR", "GOV")]


def test_story_in_an_aside_and_no_consent_banner(tmp_path):
    from resgestae.readers.html import parse_html

    prose = ("Bolivian police detained eleven miners who blocked a highway near Potosi on "
             "Thursday, the interior ministry said in a statement.")
    html = ("<html><body><div class='cookie-consent'><p>We and our partners use cookies to "
            "store and access information on your device and to personalise advertising; "
            "by clicking Accept all you agree to this.</p><button>Accept all</button></div>"
            f"<main><aside class='story'><h1>Miners detained</h1><p>{prose}</p>"
            f"<p>{prose.replace('eleven', 'twelve')}</p></aside></main></body></html>")
    text = parse_html(html, "page.html")["text"]
    assert "eleven miners" in text and "twelve miners" in text
    assert "cookies" not in text and "Accept all" not in text


@pytest.mark.skipif(not BUGS.is_dir(), reason="shared bug reports not present")
def test_aside_cookie_bug_report(coder):
    from resgestae.readers import read_file

    articles = list(read_file(BUGS / "10-article-in-aside-cookie-banner.html", 10**6))
    coded = next(iter(coder.code(articles)))
    countries = {e.country for ev in coded.events for e in ev.actor}
    assert {"ECU", "PER"} <= countries
    assert not any("Accept" in ev.text or "partners" in ev.text for ev in coded.events)


def test_readme_in_an_input_folder_is_skipped(tmp_path):
    from resgestae.errors import InputError
    from resgestae.readers import read_inputs

    (tmp_path / "README.md").write_text("# My scrape\n\nFiles from the wire, one per story.\n")
    (tmp_path / "README").write_text("Collected by hand in May.\n")
    (tmp_path / "story.txt").write_text("Police detained four union leaders in Lima on Monday.")
    items = list(read_inputs([str(tmp_path)]))
    assert len(items) == 1 and not isinstance(items[0], InputError)
    assert "union leaders" in items[0].text


def test_short_english_with_foreign_place_names_is_english():
    from resgestae.readers.language import not_english_reason

    assert not_english_reason("Soldiers detained three farmers near San Pedro de la Sierra and "
                              "La Joya del Norte in the country's west on Monday.") is None
    assert not_english_reason("La policía detuvo a dos hombres en la ciudad de Lima el lunes "
                              "por la noche según el diario local.") is not None
