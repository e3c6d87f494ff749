"""Where: find place names, resolve them offline, attach each event's place.

1. Place mentions are spaCy GPE/LOC/FAC entities, plus runs of proper nouns
   the model left unlabelled that the gazetteer knows (`place_spans`).
2. Each event takes the mention its clause attaches to the trigger
   (`place_for_trigger`): "in/at/near X" under the trigger or its arguments,
   "visit to X", "moved to X", a place noun the trigger's clause modifies
   ("Iraq, whose targets were bombed"). Subjects and objects of the trigger are
   its actors, never its place. Mentions reached only through a reporting
   verb's clause or far up the tree cost more; past `MAX_COST` nothing attaches.
3. The mention is resolved against the gazetteer with the article as context
   (dateline, countries named, actors' countries; `gazetteer.choose`).
4. No clause place: the dateline place. A clause place that is only the
   country the dateline city lies in gives the (more precise) dateline city.
   Nothing resolvable: `location` stays None for that event only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from resgestae import days
from resgestae.coding.dates import publication_day
from resgestae.coding.gazetteer import (
    Candidate,
    Context,
    choose,
    gazetteer,
    normalize,
    only_a_country,
)
from resgestae.coding.not_places import glued_modifier, institution, named_after
from resgestae.coding.rules import rules
from resgestae.coding.scenes import elsewhere
from resgestae.coding.targets import taken_place
from resgestae.model import Article, Event, Place

log = logging.getLogger("resgestae.coding")

PLACE_LABELS = rules().place_labels  # data/words.yaml

# Names the small model may have mislabelled; dates and numbers never are places.
NAME_LABELS = ("PERSON", "ORG", "NORP", "PRODUCT")
# Cost of reaching a place through each preposition: where it happened is "in,
# at, near"; "to" is where a visit or move went; "from" is usually an origin.
PREP_COST = {
    "in": 0, "at": 0, "near": 0, "inside": 0, "outside": 0, "within": 0, "across": 0,
    "throughout": 0, "around": 0, "along": 0, "on": 1, "to": 1, "into": 1, "toward": 1,
    "towards": 1, "over": 2, "off": 2, "of": 2, "from": 3, "through": 1, "by": 3,
}
# The doer of the trigger is its actor, never its place; a place it acts on
# ("captured Badme", "Grozny's streets were patrolled") is where it happened.
DOER_DEPS = ("nsubj", "agent", "csubj", "expl")
LOCATIVE_PREPS = ("in", "at", "near", "inside", "outside", "around", "within", "throughout",
                  "over")
# Any name in a locative slot counts as a place; names with these labels (the
# small model's usual mistakes for towns) also count when they are countries or
# cities this large. ORG is left out: "Hamas" is a group, not Syria's Hama.
RELABEL = ("PERSON", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE")  # "in Tunis": LANGUAGE
WELL_KNOWN = 150_000
WELL_KNOWN_ORG = 1_000_000  # ORG: only big cities ("Hamas" is not Hamm, Germany)
REPORTING_DEPS = ("ccomp", "parataxis")
MAX_COST = 10
DIRECTIONS = ("north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "north-east", "north-west", "south-east", "south-west")
CONTAINER = 3  # extra cost of a place that only locates another attached place
SLACK = 2  # extra cost allowed to reach a resolvable mention


@dataclass
class Located:
    """A place mention attached to a trigger, and what it resolves to (None: unknown)."""

    span: Span
    place: Place | None
    cost: int


def locate_events(events: list[Event], doc: Doc, article: Article) -> None:
    """Set `event.location` where the text says where it happened (in place)."""
    if not events:
        return
    try:
        spans = place_spans(doc)
        ctx = article_context(doc, article, spans, events)
        dateline = dateline_place(article, ctx)
        published = publication_day(article)
    except Exception:  # noqa: BLE001 - no places is better than no events
        log.warning("article %s: cannot read its places; its events stay unplaced",
                    article.id, exc_info=True)
        return
    for event in events:
        try:
            event.location = _event_place(event, doc, spans, ctx, dateline, published)
        except Exception:  # noqa: BLE001 - one bad place never empties the others
            log.warning("article %s: cannot place the event %r", article.id, event.trigger,
                        exc_info=True)
            event.location = None


def _event_place(event: Event, doc: Doc, spans: list[Span], ctx: Context,
                 dateline: Candidate | None, published: dt.date | None) -> Place | None:
    if dateline is not None and not _recent(event, published):
        dateline = None  # where the reporter files from says nothing of a 2011 killing
    if event._trigger_i is None or event._trigger_i >= len(doc):
        return dateline.to_place() if dateline else None
    exclude = _actor_tokens(event, spans, doc)
    trigger = doc[event._trigger_i]
    found = attached_places(doc, trigger, spans, ctx, exclude)
    if event.event_type not in ACTED_ON:  # "accused X of torturing detainees in Khorog"
        found = [f for f in found if not _in_content(f.span, trigger)]
    found = _first_resolved(found)
    if found is None:
        return dateline.to_place() if dateline else None
    if found.place is None:
        return unresolved_place(found.span, spans, ctx, dateline)
    if dateline and found.place.feature == "country" and dateline.feature != "country" \
            and dateline.country == found.place.country:
        return dateline.to_place()  # "went to Libya" in a story datelined Tripoli, Libya
    return found.place


def _in_content(span: Span, trigger: Token) -> bool:
    """Whether the mention sits in a clause below the trigger (a verb of its own between
    them): the content of a statement, an accusation or a demand has its own place."""
    token = span.root.head
    while token.i != trigger.i and token.head.i != token.i:
        if token.pos_ == "VERB":
            return True
        token = token.head
    return False


def _first_resolved(found: list[Located]) -> Located | None:
    """The best mention, or a slightly looser one that resolves when it does not
    ("in al-Tijara neighbourhood in central Damascus": Damascus)."""
    for item in found:
        if item.cost > found[0].cost + SLACK:
            break
        if item.place is not None:
            return item
    return found[0] if found else None


RECENT_DAYS = 31  # the dateline places events up to a month before publication


def _recent(event: Event, published: dt.date | None) -> bool:
    """Whether the event can have happened in the month up to publication (an undated
    event is dated by the publication day, so it is)."""
    if published is None or not event.date or not event.date_text:
        return True
    _, last = days.span(event.date, event.date_precision, True)
    return last >= published - dt.timedelta(days=RECENT_DAYS)


def _actor_tokens(event: Event, spans: list[Span], doc: Doc) -> set[int]:
    """Tokens of the event's actors: never its place. An actor that *is* a place
    mention (the unnamed attackers of "a bomb in Mosul", coded to Iraq from Mosul)
    stands in for no one named, so its place stays the event's place; so does a
    recipient named *in*, *at* or *inside* a place ("patrolled inside Lebanon")."""
    places = {(s.start, s.end) for s in spans}
    tokens: set[int] = set()
    recipients = [] if event.event_type in ACTED_ON else [
        e for e in event.recipient if not (e._tokens and _locative(doc[slice(*e._tokens)]))]
    for entity in [*event.actor, *recipients]:
        if entity._tokens and not (entity.sector in PLACED_SECTORS
                                   and tuple(entity._tokens) in places):
            tokens.update(range(*entity._tokens))
    return tokens


# Types whose recipient may be the place acted on ("shelled Kyiv", "visited Libya",
# "pulled out of Georgia"); in the others a named place as the recipient is a
# government ("imposed sanctions on Moscow", "accused Washington"), not where it was.
ACTED_ON = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID", "CONSULT"})


# Sectors of the collective the coder puts in for an unnamed actor of a place.
PLACED_SECTORS = ("UAF", "CVL")


def unresolved_place(span: Span, spans: list[Span], ctx: Context,
                     dateline: Candidate | None) -> Place:
    """A place the gazetteer does not know (or cannot tell apart) is still the event's
    place, by name, with no coordinates. Its country is the one the text fixes: "X,
    Country"; the one country all its namesakes lie in (the Springfields); for a name
    the gazetteer lacks, the one country its sentence names, else the dateline's."""
    gaz = gazetteer()
    hint = _hint_after(span)
    country = gaz.country_of(hint) if hint else None
    namesakes = {c.country for c in gaz.lookup(span.text)}
    if country is None and namesakes:
        country = namesakes.pop() if len(namesakes) == 1 else None
        return Place(_bare_name(span), country)
    if country is None:
        named = {gaz.country_of(s.text) for s in spans if s.sent == span.sent and s != span}
        named.discard(None)
        country = named.pop() if len(named) == 1 else None
    if country is None:  # "Mongolian troops patrolled near Zamyn-Uud": no place says more
        people = _nationalities(span.sent)
        country = people.pop() if len(people) == 1 else None
    if country is None and dateline is not None:
        country = dateline.country
    return Place(_bare_name(span), country)


