"""`resgestae serve`: the HTTP API and the web page over a store."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from resgestae.api.guard import LOOPBACK_HOSTS
from resgestae.cli.options import add_coding_files, add_db, db_path, use_coding_files
from resgestae.config import Config
from resgestae.errors import ConfigError

MAX_CONNECTIONS = 200  # open connections at once; more get 503 instead of exhausting us
# seconds a client may take to send a request's headers (each request on a kept-alive
# connection too); $RESGESTAE_HEADER_TIMEOUT overrides
HEADER_TIMEOUT = 10.0
KEEP_ALIVE = 5  # seconds an idle kept-alive connection stays open


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--public-reads", action="store_true",
                        help="allow reads from non-loopback clients without the token")
    parser.add_argument("--preload", action="store_true",
                        help="load the spaCy model at start, not on the first coding request")
    parser.add_argument(
        "--allow-host", action="append", default=None, metavar="NAME",
        help="a Host name clients may use (repeatable; default: the loopback names and the "
        "--host address; also $RESGESTAE_ALLOWED_HOSTS, comma-separated; '*' for any)")
    parser.add_argument("--create", action="store_true",
                        help="start on a new, empty store when --db names none yet")
    add_db(parser)
    add_coding_files(parser)  # the API's coding requests use the same resources as `code`


def allowed_hosts(args: argparse.Namespace) -> tuple[str, ...]:
    """Loopback names, the bound address, --allow-host and $RESGESTAE_ALLOWED_HOSTS."""
    extra = [h for h in os.environ.get("RESGESTAE_ALLOWED_HOSTS", "").split(",") if h.strip()]
    bound = [] if args.host in ("0.0.0.0", "::", "") else [args.host]
    return tuple(dict.fromkeys([*LOOPBACK_HOSTS, *bound, *(args.allow_host or []), *extra]))


def header_timeout() -> float:
    """Seconds for a request's headers: $RESGESTAE_HEADER_TIMEOUT, else HEADER_TIMEOUT."""
    value = os.environ.get("RESGESTAE_HEADER_TIMEOUT", "")
    try:
        seconds = float(value) if value else HEADER_TIMEOUT
    except ValueError:
        raise ConfigError(f"RESGESTAE_HEADER_TIMEOUT={value!r}: not a number of seconds") from None
    if not seconds > 0:
        raise ConfigError(f"RESGESTAE_HEADER_TIMEOUT={value!r}: must be above 0")
    return seconds


def header_timeout_protocol(timeout: float = HEADER_TIMEOUT) -> type:
    """uvicorn's h11 protocol, closing a connection that sends no complete request
    headers within `timeout` seconds of opening or of its previous response
    (slow-header clients, also on kept-alive connections, where sending bytes stops
    uvicorn's own keep-alive timer)."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class TimedH11Protocol(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._header_timer = self.loop.call_later(timeout, self._headers_late)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._header_timer.cancel()
            if not self.transport.is_closing():  # the next request's headers: timed anew
                self._header_timer = self.loop.call_later(timeout, self._headers_late)

        def _headers_late(self) -> None:
            # no request under way: none read yet, or the last one was answered
            waiting = self.cycle is None or self.cycle.response_complete
            if waiting and not self.transport.is_closing():
                self.transport.close()

        def connection_lost(self, exc: Exception | None) -> None:
            self._header_timer.cancel()
            super().connection_lost(exc)

    return TimedH11Protocol


def _check_port(host: str, port: int) -> None:
    """ConfigError when `host:port` cannot be bound (in use, or no such address), before
    the model and the store are opened; uvicorn would otherwise log its own error."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ConfigError(f"--host {host} --port {port}: cannot listen there "
                              f"({exc.strerror or exc})") from None


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from resgestae.api import create_app
    from resgestae.store import Store

    if not 0 < args.port < 65536:
        raise ConfigError(f"--port {args.port}: not a TCP port")
    _check_port(args.host, args.port)
    db = db_path(args)
    if not args.create and not os.path.exists(db):
        raise ConfigError(f"{db}: no store there (run `resgestae code` first, pass "
                          "--db, or --create to start on an empty one)")
    with Store(db, wait=5.0):  # a store that cannot be opened is one clear error, up front
        pass
    config = Config(db=db)
    use_coding_files(args, config)  # a bad --lexicon/--places file fails here, before serving
    app = create_app(db, public_reads=args.public_reads, preload=args.preload,
                     allowed_hosts=allowed_hosts(args), config=config)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not app.state.token:
        print("resgestae: note: no RESGESTAE_TOKEN set: writes are refused", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info",
                http=header_timeout_protocol(header_timeout()), limit_concurrency=MAX_CONNECTIONS,
                timeout_keep_alive=KEEP_ALIVE)
    return 0
