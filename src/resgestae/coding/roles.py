"""Roles: the actor and recipient heads of a clause, by voice, through the things
it acts on, its complement, a threat's condition or a protest's demand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from resgestae.coding.actor_tables import actor_tables
from resgestae.coding.arguments import (
    agents,
    expand,
    is_actorish,
    objects,
    of_rescue,
    participants,
    recipient_objects,
    recipient_preps,
    subject,
)
from resgestae.coding.event_types import curated_lookup, lemma_of, lookup
from resgestae.coding.frames import for_clause
from resgestae.coding.rules import Rules
from resgestae.coding.targets import PLACE_PREPS, TOPIC_PREPS
from resgestae.plover import has_flag

if TYPE_CHECKING:
    from resgestae.coding.clauses import Clause


VICTIM_VERBS = frozenset({"die", "perish"})

# Modes of acts done to people (arrest, deport, abduct, ...) and verbs of killing or
# harming: whatever common noun they take as object names people ("detained the
# suspects", "abducted 20 pilgrims"), never a thing, so it is the recipient even when
# the tables do not know the noun (and a place of the act only gives its country).
PERSON_MODES = frozenset({"arrest", "deport", "abduct", "torture", "beat", "assassinate",
                          "massacre"})
PERSON_VERBS = frozenset({"kill", "murder", "slay", "execute", "wound", "injure", "behead",
                          "lynch", "kidnap", "abduct", "torture", "deport", "arrest", "detain"})


# Prepositions on an object noun whose object is the recipient ("offer from", "ties with").
OBJECT_PREPS = frozenset({"for", "between", "from", "by", "with", "of", "against", "on", "to"})


COUNTERPART_PREPS = frozenset({"with", "from"})


# What others are asked to do against a party when a request rallies opposition.
OPPOSE = frozenset({"oppose", "resist", "isolate", "ostracize", "ostracise", "shun"})
# ... or to take sides against it ("urged Arabs to unite and mobilize against X").
SIDE_AGAINST = frozenset({"unite", "stand", "mobilize", "mobilise", "rally", "band", "join",
                          "speak", "vote"})


def rallies_against(clause: Clause) -> bool:
    """A request whose complement is a disapproval ("urged the council to condemn X")
    or opposition ("to oppose X") that the addressees are to voice: CAMEO 113 "rally
    opposition against", an ACCUSE whose recipient is the party opposed
    (CAMEO2PLOVER-2021.txt "113: ACCUSE, disapprove")."""
    inner = clause.inner_entry
    if clause.entry is None or clause.entry.event_type != "REQUEST" or clause.inner is None:
        return False
    if inner is not None and inner.event_type == "ACCUSE" and inner.mode == "disapprove":
        return True
    return lemma_of(clause.inner) in OPPOSE or any(
        lemma_of(v) in SIDE_AGAINST and any(c.dep_ == "prep" and c.lower_ == "against"
                                            for c in v.children)
        for v in (clause.inner, *clause.inner.conjuncts))


def _opposed(clause: Clause, r: Rules) -> list[Token]:
    """The party a rallying request is against: its complement's recipient."""
    inner = clause.inner
    against = [g for v in (inner, *inner.conjuncts) for c in v.children
               if c.dep_ == "prep" and c.lower_ == "against"
               for g in c.children if g.dep_ == "pobj"]
    preps = recipient_preps(clause.inner_entry, r)
    return participants(against, r) or participants(
        recipient_objects(inner, preps, r), r) or _object_recipients(clause, inner, preps, r)