def _nationalities(sent: Span) -> set[str]:
    """Countries of the nationality words of a sentence ("Mongolian", whether or not the
    model labels it NORP)."""
    from resgestae.coding.countries import country_ref

    refs = (country_ref(t) for t in sent if t.ent_type_ in ("NORP", ""))
    return {r.code for r in refs if r is not None and r.kind == "adjective" and len(r.code) == 3}


def _bare_name(span: Span) -> str:
    """The mention without a leading article ("the Adiyat School" -> "Adiyat School")."""
    words = span
    if len(words) > 1 and words[0].lower_ == "the":
        words = words[1:]
    return words.text.strip()


def place_spans(doc: Doc) -> list[Span]:
    """Place mentions: GPE/LOC/FAC entities, and other names that are places here.

    The small model often labels a town PERSON or ORG ("Jaffna", "Grozny"), so
    a mislabelled or unlabelled name counts when the gazetteer knows it as a
    country or large place, or when it stands where places stand ("in X").
    """
    gaz = gazetteer()
    spans = []
    for ent in doc.ents:
        span = _with_compounds(_strip_possessive(ent))
        if len(span) and not glued_modifier(span) and not named_after(span) \
                and _entity_is_place(gaz, ent, span):
            spans.append(span)
    covered = {t.i for ent in doc.ents for t in ent}
    for run in _propn_runs(doc, covered):
        if (gaz.lookup(run.text) or _locative(run)) and not glued_modifier(run) \
                and not named_after(run):
            spans.append(run)
    taken = {t.i for span in spans for t in span}
    for ent in doc.ents:  # "Zarqoutiyeh, a village in Syria": the name is a place
        if ent.label_ in NAME_LABELS and _described_as_place(ent) \
                and not any(t.i in taken for t in ent):
            spans.append(ent)
    return sorted(spans, key=lambda s: s.start)


