"""Roles: the actor and recipient heads of a clause, by voice, through the things
it acts on, its complement, a threat's condition or a protest's demand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from resgestae.coding.arguments import (
    agents,
    expand,
    is_actorish,
    objects,
    participants,
    recipient_objects,
    recipient_preps,
    subject,
)
from resgestae.coding.event_types import lemma_of, lookup
from resgestae.coding.rules import Rules
from resgestae.coding.targets import PLACE_PREPS
from resgestae.plover import has_flag

if TYPE_CHECKING:
    from resgestae.coding.clauses import Clause


VICTIM_VERBS = frozenset({"die", "perish"})




# Prepositions on an object noun whose object is the recipient ("offer from", "ties with").
OBJECT_PREPS = frozenset({"for", "between", "from", "by", "with", "of", "against", "on", "to"})


COUNTERPART_PREPS = frozenset({"with", "from"})


def attach_arguments(clause: Clause, r: Rules) -> None:
    """Actor and recipient heads, by voice; an opaque head's object or its complement's."""
    verb = clause.anchor
    subj, passive = subject(verb)
    preps = recipient_preps(clause.entry, r)
    recipients = [t for t in recipient_objects(verb, preps, r) if t.i != clause.head.i]
    if passive:
        actors = agents(verb)
        recipients = subj + recipients
        clause.split = len(expand(actors)) > 1
    elif lemma_of(verb) in VICTIM_VERBS:
        actors, recipients = [], subj  # "a prisoner died of torture": the victim
    else:
        actors = subj
    recipients = participants(recipients, r)
    if not recipients:
        recipients = _object_recipients(clause, verb, preps, r)
    if not recipients and clause.inner is not None:
        recipients = _inner_recipients(clause, r)
    if not recipients and not passive and actors:
        # the counterpart of an act that names no addressee: "signed a protocol with
        # X", "welcomed memos from X" (things and places are no counterpart)
        recipients = participants(
            [t for t in objects(verb, COUNTERPART_PREPS, r) if t.dep_ == "pobj"], r
        )
    clause.actors = participants(actors, r, as_subject=True)
    etype = clause.entry.event_type if clause.entry is not None else None
    if not recipients and etype == "PROTEST":
        recipients = _protest_target(verb, clause.actors, r)
    if not recipients and etype == "THREATEN":
        recipients = _condition_subject(clause.inner or verb, r) or _condition_subject(verb, r)
    if not recipients and has_flag(etype, "force_on_country"):
        recipients = _country_in(clause.inner or verb, r)
    clause.recipients = recipients


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
        wanted = recipient_preps(lookup(obj), r) | OBJECT_PREPS
        attached = participants([t for t in objects(obj, wanted, r) if t.dep_ == "pobj"], r)
        if not attached:  # "memos sent by Bree", "an offer made by X"
            attached = participants(
                [a for c in obj.children if c.dep_ == "acl" for a in agents(c)], r
            )
        owners = [
            c
            for c in obj.lefts
            if c.dep_ == "poss"
            or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"))
        ]
        owned = participants(owners, r)
        # an act's author ("Serbia's crackdown") before whom it concerns; a thing's
        # addressee ("ties with X", "offer from X") before its owner
        found = (owned or attached) if lookup(obj) is not None else (attached or owned)
        if found:
            return found
        obj = next(
            (g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"),
            None,
        )
    return []


def _condition_subject(verb: Token, r: Rules) -> list[Token]:
    """Whom a threat targets: the subject of its condition ("... unless the Kremlin closes
    its base", "if the United States goes ahead")."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children
        ):
            return participants(subject(child)[0], r, as_subject=True)
    return []


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
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
            continue  # "in Jakarta" is where, not whom
        if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and token.dep_ != "compound":
            return participants([token], r)
    return []


def _inner_recipients(clause: Clause, r: Rules) -> list[Token]:
    """The complement's recipient: "threatened to attack Turkish forces"."""
    inner = clause.inner
    clause.trigger.append(inner)
    inner_preps = recipient_preps(clause.inner_entry, r)
    if inner.dep_ == "ccomp":
        # "indicated it would act against Libya": a pronoun there is the speaker again
        heads = [t for t in subject(inner)[0] if t.pos_ != "PRON"]
        found = participants(heads, r, as_subject=True)
        return found or participants(recipient_objects(inner, inner_preps, r), r)
    return participants(recipient_objects(inner, inner_preps, r), r) or _object_recipients(
        clause, inner, inner_preps, r
    )
