"""Counting helpers: precision, recall, F1 and shares, as plain JSON-ready dicts."""

from __future__ import annotations

from typing import Any


def ratio(part: int | float, whole: int | float) -> float | None:
    """part / whole rounded to 4 places; None when there is nothing to divide by."""
    return round(part / whole, 4) if whole else None


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 from true positives, false positives and false negatives."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp, "fp": fp, "fn": fn, "support": tp + fn,
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
    }


def share(correct: int, total: int) -> dict[str, Any]:
    """A count of correct items out of a total, with the share."""
    return {"correct": correct, "total": total, "accuracy": ratio(correct, total)}
