"""Frames: the verbs above an event word (intention, expectation, aspect, reporting)
and the complements below a framing verb."""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.event_types import Entry, lemma_of, lookup
from resgestae.coding.rules import Rules


def is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def is_governing(token: Token, r: Rules) -> bool:
    """A framing verb or adjective: the event lives in its complement."""
    lemma = lemma_of(token)
    return (lemma in r.intent or lemma in r.future or lemma in r.transparent
            or lemma in r.unwilling)


def is_opaque(token: Token, r: Rules) -> bool:
    """A head whose own type wins over its complement."""
    lemma = lemma_of(token)
    if lemma in r.reporting and lookup(token) is None:
        return False
    if is_governing(token, r) and lemma not in r.opaque:
        return False
    return lemma in r.opaque or lookup(token) is not None


def is_infinitive(token: Token) -> bool:
    """An infinitive clause: "(vowed) to fight"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _complement(token: Token, infinitive_advcl: bool = True) -> Token | None:
    """The clausal complement of a verb: xcomp, ccomp, "to" clause or "of/with/from doing"."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return child
    if infinitive_advcl and not any(c.dep_ in ("dobj", "obj") for c in token.children):
        for child in token.children:  # "vowed to fight", but not "continued the strike to ..."
            if child.dep_ == "advcl" and is_infinitive(child):
                return child
    for child in token.children:
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pcomp" and grand.pos_ == "VERB":
                    return grand
    return None


def inner_event(token: Token, r: Rules) -> tuple[Token | None, Entry | None]:
    """Follow the complement chain down to the first typed verb."""
    current = _complement(token, infinitive_advcl=is_governing(token, r))
    for _ in range(4):
        if current is None:
            return None, None
        entry = lookup(current)
        if entry is not None or not is_governing(current, r):
            return current, entry
        current = _complement(current)
    return None, None


def frame_of(token: Token, r: Rules) -> tuple[list[Token], Token | None, Token | None]:
    """Governors above an event verb, the reporting verb above them, and the top verb."""
    governors: list[Token] = []
    current = token
    for _ in range(6):
        head = current.head
        if head is current:
            break
        framed = current.dep_ in ("xcomp", "acomp") or (
            current.dep_ == "advcl" and is_infinitive(current)
        )
        if framed and is_governing(head, r):
            governors.append(head)
        elif current.dep_ == "acomp" or (current.dep_ == "xcomp" and head.pos_ == "AUX"):
            pass  # "is ready to": climb through the copula
        elif (
            current.dep_ in ("ccomp", "parataxis", "conj")
            and lemma_of(head) in r.reporting
            and lookup(head) is None
        ):
            return governors, head, current
        elif current.dep_ == "conj":
            pass  # shares its frame with the first conjunct
        else:
            break
        current = head
    return governors, None, current
