"""Participants: the actor and recipient entities of a clause, beyond the subject and
object of the event word; their countries are settled by `country_rules`.

- Compound and reciprocal actors. "Jordan and Britain agreed ...", "X and Y met",
  "X and Y renewed ties": one event whose actors are all the parties and whose
  recipient list is empty. This is PLOVER's own convention (its gold marks such
  parties SRC/TAR, each both source and target, with no separate target), and an
  event is one real-world act, counted once. PETRARCH writes the same act as the
  pairs (X, Y) and (Y, X); a consumer that wants dyads expands an event with two or
  more actors, no recipient and a `symmetric` type (data/plover_types.yaml)
  pairwise. Splitting here instead would double-count the act for PLOVER users and
  cost more on the PLOVER gold than it wins on PETRARCH's. Where the text names a
  separate party ("X and Y agreed with Z"), the compound acts on it as usual.
- Pronouns resolve to the reporting verb's subject ("Iraq said it would ..."), an
  earlier named subject of the sentence, or the previous sentence's ("..., he said")
  (`pronouns`); the knowledge base resolves the rest (`kb.resolve`).
- Groups the actor tables do not know ("Islamic fundamentalists") are kept when a
  common noun fills an argument slot, with the country of a nationality word in
  the phrase.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from resgestae.coding.actor_tables import actor_tables
from resgestae.coding.actors import code_actor
from resgestae.coding.arguments import np_span, place_qualifier
from resgestae.coding.clauses import Clause
from resgestae.coding.countries import country_ref
from resgestae.coding.country_rules import Sides, settle_countries
from resgestae.coding.event_types import lemma_of, lookup
from resgestae.coding.modes import Coding
from resgestae.coding.pronouns import earlier_subject, reporter_subject, resolve_pronouns
from resgestae.coding.roles import person_object
from resgestae.coding.rules import rules
from resgestae.model import Entity


def code_participants(
    clause: Clause, coding: Coding, previous: list[Token]
) -> tuple[list[Entity], list[Entity]]:
    """Entities for the actor and recipient heads, pronouns resolved through the
    reporter, countries settled by `country_rules`."""
    actors, recipients = _heads(clause, coding, previous)
    actor_entities = _entities(actors)
    taken = {e._tokens for e in actor_entities}
    recipient_entities = _not_own(
        [e for e in _entities(recipients) if e._tokens not in taken], len(actor_entities) > 1
    )
    sides = Sides(clause, coding.event_type, actor_entities, recipient_entities, recipients, taken)
    settle_countries(sides)
    return sides.actors, sides.recipients


def _heads(
    clause: Clause, coding: Coding, previous: list[Token]
) -> tuple[list[Token], list[Token]]:
    """Actor and recipient tokens with pronouns resolved; for a request read from the
    reporter ("X said Y must ..."), the reporter asks and the clause's parties are asked."""
    antecedent = reporter_subject(clause, previous)
    third = antecedent or earlier_subject(clause)
    actors = _the_two(resolve_pronouns(_parties(clause.actors), antecedent, third), previous)
    recipients = resolve_pronouns(_parties(clause.recipients), antecedent, third)
    if coding.request_from_reporter:
        actors, recipients = antecedent, actors or recipients
    elif held_out(clause):
        # "Y said X would pay a heavy price": the speaker warns X
        actors, recipients = antecedent, actors
    elif undergone(clause):
        # "X faced criticism from Y", "Y said X could face sanctions": Y acts on X
        actors, recipients = recipients or antecedent, actors
    if not actors and coding.event_type == "ASSAULT":
        actors = _attack_subject(clause)
    if coding.event_type == "ASSAULT" and all(
            t.ent_type_ in rules().place_labels for t in recipients):
        # "attacked a police station in X, an attack that killed two officers": the
        # people killed, not the place, when the text names them
        recipients = _victims_after(clause) or recipients
    return actors, recipients


# Verbs whose subject undergoes the act their object names ("faced criticism", "drew
# condemnation", "could face sanctions"); "came under attack/criticism" likewise.
UNDERGO_VERBS = frozenset({"face", "draw", "attract", "incur"})
# ... and the consequences a speaker holds out to someone ("said Burundi would pay a
# heavy price", "any attack would be met with force": lexicon_families.tsv THREATEN 130)
CONSEQUENCE_VERBS = frozenset({"pay", "go", "meet", "answer", "regret"})


