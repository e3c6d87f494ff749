"""Scoring against PLOVER gold records: event types, actors' countries, confidence.

Matching is within one record. A predicted event *matches* a gold event when
their types agree (each event used once; the most confident prediction first).
Precision, recall and F1 count these matches per type and over all types
(micro). For the confusion table every gold event is paired with the best
predicted event of its record: the matched one, else the most confident
unmatched one, else none. Actor and recipient countries are compared on
matched pairs whose gold record annotates actors: correct when the set of
countries equals the set of gold codes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from resgestae.model import EVENT_TYPES

from .metrics import prf, ratio, share

NONE = "NONE"
# PLOVER's gold uses a few pre-ISO country codes; ours are ISO-3.
GOLD_CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# ... and a few modes and contexts under their 0.5 names; today's names on the right.
GOLD_MODE_ALIASES = {"strike-hun": "hunger", "demo-org": "demo", "demo-spon": "demo",
                     "riot-org": "riot", "riot-spon": "riot", "host": "visit"}
GOLD_CONTEXT_ALIASES = {"refugees": "refugee", "rights": "human_rights",
                        "political": "political_institutions", "government": "executive"}
CONFIDENCE_THRESHOLD = 0.8
MISS_FIELDS = ("event_type", "trigger", "confidence")
BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def gold_type(expected: dict[str, Any]) -> str:
    """Today's PLOVER name of a gold event's type."""
    return str(expected.get("event_type_current") or expected.get("event_type") or NONE).upper()


def match_record(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict | None, bool]]:
    """Pairs (gold event, predicted event or None, types agree) for one record."""
    ranked = sorted(range(len(predicted)), key=lambda i: -_confidence(predicted[i]))
    used: set[int] = set()
    pairs: list[list] = []
    for expected in gold:
        kind = gold_type(expected)
        free = (i for i in ranked if i not in used and predicted[i]["event_type"] == kind)
        hit = next(free, None)
        if hit is not None:
            used.add(hit)
        pairs.append([expected, hit])
    for pair in pairs:  # unmatched gold events take the best prediction left over
        if pair[1] is None:
            pair[1] = next((i for i in ranked if i not in used), None)
            if pair[1] is not None:
                used.add(pair[1])
    return [(g, _pick(predicted, i), _agrees(g, _pick(predicted, i))) for g, i in pairs]


def _confidence(event: dict[str, Any]) -> float:
    return float(event.get("confidence") or 0.0)


def _pick(predicted: list[dict], index: int | None) -> dict | None:
    return predicted[index] if index is not None else None


def _agrees(expected: dict[str, Any], event: dict | None) -> bool:
    return event is not None and event["event_type"] == gold_type(expected)


def score_plover(records: list[dict[str, Any]], predictions: list[list[dict]]) -> dict[str, Any]:
    """All PLOVER numbers for gold records and the events coded from them (same order)."""
    tallies = _Tallies()
    for record, predicted in zip(records, predictions, strict=True):
        tallies.add(record, predicted)
    return tallies.result(len(records))


class _Tallies:
    """Counts accumulated record by record."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()
        self.predicted: Counter[str] = Counter()
        self.confusion: dict[str, Counter[str]] = defaultdict(Counter)
        self.countries = {"actor": [0, 0, 0], "recipient": [0, 0, 0]}  # correct, overlap, total
        self.modes = [0, 0]  # right, matched events whose gold gives a mode
        self.contexts = [0, 0]  # ours include one of the gold contexts, gold gives one
        self.scored: list[tuple[float, bool]] = []  # (confidence, right type) per prediction
        self.misses: list[dict[str, Any]] = []  # records with a missed or an extra event
        self.factuality: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # right, predicted

    def add(self, record: dict[str, Any], predicted: list[dict]) -> None:
        gold = record.get("expected") or []
        pairs = match_record(gold, predicted)
        matched_ids = set()
        for expected, event, agree in pairs:
            kind = gold_type(expected)
            self.gold[kind] += 1
            self.confusion[kind][event["event_type"] if event else NONE] += 1
            if agree:
                self.tp[kind] += 1
                matched_ids.add(id(event))
                self._countries(expected, event)
                self._mode_context(expected, event)
        for event in predicted:
            self.predicted[event["event_type"]] += 1
            self.scored.append((_confidence(event), id(event) in matched_ids))
            tally = self.factuality[str(event.get("factuality") or "asserted")]
            tally[0] += id(event) in matched_ids
            tally[1] += 1
        if len(matched_ids) < max(len(gold), len(predicted)):
            self.misses.append(_miss(record, predicted))

    def _countries(self, expected: dict, event: dict) -> None:
        for role, side in (("actor", "source"), ("recipient", "target")):
            if side not in expected:  # gold without actor annotation says nothing here
                continue
            gold_codes = {_gold_code(s) for s in expected[side]} - {""}
            ours = {str(e.get("country") or "").upper() for e in event.get(role) or []} - {""}
            tally = self.countries[role]
            tally[0] += ours == gold_codes
            tally[1] += bool(ours & gold_codes) or ours == gold_codes
            tally[2] += 1

    def _mode_context(self, expected: dict, event: dict) -> None:
        mode = str(expected.get("mode_current_hint") or expected.get("mode") or "").lower()
        if mode:
            self.modes[1] += 1
            self.modes[0] += GOLD_MODE_ALIASES.get(mode, mode) == (event.get("mode") or "")
        contexts = {c.strip().lower() for c in str(expected.get("context") or "").split(",")}
        contexts = {GOLD_CONTEXT_ALIASES.get(c, c) for c in contexts} - {""}
        if contexts:
            self.contexts[1] += 1
            self.contexts[0] += bool(contexts & set(event.get("context") or []))

    def result(self, n_records: int) -> dict[str, Any]:
        types = [t for t in EVENT_TYPES if self.gold[t] or self.predicted[t]]
        types += sorted((set(self.gold) | set(self.predicted)) - set(EVENT_TYPES))
        per_type = {t: self._prf(t) for t in types}
        tp = sum(self.tp.values())
        micro = prf(tp, sum(self.predicted.values()) - tp, sum(self.gold.values()) - tp)
        with_support = [v["f1"] for v in per_type.values() if v["support"]]
        return {
            "format": "plover",
            "records": n_records,
            "gold_events": sum(self.gold.values()),
            "predicted_events": sum(self.predicted.values()),
            "per_type": per_type,
            "micro": micro,
            "macro_f1": ratio(sum(with_support), len(with_support)),
            "confusion": {g: dict(row) for g, row in sorted(self.confusion.items())},
            "actor_country": self._country("actor"),
            "recipient_country": self._country("recipient"),
            "mode": share(*self.modes),
            "context": share(*self.contexts),
            "confidence": confidence_report(self.scored),
            "factuality": {k: share(*v) for k, v in sorted(self.factuality.items())},
            "misses": self.misses,
        }

    def _prf(self, kind: str) -> dict[str, Any]:
        tp = self.tp[kind]
        return prf(tp, self.predicted[kind] - tp, self.gold[kind] - tp)

    def _country(self, role: str) -> dict[str, Any]:
        correct, overlap, total = self.countries[role]
        overlaps = {"overlap": overlap, "overlap_accuracy": ratio(overlap, total)}
        return {**share(correct, total), **overlaps}


def _gold_code(entity: dict[str, Any]) -> str:
    code = str(entity.get("code") or "")[:3].upper()
    return GOLD_CODE_ALIASES.get(code, code)


def _miss(record: dict[str, Any], predicted: list[dict]) -> dict[str, Any]:
    return {
        "id": record.get("id"),
        "text": record.get("text"),
        "gold": [gold_type(e) for e in record.get("expected") or []],
        "predicted": [{k: e.get(k) for k in MISS_FIELDS} for e in predicted],
    }


def confidence_report(scored: list[tuple[float, bool]]) -> dict[str, Any]:
    """Share of predicted events right in type, above the threshold and per bucket."""
    sure = [right for conf, right in scored if conf >= CONFIDENCE_THRESHOLD]
    buckets = []
    for low, high in zip(BUCKETS, BUCKETS[1:], strict=False):
        inside = [right for conf, right in scored if low <= conf < high]
        buckets.append({"low": low, "high": min(high, 1.0), **share(sum(inside), len(inside))})
    return {"threshold": CONFIDENCE_THRESHOLD, **share(sum(sure), len(sure)), "buckets": buckets}
