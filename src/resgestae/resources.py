"""The resources one configuration codes with, built once per configuration.

A `Resources` holds what the coding stages look up and a `Config` decides:

- the event lexicon: ``data/lexicon.tsv`` with `Config.lexicon_files` laid over it
  (a user entry replaces the curated one of the same lemma, pos and condition);
- the verb dictionaries: `Config.verb_files`, `verb_mode`, `breadth` (`verb_match`);
- the gazetteer: the packaged sources plus `Config.place_files`;
- the clause model: `Config.clause_model` (a `resgestae train` folder, "none" or None
  for the shipped one).

`resources_for(config)` builds them once per configuration: cached by those fields
(and each user file's size and modification time, so an edited file is read again),
not by process. A `Session` owns the resources of its configuration.

How the stages reach them: one context variable. While a session codes an article
(`pipeline.code`, `pipeline.code_doc`), `Resources.active()` makes its resources the
ones the stages' loaders return: `event_types.lexicon()`, `lookup` and
`active_verbs()`, `gazetteer.gazetteer()`, `classifier.transformer()`. It is set
around each article's steps, never across a `yield`, so two sessions of one process
interleaving their articles (or two server threads) never see each other's. Outside
any session (a stage called on its own, as the tests do) the loaders answer with the
default configuration's resources without verb dictionaries (`current()`), the clause
model taken from `$RESGESTAE_CLAUSE_MODEL` at the call.

Left process-wide on purpose (package tables no configuration changes, so one copy
serves every session): the packaged lexicon and gazetteer the user files are laid
over (`event_types.curated_lexicon`, `gazetteer.base_gazetteer`), the clause rules
and closed-class word lists (rules.yaml, words.yaml: `rules.rules`), the actor
tables (country names, organisations, leaders: `actor_tables`), place nouns, the
PLOVER and CAMEO→PLOVER tables, the packaged breadth verb patterns, the numpy
clause classifier, the GeoNames minor-town index and each clause-model folder once
loaded (`classifier._transformer`, by folder).
"""

from __future__ import annotations

import atexit
import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resgestae.coding.event_types import Entry
    from resgestae.coding.gazetteer import Gazetteer
    from resgestae.coding.verb_match import VerbLexicon
    from resgestae.config import Config

CLAUSE_MODEL_ENV = "RESGESTAE_CLAUSE_MODEL"  # default of Config.clause_model
CACHED = 8  # configurations kept at a time (a server may code with a few)

# A user file as the cache knows it: (path, modification time in ns, size in bytes).
FileStamp = tuple[str, int, int]


@dataclass(frozen=True)
class ResourceKey:
    """The part of a `Config` that decides the resources (the cache key)."""

    lexicon_files: tuple[FileStamp, ...] = ()
    place_files: tuple[FileStamp, ...] = ()
    verb_files: tuple[FileStamp, ...] = ()
    verb_mode: str = "only"
    breadth: bool = False
    clause_model: str | None = None

    @classmethod
    def of(cls, config: Config) -> ResourceKey:
        return cls(_stamps(config.lexicon_files), _stamps(config.place_files),
                   _stamps(config.verb_files), config.verb_mode, config.breadth,
                   config.clause_model or None)


def _stamps(files: Sequence[str | Path]) -> tuple[FileStamp, ...]:
    stamps = []
    for name in files:
        try:
            stat = os.stat(name)
            stamps.append((str(name), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(name), 0, -1))  # reading it gives the clear error
    return tuple(stamps)


class Resources:
    """The lexicon, verb dictionaries, gazetteer and clause model of one configuration.

    The user files are read when the resources are built, so a bad file is one
    ConfigError (E107, E108, E109) before anything is coded; the gazetteer (seconds, the
    packaged one shared) and a shipped clause model are loaded on first use."""

    def __init__(self, key: ResourceKey) -> None:
        from resgestae.coding.event_types import curated_lexicon
        from resgestae.coding.user_files import overlay, read_lexicon_file, read_places_file
        from resgestae.coding.verb_match import coder_lexicon

        self.key = key
        user = [entry for path, _, _ in key.lexicon_files for entry in read_lexicon_file(path)]
        self.lexicon: dict[tuple[str, str], list[Entry]] = (
            overlay(curated_lexicon(), user) if user else curated_lexicon())
        self.places = [row for path, _, _ in key.place_files for row in read_places_file(path)]
        self.verbs: VerbLexicon | None = coder_lexicon(
            [path for path, _, _ in key.verb_files], key.verb_mode, key.breadth)
        self.clause_model = key.clause_model
        if self.clause_model and self.clause_model != "none":
            self.transformer()  # a folder that cannot be loaded is one error now

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The packaged gazetteer, with the user's places added (in a copy)."""
        from resgestae.coding.gazetteer import base_gazetteer

        base = base_gazetteer()
        return base.with_places(self.places) if self.places else base

    def transformer(self) -> Any:
        """The fine-tuned clause model of this configuration, or None (`classifier`)."""
        from resgestae.coding.classifier import load_transformer

        return None if self.clause_model == "none" else load_transformer(self.clause_model)

    @contextmanager
    def active(self) -> Iterator[Resources]:
        """Make these the resources the coding stages use, inside the block."""
        token = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(token)


_CURRENT: ContextVar[Resources | None] = ContextVar("resgestae_resources", default=None)
def resources_for(config: Config) -> Resources:
    """The resources of `config`, built on first use and shared by every session of this
    process with the same lexicon, places, verb and clause-model settings.
    ConfigError (E107, E108, E109, E1xx) for a user file or model that cannot be used."""
    return _built(ResourceKey.of(config))


@lru_cache(maxsize=CACHED)  # the least recently used configuration goes
def _built(key: ResourceKey) -> Resources:
    return Resources(key)


def current() -> Resources:
    """The resources of the configuration being coded; outside any session, the default
    configuration's without verb dictionaries (the clause model from the environment)."""
    found = _CURRENT.get()
    return found if found is not None else _ambient(os.environ.get(CLAUSE_MODEL_ENV) or None)


@lru_cache(maxsize=4)
def _ambient(clause_model: str | None) -> Resources:
    return Resources(ResourceKey(clause_model=clause_model))


__all__ = ["ResourceKey", "Resources", "current", "resources_for"]


def settle_heap() -> None:
    """Take what this process has loaded for good (the spaCy model, lexicon, gazetteer,
    actor tables, KB) out of the cyclic garbage collector's walks (`gc.freeze`).

    Its full collections walked every one of those millions of objects again and again:
    2.2 s of a 15.6 s run of benchmarks/throughput.py's 300 articles (14%). Objects made
    later are collected as usual, and frozen ones still go when nothing refers to them;
    only cycles alive now are kept for good, so call it right after loading: after a
    session's warm-up (`runner.work.warm`), and once when the GeoNames minor-town index
    loads (it loads on first need, so the cycles of the batch being coded then stay)."""
    gc.collect()
    gc.freeze()
    # given back before exit, so the interpreter's last collection frees them as usual
    # (native extensions check); registered once however often the heap is settled
    atexit.unregister(gc.unfreeze)
    atexit.register(gc.unfreeze)
