"""Clause models side by side on the dev gold's tune and check halves.

    .venv/bin/python benchmarks/clause_models.py --minilm /tmp/minilm [--textcat] [--lr]

Models (each trained on the project's own corpus, `data/training/*.tsv`, never on gold):
- `lr`: the numpy logistic regression (sparse n-grams + word vectors) of classifier.py,
  trained on the whole corpus;
- `textcat`: spaCy `textcat` (its default ensemble) on the clause with the trigger marked,
  trained on the same 300 clauses per label as the shipped MiniLM, 2 epochs;
- `minilm`: fine-tuned all-MiniLM-L6-v2, int8 ONNX (a folder from `resgestae train`).
Ways to use a model, per gold sentence (its primary event = the most confident one):
- `alone`: the model on every clause; the best non-NONE label at p >= t, else none;
- `coder`: the lexicon coder alone (the model switched off);
- `+unseen`: the coder, and where it finds no event the model on main-line verb clauses
  the lexicon does not know, at p >= t;
- `+unseen+ambiguous`: also, for a coder event whose trigger has 2-4 lexicon types, the
  model's choice among those types when its share of them is >= t (`-generic`: only
  where the lexicon matched the trigger's test-free default entry).
Thresholds are chosen on the tune half (PLV accuracy + PentaClass macro-F1) and applied
unchanged to the check half. Scores: PLV accuracy (YIELD = CONCEDE or RETREAT),
PentaClass macro-F1 (no event = class 0; CAMEO root when the coder has one, else the
type's class), PLOVER GSR: the primary type is one of the gold types.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clause_gold import HELD, load, penta_of_root, type_penta  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
PENTA = type_penta()


def macro_f1(gold: list[int], pred: list[int]) -> float:
    """Macro-F1 over the classes present in the gold."""
    scores = []
    for cls in sorted(set(gold)):
        tp = sum(g == p == cls for g, p in zip(gold, pred, strict=True))
        fp = sum(p == cls and g != cls for g, p in zip(gold, pred, strict=True))
        fn = sum(g == cls and p != cls for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def primary(row: dict, probs: dict, labels: list[str], how: str, t: float):
    """(type, cameo) of the sentence's primary event under one way of using the model."""
    if how == "alone":
        return _alone(row, probs, labels, t), None
    events = row["events"]
    if "drop" in how and probs is not None:
        events = [e for e in events if not _model_says_none(row, e, probs, labels, t)]
    event = max(events, key=lambda e: e["conf"]) if events else None
    if how == "coder" or probs is None:
        return (event["type"], event["cameo"]) if event else (None, None)
    if event is None:
        return _unseen(row, probs, labels, t), None
    if "ambiguous" in how:
        chosen = _ambiguous(row, event, probs, labels, t, how.endswith("generic"))
        if chosen is not None:
            return chosen, None
    if "override" in how or "veto" in how:
        chosen = _override(row, event, probs, labels, t, how.endswith("generic"),
                           veto=0.02 if "veto" in how else 1.0)
        if chosen is not None:
            return chosen, None
    return event["type"], event["cameo"]


def _override(row, event, probs, labels, t: float, generic_only: bool,
              veto: float = 1.0) -> str | None:
    # The model's top type for the event's clause, when it differs from the lexicon's
    # type at p >= t (any type, not only the trigger's lexicon senses) and the model
    # gives the lexicon's type at most `veto`.
    for k, clause in enumerate(row["clauses"]):
        if clause["i"] != event["i"] or (generic_only and not clause.get("generic")):
            continue
        p = probs[(row["key"], k)]
        j = int(np.argmax(p))
        own = p[labels.index(event["type"])] if event["type"] in labels else 0.0
        if labels[j] != "NONE" and p[j] >= t and labels[j] != event["type"] and own <= veto:
            return labels[j]
    return None


def _model_says_none(row, event, probs, labels, t: float) -> bool:
    # The model reads the event's clause as no event at p >= t.
    for k, clause in enumerate(row["clauses"]):
        if clause["i"] == event["i"]:
            return bool(probs[(row["key"], k)][labels.index("NONE")] >= t)
    return False


