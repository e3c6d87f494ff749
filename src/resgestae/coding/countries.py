"""Countries of words and places: which country a phrase, a place name or a sentence names.

Lookups only (the actor tables and the gazetteer); which entity gets which country,
and in what order the evidence is tried, is `participants`' and `actors`' business.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from resgestae.coding.actor_tables import ActorTables, CountryRef, Hit, actor_tables, ngram_hits
from resgestae.coding.rules import rules
from resgestae.kb.canonical import country_name


def choose_country(hits: list[Hit], head: Token) -> CountryRef | None:
    """The head's own country word, unless a modifier names the state ("Bosnian Serbs")."""
    if not hits:
        return None
    on_head = next((h for h in hits if h.start <= head.i < h.end), None)
    if on_head is None:
        return hits[0].value
    earlier = [h for h in hits if h.end <= on_head.start and h.value.kind in ("name", "adjective")]
    if on_head.value.kind == "people" and earlier:
        return earlier[0].value
    return on_head.value


def given_name(doc: Doc, hit: Hit) -> bool:
    """ "Chad Wolf", "Jordan Bardella", "Kenya Moore": a country name that opens a
    person's name is a given name, not the person's country."""
    first = doc[hit.start]
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B" or hit.value.kind != "name":
        return False
    return hit.end < len(doc) and doc[hit.end].ent_iob_ == "I" \
        and doc[hit.end].ent_type_ == "PERSON"


# Demonyms two countries share: the first is meant unless the text places it in the
# other ("Congolese troops near Goma" COD; "Congolese ... in Brazzaville" COG).
SHARED_DEMONYMS = {"congolese": ("COD", "COG"), "dominican": ("DOM", "DMA")}


def shared_demonym(ref: CountryRef, core: Span) -> CountryRef:
    """The country a shared demonym means here: the one of them whose places the
    sentence names, else the first (the larger country, the usual news)."""
    if ref.kind not in ("adjective", "people"):
        return ref
    words = {t.lower_.removesuffix("s") for t in core}
    pair = next((SHARED_DEMONYMS[w] for w in words if w in SHARED_DEMONYMS), None)
    if pair is None or ref.code not in pair:
        return ref
    named = {place_country(e.text) for e in core.sent.ents if e.label_ in ("GPE", "LOC", "FAC")}
    code = next((c for c in pair if c in named), pair[0])
    if code == ref.code:
        return ref
    return replace(ref, code=code, name=country_name(code))


def is_stance(doc: Doc, i: int) -> bool:
    """ "anti-Syria journalist", "pro-Russian rebels": the country is the stance, not the actor."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro")


def _hyphened(doc: Doc, hit: Hit) -> bool:
    """ "Trump-Ukraine call", "US-PRC relations", "anti-Syria": two sides, not one."""
    before = hit.start >= 1 and doc[hit.start - 1].text == "-"
    after = hit.end < len(doc) and doc[hit.end].text == "-"
    return before or after


CONTEXT_PREPS = frozenset({"in", "of", "from", "throughout", "across", "inside", "within"})


def _placed(doc: Doc, hit: Hit) -> bool:
    """Whether a country word modifies or locates ("Ugandan", "Haiti's", "in Abidjan")."""
    root = doc[hit.start : hit.end].root
    if root.dep_ in ("amod", "compound", "poss", "nmod"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in CONTEXT_PREPS


def country_around(core: Span, span: Span, lex: ActorTables, skip: set[str],
            whole_sentence: bool = False) -> CountryRef | None:
    """A country said of the phrase just around it: "rebels in the Ivory Coast", "a
    newspaper based in Beirut"; with `whole_sentence`, anywhere in its sentence."""
    doc, head = core.doc, core.root
    ranges = [(core.end, span.end)]
    # "in Qatar" after a person's name is where they were, not whose they are
    preps = CONTEXT_PREPS if head.pos_ != "PROPN" else {"of", "from"}
    for child in head.children:
        if (child.dep_ == "prep" and child.lower_ in preps) or child.dep_ == "acl":
            ranges.append((child.i, child.right_edge.i + 1))
    if whole_sentence:
        ranges.append((head.sent.start, head.sent.end))
    for start, end in ranges:
        for hit in ngram_hits(doc, start, end, lex.country):
            inside = core.start <= hit.start < core.end
            if not inside and hit.value.code not in skip and _placed(doc, hit):
                return _pinned(doc, hit, lex) or hit.value
    return None


