"""The article text as HTML with entities, quotes, event triggers and dates highlighted.

Spans come from the record's character offsets and may nest or cross (a quote containing a
name, an event trigger inside a quote, two entities overlapping). The text is cut at every span
boundary; each piece is escaped on its own, and at every cut the open elements are closed and
reopened as needed, so the HTML is always well formed and no text is ever emitted unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

# Outer kinds first when two spans share both ends: a quote wraps an event wraps a name.
_KIND_RANK = {"quote": 0, "event": 1, "entity": 2, "date": 3}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # entity | quote | event | date
    classes: str
    title: str = ""
    href: str | None = None
    attrs: tuple[tuple[str, str], ...] = field(default=())
    anchor: str | None = None  # an element id, so a link can point at the span (quote-3)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _KIND_RANK[self.kind])


def actor_href(actor_id: str) -> str:
    """URL of an actor's page (ids contain ':' and may contain other characters)."""
    return "/actor/" + quote(actor_id, safe=":")


def _names(record: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["name"] for a in record.get("actors") or []}


def spans_of(record: dict[str, Any]) -> list[Span]:
    """Every highlight of a record, clipped to the text; empty or out-of-range spans dropped."""
    names = _names(record)
    n = len(record.get("text") or "")
    spans: list[Span] = []
    for e in record.get("entities") or []:
        actor = e.get("actor")
        title = f"{e['label']}" + (f" → {names.get(actor, actor)}" if actor else "")
        spans.append(Span(e["start"], e["end"], "entity", f"hl ent ent-{e['label']}", title,
                          actor_href(actor) if actor else None,
                          (("data-label", e["label"]),)))
    for seq, q in enumerate(record.get("quotes") or []):
        speaker = names.get(q.get("speaker") or "") or q.get("speaker_text") or "unknown"
        title = f"quote ({q['kind']}) — {speaker}" + (f", {q['cue']}" if q.get("cue") else "")
        spans.append(Span(q["start"], q["end"], "quote", f"hl quote quote-{q['kind']}", title,
                          attrs=(("data-speaker", speaker),), anchor=f"quote-{seq}"))
    for seq, e in enumerate(record.get("events") or []):
        source = names.get(e.get("source") or "", e.get("source") or "?")
        target = names.get(e.get("target") or "", e.get("target") or "?")
        title = f"{e['type']}: {source} → {target}" + (f" ({e['date']})" if e.get("date") else "")
        pieces = e.get("evidence") or [[e["start"], e["end"]]]
        # the trigger's piece gets the anchor a real-world event's page links to (event-3)
        anchored = next((i for i, (a, b) in enumerate(pieces) if a <= e["start"] < b), 0)
        for i, (start, end) in enumerate(pieces):
            spans.append(Span(start, end, "event", f"hl ev ev-{e['type']}", title,
                              attrs=(("data-type", e["type"]),),
                              anchor=f"event-{seq}" if i == anchored else None))
    for d in record.get("dates") or []:
        spans.append(Span(d["start"], d["end"], "date", "hl date", f"date: {d.get('value')}"))
    return sorted((s for s in spans if 0 <= s.start < s.end <= n), key=Span.sort_key)


def _open(span: Span, *, link: bool, first: bool) -> str:
    attrs = [("class", span.classes), ("title", span.title), *span.attrs]
    if first and span.anchor:  # a span cut in pieces names only its first one
        attrs.append(("id", span.anchor))
    tag = "a" if link else "span"
    if link:
        attrs.append(("href", span.href or ""))
    rendered = "".join(f' {k}="{escape(v)}"' for k, v in attrs)
    return f"<{tag}{rendered}>"


def render(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with ``spans`` as nested elements (entities with actors link)."""
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    stack: list[tuple[Span, bool]] = []  # open elements, outermost first, with "is a link"
    out: list[str] = []
    opened: set[int] = set()  # spans already opened once (by identity)
    for left, right in pairwise(cuts):
        active = [s for s in spans if s.start <= left and s.end >= right]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep][0] is active[keep]:
            keep += 1
        for _, link in reversed(stack[keep:]):
            out.append("</a>" if link else "</span>")
        stack = stack[:keep]
        for span in active[keep:]:
            # a link inside a link is invalid HTML: an inner entity stays a plain span
            link = span.href is not None and not any(lk for _, lk in stack)
            out.append(_open(span, link=link, first=id(span) not in opened))
            opened.add(id(span))
            stack.append((span, link))
        out.append(str(escape(text[left:right])))
    for _, link in reversed(stack):
        out.append("</a>" if link else "</span>")
    return Markup("".join(out))  # every piece above was escaped


def highlight(record: dict[str, Any]) -> Markup:
    """The record's text with all its highlights."""
    return render(record.get("text") or "", spans_of(record))
