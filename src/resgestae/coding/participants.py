"""Participants: the actor and recipient entities of a clause, beyond the subject and
object of the event word.

- Compound and reciprocal actors. "Jordan and Britain agreed ...", "X and Y met",
  "X and Y renewed ties": one event whose actors are all the parties and whose
  recipient list is empty. This is PLOVER's own convention (its gold marks such
  parties SRC/TAR, each both source and target, with no separate target), and an
  event is one real-world act, counted once. PETRARCH writes the same act as the
  pairs (X, Y) and (Y, X); a consumer that wants dyads expands an event with two or
  more actors, no recipient and a symmetric type (CONSULT, AGREE, COOPERATE)
  pairwise. Splitting here instead would double-count the act for PLOVER users and
  cost more on the PLOVER gold than it wins on PETRARCH's. Where the text names a
  separate party ("X and Y agreed with Z"), the compound acts on it as usual.
- Places as recipients. A named place the act lands on stands for its country:
  "shelled Juba", "a curfew in Abidjan", "withdraw its troops from Lebanon"
  (`clauses.place_targets`, country from the actor tables or the gazetteer). A
  protest or a meeting *in* a place happens there and is not aimed at it. The
  event's `location` is `places.py`'s business and is not touched here.
- Places for missing actors. Violence nobody is named for is coded to the country
  it happens in ("a roadside bomb near Samarra killed ..."), as PLOVER does, and
  protesters of no stated nationality to the country they protest in.
- Pronouns resolve to the reporting verb's subject ("Iraq said it would ..."), an
  earlier named subject of the sentence, or the previous sentence's ("..., he said");
  the knowledge base resolves the rest (`kb.resolve`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from resgestae.coding.actor_tables import actor_tables
from resgestae.coding.actors import code_actor
from resgestae.coding.arguments import np_span
from resgestae.coding.clauses import Clause
from resgestae.coding.countries import country_in_sentence, country_ref, place_country
from resgestae.coding.event_types import lemma_of, lookup
from resgestae.coding.modes import Coding
from resgestae.coding.pronouns import earlier_subject, reporter_subject, resolve_pronouns
from resgestae.coding.rules import rules
from resgestae.coding.targets import event_places, place_targets
from resgestae.coding.words import OWNER_PRONOUNS, PERSON_PRONOUNS, PLACE_LABELS
from resgestae.model import Entity
from resgestae.plover import has_flag, plover_type


def code_participants(
    clause: Clause, coding: Coding, previous: list[Token]
) -> tuple[list[Entity], list[Entity]]:
    """Entities for the actor and recipient heads, pronouns resolved through the reporter."""
    antecedent = reporter_subject(clause, previous)
    third = antecedent or earlier_subject(clause)
    actors = resolve_pronouns(clause.actors, antecedent, third)
    recipients = resolve_pronouns(clause.recipients, antecedent, third)
    if coding.request_from_reporter:
        actors, recipients = antecedent, actors or recipients
    actor_entities = _entities(actors)
    taken = {e._tokens for e in actor_entities}
    recipient_entities = _not_own(
        [e for e in _entities(recipients) if e._tokens not in taken], len(actor_entities) > 1
    )
    for entity in recipient_entities:
        if entity.country is None and not _person(entity, clause.head.doc):
            entity.country = _phrase_country(entity, clause.head.doc)
    if has_flag(coding.event_type, "actor_from_place") and (
        not actor_entities or not all(e.country for e in actor_entities)
    ):
        _actors_from_place(clause, coding, actor_entities, recipient_entities)
    elif actor_entities and not any(e.country or e.title for e in actor_entities):
        # "leaders of the opposition coalition agreed to postpone the rally in Baku":
        # a group of no known country acting on a place is of that place
        places = place_targets(clause)
        country = next((e.country for e in _place_entities(places) if e.country), None)
        for entity in actor_entities:
            if not _person(entity, clause.head.doc):
                entity.country = country
    if not recipient_entities and actor_entities:
        # a place the act lands on stands for its country ("shelled Juba")
        places = [t for t in recipients if t.ent_type_ in PLACE_LABELS] or place_targets(clause)
        recipient_entities = [e for e in _place_entities(places) if e._tokens not in taken]
    elif recipient_entities and not any(e.country for e in recipient_entities):
        # "the peacekeeping force in Lebanon": a party of no known country is placed
        # by where the act lands
        places = place_targets(clause) or event_places(clause)
        country = next((e.country for e in _place_entities(places) if e.country), None)
        for entity in recipient_entities:
            if not _person(entity, clause.head.doc):
                entity.country = country
    if (
        recipient_entities
        and not has_flag(coding.event_type, "foreign_prone")
        and not any(e.country for e in recipient_entities)
    ):
        _domestic(actor_entities, recipient_entities, clause.head.doc)
    if not recipient_entities and has_flag(coding.event_type, "home_target"):
        recipient_entities = _home_recipient(actor_entities)
    return actor_entities, recipient_entities


def _home_recipient(actors: list[Entity]) -> list[Entity]:
    """The country itself, not written in the text (empty `text`), for one actor of a
    known country."""
    if len(actors) != 1 or actors[0].country is None:
        return []
    code = actors[0].country
    return [Entity(text="", name=actor_tables().names.get(code, code), country=code)]


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
            if country is None and obj.ent_type_ in PLACE_LABELS:
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
    foreign = rules().foreign_heads
    for entity in recipients:
        head = doc[entity._tokens[0] : entity._tokens[1]].root if entity._tokens else None
        if head is None or head.lemma_.lower() not in foreign:
            entity.country = country




def _person(entity: Entity, doc: Doc) -> bool:
    """A named person: the knowledge base knows better than the place of the act."""
    return entity._tokens is not None and doc[entity._tokens[1] - 1].ent_type_ == "PERSON"


RECIPROCAL = re.compile(
    r"(?i)^(each other|one another|(the )?(two|both) (countries|sides|nations|states|"
    r"governments|parties|neighbou?rs|leaders)|both)$"
)


def _not_own(recipients: list[Entity], compound: bool) -> list[Entity]:
    """ "offered its troops to Lebanon's president": the actor's own people are not
    whom the act is for, when someone else is named."""
    def own(entity: Entity) -> bool:
        return entity.text.split(" ", 1)[0].lower() in OWNER_PRONOUNS

    # "X and Y signed a pact between the two countries", "... with each other": the
    # compound actors themselves, which makes the event reciprocal, not a new party
    if compound:
        recipients = [e for e in recipients if not RECIPROCAL.match(e.text)]

    others = [e for e in recipients if not own(e)]
    return others if others else recipients


def _actors_from_place(
    clause: Clause, coding: Coding, actors: list[Entity], recipients: list[Entity]
) -> None:
    if (actors and coding.event_type == "ASSAULT") or not (actors or recipients):
        return  # named attackers of unknown country stay so; no one acted on, no event
    inside = {i for e in recipients if e._tokens for i in range(*e._tokens)}
    places = [
        e
        for e in _place_entities(event_places(clause))
        if e.country and e._tokens and e._tokens[0] not in inside
    ]
    if not places:
        if actors and coding.event_type == "PROTEST":
            _home_countries(actors, clause.head.doc)
        return
    if not actors:
        actors.append(_unnamed_at(places[0], coding.event_type))
        return
    for entity in actors:
        if entity.country is None and not _person(entity, clause.head.doc):
            entity.country = places[0].country


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
    ("shelled Juba" -> Sudan, "a curfew in Abidjan" -> Ivory Coast)."""
    entities: list[Entity] = []
    for token in tokens:
        span = _place_span(token)
        country = place_country(span.text)
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
    return doc[start:end]


