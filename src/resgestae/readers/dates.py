"""Publication dates from input metadata, normalised to ISO yyyy-mm-dd."""

from __future__ import annotations

import re
from datetime import date, datetime

from resgestae.errors import Errors, InputError

ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def given_date(value: object, item: str) -> str | None:
    """`iso_date` of a date the input gives; None when none is given. InputError E007
    naming `item` when one is given but is no day ("2020-13-45" would otherwise code
    the text undated, in silence)."""
    day = iso_date(value)
    if value and day is None:
        raise InputError(item, Errors.E007.format(value=value))
    return day


def iso_date(value: object) -> str | None:
    """ISO yyyy-mm-dd from "2020-12-26T10:00Z", "26 December 2020", ...; None if not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    if len(text) > 100:  # no date is that long; dateparser would take its time to say so
        return None
    match = ISO_PREFIX.match(text)
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    return _parsed(text)


def _parsed(text: str) -> str | None:
    import dateparser  # slow to import: only for dates that are not ISO already

    # absolute dates only: "yesterday" in metadata would silently mean today - 1
    settings = {
        "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.strftime("%Y-%m-%d") if parsed else None
