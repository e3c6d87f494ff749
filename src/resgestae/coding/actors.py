"""Actors: country, sector and title from names, demonyms and role words.

`code_actor(span)` turns a subject or object noun phrase into an `Entity`, or
None when the phrase cannot act (a date, a quantity, a place used as a place).
Everything it knows comes from data files in `resgestae/data/actors/`:

    countries.tsv      ISO-3 code, names, adjectives/demonyms, plurals, capitals
    organizations.tsv  named organizations and metonyms (UN, TAF, GNA, White House)
    sectors.yaml       role words -> PLOVER sector codes
    titles.yaml        title words, role modifiers, place heads, collective heads

Lookups are dictionary hits on the lower-cased text of token n-grams, so this
runs on every noun phrase without slowing the pipeline. Aliases written in
capitals only ("US", "GNA", "UN") match case-sensitively, so "us" stays a pronoun.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from resgestae.coding.actor_tables import (
    ActorTables,
    CountryRef,
    Leader,
    OrgRef,
    actor_tables,
    ngram_hits,
)
from resgestae.coding.countries import (
    body_of_states,
    choose_country,
    country_around,
    given_name,
    international_body,
    is_stance,
    misspelt_country,
    shared_demonym,
)
from resgestae.coding.rules import rules
from resgestae.model import Entity

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})


def _lemma_sector(lex: ActorTables, tokens: list[Token]) -> list[tuple[int, str]]:
    """(token index, sector) for role words among tokens, multi-word first, by lemma or text."""
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(tokens):
        for n in range(min(4, len(tokens) - i), 0, -1):
            window = tokens[i : i + n]
            sector = lex.sector(" ".join(t.text for t in window)) or lex.sector(
                " ".join(t.lemma_ for t in window)
            )
            if sector:
                found.append((window[-1].i, sector))
                i += n
                break
        else:
            i += 1
    return found


# -- the noun phrase core ---------------------------------------------------------


def _core(span: Span) -> Span:
    """The phrase without leading determiners and trailing clauses or appositions.

    Keeps "of" chains of capitalised words ("Ministry of Defense of Libya",
    "Government of National Accord") and names after a title.
    """
    doc, root = span.doc, span.root
    start = span.start
    while start < root.i and (doc[start].lower_ in rules().determiners or doc[start].is_punct
                              or doc[start].is_space):
        start += 1
    end = root.i + 1
    while end < span.end and _continues(doc, end, span.end):
        end += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    return doc[start:end]


def _continues(doc: Doc, i: int, limit: int) -> bool:
    """Whether token i still belongs to the name-like phrase that ends before it."""
    tok = doc[i]
    if tok.lower_ in ("of", "for") and i + 1 < limit:
        nxt = doc[i + 1] if doc[i + 1].lower_ != "the" or i + 2 >= limit else doc[i + 2]
        return nxt.is_title or nxt.is_upper
    if tok.lower_ == "the":
        return i > 0 and doc[i - 1].lower_ in ("of", "for")
    if tok.lower_ in ("'s", "’s"):
        return False
    if (tok.lower_ in actor_tables().name_particles or tok.text == "-") and i + 1 < limit:
        nxt = doc[i + 1]
        if nxt.text == "-" and i + 2 < limit:
            nxt = doc[i + 2]
        return nxt.is_title  # "Hamad bin Khalifa al-Thani"
    return (tok.is_title or tok.is_upper) and tok.pos_ in ("PROPN", "NOUN") and not tok.is_punct


# -- reading the phrase ------------------------------------------------------------


@dataclass
class Reading:
    """What the words of a phrase say about an actor."""

    country: str | None = None
    country_kind: str | None = None
    country_name: str | None = None
    org: OrgRef | None = None
    org_covers_head: bool = False
    sectors: list[str] = field(default_factory=list)
    head_sector: str | None = None  # the role of the head word itself
    name_start: int | None = None  # token index where a person's name begins
    name_end: int | None = None  # and where it ends (exclusive)
    country_tokens: set[int] = field(default_factory=set)
    org_tokens: set[int] = field(default_factory=set)  # the words of the org's own name
    leader: Leader | None = None


def _read(core: Span, span: Span, lex: ActorTables) -> Reading:
    """What the words of the phrase say: organization, country (in the order of the
    steps below), leader, sectors and where a person's name starts."""
    reading = Reading()
    _read_org(core, lex, reading)
    _read_country_words(core, span, lex, reading)
    if reading.country is None and reading.org is not None and reading.org.country:
        reading.country = reading.org.country
    if reading.country is None:
        reading.country = _country_otherwise(core, span)
    _read_leader(core, lex, reading)
    reading.sectors = _sectors(core, lex, reading)
    reading.name_start = _name_start(core, lex, reading)
    return reading