def _alone(row: dict, probs: dict, labels: list[str], t: float) -> str | None:
    # The best non-NONE label over all the sentence's clauses, at p >= t.
    best = (None, 0.0)
    for k, _ in enumerate(row["clauses"]):
        p = probs[(row["key"], k)]
        j = next(j for j in np.argsort(-p) if labels[j] != "NONE")
        if p[j] >= t and p[j] > best[1]:
            best = (labels[j], float(p[j]))
    return best[0]


def _unseen(row: dict, probs: dict, labels: list[str], t: float) -> str | None:
    # The model's top label on main-line verb clauses the lexicon does not type.
    best = (None, 0.0)
    for k, clause in enumerate(row["clauses"]):
        if clause["eligible"] and not clause["entry"]:
            p = probs[(row["key"], k)]
            j = int(np.argmax(p))
            if labels[j] != "NONE" and p[j] >= t and p[j] > best[1]:
                best = (labels[j], float(p[j]))
    return best[0]


def _ambiguous(row, event, probs, labels, t: float, generic_only: bool) -> str | None:
    # Another of the trigger's 2-4 lexicon types, when the model's share of them is >= t.
    for k, clause in enumerate(row["clauses"]):
        if (clause["i"] != event["i"] or not 2 <= len(clause["senses"]) <= 4
                or clause["entry"] != event["type"]
                or (generic_only and not clause.get("generic"))):
            continue
        p = probs[(row["key"], k)]
        idx = [labels.index(s) for s in clause["senses"] if s in labels]
        share = p[idx] / max(p[idx].sum(), 1e-9)
        j = int(np.argmax(share))
        if share[j] >= t and labels[idx[j]] != event["type"]:
            return labels[idx[j]]
    return None


def score(rows: list[dict], probs, labels, how: str, t: float) -> dict[str, float]:
    """PLV accuracy, PentaClass macro-F1, GSR primary-type accuracy on `rows`."""
    plv, gsr, pg, pp = [], [], [], []
    held: dict[str, list[bool]] = {name: [] for name in HELD}
    for row in rows:
        kind, cameo = primary(row, probs, labels, how, t)
        if row["set"] in held:  # a battery sentence: its one type, or none for CAMEO 01
            held[row["set"]].append(kind in row["gold"] if row["gold"] else kind is None)
        elif row["set"] == "plv":
            plv.append(kind is not None and kind in row["gold"].split("|"))
        elif row["set"] == "gsr":
            gsr.append(kind in row["gold"])
        else:
            pg.append(row["gold"])
            if kind is None:
                pp.append(0)
            elif cameo and cameo[:2].isdigit():
                pp.append(penta_of_root(int(cameo[:2])))
            else:
                pp.append(PENTA.get(kind, 0))
    return {"plv": float(np.mean(plv)), "penta": macro_f1(pg, pp), "gsr": float(np.mean(gsr)),
            **{k: float(np.mean(v)) if v else float("nan") for k, v in held.items()}}


def model_probs(rows: list[dict], predict) -> dict:
    """{(sentence key, clause index): probabilities} for every clause of every row."""
    keys, pairs = [], []
    for row in rows:
        for k, clause in enumerate(row["clauses"]):
            keys.append((row["key"], k))
            pairs.append((clause["text"], clause["lemma"]))
    out = {}
    for start in range(0, len(pairs), 64):
        block = predict(pairs[start : start + 64])
        out.update(zip(keys[start : start + 64], block, strict=True))
    return out


