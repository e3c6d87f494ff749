"""`resgestae codebook`: event types, modes, contexts, sectors, factuality and fields, with
the CAMEO mapping, as the coder's own data defines them (`resgestae.codebook`)."""

from __future__ import annotations

import argparse
import json

from resgestae import codebook
from resgestae.cli.output import open_output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("markdown", "json", "html"), default="markdown")
    parser.add_argument("--output", "-o", default=None, help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    if args.format == "json":
        text = json.dumps(codebook.build(), indent=1, ensure_ascii=False) + "\n"
    else:
        text = codebook.html() if args.format == "html" else codebook.markdown()
    with open_output(args.output) as out:
        out.write(text)
    return 0
