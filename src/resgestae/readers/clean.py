"""Cleaning: datelines, paragraphs, near-duplicate paragraphs, refusals."""

from __future__ import annotations

from resgestae.config import Config
from resgestae.errors import InputError
from resgestae.model import Article


def prepare_article(article: Article, config: Config) -> Article:
    """Fill dateline, paragraphs and repeats; refuse what cannot be coded."""
    if not article.text.strip():
        raise InputError(article.origin or article.id, "empty text")
    article.date = article.date or config.default_date
    return article
