"""Tune and check halves of a gold file, fixed by a hash of each record's id.

Every dev gold file is split once: a record is in the *tune* half when the
SHA-256 of its id (as a UTF-8 string) is even, else in the *check* half.
Errors are read only on the tune half; the check half, and the gap between
the two, measure whether a change generalises. The split depends on nothing
but the id, so it is the same on every machine and in every run.
"""

from __future__ import annotations

import hashlib
import random
import statistics
from collections.abc import Callable
from typing import Any

from resgestae.errors import InputError

HALVES = ("tune", "check")

# The numbers compared between halves, per gold format: (label, path into the result).
HEADLINES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "plover": (("type F1 (micro)", ("micro", "f1")), ("type macro F1", ("macro_f1",)),
               ("precision", ("micro", "precision")), ("recall", ("micro", "recall")),
               ("actor country", ("actor_country", "accuracy")),
               ("recipient country", ("recipient_country", "accuracy"))),
    "petrarch": (("exactly right", ("exactly_right", "accuracy")),
                 ("source", ("source", "accuracy")), ("target", ("target", "accuracy")),
                 ("CAMEO root", ("root", "accuracy"))),
    "plv": (("accuracy", ("accuracy", "accuracy")), ("macro F1", ("macro_f1",))),
    "pentaclass": (("accuracy", ("accuracy", "accuracy")), ("macro F1", ("macro_f1",))),
    "event_location": (("attached", ("attached", "share")), ("resolved", ("resolved", "share")),
                       ("false places", ("false_places", "share")),
                       ("right place (end to end)", ("right_place", "share")),
                       ("false places (end to end)", ("false_places_e2e", "share"))),
}


def half_of(record_id: Any) -> str:
    """'tune' or 'check' for a record id (any value; its str() is hashed)."""
    digest = hashlib.sha256(str(record_id).encode("utf-8")).hexdigest()
    return "tune" if int(digest, 16) % 2 == 0 else "check"


def record_half(record: dict[str, Any]) -> str:
    """The half of a gold record, by its `id` field.

    Raises InputError for a record without an id: its half would not be fixed.
    """
    if record.get("id") is None:
        raise InputError(str(record.get("text", ""))[:60], "a gold record needs an 'id' to be "
                         "placed in the tune or check half")
    return half_of(record["id"])


def indices(records: list[dict[str, Any]], half: str) -> list[int]:
    """Positions of the records in `half` ('tune' or 'check')."""
    if half not in HALVES:
        raise InputError(half, f"unknown half: expected one of {', '.join(HALVES)}")
    return [i for i, record in enumerate(records) if record_half(record) == half]


def select(records: list[dict[str, Any]], half: str | None) -> list[dict[str, Any]]:
    """The records of one half; all of them when `half` is None."""
    if half is None:
        return records
    return [records[i] for i in indices(records, half)]


def headline(kind: str, result: dict[str, Any]) -> dict[str, float | None]:
    """The numbers of a result that `HEADLINES` names for its format."""
    numbers: dict[str, float | None] = {}
    for label, path in HEADLINES.get(kind, ()):
        value: Any = result
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        numbers[label] = value
    return numbers


Scorer = Callable[[list[dict[str, Any]], list[Any]], dict[str, Any]]


def compare(kind: str, records: list[dict[str, Any]], predictions: list[Any],
            scorer: Scorer, whole: dict[str, Any]) -> dict[str, Any]:
    """Headline numbers of the whole file, each half and the gap (tune minus check).

    `predictions` are per record (same order as `records`); each half is scored
    by `scorer` on its own records, so no record is coded twice.
    """
    table: dict[str, Any] = {"all": {"records": len(records), **headline(kind, whole)}}
    for half in HALVES:
        chosen = indices(records, half)
        result = scorer([records[i] for i in chosen], [predictions[i] for i in chosen])
        table[half] = {"records": len(chosen), **headline(kind, result)}
    table["gap"] = {
        label: _gap(table["tune"][label], table["check"][label]) for label in headline(kind, whole)
    }
    table["noise"] = split_noise(kind, records, predictions, scorer, table)
    return table


# the number whose split noise is printed: the first headline, unless named here
NOISE_LABEL = {"event_location": "false places"}
NOISE_SPLITS = 200  # random splits scored for `split_noise`; its sd is good to ~5%
NOISE_SEED = 20261201  # fixed, so the same predictions always print the same noise


def split_noise(kind: str, records: list[dict[str, Any]], predictions: list[Any],
                scorer: Scorer, table: dict[str, Any],
                splits: int = NOISE_SPLITS) -> dict[str, Any] | None:
    """How large the gap of the first headline number is from the split alone.

    The same predictions are scored on `splits` random splits into halves of the
    hash split's sizes (seeded): a coder fitted to neither half still shows a gap
    there. Returns {label, sd (of the random gaps), within (share of random splits
    with |gap| <= the 0.03 target), as_large (share with a |gap| at least the hash
    split's)}, or None when a half is empty or the number is missing. A hash-split gap
    that few random splits reach (as_large < 0.05) says the tune half was fitted.
    """
    labels = list(headline(kind, {}))
    if not labels or not table["tune"]["records"] or not table["check"]["records"]:
        return None
    label = NOISE_LABEL.get(kind, labels[0])
    observed = table["gap"][label]
    if observed is None:
        return None
    rng, order = random.Random(NOISE_SEED), list(range(len(records)))
    size = table["tune"]["records"]
    gaps = []
    for _ in range(splits):
        rng.shuffle(order)
        halves = [headline(kind, scorer([records[i] for i in part],
                                        [predictions[i] for i in part]))
                  for part in (order[:size], order[size:])]
        gap = _gap(halves[0][label], halves[1][label])
        if gap is not None:
            gaps.append(gap)
    if not gaps:
        return None
    return {"label": label, "sd": round(statistics.pstdev(gaps), 4),
            "within": round(sum(abs(g) <= GAP_TARGET for g in gaps) / len(gaps), 3),
            "as_large": round(sum(abs(g) >= abs(observed) for g in gaps) / len(gaps), 3)}


GAP_TARGET = 0.03  # issue 10's "tune/check gap <= 0.03"


def _gap(tune: float | None, check: float | None) -> float | None:
    if tune is None or check is None:
        return None
    return round(tune - check, 4)
