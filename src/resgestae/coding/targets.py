"""Targets: the named places a clause's act lands on ("shelled Juba") or happens at
("a roadside bomb near Samarra")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from resgestae.coding.actor_tables import actor_tables
from resgestae.coding.arguments import expand
from resgestae.coding.rules import rules
from resgestae.plover import has_flag

if TYPE_CHECKING:
    from resgestae.coding.clauses import Clause


PLACE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "outside", "inside", "around"})




# Prepositions whose object place is where an act lands: "a curfew in Abidjan",
# "fired at Seoul", "withdraw from Chad", "blocked transport into Abidjan".
TARGET_PLACE_PREPS = frozenset(
    {"in", "into", "at", "on", "against", "from", "inside", "toward", "towards", "near", "to",
     "with", "of", "for", "across", "throughout"}
)




# Prepositions that give what a meeting is about ("talks on aid for Ukraine").
TOPIC_PREPS = frozenset({"on", "for", "over", "about", "of"})


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
    preps = TARGET_PLACE_PREPS
    if has_flag(etype, "happens_at_place"):
        # nor is a meeting "on aid for Ukraine" or "about Syria" aimed at what it discusses
        preps = TARGET_PLACE_PREPS - PLACE_PREPS - TOPIC_PREPS
    # "threatened to resume attacks in Israel": the complement's places too
    return _places_below(roots, PLACE_ARCS | {"xcomp"}, preps, skip)


def event_places(clause: Clause) -> list[Token]:
    """Places where an act happened, its own words or its subject's ("a roadside
    bombing near Samarra killed ...", "staged rallies in the Gaza Strip")."""
    arcs = PLACE_ARCS | {"nsubj", "nsubjpass", "agent", "acl"}
    actors = {t.i for t in expand(clause.actors)}  # "backed by Russia": a party, no place
    # "an explosion tore through a bus station in Maroua"
    preps = TARGET_PLACE_PREPS | PLACE_PREPS | {"through"}
    return _places_below([clause.anchor], arcs, preps, actors)


def scene_place(place: Token) -> bool:
    """A place hung by *in*, *at*, *near* ... (`PLACE_PREPS`) from a verb ("signed a
    pact in Nairobi", also "in Nairobi, Kenya"), from an occasion the act is done at
    ("at talks in Islamabad", "at a ceremony in Dakar") or from an agreement or talks
    that are the act itself ("signed an accord in Geneva"); not from a thing acted on
    ("settlements in Gaza", "an embassy in Tehran", "postpone the rally in Baku")."""
    owner = _place_owner(place)
    return owner is not None and (owner.pos_ in ("VERB", "AUX") or _meeting_owner(owner))


def _place_owner(place: Token) -> Token | None:
    """The word a place hangs from by *in*, *at*, *near* ... (None: not so hung)."""
    token = place
    for _ in range(3):  # "in the capital, Nairobi", "in Nairobi, Kenya"
        if token.dep_ not in ("appos", "conj", "compound") or token.head is token:
            break
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPS:
        return None
    return token.head.head


def meeting_place(place: Token) -> bool:
    """A place of an occasion or of talks or a deal that are the act itself ("at a
    summit in Tokyo", "agreed to talks in Geneva", "signed an accord in Doha"): often a
    third country's, so it says nothing of whose the parties are."""
    owner = _place_owner(place)
    return owner is not None and owner.pos_ not in ("VERB", "AUX") and _meeting_owner(owner)


def _meeting_owner(owner: Token) -> bool:
    """The noun a place hangs from is an occasion, or talks or a deal done as the act."""
    if owner.dep_ == "pobj" and owner.head.lower_ in SCENE_PREPS:
        return True  # "at a summit in Tokyo": the occasion is the scene
    if owner.dep_ == "pobj" and owner.head.lower_ in AGREED_PREPS:
        return owner.head.head.pos_ in ("VERB", "AUX") and _talk_noun(owner)
    return owner.dep_ in ("dobj", "obj") and _talk_noun(owner)


# "at a summit", "during a visit": prepositions of the occasion an act is done at
SCENE_PREPS = frozenset({"at", "during"})
# "agreed to talks in Geneva", "settled on a deal in Doha": the talks or the deal a
# verb takes through these are the act itself, so their place is its scene too
AGREED_PREPS = frozenset({"to", "on", "for"})


