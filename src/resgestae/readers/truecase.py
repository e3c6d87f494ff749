"""Truecasing: ALL-CAPS and Title Case wire copy cased like running text, for coding.

The tagger and the entity model read case: "RUSSIA EXPELS TWO BRITISH DIPLOMATS"
or "Russia Expels Two British Diplomats" parse as a string of proper nouns. A
paragraph written so is re-cased before parsing: words lower-cased, the first
word of a sentence capitalised, names the actor tables or the gazetteer know
("Russia", "British", "Moscow") capitalised, capital-only aliases ("UN", "US")
kept. The result has exactly the length of the input, so every offset into the
article's text stays valid; `Article.text` itself is never changed.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z][A-Za-z’'.\-]*")
MIN_WORDS = 3
SHOUTED = 0.8  # share of letters in capitals that makes a paragraph ALL CAPS
CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday", "january", "february", "march", "april", "june", "july",
                      "august", "september", "october", "november", "december"})
SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by",
                   "with", "over", "from", "as"})


def truecase(paragraph: str) -> str:
    """The paragraph cased like running text when it is ALL CAPS or Title Case, else as is
    (same length either way)."""
    words = WORD.findall(paragraph)
    if len(words) < MIN_WORDS or not (_shouted(paragraph) or _titled(words)):
        return paragraph
    out, start_of_sentence = [], True
    last = 0
    for match in WORD.finditer(paragraph):
        out.append(paragraph[last:match.start()])
        gap = paragraph[last:match.start()]
        start_of_sentence = start_of_sentence or bool(re.search(r"[.!?:]\s*$", gap))
        out.append(_cased(match.group(), start_of_sentence))
        start_of_sentence = False
        last = match.end()
    out.append(paragraph[last:])
    return "".join(out)


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= SHOUTED * len(letters)


def _titled(words: list[str]) -> bool:
    """Title Case: every longer word capitalised, verbs and common nouns too (running
    text full of names still has "officials", "arrested" in lower case)."""
    content = [w for w in words if w.lower() not in SMALL and len(w.strip(".")) >= 4]
    return len(content) >= MIN_WORDS and all(w[:1].isupper() for w in content) \
        and any(w[1:].islower() for w in content)


def _cased(word: str, first: bool) -> str:
    """One word: a known name capitalised, a capital-only alias kept, the rest lower."""
    stem, tail = _split_possessive(word)
    if _alias(stem):
        return stem + tail.lower()
    if _name(stem) or first:
        return stem[:1].upper() + stem[1:].lower() + tail.lower()
    return word.lower()


def _split_possessive(word: str) -> tuple[str, str]:
    for tail in ("'S", "’S", "'s", "’s"):
        if word.endswith(tail) and len(word) > len(tail):
            return word[: -len(tail)], tail
    return word, ""


def _alias(word: str) -> bool:
    """ "UN", "US", "NATO": written in capitals in the tables, so kept so."""
    from resgestae.coding.actor_tables import actor_tables

    lex = actor_tables()
    return word.isupper() and (word in lex.countries_cased or word in lex.orgs_cased)


def _name(word: str) -> bool:
    """A country, nationality, organisation word or a well-known place."""
    from resgestae.coding.actor_tables import actor_tables
    from resgestae.coding.gazetteer import gazetteer

    if len(word) < 3:
        return False
    if word.lower() in CALENDAR:
        return True
    lex = actor_tables()
    if lex.country(word) is not None or lex.org(word) is not None:
        return True
    return any(c.feature in ("country", "admin1") or c.population >= 100_000
               for c in gazetteer().lookup(word) if c.geonameid is not None)