def _entity_is_place(gaz, ent: Span, span: Span) -> bool:
    """A place label; a name where places stand; a mislabelled well-known place."""
    if ent.label_ in PLACE_LABELS:
        return True
    if ent.label_ == "NORP" and span.root.dep_ in ("compound", "amod") and not any(
            c.feature in ("city", "admin1") for c in gaz.lookup(span.text)):
        return False  # "a Druze village", "the Kurdish district": who lives there ("Aleppo
        # province", mislabelled, is a place)
    if ent.label_ in NAME_LABELS and _locative(span):
        # "the MFO base", "the 5th Armored Division base": whose base, unless a known place
        if ent.label_ == "ORG" and span.root.head.lemma_.lower() in PREMISES:
            return bool(gaz.lookup(span.text))
        return not institution(gaz, ent, span)
    if ent.label_ in RELABEL and _well_known(gaz, span):
        return True
    if ent.label_ in NAME_LABELS and taken_place(gaz, span):
        return True
    return ent.label_ == "ORG" and _well_known(gaz, span, WELL_KNOWN_ORG)


# Premises an organisation has: "the MFO base" names whose base, not a place name
PREMISES = frozenset({"base", "headquarters", "office", "compound", "camp", "barracks",
                      "embassy", "consulate", "garrison"})


