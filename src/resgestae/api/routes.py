"""The /v1 endpoints: thin wrappers over the pipeline and `resgestae.store.browse`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from resgestae.api.errors import ApiError
from resgestae.api.guard import require_read, require_write
from resgestae.api.models import (
    DATE_PATTERN,
    ArticleIn,
    ArticlesResponse,
    CodeRequest,
    CodeResponse,
    CorrectionIn,
    EventDetail,
    EventsPage,
    Stats,
)
from resgestae.errors import Errors, InputError
from resgestae.model import EVENT_TYPES, Article, content_id
from resgestae.readers.dates import iso_date
from resgestae.readers.text import normalise
from resgestae.store import browse, corrections, query

router = APIRouter(prefix="/v1")
FILTER_PARAMS = {"actor", "country", "type", "since", "until", "place_country", "place",
                 "factuality", "min_confidence", "text", "article"}


def _allowed(*extra: str):
    """Dependency: refuse query parameters the endpoint does not know (a typo is an error)."""
    known = FILTER_PARAMS | set(extra)

    def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            allowed = ", ".join(sorted(known))
            raise ApiError(400, f"unknown parameter {unknown[0]!r}; allowed: {allowed}",
                           code="unknown_parameter")

    return check


def reader(request: Request) -> Iterator[Any]:
    """Dependency: a cursor on the store for this request (a read session of
    `resgestae.store.shared`: the file is free for other processes after it)."""
    request.app.state.index.check()
    with request.app.state.reader.session() as cursor:
        yield cursor


Actor = Annotated[str | None, Query(max_length=200, description="actor/recipient name part")]
Country = Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO-3 country")]
Type = Annotated[str | None, Query(description="PLOVER event type")]
Since = Annotated[str | None, Query(pattern=DATE_PATTERN, description="first date, ISO")]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN,
                                    description="last date, ISO, inclusive (2020-12: all of it)")]
PlaceCountry = Annotated[str | None, Query(pattern="^[A-Za-z]{3}$",
                                           description="ISO-3 country of the location")]
Place = Annotated[str | None, Query(max_length=200, description="location name part")]
Factuality = Annotated[str | None, Query(description="asserted, negated, future, hypothetical")]
MinConfidence = Annotated[float | None, Query(ge=0, le=1, description="at least this confidence")]
Text = Annotated[str | None, Query(max_length=200, description="words in the evidence sentence")]
ArticleRef = Annotated[str | None, Query(max_length=2000, description="article id or URL")]


class Filters:
    """The event filters of `resgestae events`, as query parameters."""

    def __init__(self, actor: Actor = None, country: Country = None, type: Type = None,
                 since: Since = None, until: Until = None, place_country: PlaceCountry = None,
                 place: Place = None, factuality: Factuality = None,
                 min_confidence: MinConfidence = None, text: Text = None,
                 article: ArticleRef = None) -> None:
        if type is not None and type.upper() not in EVENT_TYPES:
            allowed = ", ".join(EVENT_TYPES)
            raise ApiError(422, f"type {type!r} is not a PLOVER event type: {allowed}")
        values = {"actor": actor, "country": country, "event_type": type, "since": since,
                  "until": until, "place_country": place_country, "place": place,
                  "factuality": factuality, "min_confidence": min_confidence, "text": text,
                  "article": article}
        self.values = {k: v for k, v in values.items() if v is not None}
        try:  # dates that match the pattern but are not dates are a 400 when queried
            query.check({k: v for k, v in self.values.items() if k not in ("since", "until")})
        except ValueError as exc:
            raise ApiError(422, str(exc)) from None


def _run(fn, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except ValueError as exc:  # a date that matches the pattern but is not a date, a bad cursor
        raise ApiError(400, str(exc)) from None


Read = [Depends(require_read)]


@router.get("/events", response_model=EventsPage,
            dependencies=[*Read, Depends(_allowed("cursor", "limit"))])
def list_events(
    request: Request,
    filters: Annotated[Filters, Depends()], con: Annotated[Any, Depends(reader)],
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> dict[str, Any]:
    """Stored events, filtered, ordered by date then id; follow `next_cursor` for more."""
    events, next_cursor = _run(browse.page_events, con, filters.values, cursor, limit,
                               indexed=request.app.state.index.ready)
    return {"events": events, "next_cursor": next_cursor, "limit": limit}


@router.get("/events/{event_id}", response_model=EventDetail,
            dependencies=[*Read, Depends(_allowed())])
def get_event(event_id: str, con: Annotated[Any, Depends(reader)]) -> dict[str, Any]:
    """One event with its sentence highlights, its article's context and its other reports."""
    detail = browse.event_detail(con, event_id) if len(event_id) <= 100 else None
    if detail is None:
        raise ApiError(404, f"no event {event_id[:100]!r}")
    return detail


