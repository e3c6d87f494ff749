"""The coding rules (`data/coding_rules.yaml`): verb classes, modality words,
type conversions and context keywords, loaded once as sets and dicts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
RULES_FILE = "coding_rules.yaml"


@dataclass(frozen=True)
class Rules:
    """The rule tables, as frozen sets and plain dicts for cheap lookups."""

    reporting: frozenset[str]
    future: frozenset[str]
    intent: frozenset[str]
    transparent: frozenset[str]
    opaque: frozenset[str]
    light: frozenset[str]
    modal_future: frozenset[str]
    modal_hypothetical: frozenset[str]
    modal_obligation: frozenset[str]
    conditional_marks: frozenset[str]
    negations: frozenset[str]
    intent_to: dict[str, str]
    negated_intent_to: dict[str, str]
    derived: dict[str, dict[str, tuple[str | None, str | None]]]
    contexts: dict[str, str]  # keyword lemma -> context
    agent_nouns: frozenset[str]
    recipient_preps: frozenset[str]
    multilateral: frozenset[str]
    movers: frozenset[str] = frozenset()  # "withdraw troops from X": X is the recipient
    foreign_heads: frozenset[str] = frozenset()  # "refugees": not the actor's own people
    support: frozenset[str] = frozenset()  # "revived talks": verbs that carry an event noun
    support_prep: frozenset[str] = frozenset()  # "engaged in talks": ... through a preposition
    background_marks: frozenset[str] = frozenset()  # "after ...": an earlier act, background
    later_marks: frozenset[str] = frozenset()  # "before ...": an act not yet happened
    condition_marks: frozenset[str] = frozenset()  # "if", "unless": the condition, no event
    natural_causes: frozenset[str] = frozenset()  # "floods killed ...": no actor, no event


def _words(data: dict, key: str) -> frozenset[str]:
    words = data.get(key, [])
    bad = [w for w in words if not isinstance(w, str)]
    if bad:  # YAML reads bare on/no/yes as booleans: quote them in the file
        raise ValueError(f"{RULES_FILE}: {key} has non-word entries {bad!r}; quote them")
    return frozenset(w.lower() for w in words)


def parse_rules(data: dict) -> Rules:
    """Build Rules from the parsed YAML mapping."""
    keyword_context = {
        str(w).lower(): ctx for ctx, words in data["contexts"].items() for w in words
    }
    derived = {
        outer: {inner: tuple(v) for inner, v in table.items()}
        for outer, table in data["derived"].items()
    }
    sets = {
        name: _words(data, name)
        for name in (
            "reporting",
            "future",
            "intent",
            "transparent",
            "opaque",
            "light",
            "modal_future",
            "modal_hypothetical",
            "modal_obligation",
            "conditional_marks",
            "negations",
            "agent_nouns",
            "recipient_preps",
            "multilateral",
            "movers",
            "foreign_heads",
            "support",
            "support_prep",
            "background_marks",
            "later_marks",
            "condition_marks",
            "natural_causes",
        )
    }
    return Rules(
        **sets,
        intent_to=dict(data["intent_to"]),
        negated_intent_to=dict(data["negated_intent_to"]),
        derived=derived,
        contexts=keyword_context,
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The packaged rules, loaded once."""
    text = (DATA_DIR / RULES_FILE).read_text(encoding="utf-8")
    return parse_rules(yaml.safe_load(text))