def train_textcat(examples, epochs: int = 2):
    """spaCy textcat (default exclusive ensemble) on 'clause [T] trigger'; returns predict."""
    import random

    import spacy
    from spacy.training import Example

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat")
    labels = sorted({label for label, _, _ in examples})
    for label in labels:
        textcat.add_label(label)

    def text(clause: str, trigger: str) -> str:
        return f"{clause} || trigger {trigger}"

    data = [Example.from_dict(nlp.make_doc(text(c, t)),
                              {"cats": {x: float(x == label) for x in labels}})
            for label, t, c in examples]
    optimizer = nlp.initialize(lambda: data[:500])
    rng = random.Random(7)
    for epoch in range(epochs):
        rng.shuffle(data)
        losses: dict = {}
        for start in range(0, len(data), 64):
            nlp.update(data[start : start + 64], sgd=optimizer, losses=losses)
        print(f"textcat epoch {epoch + 1}: loss {losses.get('textcat', 0):.2f}", flush=True)

    def predict(pairs):
        docs = nlp.pipe(text(c, t) for c, t in pairs)
        return [np.array([d.cats[x] for x in labels]) for d in docs]

    return predict, labels


def lr_model(examples):
    from resgestae.coding.classifier import VECTORS, WordVectors, weights_path
    from resgestae.coding.train_classifier import fit

    model = fit(examples, vectors=WordVectors.load(weights_path(VECTORS)))
    return (lambda pairs: [model.probabilities(c, t) for c, t in pairs]), model.labels


def minilm_model(folder: Path):
    from resgestae.coding.clause_model import OnnxClauseModel

    model = OnnxClauseModel(folder, threads=2)
    return (lambda pairs: list(model.probabilities(pairs))), model.labels


def report(name: str, rows: list[dict], probs, labels, ways) -> list[str]:
    """Table lines for one model: per way, the threshold from tune and both halves' scores."""
    lines = []
    tune = [r for r in rows if r["half"] == "tune"]
    check = [r for r in rows if r["half"] in ("check", "held")]
    for how in ways:
        grid = THRESHOLDS if probs is not None and how != "coder" else (1.0,)
        best = max(grid, key=lambda t: sum(list(score(tune, probs, labels, how, t).values())[:2]))
        a, b = score(tune, probs, labels, how, best), score(check, probs, labels, how, best)
        lines.append(f"| {name} | {how} | {best:.1f} | {a['plv']:.3f} | {b['plv']:.3f} | "
                     f"{a['penta']:.3f} | {b['penta']:.3f} | {a['gsr']:.3f} | {b['gsr']:.3f} | "
                     + "".join(f"{b[name]:.3f} | " for name in HELD).rstrip())
        print(lines[-1], flush=True)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/model_gold_cache.json"))
    parser.add_argument("--minilm", type=Path, action="append", default=[],
                        help="a model folder from `resgestae train` (repeatable)")
    parser.add_argument("--textcat", action="store_true")
    parser.add_argument("--lr", action="store_true")
    args = parser.parse_args(argv)
    rows = load(args.cache)
    for n, row in enumerate(rows):
        row["key"] = n
    print("| model | use | t (tune) | PLV acc tune | PLV acc check | Penta F1 tune | "
          "Penta F1 check | GSR tune | GSR check | " + " | ".join(HELD) + " |\n"
          + "|---" * (9 + len(HELD)) + "|")
    report("-", rows, None, [], ["coder"])
    ways = ["alone", "+unseen", "+unseen+ambiguous", "+unseen+ambiguous-generic",
            "+unseen+override", "+unseen+override-generic", "+unseen+veto",
            "+unseen+drop", "+unseen+drop+veto"]
    models = []
    if args.lr or args.textcat:
        from resgestae.coding.train_classifier import read_training

        examples = read_training()
        if args.lr:
            models.append(("lr", *lr_model(examples)))
        if args.textcat:
            from resgestae.cli.train_cmd import PER_LABEL, sample

            start = time.perf_counter()
            # the same clauses per label as the shipped MiniLM (resgestae train's default)
            models.append(("textcat", *train_textcat(sample(examples, PER_LABEL))))
            print(f"textcat trained in {time.perf_counter() - start:.0f} s", flush=True)
    models += [(f"minilm {folder}", *minilm_model(folder)) for folder in args.minilm]
    for name, predict, labels in models:
        start = time.perf_counter()
        probs = model_probs(rows, predict)
        n = len(probs)
        print(f"{name}: {n} clauses in {time.perf_counter() - start:.1f} s", flush=True)
        report(name, rows, probs, labels, ways)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
