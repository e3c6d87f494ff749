"""Closed-class words and entity labels, from `data/words.yaml` (one definition each).

Each list is a module constant (a frozenset), read once at import:
`PERSON_PRONOUNS`, `THIRD_PERSON_PRONOUNS`, `ONE_PERSON_PRONOUNS`, `WE_PRONOUNS`,
`OWNER_PRONOUNS`, `RELATIVE_PRONOUNS`, `DETERMINERS`, `QUANTITY_HEADS`,
`SPEECH_VERBS`, `PLACE_QUALIFIERS`, `PLACE_LABELS`, `ACTOR_LABELS`,
`NOT_ACTOR_LABELS`. The file's comments say what each is for.
"""

from __future__ import annotations

from importlib import resources

import yaml

WORDS_FILE = "words.yaml"


def _load() -> dict[str, frozenset[str]]:
    """Every list of the file; ValueError names a list with an entry that is not a word
    (YAML reads bare on/no/yes as booleans)."""
    text = resources.files("resgestae").joinpath("data", WORDS_FILE).read_text("utf-8")
    lists: dict[str, frozenset[str]] = {}
    for name, items in yaml.safe_load(text).items():
        bad = [w for w in items if not isinstance(w, str)]
        if bad:
            raise ValueError(f"{WORDS_FILE}: {name} has non-word entries {bad!r}; quote them")
        lists[name] = frozenset(items)
    return lists


_LISTS = _load()

PERSON_PRONOUNS = _LISTS["person_pronouns"]
THIRD_PERSON_PRONOUNS = _LISTS["third_person_pronouns"]
ONE_PERSON_PRONOUNS = _LISTS["one_person_pronouns"]
WE_PRONOUNS = _LISTS["we_pronouns"]
OWNER_PRONOUNS = _LISTS["owner_pronouns"]
RELATIVE_PRONOUNS = _LISTS["relative_pronouns"]
DETERMINERS = _LISTS["determiners"]
QUANTITY_HEADS = _LISTS["quantity_heads"]
SPEECH_VERBS = _LISTS["speech_verbs"]
PLACE_QUALIFIERS = _LISTS["place_qualifiers"]
PLACE_LABELS = _LISTS["place_labels"]
ACTOR_LABELS = _LISTS["actor_labels"]
NOT_ACTOR_LABELS = _LISTS["not_actor_labels"]
