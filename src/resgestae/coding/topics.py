"""Topics: whether a word lies inside what another event is about (the content of a
demand, the object of a typed verb), which makes it no event clause of its own."""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.background import is_earlier_act
from resgestae.coding.event_types import lookup
from resgestae.coding.frames import is_governing, is_opaque, is_verb
from resgestae.coding.rules import Rules

TOPIC_PREPS = frozenset(
    {
        "over",
        "about",
        "of",
        "for",
        "concerning",
        "regarding",
        "to",
        "in",
        "on",
        "under",
        "despite",
        "amid",
    }
)


NOUN_TOPIC_PREPS = frozenset({"over", "about", "of", "for", "concerning", "regarding"})


def typed_verb(token: Token, r: Rules) -> bool:
    """A verb that expresses an event itself (not a frame, not a report)."""
    return is_verb(token) and lookup(token) is not None and not is_governing(token, r)


def in_topic(token: Token, r: Rules) -> bool:
    """Inside what another event is about: the content of a demand or complaint
    ("complained over Israeli raids"), a noun's clause ("an admission that ..."),
    the object of a typed verb ("rejected a proposal for signing ...")."""
    current = token
    for _ in range(10):
        head = current.head
        if head is current:
            return False
        if _topic_step(current, head, token, r):
            return True
        current = head
    return False


def _topic_step(current: Token, head: Token, start: Token, r: Rules) -> bool:
    if current.dep_ == "pobj":
        governor = head.head
        if head.lower_ in TOPIC_PREPS and typed_verb(governor, r):
            return True
        if head.lower_ in NOUN_TOPIC_PREPS and governor.pos_ == "NOUN" and lookup(governor):
            return True
    if (
        current.dep_ in ("acl", "ccomp", "relcl")
        and is_verb(current)
        and head.pos_ == "NOUN"
        and lookup(head) is not None
        and current.tag_ != "VBN"
    ):
        return True
    if (
        current.dep_ in ("ccomp", "xcomp", "pcomp")
        and current is not start
        and is_verb(head)
        and is_opaque(head, r)
    ):
        return True  # inside the complement of "threatened to ...", "demanded that ..."
    if (
        current.dep_ in ("dobj", "obj")
        and (current is not start or start.pos_ in ("NOUN", "PROPN"))
        and typed_verb(head, r)
        and not (start.dep_ == "acl" and start.tag_ == "VBG")
    ):
        return True
    if (
        current.dep_ in ("advcl", "xcomp", "conj", "ccomp")
        and is_verb(head)
        and protest_head(head)
        and not is_earlier_act(current, r, True)
    ):
        return True  # what protesters demand is the protest's topic (PLOVER)
    return False


def protest_head(token: Token) -> bool:
    entry = lookup(token)
    if entry is None:
        noun = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
        entry = lookup(noun) if noun is not None else None
    return entry is not None and entry.event_type == "PROTEST"
