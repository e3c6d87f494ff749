"""Coding: from an annotated Doc to events (clauses, types, factuality, actors).

Per sentence: find the event clauses (`clauses`), read their modality
(`factuality`), type them from the lexicon or, for verbs the lexicon does not
know, the learned classifier (`modes`, `classifier`), code the actor and
recipient noun phrases (`actors`), and score the result (`confidence`).

Participants, beyond the subject and object of the event word:

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
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from resgestae.coding.actors import (
    CountryRef,
    code_actor,
    country_in_sentence,
    fuzzy_country,
    lexicon,
)
from resgestae.coding.clauses import (
    Clause,
    event_places,
    find_clauses,
    np_span,
    place_targets,
    subject,
)
from resgestae.coding.confidence import main_clause, score, share_sentence
from resgestae.coding.event_types import Entry, lemma_of, lookup
from resgestae.coding.event_types import lexicon as type_lexicon
from resgestae.coding.factuality import Modality, modality
from resgestae.coding.modes import Coding, code_clause
from resgestae.coding.rules import rules
from resgestae.model import Article, Entity, Event

# Below this probability a classifier guess is dropped, and below this share of an
# ambiguous trigger's types the lexicon's default type stands (both chosen on the tune
# half of the dev gold by benchmarks/clause_models.py).
CLASSIFIER_THRESHOLD = 0.8
AMBIGUOUS_THRESHOLD = 1.01  # off until measured
MAX_TRIGGER_TOKENS = 6

__all__ = ["extract_events"]


def extract_events(doc: Doc, article: Article) -> list[Event]:
    """All events the article's Doc reports, several per sentence where the text has them."""
    events: list[Event] = []
    previous: list[Token] = []
    for sent in doc.sents:
        if sent.text.strip():
            events.extend(sentence_events(sent, article, previous))
            previous = _named_subject(sent) or previous
    return events


def _named_subject(sent: Span) -> list[Token]:
    """The first named person or group that is a subject in the sentence: the antecedent
    of "he said" in the next one."""
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN":
            return [token, *token.conjuncts]
    return []


def sentence_events(
    sent: Span, article: Article, previous: list[Token] | None = None
) -> list[Event]:
    """The events of one sentence, without repeats of the same act. `previous` is the
    named subject of the sentence before, for "..., he said"."""
    events: list[Event] = []
    for clause in find_clauses(sent):
        for event in _clause_events(clause, sent, article, previous or []):
            if not _repeats(event, events):
                events.append(event)
    acts = len({e._trigger_i for e in events})
    for event, conf in zip(
        events, share_sentence([e.confidence for e in events], acts), strict=True
    ):
        event.confidence = conf
    return events


def _repeats(event: Event, events: list[Event]) -> bool:
    """Whether the event repeats one already coded: same type, actors and recipients,
    or the same act with the recipients on one side only ("established ties with and
    opened an embassy in Tehran"); the earlier event then takes the recipients."""
    actors = [e.text for e in event.actor]
    recipients = [e.text for e in event.recipient]
    for other in events:
        if other.event_type != event.event_type or [e.text for e in other.actor] != actors:
            continue
        theirs = [e.text for e in other.recipient]
        if theirs == recipients or not recipients:
            return True
        if not theirs:
            other.recipient = list(event.recipient)
            return True
    return False


def _clause_events(
    clause: Clause, sent: Span, article: Article, previous: list[Token]
) -> list[Event]:
    mod = modality(clause)
    coding = code_clause(clause, mod)
    prob = None
    if coding is None:
        coding, prob = _classify(clause, mod)
        if coding is None:
            return []
    else:
        coding = _decide(clause, mod, coding)
    actors, recipients = _participants(clause, coding, previous)
    if not actors and not recipients:
        return []
    groups = [[a] for a in actors] if clause.split and len(actors) > 1 else [actors]
    conf = score(clause, coding, len(actors), len(recipients), prob)
    return [_event(clause, coding, group, recipients, conf, sent, article) for group in groups]


def _participants(
    clause: Clause, coding: Coding, previous: list[Token]
) -> tuple[list[Entity], list[Entity]]:
    """Entities for the actor and recipient heads, pronouns resolved through the reporter."""
    antecedent = _reporter_subject(clause, previous)
    third = antecedent or _earlier_subject(clause)
    actors = _resolve(clause.actors, antecedent, third)
    recipients = _resolve(clause.recipients, antecedent, third)
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
    if coding.event_type in PLACED_ACTOR_TYPES and (
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
        places = [t for t in recipients if t.ent_type_ in PLACE_ENTS] or place_targets(clause)
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
        and coding.event_type not in FOREIGN_PRONE_TYPES
        and not any(e.country for e in recipient_entities)
    ):
        _domestic(actor_entities, recipient_entities, clause.head.doc)
    if not recipient_entities and coding.event_type in HOME_TYPES:
        recipient_entities = _home_recipient(actor_entities)
    return actor_entities, recipient_entities


# Acts of constraint, refusal or concession that name no one they fall on fall on the
# actor's own country ("imposed martial law", "called off the strike", "denied the
# permit"): PLOVER codes such domestic measures with the country as target. Not
# violence, and not acts whose other party is usually foreign and merely unnamed.
HOME_TYPES = frozenset({"COERCE", "CONCEDE", "REJECT", "THREATEN"})


def _home_recipient(actors: list[Entity]) -> list[Entity]:
    """The country itself, not written in the text (empty `text`), for one actor of a
    known country."""
    if len(actors) != 1 or actors[0].country is None:
        return []
    code = actors[0].country
    return [Entity(text="", name=lexicon().names.get(code, code), country=code)]


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
            if country is None and obj.ent_type_ in PLACE_ENTS:
                country = place_country(_place_span(obj).text)
            if country:
                return country
        heads = objs
    return None


# Violence is as often across a border or an insurgency's as at home ("bombers killed
# 23 people"): its unplaced victims are not presumed the attackers' compatriots.
FOREIGN_PRONE_TYPES = frozenset({"ASSAULT"})


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


# Types whose actor, when the text names none or gives it no country, is placed by
# where the act happened: an unattributed bombing in Samarra is coded to Iraq (PLOVER
# codes unclaimed violence to the country it happens in); protesters with no
# nationality protest at home.
PLACED_ACTOR_TYPES = frozenset({"ASSAULT", "PROTEST"})


OWN = frozenset({"its", "their"})


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
        return entity.text.split(" ", 1)[0].lower() in OWN

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
    sector = "CVL" if event_type == "PROTEST" else "UAF"
    return Entity(text=place.text, name=found.name if found else place.country or "",
                  country=place.country, sector=sector, sectors=[sector],
                  _tokens=place._tokens)


def _home_countries(actors: list[Entity], doc: Doc) -> None:
    """Protesters of no stated nationality, in a sentence that qualifies things with
    one country only ("to demand the resignation of Algerian President ..."): theirs."""
    for entity in actors:
        if entity.country is None and entity._tokens is not None and entity.title is None:
            entity.country = country_in_sentence(doc[entity._tokens[0] : entity._tokens[1]])


def _reporter_subject(clause: Clause, previous: list[Token]) -> list[Token]:
    """Who reported: the reporting verb's subject; "he"/"she" is the previous sentence's."""
    if clause.reporter is None:
        return []
    heads, _passive = subject(clause.reporter)
    if heads and heads[0].lower_ in ("he", "she"):
        return list(previous)
    return [t for h in heads for t in (h, *h.conjuncts) if t.pos_ != "PRON"]


def _earlier_subject(clause: Clause) -> list[Token]:
    """A cheap antecedent for a pronoun: the first named subject earlier in the sentence."""
    for token in clause.head.sent:
        if token.i >= clause.anchor.i:
            break
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.pos_ != "PRON"
            and (token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
        ):
            return [token, *token.conjuncts]
    return []


PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "central", "upper", "lower",
                        "northeast", "northwest", "southeast", "southwest"})


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


@lru_cache(maxsize=50_000)
def place_country(name: str) -> str | None:
    """ISO-3 of the country a place name lies in: a country or capital from the actor
    tables, else the gazetteer's one country for the name (None when it is ambiguous);
    "southern Lebanon" is in Lebanon, "Afganistan" is Afghanistan."""
    words = name.split()
    found = _place_country(name)
    while found is None and len(words) > 1 and words[0].lower().removesuffix("ern") in DIRECTIONS:
        words = words[1:]
        found = _place_country(" ".join(words))
    if found is None and len(words) == 1 and len(words[0]) >= 6:
        found = fuzzy_country(words[0])
    return found


def _place_country(name: str) -> str | None:
    ref = lexicon().country(name)
    if ref is not None and ref.kind in ("name", "capital"):
        return ref.code
    from resgestae.coding.gazetteer import Context, choose, gazetteer

    found = choose(gazetteer().lookup(name), Context(Counter()))
    return found.country if found is not None else None


THIRD_PERSON = frozenset({"he", "she", "it", "they", "him", "her", "them"})


def _resolve(tokens: list[Token], reporter: list[Token], third: list[Token]) -> list[Token]:
    """Replace pronouns by the reporting verb's subject ("Iraq said it would ..."), or a
    third-person pronoun by an earlier named subject of the sentence."""
    pronouns = rules().pronouns
    out: list[Token] = []
    for token in tokens:
        if token.pos_ == "PRON" and token.lower_ in pronouns:  # "US" is not "us"
            antecedent = third if token.lower_ in THIRD_PERSON else reporter
            if not antecedent and token.lower_ in ONE_PERSON:
                antecedent = _previous_subject(token)
            out.extend(t for t in antecedent if t not in out)
        elif token not in out:
            out.append(token)
    return out


ONE_PERSON = frozenset({"he", "she", "him", "her"})


def _previous_subject(pronoun: Token) -> list[Token]:
    """ "Soleimani was head of the Quds Force. He was killed ...": a sentence-initial
    "he" or "she" is the one person the previous sentence is about (its main subject,
    named as a person); anything less clear leaves the pronoun unresolved."""
    sent = pronoun.sent
    if sent.start == 0 or pronoun.i - sent.start > 1:
        return []
    previous = pronoun.doc[sent.start - 1].sent
    for token in previous.root.children:
        if token.dep_ in ("nsubj", "nsubjpass"):
            person = token.ent_type_ == "PERSON" and not token.conjuncts
            return [token] if person else []
    return []


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
    if token.pos_ != "NOUN" or token.ent_type_ or token.lower_ in r.pronouns or lookup(token):
        return None
    lemma = lemma_of(token)
    words = [w for w in span if w.i != token.i and (w.ent_type_ in ("NORP", "GPE") or
                                                    _country_ref(w) is not None)]
    if not (words or lemma in r.agent_nouns or lemma.endswith(("ist", "ian"))):
        return None
    country = None
    for word in words:
        ref = _country_ref(word)  # "Ugandan" even where NER calls it a person
        found = None if ref else code_actor(token.doc[word.i : word.i + 1])
        country = ref.code if ref else (found.country if found is not None else None)
        if country:
            break
    return Entity(text=span.text, name=span.text, country=country, _tokens=(span.start, span.end))


def _country_ref(word: Token) -> CountryRef | None:
    ref = lexicon().country(word.text) if word.is_title or word.is_upper else None
    return ref if ref is not None and ref.kind in ("name", "adjective") else None


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


