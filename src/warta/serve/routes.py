"""Thin handlers: read through ``warta.store.queries`` / ``analytics``, render or return JSON.

Pages (``pages``) and the JSON API (``api``, under /api) take the same filters; the API is
described by FastAPI's OpenAPI document at /openapi.json and listed on the offline /docs page.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from warta import partial_date
from warta.errors import StoreError
from warta.serve import charts
from warta.serve.highlight import actor_href, highlight
from warta.serve.paging import (
    PAGE_SIZE,
    Limit,
    MinCount,
    Offset,
    PageNo,
    Pager,
    Sorter,
    listing,
    query_string,
    sort_param,
)
from warta.settings import EmbedSettings
from warta.store import analytics, graph, links, places, queries
from warta.store.db import sqlite_timelimit
from warta.store.queries import SearchMode
from warta.store.vectors import VectorSearchError

HERE = Path(__file__).resolve().parent  # templates/ and static/ sit beside this module

PAGE = 20  # search hits per page
ACTOR_LIST = 20  # rows per page of each list on an actor's page

env = Environment(loader=FileSystemLoader(HERE / "templates"),
                  autoescape=select_autoescape(default=True, default_for_string=True))

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])


# --- helpers ---------------------------------------------------------------------------------

def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request, under the configured query time limit (and
    interrupted if the server shuts down meanwhile)."""
    state = request.app.state
    with state.readers.reading(state.db_path) as conn, \
            sqlite_timelimit(conn, state.settings.serve.query_time_limit_ms):
        yield conn


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: ``javascript:`` and friends stay plain text."""
    if url and urlsplit(url).scheme.lower() in {"http", "https"}:
        return url
    return None


def snippet_html(pieces: list[tuple[str, bool]]) -> Markup:
    """A search snippet from ``queries.search(highlight=None)``: each piece escaped, the
    matched ones in <mark> (markers inside the stored text can never open or close one)."""
    return Markup("".join(f"<mark>{escape(text)}</mark>" if matched else str(escape(text))
                          for text, matched in pieces))


env.filters["actor_href"] = actor_href
env.filters["safe_url"] = safe_url
env.filters["snippet"] = snippet_html
env.filters["when"] = partial_date.display  # "2025-W44" → "27 Oct – 2 Nov 2025"
env.globals["query_string"] = query_string
env.globals["event_types"] = charts.EVENT_TYPES


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = env.get_template(name).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


def render_error(request: Request, message: str) -> str:
    return env.get_template("error.html").render(request=request, path=request.url.path,
                                                 message=message)


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


@dataclass
class SearchParams:
    """The Search page's and /api/search's filters (empty form fields count as absent)."""

    q: str = ""
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    event_type: str | None = None
    language: str | None = None
    source: str | None = None
    page: int = 1
    mode: str = "fts"

    def filters(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "language": self.language,
                "source": self.source, "actor": self.actor, "event_type": self.event_type}


def search_params(
    q: Annotated[str, Query(description="Words to find (FTS5; quotes make a phrase)")] = "",
    since: Annotated[str | None, Query(description="Published on or after (ISO date)")] = None,
    until: Annotated[str | None, Query(description="Published on or before (ISO date)")] = None,
    actor: Annotated[str | None, Query(description="Actor id, name or alias mentioned")] = None,
    event_type: Annotated[str | None, Query(description="PLOVER type of an event")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 language")] = None,
    source: Annotated[str | None, Query(description="Site name, path or URL part")] = None,
    page: PageNo = 1,
    mode: Annotated[SearchMode, Query(description="fts: the words; semantic: nearest in "
                                                  "meaning; hybrid: both fused")] = "fts",
) -> SearchParams:
    return SearchParams(q.strip(), _blank(since), _blank(until), _blank(actor),
                        _blank(event_type), _blank(language), _blank(source), page, mode)


@dataclass
class EventParams:
    """The Events page's, its CSV's and /api/events' filters."""

    type: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: str | None = None


def event_params(
    type: Annotated[str | None, Query(description="PLOVER event type")] = None,
    actor: Annotated[str | None, Query(description="Actor id, name or alias (source or "
                                                   "target)")] = None,
    since: Annotated[str | None, Query(description="On or after (ISO date)")] = None,
    until: Annotated[str | None, Query(description="On or before (ISO date)")] = None,
    article_id: Annotated[str | None, Query(description="Only this article's events")] = None,
) -> EventParams:
    return EventParams(_blank(type), _blank(actor), _blank(since), _blank(until),
                       _blank(article_id))


