"""Held-out round 6 (lane held6): three more fresh CAMEO batteries, the unseen estimate.

Written like round 5 (see `test_cameo_battery_round5.py`) by a helper that fixes nothing
and read neither the coder's code, its lexicon nor any gold or battery sentence:
- `c2_round6.jsonl`: 48 sentences, one per CAMEO code of roots 04, 06, 07, 08, 09;
- `c5_round6.jsonl`: 83 sentences, one per CAMEO code of roots 14-20;
- `c134_round6.jsonl`: 73 sentences, one per 3-digit code of roots 01, 02, 03, 05, 10-13
  (root 01 expects no event; root 02 appeals are REQUEST).
Types are CAMEO2PLOVER-2021's; mode is null throughout; source and target text is the
actor as written. Every label was fixed before the first score. Their misses are read by
no one fixing the coder: they measure the clause-model work of stop 23.

First scores (micro type F1), 2026-12-01, on main at 49959ba before any change:
c2_round6 0.796 (P 0.822, R 0.771); c5_round6 0.862 (P 0.857, R 0.868);
c134_round6 0.945 (P 0.938, R 0.952). Each floor is the first score less 0.03.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate

BATTERY = Path(__file__).parent / "data" / "cameo_battery"


@pytest.mark.parametrize(("name", "records", "floor"), [
    ("c2_round6", 48, 0.76),
    ("c5_round6", 83, 0.83),
    ("c134_round6", 73, 0.91),
])
def test_round6_type_f1_floor(coder, name: str, records: int, floor: float) -> None:
    result = evaluate(BATTERY / f"{name}.jsonl", coder=coder)
    assert result["format"] == "plover" and not result["errors"]
    assert result["records"] == records
    assert result["micro"]["f1"] >= floor