def _event(
    clause: Clause,
    coding: Coding,
    actors: list[Entity],
    recipients: list[Entity],
    confidence: float,
    sent: Span,
    article: Article,
) -> Event:
    start, end = _text_span(sent)
    trigger, trigger_span = _trigger(clause)
    return Event(
        article_id=article.id,
        event_type=coding.event_type,
        text=article.text[start:end],
        span=(start, end),
        actor=list(actors),
        recipient=list(recipients),
        mode=coding.mode,
        context=list(coding.context),
        cameo=coding.cameo,
        factuality=coding.factuality,
        trigger=trigger,
        confidence=confidence,
        _trigger_i=clause.head.i,
        _sent=(sent.start, sent.end),
        _trigger_span=trigger_span,
    )


def _text_span(sent: Span) -> tuple[int, int]:
    """Character offsets of the sentence from its first to its last word: spaCy's
    sentence also holds whitespace tokens, and text blanked for coding (a dateline, a
    repeated paragraph) is whitespace in the coded Doc."""
    doc, start, end = sent.doc, sent.start, sent.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return sent.start_char, sent.start_char
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _trigger(clause: Clause) -> tuple[str, tuple[int, int]]:
    """The words expressing the event: a short contiguous stretch, or the words themselves."""
    tokens = sorted({t.i: t for t in clause.trigger}.values(), key=lambda t: t.i)
    first, last = tokens[0], tokens[-1]
    span = (first.idx, last.idx + len(last.text))
    if last.i - first.i < MAX_TRIGGER_TOKENS:
        return first.doc[first.i : last.i + 1].text, span
    return " ".join(t.text for t in tokens), span


# -- the learned classifier, for event verbs the lexicon does not know --------------------


@lru_cache(maxsize=1)
def _classifier() -> Callable[[str, str], tuple[str | None, float]] | None:
    try:
        from resgestae.coding.classifier import predict
    except ImportError:
        return None
    return predict


def _decide(clause: Clause, mod: Modality, coding: Coding) -> Coding:
    """A trigger whose lexicon entry is its test-free default and that the lexicon gives
    2-4 types ("fire", "hit", "block"): the clause model chooses among those types."""
    entry = clause.entry
    if entry is None or entry.tests or coding.derived or coding.event_type != entry.event_type:
        return coding
    senses = _senses(entry.lemma, entry.pos)
    if not 2 <= len(senses) <= 4:
        return coding
    from resgestae.coding.classifier import choose

    verb = clause.anchor
    text = verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text
    try:
        kind, share = choose(text, lemma_of(verb), list(senses))
    except Exception:  # a broken model must not stop coding; the lexicon's type stands
        return coding
    if kind == entry.event_type or share < AMBIGUOUS_THRESHOLD:
        return coding
    clause.entry = senses[kind]
    return code_clause(clause, mod) or coding


def _senses(lemma: str, pos: str) -> dict[str, Entry]:
    """Each event type the lexicon gives a lemma, with its least specific entry."""
    found: dict[str, Entry] = {}
    for entry in reversed(type_lexicon().get((lemma, pos), [])):
        if entry.event_type != "NONE":
            found.setdefault(entry.event_type, entry)
    return found


def _classify(clause: Clause, mod: Modality) -> tuple[Coding | None, float | None]:
    """Type an untyped verb clause with the classifier, when it looks like an event."""
    verb = clause.anchor
    r = rules()
    lemma = verb.lemma_.lower()
    if clause.nominal or verb.pos_ != "VERB" or not clause.actors or not main_clause(verb):
        return None, None  # only main-line verbs: the classifier is the costly step
    if lemma in r.light or lemma in r.reporting or lemma in ("be", "have", "do", "become", "seem"):
        return None, None
    predict = _classifier()
    if predict is None:
        return None, None
    text = verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text
    try:
        event_type, prob = predict(text, lemma)
    except Exception:  # a broken model must not stop coding; the lexicon still works
        return None, None
    if event_type is None or prob < CLASSIFIER_THRESHOLD:
        return None, None
    clause.entry = Entry(lemma, "V", (), event_type, None, r.type_cameo.get(event_type), None)
    return code_clause(clause, mod), prob
