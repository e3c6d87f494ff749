"""The web page in a real browser: Debian chromium driven by Playwright, against a real
server over a real DuckDB store (the sample article coded, plus hand-made events)."""

from __future__ import annotations

import re

import pytest
from fixture_events import ARTICLE, fixture_events
from server_helpers import CHROMIUM, Server, chromium, screenshot_path

from resgestae.model import Article
from resgestae.store import Store

# Written for this test: one sentence, the same verb twice (two events).
TWICE = ("Kenya accused Uganda of shelling border posts, and Tanzania accused Burundi "
         "of sheltering rebels.\n")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (make browser installs Debian's chromium)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder, sample_text):
    db = tmp_path_factory.mktemp("web") / "events.duckdb"
    # both articles report Haftar's threat: it is stored once, as the report of the
    # smaller article id ("seed-fixture"), whose hand-made spans the test checks
    seed = Article(id="wire-seed", text=sample_text, date="2020-12-26", title="Akar in Libya")
    twice = Article(id="wire-twice", text=TWICE, date="2024-03-07", title="Two accusations")
    with Store(db) as store:
        coded = next(iter(coder.code([seed])))
        store.replace_article(coded.article or seed, coded.events)
        store.replace_article(ARTICLE, fixture_events())
        coded = next(iter(coder.code([twice])))
        store.replace_article(coded.article, coded.events)
    server = Server(db)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(server):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(server.url + "/")
        page.wait_for_selector("body[data-loads='1']", timeout=30_000)
        yield page


def _rows(page) -> list[str]:
    return page.locator("#events tbody tr").all_inner_texts()


def test_page_shows_everything(page, server):
    assert len(_rows(page)) >= 4
    assert page.locator("#timeline rect.bar").count() >= 2
    assert page.locator("#map path.country").count() > 100  # outlines bundled, offline
    assert page.locator("#map circle.dot").count() >= 2  # the visit at Tripoli
    network = page.locator("#network").text_content()
    assert "Hulusi Akar" in network and "Khalifa Haftar" in network
    # nothing was fetched from anywhere but our server
    assert all(url.startswith(server.url) for url in page.requests), page.requests


def test_filter_click_highlight(page, tmp_path):
    page.fill("input[name=actor]", "Haftar")
    page.click("#apply")
    page.wait_for_selector("body[data-loads='2']", timeout=30_000)
    rows = _rows(page)
    assert rows and all("Haftar" in row for row in rows)
    threat = next(e for e in fixture_events() if e.event_type == "THREATEN")
    page.locator(f"#events tbody tr[data-id='{threat.id}']").click()
    page.wait_for_selector("#sentence mark.trigger", timeout=15_000)
    marks = {m.get_attribute("class"): m.inner_text()
             for m in page.locator("#sentence mark").all()}
    assert marks == {"trigger": "threatened", "actor": "Khalifa Haftar",
                     "recipient": "Turkish forces"}
    assert "Tripoli, Libya" in page.locator("#sentence").inner_text()
    assert re.search(r"THREATEN", page.locator("#evidence").inner_text())
    shot = screenshot_path("web.png", tmp_path)  # RESGESTAE_SCREENSHOTS=tests/artifacts: commit
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_map_dot_opens_evidence(page):
    page.click("#clear")
    page.wait_for_selector("body[data-loads='3']", timeout=30_000)
    page.locator("#map circle.dot").first.click(force=True)
    page.wait_for_selector("#sentence mark.trigger", timeout=15_000)
    assert page.locator("#evidence").inner_text().count("Tripoli") >= 1


def test_same_verb_twice_highlights_its_own(page, server):
    """The second "accused" is marked for the second event, from the stored spans."""
    page.fill("input[name=actor]", "Tanzania")
    page.click("#apply")
    rows = page.locator("#events tbody tr")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#events tbody tr')].length > 0 && "
        "[...document.querySelectorAll('#events tbody tr')].every("
        "r => r.innerText.includes('Tanzania'))", timeout=30_000)
    assert rows.count() == 1
    rows.first.click()
    # the panel may still hold an earlier test's sentence: wait for this event's own
    page.wait_for_function(
        "() => { const s = document.querySelector('#sentence');"
        " return s && s.querySelector('mark.trigger') &&"
        " s.innerText.split('accused').length === 3; }", timeout=15_000)
    offset = page.evaluate("""() => {
        const p = document.querySelector('#sentence');
        const mark = p.querySelector('mark.trigger');
        let at = 0;
        for (const node of p.childNodes) {
            if (node === mark) return at;
            at += node.textContent.length;
        }
        return -1;
    }""")
    sentence = page.locator("#sentence").inner_text()
    first = sentence.index("accused")
    second = sentence.index("accused", first + 1)
    assert offset == second != first
    marks = {m.get_attribute("class"): m.inner_text()
             for m in page.locator("#sentence mark").all()}
    assert marks == {"trigger": "accused", "actor": "Tanzania", "recipient": "Burundi"}
    page.click("#clear")