def _entities(tokens: list[Token]) -> list[Entity]:
    entities: list[Entity] = []
    for token in tokens:
        span = np_span(token)
        entity = code_actor(span) or _fallback_entity(token, span) or _appositive(token)
        if entity is None:
            continue
        if entity._tokens is None:
            entity._tokens = (span.start, span.end)
        for found in (entity, *_coordinated_adjectives(token, entity)):
            if all(e._tokens != found._tokens for e in entities):
                entities.append(found)
    return entities


def _appositive(token: Token) -> Entity | None:
    """ "Kenzo Oshima, the UN Emergency Relief Coordinator, demanded ...": a name the
    tables cannot read is the actor its apposition describes."""
    for child in token.children:
        if child.dep_ == "appos":
            entity = code_actor(np_span(child))
            if entity is not None:
                return entity
    return None


def _fallback_entity(token: Token, span: Span) -> Entity | None:
    """A group the actor tables do not know ("Islamic fundamentalists", "army
    bulldozers"), kept when it is a common noun in an argument slot; its country comes
    from a nationality word in the phrase. Names and places stay with `code_actor`."""
    r = rules()
    if token.is_title and token.pos_ == "NOUN" and any(c.dep_ == "cc" for c in token.children):
        # "Fornost and Gondor": a capitalised word coordinated with a name is a name
        return Entity(text=span.text, name=span.text, _tokens=(span.start, span.end))
    if token.pos_ != "NOUN" or token.ent_type_ or token.lower_ in PERSON_PRONOUNS or lookup(token):
        return None
    lemma = lemma_of(token)
    words = [w for w in span if w.i != token.i and (w.ent_type_ in ("NORP", "GPE") or
                                                    country_ref(w) is not None)]
    if not (words or lemma in r.agent_nouns or lemma.endswith(("ist", "ian"))):
        return None
    country = None
    for word in words:
        ref = country_ref(word)  # "Ugandan" even where NER calls it a person
        found = None if ref else code_actor(token.doc[word.i : word.i + 1])
        country = ref.code if ref else (found.country if found is not None else None)
        if country:
            break
    return Entity(text=span.text, name=span.text, country=country, _tokens=(span.start, span.end))


def _coordinated_adjectives(token: Token, main: Entity) -> list[Entity]:
    """ "Turkish and Libyan officials": one more actor per coordinated nationality."""
    extra: list[Entity] = []
    for amod in (c for c in token.lefts if c.dep_ == "amod"):
        for conj in amod.conjuncts:
            entity = code_actor(token.doc[conj.i : conj.i + 1])
            if entity is None or entity.country is None or entity.country == main.country:
                continue
            entity.text = f"{conj.text} {token.text}"
            entity.name = entity.text
            entity.sector, entity.sectors, entity.title = (
                main.sector,
                list(main.sectors),
                main.title,
            )
            entity._tokens = (conj.i, conj.i + 1)
            extra.append(entity)
    return extra
