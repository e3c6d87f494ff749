"""`resgestae serve`: the HTTP API and the web page over a store."""

from __future__ import annotations

import argparse
import os
import sys

from resgestae.cli.options import add_db, db_path
from resgestae.errors import ConfigError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--public-reads", action="store_true",
                        help="allow reads from non-loopback clients without the token")
    parser.add_argument("--preload", action="store_true",
                        help="load the spaCy model at start, not on the first coding request")
    parser.add_argument("--create", action="store_true",
                        help="start on a new, empty store when --db names none yet")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from resgestae.api import create_app

    if not 0 < args.port < 65536:
        raise ConfigError(f"--port {args.port}: not a TCP port")
    if not args.create and not os.path.exists(db_path(args)):
        raise ConfigError(f"{db_path(args)}: no store there (run `resgestae code` first, pass "
                          "--db, or --create to start on an empty one)")
    app = create_app(db_path(args), public_reads=args.public_reads, preload=args.preload)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not app.state.token:
        print("resgestae: note: no RESGESTAE_TOKEN set: writes are refused", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