def attach_arguments(clause: Clause, r: Rules) -> None:
    """Actor and recipient heads, by voice; an opaque head's object or its complement's."""
    verb = clause.anchor
    preps = recipient_preps(clause.entry, r)
    actors, raw, passive = _by_voice(clause, verb, preps, r)
    recipients = participants(raw, r) or [t for t in expand(
        [of_rescue(t) for t in raw]) if person_object(t)]
    if not recipients:
        counterpart = bool(actors) and not passive
        recipients = _unnamed_recipients(clause, verb, preps, r, counterpart)
    clause.actors = participants(actors, r, as_subject=True)
    if rallies_against(clause):
        recipients = _opposed(clause, r) or recipients
    if not recipients:
        recipients = _typed_recipients(clause, verb, r)
    clause.recipients = recipients
    givers = _givers(clause, verb, r)
    if givers:  # "Iraq received jets from the United States": the giver aids Iraq
        clause.actors, clause.recipients = givers, clause.actors


# Verbs whose subject gets what another gives: of an AID received "from" a party, that
# party is the actor and the subject its recipient (CAMEO 07 "provide aid").
RECEIVING = frozenset({"receive", "obtain", "get"})


def _givers(clause: Clause, verb: Token, r: Rules) -> list[Token]:
    """The parties named after "from" on a receiving verb or its object, for an AID the
    curated lexicon types (a verb dictionary's pattern turns its own roles round)."""
    entry = clause.entry
    if entry is None or entry.event_type != "AID" or lemma_of(verb) not in RECEIVING:
        return []
    if curated_lookup(verb) is not entry:
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    named = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
             for g in c.children if g.dep_ == "pobj"]
    return participants(named, r, as_subject=True)


# Nouns that only point back at people already named ("killed one soldier and wounded
# two others"): the same victims' kind, not a new party.
BACK_NOUNS = frozenset({"other", "others", "another", "one", "ones", "rest", "more"})


def person_object(token: Token) -> bool:
    """Whether a common noun no table knows is people by the act done to it: the
    object (or passive subject) of an act done to people (`PERSON_MODES`,
    `PERSON_VERBS`), counted or not ("110 suspects", "dozens of pilgrims")."""
    if token.pos_ != "NOUN" or token.ent_type_ or lookup(token) is not None:
        return False
    if {token.lower_, token.lemma_.lower()} & (actor_tables().thing_heads | BACK_NOUNS):
        return False
    slot = token
    if token.dep_ == "pobj" and token.head.lower_ == "of":  # "dozens of pilgrims"
        slot = token.head.head
    while slot.dep_ == "conj":  # "journalists and pilgrims"
        slot = slot.head
    if slot.dep_ not in ("dobj", "obj", "nsubjpass"):
        return False
    entry = lookup(slot.head)
    return entry is not None and (
        entry.mode in PERSON_MODES or lemma_of(slot.head) in PERSON_VERBS)


def _by_voice(
    clause: Clause, verb: Token, preps: frozenset[str], r: Rules
) -> tuple[list[Token], list[Token], bool]:
    """(actor heads, recipient heads, passive): a passive's subject is acted on and its
    by-agents act; a victim verb's subject is the victim ("a prisoner died of torture")."""
    subj, passive = subject(verb)
    recipients = [t for t in recipient_objects(verb, preps, r) if t.i != clause.head.i]
    if passive:
        actors = agents(verb)
        clause.split = len(expand(actors)) > 1 and not _joint_act(clause)
        return actors, subj + recipients, True
    if lemma_of(verb) in VICTIM_VERBS:
        return [], subj, False
    return subj, recipients, False


# CAMEO 057 "sign formal agreement": its signatories sign together, whatever the text
# signed ("a ceasefire accord was signed by X and Y": RETREAT).
JOINT_CODES = frozenset({"057"})
SIGNING = frozenset({"sign", "ink", "initial", "countersign"})


def _joint_act(clause: Clause) -> bool:
    """An act its by-agents do together ("the accord was signed by X and Y", "talks
    were held by X and Y"): one event with all of them as actors, as in the active
    voice ("X and Y signed the accord"); acts each agent does alone ("backed by A, B
    and C") give one event each."""
    entry = clause.entry
    return entry is not None and (
        has_flag(entry.event_type, "symmetric") or entry.cameo in JOINT_CODES
        or lemma_of(clause.anchor) in SIGNING)


