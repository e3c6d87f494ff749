"""The web page and its static files, and the API docs, all served from the package.

Static paths are resolved inside the static folder and refused otherwise, so
`..`, absolute paths, backslashes and dot-files all get a 404.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from resgestae.api.errors import ApiError

router = APIRouter(include_in_schema=False)
# the page loads nothing from anywhere else: no CDN, no tile server
PAGE_CSP = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            "connect-src 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": PAGE_CSP, "X-Content-Type-Options": "nosniff"}


def static_root() -> Path:
    """The folder of the built page (src/resgestae/web/static)."""
    return Path(str(resources.files("resgestae").joinpath("web/static"))).resolve()


def safe_file(root: Path, relative: str) -> Path | None:
    """The file `relative` names inside `root`, or None for anything that leaves it."""
    parts = relative.split("/")
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    if any(p in ("", ".", "..") or p.startswith(".") for p in parts):
        return None
    path = (root / relative).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


@router.get("/")
def index() -> FileResponse:
    path = safe_file(static_root(), "index.html")
    if path is None:
        raise ApiError(503, "the web page is not built: run `make web`")
    return FileResponse(path, headers={**HEADERS, "Cache-Control": "no-cache"})


@router.get("/static/{relative:path}")
def static(relative: str) -> FileResponse:
    path = safe_file(static_root(), relative)
    if path is None:
        raise ApiError(404, "no such file")
    return FileResponse(path, headers=HEADERS)


@router.get("/codebook")
def codebook_page() -> HTMLResponse:
    """The codebook (`resgestae codebook`) as a page."""
    from resgestae import codebook

    return HTMLResponse(codebook.html(), headers=HEADERS)


@router.get("/docs")
def docs() -> HTMLResponse:
    # Swagger UI from the bundled swagger-ui-dist, not from a CDN
    return get_swagger_ui_html(
        openapi_url="/openapi.json", title="resgestae API",
        swagger_js_url="/static/docs/swagger-ui-bundle.js",
        swagger_css_url="/static/docs/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )
