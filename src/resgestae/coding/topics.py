"""Topics: whether a word lies inside what another event is about (the content of a
demand, the object of a typed verb), which makes it no event clause of its own."""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.background import is_earlier_act, supported_noun
from resgestae.coding.event_types import lookup
from resgestae.coding.frames import asked_act, for_clause, is_governing, is_opaque, is_verb
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
    """A verb that expresses an event itself (not a frame, not a report); a framing verb
    the lexicon reads in context ("used water cannon") is one."""
    if not is_verb(token):
        return False
    entry = lookup(token)
    return entry is not None and (not is_governing(token, r) or bool(entry.tests))


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
    """Whether the arc from `current` up to `head` enters another event's topic
    (`start` is the word whose place is asked about)."""
    return (
        _topic_prep(current, head, r)
        or _noun_content(current, head)
        or _opaque_complement(current, head, start, r)
        or _typed_object(current, head, start, r)
        or _protest_demand(current, head, r)
        or _remembered(current, head)
        or (current is start and current.dep_ in ("dobj", "obj")
            and head.lemma_.lower() in WEIGHED_BY)
    )


# Verbs of weighing: "weighing fresh sanctions" names an act not taken (CAMEO 014, no
# PLOVER event), as "weighing whether to impose sanctions" does (opaque in
# coding_rules.yaml; clauses._weighed_on_condition has the exception). What a weighed
# text says is not ("considering a resolution demanding X": the demand).
WEIGHED_BY = frozenset({"consider", "contemplate", "mull", "weigh", "ponder"})


# Nouns of remembering: "the 85th anniversary of the German invasion" recalls a past act,
# no act of the sentence (the marking of it is a CAMEO 017 symbolic act, no PLOVER event).
REMEMBERED = frozenset({"anniversary", "commemoration", "remembrance", "memory", "memorial",
                        "centenary", "centennial", "jubilee"})


def _remembered(current: Token, head: Token) -> bool:
    """The "of" object of a noun of remembering ("the anniversary of the invasion")."""
    return (current.dep_ == "pobj" and head.lower_ == "of"
            and head.head.lemma_.lower() in REMEMBERED)


def _topic_prep(current: Token, head: Token, r: Rules) -> bool:
    """ "complained over Israeli raids", "a dispute over the border"."""
    if current.dep_ != "pobj":
        return False
    governor = head.head
    if head.lower_ in TOPIC_PREPS and typed_verb(governor, r):
        return True
    return bool(head.lower_ in NOUN_TOPIC_PREPS and governor.pos_ == "NOUN" and lookup(governor))


def _noun_content(current: Token, head: Token) -> bool:
    """A clause on an event noun ("an admission that ...")."""
    return (
        (current.dep_ in ("acl", "ccomp", "relcl") or for_clause(current))
        and is_verb(current)
        and head.pos_ == "NOUN"
        and lookup(head) is not None
        and current.tag_ != "VBN"
    )


def _opaque_complement(current: Token, head: Token, start: Token, r: Rules) -> bool:
    """Inside the complement of "threatened to ...", "demanded that ...", or the act a
    request's addressee is asked to do ("implored donors to help fight ...")."""
    if current.dep_ == "advcl" and current is not start:
        asked = asked_act(head)
        return asked is not None and asked.i == current.i
    return (
        current.dep_ in ("ccomp", "xcomp", "pcomp")
        and current is not start
        and is_verb(head)
        and is_opaque(head, r)
    )


def _typed_object(current: Token, head: Token, start: Token, r: Rules) -> bool:
    """The object of a typed verb ("rejected a proposal for signing ...")."""
    return (
        current.dep_ in ("dobj", "obj")
        and (current is not start or start.pos_ in ("NOUN", "PROPN"))
        and typed_verb(head, r)
        and not (start.dep_ == "acl" and start.tag_ == "VBG")
    )


def _protest_demand(current: Token, head: Token, r: Rules) -> bool:
    """What protesters demand is the protest's topic (PLOVER); an earlier act that moved
    them ("rallied after police arrested ...") is not (PLOVER manual, PROTEST)."""
    return (
        current.dep_ in ("advcl", "xcomp", "conj", "ccomp")
        and is_verb(head)
        and protest_head(head)
        and not is_earlier_act(current, r, True)
    )


def protest_head(token: Token) -> bool:
    """A protest verb, or a verb carrying a protest noun ("staged a rally", "have been on
    hunger strike")."""
    entry = lookup(token)
    if entry is None:
        noun = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
        if noun is None and token.lemma_ == "be":
            noun = supported_noun(token)
        entry = lookup(noun) if noun is not None else None
    return entry is not None and entry.event_type == "PROTEST"
