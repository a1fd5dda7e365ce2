"""Find date expressions in Indonesian news and normalise them to ISO 8601.

Partial dates stay partial: "April 2024" → ``2024-04``, "tahun 2022" → ``2022``, "pekan lalu" →
an ISO week (``2024-W19``). Relative expressions ("kemarin", "dua tahun lalu", bare weekdays)
are resolved against an anchor, the publication date; without one their value is ``None``
rather than a guess. A weekday with a day and month but no year ("Kamis (16 Mei)") takes the
year from the anchor or, when there is none, from the latest explicit year in the text whose
calendar agrees with the weekday.

The grammar is hand-written (dateparser misses Indonesian number words, "pekan lalu" and
weekday resolution relative to a publication date); dateparser is the fallback of
``normalize_date`` for forms the grammar does not know.

Pure API: ``find_dates(text, anchor=...)`` and ``normalize_date(text, anchor=...)``; the spaCy
stage ``warta_dates_v<VERSION>`` writes ``doc._.dates`` as ``DateMention`` objects over token spans.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from warta.nlp.extensions import doc_memo, doc_text, factory_name, mark_stage, skip_unsupported
from warta.nlp.lang.id import dates as lex
from warta.partial_date import PartialDate, Precision, bounds
from warta.types import DateMention

STAGE = "dates"
VERSION = "1"
FACTORY = factory_name(STAGE, VERSION)
MIN_YEAR, MAX_YEAR = 1900, 2100


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so "kemarin lusa" wins over "kemarin".

    Written as a trie ("kemarin(?: (?:lusa|malam|…))?"): Python's ``re`` tries an alternation's
    branches one after the other at every position, and a case-insensitive branch has no quick
    first-character test, so forty month names cost forty tests per word; the trie branches on
    one character at a time. It matches what the flat alternation matches, preferring the same
    way: the words that match at one position all begin the text there, so each is a prefix of
    the next longer one, and both forms try them longest first (the trie's optional tails are
    greedy). That holds while no two branches at a trie node can match the same character, so
    the words must be lower case (no "M" beside an "m"); otherwise the flat form is kept.
    """
    unique = sorted(set(words), key=len, reverse=True)
    if not all(w and w == w.lower() for w in unique):
        return "|".join(re.escape(w) for w in unique)
    trie: dict[str, Any] = {}
    for w in unique:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    """The alternation a trie node stands for (its children, then the end if a word ends)."""
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in node:
        return f"(?:{body})?"
    return body


_MON = _alt(lex.MONTHS)
_WD = _alt(lex.WEEKDAYS)
_SMALL = _alt(w for w in lex.NUMBER_WORDS if lex.NUMBER_WORDS[w] < 10)
_NUMBER = (
    rf"(?:(?:{_SMALL})\s+(?:{lex.TENS_WORD})(?:\s+(?:{_SMALL}))?"
    rf"|(?:{_SMALL})\s+{lex.TEEN_WORD}|{_alt(lex.NUMBER_WORDS)}|\d{{1,3}}"
    rf"|{_alt(lex.VAGUE_QUANTITIES)})"
)
_UNIT = _alt(lex.UNITS)
_PAST = _alt(lex.PAST_WORDS)
_FUTURE = _alt(lex.FUTURE_WORDS)
_REL = _alt(lex.PAST_WORDS | lex.FUTURE_WORDS | lex.PRESENT_WORDS)
_PART = _alt(lex.PERIOD_PARTS)
_I = re.IGNORECASE


# --- fast scanning ---------------------------------------------------------------------------
# The grammar's patterns are long case-insensitive alternations, and Python's ``re`` tries every
# alternative at every word of the text (a case-insensitive branch has no quick first-character
# test). ``_scanner`` puts a lookahead on the characters a match can begin with in front of a
# pattern, read off the pattern itself, compiled with the same flags: the same matches, found
# about twice as fast. Where the first characters cannot be told (``.``, a back-reference, a
# pattern that can match nothing, another Python's parser), the pattern is left as it is.

_CATEGORY_CLASSES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D",
                     "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
                     "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_First = tuple[set[str], bool] | None  # (character-class pieces, may match nothing) or unknown


def _first_of_sequence(items: Iterable[tuple[Any, Any]]) -> _First:
    pieces: set[str] = set()
    for op, arg in items:
        found = _first_of_item(str(op), arg)
        if found is None:
            return None
        pieces |= found[0]
        if not found[1]:
            return pieces, False
    return pieces, True


