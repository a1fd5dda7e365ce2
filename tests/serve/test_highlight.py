"""Highlighted article HTML: nested and crossing spans stay well formed and escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from warta.serve.highlight import Span, render, spans_of


class _Checker(HTMLParser):
    """Collects text and checks that every closing tag matches the last opened one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            raise AssertionError(f"unbalanced </{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker


@pytest.mark.parametrize("spans", [
    [Span(0, 4, "quote", "q"), Span(2, 6, "entity", "e", href="/a")],  # crossing
    [Span(0, 8, "quote", "q"), Span(2, 4, "event", "v"), Span(2, 4, "entity", "e")],  # nested
    [Span(1, 3, "entity", "e1", href="/a"), Span(1, 5, "entity", "e2", href="/b")],
    [Span(0, 8, "date", "d"), Span(0, 8, "quote", "q")],
    [],
])
def test_render_is_well_formed_and_keeps_the_text(spans: list[Span]) -> None:
    text = "a<b>&c d"
    html = str(render(text, sorted(spans, key=Span.sort_key)))
    checker = _parse(html)
    assert "".join(checker.text) == text
    assert "<b>" not in html
    # no link inside a link
    assert not re.search(r"<a [^>]*>(?:(?!</a>).)*<a ", html)


def test_crossing_spans_cover_exactly_their_characters() -> None:
    text = "abcdef"
    html = str(render(text, [Span(0, 4, "quote", "q"), Span(2, 6, "entity", "e")]))
    quote = "".join(re.findall(r'<span class="q"[^>]*>([^<]*)', html))
    inner = "".join(re.findall(r'class="e"[^>]*>([^<]*)', html))
    assert quote == "ab"
    assert inner == "cdef"


def test_spans_of_record_drop_out_of_range_and_escape_titles() -> None:
    record = {"text": "Halo Budi", "actors": [{"id": "person:x", "name": '<i>"X"</i>'}],
              "entities": [{"text": "Budi", "label": "PERSON", "start": 5, "end": 9,
                            "actor": "person:x"},
                           {"text": "?", "label": "ORG", "start": 7, "end": 99, "actor": None}],
              "quotes": [], "events": [], "dates": []}
    spans = spans_of(record)
    assert len(spans) == 1
    html = str(render(record["text"], spans))
    assert "<i>" not in html and "&lt;i&gt;" in html
    assert _parse(html).tags[0][1]["title"] == 'PERSON → <i>"X"</i>'


def test_an_event_trigger_is_an_anchor_for_its_real_world_event_page() -> None:
    # the page of a real-world event links to /article/{id}#event-{n}: the n-th event's trigger
    text = "Menlu bertemu Mendag, lalu Mendag menolak tarif."
    events = [{"type": "CONSULT", "source": None, "target": None, "date": None,
               "start": text.index("bertemu"), "end": text.index("bertemu") + 7,
               "evidence": [[0, 5], [text.index("bertemu"), text.index("bertemu") + 7]]},
              {"type": "REJECT", "source": None, "target": None, "date": None,
               "start": text.index("menolak"), "end": text.index("menolak") + 7}]
    checker = _parse(render(text, spans_of({"text": text, "events": events})))
    anchors = {a["id"]: a for tag, a in checker.tags if "id" in a}
    assert set(anchors) == {"event-0", "event-1"}
    assert [t for t in checker.text if t in ("Menlu", "bertemu")]  # both pieces drawn
    html = str(render(text, spans_of({"text": text, "events": events})))
    assert html.index('id="event-0"') > html.index("Menlu")  # on the trigger's piece
