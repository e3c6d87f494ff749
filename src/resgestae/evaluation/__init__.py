"""Evaluation: code gold records with the real pipeline and score what comes out.

`evaluate(path)` reads a gold JSONL file, tells its format by its fields
(PLOVER gold, PETRARCH unit tests, event-location gold; see `gold.py`), codes
every record's text as one article with one `Coder`, and returns every number
as a JSON-ready dict. `render(result)` prints it as readable tables.
"""

from __future__ import annotations

import importlib
import inspect
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from resgestae.config import Config
from resgestae.errors import ConfigError
from resgestae.session import Coder

from .coding import code_records
from .gold import detect_format, read_gold
from .petrarch import score_petrarch
from .plover import score_plover
from .report import render

PETRARCH_DICTIONARIES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")


def evaluate(
    path: str | Path,
    limit: int | None = None,
    model: str | None = None,
    dictionaries: Sequence[str | Path] | None = None,
    coder: Coder | None = None,
) -> dict[str, Any]:
    """Score the coder against one gold file; see the scorers for what each number means.

    `coder` is used for PLOVER gold (one is built when None). PETRARCH gold is
    coded with its own actor dictionaries (`dictionaries`, else the PETR.Validate
    files found beside the gold, in ontology/petrarch-dictionaries/).
    """
    path = Path(path)
    records = read_gold(path, limit)
    kind = detect_format(records, str(path))
    if kind == "event_location":
        return _event_location(path, limit, model)
    started = time.perf_counter()
    if kind == "petrarch":
        files = [Path(p) for p in dictionaries or ()] or find_petrarch_dictionaries(path)
        coder = Coder(Config(model=model, actor_files=files))
    else:
        coder = coder or Coder(Config(model=model) if model else None)
    predictions, errors = code_records(records, coder)
    scorer = score_petrarch if kind == "petrarch" else score_plover
    result = scorer(records, predictions)
    if kind == "petrarch":
        result["dictionaries"] = [str(p) for p in files]
    result.update(path=str(path), errors=errors, seconds=round(time.perf_counter() - started, 2))
    return result


def find_petrarch_dictionaries(gold_path: Path) -> list[Path]:
    """PETRARCH's validation dictionaries in an ontology/ folder above the gold file."""
    for folder in gold_path.resolve().parents:
        candidate = folder / "ontology" / "petrarch-dictionaries"
        if all((candidate / name).is_file() for name in PETRARCH_DICTIONARIES):
            return [candidate / name for name in PETRARCH_DICTIONARIES]
    raise ConfigError(
        f"{gold_path}: PETRARCH gold needs its actor dictionaries "
        f"({', '.join(PETRARCH_DICTIONARIES)}); none found in an ontology/petrarch-dictionaries/ "
        "folder above it: pass --dictionary FILE"
    )


def _event_location(path: Path, limit: int | None, model: str | None) -> dict[str, Any]:
    # Event-location scoring belongs to the places stage (evaluation/event_location.py).
    try:
        module = importlib.import_module("resgestae.evaluation.event_location")
    except ImportError as exc:
        raise ConfigError(f"{path}: event-location scoring is not available ({exc})") from exc
    score = module.score_event_location
    accepted = inspect.signature(score).parameters
    kwargs = {k: v for k, v in (("limit", limit), ("model", model)) if v and k in accepted}
    started = time.perf_counter()
    result = dict(score(path, **kwargs))
    result.setdefault("format", "event_location")
    result.setdefault("path", str(path))
    result.setdefault("seconds", round(time.perf_counter() - started, 2))
    return result


__all__ = ["evaluate", "find_petrarch_dictionaries", "render"]