def _first_of_item(op: str, arg: Any) -> _First:
    if op == "LITERAL":
        return {re.escape(chr(arg))}, False
    if op == "IN":
        pieces = set()
        for kind, value in arg:
            if str(kind) == "LITERAL":
                pieces.add(re.escape(chr(value)))
            elif str(kind) == "RANGE":
                pieces.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif str(kind) == "CATEGORY" and str(value) in _CATEGORY_CLASSES:
                pieces.add(_CATEGORY_CLASSES[str(value)])
            else:  # a negated class and the like
                return None
        return pieces, False
    if op == "BRANCH":
        branches = [_first_of_sequence(b) for b in arg[1]]
        if any(b is None for b in branches):
            return None
        return (set().union(*(b[0] for b in branches if b)),
                any(b[1] for b in branches if b))
    if op == "SUBPATTERN":
        _group, add_flags, del_flags, items = arg
        return None if add_flags or del_flags else _first_of_sequence(items)
    if op in _REPEATS:
        low, _high, items = arg
        found = _first_of_sequence(items)
        return None if found is None else (found[0], found[1] or low == 0)
    if op in _ZERO_WIDTH:
        return set(), True
    return None


def _scanner(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a lookahead on the characters a match can begin
    with when the pattern tells them."""
    plain = re.compile(pattern, flags)
    try:
        from re import _parser  # type: ignore[attr-defined]  # CPython's own, not public

        found = _first_of_sequence(_parser.parse(pattern, flags))
        if found is None or found[1] or not found[0] or flags & re.VERBOSE:
            return plain
        return re.compile(f"(?=[{''.join(sorted(found[0]))}])(?:{pattern})", flags)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError, re.error):
        return plain


# Explicit calendar forms.
_NUM_DMY = _scanner(
    r"(?<![\d.,/-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep) ?(?P<y>\d{4}|\d{2})"
    r"(?![\d/]|[.,-]\d)"
)
_NUM_DM = _scanner(r"(?<![\d.,/-])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/]|[.,-]\d)")
_ISO = _scanner(r"(?<![\d./-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d/]|[.,-]\d)")
# What the three numeric forms above need somewhere in a text: "16/5" (a digit, a slash, a
# digit) or "13.10." / "2025-10-" (a digit, a separator, one or two digits, a separator). One
# scan that starts only at digits, instead of three that try every character; one news text
# in a hundred has either.
_HAS_NUMERIC_DATE = re.compile(r"\d(?:/\d|[.-]\d{1,2}[/.-])")
# "16 Mei 2024", "16 Mei", "21-23 Mei" (a range counts as its first day), "7 April lalu".
_DAY_MON = _scanner(
    rf"(?<![\d.,])(?P<d>\d{{1,2}})(?:\s*(?:-|–|s\.?/?d\.?|hingga|sampai|dan)\s*\d{{1,2}})?"
    rf"\s+(?P<mon>{_MON})\b\.?"
    rf"(?:\s+(?P<y>\d{{4}})\b(?![.,]\d)|\s+(?P<rel>{_PAST}|{_FUTURE}|ini)\b)?",
    _I,
)
_MON_DAY_YEAR = _scanner(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}})\b", _I)
# What _MON_DAY_YEAR needs somewhere in a text ("16, 2024"): news in Indonesian rarely has it,
# and this scan is a fifth of that pattern's cost.
_HAS_DAY_COMMA_YEAR = re.compile(r"\d,\s*\d{4}")
# What _MON_YEAR and _YEAR need somewhere in a text: four digits in a row (their ``\d{4}``, the
# same ``\d``). The scan skips to digits (sre's first-character set), a tenth of either
# pattern's cost, which tries every word; one IndoSum text in three has none.
_HAS_FOUR_DIGITS = re.compile(r"\d{4}")
# What the month forms (_DAY_MON, _MON_DAY_YEAR, _MON_YEAR, _MON_BARE) need somewhere in a
# text: a month name between word boundaries, as each writes it (same flags). One scan instead
# of four; three IndoSum texts in five name no month.
_HAS_MONTH = _scanner(rf"\b(?:{_MON})\b", _I)
_MON_YEAR = _scanner(
    rf"(?:\b(?P<part>{_PART})\s+)?(?:\bbulan\s+)?\b(?P<mon>{_MON})\b\.?\s+(?:tahun\s+)?"
    rf"(?P<y>\d{{4}})\b(?![.,]\d)",
    _I,
)
_MON_BARE = _scanner(
    rf"\b(?P<mon>{_MON})\b(?!\.?\s+(?:tahun\s+)?\d)(?:\s+(?P<rel>{_REL})\b)?", _I
)
# Months in a list or range: "Oktober, November, dan Desember 2025", "Januari-Maret 2025".
_MON_LINK = r"\s*(?:,|-|–|—|s\.?/d\.?|hingga|sampai|dan|atau)\s*(?:dan\s+)?"
_MON_LINK_BEFORE = re.compile(rf"\b(?:{_MON}){_MON_LINK}$", _I)
_MON_LINK_AFTER = re.compile(rf"^{_MON_LINK}(?:{_MON})\b", _I)
_MON_CHAIN_YEAR = re.compile(
    rf"^(?:{_MON_LINK}(?:{_MON})\b)*\.?\s+(?:(?:di|pada)\s+)?(?:tahun\s+)?(?P<y>\d{{4}})\b"
    r"(?![.,]\d)",
    _I,
)
# Years: "2022", "tahun 2022", "(2022)", "akhir 2024".
_YEAR = _scanner(
    rf"(?:\b(?P<part>{_PART})\s+|\b(?P<div>{_alt(lex.YEAR_DIVISIONS)})\s+"
    rf"(?:{_alt(lex.DIVISION_ORDINALS)})\s+)?"
    rf"(?:\b(?P<tahun>tahun|th\.?)\s+)?(?<![\d.,])(?P<y>\d{{4}})"
    r"(?![\d]|[.,/]\d|-?an\b)",
    _I,
)
_WORD_BEFORE = re.compile(r"([\w$-]+)[^\w]*$")
_ADJACENT_WORD = re.compile(r"(\w+)[ \t]+$")  # the word right before, same clause
_WORD_AFTER = re.compile(r"^[^\w]*(\w+)")
_YEAR_LINK = re.compile(r"\d{4}\s*(?:-|–|—|s\.?/d\.?|hingga|sampai|dan|atau|ke|,)\s*\(?$", _I)
# Relative forms.
_REL_DAY = _scanner(rf"\b(?P<w>{_alt(lex.RELATIVE_DAYS)})\b", _I)
_N_UNITS = _scanner(
    rf"(?<!-)\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\s+(?P<dir>{_PAST}|{_alt(lex.COUNTDOWN_WORDS)})\b",
    _I,
)
# What _N_UNITS needs somewhere in a text: a unit after a space and a direction after it ("…
# tahun lalu"), the same words as the pattern's. Its scan starts only at spaces; one text in
# eight has it, and then the full pattern, which tries every word, runs.
_HAS_UNIT_DIRECTION = re.compile(
    rf"\s(?:{_UNIT})\s+(?:{_PAST}|{_alt(lex.COUNTDOWN_WORDS)})\b", _I
)
_SE_UNIT = _scanner(
    rf"\b(?P<unit>{_alt(lex.SE_UNITS)})\s+(?P<dir>{_PAST}|{_FUTURE})\b", _I
)
_UNIT_REL = _scanner(
    rf"(?:\b(?P<part>{_PART})\s+)?(?<!-)\b(?P<unit>pekan|minggu|bulan|tahun)\s+(?P<dir>{_REL})\b",
    _I,
)
_WEEKDAY = _scanner(rf"\b(?P<wd>{_WD})\b(?:\s+(?P<dir>{_REL})\b)?", _I)
_WEEKDAY_BEFORE = re.compile(
    rf"\b(?P<wd>{_WD})(?:\s+(?:pagi|siang|sore|petang|malam|dini\s+hari))?(?:\s*,?\s*tanggal)?"
    rf"\s*(?P<open>,\s*\(?|\(|\s)\s*$",
    _I,
)
_CLOSE = re.compile(r"^\s*\)")
_WEEKDAY_SPAN_BEFORE = re.compile(rf"\b(?:{_WD})\s*[-–]\s*$", _I)
_WEEKDAY_SPAN_AFTER = re.compile(rf"^\s*[-–]\s*(?:{_WD})\b", _I)
_NOT_SUNDAY_AFTER = re.compile(r"^\s+(?:pertama|kedua|ketiga|keempat|terakhir|depan)\b", _I)


@dataclass
class _Cand:
    """A candidate mention; ``pending`` holds (month, day, weekday) when the year is unknown."""

    start: int
    end: int
    value: str | None
    priority: int = 0  # ties between equally long candidates: lower wins
    pending: tuple[int, int, int | None, int | None] | None = None  # + direction (-1, 0, 1)
    explicit_year: int | None = None  # a year written in the text, for the year fallback


# --- small helpers -------------------------------------------------------------------------


def _precision(unit: str) -> Precision:
    """A time unit of the language data as a date precision (the data holds only these)."""
    return _PERIODS[unit]


def _iso(d: date, precision: Precision) -> str:
    """Format a date at a precision: year, month, week (ISO week) or day."""
    return PartialDate.of(d, precision).iso


def _safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not make one (31 Februari)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _shift(anchor: date, n: int, unit: str) -> date:
    """The anchor moved by n units (negative: into the past)."""
    if unit == "day":
        return anchor + timedelta(days=n)
    if unit == "week":
        return anchor + timedelta(weeks=n)
    if unit == "month":
        return _add_months(anchor, n)
    return _add_months(anchor, 12 * n)


def _number(text: str) -> int | None:
    """Value of a number phrase: "3", "tiga", "dua belas", "dua puluh satu"; None for "beberapa"."""
    words = text.lower().split()
    if words[0].isdigit():
        return int(words[0])
    if words[0] in lex.VAGUE_QUANTITIES:
        return None
    if len(words) == 1:
        return lex.NUMBER_WORDS.get(words[0])
    head = lex.NUMBER_WORDS[words[0]]
    if words[1] == lex.TEEN_WORD:
        return 10 + head
    return head * 10 + (lex.NUMBER_WORDS[words[2]] if len(words) > 2 else 0)


def _direction(word: str) -> int:
    word = " ".join(word.lower().split())
    if word in lex.PAST_WORDS:
        return -1
    if word in lex.FUTURE_WORDS or word in lex.COUNTDOWN_WORDS:
        return 1
    return 0


def _month_ok(token: str) -> bool:
    """Full Indonesian month names may be lower case; abbreviations and English are capitalised."""
    return token.lower() in lex.FULL_MONTHS or token[:1].isupper()


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, pos - 40) : pos])
    return m.group(1).lower() if m else ""


def _word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text[pos : pos + 40])
    return m.group(1).lower() if m else ""


def _is_count(word: str) -> bool:
    return word.isdigit() or word in lex.NUMBER_WORDS or word in lex.VAGUE_QUANTITIES


def _two_digit_year(y: str) -> int:
    return int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 70 else 1900 + int(y))


# --- explicit dates ------------------------------------------------------------------------


def _explicit(text: str, *, months: bool = True) -> Iterator[_Cand]:
    """Dates written with calendar parts: numeric, day-month(-year), month-year (``months``:
    whether the text may name a month, ``_HAS_MONTH``)."""
    yield from _numeric(text) if _HAS_NUMERIC_DATE.search(text) else ()
    if not months:
        return
    yield from _day_month(text)
    for m in _MON_DAY_YEAR.finditer(text) if _HAS_DAY_COMMA_YEAR.search(text) else ():
        d = _safe_date(int(m["y"]), lex.MONTHS[m["mon"].lower()], int(m["d"]))
        if d and _month_ok(m["mon"]):
            yield _Cand(m.start(), m.end(), d.isoformat(), explicit_year=d.year)
    for m in _MON_YEAR.finditer(text) if _HAS_FOUR_DIGITS.search(text) else ():
        year = int(m["y"])
        if _month_ok(m["mon"]) and MIN_YEAR <= year <= MAX_YEAR:
            month = lex.MONTHS[m["mon"].lower()]
            yield _Cand(m.start(), m.end(), f"{year:04d}-{month:02d}", explicit_year=year)


def _numeric(text: str) -> Iterator[_Cand]:
    """Dates in digits: "13/10/2025", "13.10.2025", "2025-10-13", "16/5" (pending a weekday)."""
    for m in _NUM_DMY.finditer(text):
        if m["sep"] != "/" and len(m["y"]) != 4:  # "10.00.25" is not a date; "13/10/25" is
            continue
        year = _two_digit_year(m["y"])
        d = _safe_date(year, int(m["m"]), int(m["d"]))
        if d:
            yield _Cand(m.start(), m.end(), d.isoformat(), explicit_year=year)
    for m in _ISO.finditer(text):
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            yield _Cand(m.start(), m.end(), d.isoformat(), explicit_year=d.year)
    for m in _NUM_DM.finditer(text):  # "16/5" only counts after a weekday: see _with_weekday
        month, day = int(m["m"]), int(m["d"])
        if _safe_date(2000, month, day):  # 2000 is a leap year: 29/2 stays possible
            yield _Cand(m.start(), m.end(), None, priority=5, pending=(month, day, None, None))


def _day_month(text: str) -> Iterator[_Cand]:
    for m in _DAY_MON.finditer(text):
        if not _month_ok(m["mon"]):
            continue
        month, day = lex.MONTHS[m["mon"].lower()], int(m["d"])
        if m["y"]:
            d = _safe_date(int(m["y"]), month, day)
            if d:
                yield _Cand(m.start(), m.end(), d.isoformat(), explicit_year=d.year)
        elif _safe_date(2000, month, day):
            end = m.end() - 1 if text[m.end() - 1] == "." else m.end()  # keep a full stop out
            direction = _direction(m["rel"]) if m["rel"] else None
            yield _Cand(m.start(), end, None, priority=1, pending=(month, day, None, direction))


def _with_weekday(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Extend dates preceded by a weekday ("Senin (13/10/2025)") into one mention."""
    out = []
    for c in cands:
        m = _WEEKDAY_BEFORE.search(text[max(0, c.start - 20) : c.start])
        if m is None or not m["wd"][:1].isupper():
            if c.priority != 5:  # bare "16/5" without a weekday is a fraction or a score
                out.append(c)
            continue
        start = c.start - (len(text[max(0, c.start - 20) : c.start]) - m.start())
        end = c.end
        if "(" in m["open"]:
            close = _CLOSE.match(text[end:])
            end = end + close.end() if close else end
        weekday = lex.WEEKDAYS[m["wd"].lower()]
        pending = (c.pending[0], c.pending[1], weekday, c.pending[3]) if c.pending else None
        out.append(_Cand(start, end, c.value, c.priority - 10, pending, c.explicit_year))
    return out


# --- years and months ----------------------------------------------------------------------


def _is_year_context(text: str, m: re.Match[str]) -> bool:
    """A four-digit number is a year only where the words around it say so."""
    if m["tahun"] or m["part"] or m["div"]:
        return True
    start = m.start("y")
    before, after = _word_before(text, start), _word_after(text, m.end())
    if after in lex.QUANTITY_WORDS or before in lex.NON_YEAR_CUES:
        return False
    if before in lex.YEAR_CUES:
        return True
    if text[start - 1 : start] == "(" and text[m.end() : m.end() + 1] == ")":
        return True
    return bool(_YEAR_LINK.search(text[max(0, start - 16) : start]))


def _years(text: str) -> Iterator[_Cand]:
    for m in _YEAR.finditer(text) if _HAS_FOUR_DIGITS.search(text) else ():
        year = int(m["y"])
        if MIN_YEAR <= year <= MAX_YEAR and _is_year_context(text, m):
            yield _Cand(m.start(), m.end(), f"{year:04d}", priority=2, explicit_year=year)


def _bare_months(text: str, anchor: date | None, *, months: bool = True) -> Iterator[_Cand]:
    """Month names without day or year, trusted only next to a cue: "pada Mei", "Mei lalu",
    or in a list or range of months ("Oktober, November, dan Desember 2025")."""
    for m in _MON_BARE.finditer(text) if months else ():
        mon = m["mon"]
        if mon.lower() not in lex.FULL_MONTHS or not mon[:1].isupper():
            continue
        month = lex.MONTHS[mon.lower()]
        chain = _MON_CHAIN_YEAR.match(text[m.end("mon") : m.end("mon") + 80])
        if chain and MIN_YEAR <= int(chain["y"]) <= MAX_YEAR:  # the list's year is its own
            year = int(chain["y"])
            yield _Cand(m.start(), m.end("mon"), f"{year:04d}-{month:02d}", priority=3,
                        explicit_year=year)
            continue
        cue = _word_before(text, m.start())
        linked = _MON_LINK_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) or (
            _MON_LINK_AFTER.match(text[m.end("mon") : m.end("mon") + 30])
        )
        if cue not in lex.MONTH_CUES and not m["rel"] and not linked:
            continue
        start = m.start()
        if cue in lex.PERIOD_PARTS or cue == "bulan":  # "akhir Mei", "bulan Mei": one mention
            start = _start_of_word_before(text, start)
        direction = _direction(m["rel"]) if m["rel"] else None
        if direction is None and anchor is None:  # no anchor: take the year from the text
            yield _Cand(start, m.end(), None, priority=3, pending=(month, 0, None, None))
        else:
            yield _Cand(start, m.end(), _month_value(month, direction, anchor), priority=3)


