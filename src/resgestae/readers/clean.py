"""Cleaning: refusals, dateline, paragraphs and near-duplicate paragraphs.

`Article.text` is never changed (event spans are offsets into it). What is
coded is chosen by `Article.paragraphs`; `Article.coding_text()` blanks the
rest (the dateline, repeated paragraphs) to spaces.
"""

from __future__ import annotations

from resgestae.config import Config
from resgestae.errors import ConfigError, Errors, InputError
from resgestae.model import Article
from resgestae.readers.dateline import dateline_date, find_dateline
from resgestae.readers.dates import iso_date
from resgestae.readers.language import not_english_reason
from resgestae.readers.paragraphs import near_duplicates, paragraph_ranges
from resgestae.readers.text import too_long


def prepare_article(article: Article, config: Config) -> Article:
    """Fill dateline, paragraphs and repeats; refuse what cannot be coded (InputError)."""
    refuse_uncodable(article, config)
    article.language = article.language or "en"
    article.date = article.date or default_date(config)
    ranges = paragraph_ranges(article.text)
    ranges = _strip_dateline(article, ranges)
    repeated = near_duplicates(article.text, ranges)
    article.paragraphs = [r for i, r in enumerate(ranges) if i not in repeated]
    article.repeats = {}
    for first in repeated.values():
        start = ranges[first][0]
        article.repeats[start] = article.repeats.get(start, 1) + 1
    return article


def default_date(config: Config) -> str | None:
    """`config.default_date` (`--date`) as ISO; ConfigError when it is not a date."""
    if not config.default_date:
        return None
    value = iso_date(config.default_date)
    if value is None:
        raise ConfigError(Errors.E103.format(value=config.default_date))
    return value


def refuse_uncodable(article: Article, config: Config) -> None:
    """InputError when the text is empty, too long or not English."""
    item = article.origin or article.id
    if not article.text.strip():
        raise InputError(item, Errors.E008)
    if len(article.text) > config.max_chars:
        raise too_long(item, len(article.text), config.max_chars, unit="characters")
    language = (article.language or "").lower()
    if language and not language.startswith("en"):
        raise InputError(item, Errors.E009.format(language=article.language))
    # a declared "en" is trusted: the guess is for inputs that say nothing
    reason = None if language else not_english_reason(article.text)
    if reason:
        raise InputError(item, reason)


def _strip_dateline(article: Article, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the dateline off the first paragraph (or the one after a title line)."""
    for index in _lead_indices(article, ranges):
        start, end = ranges[index]
        found = find_dateline(article.text[start:end])
        if found:
            article.dateline, length = found
            # no date given: the dateline's ("LIMA, Peru (March 14, 2023) -")
            article.date = article.date or dateline_date(article.text[start:end])
            rest = (start + length, end)
            return ranges[:index] + ([rest] if rest[1] > rest[0] else []) + ranges[index + 1 :]
    return ranges


def _lead_indices(article: Article, ranges: list[tuple[int, int]]) -> list[int]:
    if not ranges:
        return []
    first = article.text[ranges[0][0] : ranges[0][1]].strip()
    title = (article.title or "").strip()
    # "Gunmen kill villagers in Nigeria" over "ABUJA, Nigeria, June 12 (Reuters) - ...":
    # a plain-text file's headline line (short, one line, no closing stop) is a title too
    headline = len(first) <= HEADLINE_CHARS and "\n" not in first and not first.endswith(
        (".", "!", "?", ":", ";", ","))
    return [0, 1][: 2 if len(ranges) > 1 and ((title and first == title) or headline) else 1]


HEADLINE_CHARS = 120
