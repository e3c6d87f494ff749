"""The event filters of `resgestae events` and `resgestae export` (`resgestae.store.query`)."""

from __future__ import annotations

import argparse
from typing import Any

from resgestae.errors import ConfigError
from resgestae.store import query
from resgestae.store.rows import first_day


def _iso(value: str) -> str:
    """argparse type: yyyy, yyyy-mm or yyyy-mm-dd."""
    if first_day(value) is None:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r} (yyyy[-mm[-dd]])")
    return value


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return number


def add_filters(parser: argparse.ArgumentParser) -> None:
    """The filter options, each named as the Python and HTTP filters are."""
    group = parser.add_argument_group("filters")
    group.add_argument("--actor", help="actor or recipient name (substring, any case)")
    group.add_argument("--country", help="ISO-3 country of actor or recipient (LBY, TUR...)")
    group.add_argument("--type", dest="event_type", help="PLOVER event type (ASSAULT...)")
    group.add_argument("--since", type=_iso, help="first date, ISO (2019-04 means 2019-04-01)")
    group.add_argument("--until", type=_iso,
                       help="last date, ISO, inclusive: 2020-12 takes all of December, "
                            "2020 the whole year")
    group.add_argument("--place-country", help="ISO-3 country of the event's location")
    group.add_argument("--place", help="the location's name (substring, any case)")
    group.add_argument("--factuality", choices=query.FACTUALITY)
    group.add_argument("--min-confidence", type=_confidence, help="0-1")
    group.add_argument("--text", help="words in the evidence sentence (substring, any case)")
    group.add_argument("--article", help="an article id or URL: the events it reported")


def filters_of(args: argparse.Namespace) -> dict[str, Any]:
    """The filters given on the command line; ConfigError for one that can never match."""
    found = {k: getattr(args, k) for k in query.FILTERS if getattr(args, k, None) is not None}
    try:
        query.check(found)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    return found
