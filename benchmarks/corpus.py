"""A benchmark corpus: JSONL articles built from the sample and the Wikinews dev texts.

Paragraphs of `samples/seed-article.txt` and of `../shared/gold/dev/wikinews_dev.jsonl`
(read at run time, never copied into the project) are recombined into articles,
each with its own id, publication date and one unique reference, so every article
has distinct content (the resume ledger and the vocabulary see a growing corpus).
No network. Usage:

    python benchmarks/corpus.py OUT.jsonl --articles 1000 [--paragraphs 4]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "seed-article.txt"
WIKINEWS = ROOT.parent / "shared" / "gold" / "dev" / "wikinews_dev.jsonl"
FIRST_DAY = date(2019, 1, 1)


def paragraphs() -> list[str]:
    """Paragraphs of the sample and (when ../shared is there) the Wikinews dev articles."""
    texts = [SAMPLE.read_text(encoding="utf-8")]
    if WIKINEWS.exists():
        with WIKINEWS.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    found = [p.strip() for text in texts for p in text.split("\n\n")]
    # very short lines are bylines and quotes' attributions: not article-like
    return [p for p in found if len(p) >= 80]


def articles(n: int, per_article: int = 4, seed: int = 7, days: int = 30) -> Iterator[dict]:
    """`n` article records of `per_article` paragraphs each, deterministic for a seed."""
    pool = paragraphs()
    rng = random.Random(seed)
    for i in range(n):
        chosen = rng.sample(pool, min(per_article, len(pool)))
        text = "\n\n".join(chosen) + f"\n\nThis report has the reference RG{i:07d}."
        day = FIRST_DAY + timedelta(days=i % days)
        title = chosen[0][:60]
        yield {"id": f"bench-{i:07d}", "date": day.isoformat(), "title": title, "text": text}


def write_corpus(path: Path, n: int, per_article: int = 4, seed: int = 7) -> Path:
    """Write the corpus as JSONL to `path` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in articles(n, per_article, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--paragraphs", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.output, args.articles, args.paragraphs, args.seed)
    print(f"{args.articles} articles written to {args.output}")


if __name__ == "__main__":
    main()