def _talk_noun(noun: Token) -> bool:
    """An agreement or a meeting ("signed an accord", "held talks"): a noun of a type
    made of words or joint acts, that neither uses force nor acts on one's own side."""
    from resgestae.coding.event_types import lookup

    entry = lookup(noun)
    etype = entry.event_type if entry is not None else None
    return (has_flag(etype, "verbal_act") or has_flag(etype, "joint")) and not (
        has_flag(etype, "force_on_country") or has_flag(etype, "home_target"))


def _region_names(token: Token) -> list[Token]:
    """The place name on a kind of place ("Benue state" -> Benue; "Russia's Bryansk
    region" -> Bryansk), or the name it belongs to when the gazetteer does not know that
    one ("the Gaza Strip's Rafah area" -> Gaza Strip); none or one."""
    from resgestae.coding.countries import place_country
    from resgestae.coding.places import place_nouns

    if token.lemma_.lower() not in place_nouns():
        return []
    names = sorted((c for c in token.lefts if c.dep_ in ("compound", "poss") and _is_place(c)),
                   key=lambda t: -t.i)
    known = [t for t in names if place_country(t.text) is not None]
    return (known or names)[:1]


def _is_place(token: Token) -> bool:
    """A named place; NER calls some towns NORP ("near Samarra"), which the actor
    tables then do not know as a people."""
    if token.ent_type_ in rules().place_labels:
        return True
    if (
        token.ent_type_ == "NORP"
        and token.pos_ == "PROPN"
        and token.dep_ == "pobj"
        and actor_tables().country(token.text) is None
    ):
        return True
    return _mislabelled_place(token)


def _mislabelled_place(token: Token) -> bool:
    """ "in Ulaanbaatar" (ORG to the model), "the Tillaberi region": a proper noun where
    places stand that the gazetteer knows and the actor tables do not."""
    from resgestae.coding.places import place_nouns

    if token.pos_ != "PROPN" or token.ent_type_ not in ("ORG", "PERSON", "WORK_OF_ART", "PRODUCT"):
        return False
    prep = token.head
    where = token.dep_ == "pobj" and (prep.lower_ in ("in", "at", "near", "outside") or (
        prep.lower_ == "of" and prep.head.lemma_.lower() in place_nouns()))
    named_kind = token.dep_ == "compound" and token.head.lemma_.lower() in place_nouns()
    if not (where or named_kind) or actor_tables().org(token.text) is not None:
        return False
    from resgestae.coding.countries import place_country

    return place_country(token.text) is not None


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
            elif token.dep_ == "pobj":
                # "a refinery in Russia's Bryansk region": the name qualifying the kind
                found.extend(t for t in _region_names(token) if t not in found)
            following.extend(token.children)
        if found:
            return found
        frontier = following
    return []


# Verbs of force whose object is nearly always a place (CAMEO 19x: occupy, take, shell,
# bomb, besiege): "captured Avdiivka", "shelled Bakhmut", which the small model labels
# PERSON or PRODUCT (and parses as an adverb) when the town is not famous.
PLACE_TAKING = frozenset({"capture", "recapture", "seize", "retake", "shell", "bomb",
                          "bombard", "pound", "storm", "overrun", "besiege", "encircle",
                          "liberate", "occupy", "invade", "raid"})


def taken_place(gaz, span: Span) -> bool:
    """A name of up to three words right after a place-taking verb, its object, that the
    gazetteer knows as a town or a curated or US region (ISO 3166-2's foreign regions
    are too obscure) and the actor tables do not know as a party (`places.place_spans`,
    `country_rules`)."""
    root = span.root
    verb = root.head
    if len(span) > 3 or root.dep_ not in ("dobj", "obj", "advmod", "npadvmod") \
            or verb.lemma_.lower() not in PLACE_TAKING or span.start != verb.i + 1 \
            or not all(t.pos_ == "PROPN" or t.is_title for t in span):
        return False
    tables = actor_tables()
    if tables.org(span.text) is not None or tables.country(span.text) is not None:
        return False
    return any(c.feature in ("city", "region") or (c.feature == "admin1" and c.country == "USA")
               for c in gaz.lookup(span.text))
