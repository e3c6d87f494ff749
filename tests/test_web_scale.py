"""The page at 10,000 events, in a real browser (Debian chromium, Playwright) against a real
server: it loads within a bound, the timeline is drawn, the network keeps the top-N
heaviest links with readable labels (node count bounded, no two labels overlapping),
and the table pages.

The events are generated through the store API (`Store.write_batch`, the path `resgestae
code` writes through), not coded from text: 500 articles of 20 generated sentences each,
over 2019-2020, 120 actors of 30 countries, some dated to a month or a year only.
Measured here (2 shared cores, load average 5): the first load takes 0.7-1.0 s; the bound
is 10 s.
"""

from __future__ import annotations

import random
import time

import pytest
from server_helpers import CHROMIUM, Server, chromium, screenshot_path

from resgestae.model import Article, Entity, Event, Place
from resgestae.store import Store

ARTICLES, PER_ARTICLE = 500, 20
LOAD_BOUND_S = 10.0
COUNTRIES = ["AFG", "BRA", "CHN", "COL", "DEU", "EGY", "ETH", "FRA", "GBR", "IND", "IRN", "IRQ",
             "ISR", "JPN", "KEN", "LBY", "MEX", "MLI", "NGA", "PAK", "RUS", "SAU", "SDN", "SOM",
             "SYR", "TUR", "UKR", "USA", "VEN", "YEM"]
VERBS = {"CONSULT": "met", "ACCUSE": "accused", "THREATEN": "threatened", "AID": "helped",
         "ASSAULT": "attacked", "AGREE": "agreed with", "DEMAND": "pressed",
         "SUPPORT": "backed", "REQUEST": "asked", "COERCE": "arrested"}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (make browser installs Debian's chromium)"
)


def _actors(rng: random.Random) -> list[Entity]:
    sectors = ["GOV", "MIL", "REB", "OPP", "CVL", "MED"]
    return [Entity(text=f"Officer {i}", name=f"Officer {i} of {COUNTRIES[i % len(COUNTRIES)]}",
                   country=COUNTRIES[i % len(COUNTRIES)], sector=rng.choice(sectors))
            for i in range(120)]


def _article(number: int, rng: random.Random, actors: list[Entity]) -> tuple[Article, list]:
    """One article of PER_ARTICLE sentences, each one event; a few actors are busier."""
    day = 1 + rng.randrange(730)
    sentences, events = [], []
    offset = 0
    for i in range(PER_ARTICLE):
        kind = rng.choice(list(VERBS))
        actor = actors[min(int(rng.expovariate(1 / 25)), len(actors) - 1)]
        recipient = rng.choice([a for a in actors if a is not actor])
        town = rng.randrange(60)
        place = f"Town {town}"
        sentence = f"{actor.text} {VERBS[kind]} {recipient.text} near {place} ({number}.{i})."
        start = offset
        trigger_at = start + len(actor.text) + 1
        date = _date(day + rng.randrange(20), rng)
        event = Event(
            article_id=f"gen-{number}", event_type=kind, text=sentence,
            span=(start, start + len(sentence)), trigger=VERBS[kind].split()[0],
            actor=[Entity(**{**actor.__dict__, "span": (start, start + len(actor.text))})],
            recipient=[Entity(**{**recipient.__dict__, "span": None})],
            date=date, date_precision={4: "year", 7: "month"}.get(len(date), "day"),
            location=Place(name=place, country=COUNTRIES[town % len(COUNTRIES)],
                           lat=-30 + town * 37 % 60, lon=-20 + town * 53 % 100)
            if rng.random() < 0.6 else None,
            factuality=rng.choice(["asserted"] * 8 + ["negated", "future"]),
            confidence=round(0.3 + rng.random() * 0.7, 2),
        )
        event._trigger_span = (trigger_at, trigger_at + len(event.trigger))
        event.assign_id()
        events.append(event)
        sentences.append(sentence)
        offset += len(sentence) + 1
    first = _date(day, rng, precise=True)
    article = Article(id=f"gen-{number}", text=" ".join(sentences), date=first,
                      title=f"Generated report {number}", url=f"https://example.org/gen/{number}")
    return article, [e.to_record() for e in events]


def _date(day: int, rng: random.Random, precise: bool = False) -> str:
    """A date `day` days after 2019-01-01: mostly a day, sometimes only a month or a year."""
    from datetime import date, timedelta

    value = (date(2019, 1, 1) + timedelta(days=day)).isoformat()
    if precise:
        return value
    roll = rng.random()
    return value[:4] if roll < 0.02 else value[:7] if roll < 0.08 else value


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    db = tmp_path_factory.mktemp("scale") / "events.duckdb"
    rng = random.Random(2024)
    actors = _actors(rng)
    with Store(db) as store:
        batch = [_article(n, rng, actors) for n in range(ARTICLES)]
        for start in range(0, len(batch), 50):
            store.write_batch(batch[start:start + 50])
        stored = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert stored >= 0.99 * ARTICLES * PER_ARTICLE  # a few same-day repeats merge
    server = Server(db)
    yield server, stored
    server.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


# the bounding boxes of the network's labels, and how many pairs of them overlap
OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('#network text.label')]
    .map((t) => t.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
  }
  return [boxes.length, overlaps];
}"""


def _open(browser, url: str) -> tuple[object, float]:
    page = browser.new_page(viewport={"width": 1500, "height": 1200})
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("body[data-loads='1']", timeout=int(LOAD_BOUND_S * 2000))
    return page, time.perf_counter() - start


@pytest.mark.parametrize("net", ["actor", "country"])
def test_page_at_ten_thousand_events(browser, big, net, tmp_path):
    server, stored = big
    page, seconds = _open(browser, f"{server.url}/?net={net}")
    print(f"page with {stored} events, network by {net}: loaded in {seconds:.1f} s")
    assert seconds < LOAD_BOUND_S
    assert int(page.locator("#event-count").inner_text().strip("()")) == stored
    # the timeline: bars by day over two years, spans for month- and year-dated events
    assert page.locator("#timeline rect.bar").count() > 300
    assert page.locator("#timeline rect.span").count() > 10
    ticks = " ".join(page.locator("#timeline .tick text").all_text_contents())
    assert "2020" in ticks
    # the network: the top 40 links only, their nodes bounded, widths by count, labels apart
    links = page.locator("#network line.link")
    assert 0 < links.count() <= 40
    assert page.locator("#network g.node").count() <= 2 * links.count()
    widths = {float(links.nth(i).get_attribute("stroke-width")) for i in range(links.count())}
    assert len(widths) > 1  # weighted by event count
    labels, overlaps = page.evaluate(OVERLAPS)
    assert labels >= 5 and overlaps == 0, f"{overlaps} overlapping labels of {labels}"
    # the table pages: 100 rows, then 100 more, in date order, none twice
    rows = page.locator("#events tbody tr")
    assert rows.count() == 100
    page.click("#more")
    page.wait_for_selector("#events tbody tr:nth-child(200)", timeout=30_000)
    ids = [rows.nth(i).get_attribute("data-id") for i in range(200)]
    assert len(set(ids)) == 200
    dates = [d for d in page.locator("#events tbody tr td:first-child").all_inner_texts()]
    assert dates[0] <= dates[-1]
    page.screenshot(path=str(screenshot_path(f"scale-{net}.png", tmp_path)), full_page=True)
    page.close()
