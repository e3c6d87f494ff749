"""The command line: a thin layer over the library. One module per command."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import threading

from resgestae import __version__
from resgestae.errors import ResgestaeError

# name -> module in resgestae.cli; each has add_arguments(parser) and run(args) -> int
COMMANDS = {
    "code": "Code articles into events and store them.",
    "events": "List stored events, filtered.",
    "load": "Load Parquet written by a cluster run (code --parquet-dir) into the store.",
    "eval": "Score the coder against gold records (PLOVER, PETRARCH, event-location).",
    "export": ("Export stored events (jsonl, csv, parquet, gdelt, plover, geojson, graphml), "
               "the analysts' corrections (gold, lexicon, training) or the articles."),
    "serve": "Serve the HTTP API and the web page.",
    "actors": "List the actor knowledge base; import or export it.",
    "correct": "Correct a stored event (type, mode, date, actor, recipient, place, or wrong).",
    "codebook": "Print the codebook: event types, modes, contexts, sectors, fields, CAMEO.",
    "train": "Fine-tune the clause model on the project corpus or your own sentences.",
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


class _Interrupt:
    """Remembers a Ctrl-C even when a library turns it into an error of its own.

    DuckDB answers SIGINT during a query with its own InterruptException (a
    StoreError once the store wraps it); the exit status must still say
    "interrupted" (130), whatever exception carried the signal out.
    """

    def __init__(self) -> None:
        self.seen = False

    def __call__(self, signum: int, frame: object) -> None:
        self.seen = True
        signal.default_int_handler(signum, frame)


def _is_store_fault(exc: BaseException) -> bool:
    import duckdb

    return isinstance(exc, duckdb.Error)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's flush at exit does not raise the
    broken pipe again (Python's documented way); a no-op when stdout is no file."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    interrupt = _Interrupt()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, interrupt)
    try:
        code = args.run(args)
        return 130 if interrupt.seen else code
    except KeyboardInterrupt:
        print("resgestae: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `resgestae events | head`: the reader has all it wanted
        _quiet_stdout()
        print("resgestae: stopped: the output was closed (broken pipe)", file=sys.stderr)
        return 141  # 128 + SIGPIPE, as a shell reports a command its pipe stopped
    except Exception as exc:
        if interrupt.seen:
            print("resgestae: interrupted", file=sys.stderr)
            return 130
        if isinstance(exc, ResgestaeError):
            print(f"resgestae: error: {exc}", file=sys.stderr)
            return 2
        if _is_store_fault(exc):  # a damaged store fails in whatever query reads it first
            from resgestae.store.store import _why

            print(f"resgestae: error: the store cannot be used: {_why(exc)}", file=sys.stderr)
            return 2
        raise
    finally:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.default_int_handler)


if __name__ == "__main__":
    sys.exit(main())