@router.patch("/events/{event_id}", response_model=EventDetail,
              dependencies=[Depends(require_write), Depends(_allowed())])
async def correct_event(event_id: str, request: Request) -> dict[str, Any]:
    """Correct an event (token required): its type, mode, date, first actor or recipient
    (name, country, sector), place, or mark it wrong. Returns the corrected event; actor
    corrections go into the store's knowledge base for the articles coded next."""
    payload = await _json_body(request)
    try:
        body = CorrectionIn.model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise ApiError(422, f"{where}: {first['msg']}") from None
    return await run_in_threadpool(_correct, request, event_id[:100], body)


def _correct(request: Request, event_id: str, body: CorrectionIn) -> dict[str, Any]:
    state = request.app.state
    with state.reader.lock:  # the store file is opened for this write only (store.shared)
        con = state.store.con.cursor()
        try:
            corrections.correct(con, event_id, body.author, body.change(), body.wrong,
                                body.note)
            detail = browse.event_detail(con, event_id)
        except LookupError as exc:
            raise ApiError(404, str(exc)) from None
        except ValueError as exc:
            raise ApiError(422, str(exc)) from None
        finally:
            con.close()
            state.store.release()
    state.index.stale()
    state.coding.kb_changed()
    return detail


@router.get("/actors", dependencies=[*Read, Depends(_allowed("name", "limit"))])
def list_actors(
    request: Request, filters: Annotated[Filters, Depends()], con: Annotated[Any, Depends(reader)],
    name: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=10000)] = 100,
) -> dict[str, Any]:
    """Canonical actors of the matching events, most active first."""
    found = _run(browse.actors, con, filters.values, name=name, limit=limit,
                 indexed=request.app.state.index.ready)
    return {"actors": found}


@router.get("/network", dependencies=[*Read, Depends(_allowed("limit", "by"))])
def get_network(
    request: Request, filters: Annotated[Filters, Depends()], con: Annotated[Any, Depends(reader)],
    limit: Annotated[int, Query(ge=1, le=5000, description="the heaviest edges kept")] = 200,
    by: Annotated[str, Query(pattern="^(actor|country)$", description="actor or country")]
    = "actor",
) -> dict[str, Any]:
    """The network of the matching events, between actors or their countries: nodes with
    event counts, edges with counts by type and by QuadClass."""
    return _run(browse.network, con, filters.values, limit=limit,
                indexed=request.app.state.index.ready, by=by)


@router.get("/places", dependencies=[*Read, Depends(_allowed("limit"))])
def list_places(
    request: Request, filters: Annotated[Filters, Depends()], con: Annotated[Any, Depends(reader)],
    limit: Annotated[int, Query(ge=1, le=10000)] = 500,
) -> dict[str, Any]:
    """Places of the located matching events, with counts (for the map)."""
    places = _run(browse.places, con, filters.values, limit=limit,
                  indexed=request.app.state.index.ready)
    return {"places": places}


@router.get("/stats", response_model=Stats, dependencies=[*Read, Depends(_allowed())])
def get_stats(request: Request, filters: Annotated[Filters, Depends()],
              con: Annotated[Any, Depends(reader)]) -> Response:
    """Counts of the matching events by type, by country and by day."""
    text = _run(browse.stats_json, con, filters.values, indexed=request.app.state.index.ready)
    return Response(text, media_type="application/json")


