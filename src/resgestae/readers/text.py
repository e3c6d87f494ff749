"""Bytes to text: refusing binary files and undecodable bytes with a clear reason."""

from __future__ import annotations

import re

from resgestae.errors import Errors, InputError, safe_name

__all__ = ["decode", "normalise", "safe_name", "too_long"]

SNIFF = 8192  # bytes looked at for NULs and control characters
MAX_CONTROL = 0.01  # share of control characters tolerated in text
MAX_NON_ASCII_CP1252 = 0.2  # a legacy-encoded English text is mostly ASCII


def _control_share(text: str) -> float:
    sample = text[:SNIFF]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return bad / len(sample)


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # little-, big-endian


def decode(data: bytes, item: str) -> str:
    """Decode `data` as UTF-16 with a byte order mark (Windows' "Unicode" text: its NULs
    are the high bytes of ASCII letters, not binary), UTF-8 (BOM or not), else clean
    Windows-1252, else refuse."""
    if data[:2] in UTF16_BOMS:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            where = "a UTF-16 byte order mark, but not UTF-16; save the file as UTF-8"
            raise InputError(item, Errors.E004.format(where=where)) from None
    elif b"\x00" in data[:SNIFF]:
        raise InputError(item, Errors.E003.format(what="NUL bytes"))
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _legacy(data, item, exc)
    if _control_share(text) > MAX_CONTROL:
        raise InputError(item, Errors.E003.format(what="mostly control characters"))
    return normalise(text)


def _legacy(data: bytes, item: str, utf8_error: UnicodeDecodeError) -> str:
    """Windows-1252, accepted only when it decodes cleanly and reads as mostly ASCII."""
    where = f"invalid UTF-8 byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(item, Errors.E004.format(where=f"{where}, and not Windows-1252")) from None
    non_ascii = sum(not c.isascii() for c in text[:SNIFF]) / max(1, len(text[:SNIFF]))
    if non_ascii > MAX_NON_ASCII_CP1252:
        raise InputError(item, Errors.E004.format(where=f"{where}; save the file as UTF-8"))
    return text


def too_long(item: str, size: int, max_chars: int, unit: str = "bytes") -> InputError:
    """The error for an input over the length limit."""
    return InputError(item, Errors.E017.format(size=size, unit=unit, limit=max_chars))


# Unicode spaces other than U+0020 (category Zs: NBSP, en/em spaces, thin, ideographic...)
# and the line/paragraph separators. Replaced one for one, so offsets do not move.
_SPACES = {c: " " for c in [0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]}
_SPACES.update({0x2028: "\n", 0x2029: "\n"})
_SURROGATES = re.compile("[\ud800-\udfff]")


def normalise(text: str) -> str:
    """Text as every later stage may assume it: valid Unicode, plain spaces.

    Lone surrogates (valid in JSON escapes and in names Python decoded with
    `surrogateescape`, but not encodable as UTF-8) become U+FFFD; the Unicode
    space characters become " " (paragraph/line separators "\\n"), one character
    for one, as HTML extraction already does for `&nbsp;`.
    """
    if text.isascii():
        return text
    return _SURROGATES.sub("\ufffd", text).translate(_SPACES)

