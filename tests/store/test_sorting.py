"""Issue 21 item 5: every list sorts by a whitelisted column, and nothing else reaches SQL."""

from __future__ import annotations

import pytest

from warta.errors import QueryError
from warta.store import queries
from warta.store.sorting import Order

ORDER = Order("things", {"name": "t.name COLLATE NOCASE",
                         "date": ("date_first(t.day)", "t.day")},
              default="-date", tiebreak="t.id", descending=frozenset({"date"}))


@pytest.mark.parametrize(("sort", "sql"), [
    (None, "date_first(t.day) DESC, t.day DESC, t.id"),
    ("", "date_first(t.day) DESC, t.day DESC, t.id"),
    ("date", "date_first(t.day), t.day, t.id"),
    ("name", "t.name COLLATE NOCASE, t.id"),
    ("-name", "t.name COLLATE NOCASE DESC, t.id"),
])
def test_order_by_whitelisted_keys(sort: str | None, sql: str) -> None:
    assert ORDER.sql(sort) == sql


@pytest.mark.parametrize("sort", ["id", "--name", "name DESC", "name; DROP TABLE t", "x" * 500])
def test_anything_else_is_refused_in_one_line(sort: str) -> None:
    with pytest.raises(QueryError) as caught:
        ORDER.sql(sort)
    message = str(caught.value)
    assert message.startswith("E037 cannot sort things by ")
    assert message.endswith("choose one of: name, date")
    assert len(message) < 200


def test_every_list_order_has_its_default_among_its_choices() -> None:
    for order in (queries.SEARCH_ORDER, queries.ARTICLE_ORDER, queries.ACTOR_ORDER,
                  queries.QUOTE_ORDER, queries.EVENT_ORDER):
        assert order.default in order.choices
        assert order.descending <= set(order.columns)
