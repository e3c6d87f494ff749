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

from resgestae.coding.event_types import Entry, lookup
from resgestae.coding.rules import Rules, rules

SUBJECTS = ("nsubj", "csubj", "expl")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "obj", "dative", "attr", "oprd")
RELATIVE = ("who", "which", "that", "whom")
ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP")
NOT_ACTOR_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
NP_LEFT = ("compound", "amod", "det", "poss", "nummod", "nmod", "flat", "quantmod", "npadvmod",
           "case", "punct")


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


def is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def _governing(token: Token, r: Rules) -> bool:
    """A framing verb or adjective: the event lives in its complement."""
    lemma = token.lemma_.lower()
    return lemma in r.intent or lemma in r.future or lemma in r.transparent


def _is_opaque(token: Token, r: Rules) -> bool:
    """A head whose own type wins over its complement."""
    lemma = token.lemma_.lower()
    if lemma in r.reporting and lookup(token) is None:
        return False
    if _governing(token, r) and lemma not in r.opaque:
        return False
    return lemma in r.opaque or lookup(token) is not None


def _complement(token: Token) -> Token | None:
    """The clausal complement of a verb: xcomp, ccomp, or "of/with/from doing"."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return child
    for child in token.children:
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pcomp" and grand.pos_ == "VERB":
                    return grand
    return None


def _inner_event(token: Token, r: Rules) -> tuple[Token | None, Entry | None]:
    """Follow the complement chain down to the first typed verb."""
    current = _complement(token)
    for _ in range(4):
        if current is None:
            return None, None
        entry = lookup(current)
        if entry is not None or not _governing(current, r):
            return current, entry
        current = _complement(current)
    return None, None


def _frame(token: Token, r: Rules) -> tuple[list[Token], Token | None, Token | None]:
    """Governors above an event verb, the reporting verb above them, and the top verb."""
    governors: list[Token] = []
    current = token
    for _ in range(6):
        head = current.head
        if head is current:
            break
        if current.dep_ in ("xcomp", "acomp") and _governing(head, r):
            governors.append(head)
        elif current.dep_ == "acomp" or (current.dep_ == "xcomp" and head.pos_ == "AUX"):
            pass  # "is ready to": climb through the copula
        elif current.dep_ in ("ccomp", "parataxis", "conj") and head.lemma_.lower() in r.reporting \
                and lookup(head) is None:
            return governors, head, current
        elif current.dep_ == "conj":
            pass  # shares its frame with the first conjunct
        else:
            break
        current = head
    return governors, None, current


def subject(token: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb (climbing xcomp/conj/acl), and whether it is passive."""
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                return [_relative(child)], False
            if child.dep_ in PASSIVE_SUBJECTS:
                return [_relative(child)], True
        if current.dep_ in ("acl",) and current.head.pos_ in ("NOUN", "PROPN"):
            return [current.head], current.tag_ == "VBN"
        if current.dep_ not in ("xcomp", "conj", "acomp", "advcl", "relcl") or current.head is current:
            break
        if current.dep_ == "relcl":
            return [current.head], current.tag_ == "VBN"
        current = current.head
    return [], False


