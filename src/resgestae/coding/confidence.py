"""Confidence: how sure the coder is of an event's type and participants.

Scores rise with evidence: a specific lexicon pattern on a verb, an actor and a
recipient found by the parse, no framing to see through; they fall for nominal
events, classifier guesses and unresolved participants.
"""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.clauses import Clause
from resgestae.coding.modes import Coding

MAIN_DEPS = frozenset({"ROOT", "xcomp", "ccomp", "conj", "acomp", "parataxis"})


def main_clause(token: Token) -> bool:
    """Is the trigger on the sentence's main line (root, its complements and conjuncts)
    rather than in a subordinate, relative or adverbial clause?"""
    current = token
    for _ in range(8):
        if current.dep_ == "ROOT":
            return True
        if current.dep_ not in MAIN_DEPS:
            return False
        current = current.head
    return False


def score(
    clause: Clause,
    coding: Coding,
    n_actors: int,
    n_recipients: int,
    classifier_p: float | None = None,
) -> float:
    """A 0-1 confidence for one coded clause."""
    if classifier_p is not None:
        base = 0.2 + 0.5 * classifier_p
    elif clause.nominal:
        base = 0.55
    else:
        base = 0.6 + (0.1 if clause.entry is not None and clause.entry.tests else 0.0)
    base += 0.12 if n_actors else -0.1
    base += 0.05 if n_recipients else 0.0
    base += 0.1 if main_clause(clause.anchor) else -0.15
    if coding.derived:
        base -= 0.05
    return round(max(0.05, min(0.97, base)), 3)


def share_sentence(confidences: list[float], acts: int) -> list[float]:
    """Lower each event's confidence when its sentence has several competing acts:
    on the PLOVER dev gold, events alone in their sentence were right 93% of the
    time, those sharing it 60%."""
    penalty = SHARED_PENALTY * max(0, acts - 1)
    return [round(max(0.05, c - penalty), 3) for c in confidences]


SHARED_PENALTY = 0.08