def _described_as_place(span: Span) -> bool:
    """A name whose apposition is a kind of place ("X, a village near Y") or a distance
    from a place ("X, 60 kilometers northeast of Y")."""
    return any((c.dep_ == "appos" and c.lemma_.lower() in place_nouns()) or (
        c.dep_ in ("appos", "advmod") and c.lower_ in DIRECTIONS
        and any(_reference_point(g) for g in c.children)) for c in span.root.children)


def _with_compounds(span: Span) -> Span:
    """ "Santo Domingo" where the model labelled only "Domingo": unlabelled proper nouns
    compounded onto the name belong to it."""
    doc, start = span.doc, span.start
    while start > 0 and _joins(doc[start - 1], span):
        start -= 1
    return doc[start:span.end] if len(span) else span


def _joins(token: Token, span: Span) -> bool:
    return token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ == "compound" \
        and span.start <= token.head.i < span.end


def _strip_possessive(span: Span) -> Span:
    end = span.end
    while end > span.start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[span.start:end]


def _well_known(gaz, span: Span, size: int = 0) -> bool:
    if len(span) > 3:
        return False
    size = size or WELL_KNOWN
    return any((c.feature != "city" and not size > WELL_KNOWN and _listed(c))
               or c.population >= size for c in gaz.lookup(span.text))


def _listed(cand: Candidate) -> bool:
    """Not a foreign region from ISO 3166-2: those names are too many and too obscure to
    turn a person or a product into a place."""
    return cand.feature != "admin1" or cand.country == "USA"


def _locative(span: Span) -> bool:
    """'in X', 'at X', 'the province of X', 'X district', with X a capitalised name."""
    root = span.root
    if not any(t.text[:1].isupper() for t in span):
        return False
    if root.dep_ == "compound":
        return root.head.lemma_.lower() in place_nouns()
    return root.dep_ == "pobj" and (
        root.head.lower_ in LOCATIVE_PREPS or _place_of(root.head)
    )


def _place_of(token: Token) -> bool:
    """An 'of' after a place noun: 'the city of', 'the outskirts of'."""
    return token.lower_ == "of" and token.head.lemma_.lower() in place_nouns() \
        and not _reference_point(token)


def _reference_point(token: Token) -> bool:
    """The 'of' in '(80 km) south of X' (but not in 'in the south of X')."""
    head = token.head
    return token.lower_ == "of" and head.lower_ in DIRECTIONS and head.dep_ != "pobj"


