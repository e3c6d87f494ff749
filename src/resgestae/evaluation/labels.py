"""Scoring one label per sentence: PLOVER root types (``plv``) and PentaClass (``pentaclass``).

Both gold formats give each record one ``label``: a PLOVER root type name
(``plv``; older PLOVER's ``YIELD`` is today's CONCEDE or RETREAT, either
counts as right) or a PentaClass number 0-4 (``pentaclass``; from CAMEO roots
01-02 statement / 03-05 verbal cooperation / 06-08 material cooperation /
09-13 verbal conflict / 14-20 material conflict).

A record's predicted label comes from its *primary* event: the most confident
one (the first in text order among equals). No event is ``NONE`` for PLOVER
labels and class 0 (a statement, not an event) for PentaClass. Our event's
PentaClass is its CAMEO root's class; an event without a CAMEO code falls back
on its PLOVER type's usual class (`TYPE_CLASS`).

Numbers: accuracy; per-label precision, recall and F1 (a label's F1 counts the
records whose gold or prediction is that label); macro-F1 over the labels that
occur in gold; a confusion table (rows gold, columns predicted).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .metrics import prf, ratio, share

NONE = "NONE"
# Older PLOVER names -> today's types that count as right for them.
LABEL_ALIASES = {"YIELD": ("CONCEDE", "RETREAT")}
PENTACLASS_NAMES = {
    "0": "statement", "1": "verbal coop", "2": "material coop",
    "3": "verbal conflict", "4": "material conflict",
}
# CAMEO root (01..20) -> PentaClass, as ConfliBERT's PentaClass data defines it.
ROOT_CLASS = {f"{root:02d}": str(cls) for cls, roots in enumerate(
    (range(1, 3), range(3, 6), range(6, 9), range(9, 14), range(14, 21))) for root in roots}
# A PLOVER type's usual PentaClass (for events without a CAMEO code). REQUEST spans
# CAMEO 02 (appeal, class 0) and 10 (demand, class 3); appeals are the commoner report.
TYPE_CLASS = {
    "AGREE": "1", "CONSULT": "1", "SUPPORT": "1",
    "COOPERATE": "2", "AID": "2", "CONCEDE": "2", "RETREAT": "2",
    "REQUEST": "0", "ACCUSE": "3", "REJECT": "3", "THREATEN": "3",
    "PROTEST": "4", "MOBILIZE": "4", "SANCTION": "4", "COERCE": "4", "ASSAULT": "4",
}
MISS_FIELDS = ("event_type", "cameo", "trigger", "confidence")


def primary(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The most confident event (first among equals), or None when there is none."""
    best: dict[str, Any] | None = None
    for event in events:
        if best is None or float(event.get("confidence") or 0) > float(best.get("confidence") or 0):
            best = event
    return best


def pentaclass(event: dict[str, Any] | None) -> str:
    """An event's PentaClass ('0'..'4'): by CAMEO root, else by type; none is '0'."""
    if event is None:
        return "0"
    root = str(event.get("cameo") or "")[:2]
    if root in ROOT_CLASS:
        return ROOT_CLASS[root]
    return TYPE_CLASS.get(str(event.get("event_type") or ""), "0")


def gold_label(kind: str, record: dict[str, Any]) -> str:
    """A record's gold label as a string ('ACCUSE', '3')."""
    label = record.get("label")
    return str(label).strip() if kind == "pentaclass" else str(label).strip().upper()


def predicted_label(kind: str, events: list[dict[str, Any]], gold_labels: set[str]) -> str:
    """The label of a record's primary event, in the gold file's label names."""
    event = primary(events)
    if kind == "pentaclass":
        return pentaclass(event)
    if event is None:
        return NONE
    kind_name = str(event.get("event_type") or NONE).upper()
    for old, today in LABEL_ALIASES.items():  # a file labelled YIELD scores RETREAT as YIELD
        if old in gold_labels and kind_name in today:
            return old
    return kind_name


def score_labels(kind: str, records: list[dict[str, Any]],
                 predictions: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """All numbers for one-label gold (`kind` 'plv' or 'pentaclass') and our events."""
    golds = [gold_label(kind, r) for r in records]
    names = set(golds)
    preds = [predicted_label(kind, events, names) for events in predictions]
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    for record, gold, pred, events in zip(records, golds, preds, predictions, strict=True):
        confusion[gold][pred] += 1
        if gold != pred:
            misses.append(_miss(record, gold, pred, events))
    per_label = _per_label(golds, preds)
    with_support = [row["f1"] for row in per_label.values() if row["support"]]
    return {
        "format": kind,
        "records": len(records),
        "accuracy": share(sum(g == p for g, p in zip(golds, preds, strict=True)), len(records)),
        "macro_f1": ratio(sum(with_support), len(with_support)),
        "per_label": per_label,
        "confusion": {g: dict(confusion[g]) for g in sorted(confusion)},
        "no_event": share(sum(not events for events in predictions), len(records)),
        "misses": misses,
    }


def _per_label(golds: list[str], preds: list[str]) -> dict[str, dict[str, Any]]:
    labels = sorted(set(golds) | set(preds) - {NONE})
    rows = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(golds, preds, strict=True))
        rows[label] = prf(tp, preds.count(label) - tp, golds.count(label) - tp)
    return rows


def _miss(record: dict[str, Any], gold: str, pred: str, events: list[dict]) -> dict[str, Any]:
    return {
        "id": record.get("id"), "text": record.get("text"), "gold": [gold], "label": pred,
        "predicted": [{k: e.get(k) for k in MISS_FIELDS} for e in events],
    }
