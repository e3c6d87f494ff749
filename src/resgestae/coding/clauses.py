"""Clauses: find the event clauses of a sentence in its dependency parse.

A clause is one event candidate: the word that expresses it (a verb, or a noun
carried by a light verb, a possessive or a "by" phrase), the verbs that frame it
(intention "plans to", expectation "is expected to", aspect "began to"), the
reporting verb above it ("X said ..."), and the noun phrases that are its actor
and recipient. Reporting verbs are never events; "threatened to attack" is one
clause, THREATEN, whose inner verb only refines the mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from resgestae.coding.arguments import (
    SUBJECTS,
    agents,
    objects,
    participants,
    recipient_preps,
    subject,
)
from resgestae.coding.background import (
    by_market_force,
    by_natural_force,
    counted_event,
    in_sport,
    is_condition,
    is_description,
    is_earlier_act,
    met_demand,
    misread_participle_root,
    says_content,
    supported_noun,
)
from resgestae.coding.event_types import Entry, accident, curated_lookup, lemma_of, lookup
from resgestae.coding.frames import (
    for_clause,
    frame_of,
    inner_event,
    is_governing,
    is_infinitive,
    is_opaque,
    is_verb,
)
from resgestae.coding.imputed import imputed_agents
from resgestae.coding.roles import attach_arguments
from resgestae.coding.rules import Rules, rules
from resgestae.coding.topics import WEIGHED_BY, in_topic, protest_head, typed_verb
from resgestae.plover import has_flag, quad_class

# Verbs that name who heads a party ("a delegation led by X", "a team headed by Y").
LEADING = frozenset({"lead", "head"})
# The two PLOVER types of CAMEO's root 08 "Yield" (CAMEO2PLOVER-2021.txt:70-97).
YIELDING = frozenset({"CONCEDE", "RETREAT"})
# Participles that name what a yielding act sets free ("unfroze the assets, releasing ...").
RELEASING = frozenset({"release", "free", "unlock"})
# Verbs of helping another party act (see `_helped_act`).
HELPERS = frozenset({"help", "assist"})


@dataclass
class Clause:
    """One event candidate in a sentence."""

    head: Token  # the word whose lexicon entry types the event
    anchor: Token  # the verb (or noun) whose arguments are actor and recipient
    entry: Entry | None
    trigger: list[Token]
    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    governors: list[Token] = field(default_factory=list)  # framing verbs above, nearest first
    reporter: Token | None = None
    inner: Token | None = None  # the complement of an opaque head ("to attack")
    inner_entry: Entry | None = None
    nominal: bool = False
    split: bool = False  # one event per actor ("backed by A, B and C")
    keywords: list[str] = field(default_factory=list)  # the sentence's context keywords
    multilateral: bool = False  # the sentence speaks of a summit, a conference, an IGO


def _skip_verb(token: Token, r: Rules) -> bool:
    """Verbs that are never an event clause of their own."""
    if token.dep_ in ("amod", "aux", "auxpass", "compound"):
        return True
    if misread_participle_root(token):
        return True  # "Rebel leaders, gathered in the camps, rejected ...": a description
    head = token.head
    if token.dep_ == "conj" and is_verb(head) and not misread_participle_root(head):
        return _skip_verb(head, r)
    return _framed(token, head, r) or _background(token, head, r)


# Opaque verbs whose complement, set before them, the sentence has already told as done:
# "X accused Y of buying votes, a charge officials denied" (the parse makes the
# accusation what is denied).
FRONTED_ASSERTED = frozenset({"deny"})


def _weighed_on_condition(head: Token, r: Rules) -> bool:
    """A verb of weighing an act (CAMEO 014, no event) held out as a threat: with
    will/would/could and an "if/unless" clause of its own ("would consider barring imports
    if Vilnius goes ahead")."""
    return lemma_of(head) in WEIGHED_BY and any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "could") for c in head.children
    ) and any(is_condition(c, r) for c in head.children)


