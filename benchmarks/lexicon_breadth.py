"""The lexicon coder's breadth on the project's own written clauses, by half.

    .venv/bin/python benchmarks/lexicon_breadth.py [--e2e] [--misses tune] [--limit N]

`data/training/written.tsv` holds 14,752 wire-style clauses written for the project, each
labelled with one PLOVER type or NONE (see its header). The learned model trains on them,
so here the coder runs with the model switched off (threshold 2.0): what is measured is
the lexicon and the clause rules alone. Clauses are split once into a tune and a check
half by a hash of the clause text; read misses only on the tune half (`--misses tune`)
and judge a change by the check half. A clause counts as right when its primary event
(the most confident) has the written label, or when it has no event and the label is
NONE.

`--e2e` measures the whole coder instead: the numpy clause model is retrained in this
process as `resgestae train --numpy` does, but without the check half of written.tsv,
and the coder runs with its own threshold. The check half is then text neither the
lexicon's authors nor the model have seen.

Prints, per half: accuracy, event recall (an event clause gets any event), the false-event
rate on NONE clauses, and per-type accuracy.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from resgestae.evaluation.halves import half_of as half  # by the clause text here

WRITTEN = (Path(__file__).resolve().parents[1] / "src" / "resgestae" / "data" / "training"
           / "written.tsv")


def read(limit: int | None = None) -> list[tuple[str, str, str]]:
    """(label, trigger lemma, clause) rows of written.tsv, comments skipped."""
    rows = []
    for line in WRITTEN.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        label, lemma, text = line.split("\t", 2)
        rows.append((label, lemma, text))
    return rows[:limit] if limit else rows


def without_check_half(cache: Path | None = None) -> None:
    """Swap the shipped numpy clause model for one trained without written.tsv's check
    half (read from `cache` when that file exists, else trained and written there)."""
    from resgestae.coding import classifier, train_classifier

    if cache is not None and cache.exists():
        model = classifier.ClauseClassifier.load(cache, train_classifier.VECTORS_FILE)
    else:
        examples = (train_classifier.read_corpus(train_classifier.CORPUS)
                    + train_classifier.read_corpus(train_classifier.GENERATED)
                    + [row for row in read() if half(row[2]) == "tune"])
        vectors = classifier.WordVectors.load(train_classifier.VECTORS_FILE)
        model = train_classifier.fit(examples, vectors=vectors)
        if cache is not None:
            train_classifier.save(model, cache)
    classifier.model.cache_clear()
    classifier.model = lambda: model


def code(rows: list[tuple[str, str, str]], e2e: bool = False, cache: Path | None = None,
         threshold: float | None = None) -> list[tuple[str, str]]:
    """(primary type or NONE, trigger text) of each clause; the learned model is off
    unless `e2e`, when it is one trained without the check half (at `threshold`, default
    the coder's own)."""
    import resgestae.coding as coding
    from resgestae.coding import extract as flow
    from resgestae.model import Article
    from resgestae.nlp import load_nlp

    if e2e:
        without_check_half(cache)
        if threshold is not None:
            flow.CLASSIFIER_THRESHOLD = threshold
    else:
        flow.CLASSIFIER_THRESHOLD = 2.0
    nlp = load_nlp()
    out = []
    for (_, _, text), doc in zip(rows, nlp.pipe([r[2] for r in rows], batch_size=128),
                                 strict=True):
        events = coding.extract_events(doc, Article(id="w", text=text))
        if not events:
            out.append(("NONE", ""))
            continue
        best = max(events, key=lambda e: e.confidence)
        out.append((best.event_type, doc[best._trigger_i].text))
    return out


def report(rows, coded, which: str) -> None:
    """Print the scores of one half."""
    pairs = [(r, c) for r, c in zip(rows, coded, strict=True) if half(r[2]) == which]
    right = sum(r[0] == c[0] for r, c in pairs)
    events = [(r, c) for r, c in pairs if r[0] != "NONE"]
    nones = [(r, c) for r, c in pairs if r[0] == "NONE"]
    found = sum(c[0] != "NONE" for _, c in events)
    false = sum(c[0] != "NONE" for _, c in nones)
    print(f"{which:6s} clauses {len(pairs):5d}  accuracy {right / len(pairs):.3f}  "
          f"event recall {found / max(1, len(events)):.3f}  "
          f"false events on NONE {false / max(1, len(nones)):.3f}")
    per = Counter(r[0] for r, _ in pairs)
    ok = Counter(r[0] for r, c in pairs if r[0] == c[0])
    print("       " + "  ".join(f"{t} {ok[t] / per[t]:.2f}" for t in sorted(per)))


def misses(rows, coded, which: str) -> None:
    """Print the misses of one half, grouped by (label, coded type)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for r, c in zip(rows, coded, strict=True):
        if half(r[2]) == which and r[0] != c[0]:
            groups.setdefault((r[0], c[0]), []).append(f"[{r[1]}|{c[1]}] {r[2]}")
    for (gold, got), texts in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {gold} coded {got}: {len(texts)}")
        for text in texts:
            print("  " + text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=("tune",), help="print this half's misses")
    parser.add_argument("--e2e", action="store_true",
                        help="the whole coder, its model retrained without the check half")
    parser.add_argument("--model-cache", type=Path,
                        help="with --e2e: keep the retrained model in this .npz file")
    parser.add_argument("--threshold", type=float,
                        help="with --e2e: the coder's classifier threshold (default its own)")
    parser.add_argument("--dump", type=Path, help="write half, label and coded type per clause")
    parser.add_argument("--limit", type=int, help="only the first N clauses")
    args = parser.parse_args(argv)
    rows = read(args.limit)
    coded = code(rows, args.e2e, args.model_cache, args.threshold)
    for which in ("tune", "check"):
        report(rows, coded, which)
    if args.dump:
        args.dump.write_text("".join(f"{half(r[2])}\t{r[0]}\t{c[0]}\n"
                                     for r, c in zip(rows, coded, strict=True)), encoding="utf-8")
    if args.misses:
        misses(rows, coded, args.misses)


if __name__ == "__main__":
    sys.exit(main())
