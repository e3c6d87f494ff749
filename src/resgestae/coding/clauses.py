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

from resgestae.coding.actors import lexicon
from resgestae.coding.background import (
    by_natural_force,
    is_condition,
    is_description,
    is_earlier_act,
    supported_noun,
)
from resgestae.coding.event_types import Entry, lemma_of, lookup
from resgestae.coding.rules import Rules, rules

SUBJECTS = ("nsubj", "csubj", "expl")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "obj", "dative", "attr", "oprd")
RELATIVE = ("who", "which", "that", "whom")
ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP")
NOT_ACTOR_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
QUANTITY_HEADS = frozenset(
    {
        "tens",
        "thousands",
        "hundreds",
        "dozens",
        "scores",
        "millions",
        "group",
        "groups",
        "number",
        "one",
        "third",
        "half",
        "some",
        "many",
        "most",
        "majority",
        "handful",
        "all",
        "each",
        "both",
        "two",
        "three",
    }
)
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
VICTIM_VERBS = frozenset({"die", "perish"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
PLACE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "outside", "inside", "around"})
# Prepositions on an object noun whose object is the recipient ("offer from", "ties with").
OBJECT_PREPS = frozenset({"for", "between", "from", "by", "with", "of", "against", "on", "to"})
# Verbal acts a reporting verb can perform itself ("reiterated its demand").
VERBAL = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE", "SUPPORT"})
COUNTERPART_PREPS = frozenset({"with", "from"})
WITH_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})
NOUN_TOPIC_PREPS = frozenset({"over", "about", "of", "for", "concerning", "regarding"})
NP_LEFT = (
    "compound",
    "amod",
    "det",
    "poss",
    "nummod",
    "nmod",
    "flat",
    "quantmod",
    "npadvmod",
    "case",
    "punct",
)


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


def is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def _governing(token: Token, r: Rules) -> bool:
    """A framing verb or adjective: the event lives in its complement."""
    lemma = lemma_of(token)
    return lemma in r.intent or lemma in r.future or lemma in r.transparent


def _is_opaque(token: Token, r: Rules) -> bool:
    """A head whose own type wins over its complement."""
    lemma = lemma_of(token)
    if lemma in r.reporting and lookup(token) is None:
        return False
    if _governing(token, r) and lemma not in r.opaque:
        return False
    return lemma in r.opaque or lookup(token) is not None


def _infinitive(token: Token) -> bool:
    """An infinitive clause: "(vowed) to fight"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _complement(token: Token, infinitive_advcl: bool = True) -> Token | None:
    """The clausal complement of a verb: xcomp, ccomp, "to" clause or "of/with/from doing"."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return child
    if infinitive_advcl and not any(c.dep_ in ("dobj", "obj") for c in token.children):
        for child in token.children:  # "vowed to fight", but not "continued the strike to ..."
            if child.dep_ == "advcl" and _infinitive(child):
                return child
    for child in token.children:
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pcomp" and grand.pos_ == "VERB":
                    return grand
    return None


def _inner_event(token: Token, r: Rules) -> tuple[Token | None, Entry | None]:
    """Follow the complement chain down to the first typed verb."""
    current = _complement(token, infinitive_advcl=_governing(token, r))
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
        if (
            current.dep_ in ("xcomp", "acomp") or (current.dep_ == "advcl" and _infinitive(current))
        ) and _governing(head, r):
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