def _framed(token: Token, head: Token, r: Rules) -> bool:
    """A verb another verb frames: a complement, a purpose, a description, a demand."""
    act = caller_act(head, r)
    if act is not None and act.i == token.i:
        return False  # "called Erdogan to apologize": the caller's own act
    if token.i == _helped_act(head):
        return True  # "helped Kenya train its police": the help is the event
    if token.dep_ in ("xcomp", "ccomp") and is_verb(head) and is_opaque(head, r) \
            and not (token.i < head.i and lemma_of(head) in FRONTED_ASSERTED) \
            and not _weighed_on_condition(head, r):
        return True
    if token.dep_ == "pcomp" and head.dep_ == "prep" and is_opaque(head.head, r):
        return True
    if (
        token.dep_ == "advcl"
        and is_infinitive(token)
        and (typed_verb(head, r) or _light_object(head, r))
    ):
        return True  # purpose clauses ("staged a strike to demand reforms")
    if _describing_participle(token):
        return True
    # "reiterated its demand that Israel ease ...", "repeated its call for the rebels to
    # lay down arms": what is demanded
    content = token.dep_ == "ccomp" or (token.dep_ == "advcl" and is_infinitive(token))
    return content and _verbal_object(head) is not None


def _describing_participle(token: Token) -> bool:
    """A past participle describing a noun, not an act: "a letter handed over to the UN"
    (no agent), "a delegation led by the deputy minister" (who heads a party)."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and (
        not agents(token) or lemma_of(token) in LEADING)


def _background(token: Token, head: Token, r: Rules) -> bool:
    """Background: a condition, or the earlier act another reacts to; an earlier act that
    moved people to protest is coded (PLOVER manual, PROTEST: "an earlier arrest")."""
    responds = _responding_act(head, r) and not protest_head(head)
    if is_condition(token, r) or is_earlier_act(token, r, responds) or met_demand(token):
        return True  # met_demand: "X agreed to talks, as Y had demanded": Y's past demand
    if token.dep_ in ("ccomp", "xcomp") and head.dep_ == "advcl" and is_verb(head) \
            and (is_condition(head, r) or is_earlier_act(head, r, False)):
        return True  # "... once inspectors confirm that the country has tightened ...":
        # what a condition or a later act says is no more done than the clause itself
    if token.dep_ == "xcomp" and lemma_of(head) in r.transparent and is_condition(head, r):
        return True  # "... if Madrid continued to host him": the condition's own act
    if is_description(token) and _reports_act(_clause_verb(head), r):
        return True  # a relative clause describing a party of the reported act
    if is_description(token) and says_content(token):
        return True  # "ignored a ruling ordering the release": what the ruling says
    return in_topic(token, r)


def _clause_verb(token: Token) -> Token:
    """The nearest verb at or above a token: the clause a noun belongs to."""
    current = token
    for _ in range(6):
        if is_verb(current) or current.head is current:
            return current
        current = current.head
    return current


def _responding_act(verb: Token, r: Rules) -> bool:
    """The verb reports a conflictual act (QuadClass 3 or 4) that can answer another."""
    entry = act_entry(verb, r)
    return entry is not None and quad_class(entry.cameo, entry.event_type) in (3, 4)


def act_entry(verb: Token, r: Rules) -> Entry | None:
    """The lexicon entry of the act a verb reports: its event noun's ("imposed a
    blockade") or its own; None for a word that is no verb."""
    if not is_verb(verb):
        return None
    noun = _light_object(verb, r)
    return lookup(noun) if noun is not None else lookup(verb)


def _reports_act(verb: Token, r: Rules) -> bool:
    """The verb reports an act of its own (typed, or carrying an event noun)."""
    return is_verb(verb) and (typed_verb(verb, r) or _light_object(verb, r) is not None)


