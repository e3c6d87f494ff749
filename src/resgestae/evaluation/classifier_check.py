"""How the clause classifier alone does on real event clauses of PLOVER gold.

    python -m resgestae.evaluation.classifier_check ../shared/gold/dev/plover_gsr_dev.jsonl

The pipeline calls the classifier only for clauses its lexicon misses, so the
end-to-end eval says little about the classifier itself. Here every clause the
clause finder gives whose lexicon type equals the record's gold type (so it is
the gold event's clause) is typed by the classifier alone, as if the lexicon
had missed it; the share right is reported per probability bucket, which is
the calibration the pipeline's threshold relies on. Clauses the lexicon leaves
untyped are counted with what the classifier makes of them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from resgestae.coding.classifier import predict
from resgestae.coding.clauses import find_clauses
from resgestae.evaluation.gold import detect_format, read_gold
from resgestae.evaluation.metrics import share
from resgestae.evaluation.plover import gold_type
from resgestae.nlp import load_nlp

BUCKETS = ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def check(path: Path, model: str | None = None) -> dict[str, Any]:
    """Classifier accuracy and calibration on the gold event clauses of PLOVER records."""
    records = read_gold(path)
    if detect_format(records, str(path)) != "plover":
        raise SystemExit(f"{path}: the classifier check needs PLOVER gold records")
    typed: list[tuple[bool, float]] = []
    untyped: list[tuple[str | None, float]] = []
    nlp = load_nlp(model)
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold = {gold_type(e) for e in record.get("expected") or []}
        for clause in (c for sent in doc.sents for c in find_clauses(sent)):
            verb = clause.anchor
            kind, prob = predict(doc[verb.left_edge.i : verb.right_edge.i + 1].text, verb.lemma_)
            if clause.entry is None:
                untyped.append((kind, prob))
            elif clause.entry.event_type in gold:
                typed.append((kind in gold, prob))
    return _summary(typed, untyped)


def _summary(typed: list[tuple[bool, float]], untyped: list[tuple[str | None, float]]):
    buckets = []
    for low, high in BUCKETS:
        inside = [right for right, prob in typed if low <= prob < high]
        buckets.append({"low": low, "high": min(high, 1.0), **share(sum(inside), len(inside))})
    return {
        "gold_event_clauses": share(sum(r for r, _ in typed), len(typed)),
        "buckets": buckets,
        "untyped_clauses": len(untyped),
        "untyped_said_none": sum(kind is None for kind, _ in untyped),
        "untyped_typed_at_0.8": sum(1 for kind, prob in untyped if kind and prob >= 0.8),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__)
        return 2
    print(json.dumps(check(Path(args[0])), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