def _unnamed_recipients(
    clause: Clause, verb: Token, preps: frozenset[str], r: Rules, counterpart: bool
) -> list[Token]:
    """Recipients when no object names one: whom the thing acted on concerns, the
    complement's recipient, or (`counterpart`: active, with an actor) the counterpart
    of an act that names no addressee ("signed a protocol with X", "welcomed memos
    from X"; things and places are no counterpart)."""
    recipients = _object_recipients(clause, verb, preps, r)
    if not recipients and clause.inner is not None:
        recipients = _inner_recipients(clause, r)
    if not recipients and counterpart:
        recipients = participants(
            [t for t in objects(verb, COUNTERPART_PREPS, r) if t.dep_ == "pobj"], r
        )
    return recipients


def _typed_recipients(clause: Clause, verb: Token, r: Rules) -> list[Token]:
    """Recipients some types find elsewhere: whom a protest is against, whom a threat's
    condition names, the country force is used in (`force_on_country`)."""
    etype = clause.entry.event_type if clause.entry is not None else None
    recipients: list[Token] = []
    if etype == "PROTEST":
        recipients = _protest_target(verb, clause.actors, r)
    if not recipients and etype == "THREATEN":
        recipients = _condition_subject(clause.inner or verb, r) or _condition_subject(
            verb, r) or _complement_parties(verb, r)
    if not recipients and has_flag(etype, "force_on_country"):
        recipients = _country_in(clause.inner or verb, r)
    if not recipients and etype is not None:
        recipients = _destination(verb, r)
    return recipients


# Verbs of sending or going whose purpose clause is an act done where they lead.
ERRAND_VERBS = frozenset({"send", "dispatch", "despatch", "travel", "fly", "go", "head", "come"})


