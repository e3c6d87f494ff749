"""Held-out round 7 (lane held7): three more fresh CAMEO batteries, the unseen estimate.

Written like round 5 (see `test_cameo_battery_round5.py`) by a helper that fixes nothing
and read neither the coder's code, its lexicon nor any gold or battery sentence:
- `c2_round7.jsonl`: 48 sentences, one per CAMEO code of roots 04, 06, 07, 08, 09;
- `c5_round7.jsonl`: 83 sentences, one per CAMEO code of roots 14-20;
- `c134_round7.jsonl`: 73 sentences, one per 3-digit code of roots 01, 02, 03, 05, 10-13
  (root 01 expects no event; root 02 appeals are REQUEST).
Types are CAMEO2PLOVER-2021's; mode is null throughout; source and target text is the
actor as written. Every label was fixed before the first score. Their misses are read by
no one fixing the coder: they measure the clause-model work of stop 23. Written after
round 6, by another helper that read no round-6 file, and first scored after every
choice of that work was made.

First scores (micro type F1), 2026-12-01, on main at 49959ba (before stop 23):
c2_round7 0.821 (P 0.830, R 0.812); c5_round7 0.840 (P 0.826, R 0.855);
c134_round7 0.901 (P 0.868, R 0.936). Each floor is the first score less 0.03.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate

BATTERY = Path(__file__).parent / "data" / "cameo_battery"


@pytest.mark.parametrize(("name", "records", "floor"), [
    ("c2_round7", 48, 0.79),
    ("c5_round7", 83, 0.81),
    ("c134_round7", 73, 0.87),
])
def test_round7_type_f1_floor(coder, name: str, records: int, floor: float) -> None:
    result = evaluate(BATTERY / f"{name}.jsonl", coder=coder)
    assert result["format"] == "plover" and not result["errors"]
    assert result["records"] == records
    assert result["micro"]["f1"] >= floor
