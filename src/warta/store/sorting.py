"""How a list may be sorted: one whitelist per list, shared by the CLI, the explorer and the API.

A client names a column (``published``) or the column with a leading ``-`` for the reverse
(``-published``); only the keys of an ``Order`` are accepted, so no text from a request ever
reaches an ``ORDER BY``. A tie-breaker ends every order, so pages never overlap nor skip a row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from warta.errors import Errors, QueryError

MAX_SORT_CHARS = 40  # the longest sort value a request may send


@dataclass(frozen=True)
class Order:
    """The columns one list may be sorted by.

    ``columns`` maps the key a client sends to the SQL term it orders by, or a tuple of terms
    (``-key`` reverses each). ``default`` is the order without a ``sort``;
    ``descending`` names the keys a click on their header sorts largest first (counts, dates).
    """

    what: str  # the list's name in messages: "actors", "quotes"
    columns: Mapping[str, str | tuple[str, ...]]
    default: str
    tiebreak: str
    descending: frozenset[str] = field(default_factory=frozenset)

    @property
    def choices(self) -> tuple[str, ...]:
        """Every accepted value: each key, and each key reversed."""
        return (*self.columns, *(f"-{k}" for k in self.columns))

    def check(self, sort: str | None) -> str:
        """``sort`` (or the default when empty) if it is one of ``choices``; else E037."""
        if not sort:
            return self.default
        if sort not in self.choices:
            shown = sort if len(sort) <= MAX_SORT_CHARS else sort[:MAX_SORT_CHARS] + "…"
            raise QueryError(Errors.E037.format(what=self.what, key=shown,
                                                choices=", ".join(self.columns)))
        return sort

    def sql(self, sort: str | None) -> str:
        """The ``ORDER BY`` clause's body for ``sort``, the tie-breaker last."""
        key = self.check(sort)
        column, reverse = key.removeprefix("-"), key.startswith("-")
        terms = self.columns[column]
        parts = [terms] if isinstance(terms, str) else list(terms)
        if reverse:
            parts = [_reversed(p) for p in parts]
        return ", ".join([*parts, self.tiebreak])


def _reversed(expression: str) -> str:
    """One ORDER BY term in the other direction (``x DESC`` ↔ ``x``)."""
    if expression.upper().endswith(" DESC"):
        return expression[:-5]
    return expression + " DESC"
