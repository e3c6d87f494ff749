"""The command line: a thin layer over the library. One module per command."""

from __future__ import annotations

import argparse
import importlib
import sys

from resgestae import __version__
from resgestae.errors import ResgestaeError

# name -> module in resgestae.cli; each has add_arguments(parser) and run(args) -> int
COMMANDS = {
    "code": "Code articles into events and store them.",
    "events": "List stored events, filtered.",
    "load": "Load Parquet written by a cluster run (code --parquet-dir) into the store.",
    "eval": "Score the coder against gold records (PLOVER, PETRARCH, event-location).",
    "export": "Export stored events (jsonl, csv, parquet, gdelt, plover, geojson, graphml).",
    "serve": "Serve the HTTP API and the web page.",
    "actors": "List the actor knowledge base; import or export it.",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resgestae", description="Political event data from news."
    )
    parser.add_argument("--version", action="version", version=f"resgestae {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"resgestae.cli.{name.replace('-', '_')}_cmd")
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ResgestaeError as exc:
        print(f"resgestae: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("resgestae: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
