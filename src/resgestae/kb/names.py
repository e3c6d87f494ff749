"""When two written names are one person: a conservative fuzzy + phonetic rule.

Two names are merged only when all of these hold:
  * countries agree (across articles both must be known; inside one article an
    unknown country is allowed),
  * primary sectors agree when both are known,
  * surnames sound alike (same metaphone) or are near-identical (Jaro-Winkler >= 0.92),
  * first names, when both are given, start alike and are similar (ratio >= 60),
  * whole names are similar (token-sort ratio >= 75).
"Saladin Nemrush" and "Salahaddin Namroush" pass; two ministers of different
countries with similar surnames never do.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz

PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "van", "von", "da", "di", "le", "la"})


@dataclass(frozen=True)
class NameParts:
    first: str
    last: str
    full: str


@lru_cache(maxsize=100_000)
def ascii_fold(text: str) -> str:
    """Lower case without accents ("Türkiye" -> "turkiye"), hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("-", " ").replace("\u2019", "'").split())


@lru_cache(maxsize=100_000)
def parts(name: str) -> NameParts:
    words = [w for w in ascii_fold(name).split() if w not in PARTICLES] or ascii_fold(name).split()
    if not words:
        return NameParts("", "", "")
    return NameParts(words[0] if len(words) > 1 else "", words[-1], " ".join(words))


@lru_cache(maxsize=100_000)
def surname_alike(a: str, b: str) -> bool:
    """Surnames that sound the same or differ by a letter or two."""
    if not a or not b:
        return False
    if a == b:
        return True
    return (jellyfish.metaphone(a) == jellyfish.metaphone(b) and fuzz.ratio(a, b) >= 60) or (
        jellyfish.jaro_winkler_similarity(a, b) >= 0.92
    )


def first_alike(a: str, b: str) -> bool:
    if not a or not b:
        return True  # "Akar" against "Hulusi Akar": nothing to compare
    if a[0] != b[0]:
        return False
    meta_a, meta_b = jellyfish.metaphone(a), jellyfish.metaphone(b)
    return meta_a[:2] == meta_b[:2] and fuzz.ratio(a, b) >= 60


def same_person(name_a: str, country_a: str | None, sector_a: str | None,
                name_b: str, country_b: str | None, sector_b: str | None,
                same_article: bool = False) -> bool:
    """Whether two person names are one person (see the module docstring)."""
    if country_a and country_b and country_a != country_b:
        return False
    if not same_article and not (country_a and country_b):
        return False
    if sector_a and sector_b and sector_a != sector_b:
        return False
    a, b = parts(name_a), parts(name_b)
    if a.full == b.full:
        return True
    if not (a.first and b.first):
        return False  # a surname alone is matched by surname lookup, not by fuzz
    return (
        surname_alike(a.last, b.last)
        and first_alike(a.first, b.first)
        and fuzz.token_sort_ratio(a.full, b.full) >= 75
    )
