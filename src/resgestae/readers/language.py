"""A cheap English check from function words, written here (no model, no download).

News English has about a third of its words in a short list of English function
words ("the", "of", "and", "was", ...); French, German, Spanish, Italian,
Portuguese or Dutch text has almost none of those and many of its own ("le",
"der", "el", "que", ...); Arabic or Chinese text is not in Latin script at all.
A text is refused when it is mostly non-Latin letters, when its foreign function
words outnumber its English ones, or when it is long and has almost no English
function words. Short English lines full of names (no function words at all)
pass. Microseconds per article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 12  # below this the ratios say nothing: let short texts through
LONG_TEXT = 40  # words; from here, a text with almost no English function words is refused
MIN_RATIO = 0.05  # English news ~0.3, name-heavy English leads ~0.1; other languages ~0
MIN_LATIN = 0.5  # share of letters that are ASCII (English is written in Latin script)
SAMPLE = 20_000  # characters looked at


@lru_cache(maxsize=2)
def _words(name: str) -> frozenset[str]:
    path = resources.files("resgestae") / "data" / "readers" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def function_words() -> frozenset[str]:
    """English function words (data/readers/english_function_words.txt)."""
    return _words("english_function_words.txt")


def foreign_words() -> frozenset[str]:
    """Other languages' function words (data/readers/foreign_function_words.txt)."""
    return _words("foreign_function_words.txt")


def english_score(text: str, sample: int = SAMPLE) -> tuple[float, float, int]:
    """(English function-word ratio, latin-letter share, words) over the first `sample` chars."""
    words = WORD.findall(text[:sample])
    letters = sum(len(w) for w in words)
    foreign = sum(sum(not c.isascii() for c in w) for w in words if not w.isascii())
    latin = 1 - foreign / letters if letters else 0.0
    known = function_words()
    ratio = sum(w.lower() in known for w in words) / len(words) if words else 0.0
    return ratio, latin, len(words)


def foreign_score(text: str, sample: int = SAMPLE) -> float:
    """Share of words that are French/German/Spanish/... function words, not counting
    those inside place and person names ("San Juan de la Maguana", "La Paz")."""
    words = WORD.findall(text[:sample])
    other = foreign_words()
    found = sum(w.lower() in other and not _in_name(words, i, other) for i, w in enumerate(words))
    return found / len(words) if words else 0.0


def _in_name(words: list[str], i: int, other: frozenset[str]) -> bool:
    """A foreign function word that runs into a capitalised word after it ("de la
    Sierra", "La Paz"), following a capitalised word or capitalised itself."""
    after = i + 1
    while after < len(words) and words[after].lower() in other and not words[after][:1].isupper():
        after += 1
    if after >= len(words) or not words[after][:1].isupper():
        return False
    before = i - 1
    while before >= 0 and len(words[before]) <= 3 and words[before].islower():
        before -= 1  # "Puerto de la Cruz": particles between the parts of a name
    return words[i][:1].isupper() or (before >= 0 and words[before][:1].isupper())


# Function words English shares with French, German, Spanish ... ("a", "in", "on"): left
# out of the list so those languages do not pass as English, but once the foreign check
# has let a text through they are English ones, and terse wire briefs ("A Turkish air
# raid hit a village in northern Iraq.") have few others.
SHARED = frozenset({"a", "in", "on"})


def _shared_share(text: str, sample: int = SAMPLE) -> float:
    words = WORD.findall(text[:sample])
    return sum(w.lower() in SHARED for w in words) / len(words) if words else 0.0


def not_english_reason(text: str) -> str | None:
    """Why `text` does not look English, or None when it does (or is too short to tell)."""
    ratio, latin, n_words = english_score(text)
    if n_words >= 2 and latin < MIN_LATIN and len(text.strip()) >= 20:
        return f"not English: {100 * (1 - latin):.0f}% of letters are not Latin script"
    if n_words < MIN_WORDS:
        return None
    foreign = foreign_score(text)
    if foreign > ratio and foreign >= MIN_RATIO:
        return (
            f"not English: {100 * foreign:.0f}% French/German/Spanish/... function words, "
            f"{100 * ratio:.0f}% English ones in {n_words} words; resgestae codes English only"
        )
    # the shared words are counted only for the rare text under the floor (a second pass)
    if n_words >= LONG_TEXT and ratio < MIN_RATIO and ratio + _shared_share(text) < MIN_RATIO:
        return (
            f"not English: {100 * ratio:.0f}% English function words in {n_words} words "
            f"(English text has over {100 * MIN_RATIO:.0f}%); resgestae codes English only"
        )
    return None
