"""Read the dev gold for the clause-model comparison: halves, labels, parsed clauses.

Used by `benchmarks/clause_models.py`. Each gold sentence is parsed once and coded
by the lexicon coder with the learned model switched off; the result (the coder's
primary event and every clause the model could be asked about) is cached as JSON,
so the comparison can score many models and thresholds without parsing again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# the fixed tune/check split by a hash of the record id, as `resgestae eval --halves`
from resgestae.evaluation.halves import half_of as half

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "dev"
FILES = {"plv": "plv_train.jsonl", "penta": "pentaclass_train.jsonl",
         "gsr": "plover_gsr_dev.jsonl"}
ONTOLOGY = GOLD.parent.parent / "ontology" / "cameo2plover.json"
# Held-out CAMEO batteries (written fresh, misses never read): scored whole, as "held".
BATTERIES = Path(__file__).resolve().parents[1] / "tests" / "data" / "cameo_battery"
HELD = {"r5": "*_round5.jsonl", "r6": "*_round6.jsonl"}


def penta_of_root(root: int) -> int:
    """PentaClass of a CAMEO root: 01-02 / 03-05 / 06-08 / 09-13 / 14-20."""
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def type_penta() -> dict[str, int]:
    """Each PLOVER type's PentaClass: the most common class of the CAMEO codes mapped to it."""
    table = json.loads(ONTOLOGY.read_text(encoding="utf-8"))["table"]
    votes: dict[str, dict[int, int]] = {}
    for code, row in table.items():
        if row.get("event") and code[:2].isdigit():
            cls = penta_of_root(int(code[:2]))
            votes.setdefault(row["event"], {}).setdefault(cls, 0)
            votes[row["event"]][cls] += 1
    return {t: max(v, key=v.get) for t, v in votes.items()}


def labels(name: str, record: dict[str, Any]) -> Any:
    """The gold answer of a record: a PLOVER type, a PentaClass, or a set of types."""
    if name == "plv":
        label = record["label"]
        return {"YIELD": "CONCEDE|RETREAT"}.get(label, label)
    if name == "penta":
        return int(record["label"])
    # GSR records, and the held-out batteries, which are written like them
    return sorted({(e.get("event_type_current") or e.get("event_type") or "").upper()
                   for e in record.get("expected") or []})


def extract(cache: Path, threshold: float | None = 2.0) -> list[dict[str, Any]]:
    """Parse and code every gold sentence once; write and return the cache rows.

    `threshold` is the coder's classifier threshold: 2.0 (the default) switches the
    learned model off, None keeps the coder's own setting (end-to-end numbers)."""
    import resgestae.coding as coding
    from resgestae.coding import extract as flow
    from resgestae.coding.clauses import find_clauses
    from resgestae.model import Article
    from resgestae.nlp import load_nlp

    if threshold is not None:
        flow.CLASSIFIER_THRESHOLD = threshold
    nlp = load_nlp()
    rows = []
    for name, records in _sources():
        texts = [rec["text"] for rec in records]
        for rec, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
            events = coding.extract_events(doc, Article(id="g", text=rec["text"]))
            clauses = [_clause_row(c, doc) for sent in doc.sents for c in find_clauses(sent)]
            rows.append({
                "set": name, "id": rec["id"],
                "half": half(rec["id"]) if name in FILES else "held",
                "gold": labels(name, rec),
                "events": [{"type": e.event_type, "cameo": e.cameo, "conf": e.confidence,
                            "i": e._trigger_i} for e in events],
                "clauses": clauses})
    cache.write_text(json.dumps(rows), encoding="utf-8")
    return rows


def _sources():
    """(set name, records) for each dev gold file and each held-out battery round."""
    for name, file in FILES.items():
        yield name, _read(GOLD / file)
    for name, pattern in HELD.items():
        yield name, [rec for path in sorted(BATTERIES.glob(pattern)) for rec in _read(path)]


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _clause_row(clause, doc) -> dict[str, Any]:
    """What the comparison needs of one clause: trigger, text, lexicon type and senses."""
    from resgestae.coding.confidence import main_clause
    from resgestae.coding.event_types import lemma_of, lexicon
    from resgestae.coding.rules import rules

    r = rules()
    verb = clause.anchor
    lemma = lemma_of(verb)
    pos = "V" if verb.pos_ in ("VERB", "AUX") else "N"
    entry = clause.entry
    key = (entry.lemma, entry.pos) if entry else (lemma, pos)
    senses = sorted({e.event_type for e in lexicon().get(key, []) if e.event_type != "NONE"})
    eligible = (not clause.nominal and verb.pos_ == "VERB" and bool(clause.actors)
                and main_clause(verb) and lemma not in r.light and lemma not in r.reporting)
    return {"i": clause.head.i, "lemma": lemma,
            "text": doc[verb.left_edge.i : verb.right_edge.i + 1].text,
            "entry": entry.event_type if entry else None, "senses": senses,
            "eligible": eligible, "generic": bool(entry) and not entry.tests}


def load(cache: Path) -> list[dict[str, Any]]:
    """The cached rows, extracting them first when the cache is missing."""
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    return extract(cache)


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/model_gold_cache.json")
    given = [float(a.split("=")[1]) for a in sys.argv if a.startswith("--threshold=")]
    rows = extract(out, None if "--coder-threshold" in sys.argv else (given or [2.0])[0])
    print(f"wrote {out}: {len(rows)} sentences")
