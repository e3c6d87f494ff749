"""Evaluation: code gold records with the real pipeline and score what comes out.

`evaluate(path)` reads a gold JSONL file, tells its format by its fields
(PLOVER gold, PETRARCH unit tests, event-location gold, one-label PLOVER or
PentaClass sentences; see `gold.py`), keeps one half of it when asked
(`halves.py`: the tune/check split by a hash of the record id), codes every
record's text as one article with one `Coder`, and returns every number as a
JSON-ready dict. With `halves=True` the result also holds the headline numbers
of each half and their gap, from one coding run. `render(result)` prints it
as readable tables.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from resgestae.coding.verb_dictionary import is_discards, is_verb_dictionary
from resgestae.config import Config
from resgestae.errors import ConfigError, InputError
from resgestae.session import Coder

from . import event_location
from .coding import code_records
from .gold import detect_format, read_gold
from .halves import Scorer, compare, select
from .labels import score_labels
from .petrarch import score_petrarch
from .plover import score_plover
from .report import render

PETRARCH_DICTIONARIES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")
# PETRARCH's verb dictionary and discards for its unit tests, used when found beside them
PETRARCH_VERBS = ("PETR.Validate.verbs.txt", "PETR.Validate.discards.txt")
SCORERS: dict[str, Scorer] = {
    "plover": score_plover,
    "petrarch": score_petrarch,
    "plv": partial(score_labels, "plv"),
    "pentaclass": partial(score_labels, "pentaclass"),
    "event_location": event_location.summarise,
}


def evaluate(
    path: str | Path,
    limit: int | None = None,
    model: str | None = None,
    dictionaries: Sequence[str | Path] | None = None,
    coder: Coder | None = None,
    half: str | None = None,
    halves: bool = False,
    verb_mode: str = "only",
    config: Config | None = None,
) -> dict[str, Any]:
    """Score the coder against one gold file; see the scorers for what each number means.

    `limit` keeps the first N records, then `half` ('tune' or 'check') keeps
    that half of them. `dictionaries` (PETRARCH actor, agent, verb dictionaries
    and discards files, told apart by content) build the coder, verb
    dictionaries typing verbs as `verb_mode` says (`Config.verb_mode`); PETRARCH
    gold without them is coded with the PETR.Validate files found beside the
    gold, in ontology/petrarch-dictionaries/. Otherwise `coder` is used (one is
    built when None). Raises InputError for an unreadable file
    or an empty half, ConfigError for missing dictionaries.
    """
    path = Path(path)
    skipped: list[str] = []  # bad gold lines: reported with the coding errors, not fatal
    records = read_gold(path, limit, skipped)
    kind = detect_format(records, str(path))
    records = select(records, half)
    if not records:
        raise InputError(str(path), f"no records in the {half} half")
    started = time.perf_counter()
    base = config or Config()  # its lexicon, places and clause model files
    extra: dict[str, Any] = {}
    if kind == "event_location":
        predictions, errors = event_location.locate(records, model, config=config), []
    else:
        files = [Path(p) for p in dictionaries or ()]
        if kind == "petrarch":
            files = files or find_petrarch_dictionaries(path)
        if files:
            actors, verbs = split_dictionaries(files)
            coder = Coder(replace(base, model=model, actor_files=actors, verb_files=verbs,
                                  verb_mode=verb_mode))
            extra["dictionaries"] = [str(p) for p in files]
        else:
            coder = coder or Coder(replace(base, model=model) if model else base)
        predictions, errors = code_records(records, coder)
    result = SCORERS[kind](records, predictions)
    if halves:
        result["halves"] = compare(kind, records, predictions, SCORERS[kind], result)
    result.update(extra)
    result.update(path=str(path), half=half or "all", errors=skipped + errors,
                  seconds=round(time.perf_counter() - started, 2))
    return result


def split_dictionaries(files: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """(actor and agent dictionaries, verb dictionaries and discards files), by content."""
    verbs = [p for p in files if is_verb_dictionary(p) or is_discards(p)]
    return [p for p in files if p not in verbs], verbs


def find_petrarch_dictionaries(gold_path: Path) -> list[Path]:
    """PETRARCH's validation dictionaries in an ontology/ folder above the gold file
    (actors and agents; the verbs and discards too where they are there)."""
    for folder in gold_path.resolve().parents:
        candidate = folder / "ontology" / "petrarch-dictionaries"
        if all((candidate / name).is_file() for name in PETRARCH_DICTIONARIES):
            names = PETRARCH_DICTIONARIES + tuple(
                n for n in PETRARCH_VERBS if (candidate / n).is_file())
            return [candidate / name for name in names]
    raise ConfigError(
        f"{gold_path}: PETRARCH gold needs its actor dictionaries "
        f"({', '.join(PETRARCH_DICTIONARIES)}); none found in an ontology/petrarch-dictionaries/ "
        "folder above it: pass --dictionary FILE"
    )


__all__ = ["evaluate", "find_petrarch_dictionaries", "render"]