@dataclass
class QuoteParams:
    """The Quotes page's and /api/quotes' filters."""

    speaker: str | None = None
    mentioned: str | None = None
    since: str | None = None
    until: str | None = None
    words: str | None = None
    article_id: str | None = None


def quote_params(
    speaker: Annotated[str | None, Query(description="Speaker: actor id, name or alias")] = None,
    mentioned: Annotated[str | None, Query(description="Actor named inside the quote (id, "
                                                       "name or alias)")] = None,
    since: Annotated[str | None, Query(description="On or after (ISO date)")] = None,
    until: Annotated[str | None, Query(description="On or before (ISO date)")] = None,
    q: Annotated[str | None, Query(description="Words the quote contains (all of them; quotes "
                                               "make a phrase)")] = None,
    article_id: Annotated[str | None, Query(description="Only this article's quotes")] = None,
) -> QuoteParams:
    return QuoteParams(_blank(speaker), _blank(mentioned), _blank(since), _blank(until),
                       _blank(q), _blank(article_id))


Search = Annotated[SearchParams, Depends(search_params)]
Quotes = Annotated[QuoteParams, Depends(quote_params)]
Events = Annotated[EventParams, Depends(event_params)]
SearchSort = Annotated[str, Depends(sort_param(queries.SEARCH_ORDER))]
ActorSort = Annotated[str, Depends(sort_param(queries.ACTOR_ORDER))]
EventSort = Annotated[str, Depends(sort_param(queries.EVENT_ORDER))]
QuoteSort = Annotated[str, Depends(sort_param(queries.QUOTE_ORDER))]
# an actor's page sorts three lists, each with its own parameter
ActorEventSort = Annotated[str, Depends(sort_param(queries.EVENT_ORDER, "events_sort"))]
ActorQuoteSort = Annotated[str, Depends(sort_param(queries.QUOTE_ORDER, "quotes_sort"))]
ActorArticleSort = Annotated[str, Depends(sort_param(queries.ARTICLE_ORDER, "articles_sort"))]


def _search(conn: sqlite3.Connection, p: SearchParams, *, marks: tuple[str, str] | None,
            settings: EmbedSettings, sort: str | None = None) -> dict[str, Any]:
    if p.mode != "fts" and p.q:
        try:
            return _search_by_meaning(conn, p, marks=marks, settings=settings, sort=sort)
        except VectorSearchError as e:  # a store without vectors: say so, search the words
            return {**_search(conn, replace(p, mode="fts"), marks=marks, settings=settings,
                              sort=sort), "notice": str(e)}
    hits = queries.search(conn, p.q, limit=PAGE, offset=(p.page - 1) * PAGE, highlight=marks,
                          sort=sort, **p.filters())
    total = queries.count_matches(conn, p.q, **p.filters())
    per_day = analytics.articles_per_day(conn, p.q, **p.filters())
    return {"total": total, "page": p.page, "page_size": PAGE, "hits": hits,
            "per_day": [{"day": d, "count": n} for d, n in per_day], "mode": "fts"}


def _search_by_meaning(conn: sqlite3.Connection, p: SearchParams, *,
                       marks: tuple[str, str] | None, settings: EmbedSettings,
                       sort: str | None = None) -> dict[str, Any]:
    """Semantic or hybrid: the ranked candidates, one page of them, and their days."""
    ranked = queries.search(conn, p.q, mode=p.mode, limit=settings.candidates, offset=0,
                            highlight=marks, rrf_k=settings.rrf_k, sort=sort,
                            candidates=settings.candidates, **p.filters())
    days = Counter(h["published"][:10] for h in ranked if len(h["published"] or "") >= 10)
    start = (p.page - 1) * PAGE
    return {"total": len(ranked), "page": p.page, "page_size": PAGE,
            "hits": ranked[start:start + PAGE],
            "per_day": [{"day": d, "count": n} for d, n in sorted(days.items())],
            "mode": p.mode}


