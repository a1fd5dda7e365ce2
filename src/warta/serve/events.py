"""The explorer's page of one real-world event (/events/{id}) and its JSON (/api/events/{id}).

A real-world event is what `warta link` made of event mentions in several reports
(``warta.store.links``): its page gives what happened and between whom, when and where, how
many reports, articles and outlets, and every mention with its evidence sentence, each linked
to the trigger highlighted in its article. Rendered with the templates and helpers of
``routes``; /events (one row per mention) and a story's page link here.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from warta.serve.paging import Limit, Offset, PageNo, Pager, listing
from warta.serve.routes import Conn, _params, env, render
from warta.store import links

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])

MENTIONS = links.WORLD_EVENT_MENTIONS  # mentions a page shows


def evidence_html(evidence: dict[str, Any]) -> Markup:
    """An evidence sentence, escaped, with its trigger in <mark> (the offsets come from the
    store, so the sentence's own characters can never open or close an element) and "…"
    where it was cut."""
    text, a, b = evidence["text"], evidence["trigger_start"], evidence["trigger_end"]
    before = "… " if evidence.get("cut_before") else ""
    after = " …" if evidence.get("cut_after") else ""
    if not 0 <= a < b <= len(text):
        return Markup(f"{before}{escape(text)}{after}")
    return Markup(f"{before}{escape(text[:a])}<mark>{escape(text[a:b])}</mark>"
                  f"{escape(text[b:])}{after}")


env.filters["evidence"] = evidence_html


def _event(conn: sqlite3.Connection, event_id: str, *, limit: int | None,
           offset: int) -> dict[str, Any]:
    event = links.get_world_event(conn, event_id, mentions_limit=limit, mentions_offset=offset)
    if event is None:
        hint = "" if links.is_linked(conn) else " (this store was never linked: `warta link`)"
        raise HTTPException(404, f"no real-world event {event_id!r}{hint}")
    return event


@pages.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, conn: Conn, event_id: str, page: PageNo = 1) -> HTMLResponse:
    """What happened, between whom, when and where; how many reports, articles and outlets;
    and each report with its evidence sentence (50 a page)."""
    pager = Pager(links.count_event_mentions(conn, event_id), page, MENTIONS,
                  request.url.path, _params(request))
    event = _event(conn, event_id, limit=MENTIONS, offset=pager.offset)
    return render(request, "event.html", event=event, pager=pager)


@api.get("/events/{event_id}", summary="One real-world event with its reports")
def api_event(request: Request, conn: Conn, event_id: str, limit: Limit = 100,
              offset: Offset = 0) -> dict[str, Any]:
    """A real-world event from `warta link` (the `id` of an event's `reports`): type, CAMEO
    codes and modes with how many reports say each, parties, places, the window of the dates
    its reports state, first and last report, `num_mentions`, `num_sources`, `num_articles`,
    and its `mentions` (article, outlet, date, evidence sentence with the trigger's offsets,
    negation, modality), paged with `limit` and `offset` (`total`, `next`)."""
    event = _event(conn, event_id, limit=limit, offset=offset)
    mentions = event.pop("mentions")
    page = listing(request, "mentions", mentions, total=links.count_event_mentions(conn, event_id),
                   limit=limit, offset=offset)
    return {**event, **page}
