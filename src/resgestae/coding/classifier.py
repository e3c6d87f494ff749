"""A learned event-type classifier for clauses the lexicon misses.

`predict(clause_text, trigger_lemma)` returns `(PLOVER type, probability)`, or
`(None, probability of no event)` when the clause most likely reports no event.

The model: multinomial logistic regression (C=10) over
- sparse binary features: the clause's lower-cased words and word pairs, the
  trigger lemma and its character 3-5-grams, the two words before and three
  after the trigger (negation, modality, object head), L2-normalised;
- three 64-d word-vector means: the trigger, the three words after it, the
  clause. The vectors are en_core_web_md's (MIT), projected by PCA to 64
  dimensions and kept for 241k lower-case words (`data/classifier/vectors.npz`,
  2.4 MB): they let "bombard" or "machine-gun" land near "bomb" and "shoot".
The weights ship as numpy arrays (`data/classifier/clauses.npz`, no pickle),
loaded once, offline (~0.5 s); scoring a clause is one gather and one small
product, ~0.2 ms on an idle core. Rebuild with `python -m
resgestae.coding.train_classifier` (deterministic) from `data/training/`: the
hand-written `clauses.tsv` (1,404), `generated.tsv` (14,520 clauses from
`train_corpus.py`'s frames and vocabularies: 720 per PLOVER type, 3,000 NONE) and
`written.tsv` (14,752 realistic wire-style clauses, 10-45 per CAMEO code, varied in
verb, voice and form; stop 23). The written clauses lifted the model alone from PLV
check 0.536 to 0.597 and the held-out round-6 batteries from 0.598 to 0.868
(benchmarks/clause_models.py), and the coder with it as fallback on the fresh
round-6 and round-7 batteries by 0.016-0.046 type F1 each.

A fine-tuned MiniLM (`clause_model.py`, trained by `resgestae train`) answers
instead when `$RESGESTAE_CLAUSE_MODEL` or `--clause-model` names its folder.
Compared on the dev gold halves (benchmarks/clause_models.py, 2026-11-30): as the
coder's fallback for verbs the lexicon lacks, the numpy model and the MiniLM (300
clauses per label, one epoch: what two shared cores train in ~11 minutes) gain the
same within a few sentences (PLV check 0.723 vs 0.717, PentaClass F1 check 0.636
vs 0.650); alone, the numpy model is better (PLV check 0.53 vs 0.46) and ~30x
cheaper per clause, and spaCy textcat is worse than both (0.37). So the numpy
model ships; the transformer is the option for users who train on their own
labelled sentences (on PLV, training on its tune half raises the check half
alone from 0.46 to 0.50). Choosing among an ambiguous trigger's lexicon types
(`ambiguous.py`) lowered every model's scores and is off.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from resgestae.errors import ConfigError
from resgestae.resources import CLAUSE_MODEL_ENV, current

NONE_LABEL = "NONE"
WEIGHTS = "clauses.npz"
VECTORS = "vectors.npz"
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_DIGITS = re.compile(r"\d")


def tokens(text: str) -> list[str]:
    """Lower-cased words, digits folded to 0 (numbers carry no event type)."""
    return [_DIGITS.sub("0", w) for w in _WORD.findall(text.lower())]


def _trigger_index(words: list[str], lemma: str) -> int | None:
    # The clause has the inflected form ("shelled"); a shared stem finds it.
    stem = lemma[: max(3, len(lemma) - 2)]
    for i, word in enumerate(words):
        if word == lemma or word.startswith(stem):
            return i
    return None


def _read(clause_text: str, trigger_lemma: str) -> tuple[list[str], str, int | None]:
    words = tokens(clause_text)
    lemma = trigger_lemma.lower().strip()
    return words, lemma, _trigger_index(words, lemma)


def features(clause_text: str, trigger_lemma: str) -> set[str]:
    """The sparse binary features of one clause and its trigger."""
    return _features(*_read(clause_text, trigger_lemma))


def _features(words: list[str], lemma: str, at: int | None) -> set[str]:
    feats = {f"w={w}" for w in words}
    feats.update(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    feats.add(f"t={lemma}")
    padded = f"<{lemma}>"
    for n in (3, 4, 5):
        feats.update(f"tc={padded[i:i + n]}" for i in range(len(padded) - n + 1))
    if at is not None:
        feats.update(f"a={w}" for w in words[at + 1 : at + 4])
        feats.update(f"p={w}" for w in words[max(0, at - 2) : at])
    return feats


class WordVectors:
    """Small static word vectors (a PCA of spaCy en_core_web_md's), for unseen triggers."""

    def __init__(self, words: list[str], rows: np.ndarray, table: np.ndarray) -> None:
        self.row = dict(zip(words, rows.tolist(), strict=True))
        self.table = table.astype(np.float32)
        self.dims = table.shape[1]

    @classmethod
    def load(cls, path: Path) -> WordVectors:
        data = _load_npz(path)
        return cls(data["words"].tolist(), data["rows"], data["table"])

    def dense(self, clause_text: str, trigger_lemma: str) -> np.ndarray:
        """Trigger vector, mean of the three words after it, mean of the clause."""
        return self._dense(*_read(clause_text, trigger_lemma))

    def _dense(self, words: list[str], lemma: str, at: int | None) -> np.ndarray:
        after = words[at + 1 : at + 4] if at is not None else []
        return np.concatenate([self._mean([lemma]), self._mean(after), self._mean(words)])

    def _mean(self, words: list[str]) -> np.ndarray:
        # The mean vector of the words that have one (zeros when none has).
        rows = [self.row[w] for w in words if w in self.row]
        if not rows:
            return np.zeros(self.dims, dtype=np.float32)
        return self.table[rows].mean(axis=0)


def _load_npz(path: Path):
    try:
        return np.load(path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"classifier data {path} cannot be read ({exc}): "
                          "rebuild it with python -m resgestae.coding.train_classifier") from exc


class ClauseClassifier:
    """Weights and vocabulary of the trained model; `predict` is pure numpy."""

    def __init__(self, vocabulary: list[str], weights: np.ndarray, bias: np.ndarray,
                 labels: list[str], vectors: WordVectors | None = None,
                 dense_weights: np.ndarray | None = None) -> None:
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.weights = weights  # (n_sparse_features, n_labels)
        self.bias = bias
        self.labels = labels
        self.vectors = vectors if dense_weights is not None else None
        self.dense_weights = dense_weights  # (3 * vector dims, n_labels) or None
        self._stack = self._stacked()

    def _stacked(self) -> np.ndarray:
        # One table of per-row label scores: the sparse features' weights, then each word
        # vector projected through the trigger, after-trigger and clause blocks. Scoring a
        # clause is then one gather and one small product.
        if self.vectors is None or self.dense_weights is None:
            return self.weights
        d = self.vectors.dims
        blocks = [self.vectors.table @ self.dense_weights[k * d : (k + 1) * d] for k in range(3)]
        return np.vstack([self.weights, *blocks]).astype(np.float32)

    @classmethod
    def load(cls, path: Path, vectors_path: Path | None = None) -> ClauseClassifier:
        """Read a weights file (and its word vectors) written by `train_classifier.py`."""
        data = _load_npz(path)
        try:
            dense = data["dense_weights"] if "dense_weights" in data.files else None
            vectors = WordVectors.load(vectors_path) if dense is not None and vectors_path else None
            return cls(data["vocabulary"].tolist(), data["weights"].astype(np.float32),
                       data["bias"].astype(np.float32), data["labels"].tolist(),
                       vectors, None if vectors is None else dense.astype(np.float32))
        except KeyError as exc:
            raise ConfigError(f"classifier weights {path} lack {exc}: rebuild them with "
                              "python -m resgestae.coding.train_classifier") from exc

    def scores(self, clause_text: str, trigger_lemma: str) -> np.ndarray:
        """Unnormalised label scores (the model's logits)."""
        words, lemma, at = _read(clause_text, trigger_lemma)
        feats = _features(words, lemma, at)
        rows = [self.index[f] for f in feats if f in self.index]
        # Normalise over all features, known or not, as training did.
        coef = [1.0 / np.sqrt(max(len(feats), 1))] * len(rows)
        if self.vectors is not None:
            after = words[at + 1 : at + 4] if at is not None else []
            for block, group in enumerate(([lemma], after, words)):
                found = [self.vectors.row[w] for w in group if w in self.vectors.row]
                offset = len(self.weights) + block * len(self.vectors.table)
                rows += [offset + r for r in found]
                coef += [1.0 / max(len(found), 1)] * len(found)
        return self.bias + np.asarray(coef, dtype=np.float32) @ self._stack[rows]

    def probabilities(self, clause_text: str, trigger_lemma: str) -> np.ndarray:
        """The probability of each label (same order as `labels`)."""
        scores = self.scores(clause_text, trigger_lemma)
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def predict(self, clause_text: str, trigger_lemma: str) -> tuple[str | None, float]:
        """The most probable PLOVER type and its probability; None for no event."""
        probs = self.probabilities(clause_text, trigger_lemma)
        best = int(np.argmax(probs))
        label = self.labels[best]
        return (None if label == NONE_LABEL else label), float(probs[best])


def weights_path(name: str = WEIGHTS) -> Path:
    """Where the shipped weights (or vectors) live inside the package."""
    return Path(str(resources.files("resgestae") / "data" / "classifier" / name))


@lru_cache(maxsize=1)
def model() -> ClauseClassifier:
    """The shipped classifier, loaded once per process."""
    return ClauseClassifier.load(weights_path(), weights_path(VECTORS))


MODEL_ENV = CLAUSE_MODEL_ENV  # the default of Config.clause_model


def transformer():
    """The fine-tuned clause model of the configuration being coded
    (`clause_model.OnnxClauseModel`), or None.

    `Config.clause_model` (`--clause-model`; default `$RESGESTAE_CLAUSE_MODEL`) names
    a folder written by `resgestae train` (an error if it cannot be loaded), or is
    `none` (the numpy model answers: faster, weaker); otherwise the shipped one, or
    None when onnxruntime or the shipped files are missing (the numpy model then
    answers). See `resgestae.resources`.
    """
    return current().transformer()


@lru_cache(maxsize=4)
def load_transformer(folder: str | None):
    """The clause model in `folder` (None: the shipped one, or None when there is none),
    loaded once per process and folder."""
    # Cached, so a missing shipped model costs one look, not one per clause.
    from resgestae.coding import clause_model

    try:
        return clause_model.load(folder)
    except ConfigError:
        if folder:
            raise
        return None


def label_probabilities(clause_text: str, trigger_lemma: str) -> tuple[list[str], np.ndarray]:
    """The labels and their probabilities for one clause, from the best model available."""
    fine_tuned = transformer()
    if fine_tuned is not None:
        return fine_tuned.labels, fine_tuned.probabilities([(clause_text, trigger_lemma)])[0]
    fallback = model()
    return fallback.labels, fallback.probabilities(clause_text, trigger_lemma)


def predict(clause_text: str, trigger_lemma: str) -> tuple[str | None, float]:
    """PLOVER type of an event clause and the model's probability for it.

    Returns `(None, p)` when "no event" is the most probable label (p is then
    the probability of no event). Callers should keep a predicted type only
    above a threshold measured on the tune half of the dev gold (the coder's
    CLASSIFIER_THRESHOLD).
    """
    labels, probs = label_probabilities(clause_text, trigger_lemma)
    best = int(np.argmax(probs))
    return (None if labels[best] == NONE_LABEL else labels[best]), float(probs[best])


def choose(clause_text: str, trigger_lemma: str, candidates: list[str]) -> tuple[str, float]:
    """Of the types a lexicon offers for an ambiguous trigger, the model's choice and its
    share of the candidates' probability (0-1). Unknown candidates get no share."""
    labels, probs = label_probabilities(clause_text, trigger_lemma)
    shares = [float(probs[labels.index(c)]) if c in labels else 0.0 for c in candidates]
    total = sum(shares) or 1.0
    best = max(range(len(candidates)), key=shares.__getitem__)
    return candidates[best], shares[best] / total


# Prototype words of doers and of things, for `thing_like` (written for the project)
PEOPLE_WORDS = ("people", "men", "women", "fighters", "soldiers", "attackers", "officials",
                "group", "residents", "workers")
THING_WORDS = ("inflation", "prices", "storm", "rain", "disease", "market", "earthquake",
               "temperature", "fire", "flood")
THING_MARGIN = 0.08  # how much nearer the things a word must be: "pirates" (0.01) stays a doer


@lru_cache(maxsize=1)
def _prototypes() -> tuple[WordVectors, np.ndarray, np.ndarray]:
    vectors = model().vectors or WordVectors.load(weights_path(VECTORS))
    return vectors, _centroid(vectors, PEOPLE_WORDS), _centroid(vectors, THING_WORDS)


def _unit(x: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(x))
    return x / norm if norm else x


def _centroid(vectors: WordVectors, words: tuple[str, ...]) -> np.ndarray:
    return _unit(np.mean([_unit(vectors._mean([w])) for w in words], axis=0))


@lru_cache(maxsize=4096)
def thing_like(word: str) -> bool:
    """Whether a noun names a thing or a process rather than a doer ("inflation",
    "hurricane", "prices"; not "gunmen", "looters", "pirates"): its word vector is nearer
    the things' prototype than the doers' by at least THING_MARGIN (cosine). An unknown
    word is no thing."""
    vectors, people, things = _prototypes()
    x = _unit(vectors._mean([word.lower()]))
    return bool(x.any()) and float(x @ things) - float(x @ people) >= THING_MARGIN
