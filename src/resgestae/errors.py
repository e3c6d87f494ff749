"""Errors raised by resgestae.

    ResgestaeError
    ├── InputError      one input item (file, line, article) cannot be read or coded
    ├── ConfigError     a setting or model cannot be used
    └── StoreError      the event store cannot be opened or written

Messages say what, where (file, line, article id) and why, so a batch can
report the item and go on.
"""

from __future__ import annotations


class ResgestaeError(Exception):
    """Base class for every error resgestae raises on purpose."""


class InputError(ResgestaeError):
    """An input item that cannot be read or coded. The batch goes on without it."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class ConfigError(ResgestaeError):
    """A setting, model or data file that cannot be used."""


class StoreError(ResgestaeError):
    """The event store cannot be opened, migrated or written."""
