"""Store write speed and cleaning cost, per article.

Writes generated articles of 25 event records each into a fresh DuckDB store,
one article per transaction (`write_records`) and 32 per transaction
(`write_batch`, what the runner uses), with every event new ("distinct") or
every article reporting the same 25 events ("shared": the cross-article
dedup path). Then times `prepare_article` (dateline, paragraphs, MinHash
repeats, English check) on the sample article. Usage:

    .venv/bin/python benchmarks/store_write.py [--articles 128]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from resgestae.config import Config
from resgestae.model import Article, Entity, Event
from resgestae.readers.clean import prepare_article
from resgestae.store import Store

NAMES = ["Akar", "Namroush", "Haftar", "Meshri", "Erdogan", "Sisi", "Lavrov", "Dbeibah"]
TYPES = ["CONSULT", "THREATEN", "AGREE"]
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "seed-article.txt"


def records(article_id: str, shared: bool, n: int = 25) -> list[dict]:
    """`n` event records; with `shared`, the same events for every article."""
    out = []
    for i in range(n):
        actor = NAMES[i % 8] if shared else f"{article_id} {NAMES[i % 8]}"
        event = Event(
            article_id=article_id, event_type=TYPES[i % 3], text="s" * 120,
            span=(i * 130, i * 130 + 120), actor=[Entity(actor, actor, "TUR", "GOV")],
            recipient=[Entity(NAMES[(i + 3) % 8], NAMES[(i + 3) % 8], "LBY", "GOV")],
            date=f"2020-12-{1 + i % 28:02d}",
        )
        event.assign_id()
        out.append(event.to_record())
    return out


def write_speed(n_articles: int, per_batch: int, shared: bool) -> float:
    """Articles per second into a fresh store."""
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "b.duckdb") as store:
        store.write_records(Article(id="warm-up", text="x"), records("warm-up", shared))
        started = time.perf_counter()
        for first in range(0, n_articles, per_batch):
            ids = [f"a{j:06d}" for j in range(first, min(first + per_batch, n_articles))]
            store.write_batch([(Article(id=i, text="x" * 3000), records(i, shared)) for i in ids])
        return n_articles / (time.perf_counter() - started)


def cleaning_ms(rounds: int = 100) -> float:
    """Milliseconds `prepare_article` takes on the sample article."""
    text, config = SAMPLE.read_text(encoding="utf-8"), Config()
    prepare_article(Article(id="s", text=text), config)
    started = time.perf_counter()
    for _ in range(rounds):
        prepare_article(Article(id="s", text=text), config)
    return 1000 * (time.perf_counter() - started) / rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=128)
    args = parser.parse_args()
    for shared in (False, True):
        for per_batch in (1, 32):
            n = args.articles if per_batch > 1 else max(1, args.articles // 4)
            speed = write_speed(n, per_batch, shared)
            kind = "shared" if shared else "distinct"
            print(f"store write, {kind:8} events, {per_batch:2} articles/transaction: "
                  f"{speed:7.1f} articles/s ({1000 / speed:6.1f} ms/article)")
    print(f"prepare_article on the sample: {cleaning_ms():.1f} ms/article")


if __name__ == "__main__":
    main()
