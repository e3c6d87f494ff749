"""Resolution: every actor and recipient gets a canonical name and a kb_id.

The knowledge base does not read the parse: it learns from what the coding stage
found in the article (`coding.mentions.ArticleMentions`: persons named in full with
the clues around their names, acronyms, one-word names) and asks it about an
entity's words when it must. Names are made canonical in `kb.canonical`.

Per article, in order:
  1. learn from what coding found: persons with their titles and appositions
     ("Turkish Defense Minister Hulusi Akar", "Khaled al Meshri, who heads the
     High State Council", "his counterpart Salahaddin Namroush") and acronyms
     written out ("Government of National Accord (GNA)");
  2. merge spelling variants of one person (kb/names.py, conservative);
  3. resolve each entity: pronouns to the last person named, surnames to the
     full person of the article, organizations, countries and collectives
     ("Turkish forces" -> Turkish military, TUR MIL) to their entries;
  4. fill country, sector and title the entity lacks from the KB entry, or
     from a loaded PETRARCH dictionary (which wins: users chose its codes).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from resgestae.coding.actor_tables import actor_tables, norm
from resgestae.coding.rules import rules
from resgestae.kb.base import ActorKB, KBEntry, Role, make_id
from resgestae.kb.canonical import country_name, fill, group_name, name_from_words
from resgestae.kb.names import ascii_fold, parts, same_person, surname_alike
from resgestae.kb.petrarch import KB_PREFIX, dictionary_code, iso_date
from resgestae.model import Article, Entity, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from resgestae.coding.mentions import Acronym, ArticleMentions, Clue

DOMESTIC = frozenset({"GOV", "JUD", "LEG", "OPP", "ELI", "PTY"})
FOREIGN_WORDS = ("foreign", "envoy", "ambassador", "diplomat", "secretary of state", "consul")


@dataclass
class Mention:
    """A person named in the article: where, and the KB entry it resolved to."""

    start: int
    entry: KBEntry


@dataclass
class Context:
    """What the article itself says about its actors."""

    found: ArticleMentions
    article: Article
    kb: ActorKB
    date: str | None = None
    home: str | None = None  # country of the dateline
    persons: list[Mention] = field(default_factory=list)
    entries: dict[str, KBEntry] = field(default_factory=dict)  # kb_id -> entry, this article
    mentions: list[Mention] | None = None  # all person mentions, once persons are learned


def resolve_actors(events: list[Event], doc: Doc, article: Article, kb: ActorKB,
                   found: ArticleMentions | None = None) -> None:
    """Give every actor a canonical name and kb_id (in place); the KB learns from what
    coding found in the article (`found`; read from `doc` when not given)."""
    if found is None:
        from resgestae.coding.mentions import ArticleMentions

        found = ArticleMentions(doc)
    ctx = Context(found, article, kb, iso_date(article.date), _dateline_country(article))
    for acronym in found.acronyms:
        _add_acronym(ctx, acronym)
    learn_persons(ctx)
    for event in events:
        event.actor = _split_coordinated(event.actor, ctx)
        event.recipient = _split_coordinated(event.recipient, ctx)
        for entity in event.actor + event.recipient:
            resolve_entity(entity, ctx)


def _split_coordinated(entities: list[Entity], ctx: Context) -> list[Entity]:
    """ "US and British forces" as one entity becomes one per country (PLOVER's rule)."""
    out: list[Entity] = []
    for entity in entities:
        out.append(entity)
        if entity._tokens is not None and entity.country:
            countries = {e.country for e in entities}
            out.extend(e for e in ctx.found.coordinated(entity) if e.country not in countries)
    return out


def _dateline_country(article: Article) -> str | None:
    """The dateline's country: its place as the gazetteer reads it with the qualifier
    ("PARIS, Texas", "TROY, N.C."), else a country or capital it names."""
    if not article.dateline:
        return None
    from resgestae.coding.gazetteer import Context as Where
    from resgestae.coding.places import dateline_place

    place = dateline_place(article, Where(Counter()))
    if place is not None and place.country:
        return place.country
    lex = actor_tables()
    for part in re.split(r"[,\u2013\u2014-]", article.dateline):
        ref = lex.country(part.strip())
        if ref and ref.kind in ("name", "capital"):
            return ref.code
    return None


# -- learning acronyms ------------------------------------------------------------


def _add_acronym(ctx: Context, found: Acronym) -> None:
    """ "Government of National Accord (GNA)" makes GNA an alias of the expansion."""
    expansion, acronym, entity = found.expansion, found.acronym, found.entity
    known = ctx.kb.lookup(expansion, "org") or ctx.kb.lookup(acronym, "org")
    if known:
        ctx.kb.add_alias(known[0].kb_id, acronym)
        return
    ref = actor_tables().org(expansion) or actor_tables().org(acronym)
    country = ref.country if ref else (entity.country if entity else None)
    sectors = list(ref.sectors) if ref else (list(entity.sectors) if entity else [])
    name = ref.name if ref else expansion
    ctx.kb.add(KBEntry(make_id("org", name, country), name, "org", aliases=[acronym],
                       country=country, sectors=sectors, source="text"))


# -- learning persons -------------------------------------------------------------


def learn_persons(ctx: Context) -> None:
    """Persons named in full in the article, merged across spellings, in text order."""
    for person in ctx.found.persons:
        entity = person.entity
        _enrich(entity, person.clues, ctx)
        known = None
        if entity.country is None:  # the article, then the KB, may already know who this is
            same = ctx.kb.lookup(entity.name, "person")
            known = _full_name_match(entity.name, ctx) or (same[0] if len(same) == 1 else None)
        if known is None:
            # a guess only for a person new to the article
            _home_country(entity, person.sentence_country, ctx)
        entry = _merge(known, entity, ctx) if known else _person_entry(entity, ctx)
        ctx.persons.append(Mention(person.start, entry))


def _home_country(entity: Entity, in_sentence: Callable[[], str | None], ctx: Context) -> None:
    """A titled person the text gives no country: the country the sentence places or
    qualifies things with (`in_sentence`: "President Museveni threatened Ugandan
    opposition ..."); a warlord or rebel fights in the dateline's country."""
    if entity.country is not None or not (entity.title or entity.sector):
        return
    if entity.sector in ("REB", "UAF", "CRM", "MIL"):
        # fighters' sentences name their enemies: only the dateline is safe
        entity.country = ctx.home if entity.sector == "REB" else None
        return
    title = (entity.title or "").lower()
    if entity.sector not in DOMESTIC or any(w in title for w in FOREIGN_WORDS):
        return  # a diplomat's or a policeman's sentence names other countries
    entity.country = in_sentence()


def _enrich(entity: Entity, clues: list[Clue], ctx: Context) -> None:
    """Title, country and sector from the clues around the name, in text order: a
    title phrase just before it, an apposition, a "who heads X" clause."""
    for clue in clues:
        if clue.kind == "head":
            _from_head_clause(entity, clue.other)
        else:
            _from_title_phrase(entity, clue, ctx)


def _from_title_phrase(entity: Entity, clue: Clue, ctx: Context) -> None:
    other, kind = clue.other, clue.other_kind
    if kind == "person" and norm(other.name) != norm(entity.name):
        return  # another person's phrase, not a title of this one
    if kind == "person":
        entity.title = entity.title or other.title
    entity.country = entity.country or other.country
    entity.sectors = entity.sectors or list(other.sectors)
    entity.sector = entity.sector or other.sector
    entity.title = entity.title or clue.title
    if clue.counterpart is not None:
        _counterpart(entity, clue.counterpart, ctx)


def _counterpart(entity: Entity, subject: str, ctx: Context) -> None:
    """ "X held talks with his counterpart Y": Y holds X's post in the other country
    (X: the person of the article the governing verb's `subject` names)."""
    other = _article_person(subject, ctx)
    if other is None:
        return
    entity.title = other.title or entity.title
    entity.sector = entity.sector or other.sector
    entity.sectors = entity.sectors or list(other.sectors)
    if entity.country is None and ctx.home and ctx.home != other.country:
        entity.country = ctx.home


def _from_head_clause(entity: Entity, org: Entity) -> None:
    """ "X, who heads Y": X's country and sector are Y's, the title "head of Y"."""
    entity.country = entity.country or org.country
    entity.sectors = entity.sectors or list(org.sectors)
    entity.sector = entity.sector or org.sector
    entity.title = entity.title or f"head of {org.name}"


def _person_entry(entity: Entity, ctx: Context) -> KBEntry:
    """The KB entry for a fully named person: same article, then the KB, else a new one."""
    for entry in ctx.entries.values():
        if entry.kind == "person" and same_person(entity.name, entity.country, entity.sector,
                                                  entry.name, entry.country, entry.sector, True):
            return _merge(entry, entity, ctx)
    for entry in ctx.kb.lookup(entity.name, "person") + _fuzzy_candidates(entity, ctx.kb):
        if same_person(entity.name, entity.country, entity.sector,
                       entry.name, entry.country, entry.sector, False) or (
            norm(entry.name) == norm(entity.name) and _compatible(entry, entity)
        ):
            return _merge(entry, entity, ctx)
    entry = ctx.kb.add(KBEntry(make_id("person", entity.name, entity.country), entity.name,
                               "person", country=entity.country, sectors=list(entity.sectors),
                               title=entity.title, source="text"))
    ctx.entries[entry.kb_id] = entry
    return entry


def _compatible(entry: KBEntry, entity: Entity) -> bool:
    return not (entry.country and entity.country and entry.country != entity.country)


def _fuzzy_candidates(entity: Entity, kb: ActorKB) -> list[KBEntry]:
    """Persons whose surname sounds like this one's: an index lookup, not a scan."""
    return kb.sounding(entity.name)


def _merge(entry: KBEntry, entity: Entity, ctx: Context) -> KBEntry:
    ctx.kb.add_alias(entry.kb_id, entity.name)
    entry = ctx.kb.own(entry)
    entry.country = entry.country or entity.country
    entry.sectors = entry.sectors or list(entity.sectors)
    entry.title = entry.title or entity.title
    ctx.entries[entry.kb_id] = entry
    return entry


# -- resolving entities -------------------------------------------------------------


def resolve_entity(entity: Entity, ctx: Context) -> None:
    """Canonical name, kb_id and missing attributes for one actor or recipient."""
    if entity._tokens is not None and not ctx.found.valid(entity):
        entity._tokens = None  # token indices that are not this Doc's: go by text alone
    if not entity.text.strip():
        return
    if entity._tokens is None:
        name_from_words(entity)
    kind = _kind(entity, ctx)
    entry = _entry_for(entity, kind, ctx)
    if entry is not None:
        fill(entity, ctx.kb.own(entry))
    if ctx.kb.dictionary is not None:
        _apply_dictionary(entity, ctx, person=entry is not None and entry.kind == "person")


def _kind(entity: Entity, ctx: Context) -> str:
    found = ctx.found.kind(entity)
    if found:
        return found
    spoken = rules().one_person_pronouns | rules().we_pronouns
    if norm(entity.text) in spoken or norm(entity.name) in spoken:
        return "pronoun"
    if actor_tables().org(entity.name):
        return "org"
    if entity.country and actor_tables().country(entity.name):
        return "country"
    return "group"


def _entry_for(entity: Entity, kind: str, ctx: Context) -> KBEntry | None:
    if kind == "pronoun":
        return _pronoun(entity, ctx)
    person = _article_person(entity.name, ctx)
    last = entity.name.split()[-1] if entity.name.split() else ""
    if person is None and kind == "group" and last[:1].isupper():
        person = _full_name_match(last, ctx) or _surname_exact(last, ctx)
    if person is not None and kind in ("person", "group"):
        return person
    if kind in ("person", "group"):
        known = _known_name(entity, ctx)
        if known is not None:
            return known
    if kind == "person":
        return _lone_person(entity, ctx)
    if kind == "org":
        return _org(entity, ctx)
    if kind == "country" and not entity.sector:
        return _country(entity, ctx)
    if entity.country is None and entity.sector == "COP" and ctx.home:
        entity.country = ctx.home  # police of no stated country: the dateline's
    return _group(entity, ctx)


def _known_name(entity: Entity, ctx: Context) -> KBEntry | None:
    """A KB entry (user file, earlier article) with this exact name or alias, or a unique
    person with this surname; dictionary entries are matched by the dictionary instead."""
    named = [e for e in ctx.kb.lookup(entity.name) if e.source != "petrarch"]
    users = [e for e in named if e.source == "user"]
    if len(users) == 1:
        return users[0]  # the user's own entry for this name overrides what we know
    found = [e for e in named if _compatible(e, entity)]
    if not found and len(entity.name.split()) == 1 and entity.name[:1].isupper():
        found = [e for e in ctx.kb.by_surname(entity.name) if _compatible(e, entity)]
    return found[0] if len(found) == 1 else None


def _pronoun(entity: Entity, ctx: Context) -> KBEntry | None:
    """ "he said" -> the person named last before the pronoun; "we" inside that person's
    quote -> the side the person speaks for ("Libyan government"). "they" stays open."""
    word = norm(entity.text)
    if entity._tokens is None or word not in rules().one_person_pronouns | rules().we_pronouns:
        return None
    start = entity._tokens[0]
    before = [m for m in _all_mentions(ctx) if m.start < start]
    if not before:
        return None
    person = before[-1].entry
    if word in rules().one_person_pronouns:
        return person
    person = _speaker(start, ctx) or person
    if not (person.country and person.sectors):
        return None
    side = Entity(text=entity.text, name=entity.text, country=person.country,
                  sector=person.sectors[0], sectors=list(person.sectors))
    return _group(side, ctx)


def _speaker(start: int, ctx: Context) -> KBEntry | None:
    """The person a quote at token `start` is attributed to in the same sentence
    (" ... ," he said: the person named last before it)."""
    said = ctx.found.speaker(start)
    if said is None:
        return None
    if said[0] == "pronoun":
        earlier = [m for m in _all_mentions(ctx) if m.start < start]
        return earlier[-1].entry if earlier else None
    return _article_person(said[1], ctx)


def _all_mentions(ctx: Context) -> list[Mention]:
    """Full-name mentions plus surname-only mentions that resolve, in text order."""
    if ctx.mentions is None:
        ctx.mentions = _mentions(ctx)
    return ctx.mentions


def _mentions(ctx: Context) -> list[Mention]:
    mentions = list(ctx.persons)
    for start, text in ctx.found.short_mentions():
        entry = _article_person(text, ctx)
        if entry is not None:
            mentions.append(Mention(start, entry))
    return sorted(mentions, key=lambda m: m.start)


def _article_person(name: str, ctx: Context) -> KBEntry | None:
    """A full person of this article that `name` (full or surname only) refers to."""
    full = _full_name_match(name, ctx)
    if full is not None:
        return full
    folded = re.sub(r"^(the|minister|president|general|mr|mrs|ms|dr)\s+", "", ascii_fold(name))
    if not folded or " " in folded:
        return None
    matches = {m.entry.kb_id: m.entry for m in ctx.persons
               if any(parts(n).last == folded for n in m.entry.names())}
    if not matches:
        matches = {m.entry.kb_id: m.entry for m in ctx.persons
                   if any(surname_alike(parts(n).last, folded) for n in m.entry.names())}
    return next(iter(matches.values())) if len(matches) == 1 else None


def _surname_exact(surname: str, ctx: Context) -> KBEntry | None:
    folded = ascii_fold(surname)
    matches = {m.entry.kb_id: m.entry for m in ctx.persons
               if any(parts(n).last == folded for n in m.entry.names())}
    return next(iter(matches.values())) if len(matches) == 1 else None


def _full_name_match(name: str, ctx: Context) -> KBEntry | None:
    for entry in ctx.entries.values():
        if entry.kind == "person" and norm(name) in {norm(n) for n in entry.names()}:
            return entry
    return None


def _lone_person(entity: Entity, ctx: Context) -> KBEntry:
    """A person the article names only by surname, or a full name NER missed."""
    if entity._tokens is not None:
        _home_country(entity, lambda: ctx.found.sentence_country(entity), ctx)
    if len(entity.name.split()) > 1:
        return _person_entry(entity, ctx)
    known = [e for e in ctx.kb.by_surname(entity.name) if _compatible(e, entity)]
    if len(known) == 1:
        return known[0]
    return _person_entry(entity, ctx)


def _org(entity: Entity, ctx: Context) -> KBEntry:
    known = ctx.kb.lookup(entity.name, "org") or ctx.kb.lookup(entity.text, "org")
    if known:
        return known[0]
    return ctx.kb.add(KBEntry(make_id("org", entity.name, entity.country), entity.name, "org",
                              country=entity.country, sectors=list(entity.sectors),
                              source="data"))


def _country(entity: Entity, ctx: Context) -> KBEntry | None:
    if not entity.country:
        return None
    name = country_name(entity.country, entity.name)
    return ctx.kb.add(KBEntry(make_id("country", name, entity.country), name, "country",
                              country=entity.country, source="data"))


def _group(entity: Entity, ctx: Context) -> KBEntry:
    """A collective: one entry per (country, sector), named "Turkish military"."""
    name = group_name(entity)
    return ctx.kb.add(KBEntry(make_id("group", name, entity.country), name, "group",
                              country=entity.country, sectors=list(entity.sectors),
                              source="data"))


def _apply_dictionary(entity: Entity, ctx: Context, person: bool = False) -> None:
    """A PETRARCH dictionary phrase in the entity's words (or in the words that place
    it: "activists in Arnor") sets its code, with the role valid on the article date."""
    dictionary = ctx.kb.dictionary
    entry, role, agents = _dictionary_match(entity, ctx)
    if entry is None and not agents:
        if ctx.kb.dictionary_only:
            entity.country, entity.sector, entity.sectors = None, None, []
        return
    if "ELI" in entity.sectors and "ELI" not in agents:
        agents = [*agents, "ELI"]  # "former ...": PETRARCH's ELI, whatever the dictionary
    # A person the text named, coded only by a word around the name ("Turkish"), keeps
    # the name and identity the text gave; the dictionary gives the codes.
    keep = person and dictionary.code(ctx.kb, entity.name, ctx.date)[0] is None
    if entry is not None:
        entity.name = entity.name if keep else entry.name
        entity.country = role.country if role else None
    elif ctx.kb.dictionary_only:
        entity.country = None
    found = (list(role.sectors) if role else []) + [a for a in agents if not a.endswith("~")]
    entity.sectors = _dedupe(found) or ([] if entry is not None else entity.sectors)
    entity.sector = entity.sectors[0] if entity.sectors else None
    if not keep:
        entity.kb_id = KB_PREFIX + dictionary_code(role, agents)


def _dictionary_match(
    entity: Entity, ctx: Context
) -> tuple[KBEntry | None, Role | None, list[str]]:
    """(entry, role, agents) of the dictionary for the entity's words, else the entry
    and role of the first phrase that places it (agents of the words only)."""
    dictionary = ctx.kb.dictionary
    entry, role, agents = dictionary.code(ctx.kb, entity.text, ctx.date)
    if entry is None and entity._tokens is not None:
        for text in ctx.found.context_texts(entity):
            entry, role, _ = dictionary.code(ctx.kb, text, ctx.date)
            if entry is not None:
                break
    return entry, role, agents


def _dedupe(items: list[str]) -> list[str]:
    return [x for i, x in enumerate(items) if x and x not in items[:i]]