def _start_of_word_before(text: str, pos: int) -> int:
    m = re.search(r"(\w+)\s+$", text[max(0, pos - 40) : pos])
    return pos - (len(text[max(0, pos - 40) : pos]) - m.start(1)) if m else pos


def _month_value(month: int, direction: int | None, anchor: date | None) -> str | None:
    """Year of a month named without one: same year; "lalu" → latest before; "depan" → next."""
    if anchor is None:
        return None
    year = anchor.year
    if direction == -1 and month > anchor.month:
        year -= 1
    elif direction == 1 and month < anchor.month:
        year += 1
    return f"{year:04d}-{month:02d}"


# --- relative expressions ------------------------------------------------------------------


def _relative(text: str, anchor: date | None) -> Iterator[_Cand]:
    """Relative days, "N units ago", "pekan lalu", "awal bulan depan", weekdays."""
    for m in _REL_DAY.finditer(text):
        if text[m.start() - 1 : m.start()] == "-" or text[m.end() : m.end() + 1] == "-":
            continue  # "kemarin-kemarin": lately, no particular day
        offset = lex.RELATIVE_DAYS[" ".join(m["w"].lower().split())]
        value = (anchor + timedelta(days=offset)).isoformat() if anchor else None
        yield _Cand(m.start(), m.end(), value, priority=4)
    for m in _N_UNITS.finditer(text) if _HAS_UNIT_DIRECTION.search(text) else ():
        n = _number(m["n"])
        unit = _precision(lex.UNITS[m["unit"].lower()])
        value = _iso(_shift(anchor, n * _direction(m["dir"]), unit), unit) if anchor and n else None
        yield _Cand(m.start(), m.end(), value, priority=1)
    for m in _SE_UNIT.finditer(text):
        unit = _precision(lex.SE_UNITS[m["unit"].lower()])
        value = _iso(_shift(anchor, _direction(m["dir"]), unit), unit) if anchor else None
        yield _Cand(m.start(), m.end(), value, priority=1)
    for m in _UNIT_REL.finditer(text):
        before = _ADJACENT_WORD.search(text[max(0, m.start() - 20) : m.start()])
        if before and _is_count(before.group(1).lower()):  # "dua tahun mendatang": a duration
            continue
        yield _Cand(m.start(), m.end(), _unit_rel_value(m, anchor), priority=2)
    yield from _weekdays(text, anchor)


