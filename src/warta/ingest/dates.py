"""Publication dates from feeds, JSON Lines and CSV → ISO 8601 (or None when unreadable).

Numeric dates like ``05/06/2025`` are ambiguous; tabular readers decide the order once per file
(``day_first_for``) so every row of a file is read the same way. Indonesian convention
(day first) is the default when nothing in the file settles it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMERIC = re.compile(
    r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")


def day_first_for(values: Iterable[str]) -> bool:
    """Whether the file's numeric dates put the day first (D/M/Y) or the month (M/D/Y)."""
    return next((o for o in map(date_order, values) if o is not None), True)


def date_order(value: str) -> bool | None:
    """True when ``value`` can only be D/M/Y, False when only M/D/Y, None when it does not say
    (a reader that meets a file's rows one by one keeps the first answer)."""
    m = _NUMERIC.match(value or "")
    if m is None:
        return None
    first, second = int(m.group(1)), int(m.group(2))
    if first > 12 >= second:
        return True
    if second > 12 >= first:
        return False
    return None


def to_iso(value: str | None, *, day_first: bool = True) -> str | None:
    """ISO 8601 for a date string in the common forms; None when it cannot be read."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    for parse in (_iso, lambda v: _numeric(v, day_first=day_first), _rfc2822):
        found = parse(value)
        if found is not None:
            return found
    return _natural(value)


def _iso(value: str) -> str | None:
    """ISO input stays as precise as it was: a date stays a date."""
    if _DATE_ONLY.match(value):
        try:
            return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _numeric(value: str, *, day_first: bool) -> str | None:
    m = _NUMERIC.match(value)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day, month = (a, b) if day_first else (b, a)
    try:
        if m.group(4) is None:
            return datetime(year, month, day).date().isoformat()
        return datetime(year, month, day, int(m.group(4)), int(m.group(5)),
                        int(m.group(6) or 0)).isoformat()
    except ValueError:
        return None


def _rfc2822(value: str) -> str | None:
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# Absolute dates only: "kemarin" (yesterday) would depend on the day warta runs.
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PARSERS": ["custom-formats", "absolute-time"],
                        "REQUIRE_PARTS": ["year", "month"], "PREFER_DAY_OF_MONTH": "first"}


@lru_cache(maxsize=4096)
def _natural(value: str) -> str | None:
    """Written-out dates ("Senin, 13 Oktober 2025 14:00 WIB") via dateparser, imported lazily."""
    import dateparser

    parsed = dateparser.parse(value, languages=["id", "en"],
                              settings=_DATEPARSER_SETTINGS)
    return parsed.isoformat() if parsed is not None else None
