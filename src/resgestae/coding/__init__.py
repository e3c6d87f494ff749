"""Coding: from an annotated Doc to events (clauses, types, factuality, actors).

The stages, in the order `extract.extract_events` runs them per sentence:

    clauses       event candidates of a sentence (with frames, arguments, roles,
                  topics, targets: where the event word, its frame, its actor and
                  recipient heads and the places it acts on are)
    factuality    modality of each clause
    modes         type and mode from the lexicon (event_types, rules)
    classifier    type for verbs the lexicon does not know
    participants  actor and recipient entities (actors reads a phrase with the
                  actor_tables, pronouns resolves pronouns, country_rules settles
                  countries in order, countries looks them up)
    confidence    the score of each event

PLOVER's types and what the coder does per type come from `resgestae.plover`
(data/plover_types.yaml); closed-class words from data/words.yaml (`rules`).

`dates` and `places` then give events their date and location (`pipeline`).
"""

from resgestae.coding.extract import extract_events

__all__ = ["extract_events"]
