"""Who may do what, and how much they may send.

Writes need the token (`RESGESTAE_TOKEN`, sent as `Authorization: Bearer ...`);
with no token configured every write is refused. Reads are allowed from
loopback clients, with the token, or from anyone when the server was started
with public reads.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resgestae.api.errors import ApiError, error_response

MAX_BODY = 2 * 1024 * 1024
BODY_TIMEOUT = 30.0  # seconds a client may take between two parts of its body
# Host names a loopback server answers to: a page from another site that rebinds its
# own name to 127.0.0.1 sends its name as Host, and is refused.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization") or ""
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _token_ok(request: Request) -> bool:
    token, given = request.app.state.token, _bearer(request)
    return bool(token and given and hmac.compare_digest(token.encode(), given.encode()))


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8 and ::1 (and unix sockets, which have no host)."""
    if not host:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_write(request: Request) -> None:
    """Dependency: the request carries the configured token."""
    if not request.app.state.token:
        raise ApiError(403, "writes are disabled: start the server with RESGESTAE_TOKEN set")
    if _bearer(request) is None:
        raise ApiError(401, "this endpoint needs 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not _token_ok(request):
        raise ApiError(403, "wrong token")


def require_read(request: Request) -> None:
    """Dependency: loopback client, public reads, or the token."""
    client = request.client.host if request.client else None
    if request.app.state.public_reads or is_loopback(client) or _token_ok(request):
        return
    if _bearer(request) is None:
        raise ApiError(401, "reads from other hosts need 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    raise ApiError(403, "wrong token")


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes")


class BodyLimit:
    """ASGI middleware: refuse bodies over `limit` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            response = error_response(413, f"request body over the limit of {self.limit} bytes")
            await response(scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        # chunked bodies declare no length: count as they arrive
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge(self.limit)
            return message

        return counted


def host_name(header: bytes | None) -> str | None:
    """The host of a Host header value ("name", "name:port", "[v6]:port"), lower-cased."""
    if not header:
        return None
    try:
        text = header.decode("ascii").strip().lower()
    except UnicodeDecodeError:
        return None
    if text.startswith("["):
        return text[1:text.find("]")] if "]" in text else None
    return text.rsplit(":", 1)[0] if text.count(":") == 1 else text


class HostAllowList:
    """ASGI middleware: answer only requests whose Host is one of `allowed` ("*": any).

    Without it, a web page on any site can read a loopback server through DNS
    rebinding: the browser believes it talks to the page's own host name.
    """

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.allowed = {h.strip("[]").lower() for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and "*" not in self.allowed:
            host = host_name(dict(scope.get("headers") or []).get(b"host"))
            if host not in self.allowed:
                shown = repr(host)[:80] if host else "no Host header"
                response = error_response(
                    400, f"host {shown} is not served here; allowed: "
                    f"{', '.join(sorted(self.allowed))} (serve --allow-host NAME)",
                    code="host_not_allowed")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyTimeout:
    """ASGI middleware: a client that stalls while sending its body gets 408."""

    def __init__(self, app: ASGIApp, timeout: float = BODY_TIMEOUT) -> None:
        self.app, self.timeout = app, timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def timed() -> Message:
            try:
                return await asyncio.wait_for(receive(), self.timeout)
            except asyncio.TimeoutError:
                raise ApiError(408, f"request body not received within {self.timeout:g} s",
                               code="timeout") from None

        await self.app(scope, timed, send)
