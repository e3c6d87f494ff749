"""`resgestae eval GOLD.jsonl`: code gold records and print precision, recall and more.

`--half tune|check` scores one half of the file; `--halves` prints both halves
and their gap beside the whole file's numbers (one coding run).
"""

from __future__ import annotations

import argparse
import json

from resgestae.cli.options import add_coding_files, count, use_coding_files
from resgestae.cli.output import open_output
from resgestae.config import Config
from resgestae.evaluation import evaluate, render


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "gold", metavar="GOLD.jsonl",
        help="PLOVER, PETRARCH, event-location, PLOVER-label or PentaClass gold records",
    )
    parser.add_argument("--json", action="store_true", help="print every number as JSON")
    parser.add_argument("--limit", type=count, default=None, help="score only the first N records")
    parser.add_argument("--model", default=None, help="spaCy model package or path")
    parser.add_argument(
        "--dictionary", action="append", default=None, metavar="FILE",
        help="PETRARCH actor, agent or verb dictionary or discards file for PETRARCH gold "
        "(repeatable; default: PETR.Validate.*)",
    )
    parser.add_argument(
        "--half", choices=("tune", "check"), default=None,
        help="score only one half of the gold (split by a hash of the record id)",
    )
    parser.add_argument(
        "--halves", action="store_true",
        help="also print the tune and check halves side by side, with their gap",
    )
    parser.add_argument(
        "--verb-mode", choices=("only", "first", "after"), default="only",
        help="verb dictionaries among --dictionary: alone (PETRARCH's coding), before or after "
        "the curated lexicon",
    )
    parser.add_argument("--misses", type=count, default=0, metavar="N",
                        help="also list the first N records the coder got wrong")
    parser.add_argument("--output", "-o", default=None, help="write here instead of stdout")
    add_coding_files(parser)


def run(args: argparse.Namespace) -> int:
    with open_output(args.output) as out:  # a bad -o is refused before minutes of scoring
        config = Config()
        use_coding_files(args, config)
        result = evaluate(args.gold, limit=args.limit, model=args.model,
                          dictionaries=args.dictionary, half=args.half, halves=args.halves,
                          verb_mode=args.verb_mode, config=config)
        if args.json:
            text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        else:
            text = render(result, misses=args.misses)
        out.write(text)
    return 0
