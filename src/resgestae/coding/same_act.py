"""Same act: two triggers of one sentence that report one real act, coded as one event.

Wire copy names an attack twice around one verb: "Militants attacked a base, and the
attack killed ten soldiers", "The attack by X on a base killed 20 soldiers", "X launched
an attack on Goma, attacking army positions". Each trigger makes a clause of its own;
without this they are two events (or three), though one act happened. The kinds, each
read off the parse of the later trigger against an earlier event's trigger:

- an act noun standing for the act as the subject of a verb ("the attack killed", "an
  attack that killed"): the verb's event is the noun's act, and the noun's act is the
  earlier verb's when the noun restates it (a definite "the attack" after the verb, or an
  appositive "..., an attack that killed");
- a participle that elaborates a "launch an attack" verb with the same word ("launched
  an attack ..., attacking X"), whatever type the participle alone would get.

The earlier event is kept: it takes the actors when it has none, and the parties acted on
(a recipient with a sector) in place of a bare place ("attacked a base in Lower Shabelle"
then "killed ten Somali soldiers": the soldiers). `extract.sentence_events` asks here
before it keeps an event.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from resgestae.coding.event_types import lemma_of, lexicon, lookup
from resgestae.model import Entity, Event

# determiners with which an act noun restates an act already told ("the attack")
RESTATING = frozenset({"the", "this", "that", "an", "a"})


def restates(event: Event, events: list[Event], doc: Doc) -> bool:
    """Whether `event` reports the act of one already in `events` (same sentence); that
    one then takes its actors or parties (see the module doc). Events without a trigger
    token are never joined."""
    if event._trigger_i is None:
        return False
    later = doc[event._trigger_i]
    for other in reversed(events):
        if other._trigger_i is None or other._sent != event._sent:
            continue
        if _one_act(doc[other._trigger_i], later, other, event):
            _join(other, event)
            return True
    return False


def _one_act(first: Token, later: Token, kept: Event, event: Event) -> bool:
    """The parse says `later` reports the act of `first`."""
    if (_elaborates(first, later) or _conceded_terms(first, later, kept, event)
            or _demand_met(first, later, kept, event)):
        return True
    if kept.event_type != event.event_type or (kept.actor and event.actor
                                                and _keys(kept.actor) != _keys(event.actor)):
        return False
    # "The attack by X on a base killed 20 soldiers": the noun is the verb's subject
    noun, own = _act_subject(later), _act_subject(first)
    if (noun is not None and noun.i == first.i) or (own is not None and own.i == later.i):
        return True
    return noun is not None and _restated(noun, first)


def _elaborates(first: Token, later: Token) -> bool:
    """ "launched an attack on Goma, attacking army positions": a participle on the verb
    whose object is the same act word."""
    if later.dep_ not in ("advcl", "conj", "xcomp") or later.head.i != first.i:
        return False
    if later.tag_ != "VBG":
        return False
    return any(c.dep_ in ("dobj", "obj") and _same_kind(c, later) for c in first.children)


def _conceded_terms(first: Token, later: Token, kept: Event, event: Event) -> bool:
    """ "gave in to the protesters and agreed to step down", "bowed to the donors and
    agreed to reforms": what a yielding actor agrees to in the same breath is the
    concession's content, one act (PLOVER_MANUAL.tex:443 CONCEDE covers "the promise of
    future concessions")."""
    if kept.event_type != "CONCEDE" or event.event_type != "AGREE":
        return False
    verb = first.head if first.pos_ == "NOUN" else first  # "made concessions, agreeing"
    if later.dep_ not in ("conj", "advcl") or later.head.i != verb.i:
        return False
    return not event.actor or not kept.actor or _keys(kept.actor) == _keys(event.actor)


# Objects of a concession verb that name what was asked ("met a key demand").
DEMANDS = frozenset({"demand", "call", "request", "condition", "grievance"})


def _demand_met(first: Token, later: Token, kept: Event, event: Event) -> bool:
    """ "met a key demand of the strikers and dissolved the ruling party", "granted the
    opposition's request and freed its leader": the act joined to meeting a demand is
    the demand met, the concession's content, one act (PLOVER_MANUAL.tex:443 CONCEDE);
    a later act with "then" or its own subject is the verb's conjunct no more."""
    if kept.event_type != "CONCEDE" or later.dep_ != "conj" or later.head.i != first.i:
        return False
    if not any(c.dep_ in ("dobj", "obj") and lemma_of(c) in DEMANDS for c in first.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") or c.lower_ == "then" for c in later.children):
        return False
    return not event.actor or not kept.actor or _keys(kept.actor) == _keys(event.actor)


def _same_kind(noun: Token, verb: Token) -> bool:
    """ "an attack ... attacking", "an assault ... attacking", "an offensive ...
    shelling": the same word, or an act noun and a verb the lexicon both give one type
    under some reading."""
    if lemma_of(noun) == lemma_of(verb):
        return True
    entry = lookup(noun)
    if entry is None or noun.pos_ != "NOUN":
        return False
    kinds = {e.event_type for e in lexicon().get((lemma_of(verb), "V"), [])}
    return entry.event_type in kinds


def _act_subject(verb: Token) -> Token | None:
    """The event noun that is a verb's subject ("the attack killed"), through a
    relative pronoun ("an attack that killed")."""
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        noun = child.head.head if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" \
            else child
        if noun.pos_ == "NOUN" and lookup(noun) is not None:
            return noun
    return None


def _restated(noun: Token, first: Token) -> bool:
    """An act noun that restates the act of an earlier verb: "attacked a base, and the
    attack killed", "attacked a checkpoint, an attack that killed", "attacked a base in
    an attack that killed"."""
    if noun.i <= first.i or first.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in RESTATING for c in noun.children):
        return False
    if lemma_of(noun) == lemma_of(first):
        return True
    # "stormed a base, a raid that killed": the noun hangs from the verb's clause
    return any(a.i == first.i for a in noun.ancestors)


def _join(kept: Event, other: Event) -> None:
    """The kept event takes the other's actors when it has none, and its parties in
    place of bare places (recipients of no sector)."""
    if not kept.actor:
        kept.actor = list(other.actor)
    parties = [e for e in other.recipient if e.sector]
    if parties:
        ours = [e for e in kept.recipient if e.sector]
        kept.recipient = ours + [e for e in parties if e.key() not in _keys(ours)]
    elif not kept.recipient:
        kept.recipient = list(other.recipient)
    kept.confidence = max(kept.confidence, other.confidence)


def _keys(entities: list[Entity]) -> set[str]:
    return {e.key() for e in entities}
