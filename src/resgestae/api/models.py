"""Request and response bodies (what /openapi.json documents)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


class CodeRequest(BaseModel):
    """POST /v1/code as JSON (a text/plain body is the text itself)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article or sentence to code")
    date: str | None = Field(None, pattern=DATE_PATTERN, description="publication date, ISO")


class ArticleIn(BaseModel):
    """An article record as in DESIGN.md (documentation; items are checked one by one)."""

    id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


class CodeResponse(BaseModel):
    article_id: str
    events: list[dict[str, Any]]


class StoredArticle(BaseModel):
    id: str
    events: int


class ItemError(BaseModel):
    item: str
    reason: str


class ArticlesResponse(BaseModel):
    stored: list[StoredArticle]
    errors: list[ItemError]


class EventsPage(BaseModel):
    events: list[dict[str, Any]]
    next_cursor: str | None = Field(description="?cursor= of the next page; null at the end")
    limit: int


class EventDetail(BaseModel):
    event: dict[str, Any]
    highlights: list[dict[str, Any]] = Field(description="trigger/actor/recipient in event.text")
    article: dict[str, Any] | None
    mentions: list[dict[str, Any]]


class Stats(BaseModel):
    total: int
    by_type: list[dict[str, Any]]
    by_country: list[dict[str, Any]]
    by_day: list[dict[str, Any]]