def subject(token: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb (climbing xcomp/conj/acl), and whether it is passive.
    A raising verb's passive subject is the active subject of its complement
    ("Akar is expected to attend")."""
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                return [_relative(child)], False
            if child.dep_ in PASSIVE_SUBJECTS:
                return [_relative(child)], current is token or (
                    token.dep_ == "conj" and current is token.head
                )
        if current.dep_ in ("acl",) and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            if current.tag_ == "VBG" and noun.dep_ in ("dobj", "obj") and not _agentive(noun):
                # "adopted a motion extending the deployment": the adopter acts
                return subject(noun.head)[0], False
            return [noun], current.tag_ == "VBN"
        if (
            current.dep_ not in ("xcomp", "conj", "acomp", "advcl", "relcl")
            or current.head is current
        ):
            break
        if current.dep_ == "relcl":
            return [current.head], current.tag_ == "VBN"
        current = current.head
    return [], False


def _agentive(token: Token) -> bool:
    """A noun that names someone who can act (a name, a group, an office)."""
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in ACTOR_ENTS
        or lemma_of(token) in rules().agent_nouns
    )


def _relative(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def agents(token: Token) -> list[Token]:
    """Objects of a passive's "by" phrase; "killed by a United States airstrike": the
    country whose strike it was."""
    found = [g for c in token.children if c.dep_ == "agent" for g in c.children
             if g.dep_ == "pobj"]
    return [owner for g in found for owner in _wielders(g)]


def _wielders(token: Token) -> list[Token]:
    """Who is behind a weapon or an attack named as the agent, else the agent itself."""
    if _agentive(token) or lookup(token) is None and lemma_of(token) not in WEAPONS:
        return [token]
    owners = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")
              and (c.ent_type_ in ("NORP", "GPE", "ORG") or _country_word(c))]
    return owners or [token]


# nouns for the means of an attack, whose modifier names the attacker
WEAPONS = frozenset({"airstrike", "strike", "bomb", "missile", "drone", "rocket", "shell",
                     "bombing", "raid", "artillery", "gunfire", "fire", "jet", "warplane"})


def recipient_preps(entry: Entry | None, r: Rules) -> frozenset[str]:
    """Prepositions whose object is the recipient: the entry's own when it names them
    ("went to Libya with his staff": only "to"), else the general ones, plus "with"
    for joint acts ("talks with", "clashed with")."""
    if entry is None:
        return r.recipient_preps
    if entry.preps:
        return entry.preps
    if entry.event_type in WITH_TYPES:
        return r.recipient_preps | {"with", "between"}
    return r.recipient_preps


def recipient_objects(token: Token, preps: frozenset[str], r: Rules) -> list[Token]:
    """`objects`, except that a mover's direct object is its own ("withdrew its troops
    from Chad"): there only whom or where it moves them from."""
    if lemma_of(token) in r.movers:
        return objects(token, frozenset({"from"}), r)[len(_direct(token)) :]
    return objects(token, preps, r)


def _direct(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("dobj", "obj", "dative") and c.pos_ != "ADP"]


def objects(token: Token, preps: frozenset[str], r: Rules) -> list[Token]:
    """Direct objects and objects of the given recipient prepositions."""
    found = _direct(token)
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def is_actorish(token: Token, r: Rules, as_subject: bool = False) -> bool:
    """Could this noun phrase head be an actor (a name, a group, an office, a pronoun)?
    Subjects get the benefit of the doubt; objects are more often things."""
    if token.ent_type_ in NOT_ACTOR_ENTS or token.pos_ in ("NUM", "ADP", "VERB", "SCONJ"):
        return False
    if token.ent_type_ in ACTOR_ENTS or token.pos_ == "PROPN":
        return True
    lemma = lemma_of(token)
    if lemma in r.agent_nouns or token.lower_ in r.pronouns or lemma.endswith(("ist", "ian")):
        return True
    if lookup(token) is None and any(
        c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or _country_word(c))
        for c in token.lefts
    ):
        return True  # "Palestinian homes", "Israeli bulldozers"; not "Serbia's crackdown"
    return as_subject and token.pos_ == "NOUN" and lookup(token) is None


def _country_word(token: Token) -> bool:
    """ "Ugandan" when NER missed it: a country name or adjective of the actor tables."""
    ref = lexicon().country(token.text) if token.is_title or token.is_upper else None
    return ref is not None and ref.kind in ("name", "adjective")


def _of_rescue(token: Token) -> Token:
    """ "thousands of Kurds", "a group of refugees": the people are the "of" object."""
    if token.lower_ not in QUANTITY_HEADS and token.pos_ != "NUM":
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return token


def participants(tokens: list[Token], r: Rules, as_subject: bool = False) -> list[Token]:
    """Conjunct-expanded actor heads, quantities resolved to what they count."""
    # expand again: "scores of Sierra Leonean and Liberian refugees" counts both peoples
    rescued = expand([_of_rescue(t) for t in expand(tokens)])
    return [t for t in rescued if is_actorish(t, r, as_subject)]