def _read_org(core: Span, lex: ActorTables, reading: Reading) -> None:
    """The organization named in the phrase, the one covering the head first."""
    head = core.root
    for hit in ngram_hits(core.doc, core.start, core.end, lex.org):
        if reading.org is None or hit.start <= head.i < hit.end:
            reading.org = hit.value
            reading.org_covers_head = hit.start <= head.i < hit.end
            reading.org_tokens = set(range(hit.start, hit.end))


def _read_country_words(core: Span, span: Span, lex: ActorTables, reading: Reading) -> None:
    """The country of the phrase's country words, or of one said around it."""
    doc, head = core.doc, core.root
    hits = ngram_hits(doc, core.start, core.end, lex.country)
    for hit in hits:
        reading.country_tokens.update(range(hit.start, hit.end))
    hits = [h for h in hits if not is_stance(doc, h.start) and not given_name(doc, h)]
    # "ethnic Albanians" names a people, not the state they live in
    ethnic = {h.value.code for h in hits} if any(t.lower_ == "ethnic" for t in core) else set()
    chosen = None if ethnic or body_of_states(core) else choose_country(hits, head)
    if chosen is not None and chosen.kind == "people":
        chosen = country_around(core, span, lex, {chosen.code}) or chosen  # "Albanians of Serbia"
    if chosen is None and not reading.org_covers_head:
        chosen = country_around(core, span, lex, ethnic, whole_sentence=bool(ethnic))
    if chosen is not None:
        _set_country(reading, shared_demonym(chosen, core))


def _country_otherwise(core: Span, span: Span) -> str | None:
    """With no country word: a misspelt country name, an international body, the
    owner of "its"."""
    head = core.root
    misspelt = (misspelt_country(t) for t in core if t.i == head.i or t.dep_ == "poss")
    return (next((c for c in misspelt if c), None) or international_body(core)
            or _owner_country(core, span))


def _read_leader(core: Span, lex: ActorTables, reading: Reading) -> None:
    """ "Putin", "the Bush administration": a known leader, and their country."""
    found = ngram_hits(core.doc, core.start, core.end, lex.leader)
    leader = next((h.value for h in found), None)
    if leader is not None:
        reading.leader = leader
        reading.country = reading.country or leader.country


def _owner_country(core: Span, span: Span) -> str | None:
    """ "Syria says it will withdraw its troops": "its" is the subject's, Syria's."""
    if not any(t.lower_ in rules().owner_pronouns and t.dep_ == "poss" for t in span):
        return None
    verb = core.root.head
    for _ in range(4):  # up through "says it will withdraw" to the first named subject
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < core.start]
        named = [c for c in subjects if c.pos_ != "PRON"]
        if named:
            subject = named[0]
            found = read_actor(subject.doc[subject.left_edge.i : subject.i + 1])
            return found[0].country if found else None
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _set_country(reading: Reading, ref: CountryRef) -> None:
    reading.country, reading.country_kind, reading.country_name = ref.code, ref.kind, ref.name