def _relative(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def agents(token: Token) -> list[Token]:
    """Objects of a passive's "by" phrase."""
    return [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def objects(token: Token, preps: frozenset[str], r: Rules) -> list[Token]:
    """Direct objects and objects of recipient prepositions."""
    found = [c for c in token.children if c.dep_ in ("dobj", "obj", "dative") and c.pos_ != "ADP"]
    for child in token.children:
        if child.dep_ in ("prep", "dative") and (child.lower_ in r.recipient_preps or child.lower_ in preps):
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def is_actorish(token: Token, r: Rules) -> bool:
    """Could this noun phrase head be an actor (a name, a group, an office, a pronoun)?"""
    if token.ent_type_ in NOT_ACTOR_ENTS:
        return False
    if token.ent_type_ in ACTOR_ENTS or token.pos_ == "PROPN":
        return True
    return token.lemma_.lower() in r.agent_nouns or token.lower_ in r.pronouns


def expand(tokens: list[Token]) -> list[Token]:
    """Each head with its conjuncts ("Russia, Egypt and the UAE"), in order, once."""
    seen: dict[int, Token] = {}
    for token in tokens:
        for t in (token, *token.conjuncts):
            seen.setdefault(t.i, t)
    return [seen[i] for i in sorted(seen)]


def np_span(token: Token) -> Span:
    """The noun phrase around a head: modifiers on the left, "of ..." on the right."""
    doc = token.doc
    left = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT:
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i + 1)
    while left < token.i and doc[left].is_punct:
        left += 1
    return doc[left:right]


def _skip_verb(token: Token, r: Rules) -> bool:
    """Verbs that are never an event clause of their own."""
    if token.dep_ in ("amod", "aux", "auxpass", "compound"):
        return True
    head = token.head
    if head is token:
        return False
    if token.dep_ in ("xcomp", "ccomp") and is_verb(head) and _is_opaque(head, r):
        return True
    if token.dep_ == "pcomp" and head.dep_ == "prep" and _is_opaque(head.head, r):
        return True
    if token.dep_ == "advcl" and is_verb(head) and lookup(head) is not None:
        # purpose clauses ("staged a strike to demand reforms") and results
        # ("opened fire, killing two") describe the same event or its topic
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True
    return False


def verb_clause(token: Token, r: Rules) -> Clause | None:
    """The clause a verb heads, or None when it frames or reports another."""
    lemma = token.lemma_.lower()
    entry = lookup(token)
    if _skip_verb(token, r) or (lemma in r.reporting and entry is None):
        return None
    if _governing(token, r) and lemma not in r.opaque:
        inner, inner_entry = _inner_event(token, r)
        if inner is not None and (inner_entry is not None or is_verb(inner)):
            return None  # the complement is the event; it carries this verb as governor
    light = _light_object(token, r)
    if light is not None and (entry is None or not entry.tests):
        return _light_clause(token, light, r)
    clause = Clause(head=token, anchor=token, entry=entry, trigger=[token])
    clause.trigger.extend(c for c in token.children if c.dep_ == "prt")
    if _is_opaque(token, r):
        clause.inner, clause.inner_entry = _inner_event(token, r)
    _attach_frame(clause, r)
    _attach_arguments(clause, r)
    return clause


def _light_object(token: Token, r: Rules) -> Token | None:
    if token.lemma_.lower() not in r.light:
        return None
    for child in token.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass") and lookup(child) is not None:
            return child
    return None


def _light_clause(verb: Token, noun: Token, r: Rules) -> Clause:
    clause = Clause(head=noun, anchor=verb, entry=lookup(noun), trigger=[verb, noun])
    clause.trigger.extend(c for c in noun.children if c.dep_ == "compound" and lookup(c) is not None)
    _attach_frame(clause, r)
    _attach_arguments(clause, r)
    preps = clause.entry.preps if clause.entry else frozenset()
    extra = [t for t in objects(noun, preps, r) if t not in clause.recipients]
    clause.recipients.extend(t for t in expand(extra) if is_actorish(t, r))
    return clause


def _attach_frame(clause: Clause, r: Rules) -> None:
    governors, reporter, _top = _frame(clause.anchor, r)
    clause.governors = governors
    clause.reporter = reporter
    clause.trigger.extend(governors)


def _attach_arguments(clause: Clause, r: Rules) -> None:
    """Actor and recipient heads, by voice; an opaque head's object or its complement's."""
    verb = clause.anchor
    subj, passive = subject(verb)
    preps = clause.entry.preps if clause.entry else frozenset()
    recipients = [t for t in objects(verb, preps, r) if t.i != clause.head.i]
    if passive:
        actors = agents(verb)
        recipients = subj + recipients
        clause.split = len(expand(actors)) > 1
    else:
        actors = subj
    if not recipients and clause.inner is not None:
        inner = clause.inner
        inner_preps = clause.inner_entry.preps if clause.inner_entry else frozenset()
        if inner.dep_ == "ccomp":
            recipients = subject(inner)[0] or objects(inner, inner_preps, r)
        else:
            recipients = objects(inner, inner_preps, r)
        clause.trigger.append(inner)
    clause.actors = [t for t in expand(actors) if is_actorish(t, r)]
    clause.recipients = [t for t in expand(recipients) if is_actorish(t, r)]


def noun_clause(token: Token, r: Rules) -> Clause | None:
    """A nominal event with its own actor: "Akar's visit to Tripoli", "the offensive by
    Haftar", "Turkish support for the GNA"."""
    if token.dep_ == "compound":
        return None
    entry = lookup(token)
    if entry is None:
        return None
    actors = [c for c in token.children if c.dep_ == "poss"]
    actors += [g for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
               for g in c.children if g.dep_ == "pobj"]
    actors += [c for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    actors = [t for t in expand(actors) if is_actorish(t, r)]
    if not actors:
        return None
    recipients = [t for t in objects(token, entry.preps | {"for"}, r) if is_actorish(t, r)]
    return Clause(head=token, anchor=token, entry=entry, trigger=[token], actors=actors,
                  recipients=expand(recipients), nominal=True)


def find_clauses(sent: Span) -> list[Clause]:
    """All event candidates of one sentence, verbs first, then nominal events."""
    r = rules()
    clauses: list[Clause] = []
    used: set[int] = set()
    for token in sent:
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
    return clauses
