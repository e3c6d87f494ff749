"""Country rules: the countries of a clause's actors and recipients, settled in order.

An entity's country comes, first to last, from:

1. the words of its own phrase, read with the actor tables (`actors.read_actor`:
   the head's country word, a country said around it, its organization, a misspelt
   country name, an international body, the owner of "its", a known leader), or a
   nationality word in a group the tables do not know (`participants`);
2. the rules below, in the order of `COUNTRY_RULES`, each on what the ones before
   left: a recipient's own phrase, the place of the act for actors, the place the
   act lands on for recipients, a domestic act, the actor's own country as target;
3. the knowledge base, which fills what is still missing from what the article and
   the dictionaries know (`kb.resolve`).

Places for recipients: a named place the act lands on stands for its country
("shelled Juba", "a curfew in Abidjan", "withdraw its troops from Lebanon";
`targets.place_targets`, country from the actor tables or the gazetteer); a protest
or a meeting *in* a place happens there and is not aimed at it. Places for missing
actors: violence nobody is named for is coded to the country it happens in ("a
roadside bomb near Samarra killed ..."), as PLOVER does, and protesters of no stated
nationality to the country they protest in. The event's `location` is `places.py`'s
business and is not touched here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from resgestae.coding.actor_tables import actor_tables
from resgestae.coding.actors import code_actor
from resgestae.coding.arguments import is_actorish, np_span
from resgestae.coding.clauses import Clause
from resgestae.coding.countries import country_in_sentence, place_country
from resgestae.coding.event_types import lemma_of
from resgestae.coding.gazetteer import gazetteer
from resgestae.coding.places import country_stated_after
from resgestae.coding.rules import rules
from resgestae.coding.targets import (
    event_places,
    meeting_place,
    place_targets,
    scene_place,
    taken_place,
)
from resgestae.kb.canonical import country_name
from resgestae.model import Entity
from resgestae.plover import has_flag, plover_type


@dataclass
class Sides:
    """A clause's actor and recipient entities while their countries are settled.

    `recipient_heads` are the recipient tokens after pronoun resolution (a named place
    among them may become the recipient); `taken` the token ranges of the actors as
    first read, which no place recipient may repeat; `stated` the actors' countries
    their own words give, before a rule placed them."""

    clause: Clause
    event_type: str
    actors: list[Entity]
    recipients: list[Entity]
    recipient_heads: list[Token]
    taken: set[tuple[int, int] | None]
    # the actors' countries as their own words give them, before any rule placed them
    stated: frozenset[str] = frozenset()

    @property
    def doc(self) -> Doc:
        return self.clause.head.doc


def _recipient_phrase(sides: Sides) -> None:
    """A recipient of no country is of the party its own phrase names ("a camp for
    Congolese refugees")."""
    for entity in sides.recipients:
        if entity.country is None and not _person(entity, sides.doc):
            entity.country = _phrase_country(entity, sides.doc)


def _named_place_recipients(sides: Sides) -> None:
    """A force used on a named place the actor tables do not know ("shelled Kharkiv",
    "an attack on Goma"): the place's country, from the gazetteer, is the target. The
    model may leave such a name untagged or call it a person; a known person or body
    (with a sector) is never read as a place."""
    if not has_flag(sides.event_type, "force_on_country"):
        return
    doc = sides.doc
    for entity in sides.recipients:
        if entity.country is not None or entity.sector or entity._tokens is None:
            continue
        span = doc[entity._tokens[0] : entity._tokens[1]]
        head = span.root
        if head.pos_ != "PROPN" or not (head.ent_type_ in rules().place_labels or
                                        not head.ent_type_ or head.dep_ == "pobj"
                                        or taken_place(gazetteer(), _bare(span))):
            continue
        name = _place_span(head)
        entity.country = country_stated_after(name) or place_country(name.text)


def _bare(span: Span) -> Span:
    """The span without a leading determiner ("the Kherson" never; "Kherson")."""
    return span[1:] if len(span) > 1 and span[0].pos_ == "DET" else span


def _actor_phrase_place(sides: Sides) -> None:
    """An actor of no country whose own phrase says where they are is of that place's
    country ("gunmen in Sidon, Lebanon", "bandits in Katsina state", "militiamen
    from Ituri"): the text locates them, unlike the place of the act alone."""
    doc = sides.doc
    for entity in sides.actors:
        if entity.country is None and not _person(entity, doc):
            places = _where_said(entity, doc)
            entity.country = next((e.country for e in _place_entities(places) if e.country),
                                  None)


def _where_said(entity: Entity, doc: Doc) -> list[Token]:
    """The places an entity's own phrase puts it in ("gunmen in Sidon")."""
    if entity._tokens is None:
        return []
    head = doc[entity._tokens[0] : entity._tokens[1]].root
    objects = [g for c in head.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPS
               for g in c.children if g.dep_ == "pobj"]
    labels = rules().place_labels
    # "gunmen in Benue state": the name that qualifies the kind of place
    return [g if g.ent_type_ in labels else next(
        c for c in g.lefts if c.dep_ == "compound" and c.ent_type_ in labels)
        for g in objects if g.ent_type_ in labels or any(
            c.dep_ == "compound" and c.ent_type_ in labels for c in g.lefts)]


# "gunmen in Sidon", "fighters from Ituri": where a group is, said in its own phrase
WHERE_PREPS = frozenset({"in", "from"})


def _actor_place(sides: Sides) -> None:
    """Actors of an attack or protest are of where it happened; a group of no known
    country acting on a place is of that place ("leaders of the opposition coalition
    agreed to postpone the rally in Baku")."""
    actors = sides.actors
    if has_flag(sides.event_type, "actor_from_place") and (
        not actors or not all(e.country for e in actors)
    ):
        _actors_from_place(sides.clause, sides.event_type, actors, sides.recipients)
    elif actors and not any(e.country or e.title for e in actors):
        # where parties talk or agree is often a third country's capital ("the rebels
        # agreed to peace talks in Nairobi"): the scene places no one
        _place_all(actors, [t for t in place_targets(sides.clause)
                            if not meeting_place(t)], sides.doc)


def _recipient_place(sides: Sides) -> None:
    """With no recipient, a place the act lands on stands for its country ("shelled
    Juba"); recipients of no known country are placed by where the act lands ("the
    peacekeeping force in Lebanon")."""
    if not sides.recipients and sides.actors:
        sides.recipients = [e for e in _landed_on(sides) if e._tokens not in sides.taken]
    elif sides.recipients and not any(e.country for e in sides.recipients):
        # "five suspected jihadists in northern Burkina Faso": armed groups fight across
        # borders, where they are is not whose they are
        stateful = [e for e in sides.recipients if e.sector not in STATELESS]
        _place_all(stateful, _where_acted(sides), sides.doc)


def _landed_on(sides: Sides) -> list[Entity]:
    """Place recipients: a named place among the recipient heads, else the places the
    act lands on that are not its scene (`_scene_of_act`)."""
    places = [t for t in sides.recipient_heads if t.ent_type_ in rules().place_labels]
    if places:
        return _place_entities(places)
    return [e for t in place_targets(sides.clause) for e in _place_entities([t])
            if not _scene_of_act(e, t, sides)]


def _where_acted(sides: Sides) -> list[Token]:
    """The places that locate the act for its recipients: where it lands, where it
    happened, else where its (non-state) actors were ("gunmen in Sidon kidnapped two
    aid workers")."""
    return place_targets(sides.clause) or event_places(sides.clause) or [
        t for e in sides.actors if e.sector not in STATE_SECTORS
        for t in _where_said(e, sides.doc)]


def _scene_of_act(place: Entity, token: Token, sides: Sides) -> bool:
    """ "Kenya and Uganda signed a trade pact in Nairobi", "pledged closer ties at a
    summit in Tokyo": where parties talk or act together is the event's location, not
    a party to it. The place is the scene when the act itself or the meeting it is done
    at happens *in*, *at* or *near* it (`targets.scene_place`), or when it lies in an
    actor's own country ("agreed on a plan in Paris": France does not act on itself).
    A place of a thing acted on abroad stays the target ("evacuate settlements in the
    Gaza Strip", "opened an embassy in Tehran"); so does any place of force or of an
    act on the actor's own side (`force_on_country`, `home_target`)."""
    etype = sides.event_type
    if not (has_flag(etype, "verbal_act") or has_flag(etype, "joint")) or has_flag(
            etype, "force_on_country") or has_flag(etype, "home_target"):
        return False
    return scene_place(token) or place.country in sides.stated


def _domestic_recipients(sides: Sides) -> None:
    """Recipients still of no country, acted on by one country's own people, are of
    that country, unless the type is often across a border (`foreign_prone`)."""
    if (
        sides.recipients
        and not has_flag(sides.event_type, "foreign_prone")
        and not any(e.country for e in sides.recipients)
    ):
        _domestic(sides.actors, sides.recipients, sides.doc)


def _home_target(sides: Sides) -> None:
    """With no recipient, a `home_target` act falls on the actor's own country, unless
    it acts on a party the text names but coding could not place ("vowed to defeat
    the group", "threatened to punish the rebels": not the actor's own country)."""
    if not sides.recipients and has_flag(sides.event_type, "home_target") \
            and not _party_acted_on(sides.clause):
        sides.recipients = _home_recipient(sides.actors)


def _party_acted_on(clause: Clause) -> bool:
    """Whether the act or its complement ("vowed to defeat X") has an object that could
    be a party, or a ship, plane or vehicle of one ("seized a cargo ship")."""
    verbs = [clause.anchor] + ([clause.inner] if clause.inner is not None else [])
    verbs += [c for c in clause.anchor.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    r = rules()
    return any(c.dep_ in ("dobj", "obj") and (is_actorish(c, r) or lemma_of(c) in r.craft)
               for verb in verbs for c in verb.children)


# CAMEO 1723 curfew, 1724 state of emergency or martial law: only a government can.
EMERGENCY_CODES = frozenset({"1723", "1724"})


def _emergency_declarer(sides: Sides) -> None:
    """ "A state of emergency was declared in Ecuador", "martial law was imposed in the
    province": a passive of no agent whose act only a state can do (CAMEO 1724) is the
    government's of the country it is declared in."""
    from resgestae.coding.event_types import lookup

    anchor = sides.clause.anchor
    entry = lookup(anchor)
    if sides.actors or entry is None or entry.cameo not in EMERGENCY_CODES or not any(
            c.dep_ == "auxpass" for c in anchor.children):
        return
    places = _place_entities(event_places(sides.clause))
    country = next((e.country for e in places + sides.recipients if e.country), None)
    if country in gazetteer().countries:
        sides.actors = [Entity(text="", name=country_name(country), country=country,
                               sector="GOV", sectors=["GOV"])]


# The order matters: each rule sees what the ones before settled.
COUNTRY_RULES: tuple[Callable[[Sides], None], ...] = (
    _recipient_phrase,
    _emergency_declarer,
    _named_place_recipients,
    _actor_phrase_place,
    _actor_place,
    _recipient_place,
    _domestic_recipients,
    _home_target,
)


def settle_countries(sides: Sides) -> None:
    """Run `COUNTRY_RULES` in order on the clause's sides (in place)."""
    sides.stated = frozenset(e.country for e in sides.actors if e.country)
    for rule in COUNTRY_RULES:
        rule(sides)


def _place_all(entities: list[Entity], places: list[Token], doc: Doc) -> None:
    """Give every entity but a named person the first known country of the places
    (None when none is known)."""
    country = next((e.country for e in _place_entities(places) if e.country), None)
    for entity in entities:
        if not _person(entity, doc):
            entity.country = country


def _home_recipient(actors: list[Entity]) -> list[Entity]:
    """The country itself, not written in the text (empty `text`), for one actor of a
    known country."""
    if len(actors) != 1 or actors[0].country is None:
        return []
    code = actors[0].country
    return [Entity(text="", name=country_name(code), country=code)]


PHRASE_PREPS = frozenset({"of", "for", "from"})


def _phrase_country(entity: Entity, doc: Doc) -> str | None:
    """The country of a party named inside a recipient's own phrase ("a camp for
    Congolese refugees", "a mission of observers from the OSCE", "the governor of the
    Tyumen region"): whom or where the phrase belongs to. Two levels down at most."""
    if entity._tokens is None:
        return None
    heads = [doc[entity._tokens[0] : entity._tokens[1]].root]
    for _ in range(2):
        objs = [
            g
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in PHRASE_PREPS
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for obj in objs:
            span = np_span(obj)
            found = code_actor(span)
            country = found.country if found is not None else None
            if country is None and obj.ent_type_ in rules().place_labels:
                country = place_country(_place_span(obj).text)
            if country:
                return country
        heads = objs
    return None


def _domestic(actors: list[Entity], recipients: list[Entity], doc: Doc) -> None:
    """Parties of no stated country acted on by one country's own people ("Egyptian
    police dispersed demonstrators", "the government accepted the rebels' demands"):
    a domestic act, so they are of the actor's country; not refugees, observers and
    the like, who come from elsewhere."""
    home = {e.country for e in actors}
    if len(home) != 1 or None in home:
        return
    country = home.pop()
    if country not in gazetteer().countries:
        return  # the EU or the UN acting (IGO, NGO ...) says nothing of whose people
    foreign = rules().foreign_heads
    for entity in recipients:
        head = doc[entity._tokens[0] : entity._tokens[1]].root if entity._tokens else None
        if head is not None and _named_place(head):
            # "a Jordanian convoy arrived in Rafah": a place is of where it lies (the
            # gazetteer, the text), never of the actor's nationality
            entity.country = _place_entities([head])[0].country
        elif head is None or head.lemma_.lower() not in foreign:
            entity.country = country


# Prepositions after which a mistagged name the gazetteer knows as a town is that town
# (not targets.PLACE_PREPS, the prepositions of an act's setting).
NAMED_PLACE_PREPS = frozenset({"in", "to", "into", "at"})


def _named_place(head: Token) -> bool:
    """A proper name the model tags as a place ("Rafah"), or one it mistags that a
    place-taking verb or "in"/"to" takes and the gazetteer knows as a town ("arrived in
    Khan Younis")."""
    if head.pos_ != "PROPN":
        return False
    if head.ent_type_ in rules().place_labels or taken_place(gazetteer(), _place_span(head)):
        return True  # "entered Khan Younis": a town a place-taking verb takes
    if head.dep_ != "pobj" or head.head.lower_ not in NAMED_PLACE_PREPS:
        return False
    name = _place_span(head).text
    tables = actor_tables()
    return any(c.feature == "city" for c in gazetteer().lookup(name)) and \
        tables.org(name) is None and tables.country(name) is None


def _person(entity: Entity, doc: Doc) -> bool:
    """A named person: the knowledge base knows better than the place of the act."""
    return entity._tokens is not None and doc[entity._tokens[1] - 1].ent_type_ == "PERSON"


def _actors_from_place(
    clause: Clause, event_type: str, actors: list[Entity], recipients: list[Entity]
) -> None:
    """Actors placed by where the act happened (`actor_from_place` types)."""
    if actors and event_type == "ASSAULT":
        _state_forces_from_place(clause, actors)
        return  # other named attackers of unknown country stay so
    if not (actors or recipients) and not _unnamed_violence(clause, event_type):
        return  # no one acted on, no event
    inside = {i for e in recipients if e._tokens for i in range(*e._tokens)}
    places = [
        e
        for e in _place_entities(event_places(clause))
        if e.country and e._tokens and e._tokens[0] not in inside
    ]
    if not places:
        if actors and event_type == "PROTEST":
            _home_countries(actors, clause.head.doc)
        return
    if not actors:
        actors.append(_unnamed_at(places[0], event_type))
        return
    for entity in actors:
        if entity.country is None and not _person(entity, clause.head.doc):
            entity.country = places[0].country


def _unnamed_violence(clause: Clause, event_type: str) -> bool:
    """Violence whose parties the coder cannot name but the text has words for: "he was
    captured in X", "dozens were killed near X", "a roadside bomb detonated in X". PLOVER
    codes it to the country it happened in; a clause with no argument at all is not."""
    if event_type != "ASSAULT":
        return False
    from resgestae.coding.event_types import lookup

    children = list(clause.anchor.children)
    patients = [c for c in children if c.dep_ == "nsubjpass"]
    doers = [c for c in children if c.dep_ == "nsubj"]
    # "he was captured", "dozens were killed", "the suspect was captured"
    unnamed = any((t.pos_ in ("PRON", "NUM", "NOUN") or t.ent_type_ == "CARDINAL")
                  and t.tag_ not in ("WDT", "WP") and t.lower_ not in ("it", "that", "this")
                  for t in patients)
    # "a roadside bomb detonated", "an explosion tore through"
    weapon = any(t.pos_ == "NOUN" and (entry := lookup(t)) is not None
                 and entry.event_type == "ASSAULT" for t in doers)
    return unnamed or weapon


STATELESS = frozenset({"REB", "UAF", "CRM", "IMG"})
STATE_SECTORS = frozenset({"MIL", "COP", "GOV"})


def _state_forces_from_place(clause: Clause, actors: list[Entity]) -> None:
    """ "Soldiers killed five jihadists in northern Burkina Faso": soldiers and police of
    no stated country fight for the country the fighting is in."""
    doc = clause.head.doc
    state = [e for e in actors if e.country is None and e.sector in STATE_SECTORS
             and not _person(e, doc)]
    if not state:
        return
    country = next((e.country for e in _place_entities(event_places(clause)) if e.country), None)
    for entity in state:
        entity.country = country


def _unnamed_at(place: Entity, event_type: str) -> Entity:
    """An attack or protest whose doers the text does not name is coded, by the PLOVER
    convention, to the country it happened in: a collective of that country (civilians;
    for an attack, unidentified armed force, CAMEO UAF), never the place itself. The
    knowledge base names it ("unidentified attackers in Turkey", `kb.resolve`)."""
    from resgestae.coding.gazetteer import gazetteer

    found = gazetteer().countries.get(place.country or "")
    sector = plover_type(event_type).unnamed_sector
    return Entity(text=place.text, name=found.name if found else place.country or "",
                  country=place.country, sector=sector, sectors=[sector],
                  _tokens=place._tokens)


def _home_countries(actors: list[Entity], doc: Doc) -> None:
    """Protesters of no stated nationality, in a sentence that qualifies things with
    one country only ("to demand the resignation of Algerian President ..."): theirs."""
    for entity in actors:
        if entity.country is None and entity._tokens is not None and entity.title is None:
            entity.country = country_in_sentence(doc[entity._tokens[0] : entity._tokens[1]])


def _place_entities(tokens: list[Token]) -> list[Entity]:
    """Recipients for places an act lands on: the place's country is the target
    ("shelled Juba" -> Sudan, "a curfew in Abidjan" -> Ivory Coast); a sea, strait or
    lake (gazetteer feature "water") is none."""
    entities: list[Entity] = []
    for token in tokens:
        span = _place_span(token)
        if gazetteer().water(span.text):
            continue  # "attacked a tanker in the Red Sea": open water is where, not whom
        country = country_stated_after(span) or place_country(span.text)
        entity = Entity(text=span.text, name=span.text, country=country,
                        _tokens=(span.start, span.end))
        if all(e._tokens != entity._tokens for e in entities):
            entities.append(entity)
    return entities


def _place_span(token: Token) -> Span:
    """The whole place name a token belongs to ("the Gaza Strip" -> "Gaza Strip")."""
    doc, start, end = token.doc, token.i, token.i + 1
    if token.ent_iob_ in ("B", "I"):
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    if end - start > 1 and doc[end - 1].dep_ == "case":
        end -= 1  # "the Gaza Strip's Rafah area": the name without its "'s"
    return doc[start:end]
