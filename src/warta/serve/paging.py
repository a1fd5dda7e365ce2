"""Bounds of every numeric request parameter, and paging and sorting of every list the
explorer shows.

One definition for all routes: a count, page or offset a client sends is checked here (FastAPI
answers 422, or a 400 page) before it reaches SQLite, whose integers stop at 2**63 - 1 (a
larger value was a 500). Every list is cut into pages and says so ("1–50 of 1,123"); the API
answers ``total`` and a ``next`` URL beside its rows. A ``sort`` value is checked the same way
against the list's whitelist (``warta.store.sorting.Order``), and ``Sorter`` makes the column
headers that change it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request

from warta.store.sorting import MAX_SORT_CHARS, Order

MAX_PAGE = 100_000  # pages of any list: beyond every store we know, far inside SQLite's range
MAX_OFFSET = 10_000_000
MAX_LIMIT = 1000  # rows of one API answer
MAX_COUNT = 1_000_000  # thresholds such as min_articles
PAGE_SIZE = 50  # rows of one list on a page

PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most rows to return")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (paging)")]
MinCount = Annotated[int, Query(ge=1, le=MAX_COUNT, description="Smallest count kept")]


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """``params`` with ``changes`` as a URL query; empty values left out."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@dataclass(frozen=True)
class Pager:
    """Where one page sits in a list of ``total`` rows, and links to its neighbours."""

    total: int
    page: int
    size: int
    path: str
    params: dict[str, Any]
    key: str = "page"  # the query parameter (an actor page pages three lists)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    @property
    def first(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.size, self.total)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def cut(self) -> bool:
        """Whether the list holds more rows than this page shows."""
        return self.total > self.size

    def href(self, page: int) -> str | None:
        if not 1 <= page <= self.pages or page == self.page:
            return None
        return f"{self.path}?{query_string(self.params, **{self.key: page})}"

    @property
    def prev_href(self) -> str | None:
        return self.href(self.page - 1)

    @property
    def next_href(self) -> str | None:
        return self.href(self.page + 1)


def listing(request: Request, key: str, rows: list[dict[str, Any]], *, total: int, limit: int,
            offset: int) -> dict[str, Any]:
    """An API list answer: ``{total, offset, limit, next, <key>: rows}``; ``next`` is the URL
    of the following rows, or null on the last page."""
    following = offset + limit
    nxt = None
    if following < total and following <= MAX_OFFSET:
        params = {**request.query_params, "offset": following, "limit": limit}
        nxt = f"{request.url.path}?{query_string(params)}"
    return {"total": total, "offset": offset, "limit": limit, "next": nxt, key: rows}


def sort_param(order: Order, name: str = "sort") -> Callable[..., str]:
    """A dependency reading ``name`` (``sort``; a page of several lists names one per list):
    one of ``order``'s keys, ``-`` before it for the reverse.

    FastAPI checks it against the whitelist as it checks numbers (422 from the API, a 400 page),
    and /docs lists the choices; the store checks again (``Order.sql``) for its other callers.
    """
    pattern = "^-?(" + "|".join(re.escape(k) for k in order.columns) + ")$"
    query = Query(max_length=MAX_SORT_CHARS, pattern=pattern,
                  description=f"Sort by one of: {', '.join(order.columns)}; a leading '-' "
                              "reverses")

    def sort(**value: str | None) -> str:
        return value[name] or order.default

    # built here, not written as an annotation: with postponed annotations FastAPI would look
    # ``query`` up among the module's globals
    sort.__signature__ = inspect.Signature([inspect.Parameter(  # type: ignore[attr-defined]
        name, inspect.Parameter.KEYWORD_ONLY, default=None,
        annotation=Annotated[str | None, query])])
    return sort


@dataclass(frozen=True)
class Sorter:
    """The current order of one list, and the column headers' links that change it (a click
    on the current column reverses it; on another, sorts it its natural way: counts and dates
    largest first). Changing the order goes back to the first page."""

    order: Order
    sort: str
    path: str
    params: dict[str, Any]
    page_key: str = "page"
    key: str = "sort"  # the query parameter (an actor page sorts three lists)

    def href(self, column: str) -> str:
        if self.sort == column:
            value = f"-{column}"
        elif self.sort == f"-{column}":
            value = column
        else:
            value = f"-{column}" if column in self.order.descending else column
        changes = {self.key: value, self.page_key: None}
        return f"{self.path}?{query_string(self.params, **changes)}"

    def state(self, column: str) -> str:
        """``aria-sort`` of the column's header: ascending, descending or none."""
        if self.sort == column:
            return "ascending"
        return "descending" if self.sort == f"-{column}" else "none"
