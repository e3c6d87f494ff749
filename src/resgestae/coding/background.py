"""Background: clauses that set the scene for a sentence's act instead of reporting one.

PLOVER codes the acts a story reports, not the circumstances it gives for them
(manual, Overview: one event per reported act). Three kinds of clause are no event
of their own:

- the condition of a threat or a promise ("... unless Dakar apologised", "if Bishkek
  fails to pay"): it has not happened;
- an earlier act a reported conflictual act responds to, in an "after", "since" or
  "as" clause ("recalled its ambassador a week after police arrested three drivers");
  beside a cooperative act, or when the sentence reports nothing else, it is a distinct
  act and is kept; an act "before" or "until" another has not happened yet;
- harm done by a natural force ("floods killed 30 people", "a trawler hit by a storm"):
  no one acted, so there is no ASSAULT. Violence whose doer is merely unnamed ("a
  landmine killed four soldiers", "was stabbed to death") is kept.
"""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.event_types import lemma_of, lookup
from resgestae.coding.rules import Rules
from resgestae.plover import has_flag


def _marks(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ == "mark"}


def is_condition(token: Token, r: Rules) -> bool:
    """An "if/unless" clause hanging on a verb: what a threat or promise depends on."""
    return token.dep_ == "advcl" and bool(_marks(token) & r.condition_marks)


def is_earlier_act(token: Token, r: Rules, responds: bool) -> bool:
    """Background in a temporal clause of a verb: an act "before/until/once" another
    has not happened yet; an "after/since/as/when" act is background when the main act
    `responds` to it (a conflictual act of its own: "recalled its ambassador a week
    after police arrested ..."); beside a cooperative act it is a distinct act ("made a
    trip to Libya, two days after Haftar threatened to attack ...") and is kept."""
    if token.dep_ != "advcl":
        return False
    marks = _marks(token)
    if marks & r.later_marks:
        return True
    return bool(marks & r.background_marks) and responds


def by_natural_force(token: Token, r: Rules) -> bool:
    """The verb's doer is a flood, a storm, a disease: harm no actor did. `token` is a
    typed verb; its subject, or its passive's "by" agent, is looked at."""
    entry = lookup(token)
    # A verb the lexicon does not type ("the drought displaced ...") is typed later by the
    # classifier; whatever type it gets, a natural force did it.
    if entry is not None and not has_flag(entry.event_type, "deliberate"):
        return False
    doers = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "a trawler hit by a storm"
        doers += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    return any(lemma_of(d) in r.natural_causes or d.lower_ in r.natural_causes for d in doers)


# Prepositions through which a support verb carries its event noun ("engaged in talks").
SUPPORT_PREPS = frozenset({"in", "into", "on", "upon", "with"})
# Objects that pass the verb on to a preposition ("took part in", "played a role in").
PASS_ON_OBJECTS = frozenset({"part"})


def supported_noun(verb: Token) -> Token | None:
    """The event noun a support verb carries through a preposition: "engaged in talks",
    "entered into negotiations", "took part in the rally"; None when there is none."""
    holders = [verb] + [c for c in verb.children
                        if c.dep_ in ("dobj", "obj") and lemma_of(c) in PASS_ON_OBJECTS]
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in SUPPORT_PREPS:
                continue
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and lookup(noun) is not None:
                    return noun
    return None


def party_condition(verb: Token, r: Rules) -> bool:
    """An "if/unless" clause on the verb whose subject is a party that can act ("if
    Bishkek fails to pay", "unless Dakar apologises"): what makes a conditional act of
    force a threat addressed to someone; "if the talks fail" is no such condition."""
    for clause in verb.children:
        if not is_condition(clause, r):
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and _party(child, r):
                return True
    return False


def _party(token: Token, r: Rules) -> bool:
    """A name, a group or an office, or a pronoun standing for one."""
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or lemma_of(token) in r.agent_nouns
        or (token.lower_ in r.person_pronouns and token.lower_ != "it")
    )


def is_description(token: Token) -> bool:
    """A relative clause that describes a party ("a businessman who is accused of
    laundering money", "Haftar, who is backed by Russia"): its subject is the relative
    pronoun or it is passive. One with a subject of its own ("the town where rebels
    killed 20 people") reports a distinct act and is kept."""
    if token.dep_ == "acl" and token.tag_ == "VBG":
        # "rebels fighting to topple him", "protesters demanding reforms": a participle
        # that says what a party does (the topic of a protest is no event, manual l.750)
        return not any(c.dep_ in ("nsubj", "csubj") for c in token.children)
    if token.dep_ != "relcl":
        return False
    own = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    return passive or not own or any(c.tag_ in ("WP", "WDT", "WP$") for c in own)


# Nouns that count or frame events ("a new round of talks", "a wave of protests", "acts
# of civil disobedience").
EVENT_COUNTERS = frozenset({"round", "series", "wave", "spate", "string", "flurry", "bout",
                            "campaign", "cycle", "day", "week", "month", "year", "night",
                            "resumption", "continuation", "escalation", "intensification",
                            "act"})


def counted_event(noun: Token) -> Token | None:
    """The event noun a counting noun carries through "of" ("a round of talks"), or None."""
    if lemma_of(noun) not in EVENT_COUNTERS:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj" and lookup(grand) is not None:
                    return grand
    return None