def _verbal_object(verb: Token) -> Token | None:
    """The verbal-act noun a verb carries ("reiterated its demand", "issued a call"),
    whose content a following "that" clause is."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            entry = lookup(child)
            if entry is not None and has_flag(entry.event_type, "verbal_act"):
                return child
    return None


def _content_subject(noun: Token, r: Rules) -> list[Token]:
    """Whom a demand is made of: the subject of its "that" clause, on the noun or on
    the verb that carries it ("its demand that Israel ease ...")."""
    holders = [noun] + ([noun.head] if noun.dep_ in ("dobj", "obj") else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("ccomp", "acl") and child.i > noun.i and is_verb(child):
                heads = [t for t in subject(child)[0] if t.pos_ != "PRON"]
                found = participants(heads, r, as_subject=True)
                if found:
                    return found
    return []


def _same_act(token: Token, entry: Entry | None, r: Rules) -> bool:
    """A result participle of the same type ("shelled the town, killing 20") is one act."""
    head = token.head
    if token.dep_ != "advcl" or token.tag_ != "VBG" or entry is None or not is_verb(head):
        return False
    if any(c.dep_ in SUBJECTS for c in token.children):
        return False
    if accident(head):
        return True  # "a plane crashed, killing 12": the deaths are the accident's
    head = _reported_act(head, r)
    head_entry = lookup(head) or (
        lookup(_light_object(head, r)) if _light_object(head, r) else None
    )
    if head_entry is None:
        return False
    # "withdrew from Badme, ending the occupation", "lifted the curfew, easing the
    # restrictions": within CAMEO's root 08 "Yield" the participle restates the act;
    # "unfroze the assets, releasing $1 billion": what a yielding act sets free is its
    # result, not aid of its own
    if head_entry.event_type in YIELDING and lemma_of(token) in RELEASING:
        return True
    return head_entry.event_type == entry.event_type or {head_entry.event_type,
                                                         entry.event_type} <= YIELDING


def _reported_act(head: Token, r: Rules) -> Token:
    """The act a reporting verb reports, when a participle hangs on the reporting verb
    ("Ethiopia restored internet access, state media said, ending a shutdown"): the parser
    attaches the participle to "said", but what it restates is the reported act."""
    if lemma_of(head) not in r.reporting or lookup(head) is not None:
        return head
    reported = [c for c in head.children if c.dep_ in ("ccomp", "parataxis") and is_verb(c)]
    if head.dep_ in ("parataxis", "ccomp") and is_verb(head.head):
        reported.append(head.head)  # "..., she said, ..." hung below the act
    return reported[0] if reported else head


def _worth_a_look(token: Token, lemma: str, r: Rules) -> bool:
    """An untyped verb can still matter: it frames or carries an event, or the
    classifier may type it (main-line verbs), or "must" makes it a request."""
    if lemma in r.light or lemma in r.opaque or is_governing(token, r):
        return True
    if any(c.dep_ == "aux" and c.lower_ in r.modal_obligation for c in token.children):
        return True
    return token.dep_ in ("ROOT", "ccomp", "conj", "xcomp", "parataxis")


def caller_act(token: Token, r: Rules) -> Token | None:
    """The typed act a caller phoned someone to do himself ("called Erdogan to
    apologize", "phoned his counterpart to express his support"): the call carries that
    act, which is the event (PLOVER_MANUAL.tex:370 CONSULT by phone; the content of the
    call is coded for what it is, l.376); "called X to resign" or "called on X to ..."
    ask X to act and stay requests."""
    if lemma_of(token) not in r.calls or not any(c.dep_ in ("dobj", "obj", "oprd")
                                                 for c in token.children):
        return None
    if any(c.dep_ == "prep" and (c.lower_ == "for" or (c.lower_ in ("on", "upon")
                                                       and c.i == token.i + 1))
           for c in token.children):
        return None  # "called on X to", "called for X to": asks someone to act
    for child in token.children:
        if (child.dep_ in ("xcomp", "advcl") and is_infinitive(child)
                and lemma_of(child) in r.caller_acts
                and (lookup(child) is not None or _light_object(child, r) is not None)):
            return child
    return None


def verb_clause(token: Token, r: Rules) -> Clause | None:
    """The clause a verb heads, or None when it frames or reports another."""
    lemma = lemma_of(token)
    if caller_act(token, r) is not None:
        return None  # the act the caller phoned to do is the event
    entry = lookup(token)
    if entry is None and not _worth_a_look(token, lemma, r):
        return None  # cheap exit: most verbs in news are no event at all
    if _no_clause_of_its_own(token, lemma, entry, r):
        return None
    if (is_governing(token, r) and lemma not in r.opaque and _helped_act(token) is None
            and not (entry and entry.tests)):
        # (a governor the lexicon reads in context is its own act: "used water cannon to
        # disperse them" is the crowd control, CAMEO 175, the dispersal its purpose)
        inner, inner_entry = inner_event(token, r)
        if inner is not None and (inner_entry is not None or entry is None
                                  or _light_object(inner, r) is not None):
            # the complement is the event ("vowed to hold talks": the talks' noun types
            # it); it carries this verb as governor
            return None
    light = _light_object(token, r) or _promised_act(token, entry, r)
    if light is not None and (entry is None or not entry.tests):
        return _light_clause(token, light, r)
    return _own_clause(token, entry, r)


def _helped_act(token: Token) -> int | None:
    """The index of another party's act a verb of help frames ("helped Kenya train its
    police", "pledged to help Lebanon rebuild"): a complement with a subject of its own.
    Helping someone act is the helper's cooperation or aid (CAMEO 03 "express intent to
    cooperate", 06, 07), not the helped party's act done by the helper; "helped to
    negotiate the truce" (no other subject) passes the act through."""
    if lemma_of(token) not in HELPERS:
        return None
    for child in token.children:
        if child.dep_ == "ccomp" and is_verb(child) and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in child.children
        ):
            return child.i
    return None