# -- coding -------------------------------------------------------------------------

async def _json_body(request: Request) -> Any:
    body = await request.body()
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, f"malformed JSON body: {exc}", code="malformed_json") from None
    except (RecursionError, ValueError) as exc:  # nested too deep, an integer too long
        raise ApiError(400, f"malformed JSON body: {str(exc)[:200]}",
                       code="malformed_json") from None


def _media(request: Request) -> str:
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


async def _code_request(request: Request) -> CodeRequest:
    media = _media(request)
    if media == "text/plain":
        text = (await request.body()).decode("utf-8", errors="replace")
        date = request.query_params.get("date")
        payload: Any = {"text": text, "date": date}
    elif media == "application/json":
        payload = await _json_body(request)
    else:
        given = media or "no content type"
        raise ApiError(415, f"send application/json or text/plain, not {given!r}")
    if not isinstance(payload, dict):
        raise ApiError(422, "the JSON body must be an object {\"text\": ..., \"date\": ...}")
    try:
        return CodeRequest.model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise ApiError(422, f"{where}: {first['msg']}") from None


CODE_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": CodeRequest.model_json_schema()},
    "text/plain": {"schema": {"type": "string"}},
}}}


@router.post("/code", response_model=CodeResponse, openapi_extra=CODE_BODY,
              dependencies=[*Read, Depends(_allowed("date"))])
async def code(request: Request) -> dict[str, Any]:
    """Code a text and return its events; nothing is stored."""
    body = await _code_request(request)
    # the pattern lets "2023-02-30" and "2023-05" through, and coding would drop them in
    # silence: a publication date is a calendar day, as in a JSONL record (E007)
    date = iso_date(body.date)
    if body.date and date is None:
        raise ApiError(422, Errors.E007.format(value=body.date))
    text = normalise(body.text)  # valid Unicode, plain spaces: as every reader gives
    article = Article(id=content_id(text), text=text, date=date)
    coded = await request.app.state.coding.run([article])
    if coded[0].error:
        raise ApiError(422, str(coded[0].error))
    return {"article_id": article.id, "events": [e.to_record() for e in coded[0].events]}


_ARTICLE = ArticleIn.model_json_schema()
ARTICLES_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "oneOf": [_ARTICLE, {"type": "array", "items": _ARTICLE}]
}}}}}


def _articles(payload: Any) -> list[Article | InputError]:
    from resgestae.readers import unique_ids
    from resgestae.readers.jsonl import record_article

    items = payload if isinstance(payload, list) else [payload]
    if not items:
        raise ApiError(422, "no articles in the body")
    out: list[Article | InputError] = []
    for number, item in enumerate(items, start=1):
        name = f"article {number}"
        if not isinstance(item, dict):
            out.append(InputError(name, Errors.E006.format(kind=type(item).__name__)))
            continue
        try:
            out.append(record_article(item, name))
        except InputError as exc:
            out.append(exc)
        except Exception as exc:  # noqa: BLE001 - one odd record is its own error
            out.append(InputError(name, f"cannot read: {type(exc).__name__}: {exc}"))
    return list(unique_ids(out))


@router.post("/articles", response_model=ArticlesResponse, openapi_extra=ARTICLES_BODY,
             dependencies=[Depends(require_write), Depends(_allowed())])
async def post_articles(request: Request) -> Any:
    """Code articles and store them (re-posting an article replaces its events)."""
    if _media(request) != "application/json":
        raise ApiError(415, "send the article record(s) as application/json")
    items = _articles(await _json_body(request))
    results = await request.app.state.coding.run(items, store=True)
    stored = [{"id": c.article.id, "events": len(c.events)} for c in results if not c.error]
    errors = [{"item": c.error.item, "reason": c.error.reason, "code": c.error.code}
              for c in results if c.error]
    if not stored:
        raise ApiError(422, "; ".join(f"{e['item']}: {e['reason']}" for e in errors[:5]))
    return {"stored": stored, "errors": errors}
