"""Confidence: how sure the coder is of an event's type and participants.

Scores rise with evidence: a specific lexicon pattern on a verb, an actor and a
recipient found by the parse, no framing to see through; they fall for nominal
events, classifier guesses and unresolved participants.
"""

from __future__ import annotations

from resgestae.coding.clauses import Clause
from resgestae.coding.modes import Coding


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
    base += 0.1 if n_recipients else 0.0
    if clause.reporter is not None:
        base -= 0.03
    if coding.derived:
        base -= 0.05
    return round(max(0.05, min(0.97, base)), 3)
