"""One-label gold (PLOVER root types, PentaClass) and the tune/check halves of `resgestae eval`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from resgestae.cli import main
from resgestae.errors import InputError
from resgestae.evaluation import evaluate, render
from resgestae.evaluation.gold import detect_format
from resgestae.evaluation.halves import compare, half_of, headline, select
from resgestae.evaluation.labels import pentaclass, primary, score_labels

# Our own sentences (never from the gold files); ids chosen so both halves are used:
# 'a1' is in the tune half, 'a2'..'a6' in the check half.
PLV = [
    {"id": "a1", "text": "Chile and Peru signed a fishing accord in Lima on Monday.",
     "label": "AGREE"},
    {"id": "a2", "text": "Kenyan troops shelled rebel positions near the Somali border.",
     "label": "ASSAULT"},
    {"id": "a3", "text": "The rebels withdrew from the northern town after the truce.",
     "label": "YIELD"},
    {"id": "a4", "text": "Norway urged Sri Lanka to resume peace talks.", "label": "REQUEST"},
    {"id": "a5", "text": "The weather in Oslo was mild on Tuesday.", "label": "ACCUSE"},
]
PENTA = [
    {"id": "a1", "text": "Chile and Peru signed a fishing accord in Lima on Monday.", "label": 1},
    {"id": "a2", "text": "Kenyan troops shelled rebel positions near the Somali border.",
     "label": 4},
    {"id": "a3", "text": "The minister said the economy was growing.", "label": 0},
    {"id": "a4", "text": "Ghana sent food and medicine to the flood victims in Togo.",
     "label": 2},
]


def _event(kind: str, conf: float, cameo: str | None = None) -> dict:
    return {"event_type": kind, "confidence": conf, "cameo": cameo, "trigger": "x",
            "actor": [], "recipient": []}


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_half_follows_the_hash_rule() -> None:
    for record_id in ("a1", "a2", "plv-0007", 42):
        digest = int(hashlib.sha256(str(record_id).encode("utf-8")).hexdigest(), 16)
        assert half_of(record_id) == ("tune" if digest % 2 == 0 else "check")
    assert [half_of(i) for i in ("a1", "a2", "a3")] == ["tune", "check", "check"]
    ids = [f"r{i}" for i in range(2000)]
    tune = select([{"id": i, "text": ""} for i in ids], "tune")
    check = select([{"id": i, "text": ""} for i in ids], "check")
    assert len(tune) + len(check) == 2000 and 900 < len(tune) < 1100
    assert not {r["id"] for r in tune} & {r["id"] for r in check}
    with pytest.raises(InputError, match="half"):
        select(PLV, "middle")
    with pytest.raises(InputError, match="needs an 'id'"):
        select([{"text": "no id here"}], "tune")


def test_detect_label_formats() -> None:
    assert detect_format(PLV) == "plv"
    assert detect_format(PENTA) == "pentaclass"
    with pytest.raises(InputError, match="unknown gold format"):
        detect_format([{"id": "b", "text": "x", "label": 9}])


def test_primary_and_pentaclass() -> None:
    low, high, same = _event("CONSULT", 0.4, "040"), _event("ASSAULT", 0.9), _event("AID", 0.9)
    assert primary([low, high, same]) is high  # most confident, first among equals
    assert primary([]) is None
    assert pentaclass(None) == "0"
    assert pentaclass(_event("REQUEST", 0.5, "1041")) == "3"  # the CAMEO root decides
    assert pentaclass(_event("REQUEST", 0.5, "020")) == "0"
    assert pentaclass(_event("RETREAT", 0.5)) == "2"  # no CAMEO code: the type's class
    assert pentaclass(_event("PROTEST", 0.5, "141")) == "4"


def test_plv_numbers_by_hand() -> None:
    predictions = [
        [_event("AGREE", 0.9, "030"), _event("ASSAULT", 0.3)],  # primary AGREE: right
        [_event("ASSAULT", 0.8, "190")],  # right
        [_event("RETREAT", 0.7, "0871")],  # YIELD gold: RETREAT counts as right
        [_event("CONSULT", 0.9, "043"), _event("REQUEST", 0.6)],  # primary CONSULT: wrong
        [],  # nothing: NONE, wrong
    ]
    result = score_labels("plv", PLV, predictions)
    assert result["accuracy"] == {"correct": 3, "total": 5, "accuracy": 0.6}
    assert result["confusion"]["YIELD"] == {"YIELD": 1}
    assert result["confusion"]["REQUEST"] == {"CONSULT": 1}
    assert result["confusion"]["ACCUSE"] == {"NONE": 1}
    rows = result["per_label"]
    assert rows["CONSULT"]["fp"] == 1 and rows["CONSULT"]["support"] == 0
    assert rows["REQUEST"]["fn"] == 1 and rows["REQUEST"]["f1"] == 0.0
    assert "NONE" not in rows
    # macro F1 over gold labels: AGREE 1, ASSAULT 1, YIELD 1, REQUEST 0, ACCUSE 0
    assert result["macro_f1"] == 0.6
    assert result["no_event"]["correct"] == 1
    assert [m["id"] for m in result["misses"]] == ["a4", "a5"]
    text = render({**result, "path": "x"}, misses=1)
    assert "a4: gold REQUEST, ours CONSULT" in text and "a5:" not in text
    assert "macro F1" in text and "Confusion" in text


def test_pentaclass_numbers_by_hand() -> None:
    predictions = [
        [_event("AGREE", 0.9, "057")],  # root 05 -> 1: right
        [_event("ASSAULT", 0.9, "193"), _event("AGREE", 0.2, "030")],  # 4: right
        [],  # nothing is class 0: right
        [_event("ACCUSE", 0.7, "112")],  # 3 for gold 2: wrong
    ]
    result = score_labels("pentaclass", PENTA, predictions)
    assert result["accuracy"]["correct"] == 3
    assert result["confusion"]["2"] == {"3": 1}
    assert result["per_label"]["3"] == {
        "tp": 0, "fp": 1, "fn": 0, "support": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert result["macro_f1"] == 0.75  # classes 0, 1, 4 right (F1 1), class 2 missed (F1 0)


def test_halves_compare_by_hand() -> None:
    predictions = [[_event("AGREE", 0.9)], [], [], [], []]  # only a1 (tune) right
    whole = score_labels("plv", PLV, predictions)
    table = compare("plv", PLV, predictions, lambda r, p: score_labels("plv", r, p), whole)
    assert table["all"]["records"] == 5 and table["all"]["accuracy"] == 0.2
    assert table["tune"] == {"records": 1, "accuracy": 1.0, "macro F1": 1.0}
    assert table["check"]["records"] == 4 and table["check"]["accuracy"] == 0.0
    assert table["gap"]["accuracy"] == 1.0
    assert headline("unknown", whole) == {}
    # random 1/4 splits: a1 lands in the 1-record half one time in five (gap 1.0), else the
    # gap is 0 - 0.25: sd 1.25 * sqrt(0.2 * 0.8) = 0.5; a gap as large as 1.0 in ~20%
    noise = table["noise"]
    assert noise["label"] == "accuracy" and noise["within"] == 0.0
    assert 0.45 < noise["sd"] < 0.55 and 0.12 < noise["as_large"] < 0.28


def test_split_noise_of_an_even_coder_is_nil() -> None:
    predictions: list[list[dict]] = [[] for _ in PLV]  # wrong on every record alike
    table = compare("plv", PLV, predictions, lambda r, p: score_labels("plv", r, p),
                    score_labels("plv", PLV, predictions))
    assert table["noise"] == {"label": "accuracy", "sd": 0.0, "within": 1.0, "as_large": 1.0}


def test_eval_labels_with_real_coder(tmp_path: Path, coder, capsys) -> None:
    gold = _write(tmp_path / "plv.jsonl", PLV)
    result = evaluate(gold, coder=coder, halves=True)
    assert result["format"] == "plv" and result["records"] == 5 and not result["errors"]
    assert result["half"] == "all"
    assert sum(sum(row.values()) for row in result["confusion"].values()) == 5
    assert result["halves"]["tune"]["records"] == 1 and result["halves"]["check"]["records"] == 4
    assert result["confusion"]["ASSAULT"] == {"ASSAULT": 1}  # the coder types the shelling
    check = evaluate(gold, coder=coder, half="check")
    assert check["records"] == 4 and check["half"] == "check"
    assert "a1" not in {m["id"] for m in check["misses"]}
    assert main(["eval", str(gold), "--half", "tune", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["records"] == 1
    penta = _write(tmp_path / "penta.jsonl", PENTA)
    assert main(["eval", str(penta), "--halves"]) == 0
    out = capsys.readouterr().out
    assert "[pentaclass]" in out and "Halves" in out and "gap" in out
    assert "material conflict" in out


def test_eval_empty_half(tmp_path: Path) -> None:
    gold = _write(tmp_path / "one.jsonl", PLV[1:2])  # a2 alone: nothing in the tune half
    with pytest.raises(InputError, match="no records in the tune half"):
        evaluate(gold, half="tune")
    assert main(["eval", str(gold), "--half", "tune"]) == 2