def _own_clause(token: Token, entry: Entry | None, r: Rules) -> Clause:
    """The clause of a verb that is its own event word, with its complement, frame and
    arguments."""
    clause = Clause(head=token, anchor=token, entry=entry, trigger=[token])
    clause.trigger.extend(c for c in token.children if c.dep_ == "prt")
    if is_opaque(token, r):
        clause.inner, clause.inner_entry = inner_event(token, r)
    if clause.inner is None and entry is not None and entry.mode == "phone":
        clause.inner, clause.inner_entry = _call_purpose(token)
    _attach_frame(clause, r)
    attach_arguments(clause, r)
    if not clause.recipients and caller_act(token.head, r) is not None:
        clause.recipients = _callee(token.head, r)  # "called Erdogan to apologize"
    if not clause.actors:  # "were guilty of violating the truce"
        clause.actors = participants(imputed_agents(token), r, as_subject=True)
    return clause


def _callee(call: Token, r: Rules) -> list[Token]:
    """Whom a call reached: the object of "called X to ..."."""
    return participants([c for c in call.children if c.dep_ in ("dobj", "obj", "oprd")], r)


def _call_purpose(verb: Token) -> tuple[Token | None, Entry | None]:
    """The typed act a phone call was made for ("called Aoun on Tuesday to congratulate
    him"): an infinitive the parse hangs on the call as a purpose clause."""
    for child in verb.children:
        if child.dep_ == "advcl" and is_infinitive(child):
            entry = lookup(child)
            if entry is not None:
                return child, entry
    return None, None


def _no_clause_of_its_own(token: Token, lemma: str, entry: Entry | None, r: Rules) -> bool:
    """A verb that frames, reports or repeats another act, or a natural force's doing."""
    return (
        _skip_verb(token, r)
        or (lemma in r.reporting and entry is None)
        or _same_act(token, entry, r)
        or (token.dep_ == "conj" and _same_act(token.head, entry, r))
        or by_natural_force(token, r)
        or by_market_force(token, r)
        or in_sport(token, r)
        or _quoted_naming(token)
        # an act only weighed (CAMEO 014): no event, unless held out on a condition (the
        # CAMEO.2.0 breadth patterns read "weighing sanctions" as a threat; PLOVER drops 014)
        or (lemma in WEIGHED_BY and curated_lookup(token) is None
            and not _weighed_on_condition(token, r))
    )


