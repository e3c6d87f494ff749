"""Actor tables: the country, organization, leader and role-word lists, and lookups in them.

Everything here comes from data files in `resgestae/data/actors/`:

    countries.tsv      ISO-3 code, names, adjectives/demonyms, plurals, capitals
    organizations.tsv  named organizations and metonyms (UN, TAF, GNA, White House)
    leaders.tsv        well-known political figures
    persons.tsv        political persons and their countries (Phoenix CountryInfo, MIT)
    sectors.yaml       role words -> PLOVER sector codes
    titles.yaml        title words, role modifiers, place heads, collective heads

Lookups are dictionary hits on the lower-cased text of token n-grams (`ngram_hits`).
Aliases written in capitals only ("US", "GNA", "UN") match case-sensitively, so "us"
stays a pronoun.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc

MAX_NGRAM = 7


@dataclass(frozen=True)
class CountryRef:
    """A country word: its code, what kind of word it is, and the canonical name."""

    code: str
    kind: str  # name | adjective | people | capital
    name: str


@dataclass(frozen=True)
class OrgRef:
    """A named organization or metonym from organizations.tsv."""

    name: str
    country: str | None
    sectors: tuple[str, ...]


@dataclass(frozen=True)
class Leader:
    """A well-known political figure from leaders.tsv."""

    name: str
    country: str
    sector: str
    title: str


@dataclass
class ActorTables:
    """All actor word lists, keyed for n-gram lookup."""

    countries: dict[str, CountryRef] = field(default_factory=dict)
    countries_cased: dict[str, CountryRef] = field(default_factory=dict)
    orgs: dict[str, OrgRef] = field(default_factory=dict)
    orgs_cased: dict[str, OrgRef] = field(default_factory=dict)
    leaders: dict[str, Leader] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()
    modifiers: dict[str, str] = field(default_factory=dict)
    place_heads: frozenset[str] = frozenset()
    thing_heads: frozenset[str] = frozenset()  # things acted on: never actors
    name_particles: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    collective_heads: frozenset[str] = frozenset()
    side_modifiers: frozenset[str] = frozenset()  # "warring parties": sides, no role
    adjectives: dict[str, str] = field(default_factory=dict)  # code -> main adjective
    names: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    sector_labels: dict[str, str] = field(default_factory=dict)

    def country(self, text: str) -> CountryRef | None:
        """The country a word or phrase names, if any."""
        return self.countries_cased.get(text) or self.countries.get(norm(text))

    def org(self, text: str) -> OrgRef | None:
        """The organization a phrase names, if any."""
        return self.orgs_cased.get(text) or self.orgs.get(norm(text))

    def sector(self, text: str) -> str | None:
        return self.sectors.get(norm(text))

    def leader(self, text: str) -> Leader | None:
        return self.leaders.get(norm(text))


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Lookup key: lower case, one kind of apostrophe and dash, single spaces."""
    return " ".join(text.replace("\u2019", "'").replace("\u2013", "-").lower().split())


def _data(name: str) -> str:
    return resources.files("resgestae").joinpath("data", "actors", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    lines = [ln for ln in _data(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return [row + [""] * 5 for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _put(table: dict, cased: dict, alias: str, value: object) -> None:
    # Aliases with no lower-case letter are acronyms: match them as written.
    if not any(c.islower() for c in alias):
        cased.setdefault(alias, value)
    else:
        table.setdefault(norm(alias), value)


def _plural(adjective: str) -> str | None:
    if adjective.endswith(("an", "i")) and " " not in adjective:
        return adjective + "s"
    return None


def _load_countries(lex: ActorTables) -> None:
    for code, names, adjectives, people, capitals, *_ in _rows("countries.tsv"):
        names_l, adj_l = _split(names), _split(adjectives)
        canonical = names_l[0]
        lex.names[code] = canonical
        if adj_l:
            lex.adjectives[code] = adj_l[0]
        for kind, words in (("name", names_l), ("adjective", adj_l), ("people", _split(people)),
                            ("capital", _split(capitals))):
            for word in words:
                _put(lex.countries, lex.countries_cased, word, CountryRef(code, kind, canonical))
        for adjective in adj_l:
            plural = _plural(adjective)
            if plural:
                _put(lex.countries, lex.countries_cased, plural,
                     CountryRef(code, "people", canonical))


def _load_orgs(lex: ActorTables) -> None:
    for name, aliases, country, sectors, *_ in _rows("organizations.tsv"):
        ref = OrgRef(name, country or None, tuple(_split(sectors)))
        for alias in [name, *_split(aliases)]:
            _put(lex.orgs, lex.orgs_cased, alias, ref)


def _load_leaders(lex: ActorTables) -> None:
    for name, aliases, country, sector, title, *_ in _rows("leaders.tsv"):
        leader = Leader(name, country, sector, title)
        for alias in [name, *_split(aliases)]:
            lex.leaders.setdefault(norm(alias), leader)
    # Phoenix's CountryInfo persons (kb/persons_build.py), full names only; the
    # curated leaders above win a name both give
    for name, aliases, country, sector, *_ in _rows("persons.tsv"):
        person = Leader(name, country, sector, "")
        for alias in [name, *_split(aliases)]:
            lex.leaders.setdefault(norm(alias), person)


def _load_words(lex: ActorTables) -> None:
    for sector, words in yaml.safe_load(_data("sectors.yaml")).items():
        for word in words:
            lex.sectors.setdefault(norm(str(word)), sector)
    titles = yaml.safe_load(_data("titles.yaml"))
    lex.title_words = frozenset(norm(str(w)) for w in titles["title_words"])
    lex.modifiers = {norm(k): v for k, v in titles["modifiers"].items()}
    lex.place_heads = frozenset(norm(str(w)) for w in titles["place_heads"])
    lex.thing_heads = frozenset(norm(str(w)) for w in titles.get("thing_heads") or [])
    lex.collective_heads = frozenset(norm(str(w)) for w in titles["collective_heads"])
    lex.side_modifiers = frozenset(norm(str(w)) for w in titles.get("side_modifiers") or [])
    lex.name_particles = frozenset(norm(str(w)) for w in titles.get("name_particles", []))
    lex.honorifics = frozenset(norm(str(w)).rstrip(".") for w in titles.get("honorifics", []))
    lex.sector_labels = dict(titles.get("sector_labels", {}))


@lru_cache(maxsize=1)
def actor_tables() -> ActorTables:
    """The actor tables, loaded once per process."""
    lex = ActorTables()
    _load_countries(lex)
    _load_orgs(lex)
    _load_leaders(lex)
    _load_words(lex)
    return lex


@dataclass
class Hit:
    """A table match on tokens [start, end) of the Doc."""

    start: int
    end: int
    value: object


def ngram_hits(doc: Doc, start: int, end: int, find) -> list[Hit]:
    """Longest-first, non-overlapping matches of `find` on the tokens [start, end)."""
    hits: list[Hit] = []
    # token texts once: building a Span per n-gram is what costs here
    texts = [doc[j].text_with_ws for j in range(start, end)]
    i = start
    while i < end:
        for n in range(min(MAX_NGRAM, end - i), 0, -1):
            value = find("".join(texts[i - start : i - start + n]).rstrip())
            if value is not None:
                hits.append(Hit(i, i + n, value))
                i += n
                break
        else:
            i += 1
    return hits
