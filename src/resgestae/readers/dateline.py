"""Datelines: "Tripoli, Libya –", "WASHINGTON (Reuters) -", "LONDON, Dec 26 (AP) —", "BEIRUT:".

A dateline names where the story was filed, not an event: it is kept as a
place hint (Article.dateline) and left out of the text that is coded.
"""

from __future__ import annotations

import re

_WORD = r"[A-Z][\w.'’\-]*"
_PART = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    rf"""^[ \t]*(?P<place>{_PART}(?:,[ \t]*{_PART}){{0,2}})
    (?:,?[ \t]+(?P<date>{_MONTH}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?))?
    [ \t]*(?:\((?P<agency>[^()\n]{{1,40}})\))?
    [ \t]*(?P<sep>[-–—]{{1,2}}|:)[ \t]+(?=\S)""",
    re.VERBOSE,
)
MAX_LENGTH = 80


def find_dateline(paragraph: str) -> tuple[str, int] | None:
    """(place hint, length of the dateline) at the start of `paragraph`, or None.

    A bare capitalised word before a dash ("Turkey - a NATO member -") is not
    taken: a dateline needs a comma-separated place, an all-caps city, a date
    or an agency in brackets.
    """
    match = DATELINE.match(paragraph)
    if not match or match.end() > MAX_LENGTH:
        return None
    place = match.group("place")
    letters = [c for c in place if c.isalpha()]
    all_caps = len(letters) >= 3 and all(c.isupper() for c in letters)
    if match.group("sep") == ":" and not all_caps:
        return None  # "Officials said: ..." is a quote, "BEIRUT: ..." a dateline
    if not ("," in place or all_caps or match.group("date") or match.group("agency")):
        return None
    return _title_case(place), match.end()


def _title_case(place: str) -> str:
    """WASHINGTON -> Washington; "Tripoli, Libya" unchanged."""
    words = place.split(" ")
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in words)