def _article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    article = queries.get_article(conn, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return article


def _actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any]:
    actor = queries.get_actor(conn, actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return actor


def _network_json(net: analytics.Network) -> dict[str, Any]:
    return {"nodes": list(net.nodes.values()), "cooccurrence": net.cooccurrence,
            "interactions": net.interactions}


def _params(request: Request) -> dict[str, str]:
    """The request's query parameters (pager links keep every filter)."""
    return dict(request.query_params)


# --- pages -----------------------------------------------------------------------------------

@pages.get("/", response_class=HTMLResponse)
def search_page(request: Request, conn: Conn, p: Search, sort: SearchSort) -> HTMLResponse:
    result = _search(conn, p, marks=None, settings=request.app.state.settings.embed, sort=sort)
    chart = charts.article_chart([(r["day"], r["count"]) for r in result["per_day"]],
                                 since=p.since, until=p.until)
    pager = Pager(result["total"], p.page, PAGE, "/", _params(request))
    return render(request, "search.html", p=p, params=asdict(p), result=result, chart=chart,
                  widen=_widen(request, chart), pager=pager, languages=analytics.languages(conn),
                  sorter=Sorter(queries.SEARCH_ORDER, sort, "/", _params(request)),
                  types=analytics.event_types(conn),
                  actors=queries.list_actors(conn, limit=300))


@pages.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, conn: Conn, article_id: str) -> Response:
    canonical = queries.canonical_article(conn, article_id)
    if canonical is not None:  # a copy stored as a version: show the article it copies
        return RedirectResponse(f"/article/{canonical}", status_code=301)
    article = _article(conn, article_id)
    record = article["record"]
    names = {a["id"]: a["name"] for a in record["actors"]}
    counts = links.cluster_counts(conn, [(article["id"], seq)
                                         for seq in range(len(record["events"]))])
    return render(request, "article.html", article=article, record=record, names=names,
                  versions=article["versions"],
                  reports={seq: r for (_, seq), r in counts.items()},
                  body=highlight(record), url=safe_url(record["source"].get("url")))


@pages.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, conn: Conn, sort: ActorSort, q: str = "", type: str = "",
                country: str = "", page: PageNo = 1) -> HTMLResponse:
    filters = {"search": _blank(q), "type": _blank(type), "country": _blank(country)}
    pager = Pager(queries.count_actors(conn, **filters), page, PAGE_SIZE, "/actors",
                  _params(request))
    actors = queries.list_actors(conn, limit=PAGE_SIZE, offset=pager.offset, sort=sort,
                                 **filters)
    return render(request, "actors.html", actors=actors, q=q, type=type, country=country,
                  pager=pager, sorter=Sorter(queries.ACTOR_ORDER, sort, "/actors",
                                             _params(request)))


@pages.get("/actor/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, conn: Conn, actor_id: str, events_sort: ActorEventSort,
               quotes_sort: ActorQuoteSort, articles_sort: ActorArticleSort,
               events_page: PageNo = 1, quotes_page: PageNo = 1,
               articles_page: PageNo = 1) -> HTMLResponse:
    actor = _actor(conn, actor_id)
    aid, params, path = actor["id"], _params(request), request.url.path
    events = Pager(analytics.count_events(conn, actor_id=aid), events_page, ACTOR_LIST, path,
                   params, key="events_page")
    quotes = Pager(queries.count_quotes(conn, speaker=aid), quotes_page, ACTOR_LIST, path,
                   params, key="quotes_page")
    articles = Pager(actor["articles"], articles_page, ACTOR_LIST, path, params,
                     key="articles_page")
    timeline = charts.timeline(analytics.actor_timeline(conn, aid))
    net = analytics.actor_network(conn, actor_id=aid)
    nodes, edges = charts.network(net, focus=aid)
    return render(request, "actor.html", actor=actor, timeline=timeline, nodes=nodes,
                  edges=edges, partners=_partners(net, aid),
                  events=queries.list_events(conn, actor_id=aid, limit=ACTOR_LIST,
                                             offset=events.offset, sort=events_sort),
                  quotes=queries.list_quotes(conn, speaker=aid, limit=ACTOR_LIST,
                                             offset=quotes.offset, sort=quotes_sort),
                  articles=queries.articles_for_actor(conn, aid, limit=ACTOR_LIST,
                                                      offset=articles.offset,
                                                      sort=articles_sort),
                  events_pager=events, quotes_pager=quotes, articles_pager=articles,
                  events_sorter=Sorter(queries.EVENT_ORDER, events_sort, path, params,
                                       "events_page", "events_sort"),
                  quotes_sorter=Sorter(queries.QUOTE_ORDER, quotes_sort, path, params,
                                       "quotes_page", "quotes_sort"),
                  articles_sorter=Sorter(queries.ARTICLE_ORDER, articles_sort, path, params,
                                         "articles_page", "articles_sort"))


