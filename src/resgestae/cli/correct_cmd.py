"""`resgestae correct EVENT_ID`: an analyst's correction of a stored event.

Only the fields given change; the correction is stored apart from the coded event with its
author and time, every read shows the corrected event (flagged `corrected`), re-coding keeps
it, and an actor or recipient correction goes into the store's knowledge base, so the
articles coded next name that actor so.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from resgestae.cli.options import add_db, db_path
from resgestae.errors import ConfigError
from resgestae.model import EVENT_TYPES
from resgestae.store import Store, corrections


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event_id", help="the event's id (as `resgestae events` lists it)")
    parser.add_argument("--author", default=None, help="who corrects (default: the user name)")
    parser.add_argument("--wrong", action="store_true", help="the event is wrong: not an event")
    parser.add_argument("--note", default=None, help="why, in words")
    parser.add_argument("--type", dest="event_type", type=str.upper, choices=EVENT_TYPES,
                        metavar="TYPE", help="the right PLOVER event type")
    parser.add_argument("--mode", help="the right mode")
    parser.add_argument("--date", help="the right date (yyyy, yyyy-mm or yyyy-mm-dd)")
    for side in ("actor", "recipient"):
        parser.add_argument(f"--{side}-name", help=f"the {side}'s canonical name")
        parser.add_argument(f"--{side}-country", help=f"the {side}'s ISO-3 country")
        parser.add_argument(f"--{side}-sector", help=f"the {side}'s sector code (GOV, MIL...)")
    parser.add_argument("--place", help="the right place name")
    parser.add_argument("--place-country", help="the place's ISO-3 country")
    add_db(parser)


def change_of(args: argparse.Namespace) -> dict[str, Any]:
    """The corrected fields the options give."""
    change: dict[str, Any] = {k: getattr(args, k) for k in ("event_type", "mode", "date")
                              if getattr(args, k)}
    for side in ("actor", "recipient"):
        parts = {p: getattr(args, f"{side}_{p}") for p in ("name", "country", "sector")}
        if any(parts.values()):
            change[side] = {k: v for k, v in parts.items() if v}
    place = {"name": args.place, "country": args.place_country}
    if any(place.values()):
        change["location"] = {k: v for k, v in place.items() if v}
    return change


def run(args: argparse.Namespace) -> int:
    author = args.author or getpass.getuser()
    with Store(db_path(args)) as store:
        try:
            saved = corrections.correct(store.con, args.event_id, author, change_of(args),
                                        args.wrong, args.note)
        except (LookupError, ValueError) as exc:
            # the message itself: str() of a KeyError quotes it, and stripping quotes
            # from the ends cut the closing one of "no event 'ID'"
            raise ConfigError(str(exc.args[0]) if exc.args else str(exc)) from None
    print(json.dumps(saved, ensure_ascii=False), file=sys.stdout)
    taught = f"; knowledge base: {', '.join(saved['taught'])}" if saved["taught"] else ""
    print(f"resgestae: corrected {args.event_id} ({', '.join(saved['fields']) or 'wrong'})"
          f"{taught}", file=sys.stderr)
    return 0
