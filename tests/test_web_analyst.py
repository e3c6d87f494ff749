"""The analyst's page in a real browser (Debian chromium, Playwright) against a real server:
correcting an actor's country teaches the coder; the time-scaled timeline, the aggregated
network, the map's zoom and legend, the filter state in the URL; and a screenshot of the
page on the Wikinews dev set (33 articles). The screenshot goes to a temporary folder; to
refresh the committed tests/artifacts/wikinews.png on purpose, run
`RESGESTAE_SCREENSHOTS=tests/artifacts .venv/bin/python -m pytest tests/test_web_analyst.py`."""

from __future__ import annotations

import json

import httpx
import pytest
from fixture_events import ARTICLE, fixture_events
from server_helpers import CHROMIUM, Server, chromium, screenshot_path

from resgestae.model import Article
from resgestae.store import Store

TOKEN = "page-token"
FIRST = "Ahmed Maiteeq met the Egyptian foreign minister in Cairo on Monday."
SECOND = "Ahmed Maiteeq criticized the central bank governor on Friday."

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (make browser installs Debian's chromium)"
)


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def _open(browser, url: str, loads: int = 1):
    page = browser.new_page(viewport={"width": 1500, "height": 1200})
    page.goto(url)
    page.wait_for_selector(f"body[data-loads='{loads}']", timeout=60_000)
    return page


def test_correct_actor_country_teaches_the_coder(browser, coder, tmp_path):
    db = tmp_path / "events.duckdb"
    first = Article(id="maiteeq-1", text=FIRST, date="2021-03-01", url="https://example.org/m1")
    with Store(db) as store:
        coded = next(iter(coder.code([first])))
        store.replace_article(coded.article or first, coded.events)
        store.replace_article(ARTICLE, fixture_events())
    meeting = next(e for e in coded.events if e.actor and e.actor[0].name == "Ahmed Maiteeq")
    assert meeting.actor[0].country is None  # what the coder knows on its own
    server = Server(db, token=TOKEN)
    try:
        page = _open(browser, server.url + "/?actor=maiteeq")
        row = page.locator(f"#events tbody tr[data-id='{meeting.id}']")
        row.click()
        page.wait_for_selector("#correct", timeout=15_000)
        page.fill("#correct input[name=actor_country]", "LBY")
        page.fill("#correct input[name=actor_sector]", "GOV")
        page.fill("#correct input[name=author]", "ana")
        page.fill("#correct input[name=token]", TOKEN)
        page.click("#save-correction")
        page.wait_for_selector(f"#events tbody tr.corrected[data-id='{meeting.id}']",
                               timeout=30_000)
        cells = row.locator("td").all_inner_texts()
        assert cells[3] == "LBY" and cells[4] == "GOV" and "✎" in cells[1]
        assert "by ana: actor" in page.locator("#evidence").inner_text()
        # a second article naming him, coded by the server, comes out LBY GOV
        posted = httpx.post(server.url + "/v1/articles", timeout=120, json={
            "id": "maiteeq-2", "text": SECOND, "date": "2021-03-05"},
            headers={"Authorization": f"Bearer {TOKEN}"})
        assert posted.status_code == 200, posted.text
        page.goto(server.url + "/?actor=maiteeq&article=maiteeq-2")
        page.wait_for_selector("body[data-loads='1']", timeout=60_000)
        rows = page.locator("#events tbody tr")
        assert rows.count() >= 1
        for i in range(rows.count()):
            cells = rows.nth(i).locator("td").all_inner_texts()
            assert "Ahmed Maiteeq" in cells[2] and cells[3] == "LBY" and cells[4] == "GOV"
            assert "✎" not in cells[1]  # coded so, not corrected
        page.close()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def wikinews(tmp_path_factory, coder, shared):
    from resgestae.readers.jsonl import record_article

    lines = (shared / "gold/dev/wikinews_dev.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [record_article(json.loads(line), f"line {n}") for n, line in enumerate(lines, 1)]
    assert len(articles) == 33
    db = tmp_path_factory.mktemp("wikinews") / "events.duckdb"
    with Store(db) as store:
        for coded in coder.code(articles):
            if coded.error is None:
                store.replace_article(coded.article, coded.events)
    server = Server(db)
    yield server
    server.stop()


def test_page_on_wikinews(browser, wikinews, tmp_path):
    page = _open(browser, wikinews.url + "/?net=country")
    total = int(page.locator("#event-count").inner_text().strip("()"))
    assert total > 50
    # the timeline is on a time scale: 2019 and 2020 both on the axis, bars by day
    ticks = " ".join(page.locator("#timeline .tick text").all_text_contents())
    assert "2019" in ticks or "2020" in ticks
    assert page.locator("#timeline rect.bar").count() >= 10
    # network between countries (as the URL asks), the top 40 links, coloured by QuadClass
    links = page.locator("#network line.link")
    assert 0 < links.count() <= 40
    colours = {links.nth(i).get_attribute("stroke") for i in range(links.count())}
    assert len(colours) >= 2
    assert "material conflict" in page.locator("#network-legend").inner_text()
    # table columns for country, sector, factuality, confidence
    header = page.locator("#events thead").inner_text()
    assert all(word in header for word in ("Country", "Sector", "Factuality", "Conf."))
    # map zoom and legend
    assert page.locator("#map .legend-map").count() == 1
    page.click("#zoom-in")
    assert float(page.locator("#map").get_attribute("data-zoom")) > 1
    shot = screenshot_path("wikinews.png", tmp_path)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    # the filter state goes into the URL, and a shared URL restores it
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.fill("#filters input[name=until]", "2019-12")
    page.click("#apply")
    page.wait_for_selector("body[data-loads='2']", timeout=60_000)
    assert "type=ASSAULT" in page.url and "until=2019-12" in page.url
    shared_view = _open(browser, page.url)
    assert shared_view.locator("#filters select[name=type]").input_value() == "ASSAULT"
    types = {t for t in shared_view.locator("#events tbody tr td:nth-child(2)").all_inner_texts()}
    assert types and all(t.startswith("ASSAULT") for t in types)
    shared_view.close()
    assert "net=country" in page.url
    page.select_option("#view select[name=net]", "actor")
    page.wait_for_selector("body[data-loads='3']", timeout=60_000)
    assert "net=" not in page.url  # actors are the default
    page.close()
