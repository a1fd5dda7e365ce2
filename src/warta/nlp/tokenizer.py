"""warta's Indonesian news tokenizer, registered so a saved pipeline's config rebuilds it.

It is spaCy's Indonesian tokenizer plus what news text and UD Indonesian need: dates such as
``16/5/2024`` stay one token, decimal-comma numbers (``2,31``) stay whole, abbreviations from
``warta.nlp.lang.id.tokenizer_exceptions`` keep their period, and the enclitics -nya, -lah, -kah,
-ku, -mu are split off as UD does. The rules live in code, not in the saved model: loading a
pipeline ignores the serialized rules, so a fix here reaches every shipped model at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

from warta.nlp import gazetteer_embed, sentences, upos  # noqa: F401  (register warta's stages, embed)
from warta.nlp.lang.id.tokenizer_exceptions import (
    ABBREVIATIONS,
    KAH_ONLY_HOSTS,
    KU_MU_HOSTS,
    LAH_KAH_HOSTS,
    NYA_WHOLE,
)

TOKENIZER_NAME = "warta.id_tokenizer.v1"

# Whole-token patterns checked after prefixes/suffixes are stripped: dates (16/5/2024, 16/5,
# 16-5-2024), times (10.30), decimal numbers with a comma or period (2,31 or 4.500.000,50), and
# the hyphenated words UD Indonesian keeps whole (both treebanks: 244 whole, 43 split): lower-case
# compounds and reduplications (non-keuangan, hambatan-hambatan, Raja-Raja), ke-27, 1950-an.
# Ranges (5-10, Januari-September) and name pairs (Jokowi-JK) are still cut at the hyphen, and a
# final -nya still comes off (ujung-ujung + nya).
TOKEN_MATCH = re.compile(
    r"""^(?:
        \d{1,4}/\d{1,2}(?:/\d{2,4})?               # dates
      | \d{1,2}-\d{1,2}-\d{2,4}
      | \d+(?:[.,]\d+)+                            # 2,31  4.500.000,50  10.30
      | (?![a-z\-]*nya$)[A-Za-z][a-z]*(?:-[a-z]+)+   # non-keuangan, negara-negara
      | ([A-Za-z]+)-(?i:\1)                         # Raja-Raja
      | ke-\d+ | \d+-an                             # ke-27, 1950-an
    )$""",
    re.VERBOSE,
)

# A source cue glued to the outlet it names ("kepadadetikJabar", "dikutipCNBC Indonesia"): news
# pages drop the space before an outlet's linked name; the cue comes off as a word of its own.
GLUED_SOURCE_CUE = (r"(?:kepada|dari|dilansir|melansir|dikutip|mengutip|via)"
                    r"(?=detik[A-Z]|[A-Z])")

# -nya split off a host of two or more letters; whole words are special cases (NYA_WHOLE).
NYA_SUFFIX = r"(?<=[^\W\d_]{2})(?:nya|NYA)$"
CURLY_QUOTES = ("“", "”", "‘", "’", "„", "«", "»")


def _case_variants(word: str) -> set[str]:
    return {word, word.lower(), word.capitalize(), word.upper()}


def _clitic_exceptions() -> dict[str, list[dict[int, str]]]:
    """Special cases: abbreviations, whole -nya words, and host+clitic splits."""
    rules: dict[str, list[dict[int, str]]] = {}
    for abbr in ABBREVIATIONS:
        for form in {abbr, abbr.capitalize() if abbr.islower() else abbr}:
            rules[form] = [{ORTH: form}]
    for word in NYA_WHOLE:
        for form in _case_variants(word):
            rules[form] = [{ORTH: form}]
    splits = ((LAH_KAH_HOSTS - KAH_ONLY_HOSTS, ("lah", "kah")), (KAH_ONLY_HOSTS, ("kah",)),
              (KU_MU_HOSTS, ("ku", "mu")))
    for hosts, clitics in splits:
        for host in hosts:
            for clitic in clitics:
                for form in _case_variants(host + clitic):
                    rules[form] = [{ORTH: form[: len(host)]}, {ORTH: form[len(host) :]}]
    return rules


# spaCy's Indonesian exceptions keep reduplications with -nya whole (jenis-jenisnya); UD splits
# the possessive off (jenis-jenis + nya). The se-X-X-nya adverbs (sebesar-besarnya) stay whole.
_REDUPLICATION_NYA = re.compile(r"(?i)(?!se)[a-z]+(?:-[a-z]+)+nya")


def _spacy_exceptions(defaults: Any) -> dict[str, Any]:
    return {k: v for k, v in defaults.tokenizer_exceptions.items()
            if not _REDUPLICATION_NYA.fullmatch(k)}


def _infixes(defaults: Iterable[Any]) -> list[Any]:
    """spaCy's infixes without the rule that cuts ``16/5`` at the slash (dates stay whole)."""
    return [p for p in defaults if "/" not in p or "[0-9]" not in p]


