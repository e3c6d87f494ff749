"""Bad input mixed with good articles: every bad item named, no good one lost, no blow-up.

Writes N good articles (benchmarks/corpus.py) alone, and the same articles mixed with
the 40+ kinds of bad item of tests/bad_items.py (files, folders, FIFOs, device links,
JSONL lines); codes each with the real `resgestae code`; prints a table per kind and
the totals: bad items named with their reason, good articles stored, tracebacks,
time and peak memory (the mixed run against the good one alone). Usage:

    python benchmarks/bad_input.py [--articles 40] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from bad_items import check, make_batch, skipped_lines  # noqa: E402
from corpus import articles  # noqa: E402
from rss import PeakRSS  # noqa: E402

from resgestae.store import Store  # noqa: E402

CLI = str(Path(sys.executable).with_name("resgestae"))


def _run(folder: Path, db: Path, workers: int) -> tuple[subprocess.CompletedProcess, float, float]:
    command = [CLI, "code", str(folder), "--db", str(db), "--workers", str(workers),
               "--format", "jsonl", "-o", str(db.with_suffix(".jsonl")), "--date", "2020-01-01"]
    started = time.perf_counter()
    with PeakRSS() as peak:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    children = sum(mb for pid, mb in peak.peaks.items() if pid != os.getpid())
    return done, time.perf_counter() - started, children


def _stored(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return store.stats()["articles"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    good = list(articles(args.articles))
    work = Path(tempfile.mkdtemp(prefix="resgestae-bad-"))
    try:
        (work / "good").mkdir()
        (work / "good" / "good.jsonl").write_text(
            "\n".join(json.dumps(g) for g in good) + "\n", encoding="utf-8")
        alone, t_alone, m_alone = _run(work / "good", work / "good.duckdb", args.workers)
        bad, n_good = make_batch(work / "mixed", good)
        mixed, t_mixed, m_mixed = _run(work / "mixed", work / "mixed.duckdb", args.workers)
        result = check(mixed.stderr, bad)
        found = skipped_lines(mixed.stderr)
        print(f"{'bad item':<44} {'expected':<14} reason given")
        for item, word in bad.items():
            name = item.rsplit("/", 1)[-1]
            print(f"{name[:44]:<44} {word[:14]:<14} {found.get(item, 'MISSED')[:70]}")
        stored_alone, stored_mixed = _stored(work / "good.duckdb"), _stored(work / "mixed.duckdb")
        tracebacks = mixed.stderr.count("Traceback") + alone.stderr.count("Traceback")
        print()
        print(f"bad items: {len(bad)} ({len(set(bad.values()))} reasons), named with their "
              f"reason: {len(result['named'])} ({100 * len(result['named']) / len(bad):.0f}%), "
              f"missed: {len(result['missed'])}, wrong reason: {len(result['wrong_reason'])}, "
              f"errors for good items: {len(result['extra'])}")
        print(f"good articles: alone {args.articles} -> stored {stored_alone}; mixed "
              f"{n_good} (incl. 3 tricky good) -> stored {stored_mixed}; lost: "
              f"{n_good - stored_mixed}")
        print(f"tracebacks: {tracebacks}; exit status alone {alone.returncode}, "
              f"mixed {mixed.returncode}")
        print(f"time: alone {t_alone:.1f} s, mixed {t_mixed:.1f} s ({t_mixed / t_alone:.2f}x); "
              f"peak memory: alone {m_alone:.0f} MB, mixed {m_mixed:.0f} MB "
              f"({m_mixed / m_alone:.2f}x)")
        for problem in result["wrong_reason"] + result["extra"] + result["missed"]:
            print("PROBLEM:", problem)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
