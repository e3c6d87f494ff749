"""Throughput: plain spaCy `nlp.pipe` vs the whole `resgestae code` path, 2 workers vs 1.

All numbers come from one run on one generated corpus (benchmarks/corpus.py):

1. plain spaCy: the same model, `nlp.pipe` over the same texts, nothing else;
2. `resgestae code CORPUS --workers 1` (read JSONL, clean, annotate, code, store in
   DuckDB, write JSONL), run in this process after the model is loaded, with the
   time each coding stage takes;
3. the same path (reader → runner → store) with 1 and with 2 worker processes;
   "steady" rates leave out the seconds the workers take to load the model;
4. peak RSS of every process, and articles per day on this machine next to GDELT's.

    python benchmarks/throughput.py [--articles 300] [--paragraphs 4] [--rounds 1]
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
WARM_UP = ("Turkish Defence Minister Hulusi Akar met Libyan officials in Tripoli on Saturday, "
           "two days after warlord Khalifa Haftar threatened to attack Turkish forces.")


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
    from resgestae.coding.gazetteer import base_gazetteer
    from resgestae.config import Config
    from resgestae.model import Article
    from resgestae.runner.work import code_chunk

    # one-off set-up off the clock, as plain spaCy's model load is: the model,
    # and the gazetteer and date parser that load on first use
    code_chunk([Article(id="warm-up", text=WARM_UP, date="2020-12-26")], Config())
    # and the index of small towns (~2.5 s), loaded on the first name the main index lacks
    base_gazetteer().minor("warm-up", {"USA"})
    stages.clear()
    start = time.perf_counter()
    status = main(["code", str(corpus), "--db", str(db), "--workers", "1", "--format", "jsonl",
                   "--output", os.devnull])
    elapsed = time.perf_counter() - start
    if status not in (0, 1):
        raise SystemExit(f"resgestae code failed with status {status}")
    return elapsed


def runner(corpus: Path, db: Path, workers: int, chunk: int) -> tuple[float, float]:
    """(wall seconds, steady articles/s) for the runner with `workers` processes.

    "Steady" leaves out the first chunk of each worker, which waits for the
    worker to load the model: the rate of the rest, from when those arrived.
    """
    from resgestae.config import Config
    from resgestae.readers import read_inputs
    from resgestae.runner import run_local
    from resgestae.store import Store

    stamps = []
    start = time.perf_counter()
    with Store(db) as store:
        for _ in run_local(read_inputs([str(corpus)]), Config(), store, workers=workers,
                           chunk_size=chunk):
            stamps.append(time.perf_counter())
    wall = time.perf_counter() - start
    first = workers * chunk
    if len(stamps) < 2 * first:
        return wall, len(stamps) / wall  # too few chunks to tell start-up from work
    return wall, (len(stamps) - first) / (stamps[-1] - stamps[first - 1])


def measure(corpus: Path, texts: list[str], work: Path, args: argparse.Namespace) -> dict:
    """Every measurement, in one run; `rounds` alternates plain and whole and keeps the best."""
    from resgestae.config import Config

    stages = timed_stages()
    found: dict = {"spacy": float("inf"), "whole": float("inf")}
    with PeakRSS() as rss:
        for r in range(args.rounds):
            found["spacy"] = min(found["spacy"], plain_spacy(texts, Config().batch_size))
            whole = whole_path(corpus, work / f"whole{r}.duckdb", stages)
            if whole < found["whole"]:
                found["whole"], found["stages"] = whole, dict(stages)
        found["one"] = runner(corpus, work / "w1.duckdb", 1, args.chunk)
        found["many"] = runner(corpus, work / f"w{args.workers}.duckdb", args.workers, args.chunk)
    found["rss"] = rss
    return found


def report(found: dict, n: int, workers: int) -> None:
    """Print the rates, the ratios against their targets, memory and the projection."""
    spacy_rate, whole_rate = n / found["spacy"], n / found["whole"]
    one, many, rss = found["one"], found["many"], found["rss"]
    print(f"plain spaCy nlp.pipe:        {spacy_rate:8.1f} articles/s  ({found['spacy']:.1f} s)")
    print(f"resgestae code (whole path): {whole_rate:8.1f} articles/s  ({found['whole']:.1f} s)")
    print(f"RATIO whole path / plain spaCy = {whole_rate / spacy_rate:.2f}   (target >= 0.8)")
    print("  where the whole path's time goes (s):")
    for name, seconds in sorted(found["stages"].items(), key=lambda kv: -kv[1]):
        print(f"    {name:16s} {seconds:7.2f}  {100 * seconds / found['whole']:5.1f}%")
    rest = found["whole"] - sum(found["stages"].values())
    print(f"    {'spaCy + reading':16s} {rest:7.2f}  {100 * rest / found['whole']:5.1f}%  "
          "(the remainder)")
    print(f"runner, 1 worker:  {n / one[0]:8.1f} articles/s wall, {one[1]:8.1f} steady")
    print(f"runner, {workers} workers: {n / many[0]:8.1f} articles/s wall, "
          f"{many[1]:8.1f} steady (after the workers loaded the model)")
    print(f"RATIO {workers} workers / 1 = {many[1] / one[1]:.2f} steady, "
          f"{one[0] / many[0]:.2f} wall   (target >= 1.6)")
    print("peak RSS: workers " + ", ".join(f"{mb:.0f}" for mb in rss.workers())
          + f" MB; this process {rss.main:.0f} MB (it holds plain spaCy's model and the "
          "whole path's)   (target < 1024 MB each)")
    best = max(whole_rate, one[1], many[1])
    print(f"PROJECTION: {best * 86400:,.0f} articles/day on this machine "
          f"({os.cpu_count()} cores, best rate above) vs GDELT's {GDELT_PER_DAY:,} a day "
          f"({best * 86400 / GDELT_PER_DAY:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--paragraphs", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="the multi-worker run (vs 1)")
    parser.add_argument("--chunk", type=int, default=8, help="articles per worker task")
    parser.add_argument("--rounds", type=int, default=1,
                        help="alternate plain spaCy and the whole path this often, keep the best "
                        "(steadier on a busy machine)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="resgestae-bench-"))
    corpus = write_corpus(work / "corpus.jsonl", args.articles, args.paragraphs)
    with corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words} words ({words // len(texts)} per article), "
          f"{os.cpu_count()} cores")
    report(measure(corpus, texts, work, args), len(texts), args.workers)


if __name__ == "__main__":
    main()
