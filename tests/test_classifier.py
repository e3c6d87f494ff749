"""The shipped clause classifier: loads offline, types unseen clauses sensibly, fast."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from resgestae.coding import classifier
from resgestae.coding.classifier import features, predict
from resgestae.coding.train_classifier import GENERATED, fit, read_corpus, read_training
from resgestae.coding.train_corpus import generate, gerund, read_frames, third_person
from resgestae.model import EVENT_TYPES

# Held-out clauses written for this test: none of them is in the training corpus.
HELD_OUT = [
    ("ASSAULT", "bombard", "Syrian jets bombarded the rebel-held town of Saraqib"),
    ("ASSAULT", "gun", "gunmen gunned down two police officers in Karachi"),
    ("PROTEST", "demonstrate", "hundreds of nurses demonstrated outside the ministry in Lima"),
    ("CONSULT", "meet", "the Malaysian premier met the Thai king in Bangkok"),
    ("REQUEST", "urge", "the envoy urged the warring generals to open humanitarian corridors"),
    ("THREATEN", "threaten", "the militia threatened to shell the airport if flights resumed"),
    ("COERCE", "arrest", "security forces arrested the editor of the opposition weekly"),
    ("SANCTION", "expel", "Estonia expelled two Russian diplomats over spying"),
    ("ACCUSE", "condemn", "the Islamic Cooperation group condemned the burning of the Koran"),
    ("AID", "donate", "South Korea donated rice to flood-hit North Korean provinces"),
    ("RETREAT", "release", "the separatists released the captured border guards"),
    ("REJECT", "reject", "Caracas rejected the mediators' proposal for new elections"),
    ("AGREE", "agree", "Uganda and Tanzania agreed to build an oil pipeline together"),
    ("MOBILIZE", "deploy", "Pakistan deployed troops along the Afghan frontier"),
    ("SUPPORT", "praise", "the Commonwealth praised Zambia's smooth transfer of power"),
    (None, "say", "the finance minister said exports rose in the second quarter"),
]


def test_weights_load_offline() -> None:
    model = classifier.model()
    assert set(model.labels) == set(EVENT_TYPES) | {"NONE"}
    assert model.vectors is not None and model.dense_weights is not None
    assert classifier.model() is model  # loaded once


def test_held_out_clauses() -> None:
    right = 0
    for label, trigger, clause in HELD_OUT:
        predicted, prob = predict(clause, trigger)
        assert 0.0 < prob <= 1.0
        right += predicted == label
    assert right >= 0.8 * len(HELD_OUT), f"only {right} of {len(HELD_OUT)} held-out clauses right"


def test_threat_is_not_an_assault() -> None:
    predicted, _ = predict("the rebels threatened to bomb the oil terminal", "threaten")
    assert predicted == "THREATEN"


def test_unseen_trigger_gets_a_violent_type() -> None:
    # "machine-gun" is in no lexicon and not in the corpus: the word vectors carry it.
    predicted, _ = predict("soldiers machine-gunned the fleeing villagers", "machine-gun")
    assert predicted in ("ASSAULT", "COERCE")


def test_fast_enough() -> None:
    predict("warm up", "warm")
    start = time.perf_counter()
    for i in range(500):
        predict(f"troops shelled village number {i} near the border", "shell")
    # ~0.2 ms a clause on an idle core; a parse costs several ms a sentence
    assert (time.perf_counter() - start) / 500 < 0.01


def test_corpus_shape() -> None:
    rows = read_corpus()
    counts = Counter(label for label, _, _ in rows)
    assert all(counts[t] >= 40 for t in EVENT_TYPES), counts
    assert counts["NONE"] >= 100
    assert len({clause for _, _, clause in rows}) == len(rows)  # no duplicates


def test_training_corpus_is_an_order_of_magnitude_larger() -> None:
    rows = read_training()
    counts = Counter(label for label, _, _ in rows)
    assert sum(n for label, n in counts.items() if label != "NONE") >= 10_000
    assert all(counts[t] >= 600 for t in EVENT_TYPES), counts
    assert counts["NONE"] >= 2_000
    generated = read_corpus(GENERATED)
    assert len({c.lower() for _, _, c in generated}) == len(generated)
    # passives and headline presents are there, not only past actives
    passive = re.compile(r" (was|were|has been|have been) \w+ed\b")
    assert sum(bool(passive.search(c)) for label, _, c in generated if label != "NONE") > 300
    assert sum(" by " in c and bool(passive.search(c)) for _, _, c in generated) > 150
    modes = {(f.label, f.mode) for f in read_frames()}
    assert len(modes) >= 45, modes  # every type, and the modes of those that have them


def test_generated_corpus_is_reproducible() -> None:
    # The shipped generated.tsv is exactly what the generator writes (seeded).
    assert generate() == read_corpus(GENERATED), "run: python -m resgestae.coding.train_corpus"


def test_inflection() -> None:
    assert (third_person("push"), third_person("deny"), third_person("shell")) == (
        "pushes", "denies", "shells")
    assert (gerund("seize"), gerund("ban"), gerund("tie")) == ("seizing", "banning", "tying")


def test_shipped_weights_match_corpus() -> None:
    # Editing the corpus without retraining leaves stale weights: catch it here.
    vocabulary = set(classifier.model().index)
    expected = set().union(*(features(c, t) for _, t, c in read_training()))
    assert vocabulary == expected, "run: python -m resgestae.coding.train_classifier"


def test_training_is_deterministic() -> None:
    rows = read_corpus()[::6]
    first, second = fit(rows), fit(rows)
    assert first.labels == second.labels
    assert np.array_equal(first.weights, second.weights)


def _grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_corpus_shares_no_sentences_with_gold(shared: Path) -> None:
    texts = [json.loads(line).get("text") or ""
             for path in (shared / "gold").rglob("*.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not texts:
        pytest.skip("no gold files in ../shared")
    clauses = [c for _, _, c in read_training()]
    seven = set().union(*(_grams(t, 7) for t in texts))
    copied = [c for c in clauses if _grams(c, 7) & seven]
    assert not copied, copied[:5]
    # Six words in a row do recur by chance in news phrasing ("lifted the state of emergency
    # in", "to the families of the victims"): a handful of 15,000 clauses, never more.
    six = set().union(*(_grams(t, 6) for t in texts))
    assert sum(bool(_grams(c, 6) & six) for c in clauses) <= 0.001 * len(clauses)


def test_classifier_check_on_gold_records(tmp_path: Path) -> None:
    from resgestae.evaluation.classifier_check import check

    records = [
        {"id": "c1", "text": "Kenyan troops shelled rebel positions near the border.",
         "expected": [{"event_type_current": "ASSAULT"}]},
        {"id": "c2", "text": "Norway urged Sri Lanka to resume peace talks.",
         "expected": [{"event_type_current": "REQUEST"}]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = check(path)
    assert result["gold_event_clauses"]["total"] <= 2
    assert sum(b["total"] for b in result["buckets"]) == result["gold_event_clauses"]["total"]
