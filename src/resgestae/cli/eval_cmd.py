"""`resgestae eval GOLD.jsonl`: code gold records and print precision, recall and more."""

from __future__ import annotations

import argparse
import json
import sys

from resgestae.cli.options import add_clause_model, use_clause_model
from resgestae.evaluation import evaluate, render


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "gold", metavar="GOLD.jsonl", help="PLOVER, PETRARCH or event-location gold records"
    )
    parser.add_argument("--json", action="store_true", help="print every number as JSON")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N records")
    parser.add_argument("--model", default=None, help="spaCy model package or path")
    parser.add_argument(
        "--dictionary", action="append", default=None, metavar="FILE",
        help="PETRARCH actor/agent dictionary for PETRARCH gold "
        "(repeatable; default: PETR.Validate.*)",
    )
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="also list the first N records the coder got wrong")
    parser.add_argument("--output", "-o", default=None, help="write here instead of stdout")
    add_clause_model(parser)


def run(args: argparse.Namespace) -> int:
    use_clause_model(args)
    result = evaluate(args.gold, limit=args.limit, model=args.model, dictionaries=args.dictionary)
    if args.json:
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    else:
        text = render(result, misses=args.misses)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0