def _unit_rel_value(m: re.Match[str], anchor: date | None) -> str | None:
    if anchor is None:
        return None
    unit = _precision(lex.UNITS[m["unit"].lower()])
    moved = _shift(anchor, _direction(m["dir"]), unit)
    if unit == "week" and (m["part"] or "").lower() == "akhir":  # the weekend: its Saturday
        return (moved + timedelta(days=5 - moved.weekday())).isoformat()
    return _iso(moved, unit)


def _weekdays(text: str, anchor: date | None) -> Iterator[_Cand]:
    """Capitalised weekday names, resolved to the latest such day on or before the anchor."""
    for m in _WEEKDAY.finditer(text):
        name = m["wd"]
        if not name[:1].isupper():
            continue
        if name.lower() == "minggu" and (m["dir"] or _NOT_SUNDAY_AFTER.match(text[m.end() :])):
            continue  # "Minggu lalu" is last week, handled as a unit
        before = _ADJACENT_WORD.search(text[max(0, m.start() - 20) : m.start()])
        if before and before.group(1).lower() in lex.HABITUAL_WORDS:  # "setiap Senin"
            continue
        if _WEEKDAY_SPAN_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or (
            _WEEKDAY_SPAN_AFTER.match(text[m.end() : m.end() + 12])
        ):
            continue  # "Senin-Jumat": a span of weekdays, a schedule rather than a date
        weekday = lex.WEEKDAYS[name.lower()]
        direction = _direction(m["dir"]) if m["dir"] else None
        value = _weekday_value(weekday, direction, anchor)
        yield _Cand(m.start(), m.end(), value, priority=6)


