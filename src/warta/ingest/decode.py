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
_CONTROL_MAX_RATIO = 0.01
_SNIFF_BYTES = 8192


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the head: not a text format."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > _CONTROL_MAX_RATIO * max(len(head), 1)


def decode(data: bytes, name: str) -> str:
    """Decode ``data``; raise InputError E004 when no encoding fits (E002 when binary)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
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