def _modifies_actor(span: Span) -> bool:
    """'A US soldier was killed', 'near a US convoy': a place modifying the subject,
    or a country modifying any noun, names an actor's country, not where the
    event happened ('the Baghdad headquarters' is a place)."""
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod") or head.lemma_.lower() in place_nouns():
        return False
    if head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.dep_ == "agent"):
        return True
    return only_a_country(span.text)


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Lemmas of nouns that name a kind of place (data/place_nouns.txt)."""
    text = resources.files("resgestae.data").joinpath("place_nouns.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


def _propn_runs(doc: Doc, covered: set[int]) -> list[Span]:
    runs, start = [], None
    for token in [*doc, None]:
        ok = token is not None and token.pos_ == "PROPN" and token.i not in covered
        if ok and start is None:
            start = token.i
        elif not ok and start is not None:
            runs.append(doc[start:token.i if token is not None else len(doc)])
            start = None
    return runs


def article_context(doc: Doc, article: Article, spans: list[Span],
                    events: list[Event] | None = None) -> Context:
    """Countries the article names, its dateline's country, its actors' countries."""
    gaz = gazetteer()
    countries: Counter = Counter()
    for span in spans:
        iso3 = gaz.country_of(span.text)
        if iso3:
            countries[iso3] += 1
    actors = {e.country for ev in events or [] for e in [*ev.actor, *ev.recipient] if e.country}
    ctx = Context(countries, None, frozenset(a for a in actors if len(a) == 3))
    line = dateline_place(article, ctx)
    ctx.dateline_country = line.country if line else None
    return ctx


def dateline_place(article: Article, ctx: Context) -> Candidate | None:
    """The place of the dateline ("Tripoli, Libya"), when it resolves unambiguously."""
    if not article.dateline:
        return None
    parts = [p.strip() for p in article.dateline.split(",") if p.strip()]
    if not parts:
        return None
    hint = parts[1] if len(parts) > 1 else None
    gaz = gazetteer()
    found = choose(gaz.lookup(parts[0]), ctx, hint)
    state = gaz.states.get(normalize(hint)) if hint else None
    if state is not None and (found is None or found.admin1 != state.admin1):
        # "TROY, N.C.": a town too small for the main index, in the state named
        return gaz.minor(parts[0], {"USA"}, state.admin1) or found
    return found


def resolve_span(span: Span, ctx: Context) -> Place | None:
    """The place a mention names, using "X, Country" beside it and the article context;
    a name the main gazetteer lacks may be a small town of a country the text names."""
    gaz = gazetteer()
    cands = gaz.lookup(span.text)
    if not cands:
        town = gaz.minor(span.text, confirming_countries(span, ctx))
        return town.to_place() if town else None
    cand = choose(cands, ctx, _hint_after(span))
    return cand.to_place() if cand else None


def confirming_countries(span: Span, ctx: Context) -> set[str]:
    """Countries that may confirm a small town: "X, Country", the countries, regions and
    nationalities its sentence names ("Croatian soldiers captured Udbina"), the
    countries the article names, its dateline's."""
    from resgestae.coding.actor_tables import actor_tables

    gaz = gazetteer()
    found = {gaz.country_of(_hint_after(span) or "")}
    for ent in span.sent.ents:
        if ent.start != span.start:
            found.add(gaz.country_of(ent.text))
        if ent.label_ == "NORP":
            ref = actor_tables().country(ent.text)
            found.add(ref.code if ref is not None else None)
    found.update(ctx.countries)
    found.add(ctx.dateline_country)
    found.discard(None)
    return {c for c in found if c and len(c) == 3}


def country_stated_after(span: Span) -> str | None:
    """The country the text pins a place to ("Tripoli, Lebanon's second city" -> LBN);
    None when no country follows the name."""
    hint = _hint_after(span)
    return gazetteer().country_of(hint) if hint else None


def _hint_after(span: Span) -> str | None:
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        nxt = doc[span.end + 1]
        if nxt.ent_iob_ == "B" and nxt.ent_type_ in PLACE_LABELS:
            ent = next(e for e in doc.ents if e.start == nxt.i)
            return ent.text
    return None


def place_for_trigger(doc: Doc, trigger: Token, spans: list[Span] | None = None,
                      ctx: Context | None = None,
                      exclude: set[int] | None = None) -> Located | None:
    """The place mention attached to the trigger's clause, resolved; None if none attaches.

    `Located.place` is None when the mention is found but not resolvable
    (unknown or ambiguous name).
    """
    found = attached_places(doc, trigger, spans, ctx, exclude, resolve=False)
    if not found:
        return None
    best = found[0]
    best.place = resolve_span(best.span, ctx or Context(Counter()))
    return best


def attached_places(doc: Doc, trigger: Token, spans: list[Span] | None = None,
                    ctx: Context | None = None, exclude: set[int] | None = None,
                    resolve: bool = True) -> list[Located]:
    """All place mentions attached to the trigger, best first (lowest cost, then nearest)."""
    spans = place_spans(doc) if spans is None else spans
    ctx = ctx or Context(Counter())
    sent = trigger.sent
    ranked = []
    for span in spans:
        if not sent.start <= span.start < sent.end or span.start <= trigger.i < span.end:
            continue
        if exclude and any(t.i in exclude for t in span):
            continue
        if _modifies_actor(span):
            continue
        cost = attachment_cost(trigger, span)
        if cost is not None:
            cost += _vagueness(span)
        if cost is not None and cost <= MAX_COST:
            ranked.append((cost, abs(span.root.i - trigger.i), span.start, span))
    ranked = [(cost + _container_cost(span, ranked), *rest) for cost, *rest in ranked
              for span in [rest[-1]]]
    ranked.sort(key=lambda r: r[:3])
    return [Located(r[3], resolve_span(r[3], ctx) if resolve else None, r[0]) for r in ranked]


