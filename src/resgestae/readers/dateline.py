"""Datelines: "Tripoli, Libya –", "WASHINGTON (Reuters) -", "LONDON, Dec 26 (AP) —", "BEIRUT:".

A dateline names where the story was filed, not an event: it is kept as a
place hint (Article.dateline) and left out of the text that is coded.
"""

from __future__ import annotations

import datetime as dt
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
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 and "." not in w else w
                    for w in words)  # "N.C." stays an abbreviation


_DATE_TEXT = re.compile(
    r"^(?P<month>[A-Za-z]{3,9})\.?[ \t]+(?P<day>\d{1,2})(?:,?[ \t]+(?P<year>\d{4}))?$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def dateline_date(paragraph: str, today: dt.date | None = None) -> str | None:
    """The date a dateline gives, ISO ("LIMA, Peru (March 14, 2023) -" -> 2023-03-14;
    "MOSCOW, March 3 (Reuters) -" -> the latest March 3 up to `today`, wire copy being
    news); None when the dateline gives none."""
    match = DATELINE.match(paragraph)
    if not match or match.end() > MAX_LENGTH:
        return None
    for text in (match.group("date"), match.group("agency")):
        found = _DATE_TEXT.match((text or "").strip())
        if found:
            return _iso(found, today or dt.date.today())
    return None


def _iso(found: re.Match, today: dt.date) -> str | None:
    month = found.group("month")[:3].lower()
    if month not in _MONTHS:
        return None
    year = int(found.group("year") or today.year)
    try:
        day = dt.date(year, _MONTHS.index(month) + 1, int(found.group("day")))
    except ValueError:
        return None
    if not found.group("year") and day > today:
        day = day.replace(year=year - 1)
    return day.isoformat()
