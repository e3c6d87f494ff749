"""The in-memory actor knowledge base: entries, aliases and lookups."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from copy import copy
from dataclasses import dataclass, field, replace
from pathlib import Path

import jellyfish

from resgestae.coding.actor_tables import norm
from resgestae.kb.names import parts

SOURCES = ("data", "text", "user", "petrarch")
KINDS = ("person", "org", "country", "group")


@dataclass
class Role:
    """A dated code from a PETRARCH dictionary: valid on [start, end] (ISO dates, None = open)."""

    country: str | None
    sectors: list[str]
    start: str | None = None
    end: str | None = None
    code: str = ""

    def valid_on(self, date: str | None) -> bool:
        if not date:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass
class KBEntry:
    """One known actor: a person, an organization, a country or a collective."""

    kb_id: str
    name: str
    kind: str = "person"
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    title: str | None = None
    mentions: int = 0
    source: str = "text"
    roles: list[Role] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)  # dictionary phrases ("LIBYA_")

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def add_alias(self, alias: str) -> bool:
        """Add a spelling; True if it was new."""
        alias = " ".join(alias.split())
        if not alias or norm(alias) in {norm(n) for n in self.names()}:
            return False
        self.aliases.append(alias)
        return True

    def role_on(self, date: str | None) -> Role | None:
        """The dated role valid on `date`; undated roles are the fallback."""
        dated = [r for r in self.roles if (r.start or r.end) and r.valid_on(date)] if date else []
        if dated:
            return dated[0]
        plain = [r for r in self.roles if not (r.start or r.end)]
        return plain[-1] if plain else None


def _index_id(index: dict[str, list[str]], key: str, kb_id: str) -> None:
    # A new list, never an append: a fork shares its parent's lists until it writes.
    ids = index.get(key, [])
    if kb_id not in ids:
        index[key] = [*ids, kb_id]


def make_id(kind: str, name: str, country: str | None) -> str:
    """A stable id from what the actor is, so the same actor gets the same id every run."""
    key = f"{kind}|{norm(name)}|{country or ''}"
    return "k" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


class ActorKB:
    """Known actors with an alias index. Grows from text, user files and dictionaries."""

    def __init__(self) -> None:
        self.entries: dict[str, KBEntry] = {}
        self._alias: dict[str, list[str]] = {}
        self._surname: dict[str, list[str]] = {}
        self._sound: dict[str, list[str]] = {}  # metaphone of a person's surname -> ids
        self.dictionary = None  # a petrarch.Dictionary when one is loaded
        # True: entities no dictionary phrase matches get no country (PETRARCH-style coding)
        self.dictionary_only = False
        self.problems: list[str] = []  # malformed user-file entries, with file and line
        # In a fork: the parent, and the ids whose entries this fork has copied or made.
        self._parent: ActorKB | None = None
        self._owned: set[str] = set()

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self.entries.values())

    def get(self, kb_id: str) -> KBEntry | None:
        return self.entries.get(kb_id)

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> ActorKB:
        """A KB seeded from user YAML/CSV files and PETRARCH `.actors.txt`/`.agents.txt` files."""
        from resgestae.kb.userfile import load_any

        kb = cls()
        for path in paths:
            load_any(kb, Path(path))
        return kb

    def fork(self) -> ActorKB:
        """A copy-on-write view for coding one article.

        What an article teaches stays in its fork, so coding never depends on which
        articles were coded before it, in which order, or in which worker process.
        `learned()` hands the new knowledge to the writer, which `absorb`s it.
        """
        child = copy(self)
        child.entries = dict(self.entries)
        child._alias, child._surname = dict(self._alias), dict(self._surname)
        child._sound = dict(self._sound)
        child._parent, child._owned = self, set()
        return child

    def own(self, entry: KBEntry) -> KBEntry:
        """The entry this KB may change: in a fork, a private copy of the parent's."""
        if self._parent is None or entry.kb_id in self._owned:
            return entry
        mine = replace(entry, aliases=list(entry.aliases), sectors=list(entry.sectors),
                       roles=list(entry.roles), patterns=list(entry.patterns))
        self.entries[entry.kb_id] = mine
        self._owned.add(entry.kb_id)
        return mine

    def learned(self) -> list[KBEntry]:
        """What a fork added or changed; `mentions` counts only this fork's mentions."""
        parent = self._parent
        if parent is None:
            return []
        found = []
        for kb_id in sorted(self._owned):
            entry = replace(self.entries[kb_id])
            before = parent.entries.get(kb_id)
            entry.mentions -= before.mentions if before else 0
            found.append(entry)
        return found

    def absorb(self, entries: Iterable[KBEntry]) -> None:
        """Merge entries learned in forks (possibly in other processes) into this KB."""
        for entry in entries:
            mentions = entry.mentions
            known = self.add(replace(entry, mentions=0))
            known.mentions += mentions

    def add(self, entry: KBEntry) -> KBEntry:
        """Add an entry, or merge it into the entry with its id; returns the stored one."""
        known = self.entries.get(entry.kb_id)
        if known is None:
            self.entries[entry.kb_id] = entry
            self._owned.add(entry.kb_id)
            known = entry
        else:
            known = self.own(known)
            for alias in entry.names():
                known.add_alias(alias)
            known.country = known.country or entry.country
            known.sectors = known.sectors or list(entry.sectors)
            known.title = known.title or entry.title
            known.roles = known.roles or entry.roles
        self._index(known)
        return known

    def add_alias(self, kb_id: str, alias: str) -> None:
        entry = self.own(self.entries[kb_id])
        entry.add_alias(alias)
        self._index(entry)

    def _index(self, entry: KBEntry) -> None:
        for name in entry.names():
            _index_id(self._alias, norm(name), entry.kb_id)
            if entry.kind == "person" and len(name.split()) > 1:
                _index_id(self._surname, norm(name.split()[-1]), entry.kb_id)
                _index_id(self._sound, jellyfish.metaphone(parts(name).last), entry.kb_id)

    def lookup(self, name: str, kind: str | None = None) -> list[KBEntry]:
        """Entries with this exact name or alias (any case)."""
        found = [self.entries[i] for i in self._alias.get(norm(name), [])]
        return [e for e in found if kind is None or e.kind == kind]

    def by_surname(self, surname: str) -> list[KBEntry]:
        """Persons whose full name ends in `surname`."""
        return [self.entries[i] for i in self._surname.get(norm(surname), [])]

    def sounding(self, surname: str) -> list[KBEntry]:
        """Persons whose surname sounds like `surname` (same metaphone)."""
        key = jellyfish.metaphone(parts(surname).last)
        return [self.entries[i] for i in self._sound.get(key, [])]

    def persons(self) -> list[KBEntry]:
        return [e for e in self.entries.values() if e.kind == "person"]

    def add_petrarch(self, actors_path: Path | str | None = None,
                     agents_path: Path | str | None = None) -> int:
        """Load a PETRARCH/Phoenix actor dictionary (and agents); returns actors added."""
        from resgestae.kb.petrarch import add_to_kb

        return add_to_kb(self, actors_path, agents_path)