def _anchored(pattern: str) -> bool:
    """Whether every alternative of ``pattern`` can only match at the start of the string."""
    try:
        from re import _parser  # type: ignore[attr-defined]  # CPython's own, not public

        items = list(_parser.parse(pattern))
        branches = items[0][1][1] if len(items) == 1 and items[0][0] is _parser.BRANCH \
            else [items]
        return all(len(b) > 0 and (b[0][0], b[0][1]) == (_parser.AT, _parser.AT_BEGINNING)
                   for b in branches)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError, re.error):
        return False


class PrefixSearch:
    """``compile_prefix_regex(entries).search``, the same matches without the same cost.

    spaCy joins the prefixes as ``^a|^b|…`` and the tokenizer calls ``search`` on each new
    word; CPython's re skips the positions after the first only when a whole pattern opens with
    ``^``, so ``search`` tried every alternative at every character (40 % of the tokenizer's
    time on news text). At position 0, ``match`` tries the same alternatives in the same
    order; after it only an alternative without ``^`` can match (spaCy's Indonesian
    ``<(b|…)\\s?/>|<a([^>]+)>`` leaves ``<a …>`` unanchored), so only the entries holding one
    are searched there. ``__self__`` is the full pattern, as for a bound ``search``: spaCy
    saves a tokenizer's patterns through it.
    """

    __slots__ = ("__self__", "_rest")

    def __init__(self, entries: Iterable[str | re.Pattern[str]]) -> None:
        texts = [e.pattern if isinstance(e, re.Pattern) else e for e in entries]
        self.__self__ = compile_prefix_regex(texts)
        loose = [e for e in texts if e.strip() and not _anchored(f"^{e}")]
        self._rest = compile_prefix_regex(loose) if loose else None

    def __call__(self, text: str) -> re.Match[str] | None:
        found = self.__self__.match(text)
        if found is None and self._rest is not None:
            return self._rest.search(text, 1)
        return found

    def __reduce__(self) -> tuple[Any, ...]:
        return (_prefix_search_from, (self.__self__, self._rest))


def _prefix_search_from(full: re.Pattern[str], rest: re.Pattern[str] | None) -> PrefixSearch:
    search = PrefixSearch.__new__(PrefixSearch)
    search.__self__, search._rest = full, rest
    return search


# What ``_ends`` works out: the code points and ranges a match's last character can be, or None.
Ends = tuple[frozenset[int], tuple[tuple[int, int], ...]] | None


def _ends(items: Any, constants: Any, parser: Any) -> Ends:
    """The characters a match of the parsed sequence ``items`` can end with: the last item that
    consumes one, and the items before it while the ones after can match nothing; None when
    that is not worked out (a category, a negated set, case-insensitive, a sequence that can
    match nothing), which tries the entry on every word."""
    c = constants
    chars: set[int] = set()
    ranges: list[tuple[int, int]] = []
    for op, av in reversed(list(items)):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the end is before them
            continue
        if op is c.LITERAL:
            found: Ends = (frozenset([av]), ())
        elif op is c.IN:
            if any(o not in (c.LITERAL, c.RANGE) for o, _ in av):
                return None
            found = (frozenset(a for o, a in av if o is c.LITERAL),
                     tuple(a for o, a in av if o is c.RANGE))
        elif op is c.BRANCH:
            alts = [_ends(alt, c, parser) for alt in av[1]]
            if any(a is None for a in alts):
                return None
            found = (frozenset().union(*(a[0] for a in alts if a)),
                     tuple(r for a in alts if a for r in a[1]))
        elif op is c.SUBPATTERN and not av[1] & c.SRE_FLAG_IGNORECASE:
            found = _ends(av[3], c, parser)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[1] > 0:
            found = _ends(av[2], c, parser)
        else:
            return None
        if found is None:
            return None
        chars |= found[0]
        ranges.extend(found[1])
        if parser.SubPattern(items.state, [(op, av)]).getwidth()[0] > 0:
            return frozenset(chars), tuple(ranges)
    return None


