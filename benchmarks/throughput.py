"""Throughput: plain spaCy `nlp.pipe` vs the whole `resgestae code` path, 2 workers vs 1.

All numbers come from one run on one generated corpus (benchmarks/corpus.py):

1. plain spaCy: the same model, `nlp.pipe` over the same texts, nothing else;
2. `resgestae code CORPUS --workers 1` (read JSONL, clean, annotate, code, store in
   DuckDB, write JSONL), run in this process after the model is loaded, with the
   time each coding stage takes;
3. the same path (reader → runner → store) with 1 and with 2 worker processes;
   "steady" rates leave out the seconds the workers take to load the model;
4. peak RSS of every process, and articles per day on this machine next to GDELT's.

    python benchmarks/throughput.py [--articles 300] [--paragraphs 4]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from rss import PeakRSS  # noqa: E402

GDELT_PER_DAY = 730_000


def plain_spacy(texts: list[str], batch_size: int) -> float:
    """Seconds for plain `nlp.pipe` over `texts` (model loaded and warmed first)."""
    import spacy

    from resgestae.nlp import resolve_model

    nlp = spacy.load(resolve_model(os.environ.get("RESGESTAE_MODEL")))
    list(nlp.pipe(texts[:4]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def timed_stages() -> dict[str, float]:
    """Wrap the pipeline's stage functions (and the store's write) with timers."""
    import resgestae.pipeline as pipeline
    from resgestae.store import Store

    totals: dict[str, float] = defaultdict(float)

    def wrap(owner: object, name: str, label: str) -> None:
        inner: Callable = getattr(owner, name)

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                totals[label] += time.perf_counter() - start

        setattr(owner, name, timed)

    for name in ("prepare_article", "extract_events", "resolve_actors", "locate_events",
                 "date_events"):
        wrap(pipeline, name, name)
    wrap(pipeline.dedup, "merge_in_article", "dedup")
    wrap(Store, "write_batch", "store")
    return totals


def whole_path(corpus: Path, db: Path, stages: dict[str, float]) -> float:
    """Seconds for `resgestae code CORPUS --workers 1`, in this process, model warm."""
    from resgestae.cli import main
    from resgestae.config import Config
    from resgestae.runner.work import get_coder

    get_coder(Config())  # load the model outside the clock, as plain spaCy's is
    stages.clear()
    start = time.perf_counter()
    status = main(["code", str(corpus), "--db", str(db), "--workers", "1", "--format", "jsonl",
                   "--output", os.devnull])
    elapsed = time.perf_counter() - start
    if status not in (0, 1):
        raise SystemExit(f"resgestae code failed with status {status}")
    return elapsed


def runner(corpus: Path, db: Path, workers: int) -> tuple[float, float, int]:
    """(wall seconds, steady articles/s after the first chunk, articles) for N workers."""
    from resgestae.config import Config
    from resgestae.readers import read_inputs
    from resgestae.runner import run_local
    from resgestae.runner.local import CHUNK_SIZE
    from resgestae.store import Store

    stamps = []
    start = time.perf_counter()
    with Store(db) as store:
        for _ in run_local(read_inputs([str(corpus)]), Config(), store, workers=workers):
            stamps.append(time.perf_counter())
    wall = time.perf_counter() - start
    first = min(CHUNK_SIZE, len(stamps) - 1)  # the first chunk waits for the model to load
    steady = (len(stamps) - first) / max(stamps[-1] - stamps[first - 1], 1e-9)
    return wall, steady, len(stamps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--paragraphs", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="the multi-worker run (vs 1)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="resgestae-bench-"))
    corpus = write_corpus(work / "corpus.jsonl", args.articles, args.paragraphs)
    with corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words} words ({words // len(texts)} per article), "
          f"{os.cpu_count()} cores")

    from resgestae.config import Config

    stages = timed_stages()
    with PeakRSS() as rss:
        spacy_s = plain_spacy(texts, Config().batch_size)
        whole_s = whole_path(corpus, work / "whole.duckdb", stages)
        stage_times = dict(stages)
        one = runner(corpus, work / "w1.duckdb", 1)
        many = runner(corpus, work / f"w{args.workers}.duckdb", args.workers)
    n = len(texts)
    spacy_rate, whole_rate = n / spacy_s, n / whole_s
    print(f"plain spaCy nlp.pipe:        {spacy_rate:8.1f} articles/s  ({spacy_s:.1f} s)")
    print(f"resgestae code (whole path): {whole_rate:8.1f} articles/s  ({whole_s:.1f} s)")
    print(f"RATIO whole path / plain spaCy = {whole_rate / spacy_rate:.2f}   (target >= 0.8)")
    print("  where the whole path's time goes (s):")
    for name, seconds in sorted(stage_times.items(), key=lambda kv: -kv[1]):
        print(f"    {name:16s} {seconds:7.2f}  {100 * seconds / whole_s:5.1f}%")
    rest = whole_s - sum(stage_times.values())
    print(f"    {'spaCy + reading':16s} {rest:7.2f}  {100 * rest / whole_s:5.1f}%  (the remainder)")
    print(f"runner, 1 worker:  {n / one[0]:8.1f} articles/s wall, {one[1]:8.1f} steady")
    print(f"runner, {args.workers} workers: {n / many[0]:8.1f} articles/s wall, "
          f"{many[1]:8.1f} steady (after the workers loaded the model)")
    print(f"RATIO {args.workers} workers / 1 = {many[1] / one[1]:.2f} steady, "
          f"{one[0] / many[0]:.2f} wall   (target >= 1.6)")
    print(f"peak RSS: main process {rss.main:.0f} MB; workers "
          + ", ".join(f"{mb:.0f}" for mb in rss.workers()) + " MB   (target < 1024 MB each)")
    best = max(whole_rate, one[1], many[1])
    print(f"PROJECTION: {best * 86400:,.0f} articles/day on this machine "
          f"({os.cpu_count()} cores) vs GDELT's {GDELT_PER_DAY:,} a day "
          f"({best * 86400 / GDELT_PER_DAY:.2f}x)")


if __name__ == "__main__":
    main()
