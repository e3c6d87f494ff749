"""One error shape for every 4xx/5xx: {"error": {"code": ..., "message": ...}}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from resgestae.errors import ResgestaeError

log = logging.getLogger("resgestae.api")

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 408: "timeout", 413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request", 500: "internal_error", 503: "unavailable",
}


class ApiError(HTTPException):
    """An HTTP error with our message (and, optionally, a machine-readable code)."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code or CODES.get(status, "error")


def error_response(status: int, message: str, code: str | None = None,
                   headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    """The JSON error response."""
    body = {"error": {"code": code or CODES.get(status, "error"), "message": message, **extra}}
    return JSONResponse(body, status_code=status, headers=headers)


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc) or "request"


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    code = getattr(exc, "code", None)
    return error_response(exc.status_code, str(exc.detail), code, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [{"where": _where(e.get("loc", ())), "problem": e.get("msg", "")}
                for e in exc.errors()]
    message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems[:5])
    return error_response(422, message or "invalid request", details=problems[:20])


async def _resgestae_error(request: Request, exc: ResgestaeError) -> JSONResponse:
    # a model that cannot load, a store that cannot be written: the server's state, not the request
    log.error("%s %s: %s", request.method, request.url.path, exc)
    return error_response(503, str(exc))


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    """Route every error through the one shape."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ResgestaeError, _resgestae_error)
    app.add_exception_handler(Exception, _server_error)