def _partners(net: analytics.Network, actor_id: str) -> list[dict[str, Any]]:
    """Other actors with shared-article and event counts, most connected first."""
    rows: dict[str, dict[str, Any]] = {}
    for e in net.cooccurrence:
        other = e["b"] if e["a"] == actor_id else e["a"]
        rows.setdefault(other, {"articles": 0, "events": 0})["articles"] += e["articles"]
    for e in net.interactions:
        other = e["target"] if e["source"] == actor_id else e["source"]
        rows.setdefault(other, {"articles": 0, "events": 0})["events"] += e["events"]
    out = [{"id": k, "name": net.nodes.get(k, {}).get("name", k), **v} for k, v in rows.items()]
    return sorted(out, key=lambda r: (-r["events"] - r["articles"], r["name"]))


@pages.get("/events", response_class=HTMLResponse)
def events_page(request: Request, conn: Conn, p: Events, sort: EventSort,
                page: PageNo = 1) -> HTMLResponse:
    filters = asdict(p)
    pager = Pager(analytics.count_events(conn, **filters), page, PAGE_SIZE, "/events",
                  _params(request))
    events = queries.list_events(conn, limit=PAGE_SIZE, offset=pager.offset, sort=sort,
                                 **filters)
    links.add_report_counts(conn, events)
    chart = charts.events_chart(analytics.events_per_day(conn, **filters), since=p.since,
                                until=p.until)
    return render(request, "events.html", p=p, params=filters, events=events, pager=pager,
                  chart=chart, widen=_widen(request, chart), types=analytics.event_types(conn),
                  sorter=Sorter(queries.EVENT_ORDER, sort, "/events", _params(request)))


@pages.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, conn: Conn, p: Quotes, sort: QuoteSort,
                page: PageNo = 1) -> HTMLResponse:
    """Quotes by speaker, by an actor they name, by date and by words; each links to its
    article (the quote highlighted there) and to its speaker."""
    filters = asdict(p)
    params = _params(request)
    pager = Pager(queries.count_quotes(conn, **filters), page, PAGE_SIZE, "/quotes", params)
    rows = queries.list_quotes(conn, limit=PAGE_SIZE, offset=pager.offset, sort=sort, **filters)
    return render(request, "quotes.html", p=p, quotes=rows, pager=pager,
                  sorter=Sorter(queries.QUOTE_ORDER, sort, "/quotes", params))


TopActors = Annotated[int, Query(ge=2, le=graph.MAX_ACTORS,
                                 description="Most actors drawn (the most connected)")]


@pages.get("/network", response_class=HTMLResponse)
def network_page(request: Request, conn: Conn, country: str = "", type: str = "",
                 since: str = "", until: str = "", min_weight: MinCount = 1,
                 top: TopActors = 60) -> HTMLResponse:
    """The whole store's actors linked by events and quotes, laid out by networkx on the
    server and drawn as inline SVG; bounded to the ``top`` most connected actors."""
    net = graph.actor_graph(conn, country=_blank(country), type=_blank(type),
                            since=_blank(since), until=_blank(until), min_weight=min_weight,
                            top=top)
    nodes, edges = charts.graph_layout(net)
    return render(request, "network.html", net=net, nodes=nodes, edges=edges,
                  width=charts.GRAPH_WIDTH, height=charts.GRAPH_HEIGHT,
                  labels=charts.GRAPH_LABELS,
                  f={"country": country, "type": type, "since": since, "until": until,
                     "min_weight": min_weight, "top": top})


PlaceSort = Annotated[str, Depends(sort_param(places.PLACE_ORDER))]


@pages.get("/places", response_class=HTMLResponse)
def places_page(request: Request, conn: Conn, sort: PlaceSort, q: str = "", country: str = "",
                since: str = "", until: str = "", page: PageNo = 1) -> HTMLResponse:
    """Places with their mentions, articles and events, and a map drawn from the world map
    shipped with warta (no tile server)."""
    rows = places.places(conn, since=_blank(since), until=_blank(until),
                         country=_blank(country), search=_blank(q), sort=sort)
    params = _params(request)
    pager = Pager(len(rows), page, PAGE_SIZE, "/places", params)
    return render(request, "places.html", places=rows[pager.offset:pager.offset + PAGE_SIZE],
                  pager=pager, sorter=Sorter(places.PLACE_ORDER, sort, "/places", params),
                  map=charts.place_map(rows), q=q, country=country, since=since, until=until)