# Verbs of naming, whose "what" object makes a free relative that quotes a party's words.
NAMING = frozenset({"call", "term", "describe", "label", "dub", "brand", "characterize",
                    "characterise"})


def _quoted_naming(token: Token) -> bool:
    """ "expelled two diplomats over what it called hostile acts", "condemned what it
    termed an attack": the free relative names the thing the act is about, in the
    actor's words; the naming is no act of its own (no CAMEO 100 call, no 112
    accusation: the main act carries the grounds). "what it called for" (a request's
    content, "what" under "for") is not one."""
    return lemma_of(token) in NAMING and any(
        c.dep_ in ("dobj", "obj") and c.lower_ == "what" for c in token.children)


def _light_object(token: Token, r: Rules) -> Token | None:
    """The event noun a light or support verb carries ("held talks", "revived talks",
    "engaged in talks"), or None."""
    lemma = lemma_of(token)
    if lemma in r.light or lemma in r.support:
        for child in token.children:
            if child.dep_ in ("dobj", "obj", "nsubjpass"):
                if lookup(child) is not None:
                    return child
                for grand in child.children:  # "launched a mediation effort"
                    if grand.dep_ == "compound" and lookup(grand) is not None:
                        return grand
                counted = counted_event(child)  # "began a new round of joint exercises"
                if counted is not None:
                    return counted
    if lemma == "be":
        return _visit_under_way(token)
    return supported_noun(token) if lemma in r.support_prep else None


def _visit_under_way(copula: Token) -> Token | None:
    """The visit or talks a subject "is on" or "is in" ("is on a three-day visit to
    Algeria", "are in talks with the rebels"): the subject is taking part (CAMEO 042,
    040); so is one "on strike" or "on hunger strike" (CAMEO 142, 143). Only these:
    "is under attack" or "is under sanctions" say what the subject suffers, not what it
    does."""
    noun = supported_noun(copula)
    if noun is None or noun.head.lower_ not in ("on", "in"):
        return _errand(copula)
    entry = lookup(noun)
    if entry is None:
        return None
    striking = entry.event_type == "PROTEST" and noun.head.lower_ == "on"
    return noun if entry.event_type == "CONSULT" or striking else None


