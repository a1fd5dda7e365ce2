"""RSS / Atom feeds → one RawArticle per entry (feedparser).

The body is the entry's full content when the feed carries it, else its summary, with the HTML
stripped. A feed feedparser cannot read at all (no entries and a parse error) is E006; a feed
with some syntax trouble but readable entries is read (feedparser's lenient mode).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from warta.errors import Errors, one_line
from warta.ingest.dates import to_iso
from warta.ingest.markup import strip_html
from warta.types import Failure, RawArticle, Source


def read_feed(text: str, name: str) -> Iterator[RawArticle | Failure]:
    """Every entry with some text as an article."""
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        reason = one_line(str(parsed.get("bozo_exception", "unreadable")))
        yield Failure(name, Errors.E006.format(path=name, kind="RSS/Atom feed", reason=reason))
        return
    if not parsed.entries:
        reason = "XML without RSS items or Atom entries"
        yield Failure(name, Errors.E008.format(path=name, reason=reason))
        return
    site = parsed.feed.get("title") or None
    for index, entry in enumerate(parsed.entries):
        body = strip_html(_body(entry))
        if not body:
            where = f"{name} entry {index}"
            yield Failure(name, Errors.E008.format(path=where, reason="entry has no text"))
            continue
        source = Source(path=name, format="rss", url=entry.get("link") or None, site_name=site,
                        record=index)
        authors = [a["name"] for a in entry.get("authors") or [] if a.get("name")]
        title = strip_html(entry.get("title") or "") or None
        yield RawArticle(source=source, text=body, title=title, published=_published(entry),
                         authors=authors)


def _body(entry: Any) -> str:
    """The longest of the entry's content parts, else its summary."""
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best if best.strip() else entry.get("summary") or ""


def _published(entry: Any) -> str | None:
    """ISO 8601 from the raw date (keeps the feed's UTC offset), else feedparser's (UTC) parse."""
    for key in ("published", "updated"):
        found = to_iso(entry.get(key))
        if found is not None:
            return found
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    return None
