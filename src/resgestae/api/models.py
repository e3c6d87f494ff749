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
    code: str | None = Field(None, description="the error's code (resgestae.errors.Errors)")


class ArticlesResponse(BaseModel):
    stored: list[StoredArticle]
    errors: list[ItemError]


class EventsPage(BaseModel):
    events: list[dict[str, Any]]
    next_cursor: str | None = Field(description="?cursor= of the next page; null at the end")
    limit: int


class EventDetail(BaseModel):
    event: dict[str, Any]
    highlights: list[dict[str, Any]] = Field(
        description="trigger/actor/recipient in event.text, from the record's evidence spans "
        "(trigger_span, each entity's span); none for records stored without them")
    article: dict[str, Any] | None
    mentions: list[dict[str, Any]]


class Stats(BaseModel):
    total: int
    by_type: list[dict[str, Any]]
    by_country: list[dict[str, Any]]
    by_day: list[dict[str, Any]]
    by_span: list[dict[str, Any]] = Field(
        description="month- and year-precision events: start, precision, type, count")


class EntityFix(BaseModel):
    """The corrected parts of the first actor or recipient."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, max_length=200, description="canonical name")
    country: str | None = Field(None, pattern="^[A-Za-z]{3}$", description="ISO-3 country")
    sector: str | None = Field(None, pattern="^[A-Za-z]{3}$", description="PLOVER sector code")


class PlaceFix(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, max_length=200)
    country: str | None = Field(None, pattern="^[A-Za-z]{3}$")
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class CorrectionIn(BaseModel):
    """PATCH /v1/events/{id}: an analyst's correction (only the fields given change)."""

    model_config = ConfigDict(extra="forbid")
    author: str = Field(min_length=1, max_length=200, description="who corrects")
    wrong: bool = Field(False, description="the event is wrong: not an event at all")
    note: str | None = Field(None, max_length=2000)
    event_type: str | None = Field(None, description="PLOVER event type")
    mode: str | None = Field(None, max_length=40)
    date: str | None = Field(None, pattern=DATE_PATTERN)
    actor: EntityFix | None = None
    recipient: EntityFix | None = None
    location: PlaceFix | None = None

    def change(self) -> dict[str, Any]:
        """The corrected fields, as `resgestae.store.corrections` takes them."""
        fields = self.model_dump(exclude={"author", "wrong", "note"}, exclude_none=True)
        return {k: v for k, v in fields.items() if v != {}}