def _errand(copula: Token) -> Token | None:
    """ "was in New Delhi for talks", "is due in Nairobi for a working visit": a subject
    in a place for a consultation is there on it (CAMEO 042 "Make a visit")."""
    holders = [copula, *(c for c in copula.children if c.dep_ == "acomp")]
    if not any(c.dep_ == "prep" and c.lower_ in ("in", "at") for h in holders
               for c in h.children):
        return None
    nouns = [g for c in copula.children if c.dep_ == "prep" and c.lower_ == "for"
             for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        entry = lookup(noun)
        if entry is not None and entry.event_type == "CONSULT":
            return noun
    return None


def _promised_act(token: Token, entry: Entry | None, r: Rules) -> Token | None:
    """The verbal act a promise verb performs ("offered scathing criticism", "pledged its
    full support"): offering or pledging a verbal act is doing it, so the noun's type
    wins (PLOVER_MANUAL.tex:348 AGREE is willingness "to cooperate"; l.413 SUPPORT is
    "express support for"; l.618 ACCUSE). A promise of material help ("pledged $5
    million in aid") or of a meeting stays AGREE (l.348, l.376, l.518)."""
    if lemma_of(token) not in r.promise or entry is None or entry.event_type != "AGREE":
        return None
    for child in token.children:
        if child.dep_ in ("dobj", "obj"):
            found = lookup(child)
            if (found is not None and found.event_type != "AGREE"
                    and has_flag(found.event_type, "verbal_act")):
                return child
    return None


def _light_clause(verb: Token, noun: Token, r: Rules) -> Clause:
    clause = Clause(head=noun, anchor=verb, entry=lookup(noun), trigger=[verb, noun])
    clause.trigger.extend(
        c for c in noun.children if c.dep_ == "compound" and lookup(c) is not None
    )
    # "renewed its call for NATO to deploy jets": NATO is asked (its complement's subject)
    asked = [c for c in (*noun.children, *verb.children) if c.i > noun.i and for_clause(c)]
    if asked:
        clause.inner, clause.inner_entry = asked[0], lookup(asked[0])
    _attach_frame(clause, r)
    attach_arguments(clause, r)
    return clause


def _attach_frame(clause: Clause, r: Rules) -> None:
    governors, reporter, _top = frame_of(clause.anchor, r)
    clause.governors = governors
    clause.reporter = reporter
    clause.trigger.extend(governors)


def noun_clause(token: Token, r: Rules) -> Clause | None:
    """A nominal event with its own actor: "Akar's visit to Tripoli", "the offensive by
    Haftar", "Turkish support for the GNA", "announced sanctions"."""
    if token.dep_ == "compound":
        return None
    entry = lookup(token)
    if entry is None:
        return None
    stray = _stray_by_agents(token)
    if in_topic(token, r) and not (stray and _own_date(token)):
        return None
    preps = recipient_preps(entry, r) | {"for", "of"}
    aimed = participants(objects(token, preps, r), r)  # "sanctions on X", "killing of X"
    targets = _sanctioned(token, entry, bool(aimed))
    actors = participants([t for t in _noun_agents(token, stray) if t not in targets], r,
                          as_subject=True)
    if not actors and targets:
        actors = _sanction_sender(token, r) or participants(targets, r, as_subject=True)
        targets = [] if set(actors) & set(targets) else targets
    if not actors:
        actors = _support_verb_actors(token, entry, r)
    if not actors and _occurs(token):
        return _occurrence(token, entry, r)
    if not actors:
        return _patient_only(token, entry, r)
    # with its agent named ("the United States' killing of Soleimani"), the "of"
    # object of an event noun is the one it falls on
    recipients = aimed or participants(targets, r)
    if not recipients and has_flag(entry.event_type, "addressee_in_content"):
        recipients = _content_subject(token, r)
    clause = Clause(
        head=token,
        anchor=token,
        entry=entry,
        trigger=[token],
        actors=actors,
        recipients=recipients,
        nominal=True,
    )
    _attach_frame(clause, r)
    return clause


def _noun_agents(token: Token, stray: list[Token]) -> list[Token]:
    """Who does what an event noun names, in order: its possessor, the stray by-agents
    (`_stray_by_agents`), its "by" object, its people or country modifier."""
    possessors = [c for c in token.children if c.dep_ == "poss"]
    by = [
        g
        for c in token.children
        if c.dep_ in ("prep", "agent") and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    mods = [
        c
        for c in token.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
    ]
    return possessors + stray + by + mods + _force_modifiers(token) + imputed_agents(token)


def _sanctioned(token: Token, entry: Entry, aimed: bool) -> list[Token]:
    """ "new Iran sanctions", "an Iran oil embargo": a country name compounded on a
    sanction noun is whom it falls on when another sender is named (`_sanction_sender`,
    a possessor or "by" agent); alone, or with whom it falls on named (`aimed`: "Iran
    sanctions on Israel", "announced US sanctions on Moscow"), it is the sender."""
    if entry.event_type != "SANCTION" or aimed:
        return []
    return [c for c in token.children if c.dep_ == "compound" and c.ent_type_ == "GPE"]


def _sanction_sender(token: Token, r: Rules) -> list[Token]:
    """ "Washington announced new Iran sanctions": the subject of the verb (of no event
    of its own) whose object the sanction noun is sends it."""
    head = token.head
    if token.dep_ not in ("dobj", "obj") or not is_verb(head) or lookup(head) is not None:
        return []
    return participants(subject(head)[0], r, as_subject=True)


def _force_modifiers(token: Token) -> list[Token]:
    """Who does what an event noun names, by its modifiers: an armed or ruling actor noun
    ("a rebel attack", "the police crackdown"), or the name before "-led" ("a Saudi-led
    strike"; "-backed" names a supporter, not the doer)."""
    forces = rules().force_modifiers
    found = [c for c in token.children
             if c.dep_ in ("amod", "compound") and lemma_of(c) in forces]
    for led in token.children:
        if led.dep_ == "amod" and led.lower_ == "led":
            found.extend(c for c in led.children if c.dep_ in ("npadvmod", "compound")
                         and c.ent_type_ in ("NORP", "GPE", "ORG"))
    return found


def _carried_by_verb(token: Token, entry: Entry, r: Rules) -> bool:
    """An event noun that is the object of a light verb ("launched an offensive") or of
    a reporting verb for a verbal act ("reiterated its demand"): the verb's subject acts."""
    head = token.head
    if token.dep_ not in ("dobj", "obj") or not is_verb(head) or lookup(head) is not None:
        return False
    lemma = lemma_of(head)
    return lemma in r.light or (lemma in r.reporting and has_flag(entry.event_type, "verbal_act"))


def _support_verb_actors(token: Token, entry: Entry, r: Rules) -> list[Token]:
    """Who does what an event noun names when a verb of no event of its own carries it:
    the verb's subject ("launched an offensive"), or its "by" agent in the passive."""
    if _carried_by_verb(token, entry, r):
        return participants(subject(token.head)[0], r, as_subject=True)
    if _carried_by_passive(token, r):
        return participants(_by_agents(token.head), r, as_subject=True)
    return []


def _carried_by_passive(token: Token, r: Rules) -> bool:
    """ "a ban on rallies was announced by the ministry": an event noun that is the
    passive subject of a light verb of no event of its own is done by that verb's "by"
    agent, as in the active ("the ministry announced a ban")."""
    head = token.head
    return (token.dep_ == "nsubjpass" and is_verb(head) and lookup(head) is None
            and lemma_of(head) in r.light)


def _by_agents(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children
            if g.dep_ == "pobj"]


def _patient_only(token: Token, entry: Entry, r: Rules) -> Clause | None:
    """ "the assassination of Qasem Soleimani": an attack or an arrest named by its
    victim alone is an event with no known actor, as "Soleimani was killed" is."""
    if not has_flag(entry.event_type, "named_by_victim"):
        return None
    named = [g for g in _of_objects(token) if g.ent_type_ in ("PERSON", "ORG")]
    recipients = participants(named, r)
    if not recipients:
        return None
    clause = Clause(head=token, anchor=token, entry=entry, trigger=[token],
                    actors=[], recipients=recipients, nominal=True)
    _attach_frame(clause, r)
    return clause


# Verbs that say an event happened, with the event noun as subject ("protests erupted",
# "clashes broke out", "talks took place", "talks were held").
OCCURRENCE_VERBS = frozenset({"erupt", "occur", "flare", "rage", "resume", "spread", "unfold",
                              "escalate", "intensify", "continue", "begin", "start", "hold",
                              # what a strike or riot does to a place ("a general strike
                              # paralysed Buenos Aires", "protests rocked the capital")
                              "paralyse", "paralyze", "cripple", "grip", "sweep", "rock"})
# ... and with the word after them ("a truce took effect", "took hold", "came into force")
OCCURRENCE_PARTICLES = {"break": ("out",), "take": ("place", "effect", "hold"), "flare": ("up",),
                        "kick": ("off",), "get": ("underway",), "come": ("into",),
                        "go": ("into",)}


def _occurs(token: Token) -> bool:
    """The event noun is the subject of a verb of happening (`OCCURRENCE_VERBS`), in the
    reporting line, not a plan ("talks are expected to take place")."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or not is_verb(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_ in GUESSED for c in verb.children):
        return False  # "fighting could intensify": a forecast, nothing happened
    lemma = lemma_of(verb)
    if lemma == "hold":  # "talks were held"; "the truce held" (it was observed)
        return token.dep_ == "nsubjpass" or (token.dep_ == "nsubj" and _ceasefire(token))
    if lemma == "leave":  # "the clashes left 12 dead"
        return any(t.lower_ in ("dead", "injured", "wounded") for t in verb.subtree)
    if lemma == "get" and _under_way(verb):  # "the pullout got under way"
        return True
    particle = OCCURRENCE_PARTICLES.get(lemma)
    if particle is not None:
        return any(c.lower_ in particle for c in verb.children)
    return lemma in OCCURRENCE_VERBS and token.dep_ == "nsubj"


# Auxiliaries of what may happen: an event noun said only to be possible is no report.
GUESSED = frozenset({"could", "may", "might"})


def _under_way(verb: Token) -> bool:
    """ "got under way": the parser reads "under way" as a preposition and its object."""
    return any(c.dep_ == "prep" and c.lower_ == "under"
               and any(g.lower_ == "way" for g in c.children) for c in verb.children)


def _ceasefire(token: Token) -> bool:
    entry = lookup(token)
    return entry is not None and entry.mode == "ceasefire"


def _occurrence(token: Token, entry: Entry, r: Rules) -> Clause | None:
    """ "Clashes between the army and rebels erupted in Goma": an event named by its noun
    and said to happen; its parties are those it is "between" (all actors, as PLOVER
    codes two-sided events), else its people modifiers ("Serbian and Kosovo leaders")."""
    between = [g for c in (*token.children, *token.head.children)
               if c.dep_ == "prep" and c.lower_ == "between"
               for g in c.children if g.dep_ == "pobj"]
    actors = participants(between, r, as_subject=True)
    if not actors and entry.mode in SELF_ACTING_MODES:
        actors = participants(_of_objects(token), r, as_subject=True)
    clause = Clause(head=token, anchor=token, entry=entry, trigger=[token],
                    actors=actors, recipients=[], nominal=True)
    _attach_frame(clause, r)
    return clause


# Modes of acts a force does itself, so that the "of" object of their noun is the doer:
# "the withdrawal of French troops began", "the disarmament of the militias started".
SELF_ACTING_MODES = frozenset({"withdraw", "disarm"})


def _of_objects(token: Token) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def _stray_by_agents(token: Token) -> list[Token]:
    """Named agents of an event noun that the parser hung on the verb governing it.

    In "stave off the offensive by Haftar" the parse attaches "by Haftar" to the
    active verb; an active verb takes no by-agent, so a name right after the verb's
    object belongs to that object.
    """
    verb = token.head
    if token.dep_ not in ("dobj", "obj") or not is_verb(verb):
        return []
    if any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "by" and c.i == token.right_edge.i + 1
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ in rules().actor_labels
    ]


def _own_date(token: Token) -> bool:
    """An event noun with its own date ("the April 2019 offensive") happened apart from
    the act that governs it, so it is an event of its own, not that act's topic."""
    return any(t.ent_type_ == "DATE" for t in token.lefts for t in t.subtree)


def find_clauses(sent: Span) -> list[Clause]:
    """All event candidates of one sentence, verbs first, then nominal events."""
    r = rules()
    clauses: list[Clause] = []
    used: set[int] = set()
    keywords: list[str] = []
    for token in sent:
        context = r.contexts.get(token.lower_) or r.contexts.get(token.lemma_.lower())
        if context and context not in keywords:
            keywords.append(context)
        if is_verb(token):
            clause = verb_clause(token, r)
            if clause is not None:
                clauses.append(clause)
                used.update(t.i for t in clause.trigger)
    for token in sent:
        if token.pos_ in ("NOUN", "PROPN") and token.i not in used:
            clause = noun_clause(token, r)
            if clause is not None:
                clauses.append(clause)
    multilateral = any(t.lower_ in r.multilateral for t in sent)
    for clause in clauses:
        clause.keywords = keywords
        clause.multilateral = multilateral
    return clauses