def _pinned(doc: Doc, hit: Hit, lex: ActorTables) -> CountryRef | None:
    """The country a capital's name is pinned to right after it: "Tripoli, Lebanon's
    second city" is Lebanon's, not Libya's."""
    if hit.value.kind != "capital" or hit.end + 1 >= len(doc) or doc[hit.end].text != ",":
        return None
    after = ngram_hits(doc, hit.end + 1, min(hit.end + 4, len(doc)), lex.country)
    first = next((h for h in after if h.start == hit.end + 1), None)
    return first.value if first is not None and first.value.kind == "name" else None


def context_texts(span: Span) -> list[str]:
    """Texts of the phrases that place a noun phrase ("in Arnor", "of Gondor", "based in X")."""
    head = span.root
    texts = []
    for child in head.children:
        if (child.dep_ == "prep" and child.lower_ in CONTEXT_PREPS) or child.dep_ == "acl":
            texts.append(head.doc[child.i + 1 : child.right_edge.i + 1].text)
    return [t for t in texts if t]


def country_in_sentence(span: Span, skip: set[str] | None = None) -> str | None:
    """The one country its sentence qualifies things with ("Ugandan opposition",
    "Haiti's elections"), outside `span`; None when there is none or more than one."""
    lex, doc = actor_tables(), span.doc
    sent = span.sent
    codes = set()
    for hit in ngram_hits(doc, sent.start, sent.end, lex.country):
        if span.start <= hit.start < span.end or hit.value.code in (skip or set()):
            continue
        root = doc[hit.start : hit.end].root
        if root.dep_ in ("amod", "compound", "poss", "nmod") and not _hyphened(doc, hit):
            codes.add(hit.value.code)
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=4096)
def fuzzy_country(word: str) -> str | None:
    """The country a misspelt name is close to ("Afganistan" -> AFG), if any."""
    from rapidfuzz import fuzz, process

    lex = actor_tables()
    choices = {n: c for n, c in lex.countries.items() if c.kind == "name" and len(n) >= 5}
    found = process.extractOne(word.lower(), list(choices), scorer=fuzz.ratio, score_cutoff=88)
    return choices[found[0]].code if found else None


def misspelt_country(head: Token) -> str | None:
    """ "Ethopia", "Afganistan": a place NER saw that no table spells this way."""
    if head.ent_type_ not in ("GPE", "LOC", "NORP", "ORG", "") or head.pos_ != "PROPN" \
            or len(head.text) < 6:
        return None
    return fuzzy_country(head.text)


def international_body(core: Span) -> str | None:
    """ "International Labor Office", "World Food Program": an international body."""
    words = {t.text for t in core}
    if core.root.pos_ == "PROPN" and words & {"International", "World", "Intergovernmental"}:
        return "IGO"
    return "IGO" if body_of_states(core) else None


BODY_WORDS = frozenset({"Community", "Union", "Organization", "Organisation", "League",
                        "Council", "Association", "Commission", "Conference", "Bank", "Forum",
                        "Alliance", "Cooperation", "Group"})
MEMBER_WORDS = frozenset({"States", "Nations", "Countries", "Economies", "Republics"})


def body_of_states(core: Span) -> bool:
    """ "Economic Community of Central African States", "Association of Southeast Asian
    Nations": a body of states is intergovernmental, whatever region its name names."""
    words = [t.text for t in core]
    return bool(set(words) & BODY_WORDS) and "of" in words and words[-1] in MEMBER_WORDS




def place_country(name: str) -> str | None:
    """ISO-3 of the country a place name lies in: a country or capital from the actor
    tables, else the gazetteer's one country for the name (None when it is ambiguous);
    "southern Lebanon" is in Lebanon, "Afganistan" is Afghanistan. Remembered by the
    gazetteer in use (a configuration's places can change the answer)."""
    from resgestae.coding.gazetteer import gazetteer

    memo = gazetteer().memo
    if name not in memo:
        found = _place_country_of(name)
        if len(memo) >= 50_000:  # names recur across articles; bound the memory
            return found
        memo[name] = found
    return memo[name]


def _place_country_of(name: str) -> str | None:
    words = name.split()
    found = _place_country(name)
    while (
        found is None
        and len(words) > 1
        and words[0].lower().removesuffix("ern") in rules().place_qualifiers
    ):
        words = words[1:]
        found = _place_country(" ".join(words))
    if found is None and len(words) == 1 and len(words[0]) >= 6:
        found = fuzzy_country(words[0])
    return found


def _place_country(name: str) -> str | None:
    ref = actor_tables().country(name)
    if ref is not None and ref.kind in ("name", "capital"):
        return ref.code
    from resgestae.coding.gazetteer import Context, choose, gazetteer

    found = choose(gazetteer().lookup(name), Context(Counter()))
    return found.country if found is not None else None


def country_ref(word: Token) -> CountryRef | None:
    ref = actor_tables().country(word.text) if word.is_title or word.is_upper else None
    return ref if ref is not None and ref.kind in ("name", "adjective") else None