def undergone(clause: Clause) -> bool:
    """Whether the clause's event word is a verb its subject undergoes (the act is by
    whoever it comes from, on the subject)."""
    entry = clause.entry
    if entry is None or entry.pos != "V":
        return False
    return entry.lemma in UNDERGO_VERBS or (
        entry.lemma == "come" and any(k == "prep" and "under" in v for k, v in entry.tests))


def held_out(clause: Clause) -> bool:
    """Whether the clause is a consequence a speaker holds out to its subject ("would
    pay a heavy price", "would not go unanswered"): the speaker's warning."""
    entry = clause.entry
    return (entry is not None and entry.lemma in CONSEQUENCE_VERBS
            and entry.event_type == "THREATEN")


def _victims_after(clause: Clause) -> list[Token]:
    """ "attacked a military base, killing 12 soldiers": with no party attacked, the
    people a participle of the same attack kills or wounds are its recipients."""
    found: list[Token] = []
    for verb in _told_after(clause.anchor):
        entry = lookup(verb)
        if entry is not None and entry.event_type == "ASSAULT":
            # "attacking it from three sides": "it" is the place attacked, said again
            found.extend(c for c in verb.children if c.dep_ in ("dobj", "obj")
                         and c.pos_ != "PRON")
    return found


def _told_after(anchor: Token) -> list[Token]:
    """Verbs that tell more of an act: its participle ("..., killing 12 soldiers") and
    the relative clause of an attack noun restating it ("..., an attack that killed two
    officers", "... in an attack that killed 12 soldiers")."""
    verbs = [c for c in anchor.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    nouns = [c for c in anchor.children if c.dep_ in ("npadvmod", "appos", "dobj")]
    nouns += [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "in"
              for g in c.children if g.dep_ == "pobj"]
    nouns += [g for n in list(nouns) for g in n.children if g.dep_ == "appos"]
    for noun in nouns:
        if lemma_of(noun) in ATTACK_NOUNS | {"ambush", "assault"}:
            verbs.extend(c for c in noun.children if c.dep_ == "relcl")
    return verbs


def _the_two(actors: list[Token], previous: list[Token]) -> list[Token]:
    """ "Kenya and Uganda held talks. The two countries agreed ...", "Both sides
    pledged ...": a phrase for two parties stands for the named parties of the sentence
    before, when it named two or more."""
    if len(actors) != 1 or len(previous) < 2 or not RECIPROCAL.match(np_span(actors[0]).text):
        return actors
    return list(previous)


def _parties(tokens: list[Token]) -> list[Token]:
    """Heads that are parties: not the country that says where a place is ("gunmen
    in Sidon, Lebanon", `arguments.place_qualifier`)."""
    return [t for t in tokens if not place_qualifier(t)]


def _attack_subject(clause: Clause) -> list[Token]:
    """ "An Azerbaijani drone strike killed three soldiers": the attack noun that is the
    verb's subject stands for its attackers (`_attack_noun` reads their country)."""
    return [c for c in clause.anchor.children
            if c.dep_ == "nsubj" and lemma_of(c) in ATTACK_NOUNS and c.i not in
            {t.i for t in clause.recipients}]


RECIPROCAL = re.compile(
    r"(?i)^(each other|one another|(the )?(two|both) (countries|sides|nations|states|"
    r"governments|parties|neighbou?rs|leaders)|both)$"
)


def _not_own(recipients: list[Entity], compound: bool) -> list[Entity]:
    """ "offered its troops to Lebanon's president": the actor's own people are not
    whom the act is for, when someone else is named."""
    def own(entity: Entity) -> bool:
        return entity.text.split(" ", 1)[0].lower() in rules().owner_pronouns

    # "X and Y signed a pact between the two countries", "... with each other": the
    # compound actors themselves, which makes the event reciprocal, not a new party
    if compound:
        recipients = [e for e in recipients if not RECIPROCAL.match(e.text)]

    others = [e for e in recipients if not own(e)]
    return others if others else recipients


def _entities(tokens: list[Token]) -> list[Entity]:
    entities: list[Entity] = []
    for token in tokens:
        span = np_span(token)
        entity = (code_actor(span) or _fallback_entity(token, span) or _attack_noun(token, span)
                  or _appositive(token))
        if entity is None:
            continue
        if entity._tokens is None:
            entity._tokens = (span.start, span.end)
        for found in (entity, *_coordinated_adjectives(token, entity)):
            if all(e._tokens != found._tokens for e in entities):
                entities.append(found)
    return entities


# Nouns of an armed attack or its weapon: "an Azerbaijani drone strike killed ...".
ATTACK_NOUNS = frozenset({"strike", "airstrike", "attack", "raid", "shelling", "bombardment",
                          "bombing", "drone", "missile", "rocket", "artillery", "air"})


def _attack_noun(token: Token, span: Span) -> Entity | None:
    """The armed forces of the nationality that modifies an attack noun standing as the
    subject: "an Azerbaijani drone strike" is Azerbaijan's military acting."""
    if token.dep_ not in ("nsubj", "nsubjpass", "agent", "pobj") or \
            lemma_of(token) not in ATTACK_NOUNS:
        return None
    refs = [country_ref(w) for w in span if w.i != token.i]
    code = next((r.code for r in refs if r is not None), None)
    if code is None:
        return _group_attack(token, span)
    return Entity(text=span.text, name=span.text, country=code, sector="MIL", sectors=["MIL"],
                  _tokens=(span.start, span.end))


def _group_attack(token: Token, span: Span) -> Entity | None:
    """ "A Houthi drone attack hit a tanker", "a Taliban suicide bombing killed ...": the
    named group that modifies the attack noun is its author (the group as the actor
    tables know it, with its country and sector)."""
    for word in span:
        if word.i >= token.i or word.dep_ not in ("compound", "amod", "nmod", "poss") or \
                word.pos_ != "PROPN":
            continue
        start = word.i
        while start > span.start and token.doc[start - 1].pos_ == "PROPN":
            start -= 1  # "an Islamic State car bombing": the whole name
        group = code_actor(token.doc[start : word.i + 1])
        if group is not None and group.sector:  # a group, not a nationality ("Saudi-led")
            group.text = span.text  # the attack is the group's; its name stays canonical
            group._tokens = (span.start, span.end)
            return group
    return None


def _appositive(token: Token) -> Entity | None:
    """ "Kenzo Oshima, the UN Emergency Relief Coordinator, demanded ...": a name the
    tables cannot read is the actor its apposition describes."""
    for child in token.children:
        if child.dep_ == "appos" and not place_qualifier(child):
            entity = code_actor(np_span(child))
            if entity is not None:
                return entity
    return None


def _fallback_entity(token: Token, span: Span) -> Entity | None:
    """A group the actor tables do not know ("Islamic fundamentalists", "army
    bulldozers"), kept when it is a common noun in an argument slot; its country comes
    from a nationality word in the phrase. Names and places stay with `code_actor`."""
    if token.is_title and token.pos_ == "NOUN" and any(c.dep_ == "cc" for c in token.children):
        # "Fornost and Gondor": a capitalised word coordinated with a name is a name
        return Entity(text=span.text, name=span.text, _tokens=(span.start, span.end))
    pronouns = rules().person_pronouns
    if token.pos_ != "NOUN" or token.ent_type_ or token.lower_ in pronouns or lookup(token):
        return None
    if {token.lower_, token.lemma_.lower()} & actor_tables().thing_heads:
        return None  # "burned American flags": a thing acted on, never a party
    lemma = lemma_of(token)
    words = [w for w in span if w.i != token.i and (w.ent_type_ in ("NORP", "GPE") or
                                                    country_ref(w) is not None)]
    if not (words or lemma in rules().agent_nouns or lemma.endswith(("ist", "ian"))
            or person_object(token)):
        return None
    country = _nationality(words)
    return Entity(text=span.text, name=span.text, country=country, _tokens=(span.start, span.end))


def _nationality(words: list[Token]) -> str | None:
    """The first country the nationality or place words of a phrase name."""
    for word in words:
        ref = country_ref(word)  # "Ugandan" even where NER calls it a person
        found = None if ref else code_actor(word.doc[word.i : word.i + 1])
        country = ref.code if ref else (found.country if found is not None else None)
        if country:
            return country
    return None


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
