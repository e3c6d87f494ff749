"""Coding: from an annotated Doc to events (clauses, types, factuality, actors).

The stages, in the order `extract.extract_events` runs them per sentence:

    clauses       event candidates of a sentence (with frames, arguments, roles,
                  topics, targets: where the event word, its frame, its actor and
                  recipient heads and the places it acts on are)
    factuality    modality of each clause
    modes         type and mode from the lexicon (event_types, rules)
    classifier    type for verbs the lexicon does not know
    participants  actor and recipient entities (actors, pronouns, countries)
    confidence    the score of each event

`dates` and `places` then give events their date and location (`pipeline`).
"""

from resgestae.coding.extract import extract_events

__all__ = ["extract_events"]
