"""CAMEO roots 14-20, round 4 (issue 10): tests/data/cameo_battery/c5_round4.jsonl, 87
fresh sentences, one per CAMEO code of roots 14-20 (4-digit codes included) and four
longer modern wire sentences, written and scored before any third-wave change: type F1
0.848, the unseen estimate. Its misses were never read. After the third wave's fixes
(taken from round 3's misses and from probe sentences) it still scores 0.848: those fixes
did not transfer to this battery. Its type F1 may not fall below that, less 0.02.
"""

from __future__ import annotations

from pathlib import Path

from resgestae.evaluation import evaluate

BATTERY = Path(__file__).parent / "data" / "cameo_battery"


def test_round4_type_f1_floor(coder):
    result = evaluate(BATTERY / "c5_round4.jsonl", coder=coder)
    assert result["format"] == "plover" and not result["errors"]
    assert result["micro"]["f1"] >= 0.825
