"""resgestae: political event data from news text.

Public API::

    import resgestae
    events = resgestae.code_text("Turkey's defence minister visited Tripoli.", date="2020-12-26")
    for coded in resgestae.code_articles(articles):   # Article objects or dicts
        ...
    with resgestae.Store("events.duckdb") as store:
        store.events(country="LBY")                     # pandas DataFrames
        store.actors(); store.stats(by="day")

spaCy users: `resgestae.load_nlp()` is the pipeline resgestae codes with; touching
`resgestae.paragraph_boundaries` (or importing `resgestae.nlp`) registers the
"resgestae_paragraphs" and "resgestae_verb_roots" components for `nlp.add_pipe(...)` in a
pipeline of your own.

Names are imported on first use, so `import resgestae` stays fast (no spaCy,
DuckDB or pandas until they are needed).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> (module, attribute)
_EXPORTS = {
    "code_text": ("resgestae.session", "code_text"),
    "code_articles": ("resgestae.session", "code_articles"),
    "Session": ("resgestae.session", "Session"),
    "Coder": ("resgestae.session", "Coder"),
    "Coded": ("resgestae.pipeline", "Coded"),
    "Config": ("resgestae.config", "Config"),
    "Store": ("resgestae.store.frames", "FrameStore"),
    "Article": ("resgestae.model", "Article"),
    "Event": ("resgestae.model", "Event"),
    "Entity": ("resgestae.model", "Entity"),
    "Place": ("resgestae.model", "Place"),
    "write_events": ("resgestae.export", "write_events"),
    "load_nlp": ("resgestae.nlp", "load_nlp"),
    "paragraph_boundaries": ("resgestae.nlp", "paragraph_boundaries"),
    "EventCoder": ("resgestae.components", "EventCoder"),
    "ResgestaeError": ("resgestae.errors", "ResgestaeError"),
    "InputError": ("resgestae.errors", "InputError"),
    "ConfigError": ("resgestae.errors", "ConfigError"),
    "StoreError": ("resgestae.errors", "StoreError"),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'resgestae' has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
