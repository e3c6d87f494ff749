"""Turn a user's labelled sentences into training clauses for the clause model.

Input: JSONL records with `text` and `label` (a PLOVER type or NONE; an optional
`trigger` lemma), or TSV lines `label<TAB>text` or `label<TAB>trigger<TAB>clause` (the
project corpus's own format). A sentence is parsed and cut to the clause the coder
would hand the model: the clause whose lexicon type is the label, else the first
main-line verb clause, else the root verb's phrase. Its trigger is that clause's verb.

Errors: a line that is not a record, a record without text, or a label that is not a
PLOVER type or NONE is reported (file:line and why) and skipped; the rest is used.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from resgestae.errors import InputError
from resgestae.model import EVENT_TYPES

Example = tuple[str, str, str]  # label, trigger lemma, clause
LABELS = frozenset(EVENT_TYPES) | {"NONE"}


def read_labelled(path: Path, warn: Callable[[str], None] = print) -> list[dict]:
    """Records {text, label, trigger?} of a JSONL or TSV file; bad lines are reported."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            record = _record(line, path.suffix.lower())
        except InputError as exc:
            warn(f"{path}:{number}: skipped: {exc}")
            continue
        label = str(record.get("label", "")).strip().upper()
        if label not in LABELS:
            warn(f"{path}:{number}: skipped: label {label!r} is not a PLOVER type or NONE")
            continue
        records.append({**record, "label": label})
    return records


def _record(line: str, suffix: str) -> dict:
    if suffix in (".jsonl", ".json"):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError("line", f"not JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not str(record.get("text") or "").strip():
            raise InputError("line", "a record needs a non-empty text")
        return record
    parts = line.split("\t")
    if len(parts) == 2:
        return {"label": parts[0], "text": parts[1]}
    if len(parts) == 3:
        return {"label": parts[0], "trigger": parts[1], "text": parts[2], "clause": True}
    raise InputError("line", "expected label<TAB>text or label<TAB>trigger<TAB>clause")


def to_examples(records: list[dict], nlp=None) -> list[Example]:
    """(label, trigger, clause) for each record, parsing sentences that need it."""
    ready = [(r["label"], r["trigger"], r["text"]) for r in records if r.get("clause")]
    rest = [r for r in records if not r.get("clause")]
    if rest:
        from resgestae.nlp import load_nlp

        nlp = nlp or load_nlp()
        for record, doc in zip(rest, nlp.pipe(r["text"] for r in rest), strict=True):
            ready.append(_clause(doc, record["label"]))
    return ready


def _clause(doc, label: str) -> Example:
    from resgestae.coding.clauses import find_clauses
    from resgestae.coding.confidence import main_clause
    from resgestae.coding.event_types import lemma_of

    clauses = [c for sent in doc.sents for c in find_clauses(sent)]
    chosen = next((c for c in clauses if c.entry and c.entry.event_type == label), None)
    chosen = chosen or next((c for c in clauses if c.anchor.pos_ == "VERB"
                             and main_clause(c.anchor)), None)
    verb = chosen.anchor if chosen else next(iter(doc.sents)).root
    text = doc[verb.left_edge.i : verb.right_edge.i + 1].text
    return label, lemma_of(verb), text
