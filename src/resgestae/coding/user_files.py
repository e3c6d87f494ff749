"""A user's lexicon and places files (`--lexicon FILE`, `--places FILE`): read and checked.

A lexicon file has the columns of ``data/lexicon.tsv`` (tab-separated: lemma, pos,
condition, type, mode, cameo, context; ``#`` comments and blank lines allowed); its
entries replace the curated ones of the same lemma, pos and condition, and are tried
before curated entries that are as specific (`overlay`). `resgestae export --format
lexicon` writes such rows from analysts' type corrections.

A places file has the columns of ``data/gazetteer_additions.tsv`` (tab-separated:
name, aliases ``|``-separated, country ISO-3, lat, lon, geonameid, feature; the
header line optional, ``#`` comments allowed); its places join the gazetteer of the
configuration that names it, as the packaged additions do (`Gazetteer.with_places`).

Each bad line is one ConfigError naming the file and the line: E107 (lexicon),
E108 (places), E109 (the file cannot be read).
"""

from __future__ import annotations

from pathlib import Path

from resgestae.coding.event_types import TESTS, Entry, parse_lexicon, specificity
from resgestae.errors import ConfigError, Errors

LEXICON_COLUMNS = ("lemma", "pos", "condition", "type", "mode", "cameo", "context")
PLACE_COLUMNS = ("name", "aliases", "country", "lat", "lon", "geonameid", "feature")
Lexicon = dict[tuple[str, str], list[Entry]]


def _lines(path: str | Path) -> list[tuple[int, str]]:
    """(line number, line) of the file's lines that are not blank or comments."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Errors.E109.format(path=path, why=exc)) from exc
    return [(number, line.rstrip("\r\n")) for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]


def read_lexicon_file(path: str | Path) -> list[Entry]:
    """The entries of a user lexicon file, in file order; ConfigError (E107) for a bad line."""
    from resgestae.plover import type_names

    types = {*type_names(), "NONE"}
    entries = []
    for number, line in _lines(path):
        cols = line.split("\t")
        why = _bad_lexicon_row(cols, types)
        if why:
            raise ConfigError(Errors.E107.format(path=path, line=number, why=why))
        entries += [e for found in parse_lexicon(line).values() for e in found]
    return entries


def _bad_lexicon_row(cols: list[str], types: set[str]) -> str | None:
    """Why a lexicon row cannot be used (None: it can)."""
    if len(cols) != len(LEXICON_COLUMNS):
        return f"expected {len(LEXICON_COLUMNS)} tab-separated columns, got {len(cols)}"
    lemma, pos, condition, etype, _, cameo, _ = cols
    if not lemma.strip():
        return "no lemma"
    if pos not in ("V", "N"):
        return f"pos {pos!r} is not V or N"
    if etype not in types:
        return f"type {etype!r} is not a PLOVER type (or NONE)"
    if cameo not in ("-", "") and not cameo.isdigit():
        return f"cameo {cameo!r} is not a CAMEO code"
    for test in ([] if condition in ("-", "") else condition.split(";")):
        key, equals, values = test.partition("=")
        if key.strip() not in TESTS or not equals or not values.strip():
            return f"condition {test!r} is not one of {', '.join(sorted(TESTS))}=value"
    return None


def overlay(curated: Lexicon, user: list[Entry]) -> Lexicon:
    """`curated` with the `user` entries over it: a user entry replaces the curated one of
    the same lemma, pos and condition, and comes before curated entries as specific
    (the first matching entry wins). `curated` is not changed."""
    table = {key: list(entries) for key, entries in curated.items()}
    for (lemma, pos), mine in _by_key(user).items():
        conditions = {_condition(e) for e in mine}
        kept = [e for e in table.get((lemma, pos), []) if _condition(e) not in conditions]
        # stable: user entries first among equally specific ones
        table[(lemma, pos)] = sorted(mine + kept, key=lambda e: -specificity(e))
    return table


def _by_key(entries: list[Entry]) -> dict[tuple[str, str], list[Entry]]:
    found: dict[tuple[str, str], dict[object, Entry]] = {}
    for entry in entries:  # a later line for the same condition wins
        found.setdefault((entry.lemma, entry.pos), {})[_condition(entry)] = entry
    return {key: list(by_condition.values()) for key, by_condition in found.items()}


def _condition(entry: Entry) -> frozenset[tuple[str, frozenset[str]]]:
    return frozenset(entry.tests)


def read_places_file(path: str | Path) -> list[dict[str, str]]:
    """The places of a user places file, as rows keyed by `PLACE_COLUMNS`;
    ConfigError (E108) for a bad line."""
    rows = []
    for number, line in _lines(path):
        cols = line.split("\t")
        if tuple(c.strip().lower() for c in cols) == PLACE_COLUMNS:
            continue  # the header line
        cols += [""] * (len(PLACE_COLUMNS) - len(cols))  # trailing empty columns may go
        why = _bad_place_row(cols)
        if why:
            raise ConfigError(Errors.E108.format(path=path, line=number, why=why))
        rows.append(dict(zip(PLACE_COLUMNS, (c.strip() for c in cols), strict=True)))
    return rows


def _bad_place_row(cols: list[str]) -> str | None:
    """Why a places row cannot be used (None: it can)."""
    if len(cols) != len(PLACE_COLUMNS):
        return f"expected {len(PLACE_COLUMNS)} tab-separated columns, got {len(cols)}"
    name, _, country, lat, lon, geonameid, feature = (c.strip() for c in cols)
    if not name or not feature:
        return "a place needs a name and a feature (city, region, base, country...)"
    if country and not (len(country) == 3 and country.isalpha() and country.isupper()):
        return f"country {country!r} is not an ISO-3 code (as FRA)"
    for label, value, limit in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        if value and not _number_within(value, limit):
            return f"{label} {value!r} is not a number from -{limit:g} to {limit:g}"
    if geonameid and not geonameid.isdigit():
        return f"geonameid {geonameid!r} is not a number"
    return None


def _number_within(text: str, limit: float) -> bool:
    try:
        return -limit <= float(text) <= limit
    except ValueError:
        return False
