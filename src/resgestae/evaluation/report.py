"""Readable tables for evaluation results (the CLI prints these; --json prints the dict)."""

from __future__ import annotations

import json
from typing import Any

from resgestae.model import EVENT_TYPES

NONE = "NONE"


def render(result: dict[str, Any], misses: int = 0) -> str:
    """The result of `evaluate` as plain-text tables (and the first `misses` wrong records)."""
    kind = result.get("format")
    if kind == "plover":
        body = _plover(result)
    elif kind == "petrarch":
        body = _petrarch(result)
    elif kind in ("plv", "pentaclass"):
        body = _labels(result)
    else:
        body = _generic(result)
    listed = _misses(result, misses) if misses else []
    compared = _halves(result["halves"]) if result.get("halves") else []
    return "\n".join([_header(result), *body, *compared, *listed, *_errors(result)]) + "\n"


def _pct(value: float | None) -> str:
    return "  -  " if value is None else f"{100 * value:5.1f}%"


def _num(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _share_line(label: str, block: dict[str, Any]) -> str:
    counts = f"({block['correct']}/{block['total']})"
    return f"  {label:<34} {_pct(block.get('accuracy'))}  {counts}"


def _header(result: dict[str, Any]) -> str:
    half = result.get("half") or "all"
    which = "" if half == "all" else f" ({half} half)"
    return (
        f"resgestae eval: {result.get('path')} [{result.get('format')}] "
        f"{result.get('records', '?')} records{which}, {result.get('seconds', '?')} s"
    )


def _plover(result: dict[str, Any]) -> list[str]:
    micro = result["micro"]
    lines = [
        f"gold events {result['gold_events']}, predicted events {result['predicted_events']}",
        "",
        f"{'TYPE':<11} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4} {'GOLD':>5}",
    ]
    lines += [_prf_row(name, row) for name, row in result["per_type"].items()]
    lines.append(_prf_row("micro", micro))
    lines.append(f"{'macro F1':<11} {'':>13} {_num(result['macro_f1']):>6}")
    lines += ["", *_confusion(result["confusion"]), ""]
    lines.append("On matched events (countries: our set equals the gold codes):")
    lines.append(_share_line("actor country", result["actor_country"]))
    lines.append(_share_line("recipient country", result["recipient_country"]))
    if "mode" in result:
        lines.append(_share_line("mode (where gold gives one)", result["mode"]))
        lines.append(_share_line("context (one of gold's)", result["context"]))
    lines += ["", *_confidence(result["confidence"])]
    if result.get("factuality"):
        lines += ["", "Factuality: share of predicted events right in type"]
        lines += [_share_line(kind, block) for kind, block in result["factuality"].items()]
    return lines


def _prf_row(name: str, row: dict[str, Any]) -> str:
    scores = f"{_num(row['precision']):>6} {_num(row['recall']):>6} {_num(row['f1']):>6}"
    counts = f"{row['tp']:>4} {row['fp']:>4} {row['fn']:>4} {row['support']:>5}"
    return f"{name:<11} {scores} {counts}"


def _confusion(confusion: dict[str, dict[str, int]],
               title: str = "best predicted event of the record") -> list[str]:
    seen = {p for row in confusion.values() for p in row}
    columns = [t for t in EVENT_TYPES if t in seen] + sorted(seen - set(EVENT_TYPES) - {NONE})
    columns += [NONE] if NONE in seen else []
    lines = [f"Confusion (rows: gold type; columns: {title}; NONE = nothing predicted):"]
    lines.append(f"{'gold':<10}" + "".join(f"{c[:4]:>5}" for c in columns) + f"{'n':>5}")
    for gold, row in confusion.items():
        cells = "".join(f"{row.get(c, 0) or '.':>5}" for c in columns)
        lines.append(f"{gold:<10}{cells}{sum(row.values()):>5}")
    return lines


def _confidence(block: dict[str, Any]) -> list[str]:
    lines = [
        "Confidence: share of predicted events right in type",
        _share_line(f"confidence >= {block['threshold']}", block),
    ]
    for bucket in block["buckets"]:
        close = "]" if bucket["high"] >= 1 else ")"
        lines.append(_share_line(f"  [{bucket['low']:.1f}, {bucket['high']:.1f}{close}", bucket))
    return lines


def _petrarch(result: dict[str, Any]) -> list[str]:
    lines = [
        f"gold events {result['gold_events']}, predicted events {result['predicted_events']}, "
        f"extra triples {result['extra_triples']}",
        "dictionaries: " + ", ".join(result.get("dictionaries", [])),
        "",
        _share_line("records exactly right", result["exactly_right"]),
        _share_line("  of them noevents records", result["noevents_records"]),
        _share_line("source (best pairing)", result["source"]),
        _share_line("target (best pairing)", result["target"]),
        _share_line("CAMEO root (best pairing)", result["root"]),
    ]
    if len(result.get("by_category") or {}) > 1:
        lines += ["", "Exactly right by test category:"]
        lines += [_share_line(k, v) for k, v in result["by_category"].items()]
    return lines


def _labels(result: dict[str, Any]) -> list[str]:
    penta = result["format"] == "pentaclass"
    title = "PentaClass of the most confident event" if penta else "most confident event"
    lines = [
        _share_line("accuracy (most confident event)", result["accuracy"]),
        f"  {'macro F1 (labels in gold)':<34} {_num(result['macro_f1'])}",
        _share_line("records with no event", result["no_event"]),
        "",
        f"{'LABEL':<11} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4} {'GOLD':>5}",
    ]
    lines += [_prf_row(name, row) for name, row in result["per_label"].items()]
    lines += ["", *_confusion(result["confusion"], title)]
    if penta:
        lines.append("classes: 0 statement/none, 1 verbal coop, 2 material coop, "
                     "3 verbal conflict, 4 material conflict")
    return lines


def _halves(table: dict[str, Any]) -> list[str]:
    labels = [k for k in table["all"] if k != "records"]
    noise = table.get("noise")
    lines = ["", "Halves (by a hash of the record id; read errors on tune only):",
             f"  {'':<22}{'all':>8}{'tune':>8}{'check':>8}{'gap':>8}",
             "  " + f"{'records':<22}" + "".join(
                 f"{table[h]['records']:>8}" for h in ("all", "tune", "check")) + f"{'':>8}"]
    for label in labels:
        cells = "".join(f"{_num(table[h][label]):>8}" for h in ("all", "tune", "check"))
        gap = table["gap"][label]
        lines.append(f"  {label:<22}{cells}{'  -  ' if gap is None else f'{gap:+.3f}':>8}")
    if noise:
        lines.append(
            f"  split noise of {noise['label']} (these predictions, random splits of these "
            f"sizes):\n    sd of the gap {noise['sd']:.3f}; |gap| <= 0.03 in "
            f"{noise['within']:.0%} of splits; |gap| as large as this split's in "
            f"{noise['as_large']:.0%}")
    return lines


def _generic(result: dict[str, Any]) -> list[str]:
    # Scorers of other stages (event location) return count/of/share blocks and lists.
    skip = {"path", "format", "records", "seconds", "errors", "half", "halves"}
    lines = []
    for key, value in result.items():
        if key in skip:
            continue
        if isinstance(value, dict) and {"count", "of"} <= set(value):
            counts = f"({value['count']}/{value['of']})"
            lines.append(f"  {key:<34} {_pct(value.get('share'))}  {counts}")
        elif isinstance(value, list):
            lines.append(f"  {key:<34} {len(value)} (listed with --json)")
        else:
            lines.append(f"  {key:<34} {json.dumps(value)}")
    return lines


def _misses(result: dict[str, Any], limit: int) -> list[str]:
    rows = result.get("misses") or result.get("failures") or []
    lines = ["", f"Records coded wrong ({len(rows)}; first {min(limit, len(rows))}):"]
    for row in rows[:limit]:
        if "label" in row:  # one label per record: gold vs our primary event's
            ours = ", ".join(f"{p['event_type']}/{p.get('cameo')}({p.get('trigger')}, "
                             f"{p.get('confidence')})" for p in row["predicted"]) or "nothing"
            lines.append(f"  {row['id']}: gold {row['gold'][0]}, ours {row['label']}: {ours}")
            lines.append(f"      {row.get('text')}")
        elif "match" in row:  # event location: gold mentions vs the attached one
            e2e = row.get("e2e") or {}
            lines.append(f"  {row['id']}: gold {', '.join(row['gold'])}; attached "
                         f"{row['predicted']}; coded {e2e.get('event')} at {e2e.get('place')}")
        elif "predicted" in row:  # PLOVER: gold types vs ours
            ours = ", ".join(f"{p['event_type']}({p.get('trigger')}, {p.get('confidence')})"
                             for p in row["predicted"]) or "nothing"
            lines.append(f"  {row['id']}: gold {', '.join(row['gold'])}; ours {ours}")
        else:  # PETRARCH: triples
            lines.append(f"  {row['id']}: gold {row['gold']}; ours {row['ours']}")
    return lines


def _errors(result: dict[str, Any]) -> list[str]:
    errors = result.get("errors") or []
    if not errors:
        return []
    heading = f"{len(errors)} records could not be read or coded:"
    return ["", heading, *(f"  {e}" for e in errors[:10])]
