"""The fine-tuned clause model: shipped int8 ONNX, user training data, the train command."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from resgestae.cli import main
from resgestae.coding import classifier, clause_model
from resgestae.coding.user_examples import read_labelled, to_examples
from resgestae.errors import ConfigError

# Written for this test; none is in the training corpus or the gold.
UNSEEN = [
    ("ASSAULT", "torpedo", "a submarine torpedoed the frigate off the Crimean coast"),
    ("PROTEST", "picket", "dockers picketed the harbour office in Valparaiso over pay"),
    ("AID", "ferry", "the navy ferried water and flour to cut-off hamlets in Vanuatu"),
    ("SANCTION", "expel", "Lithuania expelled the Belarusian consul over the border incident"),
    ("RETREAT", "vacate", "the insurgents vacated the bases they had held near Goma"),
    ("REJECT", "rebuff", "Quito rebuffed the Peruvian offer to arbitrate the dispute"),
    (None, "forecast", "the statistics office forecast slower growth for the coming year"),
]


def test_unseen_clauses_typed(monkeypatch) -> None:
    # The shipped clause model (the numpy one, trained on the generated corpus).
    monkeypatch.delenv(classifier.MODEL_ENV, raising=False)
    right = sum(classifier.predict(clause, trigger)[0] == label
                for label, trigger, clause in UNSEEN)
    assert right >= len(UNSEEN) - 2, right


def test_choose_among_lexicon_types(monkeypatch) -> None:
    monkeypatch.delenv(classifier.MODEL_ENV, raising=False)
    kind, share = classifier.choose("the opposition attacked the government over the budget",
                                    "attack", ["ASSAULT", "ACCUSE"])
    assert kind == "ACCUSE" and 0.5 < share <= 1.0
    kind, _ = classifier.choose("rebels attacked an army post near Gao", "attack",
                                ["ASSAULT", "ACCUSE"])
    assert kind == "ASSAULT"


def test_no_transformer_shipped_means_the_numpy_model(monkeypatch) -> None:
    monkeypatch.delenv(classifier.MODEL_ENV, raising=False)
    if (clause_model.shipped_dir() / "model.onnx").exists():
        pytest.skip("a transformer is shipped")
    assert classifier.transformer() is None
    labels, probs = classifier.label_probabilities("troops shelled the town", "shell")
    assert labels == classifier.model().labels and abs(float(probs.sum()) - 1.0) < 1e-4
    monkeypatch.setenv(classifier.MODEL_ENV, "none")
    assert classifier.transformer() is None


def test_broken_model_folder_is_one_clear_error(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(ConfigError, match="lacks"):
        clause_model.OnnxClauseModel(tmp_path)
    for name in clause_model.FILES:
        (tmp_path / name).write_text("{}" if name.endswith("json") else "not a model")
    with pytest.raises(ConfigError, match="cannot"):
        clause_model.OnnxClauseModel(tmp_path)
    monkeypatch.setenv(classifier.MODEL_ENV, str(tmp_path / "missing"))
    with pytest.raises(ConfigError):
        classifier.predict("troops shelled the town", "shell")


def test_user_sentences_become_clauses(tmp_path: Path, capsys) -> None:
    data = tmp_path / "mine.jsonl"
    data.write_text("\n".join([
        json.dumps({"text": "Officials said Karvonia shelled border posts near Tiln.",
                    "label": "ASSAULT"}),
        "not json",
        json.dumps({"text": "Parliament met.", "label": "PICNIC"}),
        json.dumps({"text": "Dock workers in Osterby walked out over pay.", "label": "protest"}),
    ]) + "\n")
    warnings: list[str] = []
    records = read_labelled(data, warn=warnings.append)
    assert [r["label"] for r in records] == ["ASSAULT", "PROTEST"]
    assert any(":2:" in w for w in warnings) and any("PICNIC" in w for w in warnings)
    examples = to_examples(records)
    assert examples[0][:2] == ("ASSAULT", "shell")
    assert "said" not in examples[0][2]  # the event clause, not the reporting frame
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("AID\tthe charity flew blankets to Osterby\nbad line\n")
    assert [r["label"] for r in read_labelled(tsv, warn=warnings.append)] == ["AID"]


def test_train_command_errors(tmp_path: Path, capsys) -> None:
    assert main(["train", "--only-data"]) == 2
    assert "--only-data" in capsys.readouterr().err
    assert main(["train", "--data", str(tmp_path / "nope.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_train_command_trains_a_selectable_model(tmp_path: Path, monkeypatch, capsys) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("all_minilm_l6_v2")
    data = tmp_path / "mine.tsv"
    rows = [("ASSAULT", "shell", f"troops shelled village {i}") for i in range(8)]
    rows += [("NONE", "say", f"the minister said exports rose {i} percent") for i in range(8)]
    data.write_text("".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows))
    out = tmp_path / "model"
    assert main(["train", "--only-data", "--data", str(data), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    monkeypatch.setenv(classifier.MODEL_ENV, str(out))
    assert (out / "model.onnx").stat().st_size < 30_000_000  # int8
    labels, probs = classifier.label_probabilities("troops shelled village 99", "shell")
    assert labels == ["ASSAULT", "NONE"] and probs.shape == (2,)
    model = clause_model.load(str(out))
    assert clause_model.load(str(out)) is model  # loaded once
    start = time.perf_counter()
    for i in range(20):
        model.probabilities([(f"troops shelled village number {i} near the border", "shell")])
    assert (time.perf_counter() - start) / 20 < 0.1  # ~5 ms on an idle core


def test_sample_keeps_every_label_and_frame_share() -> None:
    from resgestae.cli.train_cmd import sample

    rows = [("A", "x", f"a{i}") for i in range(10)] + [("B", "y", f"b{i}") for i in range(3)]
    kept = sample(rows, 4)
    assert [c for _, _, c in kept] == ["a0", "a2", "a5", "a7", "b0", "b1", "b2"]
    assert sample(rows, 0) == rows
