"""Readers: .txt, .html, .jsonl, directories and stdin, to `Article`s."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from resgestae.errors import InputError
from resgestae.model import Article, content_id


def read_inputs(paths: Iterable[str]) -> Iterator[Article | InputError]:
    """Stream articles from paths; bad items come out as InputError. PLACEHOLDER."""
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield InputError(path, str(exc))
            continue
        yield Article(id=content_id(text), text=text, origin=path)
