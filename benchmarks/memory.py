"""Memory: peak RSS per worker process coding 1,000 vs 10,000 articles (flat = constant memory).

Each size runs in a fresh child process (reader → N workers → DuckDB store), so
nothing carries over between the two; short articles keep it to a few minutes.

    python benchmarks/memory.py [--small 1000] [--large 10000] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from rss import PeakRSS  # noqa: E402


def measure(n: int, workers: int, paragraphs: int) -> dict:
    """Code `n` generated articles with `workers` processes; peaks in MB and the time."""
    from resgestae.config import Config
    from resgestae.readers import read_inputs
    from resgestae.runner import run_local
    from resgestae.store import Store

    work = Path(tempfile.mkdtemp(prefix="resgestae-mem-"))
    corpus = write_corpus(work / "corpus.jsonl", n, paragraphs)
    start = time.perf_counter()
    with PeakRSS() as rss, Store(work / "store.duckdb") as store:
        coded = sum(1 for _ in run_local(read_inputs([str(corpus)]), Config(), store, workers))
    return {"articles": coded, "seconds": time.perf_counter() - start,
            "main": rss.main, "workers": rss.workers()}


def child(n: int, workers: int, paragraphs: int) -> dict:
    cmd = [sys.executable, __file__, "--one", str(n), "--workers", str(workers),
           "--paragraphs", str(paragraphs)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--paragraphs", type=int, default=1, help="per article (short ones)")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.workers, args.paragraphs)))
        return
    small = child(args.small, args.workers, args.paragraphs)
    large = child(args.large, args.workers, args.paragraphs)
    for run in (small, large):
        print(f"{run['articles']:6d} articles in {run['seconds']:6.1f} s: "
              f"workers peak {', '.join(f'{mb:.0f}' for mb in run['workers'])} MB; "
              f"main (reader + store writer) {run['main']:.0f} MB")
    worst_small, worst_large = max(small["workers"]), max(large["workers"])
    growth = 100 * (worst_large - worst_small) / worst_small
    main_growth = 100 * (large["main"] - small["main"]) / small["main"]
    print(f"PEAK per worker: {worst_large:.0f} MB   (target < 1024 MB)")
    print(f"GROWTH per worker {args.small} -> {args.large} articles: {growth:+.1f}%   "
          f"(target < 5%); main process {main_growth:+.1f}%")


if __name__ == "__main__":
    main()