def _suffix_ends(entry: str) -> Ends:
    """The characters a match of the suffix entry ``entry`` (as spaCy anchors it, ``entry$``)
    can end with; None when not worked out."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # CPython's own

        parsed = _parser.parse(f"{entry}$")
        items = list(parsed)
        if parsed.state.flags & re.IGNORECASE or not items \
                or items[-1] != (_constants.AT, _constants.AT_END):
            return None  # e.g. a top-level "|" inside the entry: not every branch ends at $
        return _ends(parsed[:-1], _constants, _parser)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError, re.error):
        return None


class SuffixSearch:
    """``compile_suffix_regex(entries).search``, the same matches without the same cost.

    spaCy joins the suffixes as ``a$|b$|…`` (90 entries) and the tokenizer calls ``search`` on
    each new word and on what is left of it after each suffix: CPython's re tries every
    alternative at every character (2 % of the pipeline's CPU on news text). A match ends
    at the word's end, so its last character is the word's last one; an entry that cannot end
    with that character matches nowhere in the word, and leaving it out changes neither which
    match is leftmost nor which entry wins it (the others keep their order). So the word's last
    character picks the alternation of the entries that can end with it, compiled once per
    character (a letter: the unit and clitic entries, two to four of the ninety). A word that
    ends in a line break (where ``$`` also matches before it) is searched with every entry.
    ``__self__`` is the full pattern, as for a bound ``search``: spaCy saves a tokenizer's
    patterns through it.
    """

    __slots__ = ("__self__", "_by_end", "_entries")
    _MAX_CACHED = 4096  # last characters kept; past them a word is searched with every entry

    def __init__(self, entries: Iterable[str]) -> None:
        texts = [e.pattern if isinstance(e, re.Pattern) else e for e in entries]
        self.__self__ = compile_suffix_regex(texts)
        self._entries = [(e, _suffix_ends(e)) for e in texts]
        self._by_end: dict[str, re.Pattern[str] | None] = {}

    def __call__(self, text: str) -> re.Match[str] | None:
        last = text[-1:]
        if not last or last == "\n":
            return self.__self__.search(text)
        try:
            pattern = self._by_end[last]
        except KeyError:
            pattern = self._for_end(last)
        return pattern.search(text) if pattern is not None else None

    def _for_end(self, last: str) -> re.Pattern[str] | None:
        """The alternation of the entries that can end with ``last``, in their order."""
        code = ord(last)
        kept = [e for e, ends in self._entries if ends is None or code in ends[0]
                or any(lo <= code <= hi for lo, hi in ends[1])]
        pattern = compile_suffix_regex(kept) if any(e.strip() for e in kept) else None
        if len(self._by_end) < self._MAX_CACHED:
            self._by_end[last] = pattern
        return pattern

    def __reduce__(self) -> tuple[Any, ...]:
        return (SuffixSearch, ([e for e, _ in self._entries],))


def build_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer over ``nlp``'s vocab with warta's Indonesian news rules."""
    defaults = spacy.blank("id").Defaults if nlp.lang != "id" else nlp.Defaults
    prefixes = [*CURLY_QUOTES, GLUED_SOURCE_CUE, *(defaults.prefixes or ())]
    suffixes = [*CURLY_QUOTES, NYA_SUFFIX, *(defaults.suffixes or ())]
    rules = _spacy_exceptions(defaults)
    rules.update(_clitic_exceptions())
    return WartaTokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=PrefixSearch(prefixes),
        suffix_search=SuffixSearch(suffixes),
        infix_finditer=compile_infix_regex(_infixes(defaults.infixes or ())).finditer,
        token_match=TOKEN_MATCH.match,
        url_match=defaults.url_match,
    )


class WartaTokenizer(Tokenizer):  # type: ignore[misc]  # spacy.tokenizer is Cython, no stubs
    """A spaCy tokenizer whose rules always come from code, never from a saved model."""

    def from_disk(self, path: Any, **kwargs: Any) -> WartaTokenizer:
        return self

    def from_bytes(self, bytes_data: bytes, **kwargs: Any) -> WartaTokenizer:
        return self


@registry.tokenizers(TOKENIZER_NAME)  # type: ignore[untyped-decorator]  # catalogue's registries are untyped
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registry entry used by the training configs' ``[nlp.tokenizer]`` block."""
    return build_tokenizer