def _container_cost(span: Span, ranked: list[tuple]) -> int:
    """'al-Tijara neighbourhood in central Damascus': Damascus says where the
    other place is; the other place is the more precise answer."""
    for *_, other in ranked:
        if other is span or _country_modifier(other):
            continue
        anchor = other.root
        if anchor.dep_ == "compound" or _place_of(anchor.head):
            anchor = anchor.head if anchor.dep_ == "compound" else anchor.head.head
        if any(a.i == anchor.i for a in span.root.ancestors):
            return CONTAINER
    return 0


def _country_modifier(span: Span) -> bool:
    """ "the U.S. embassy in Islamabad": a country modifying a noun says whose it is,
    not where it is (nor is it the more precise place)."""
    return span.root.dep_ in ("compound", "amod", "nmod") and only_a_country(span.text)


def _vagueness(span: Span) -> int:
    """A container named beside a more precise place costs more: "Iraq's city of
    Mosul" (possessor), "northern Iraq" (a country), "the U.S. embassy" (an owner)."""
    cost = 2 if span.root.dep_ == "poss" else 0
    country = only_a_country(span.text)
    cost += 1 if country and span.root.dep_ in ("compound", "amod", "nmod") else 0
    return cost + (1 if country else 0)


def attachment_cost(trigger: Token, span: Span) -> int | None:
    """How loosely a place mention hangs on the trigger in the parse; None: not its place."""
    root = span.root
    up = _chain(trigger)
    down = _chain(root)
    up_ids = [t.i for t in up]
    at = next((k for k, t in enumerate(down) if t.i in up_ids), None)
    if at is None:
        return None
    common = down[at]
    up_path = up[: up_ids.index(common.i)]  # trigger ... below common
    down_path = down[:at]  # span root ... below common
    if _owner(root) or elsewhere(trigger, common, down_path):
        return None  # "Iran's Quds Force"; another scene, the reporter, a destination
    if common.i == trigger.i and down_path and down_path[-1].dep_ in DOER_DEPS \
            and not any(t.dep_ == "prep" for t in down_path[:-1]):
        return None  # the trigger's own subject: an actor
    if span.start <= common.i < span.end:  # trigger sits in a clause about the place
        return 2 + len(up_path)
    cost = len(down_path) + 2 * len(up_path)
    # "the neighbourhood of X" names X itself: those two arcs are free
    cost -= 2 * sum(_place_of(t) for t in down_path)
    # "50 km south of Baghdad": a landmark to measure from, not the place
    cost += 4 if len(down_path) > 1 and _reference_point(down_path[1]) else 0
    cost += _prep_cost(down_path)
    cost += 3 * sum(t.dep_ in REPORTING_DEPS for t in up_path)
    return max(cost, 0)


def _owner(root: Token) -> bool:
    """A place named as the owner of an organisation or a body of people."""
    head = root.head
    return root.dep_ == "poss" and head.i != root.i and (
        head.ent_type_ in ("ORG", "NORP") or head.lemma_.lower() in OWNED)


# nouns for bodies a country has rather than places in it
OWNED = frozenset({"force", "army", "military", "government", "ministry", "parliament",
                   "president", "minister", "leader", "embassy", "navy", "police", "troops",
                   # people in office and movements: "Mexico's police chief was shot"
                   "chief", "commander", "head", "official", "spokesman", "spokeswoman",
                   "envoy", "ambassador", "king", "ruler", "movement", "opposition",
                   "authority", "party"})


def _chain(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _prep_cost(path: list[Token]) -> int:
    """Cost of the preposition nearest the mention; mentions reached by none cost 2."""
    for token in path[1:] if path else []:
        if _place_of(token):
            continue  # "the city of X": the preposition that counts is further up
        if token.dep_ == "prep" or (token.dep_ == "advmod" and token.lower_ in PREP_COST):
            return PREP_COST.get(token.lower_, 3)
    return 2
