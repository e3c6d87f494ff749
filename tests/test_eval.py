"""`resgestae eval`: format detection, the numbers, and runs with the real coder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resgestae.cli import main
from resgestae.errors import InputError
from resgestae.evaluation import evaluate, render
from resgestae.evaluation.gold import detect_format, iso_date, read_gold
from resgestae.evaluation.petrarch import predicted_triples, score_petrarch
from resgestae.evaluation.plover import score_plover

# Our own sentences (never from the gold files).
PLOVER_RECORDS = [
    {
        "id": "t1", "date": None,
        "text": "Chile and Peru signed a fishing accord in Lima on Monday.",
        "expected": [{"event_type_current": "AGREE", "target": [],
                      "source": [{"text": "Chile", "code": "CHL"},
                                 {"text": "Peru", "code": "PER"}]}],
    },
    {
        "id": "t2", "date": None,
        "text": "Kenyan troops shelled rebel positions near the Somali border.",
        "expected": [{"event_type_current": "ASSAULT",
                      "source": [{"text": "Kenyan troops", "code": "KEN"}],
                      "target": [{"text": "rebel", "code": "SOM"}]}],
    },
    {
        "id": "t3", "text": "Norway urged Sri Lanka to resume peace talks.", "date": None,
        "expected": [{"event_type_current": "REQUEST",
                      "source": [{"text": "Norway", "code": "NOR"}],
                      "target": [{"text": "Sri Lanka", "code": "LKA"}]}],
    },
]


def _event(kind: str, conf: float, actor=(), recipient=(), cameo=None) -> dict:
    return {
        "event_type": kind, "confidence": conf, "cameo": cameo,
        "actor": [{"text": c, "name": c, "country": c} for c in actor],
        "recipient": [{"text": c, "name": c, "country": c} for c in recipient],
    }


def test_plover_numbers_by_hand() -> None:
    predictions = [
        [_event("AGREE", 0.9, actor=("CHL", "PER"))],  # right type, right actors
        [_event("THREATEN", 0.85, actor=("KEN",))],  # wrong type
        [_event("REQUEST", 0.6, actor=("NOR",), recipient=("IND",)), _event("CONSULT", 0.4)],
    ]
    result = score_plover(PLOVER_RECORDS, predictions)
    assert result["micro"]["tp"] == 2 and result["micro"]["fp"] == 2 and result["micro"]["fn"] == 1
    assert result["micro"]["precision"] == 0.5
    assert result["micro"]["recall"] == round(2 / 3, 4)
    assert result["micro"]["f1"] == round(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3), 4)
    assert result["per_type"]["ASSAULT"] == {
        "tp": 0, "fp": 0, "fn": 1, "support": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert result["per_type"]["THREATEN"]["fp"] == 1
    assert result["confusion"]["ASSAULT"] == {"THREATEN": 1}
    assert result["confusion"]["REQUEST"] == {"REQUEST": 1}
    # countries on the two matched events: actors both right; recipients: t1 (none = none) right,
    # t3 (IND for LKA) wrong
    assert result["actor_country"]["correct"] == 2 and result["actor_country"]["total"] == 2
    assert result["recipient_country"]["correct"] == 1 and result["recipient_country"]["total"] == 2
    # confidence >= 0.8: AGREE (right) and THREATEN (wrong)
    assert result["confidence"]["total"] == 2 and result["confidence"]["accuracy"] == 0.5
    low = next(b for b in result["confidence"]["buckets"] if b["low"] == 0.0)
    assert (low["correct"], low["total"]) == (0, 1)
    assert [m["id"] for m in result["misses"]] == ["t2", "t3"]
    assert result["factuality"]["asserted"] == {"correct": 2, "total": 4, "accuracy": 0.5}
    assert result["mode"]["total"] == 0 and result["context"]["total"] == 0  # gold gives none
    listed = render({**result, "path": "x"}, misses=1)
    assert "t2: gold ASSAULT; ours THREATEN" in listed and "t3:" not in listed


def test_plover_mode_and_context() -> None:
    record = {"id": "m1", "text": "x", "expected": [
        {"event_type_current": "PROTEST", "mode": "strike-hun", "context": "rights, economic"}]}
    event = {**_event("PROTEST", 0.9), "mode": "hunger", "context": ["human_rights"]}
    result = score_plover([record], [[event]])
    assert result["mode"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert result["context"]["correct"] == 1
    event["mode"], event["context"] = "demo", ["military"]
    result = score_plover([record], [[event]])
    assert result["mode"]["correct"] == 0 and result["context"]["correct"] == 0


def test_plover_confusion_prefers_matching_type() -> None:
    record = dict(PLOVER_RECORDS[1])
    result = score_plover([record], [[_event("ASSAULT", 0.3), _event("COERCE", 0.95)]])
    assert result["confusion"]["ASSAULT"] == {"ASSAULT": 1}
    assert result["micro"]["tp"] == 1 and result["micro"]["fp"] == 1


def test_plover_nothing_predicted() -> None:
    result = score_plover(PLOVER_RECORDS, [[], [], []])
    assert result["micro"]["f1"] == 0.0 and result["micro"]["fn"] == 3
    assert result["confusion"]["AGREE"] == {"NONE": 1}
    assert result["actor_country"]["accuracy"] is None
    assert "NONE" in render({**result, "path": "x"})


PETRARCH_RECORDS = [
    {"id": "p1", "text": "Zembla condemned Ruritania.", "noevents": False,
     "expected": [{"source": "ZEM", "target": "RUR", "code": "122"}]},
    {"id": "p2", "text": "Zembla and Ruritania met Freedonia.", "noevents": False,
     "expected": [{"source": "ZEM", "target": "FRE", "code": "040"},
                  {"source": "RUR", "target": "FRE", "code": "042"}]},
    {"id": "p3", "text": "The weather in Zembla was fine.", "noevents": True, "expected": []},
    {"id": "p4", "text": "A storm hit Ruritania.", "noevents": True, "expected": []},
]


def test_petrarch_numbers_by_hand() -> None:
    predictions = [
        [_event("ACCUSE", 0.7, actor=("ZEM",), recipient=("RUR",), cameo="121")],  # root 12 = 12
        [_event("CONSULT", 0.7, actor=("ZEM", "RUR"), recipient=("FRE",), cameo="043")],
        [],
        [_event("ASSAULT", 0.5, actor=("RUR",), cameo="190")],
    ]
    assert predicted_triples(predictions[1]) == {("ZEM", "FRE", "04"), ("RUR", "FRE", "04")}
    result = score_petrarch(PETRARCH_RECORDS, predictions)
    assert result["exactly_right"]["correct"] == 3 and result["exactly_right"]["total"] == 4
    assert result["noevents_records"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert result["source"]["correct"] == 3 and result["source"]["total"] == 3
    assert result["root"]["correct"] == 3
    assert result["extra_triples"] == 1
    assert [f["id"] for f in result["failures"]] == ["p4"]
    assert result["by_category"] == {"-": {"correct": 3, "total": 4, "accuracy": 0.75}}


def test_petrarch_uses_dictionary_codes() -> None:
    event = _event("ACCUSE", 0.7, cameo="112")
    event["actor"] = [{"text": "x", "name": "x", "country": "ZEM", "sector": "GOV"}]
    event["recipient"] = [{"text": "y", "name": "y", "country": None, "kb_id": "petrarch:RURMIL"}]
    assert predicted_triples([event]) == {("ZEMGOV", "RURMIL", "11")}


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_detect_format(tmp_path: Path) -> None:
    location = [{"id": "l1", "text": "Rebels shelled Goma on Friday.", "verb": {"text": "shelled"},
                 "expected_locations": [{"text": "Goma", "start": 15, "end": 19}]}]
    assert detect_format(PLOVER_RECORDS) == "plover"
    assert detect_format(PETRARCH_RECORDS[2:] + PETRARCH_RECORDS[:1]) == "petrarch"
    assert detect_format(location) == "event_location"
    with pytest.raises(InputError, match="unknown gold format"):
        detect_format([{"text": "x", "expected": []}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(PLOVER_RECORDS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2"):
        read_gold(bad)
    skipped: list[str] = []
    assert len(read_gold(bad, skipped=skipped)) == 1 and "bad.jsonl:2" in skipped[0]
    assert len(read_gold(_write(tmp_path / "g.jsonl", PLOVER_RECORDS), limit=2)) == 2
    assert iso_date("19950107") == "1995-01-07" and iso_date(None) is None


def _consistent_plover(result: dict, n_gold: int) -> None:
    micro = result["micro"]
    assert result["gold_events"] == n_gold == micro["tp"] + micro["fn"]
    assert result["predicted_events"] == micro["tp"] + micro["fp"]
    assert sum(row["tp"] for row in result["per_type"].values()) == micro["tp"]
    assert sum(sum(row.values()) for row in result["confusion"].values()) == n_gold
    assert 0.0 <= micro["f1"] <= 1.0
    assert result["actor_country"]["total"] <= micro["tp"]


def test_eval_plover_with_real_coder(tmp_path: Path, coder, capsys) -> None:
    gold = _write(tmp_path / "plover.jsonl", PLOVER_RECORDS)
    result = evaluate(gold, coder=coder)
    assert result["format"] == "plover" and result["records"] == 3 and not result["errors"]
    _consistent_plover(result, 3)
    assert main(["eval", str(gold), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["micro"] == result["micro"]
    assert main(["eval", str(gold), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "micro" in out and "1 records" in out and "Confusion" in out


def test_eval_goes_on_past_a_bad_gold_line(tmp_path: Path, coder, capsys) -> None:
    gold = tmp_path / "plover.jsonl"
    lines = [json.dumps(r) for r in PLOVER_RECORDS]
    gold.write_text("\n".join([lines[0], "{broken", lines[1], '["no text"]']) + "\n",
                    encoding="utf-8")
    result = evaluate(gold, coder=coder)
    assert result["records"] == 2
    assert [e.split(": ")[0].rsplit(":", 1)[1] for e in result["errors"]] == ["2", "4"]
    assert main(["eval", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "2 records could not be read or coded" in out and "plover.jsonl:2" in out


MY_ACTORS = """\
<!-- a tiny PETRARCH-style dictionary for tests -->
ZEMBLA [ZEM]
RURITANIA [RUR]
FREEDONIA [FRE]
"""
MY_AGENTS = """\
PRESIDENT [~GOV]
SOLDIERS [~MIL]
"""


def test_eval_petrarch_with_real_coder(tmp_path: Path, capsys) -> None:
    gold = _write(tmp_path / "petr.jsonl", [{**r, "date": "20010304"} for r in PETRARCH_RECORDS])
    actors = tmp_path / "mini.actors.txt"
    agents = tmp_path / "mini.agents.txt"
    actors.write_text(MY_ACTORS, encoding="utf-8")
    agents.write_text(MY_AGENTS, encoding="utf-8")
    result = evaluate(gold, dictionaries=[actors, agents])
    assert result["format"] == "petrarch" and result["records"] == 4 and not result["errors"]
    assert result["gold_events"] == 3 and result["dictionaries"] == [str(actors), str(agents)]
    assert result["exactly_right"]["total"] == 4
    assert result["exactly_right"]["correct"] == 4 - len(result["failures"])
    code = main(["eval", str(gold), "--dictionary", str(actors), "--dictionary", str(agents)])
    assert code == 0 and "records exactly right" in capsys.readouterr().out


def test_eval_petrarch_needs_dictionaries(tmp_path: Path) -> None:
    gold = _write(tmp_path / "petr.jsonl", PETRARCH_RECORDS)
    assert main(["eval", str(gold)]) == 2  # a clear error, not a crash


def test_eval_event_location(tmp_path: Path) -> None:
    pytest.importorskip("resgestae.evaluation.event_location")
    text = "Rebels shelled Goma on Friday, witnesses said."
    gold = _write(tmp_path / "loc.jsonl", [{
        "id": "l1", "text": text, "verb": {"text": "shelled", "start": 7, "end": 14},
        "expected_locations": [{"text": "Goma", "start": 15, "end": 19}], "date": "2012-11-20",
    }])
    result = evaluate(gold)
    assert result["format"] == "event_location"


@pytest.mark.parametrize("name", ["plover_gsr_dev.jsonl", "petrarch_unit_tests.jsonl"])
def test_eval_on_shared_gold(shared: Path, coder, name: str) -> None:
    path = shared / "gold" / "dev" / name
    if not path.exists():
        pytest.skip(f"{name} not in ../shared")
    result = evaluate(path, limit=15, coder=coder)
    assert result["records"] == 15 and not result["errors"]
    if result["format"] == "plover":
        _consistent_plover(result, 15)
    else:
        assert result["exactly_right"]["total"] == 15
