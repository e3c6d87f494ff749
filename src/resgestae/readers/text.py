"""Bytes to text: refusing binary files and undecodable bytes with a clear reason."""

from __future__ import annotations

from resgestae.errors import Errors, InputError

SNIFF = 8192  # bytes looked at for NULs and control characters
MAX_CONTROL = 0.01  # share of control characters tolerated in text
MAX_NON_ASCII_CP1252 = 0.2  # a legacy-encoded English text is mostly ASCII


def _control_share(text: str) -> float:
    sample = text[:SNIFF]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return bad / len(sample)


def decode(data: bytes, item: str) -> str:
    """Decode `data` as UTF-8 (BOM or not), else clean Windows-1252, else refuse."""
    if b"\x00" in data[:SNIFF]:
        raise InputError(item, Errors.E003.format(what="NUL bytes"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _legacy(data, item, exc)
    if _control_share(text) > MAX_CONTROL:
        raise InputError(item, Errors.E003.format(what="mostly control characters"))
    return text


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
