"""Analysts' type corrections as user lexicon entries, in the format of `data/lexicon.tsv`
(its header comments, then tab-separated lemma, pos, condition, type, mode, cameo,
context), so the coder can be run with them.

One row per corrected trigger: an event whose type or mode an analyst corrected (and did
not mark wrong) gives its trigger's lemma and part of speech, found by parsing the evidence
sentence with the coder's spaCy model and taking the head token of the stored trigger span
(`trigger_span`, article offsets; records stored before evidence spans fall back to the
trigger text's first place in the sentence). The condition names the verb's particle
(`prt=`) and direct object (`obj=`) when it has them, so the entry is as specific as the
sentence was and wins over the general entry for the lemma; else `-`. Type and mode are the
corrected ones; the CAMEO code and context those of `data/cameo_plover.tsv` for the type
and mode (the shortest code of three digits or more; else the type's code in
`data/plover_types.yaml`, e.g. 112 for ACCUSE). When two corrections give the same
trigger and condition, the later wins. Events without a usable trigger are reported on
stderr and left out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

SUFFIX = ".tsv"
POS = {"VERB": "V", "AUX": "V", "NOUN": "N", "PROPN": "N"}
TYPE_FIELDS = ("event_type", "mode")


def header() -> str:
    """The packaged lexicon's header comments (up to its first entry), and where these rows
    came from."""
    text = resources.files("resgestae").joinpath("data", "lexicon.tsv").read_text("utf-8")
    lines = []
    for line in text.splitlines():
        if not line.startswith("#") or line.startswith("# ---"):
            break
        lines.append(line)
    lines.append("# Exported by `resgestae export --format lexicon` from analysts' corrections "
                 "of event types and modes.")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=64)
def cameo_for(event_type: str, mode: str | None) -> tuple[str, str | None]:
    """(CAMEO code, context) for a PLOVER type and mode, from data/cameo_plover.tsv: the
    shortest code of three digits or more with that type and mode; else the type's CAMEO
    code when nothing more specific is known (`plover.cameo_root`) and no context."""
    from resgestae.coding.verb_match import cameo_table
    from resgestae.plover import cameo_root

    found = [(code, context) for code, (kind, code_mode, context) in cameo_table().items()
             if kind == event_type and (code_mode or None) == (mode or None) and len(code) >= 3]
    if not found:
        return cameo_root(event_type) or "-", None
    return min(found, key=lambda c: (len(c[0]), c[0]))


def trigger_offsets(record: dict[str, Any]) -> tuple[int, int] | None:
    """The trigger's character offsets in the evidence sentence, or None."""
    sentence, span = record.get("text") or "", record.get("span")
    trigger = record.get("trigger_span")
    if trigger and span:
        start, end = trigger[0] - span[0], trigger[1] - span[0]
        if 0 <= start < end <= len(sentence):
            return start, end
    word = record.get("trigger") or ""
    at = sentence.find(word) if word else -1
    return (at, at + len(word)) if at >= 0 else None


def _condition(token: Any) -> str:
    """`prt=` and `obj=` tests of a verb trigger (the lexicon's own tests), or '-'."""
    if token.pos_ not in ("VERB", "AUX"):
        return "-"
    tests = [f"prt={c.lower_}" for c in token.children if c.dep_ == "prt"][:1]
    # the object's lemma as the lexicon's obj test compares it (event_types._test_obj)
    tests += [f"obj={c.lemma_.lower()}" for c in token.children if c.dep_ in ("dobj", "obj")][:1]
    return ";".join(tests) or "-"


def trigger_token(record: dict[str, Any], doc: Any) -> Any | None:
    """The head token of the record's trigger in `doc` (its sentence parsed), or None when
    the trigger is not found or is no verb or noun."""
    offsets = trigger_offsets(record)
    found = doc.char_span(*offsets, alignment_mode="expand") if offsets else None
    return found.root if found is not None and found.root.pos_ in POS else None


def parsed(records: list[dict[str, Any]], nlp: Any = None) -> list[tuple[dict, Any]]:
    """(record, trigger head token) for each record whose trigger is found in its parsed
    sentence; the others are reported on stderr. `nlp`: the coder's model by default."""
    if not records:
        return []
    if nlp is None:
        from resgestae.nlp import load_nlp

        nlp = load_nlp()
    found = []
    for record, doc in zip(records, nlp.pipe(r.get("text") or "" for r in records),
                           strict=True):
        token = trigger_token(record, doc)
        if token is None:
            print(f"resgestae: event {record['id']}: no verb or noun trigger in its sentence; "
                  "left out", file=sys.stderr)
            continue
        found.append((record, token))
    return found


def entry(record: dict[str, Any], head: Any) -> list[str]:
    """The lexicon row (7 columns) of a corrected record whose trigger's head token is
    `head`."""
    from resgestae.coding.event_types import lemma_of

    kind, mode = record["event_type"], record.get("mode")
    cameo, context = cameo_for(kind, mode)
    context = context or next(iter(record.get("context") or []), None)
    return [lemma_of(head), POS[head.pos_], _condition(head), kind, mode or "-", cameo,
            context or "-"]


def corrected_types(records: Iterable[dict[str, Any]],
                    fields: tuple[str, ...] = TYPE_FIELDS) -> list[dict[str, Any]]:
    """The records with one of `fields` corrected by an analyst, not marked wrong, oldest
    correction first."""
    found = [r for r in records if (fix := r.get("corrected")) and not fix.get("wrong")
             and any(f in fields for f in fix.get("fields") or []) and r.get("event_type")]
    return sorted(found, key=lambda r: r["corrected"]["at"])


def rows(records: Iterable[dict[str, Any]], nlp: Any = None) -> list[list[str]]:
    """Lexicon rows of the type corrections, one per (lemma, pos, condition), latest wins."""
    found: dict[tuple[str, str, str], list[str]] = {}
    for record, head in parsed(corrected_types(records), nlp):
        row = entry(record, head)
        found[(row[0], row[1], row[2])] = row
    return sorted(found.values())


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write the header and one row per corrected trigger; returns the number of rows."""
    found = rows(records)
    with path.open("w", encoding="utf-8") as out:
        out.write(header())
        for row in found:
            out.write("\t".join(row) + "\n")
    return len(found)