def _sectors(core: Span, lex: ActorTables, reading: Reading) -> list[str]:
    """Sectors of the phrase, primary first: modifiers, then the head's role, then others."""
    # the words of a known organisation's name are no roles: the European Union is no
    # trade union (LAB), the org table gives its sectors
    named = reading.org_tokens if reading.org_covers_head else set()
    if _a_side(core.root, lex):
        named = {*named, core.root.i}
    tokens = [t for t in core if t.i not in reading.country_tokens and t.i not in named]
    found = _lemma_sector(lex, tokens)
    head_i = core.root.i
    reading.head_sector = next((s for i, s in found if i == head_i), None)
    ordered = [s for i, s in found if i == head_i] + [s for i, s in reversed(found) if i != head_i]
    if reading.org is not None and reading.org_covers_head:
        ordered = list(reading.org.sectors) + ordered
    elif reading.org is not None and not ordered:
        ordered = list(reading.org.sectors)
    mods = [lex.modifiers[t.lower_] for t in core if t.lower_ in lex.modifiers]
    return _unique(mods + ordered)


def _a_side(head: Token, lex: ActorTables) -> bool:
    """ "The warring parties", "both parties", "the parties to the conflict": a collective
    head that is a side in a conflict or a deal, so its own role word (party: PTY) is no
    role here (titles.yaml side_modifiers)."""
    if head.lemma_.lower() not in lex.collective_heads and head.lower_ not in lex.collective_heads:
        return False
    return any(c.lower_ in lex.side_modifiers or (c.dep_ == "prep" and c.lower_ == "to")
               for c in head.children)


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen


def _is_name_token(tok: Token, lex: ActorTables, reading: Reading) -> bool:
    if tok.i in reading.country_tokens or not (tok.is_title or tok.is_upper):
        return False
    if tok.pos_ not in ("PROPN", "NOUN") and tok.ent_type_ != "PERSON":
        return False
    low = tok.lower_.rstrip(".")
    return not (low in lex.title_words or lex.sector(low) or lex.sector(tok.lemma_))


def _name_start(core: Span, lex: ActorTables, reading: Reading) -> int | None:
    """Start of a personal name ending the phrase ("... Minister Hulusi Akar" -> "Hulusi");
    sets `reading.name_end` (before an "of Saudi Arabia" tail)."""
    if reading.org_covers_head:
        return None
    doc = core.doc
    end = _name_end(core, reading)
    last = doc[end - 1]
    if last.ent_type_ in rules().not_actor_labels:
        return None
    i = end
    while i > core.start and _in_name(doc, i - 1, end, core.start, lex, reading):
        i -= 1
    while i < end and ((doc[i].lower_ in lex.name_particles and doc[i].is_lower)
                       or doc[i].text == "-"):
        i += 1
    if i == end:
        return None
    reading.name_end = end
    if last.ent_type_ == "PERSON" or lex.leader(doc[i:end].text):
        return i
    # NER missed the person or called it ORG: a name needs a title before it.
    return i if i > core.start and _is_title_word(doc[i - 1], lex) else None


def _name_end(core: Span, reading: Reading) -> int:
    """ "Crown Prince Mohammad bin Salman of Saudi Arabia": the name ends before "of"."""
    doc, end = core.doc, core.end
    while end > core.start + 1 and end - 1 in reading.country_tokens:
        end -= 1
    if end < core.end and doc[end - 1].lower_ == "of" and end - 1 > core.start:
        return end - 1
    return core.end


def _in_name(doc: Doc, i: int, end: int, start: int, lex: ActorTables, reading: Reading) -> bool:
    """Whether token i belongs to the name ending at `end`: a name word, a particle
    inside it ("Khaled al Meshri"), or the hyphen of "al-Muhandis", "Jean-Bertrand"."""
    tok = doc[i]
    if _is_name_token(tok, lex, reading):
        return True
    inside = i + 1 < end and i > start
    if tok.lower_ in lex.name_particles:
        return inside
    if tok.text == "-" and inside and not tok.whitespace_:
        before = doc[i - 1]
        return before.lower_ in lex.name_particles or _is_name_token(before, lex, reading)
    return False