def expand(tokens: list[Token]) -> list[Token]:
    """Each head with its conjuncts ("Russia, Egypt and the UAE"), in order, once."""
    seen: dict[int, Token] = {}
    for token in tokens:
        for t in (token, *token.conjuncts, *_hidden_conjuncts(token)):
            seen.setdefault(t.i, t)
    return [seen[i] for i in sorted(seen)]


def _hidden_conjuncts(token: Token) -> list[Token]:
    """ "Fornost and the evil awful Gondor": words between the conjuncts make the parser
    hang the first name as a modifier of the last; a name with its own "and" child,
    left of a determiner or adjective of the head, is a conjunct all the same."""
    if token.pos_ != "PROPN":
        return []
    found: list[Token] = []
    for child in token.lefts:
        if (
            child.dep_ in ("nmod", "compound", "amod", "npadvmod")
            and child.pos_ in ("PROPN", "NOUN")
            and (child.is_title or child.is_upper)
            and any(g.dep_ == "cc" for g in child.children)
            and any(w.dep_ in ("det", "amod") for w in token.doc[child.i + 1 : token.i])
        ):
            found.append(child)
    return found


def np_span(token: Token) -> Span:
    """The noun phrase around a head: modifiers on the left, "of ..." on the right."""
    doc = token.doc
    left = token.i
    hidden = _hidden_conjuncts(token)
    for child in token.lefts:
        if child in hidden:
            left = token.i  # the phrase starts after the other conjunct
        elif child.dep_ in NP_LEFT:
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i + 1)
        elif child.dep_ == "appos" and child.left_edge.i == right:
            right = child.right_edge.i + 1  # "his counterpart Salahaddin Namroush"
    while left < token.i and doc[left].is_punct:
        left += 1
    return doc[left:right]


def _typed_verb(token: Token, r: Rules) -> bool:
    """A verb that expresses an event itself (not a frame, not a report)."""
    return is_verb(token) and lookup(token) is not None and not _governing(token, r)


def _in_topic(token: Token, r: Rules) -> bool:
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
        if head.lower_ in TOPIC_PREPS and _typed_verb(governor, r):
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
        and _is_opaque(head, r)
    ):
        return True  # inside the complement of "threatened to ...", "demanded that ..."
    if (
        current.dep_ in ("dobj", "obj")
        and (current is not start or start.pos_ in ("NOUN", "PROPN"))
        and _typed_verb(head, r)
        and not (start.dep_ == "acl" and start.tag_ == "VBG")
    ):
        return True
    if (
        current.dep_ in ("advcl", "xcomp", "conj", "ccomp")
        and is_verb(head)
        and _protest_head(head)
        and not is_earlier_act(current, r, True)
    ):
        return True  # what protesters demand is the protest's topic (PLOVER)
    return False


def _protest_head(token: Token) -> bool:
    entry = lookup(token)
    if entry is None:
        noun = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
        entry = lookup(noun) if noun is not None else None
    return entry is not None and entry.event_type == "PROTEST"


def _skip_verb(token: Token, r: Rules) -> bool:
    """Verbs that are never an event clause of their own."""
    if token.dep_ in ("amod", "aux", "auxpass", "compound"):
        return True
    head = token.head
    if head is token:
        return False
    if token.dep_ == "conj" and is_verb(head):
        return _skip_verb(head, r)
    if token.dep_ in ("xcomp", "ccomp") and is_verb(head) and _is_opaque(head, r):
        return True
    if token.dep_ == "pcomp" and head.dep_ == "prep" and _is_opaque(head.head, r):
        return True
    if (
        token.dep_ == "advcl"
        and _infinitive(token)
        and (_typed_verb(head, r) or _light_object(head, r))
    ):
        return True  # purpose clauses ("staged a strike to demand reforms")
    if token.dep_ == "acl" and token.tag_ == "VBN" and not agents(token):
        return True  # "a letter handed over to the UN": a description, not an act
    if token.dep_ == "ccomp" and _verbal_object(head) is not None:
        return True  # "reiterated its demand that Israel ease ...": what is demanded
    # background: a condition, or the earlier act another reacts to; an earlier act that
    # moved people to protest is coded (PLOVER manual, PROTEST: "an earlier arrest")
    reacts = _reports_act(head, r) and not _protest_head(head)
    if is_condition(token, r) or is_earlier_act(token, r, reacts):
        return True
    if is_description(token) and _reports_act(_clause_verb(head), r):
        return True  # a relative clause describing a party of the reported act
    return _in_topic(token, r)


