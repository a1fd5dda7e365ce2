"""Bytes → text with the encoding detected (charset-normalizer), never assumed.

UTF-8 is tried first because it is by far the most common and strict UTF-8 decoding rarely
succeeds by accident; everything else goes to charset-normalizer.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from warta.errors import Errors, InputError

# A text file has almost no control characters besides tab, newline and carriage return.
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))
# Binary formats have ~10% of such bytes; text with a few stray ones (form feeds, \x1c from
# word processors) is still text.
_CONTROL_MAX_RATIO = 0.05
_SNIFF_BYTES = 8192
# Share of the high (or low) bytes of UTF-16 code units that are NUL in Latin-script text.
_UTF16_NUL_SHARE = 0.6


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte order mark, decoded; None for anything else.

    Text in a Latin script is mostly ASCII, so UTF-16 shows a NUL in every other byte: at odd
    positions little-endian, at even ones big-endian. Binary files have NULs all over. The
    pattern decides the byte order, and a strict decode without control characters confirms it.
    """
    head = data[:_SNIFF_BYTES]
    pairs = len(head) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= _UTF16_NUL_SHARE * pairs and even <= (1 - _UTF16_NUL_SHARE) * pairs:
        codec = "utf-16-le"
    elif even >= _UTF16_NUL_SHARE * pairs and odd <= (1 - _UTF16_NUL_SHARE) * pairs:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    controls = sum(text.count(chr(c)) for c in _CONTROL)
    return text if controls <= _CONTROL_MAX_RATIO * len(text) else None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the head: not a text format."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head and utf16_without_bom(data) is not None:
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > _CONTROL_MAX_RATIO * max(len(head), 1)


def decode(data: bytes, name: str) -> str:
    """Decode ``data``; raise InputError E004 when no encoding fits (E002 when binary)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data[:_SNIFF_BYTES]:  # valid UTF-8 too, so it must be tried first
        text = utf16_without_bom(data)
        if text is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_error = e
    match = from_bytes(data).best()
    if match is None:
        reason = f"not UTF-8 ({first_error.reason} at byte {first_error.start}) and no other "\
                 "encoding fits"
        raise InputError(Errors.E004.format(path=name, reason=reason), path=name)
    text = str(match)
    if "\x00" in text:
        raise InputError(Errors.E002.format(path=name), path=name)
    return text