def _is_title_word(tok: Token, lex: ActorTables) -> bool:
    low = tok.lower_.rstrip(".")
    return bool(low in lex.honorifics or lex.sector(low) or lex.sector(tok.lemma_))


# -- the Entity ---------------------------------------------------------------------


def code_actor(span: Span) -> Entity | None:
    """An Entity for a noun phrase that can act, or None (a place, a date, a thing).

    Country and sector may stay None here; the knowledge base fills them later.
    """
    found = read_actor(span)
    return found[0] if found else None


# Doc.user_data key of the readings of this Doc's noun phrases, by token span.
READS_KEY = "resgestae.actor_reads"


def read_actor(span: Span) -> tuple[Entity, str] | None:
    """The Entity and its kind: person, org, country, group or pronoun (None: not an actor).

    Each span of a Doc is read once: coding and the knowledge base share the readings
    (kept in `doc.user_data[READS_KEY]`); every call gets its own copy of the Entity."""
    reads = span.doc.user_data.setdefault(READS_KEY, {})
    key = (span.start, span.end)
    if key not in reads:
        reads[key] = _read_actor(span)
    found = reads[key]
    return (replace(found[0], sectors=list(found[0].sectors)), found[1]) if found else None


def _read_actor(span: Span) -> tuple[Entity, str] | None:
    root = span.root
    if root.ent_type_ in rules().not_actor_labels or root.pos_ == "NUM" or root.like_num:
        return None
    if root.lower_ in rules().relative_pronouns:
        return _antecedent(root)
    if root.pos_ == "PRON":
        if root.lower_ not in rules().person_pronouns:
            return None
        return Entity(text=span.text, name=span.text, _tokens=(span.start, span.end)), "pronoun"
    lex = actor_tables()
    core = _core(span)
    reading = _read(core, span, lex)
    if not _can_act(core, reading, lex):
        return None
    named = _name_after(span, reading)
    if named is not None:
        return read_actor(named)
    entity = _entity(span, core, reading, lex)
    if entity.country is None and reading.name_start is not None:
        _from_apposition(entity, span.root)
    return entity, _kind(core, reading)


def _from_apposition(entity: Entity, head: Token) -> None:
    """ "Chad Wolf, the acting homeland security secretary, ...": a person of no
    known country takes the country (and role) its apposition gives."""
    for child in head.children:
        if child.dep_ != "appos" or child.i < head.i:
            continue
        found = read_actor(head.doc[child.left_edge.i : child.right_edge.i + 1])
        if found is not None and found[0].country:
            entity.country = found[0].country
            if entity.sector is None and found[0].sector:
                entity.sector, entity.sectors = found[0].sector, list(found[0].sectors)
            return


def _name_after(span: Span, reading: Reading) -> Span | None:
    """ "Libyan Defense Minister | Saladin Nemrush": a title phrase whose person the
    parser hung elsewhere; the phrase and the name that follows it, as one span."""
    doc = span.doc
    if reading.name_start is not None or not reading.head_sector or span.end >= len(doc):
        return None
    first = doc[span.end]
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
        return None
    end = span.end + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[span.start : end]


def _kind(core: Span, reading: Reading) -> str:
    if reading.name_start is not None:
        return "person"
    if reading.org is not None and reading.org_covers_head:
        return "org"
    if reading.country and core.root.i in reading.country_tokens:
        return "country"
    return "group"


def code_actors(span: Span) -> list[Entity]:
    """Like `code_actor`, but "Turkish and Libyan officials" gives one Entity per country."""
    entity = code_actor(span)
    if entity is None:
        return []
    return [entity, *coordinated(span, entity)]