def _weekday_value(weekday: int, direction: int | None, anchor: date | None) -> str | None:
    if anchor is None:
        return None
    back = (anchor.weekday() - weekday) % 7
    if direction == -1:  # "Kamis lalu": strictly before
        back = back or 7
    elif direction == 1:  # "Kamis depan": strictly after
        return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)).isoformat()
    elif direction == 0:  # "Kamis ini": in the anchor's week
        return (anchor + timedelta(days=weekday - anchor.weekday())).isoformat()
    return (anchor - timedelta(days=back)).isoformat()


# --- selection and year fallback -----------------------------------------------------------


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest non-overlapping candidates (ties: lower priority first), in text order."""
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _year_candidates(month: int, day: int, anchor: date | None, text_years: list[int],
                     direction: int | None = None) -> list[int]:
    """Years to try for a day and month written without one, most plausible first.

    With an anchor: the nearest year, or the latest on or before it ("7 April lalu") or the
    next after it ("21 Mei mendatang"). Without one: the explicit years of the text, latest first.
    """
    if anchor is not None:
        if direction in (-1, 1):
            d = _safe_date(anchor.year, month, day or 1)
            late = d is not None and d > anchor
            early = d is not None and d < anchor
            shift = -1 if direction == -1 and late else (1 if direction == 1 and early else 0)
            return [anchor.year + shift]

        def distance(y: int) -> int:
            d = _safe_date(y, month, day or 1)
            return abs((d - anchor).days) if d else 10**6

        return sorted((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)
    out: list[int] = []
    for y in sorted(set(text_years), reverse=True):
        out.extend(v for v in (y, y + 1, y - 1) if v not in out)
    return out


def _resolve_pending(c: _Cand, anchor: date | None, text_years: list[int]) -> str | None:
    # only candidates with a pending (month, day, ...) reach here: the caller checks
    month, day, weekday, direction = c.pending  # type: ignore[misc]
    years = _year_candidates(month, day, anchor, text_years, direction)
    if not years:
        return None
    if day == 0:  # a bare month: the latest explicit year
        return f"{years[0]:04d}-{month:02d}"
    if weekday is not None:
        for y in years:
            d = _safe_date(y, month, day)
            if d and d.weekday() == weekday:
                return d.isoformat()
    d = _safe_date(years[0], month, day)
    return d.isoformat() if d else None


# --- public API ----------------------------------------------------------------------------


def find_dates(text: str, *, anchor: date | None) -> list[tuple[int, int, str | None]]:
    """Every date expression in ``text`` as (start char, end char, ISO value or None).

    ``anchor`` is the publication date; relative expressions without it get ``None``.
    """
    months = _HAS_MONTH.search(text) is not None  # asked once for the four month forms
    cands = _with_weekday(text, list(_explicit(text, months=months)))
    cands += list(_years(text)) + list(_bare_months(text, anchor, months=months)) \
        + list(_relative(text, anchor))
    kept = _select(cands)
    text_years = [c.explicit_year for c in kept if c.explicit_year is not None]
    return [
        (c.start, c.end, _resolve_pending(c, anchor, text_years) if c.pending else c.value)
        for c in kept
    ]


def normalize_date(text: str, *, anchor: date | None) -> str | None:
    """ISO 8601 value of one date expression ("16 Mei 2024", "dua tahun lalu"); None if unknown."""
    found = find_dates(text, anchor=anchor)
    if found:
        return max(found, key=lambda f: f[1] - f[0])[2]
    return _dateparser_fallback(text, anchor)


# dateparser's periods → our precisions ("time" means a time today: keep the day).
_PERIODS: dict[str, Precision] = {"year": "year", "month": "month", "week": "week", "day": "day",
                            "time": "day"}
_TIME_OF_DAY = re.compile(
    r"(?:\b(?:pukul|jam)\s*)?\b\d{1,2}[.:]\d{2}\b(?:\s*(?:WIB|WITA|WIT)\b)?", _I
)
_SENTINEL = datetime(1000, 1, 1)  # a base no real date uses: shows a relative parse without anchor


def _dateparser_fallback(text: str, anchor: date | None) -> str | None:
    """Ask dateparser about forms the grammar does not cover; None when it cannot tell."""
    from dateparser.date import DateDataParser  # slow import: only when the grammar fails

    text = _TIME_OF_DAY.sub(" ", text).strip()  # dateparser reads "pukul 10.00" as today
    if not text:
        return None
    base = datetime.combine(anchor, datetime.min.time()) if anchor else _SENTINEL
    parser = DateDataParser(
        languages=["id", "en"],
        settings={"RELATIVE_BASE": base, "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"},
    )
    data = parser.get_date_data(text)
    if data.date_obj is None or not MIN_YEAR <= data.date_obj.year <= MAX_YEAR:
        return None
    return _iso(data.date_obj.date(), _PERIODS.get(data.period or "day", "day"))


def parse_anchor(published: str | None) -> date | None:
    """The publication date as a ``date`` (ISO 8601 date or date-time, or a written full date)."""
    if not published:
        return None
    parsed = PartialDate.parse(published)
    if parsed is not None:
        return parsed.first if parsed.precision == "day" else None
    # not ISO ("Rabu, 22 Okt 2025 14:30 WIB"): read it as a date expression
    days = [p for _, _, v in find_dates(published, anchor=None)
            if (p := PartialDate.parse(v)) is not None and p.precision == "day"]
    return days[0].first if days else None


def date_bounds(value: str) -> tuple[date, date] | None:
    """First and last day covered by a (partial) ISO value: ``2024`` → 1 Jan .. 31 Dec 2024.

    For consumers that compare dates of different precision (``2024-W19`` against ``2024-05``);
    ``warta.partial_date.PartialDate`` is the type behind it.
    """
    return bounds(value)


# --- spaCy stage ---------------------------------------------------------------------------


_REPORT_DATE_REACH = 600  # characters: the lead paragraph, where copy dates its report
_FULL_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# What a report date's surface holds (a weekday name, a full year), looked for in the whole
# lead: a lead without both has no report date, and three in four are not parsed at all.
_ANY_WEEKDAY = re.compile(_WD, _I)
_ANY_FULL_YEAR = re.compile(r"(?:19|20)\d\d")


def report_date(text: str) -> date | None:
    """The day a text reports from when it carries no publication date: a full date with its
    weekday and year in the lead, the way Indonesian copy dates a report ("…, kata X, Senin
    (20/10/2025)."). A date without its year ("pada Selasa (14 Mei)") is not taken for one."""
    lead = text[:_REPORT_DATE_REACH]
    if not (_ANY_WEEKDAY.search(lead) and _ANY_FULL_YEAR.search(lead)):
        return None
    for start, end, value in find_dates(lead, anchor=None):
        surface = text[start:end]
        parsed = PartialDate.parse(value)
        if parsed and parsed.precision == "day" and _WEEKDAY.match(surface) \
                and _FULL_YEAR.search(surface):
            return parsed.first
    return None


def article_day(doc: Doc) -> date | None:
    """The day the article reports from: its publication date, else the report date its lead
    gives ("…, Senin (20/10/2025)."); None when neither is known.

    The dates, quotes and events stages all ask; it is worked out once per Doc and
    publication date (``doc_memo``)."""
    published = doc._.published
    memo = doc_memo(doc)
    key = ("article_day", published)
    if key not in memo:
        memo[key] = parse_anchor(published) or report_date(doc_text(doc))
    day: date | None = memo[key]
    return day


def reported_date(stated: str | None, day: date | None, *, latest: date | None) -> str | None:
    """The date of a reported fact (a quote, an event): the date the text gives it, unless that
    lies wholly after ``latest`` (then it is a plan or a target, "ibu kota politik 2028", not
    when the fact happened); else the report's ``day``."""
    parsed = PartialDate.parse(stated)
    if parsed is not None and (latest is None or not parsed.after(latest)):
        return stated
    return day.isoformat() if day else None


def date_mentions(doc: Doc) -> list[DateMention]:
    """The date mentions of a Doc, anchored on ``doc._.published`` when it is set, else on the
    text's own report date, so "hari ini" and "tahun lalu" resolve in plain-text articles."""
    anchor = article_day(doc)
    mentions = []
    for start, end, value in find_dates(doc_text(doc), anchor=anchor):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            mentions.append(DateMention(span=span, value=value))
    return mentions


class DatesStage:
    """Attach ``doc._.dates``; skips documents in languages the grammar does not know."""

    def __call__(self, doc: Doc) -> Doc:
        if skip_unsupported(doc, STAGE, VERSION):
            doc._.dates = []
            return doc
        doc._.dates = date_mentions(doc)
        mark_stage(doc, STAGE, VERSION, "ok")
        return doc


@Language.factory(FACTORY, assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """spaCy factory of the dates stage."""
    return DatesStage()
