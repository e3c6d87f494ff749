"""Ambiguous triggers: the clause model chooses among the types the lexicon offers;
and verbs the lexicon reads as no event, which no model may type.

A trigger whose lexicon entry is its test-free default ("attack", "protest",
"strike", "boycott", "welcome") while the lexicon gives it 2-4 types in all is typed
by the lexicon's default only when the clause model does not prefer another of those
types by at least `AMBIGUOUS_THRESHOLD` of their probability mass. Entries matched by
a test (an object, a particle, a preposition) and types derived by modality stand.
"""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.clauses import Clause
from resgestae.coding.event_types import Entry, _passes, lemma_of
from resgestae.coding.event_types import lexicon as type_lexicon
from resgestae.coding.factuality import Modality
from resgestae.coding.modes import Coding, code_clause

# Chosen on the tune half of the dev gold by benchmarks/clause_models.py.
AMBIGUOUS_THRESHOLD = 1.01  # off until measured


def decide(clause: Clause, mod: Modality, coding: Coding) -> Coding:
    """The coding, re-typed where the clause model prefers another of the trigger's types."""
    entry = clause.entry
    if entry is None or entry.tests or coding.derived or coding.event_type != entry.event_type:
        return coding
    senses = senses_of(entry.lemma, entry.pos)
    if not 2 <= len(senses) <= 4 or AMBIGUOUS_THRESHOLD > 1.0:
        return coding
    from resgestae.coding.classifier import choose

    verb = clause.anchor
    text = verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text
    try:
        kind, share = choose(text, lemma_of(verb), list(senses))
    except Exception:  # a broken model must not stop coding; the lexicon's type stands
        return coding
    if kind == entry.event_type or share < AMBIGUOUS_THRESHOLD:
        return coding
    clause.entry = senses[kind]
    return code_clause(clause, mod) or coding


def senses_of(lemma: str, pos: str) -> dict[str, Entry]:
    """Each event type the lexicon gives a lemma, with its least specific entry."""
    found: dict[str, Entry] = {}
    for entry in reversed(type_lexicon().get((lemma, pos), [])):
        if entry.event_type != "NONE":
            found.setdefault(entry.event_type, entry)
    return found


def none_reading(token: Token) -> bool:
    """Whether the lexicon reads this verb as no event ("ease tensions"): then no learned
    model may type it either."""
    for entry in type_lexicon().get((lemma_of(token), "V"), []):
        if all(_passes(token, key, values) for key, values in entry.tests):
            return entry.event_type == "NONE"
    return False
