"""Coding gold records with the real pipeline: one Article per record."""

from __future__ import annotations

from typing import Any

from resgestae.model import Article
from resgestae.session import Coder

from .gold import iso_date


def code_records(records: list[dict[str, Any]], coder: Coder) -> tuple[list[list[dict]], list[str]]:
    """The event records coded from each gold record's text, in order, and the errors.

    A record that cannot be coded yields no events and one error line, so one bad
    record never stops an evaluation.
    """
    articles = [_article(i, record) for i, record in enumerate(records)]
    position = {article.id: i for i, article in enumerate(articles)}
    predictions: list[list[dict]] = [[] for _ in records]
    errors: list[str] = []
    for coded in coder.code(articles):
        if coded.error is not None:
            errors.append(str(coded.error))
            continue
        index = position[coded.article.id]
        predictions[index] = [event.to_record() for event in coded.events]
    return predictions, errors


def _article(index: int, record: dict[str, Any]) -> Article:
    # The index keeps ids unique when a gold file repeats a record id.
    record_id = str(record.get("id", "record"))
    return Article(
        id=f"gold{index:05d}:{record_id}",
        text=record["text"],
        date=iso_date(record.get("date")),
        origin=f"gold record {index + 1} ({record_id})",
    )