def coordinated(span: Span, entity: Entity) -> list[Entity]:
    """Entities for the other countries of "US and British forces", "Sierra Leonean and
    Liberian refugees": conjoined country words that modify one noun."""
    lex, extra = actor_tables(), []
    seen = {entity.country}
    for tok in span:
        ref = lex.country(tok.text)
        head_ref = lex.country(tok.head.text)
        if tok.dep_ != "conj" or ref is None or head_ref is None or ref.code in seen:
            continue
        if ref.kind not in ("adjective", "name") or tok.head.i not in range(span.start, span.end):
            continue
        seen.add(ref.code)
        extra.append(Entity(text=entity.text, name=entity.name, country=ref.code,
                            sector=entity.sector, sectors=list(entity.sectors),
                            _tokens=entity._tokens))
    return extra


def _antecedent(pronoun: Token) -> tuple[Entity, str] | None:
    """The noun a relative pronoun stands for: "Haftar, who ..." -> Haftar."""
    clause = pronoun.head
    if clause.dep_ != "relcl":
        return None
    noun = clause.head
    left = min((t.i for t in noun.lefts if t.dep_ in ("compound", "amod", "det", "poss", "nmod",
                                                       "nummod")), default=noun.i)
    return read_actor(noun.doc[left : noun.i + 1])


def _can_act(core: Span, reading: Reading, lex: ActorTables) -> bool:
    """False for places used as places and for things that cannot act."""
    head = core.root
    low = head.lower_
    if reading.org is not None and (reading.org_covers_head or head.pos_ != "PROPN"):
        # "al-Qaeda terror network", unless the head is a place or an event
        return low not in lex.place_heads and head.lemma_.lower() not in lex.place_heads
    if {low, head.lemma_.lower()} & (lex.place_heads | lex.thing_heads):
        return False
    if reading.country_kind == "capital" and head.i in reading.country_tokens:
        # "Moscow said" is the Russian government; "in Moscow" is a place.
        return head.dep_ in SUBJECT_DEPS
    if reading.country and head.i in reading.country_tokens:
        return True
    if head.ent_type_ in rules().place_labels and not _role_not_place(head, reading):
        return False
    if reading.head_sector or reading.name_start is not None:
        return True
    if low in lex.collective_heads or head.lemma_.lower() in lex.collective_heads:
        return True
    return head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP")


def _role_not_place(head: Token, reading: Reading) -> bool:
    """ "Gunmen in Sidon ...": a role word the model took for a place (as a name, at the
    start of a paragraph), which no gazetteer knows as one."""
    from resgestae.coding.countries import place_country

    return bool(reading.head_sector) and place_country(head.text) is None


def _entity(span: Span, core: Span, reading: Reading, lex: ActorTables) -> Entity:
    if not reading.sectors and reading.leader is not None and reading.name_start is not None:
        reading.sectors = [reading.leader.sector]
    sector = reading.sectors[0] if reading.sectors else None
    name, title = _name_and_title(core, reading, lex)
    return Entity(
        text=span.text.strip(),
        name=name,
        country=reading.country,
        sector=sector,
        sectors=list(reading.sectors),
        title=title,
        _tokens=(span.start, span.end),
    )


def _name_and_title(core: Span, reading: Reading, lex: ActorTables) -> tuple[str, str | None]:
    doc, head = core.doc, core.root
    if reading.name_start is not None:
        name = doc[reading.name_start : reading.name_end or core.end].text
        if reading.leader is not None and lex.leader(name) is reading.leader:
            name = reading.leader.name
        title_tokens = [t for t in doc[core.start : reading.name_start]
                        if t.i not in reading.country_tokens and not t.is_punct
                        and not t.is_space and t.lower_ not in ("'s", "’s")]
        while title_tokens and title_tokens[0].lower_ in rules().determiners:
            title_tokens.pop(0)
        title = " ".join(t.text for t in title_tokens) or None
        return name, title
    if reading.org is not None and reading.org_covers_head:
        return reading.org.name, None
    if reading.country and head.i in reading.country_tokens and reading.country_kind != "capital":
        return reading.country_name or core.text, None
    return core.text, None
