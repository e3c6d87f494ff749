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
        # escaped here, once: every message about an item goes through this class
        item, reason = safe_name(item), safe_name(reason)
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class ConfigError(ResgestaeError):
    """A setting, model or data file that cannot be used."""


class StoreError(ResgestaeError):
    """The event store cannot be opened, migrated or written.

    `fatal` says the fault is the store's (disk full, I/O, a lock, a damaged file),
    so every further write would fail too and the run must stop; otherwise it is
    the fault of what was written (one article), and the batch goes on without it.
    """

    def __init__(self, message: str, fatal: bool = True) -> None:
        super().__init__(message)
        self.fatal = fatal


def safe_name(name: object) -> str:
    """A file name (or item) fit for a terminal line, a log and the store.

    Undecodable bytes (surrogate escapes), control characters (newlines, ANSI
    escapes) and other unprintable characters come out as backslash escapes, so a
    name can neither forge an output line nor break a UTF-8 write.
    """
    text = str(name)
    if text.isprintable() and text.isascii():
        return text
    return "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else _escape(c)
                   for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
