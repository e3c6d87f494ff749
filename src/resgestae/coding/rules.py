"""The coding rules (`data/coding_rules.yaml`): verb classes, modality words,
type conversions and context keywords; and the closed-class words and entity labels
the coder reads text with (`data/words.yaml`: pronouns, determiners, speech verbs,
place labels ...), each list defined once there. Loaded once as sets and dicts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
RULES_FILE = "coding_rules.yaml"
WORDS_FILE = "words.yaml"


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
    # closed-class words and labels (words.yaml; labels keep spaCy's upper case)
    person_pronouns: frozenset[str]
    third_person_pronouns: frozenset[str]
    one_person_pronouns: frozenset[str]
    we_pronouns: frozenset[str]
    owner_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    determiners: frozenset[str]
    quantity_heads: frozenset[str]
    speech_verbs: frozenset[str]
    place_qualifiers: frozenset[str]
    place_labels: frozenset[str]
    actor_labels: frozenset[str]
    not_actor_labels: frozenset[str]
    movers: frozenset[str] = frozenset()  # "withdraw troops from X": X is the recipient
    foreign_heads: frozenset[str] = frozenset()  # "refugees": not the actor's own people
    support: frozenset[str] = frozenset()  # "revived talks": verbs that carry an event noun
    support_prep: frozenset[str] = frozenset()  # "engaged in talks": ... through a preposition
    promise: frozenset[str] = frozenset()  # "offered criticism": a promised verbal act is done
    calls: frozenset[str] = frozenset()  # "called X to apologize": verbs of a phone call
    hesitant: frozenset[str] = frozenset()  # "will not hesitate to": negated, they state the act
    caller_acts: frozenset[str] = frozenset()  # ... and the acts a caller does by calling
    background_marks: frozenset[str] = frozenset()  # "after ...": an earlier act, background
    later_marks: frozenset[str] = frozenset()  # "before ...": an act not yet happened
    condition_marks: frozenset[str] = frozenset()  # "if", "unless": the condition, no event
    natural_causes: frozenset[str] = frozenset()  # "floods killed ...": no actor, no event
    accidental_kinds: frozenset[str] = frozenset()  # "a gas explosion": an accident's kind
    accident_heads: frozenset[str] = frozenset()  # explosion, blast
    fire_heads: frozenset[str] = frozenset()  # fire: an accident unless armed
    weapon_kinds: frozenset[str] = frozenset()  # "tank fire", "artillery fire"
    market_forces: frozenset[str] = frozenset()  # "shares rocketed": no actor, no event
    sport_roles: frozenset[str] = frozenset()  # "the striker struck": a game, no event
    sport_things: frozenset[str] = frozenset()  # "captured the championship": a game
    force_modifiers: frozenset[str] = frozenset()  # "a rebel attack": the rebels act
    unwilling: frozenset[str] = frozenset()  # "unwilling to": a stated refusal
    speculation: frozenset[str] = frozenset()  # "analysts expect X to": a guess, no event
    craft: frozenset[str] = frozenset()  # "seized a cargo ship": someone's, not the actor's


WORD_LISTS = ("person_pronouns", "third_person_pronouns", "one_person_pronouns", "we_pronouns",
              "owner_pronouns", "relative_pronouns", "determiners", "quantity_heads",
              "speech_verbs", "place_qualifiers")
LABEL_LISTS = ("place_labels", "actor_labels", "not_actor_labels")


def _words(data: dict, key: str, lower: bool = True) -> frozenset[str]:
    """The list `key` as a set (lower-cased unless `lower` is False); ValueError names
    a list with an entry that is not a word."""
    words = data.get(key, [])
    bad = [w for w in words if not isinstance(w, str)]
    if bad:  # YAML reads bare on/no/yes as booleans: quote them in the file
        raise ValueError(f"{RULES_FILE}/{WORDS_FILE}: {key} has non-word entries {bad!r}; "
                         "quote them")
    return frozenset(w.lower() for w in words) if lower else frozenset(words)


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
            "promise",
            "calls",
            "hesitant",
            "caller_acts",
            "background_marks",
            "later_marks",
            "condition_marks",
            "natural_causes",
            "accidental_kinds",
            "accident_heads",
            "fire_heads",
            "weapon_kinds",
            "market_forces",
            "sport_roles",
            "sport_things",
            "force_modifiers",
            "unwilling",
            "speculation",
            "craft",
            *WORD_LISTS,
        )
    }
    sets.update({name: _words(data, name, lower=False) for name in LABEL_LISTS})
    return Rules(
        **sets,
        intent_to=dict(data["intent_to"]),
        negated_intent_to=dict(data["negated_intent_to"]),
        derived=derived,
        contexts=keyword_context,
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The packaged rules and words, loaded once."""
    data = yaml.safe_load((DATA_DIR / RULES_FILE).read_text(encoding="utf-8"))
    data.update(yaml.safe_load((DATA_DIR / WORDS_FILE).read_text(encoding="utf-8")))
    return parse_rules(data)