def _widen(request: Request, chart: charts.TimeChart) -> str | None:
    """This page filtered from the chart's oldest item on: the link that draws what the
    default window leaves out (the table is filtered the same way)."""
    if not chart.before or chart.oldest is None:
        return None
    params = {k: v for k, v in _params(request).items() if k != "page"}
    return f"{request.url.path}?{query_string(params, since=chart.oldest.isoformat())}"


@pages.get("/events.csv")
def events_csv(request: Request, p: Events) -> StreamingResponse:
    """All filtered events as CSV (the same columns as ``warta export --format csv``)."""
    from warta.export.csv import iter_lines

    state = request.app.state
    limit_ms = state.settings.serve.query_time_limit_ms

    def body() -> Iterator[str]:
        # its own connection: the response streams after the request's dependencies closed
        with state.readers.reading(state.db_path) as conn:
            try:
                events = queries.iter_events(conn, **asdict(p))
                yield from iter_lines(_time_limited(conn, events, limit_ms))
            except StoreError as e:  # the header is already sent: say so in the file itself
                yield f"# warta: download stopped: {e}\n"

    headers = {"Content-Disposition": 'attachment; filename="warta-events.csv"'}
    return StreamingResponse(body(), media_type="text/csv; charset=utf-8", headers=headers)


