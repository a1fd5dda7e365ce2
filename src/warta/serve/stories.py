"""The explorer's story pages (/stories, /stories/{id}) and their JSON API (/api/stories).

Read through ``warta.store.links``; rendered with the templates and helpers of ``routes``.
Stories come from `warta link`: a store never linked shows a note saying how to make them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from warta.serve.paging import PAGE_SIZE, Limit, Offset, PageNo, Pager, listing
from warta.serve.routes import Conn, _blank, _params, render
from warta.store import links

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])

StorySort = Annotated[Literal["articles", "latest", "oldest", "title"],
                      Query(description="articles (most first), latest, oldest or title")]
MinArticles = Annotated[int, Query(ge=1, le=1_000_000, description="Least articles a story has")]
# The sortable columns of the story list: header → the sort it asks for.
SORTABLE = {"Story": "title", "First": "oldest", "Last": "latest", "Articles": "articles"}


def _filters(actor: str | None, since: str | None, until: str | None,
             min_articles: int) -> dict[str, Any]:
    return {"actor": _blank(actor), "since": _blank(since), "until": _blank(until),
            "min_articles": min_articles}


def _story(conn: Any, story_id: str) -> dict[str, Any]:
    story = links.get_story(conn, story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return story


@pages.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, conn: Conn, actor: str | None = None,
                 since: str | None = None, until: str | None = None,
                 min_articles: MinArticles = 2, sort: StorySort = "articles",
                 page: PageNo = 1) -> HTMLResponse:
    filters = _filters(actor, since, until, min_articles)
    pager = Pager(links.count_stories(conn, **filters), page, PAGE_SIZE, "/stories",
                  _params(request))
    rows = links.list_stories(conn, sort=sort, limit=PAGE_SIZE, offset=pager.offset, **filters)
    return render(request, "stories.html", stories=rows, pager=pager, sort=sort,
                  sortable=SORTABLE, params=_params(request), f=filters,
                  linked=links.is_linked(conn))


@pages.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, conn: Conn, story_id: str) -> HTMLResponse:
    from warta.serve import charts

    story = _story(conn, story_id)
    per_day: dict[str, int] = {}
    for a in story["articles"]:
        day = (a["published"] or "")[:10]
        if len(day) == 10:
            per_day[day] = per_day.get(day, 0) + 1
    chart = charts.article_chart(sorted(per_day.items()))
    return render(request, "story.html", story=story, chart=chart)


@api.get("/stories", summary="Stories, largest first")
def api_stories(request: Request, conn: Conn, actor: str | None = None,
                since: str | None = None, until: str | None = None,
                min_articles: MinArticles = 1, sort: StorySort = "articles",
                limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Stories from `warta link`: headline, first and last day, article count, main actors and
    outlets. `actor` keeps stories whose main actors include it; `since`/`until` those whose
    coverage overlaps the period. Answers `{total, offset, limit, next, stories}`."""
    filters = _filters(actor, since, until, min_articles)
    rows = links.list_stories(conn, sort=sort, limit=limit, offset=offset, **filters)
    return listing(request, "stories", rows, total=links.count_stories(conn, **filters),
                   limit=limit, offset=offset)


@api.get("/stories/{story_id}", summary="One story's coverage, actors and quotes")
def api_story(conn: Conn, story_id: str) -> dict[str, Any]:
    """The story with its articles oldest first (date, outlet, title) and its main actors'
    quotes in them."""
    return _story(conn, story_id)
