"""Settings shared by the library, the CLI, the server and the workers."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

DEFAULT_DB = "resgestae.duckdb"


def default_db() -> str:
    """The store path: `RESGESTAE_DB` if set, else ./resgestae.duckdb."""
    return os.environ.get("RESGESTAE_DB") or DEFAULT_DB


@dataclass
class Config:
    """Everything a coding run needs to know. Passed whole through every stage; the
    resources it decides (lexicon, verb dictionaries, gazetteer, clause model) are
    built once per configuration (`resgestae.resources.resources_for`)."""

    # spaCy model: a package/import name or a path; None picks the first installed
    model: str | None = field(default_factory=lambda: os.environ.get("RESGESTAE_MODEL"))
    db: str = field(default_factory=default_db)
    # publication date used when an article carries none (ISO yyyy-mm-dd)
    default_date: str | None = None
    # user actor files (YAML/CSV) and PETRARCH/Phoenix dictionaries to load into the KB
    actor_files: list[Path] = field(default_factory=list)
    # PETRARCH verb dictionaries (and discards files) typing verbs, and how they combine
    # with the curated lexicon: "only" (PETRARCH's coding), "first" or "after" it
    verb_files: list[Path] = field(default_factory=list)
    verb_mode: str = "only"
    # without verb_files: the verb patterns converted from CAMEO.2.0 (data/cameo_verbs.txt)
    # type what the curated lexicon does not know; False: the curated lexicon alone
    breadth: bool = True
    # user lexicon files (data/lexicon.tsv's columns; their entries win over the curated
    # ones of the same lemma, pos and condition) and places files (the columns of
    # data/gazetteer_additions.tsv): see coding/user_files.py
    lexicon_files: list[Path] = field(default_factory=list)
    place_files: list[Path] = field(default_factory=list)
    # the clause model folder from `resgestae train`; "none": the small numpy model;
    # None: the shipped one
    clause_model: str | None = field(
        default_factory=lambda: os.environ.get("RESGESTAE_CLAUSE_MODEL") or None)
    batch_size: int = 32
    # longer articles are refused with a clear error; spaCy's max_length is set to match
    max_chars: int = 1_000_000
    workers: int = 1

    def key(self) -> tuple[object, ...]:
        """What decides the resources and the coding: sessions are cached by it (a
        worker process keeps one session per key). Every field; paths as text."""
        return tuple(tuple(str(p) for p in value) if isinstance(value, list) else value
                     for value in (getattr(self, f.name) for f in fields(self)))