def _clause_verb(token: Token) -> Token:
    current = token
    for _ in range(6):
        if is_verb(current) or current.head is current:
            return current
        current = current.head
    return current


def _reports_act(verb: Token, r: Rules) -> bool:
    """The verb reports an act of its own (typed, or carrying an event noun)."""
    return is_verb(verb) and (_typed_verb(verb, r) or _light_object(verb, r) is not None)


def _verbal_object(verb: Token) -> Token | None:
    """The verbal-act noun a verb carries ("reiterated its demand", "issued a call"),
    whose content a following "that" clause is."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            entry = lookup(child)
            if entry is not None and entry.event_type in VERBAL:
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
    head_entry = lookup(head) or (
        lookup(_light_object(head, r)) if _light_object(head, r) else None
    )
    return head_entry is not None and head_entry.event_type == entry.event_type


def _worth_a_look(token: Token, lemma: str, r: Rules) -> bool:
    """An untyped verb can still matter: it frames or carries an event, or the
    classifier may type it (main-line verbs), or "must" makes it a request."""
    if lemma in r.light or lemma in r.opaque or _governing(token, r):
        return True
    if any(c.dep_ == "aux" and c.lower_ in r.modal_obligation for c in token.children):
        return True
    return token.dep_ in ("ROOT", "ccomp", "conj", "xcomp", "parataxis")


def verb_clause(token: Token, r: Rules) -> Clause | None:
    """The clause a verb heads, or None when it frames or reports another."""
    lemma = lemma_of(token)
    entry = lookup(token)
    if entry is None and not _worth_a_look(token, lemma, r):
        return None  # cheap exit: most verbs in news are no event at all
    if (
        _skip_verb(token, r)
        or (lemma in r.reporting and entry is None)
        or _same_act(token, entry, r)
        or (token.dep_ == "conj" and _same_act(token.head, entry, r))
        or by_natural_force(token, r)
    ):
        return None
    if _governing(token, r) and lemma not in r.opaque:
        inner, inner_entry = _inner_event(token, r)
        if inner is not None and (inner_entry is not None or entry is None):
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
    return supported_noun(token) if lemma in r.support_prep else None


def _light_clause(verb: Token, noun: Token, r: Rules) -> Clause:
    clause = Clause(head=noun, anchor=verb, entry=lookup(noun), trigger=[verb, noun])
    clause.trigger.extend(
        c for c in noun.children if c.dep_ == "compound" and lookup(c) is not None
    )
    _attach_frame(clause, r)
    _attach_arguments(clause, r)
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
    if not recipients and etype in CONFLICT_TYPES | {"THREATEN"}:
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


PLACE_ENTS = ("GPE", "LOC", "FAC")
# Prepositions whose object place is where an act lands: "a curfew in Abidjan",
# "fired at Seoul", "withdraw from Chad", "blocked transport into Abidjan".
TARGET_PLACE_PREPS = frozenset(
    {"in", "into", "at", "on", "against", "from", "inside", "toward", "towards", "near", "to",
     "with", "of", "for", "across", "throughout"}
)
WHERE_TYPES = frozenset({"PROTEST", "CONSULT"})
# Arcs followed down from the event word to a place it acts on; clauses below are
# other events, subjects are the actor's side.
PLACE_ARCS = frozenset({"dobj", "obj", "prep", "pobj", "npadvmod", "appos", "attr", "oprd"})


def place_targets(clause: Clause) -> list[Token]:
    """Places an act lands on, nearest the event word first: the object ("shelled
    Juba") or a place its words are in ("a curfew in Abidjan", "settlements in the
    Gaza Strip", "withdraw its troops from Lebanon"). A place inside the actor's
    own phrase or inside another clause is not one."""
    roots = [clause.anchor] + ([clause.inner] if clause.inner is not None else [])
    if clause.head is not clause.anchor:
        roots.append(clause.head)
    skip = {t.i for a in clause.actors for t in a.subtree}
    etype = clause.entry.event_type if clause.entry is not None else None
    # a protest or a meeting "in Nairobi" happens there; it is not aimed at it
    preps = TARGET_PLACE_PREPS - PLACE_PREPS if etype in WHERE_TYPES else TARGET_PLACE_PREPS
    # "threatened to resume attacks in Israel": the complement's places too
    return _places_below(roots, PLACE_ARCS | {"xcomp"}, preps, skip)


def event_places(clause: Clause) -> list[Token]:
    """Places where an act happened, its own words or its subject's ("a roadside
    bombing near Samarra killed ...", "staged rallies in the Gaza Strip")."""
    arcs = PLACE_ARCS | {"nsubj", "nsubjpass", "agent", "acl"}
    actors = {t.i for t in expand(clause.actors)}  # "backed by Russia": a party, no place
    return _places_below([clause.anchor], arcs, TARGET_PLACE_PREPS | PLACE_PREPS, actors)


def _is_place(token: Token) -> bool:
    """A named place; NER calls some towns NORP ("near Samarra"), which the actor
    tables then do not know as a people."""
    if token.ent_type_ in PLACE_ENTS:
        return True
    return (
        token.ent_type_ == "NORP"
        and token.pos_ == "PROPN"
        and token.dep_ == "pobj"
        and lexicon().country(token.text) is None
    )


def _places_below(
    roots: list[Token], arcs: frozenset[str], preps: frozenset[str], skip: set[int]
) -> list[Token]:
    """The nearest named places under the roots, following only the given arcs."""
    found: list[Token] = []
    frontier = [c for root in roots for c in root.children]
    for _ in range(9):  # "an extension of the mandate for the force in Lebanon"
        following: list[Token] = []
        for token in frontier:
            if token.dep_ not in arcs or token.i in skip:
                continue
            if token.dep_ == "prep" and token.lower_ not in preps:
                continue
            if _is_place(token) and token.dep_ != "prep" and token not in found:
                found.append(token)
            following.extend(token.children)
        if found:
            return found
        frontier = following
    return []


def noun_clause(token: Token, r: Rules) -> Clause | None:
    """A nominal event with its own actor: "Akar's visit to Tripoli", "the offensive by
    Haftar", "Turkish support for the GNA", "announced sanctions"."""
    if token.dep_ == "compound":
        return None
    entry = lookup(token)
    if entry is None:
        return None
    stray = _stray_by_agents(token)
    if _in_topic(token, r) and not (stray and _own_date(token)):
        return None
    actors = [c for c in token.children if c.dep_ == "poss"] + stray
    actors += [
        g
        for c in token.children
        if c.dep_ in ("prep", "agent") and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    actors += [
        c
        for c in token.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
    ]
    actors = participants(actors, r, as_subject=True)
    head = token.head
    if (
        not actors
        and token.dep_ in ("dobj", "obj")
        and is_verb(head)
        and lookup(head) is None
        and (
            lemma_of(head) in r.light
            or (lemma_of(head) in r.reporting and entry.event_type in VERBAL)
        )
    ):
        actors = participants(subject(head)[0], r, as_subject=True)
    if not actors:
        return _patient_only(token, entry, r)
    # with its agent named ("the United States' killing of Soleimani"), the "of"
    # object of an event noun is the one it falls on
    preps = recipient_preps(entry, r) | {"for", "of"}
    recipients = participants(objects(token, preps, r), r)
    if not recipients and entry.event_type in ("REQUEST", "ACCUSE", "THREATEN"):
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


def _patient_only(token: Token, entry: Entry, r: Rules) -> Clause | None:
    """ "the assassination of Qasem Soleimani": an attack or an arrest named by its
    victim alone is an event with no known actor, as "Soleimani was killed" is."""
    if entry.event_type not in ("ASSAULT", "COERCE"):
        return None
    named = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("PERSON", "ORG")]
    recipients = participants(named, r)
    if not recipients:
        return None
    clause = Clause(head=token, anchor=token, entry=entry, trigger=[token],
                    actors=[], recipients=recipients, nominal=True)
    _attach_frame(clause, r)
    return clause


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
        if g.dep_ == "pobj" and g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
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
