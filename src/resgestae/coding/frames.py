"""Frames: the verbs above an event word (intention, expectation, aspect, reporting)
and the complements below a framing verb."""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.event_types import Entry, lemma_of, lookup
from resgestae.coding.rules import Rules
from resgestae.plover import plover_type


def is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def is_governing(token: Token, r: Rules) -> bool:
    """A framing verb or adjective: the event lives in its complement. Not a wish that
    another party act ("wants Turkey to reopen the border"): that is a request of it."""
    lemma = lemma_of(token)
    if lemma in r.intent and asks_another(token):
        return False
    return (lemma in r.intent or lemma in r.future or lemma in r.transparent
            or lemma in r.unwilling or lemma in r.hesitant)


def asks_another(token: Token) -> bool:
    """An infinitive complement with a subject of its own: "wants Turkey to reopen"."""
    return any(c.dep_ == "ccomp" and is_infinitive(c)
               and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
               for c in token.children)


def is_opaque(token: Token, r: Rules) -> bool:
    """A head whose own type wins over its complement."""
    lemma = lemma_of(token)
    if lemma in r.reporting and lookup(token) is None:
        return False
    entry = lookup(token)
    if is_governing(token, r) and lemma not in r.opaque:
        # a deed the lexicon reads in context is its own act, its complement the purpose
        # ("used water cannon to disperse them", CAMEO 175); not a trip or a talk
        # ("will not go to Moscow to meet": the meeting refused stays the event)
        return entry is not None and bool(entry.tests) and _deed(entry)
    return lemma in r.opaque or entry is not None


def _deed(entry: Entry) -> bool:
    """A material conflict type (GDELT QuadClass 4)."""
    found = plover_type(entry.event_type)
    return found is not None and found.quad_class == 4


def is_infinitive(token: Token) -> bool:
    """An infinitive clause: "(vowed) to fight"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def for_clause(token: Token) -> bool:
    """A "for X to do" clause ("pressed for the talks to resume"), whose subject is who
    is to act; the parser makes it an advcl or acl with "for" as its mark."""
    return (token.dep_ in ("advcl", "acl") and is_infinitive(token)
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in token.children))


def _complement(token: Token, infinitive_advcl: bool = True) -> Token | None:
    """The clausal complement of a verb: xcomp, ccomp, "to" clause or "of/with/from doing"."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return child
    for child in token.children:  # "called for Kyiv to negotiate": what X is asked to do
        if for_clause(child):
            return child
    if (infinitive_advcl and not any(c.dep_ in ("dobj", "obj") for c in token.children)
            and not _carries_event_noun(token)):
        for child in token.children:  # "vowed to fight", but not "continued the strike to ..."
            if child.dep_ == "advcl" and is_infinitive(child):
                return child
    for child in token.children:
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pcomp" and grand.pos_ == "VERB":
                    return grand
    return None


def _carries_event_noun(token: Token) -> bool:
    """ "went on strike to demand ...", "took to the streets to protest": the verb holds an
    event noun through a preposition, so its "to" clause is that act's purpose, not the
    verb's complement (CAMEO 14x, PLOVER manual l.751: the topic of a protest is no
    separate event)."""
    return any(g.dep_ == "pobj" and g.pos_ == "NOUN" and lookup(g) is not None
               for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "to", "in")
               for g in c.children)


def asked_act(token: Token) -> Token | None:
    """ "implored the donors to help", "lobbied its neighbours to back X": the parser may
    hang what the addressee of a request is to do as a "to" clause beside the object; with
    a party (no event noun) as object it is what is asked (CAMEO 10 "demand"), not the
    request's purpose ("demanded talks to end the crisis" keeps the talks)."""
    entry = lookup(token)
    if entry is None or entry.event_type != "REQUEST":
        return None
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if not objects or any(lookup(o) is not None for o in objects):
        return None
    return next((c for c in token.children if c.dep_ == "advcl" and is_infinitive(c)
                 and not for_clause(c)), None)


def inner_event(token: Token, r: Rules) -> tuple[Token | None, Entry | None]:
    """Follow the complement chain down to the first typed verb."""
    current = _complement(token, infinitive_advcl=is_governing(token, r)) or asked_act(token)
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
