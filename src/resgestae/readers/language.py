"""A cheap English check: the share of a text's words that are English function words.

News English has about a third of its words in a short list of function words
("the", "of", "and", "was", ...); French, German, Spanish, Arabic or Chinese
text has almost none. No model, no download, microseconds per article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 12  # below this the ratio says nothing: let short texts through
MIN_RATIO = 0.05  # English news ~0.3, name-heavy English leads ~0.1; French, German, Spanish ~0
MIN_LATIN = 0.5  # share of letters that are ASCII (English is written in Latin script)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The English function words (data/readers/english_function_words.txt)."""
    path = resources.files("resgestae") / "data" / "readers" / "english_function_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def english_score(text: str, sample: int = 20_000) -> tuple[float, float, int]:
    """(function-word ratio, latin-letter share, words) over the first `sample` chars."""
    words = WORD.findall(text[:sample])
    letters = sum(len(w) for w in words)
    foreign = sum(sum(not c.isascii() for c in w) for w in words if not w.isascii())
    latin = 1 - foreign / letters if letters else 0.0
    known = function_words()
    ratio = sum(w.lower() in known for w in words) / len(words) if words else 0.0
    return ratio, latin, len(words)


def not_english_reason(text: str) -> str | None:
    """Why `text` does not look English, or None when it does (or is too short to tell)."""
    ratio, latin, n_words = english_score(text)
    if n_words >= 2 and latin < MIN_LATIN and len(text.strip()) >= 20:
        return f"not English: {100 * (1 - latin):.0f}% of letters are not Latin script"
    if n_words >= MIN_WORDS and ratio < MIN_RATIO:
        return (
            f"not English: {100 * ratio:.0f}% English function words in {n_words} words "
            f"(English text has over {100 * MIN_RATIO:.0f}%); resgestae codes English only"
        )
    return None