def _destination(verb: Token, r: Rules) -> list[Token]:
    """ "sent an envoy to Beirut to push for a ceasefire": the purpose of an errand is
    addressed to the country it leads to (a named place; `code_actor` gives its country)."""
    head = verb.head
    purpose = verb.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not purpose or lemma_of(head) not in ERRAND_VERBS:
        return []
    found = [g for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
             for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"]
    return participants(found, r)


def _object_recipients(clause: Clause, verb: Token, preps: frozenset[str], r: Rules) -> list[Token]:
    """Whom an act on a thing concerns: "imposed sanctions on X", "granted asylum to X",
    "rejected an offer from X", "denounced Serbia's suppression", "broke relations with X",
    "rejected a United Nations appeal", "the blockade of Serbia"."""
    # each conjunct: "launched artillery, mortar and rocket fire against X"
    things = expand([c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")])
    if clause.head is not verb and clause.head not in things:
        things.append(clause.head)  # "engaged in talks with X": the carried noun
    things += [  # "conceded to demands from UNITA", "respond to a demand from the US"
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for thing in things:
        found = _thing_recipients(thing, r)
        if found:
            return found
    return []


def _thing_recipients(thing: Token, r: Rules) -> list[Token]:
    """Whom a thing concerns, through its "of" chain: "a resumption of ties with X"."""
    obj: Token | None = thing
    for _ in range(3):
        if obj is None or is_actorish(obj, r):
            return []
        found = _concerned(obj, r)
        if found:
            return found
        obj = _of_object(obj)
    return []


def _concerned(obj: Token, r: Rules) -> list[Token]:
    """Whom one thing concerns: an act's author ("Serbia's crackdown") before whom it
    concerns; a thing's addressee ("ties with X", "offer from X") before its owner."""
    attached = _addressees(obj, r)
    act = lookup(obj) is not None
    owners = [
        c
        for c in obj.lefts
        if c.dep_ == "poss"
        or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
            and not (act and _venue_name(c)))
    ]
    owned = participants(owners, r)
    return (owned or attached) if act else (attached or owned)


def _venue_name(token: Token) -> bool:
    """ "resumed the Jeddah talks", "rejoined the Paris accord": a city named on an act
    noun is where it was held or signed, not a party to it; a country name or adjective
    ("the Iran talks", "Turkish support") still is one, and so is a capital as owner
    ("Moscow's offensive")."""
    if token.dep_ != "compound" or token.ent_type_ != "GPE":
        return False
    ref = actor_tables().country(token.text)  # a capital ("the Minsk accords") is a city too
    return ref is None or ref.kind == "capital"


def _addressees(obj: Token, r: Rules) -> list[Token]:
    """The parties attached to a thing by a recipient preposition, else by the agent of
    a participle on it ("memos sent by Bree", "an offer made by X")."""
    entry = lookup(obj)
    wanted = recipient_preps(entry, r) | OBJECT_PREPS
    if entry is not None and has_flag(entry.event_type, "happens_at_place"):
        wanted -= TOPIC_PREPS  # "talks on aid for Ukraine": the topic, not the counterpart
    attached = participants([t for t in objects(obj, wanted, r) if t.dep_ == "pobj"], r)
    if attached:
        return attached
    return participants([a for c in obj.children if c.dep_ == "acl" for a in agents(c)], r)


def _of_object(token: Token) -> Token | None:
    """The object of the token's "of" phrase, if any."""
    return next(
        (g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
         for g in c.children if g.dep_ == "pobj"),
        None,
    )


def _condition_subject(verb: Token, r: Rules) -> list[Token]:
    """Whom a threat targets: the subject of its condition ("... unless the Kremlin closes
    its base", "if the United States goes ahead")."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children
        ):
            return participants(subject(child)[0], r, as_subject=True)
    return []


def _complement_parties(verb: Token, r: Rules) -> list[Token]:
    """Whom a vow is aimed at: the party its complement acts on ("vowed to defeat the
    group", "pledged to crush the rebels")."""
    return participants([c for x in verb.children if x.dep_ == "xcomp" and x.pos_ == "VERB"
                         for c in x.children if c.dep_ in ("dobj", "obj")], r)


def _country_in(verb: Token, r: Rules) -> list[Token]:
    """ "attacks in Israel": a country (not a town) where force is used is its target;
    `code_actor` turns towns away."""
    found = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("in", "inside")
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ == "GPE"
    ]
    return participants(found, r)


def _protest_target(verb: Token, actors: list[Token], r: Rules) -> list[Token]:
    """Whom a protest is against: the first named party in what it demands or opposes
    ("to demand the resignation of President X", "in protest of Sweden's decision")."""
    for token in verb.subtree:
        if token.i <= verb.i or token in actors:
            continue
        if (token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS) or _qualifies_place(
                token):
            continue  # "in Jakarta", "in Kenya's capital Nairobi" is where, not whom
        if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and token.dep_ != "compound":
            return participants([token], r)
    return []


def _qualifies_place(token: Token) -> bool:
    """A place name that says where another place is: "Kenya's capital", "Nairobi,
    Kenya" inside a phrase of where ("at a prison in Kenya's capital Nairobi")."""
    from resgestae.coding.places import place_nouns

    head = token.head
    return token.ent_type_ == "GPE" and token.dep_ in ("poss", "appos", "compound") and (
        head.lemma_.lower() in place_nouns()
        or (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS))


def _inner_recipients(clause: Clause, r: Rules) -> list[Token]:
    """The complement's recipient: "threatened to attack Turkish forces"."""
    inner = clause.inner
    clause.trigger.append(inner)
    inner_preps = recipient_preps(clause.inner_entry, r)
    if inner.dep_ == "ccomp" or for_clause(inner):
        # "indicated it would act against Libya": a pronoun there is the speaker again
        heads = [t for t in subject(inner)[0] if t.pos_ != "PRON"]
        found = participants(heads, r, as_subject=True)
        return found or participants(recipient_objects(inner, inner_preps, r), r)
    return participants(recipient_objects(inner, inner_preps, r), r) or _object_recipients(
        clause, inner, inner_preps, r
    )