def _time_limited(conn: sqlite3.Connection, rows: Iterator[dict[str, Any]], ms: int, *,
                  batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Rows of a long download, each batch of reads under its own time limit: the limit
    bounds the database work, not how fast the client downloads."""
    while True:
        with sqlite_timelimit(conn, ms):
            chunk = list(islice(rows, batch))
        if not chunk:
            return
        yield from chunk


@pages.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API reference, rendered here from the OpenAPI document (Swagger UI needs a CDN)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            endpoints.append({"method": method.upper(), "path": path,
                              "summary": op.get("summary", ""),
                              "description": op.get("description", ""),
                              "parameters": op.get("parameters", [])})
    return render(request, "docs.html", endpoints=endpoints, spec=spec)


# --- JSON API --------------------------------------------------------------------------------

@api.get("/search", summary="Search by words, meaning or both, with filters")
def api_search(request: Request, conn: Conn, p: Search, sort: SearchSort) -> dict[str, Any]:
    """Matching articles (20 per page) with snippets (matches in [brackets]) and the number of
    matching articles per published day; `next` is the URL of the next page, or null."""
    result = _search(conn, p, marks=("[", "]"), settings=request.app.state.settings.embed,
                     sort=sort)
    pager = Pager(result["total"], p.page, PAGE, request.url.path, _params(request))
    return {**result, "next": pager.next_href}


@api.get("/articles/{article_id}", summary="One article's full record")
def api_article(conn: Conn, article_id: str) -> dict[str, Any]:
    """The stored `warta.article/1` record."""
    record: dict[str, Any] = _article(conn, article_id)["record"]
    return record


@api.get("/articles/{article_id}/versions", summary="One article's copies stored as versions")
def api_article_versions(conn: Conn, article_id: str) -> list[dict[str, Any]]:
    """Copies of the article from other outlets, URLs or dates, oldest stored first: their own
    id, `kind` (`exact` or `near`), estimated `similarity`, title, date, URL and source."""
    versions: list[dict[str, Any]] = _article(conn, article_id)["versions"]
    return versions


@api.get("/actors", summary="Actors, most mentioned first")
def api_actors(request: Request, conn: Conn, sort: ActorSort, q: str | None = None,
               type: str | None = None, country: str | None = None, limit: Limit = 100,
               offset: Offset = 0) -> dict[str, Any]:
    """`q` matches id, name or alias as a substring; `country` is ISO alpha-3.
    Answers `{total, offset, limit, next, actors}`."""
    filters = {"search": _blank(q), "type": _blank(type), "country": _blank(country)}
    rows = queries.list_actors(conn, limit=limit, offset=offset, sort=sort, **filters)
    return listing(request, "actors", rows, total=queries.count_actors(conn, **filters),
                   limit=limit, offset=offset)


@api.get("/actors/{actor_id}", summary="One actor with quotes, events and articles")
def api_actor(conn: Conn, actor_id: str) -> dict[str, Any]:
    """Name, aliases, roles and country; the first quotes by the actor, events where it is
    source or target (oldest first) and articles mentioning it, each with its total and the
    URL that pages through all of them."""
    actor = _actor(conn, actor_id)
    aid = actor["id"]
    n = PAGE_SIZE
    return {**actor,
            "quotes": queries.list_quotes(conn, speaker=aid, limit=n),
            "quotes_total": queries.count_quotes(conn, speaker=aid),
            "quotes_url": f"/api/quotes?{query_string({'speaker': aid})}",
            "events": queries.list_events(conn, actor_id=aid, limit=n),
            "events_total": analytics.count_events(conn, actor_id=aid),
            "events_url": f"/api/events?{query_string({'actor': aid})}",
            "articles_mentioning": queries.articles_for_actor(conn, aid, limit=n),
            "articles_total": actor["articles"],
            "articles_url": f"/api/search?{query_string({'actor': aid})}"}


@api.get("/actors/{actor_id}/network", summary="An actor's co-occurrence and event edges")
def api_actor_network(conn: Conn, actor_id: str) -> dict[str, Any]:
    """Nodes, co-occurrence edges (shared articles) and interaction edges (events by type)."""
    actor = _actor(conn, actor_id)
    return _network_json(analytics.actor_network(conn, actor_id=actor["id"]))


@api.get("/network", summary="The whole actor network")
def api_network(conn: Conn, min_articles: MinCount = 1,
                limit: Annotated[int, Query(ge=1, le=50_000,
                                            description="Most edges of each kind")] = 2000,
                ) -> dict[str, Any]:
    """Every actor pair sharing at least `min_articles` articles, and every event edge."""
    return _network_json(analytics.actor_network(conn, min_articles=min_articles, limit=limit))


@api.get("/quotes", summary="Quotes, newest first")
def api_quotes(request: Request, conn: Conn, p: Quotes, sort: QuoteSort, limit: Limit = 100,
               offset: Offset = 0) -> dict[str, Any]:
    """`speaker` is an actor id, name or alias; `mentioned` an actor named inside the quote;
    `q` words the quote contains. Answers `{total, offset, limit, next, quotes}`."""
    filters = asdict(p)
    rows = queries.list_quotes(conn, limit=limit, offset=offset, sort=sort, **filters)
    return listing(request, "quotes", rows, total=queries.count_quotes(conn, **filters),
                   limit=limit, offset=offset)


@api.get("/places", summary="Places named in the articles, with counts")
def api_places(request: Request, conn: Conn, sort: PlaceSort, q: str | None = None,
               country: str | None = None, since: str | None = None,
               until: str | None = None, limit: Limit = 100,
               offset: Offset = 0) -> dict[str, Any]:
    """The places page's list: `key` (gazetteer id, or `name:` and the name), `name`,
    `country`, `kind`, `lat`, `lon`, `mentions`, `articles`, `events`; most mentioned first.
    Answers `{total, offset, limit, next, places}`."""
    rows = places.places(conn, since=_blank(since), until=_blank(until),
                         country=_blank(country), search=_blank(q), sort=sort)
    return listing(request, "places", rows[offset:offset + limit], total=len(rows),
                   limit=limit, offset=offset)


@api.get("/events", summary="Events with filters")
def api_events(request: Request, conn: Conn, p: Events, sort: EventSort, limit: Limit = 100,
               offset: Offset = 0) -> dict[str, Any]:
    """Events, oldest first, with actor names, their article and the report counts of the
    real-world event each reports (`reports`, null before `warta link`). Answers
    `{total, offset, limit, next, events}`; `total` counts every filtered event."""
    filters = asdict(p)
    rows = queries.list_events(conn, limit=limit, offset=offset, sort=sort, **filters)
    links.add_report_counts(conn, rows)
    return listing(request, "events", rows, total=analytics.count_events(conn, **filters),
                   limit=limit, offset=offset)


@api.get("/events/per-day", summary="Events per day by type")
def api_events_per_day(conn: Conn, p: Events) -> list[dict[str, Any]]:
    """Counts per (day, PLOVER type); events dated only to a month or year are left out."""
    return [{"day": d, "type": t, "count": n}
            for d, t, n in analytics.events_per_day(conn, **asdict(p))]


@api.get("/stats", summary="Store overview")
def api_stats(conn: Conn) -> dict[str, Any]:
    """Counts per table, languages, date range, top sources and event types."""
    return queries.stats(conn)
