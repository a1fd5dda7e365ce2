"""warta's Indonesian news tokenizer, registered so a saved pipeline's config rebuilds it.

It is spaCy's Indonesian tokenizer plus what news text and UD Indonesian need: dates such as
``16/5/2024`` stay one token, decimal-comma numbers (``2,31``) stay whole, abbreviations from
``warta.nlp.lang.id.tokenizer_exceptions`` keep their period, and the enclitics -nya, -lah, -kah,
-ku, -mu are split off as UD does. The rules live in code, not in the saved model: loading a
pipeline ignores the serialized rules, so a fix here reaches every shipped model at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
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

# A closing quote mark glued to the cue after it ('… yang membutuhkan,”ungkapnya.', '… sangat
# mendukung,”terang Saini.'): a scrape or IndoSum's detokenised text drops the space after
# the mark. The punctuation and the mark come off as tokens of their own, so the cue is a word
# ("ungkap" + "nya") and the quote ends where its mark does. Only a closing mark after the
# quote's own final punctuation: an apostrophe inside a word ("Jum’at") is no such mark.
GLUED_CLOSING_QUOTE = (r"(?<=[^\W\d_])[,.!?](?=[”’»][^\W\d_])",
                       r"(?<=[,.!?])[”’»](?=[^\W\d_])")

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


# What ``_edge`` works out: the code points and ranges a match's first (or last) character can
# be, or None when that is not worked out.
Edge = tuple[frozenset[int], tuple[tuple[int, int], ...]] | None


def _edge(items: Any, c: Any, parser: Any, *, last: bool) -> Edge:
    """The characters a match of the parsed sequence ``items`` can start (``last``: end) with:
    those of the first (last) item that consumes one, and of the next items while the ones
    before (after) can match nothing; None when that is not worked out (a category, a negated
    set, case-insensitive, a sequence that can match nothing), which keeps the entry for every
    word. ``c`` and ``parser`` are CPython's ``re._constants`` and ``re._parser``."""
    chars: set[int] = set()
    ranges: list[tuple[int, int]] = []
    for op, av in (reversed(list(items)) if last else list(items)):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the edge is past them
            continue
        if op is c.LITERAL:
            found: Edge = (frozenset([av]), ())
        elif op is c.IN:
            if any(o not in (c.LITERAL, c.RANGE) for o, _ in av):
                return None
            found = (frozenset(a for o, a in av if o is c.LITERAL),
                     tuple(a for o, a in av if o is c.RANGE))
        elif op is c.BRANCH:
            alts = [_edge(alt, c, parser, last=last) for alt in av[1]]
            if any(a is None for a in alts):
                return None
            found = (frozenset().union(*(a[0] for a in alts if a)),
                     tuple(r for a in alts if a for r in a[1]))
        elif op is c.SUBPATTERN and not av[1] & c.SRE_FLAG_IGNORECASE:
            found = _edge(av[3], c, parser, last=last)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            found = _edge(av[2], c, parser, last=last)
        else:
            return None
        if found is None:
            return None
        chars |= found[0]
        ranges.extend(found[1])
        if parser.SubPattern(items.state, [(op, av)]).getwidth()[0] > 0:
            return frozenset(chars), tuple(ranges)
    return None


def _entry_edge(entry: str, *, last: bool) -> Edge:
    """The characters a match of the affix entry ``entry`` can start (``last``: end) with,
    ``entry`` read as spaCy joins it (a suffix as ``entry$``: a top-level "|" inside it leaves
    a branch unanchored, which is not worked out); None when not worked out."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # CPython's own

        parsed = _parser.parse(f"{entry}$" if last else entry)
        items = list(parsed)
        if parsed.state.flags & re.IGNORECASE or not items:
            return None
        if last:
            if items[-1] != (_constants.AT, _constants.AT_END):
                return None
            parsed = parsed[:-1]
        return _edge(parsed, _constants, _parser, last=last)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError, re.error):
        return None


def _has(edge: Edge, char: str) -> bool:
    """Whether ``char`` is among ``edge``'s characters (None: it may be)."""
    if edge is None:
        return True
    code = ord(char)
    return code in edge[0] or any(lo <= code <= hi for lo, hi in edge[1])


def _char_class(edges: list[Edge]) -> re.Pattern[str] | None:
    """One character of any of ``edges`` as a pattern; None if one of them is not worked out."""
    if any(e is None for e in edges):
        return None
    items = sorted({re.escape(chr(code)) for e in edges if e for code in e[0]})
    items += [f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for e in edges if e for lo, hi in e[1]]
    return re.compile(f"[{''.join(items)}]") if items else re.compile("(?!)")


class _ByEdge:
    """Alternations of affix entries by a word's first (or last) character: the entries that
    can match with that character there, in their order, compiled once per character."""

    __slots__ = ("_compile", "_entries", "_patterns")
    MAX_CACHED = 4096  # characters kept; past them each new one is worked out again

    def __init__(self, texts: list[str], compile_: Callable[[list[str]], re.Pattern[str]], *,
                 last: bool) -> None:
        self._entries = [(e, _entry_edge(e, last=last)) for e in texts]
        self._compile = compile_
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def __getitem__(self, char: str) -> re.Pattern[str] | None:
        try:
            return self._patterns[char]
        except KeyError:
            kept = [e for e, edge in self._entries if _has(edge, char)]
            pattern = self._compile(kept) if any(e.strip() for e in kept) else None
            if len(self._patterns) < self.MAX_CACHED:
                self._patterns[char] = pattern
            return pattern

    @property
    def entries(self) -> list[str]:
        return [e for e, _ in self._entries]


class PrefixSearch:
    """``compile_prefix_regex(entries).search``, the same matches without the same cost.

    spaCy joins the prefixes as ``^a|^b|…`` and the tokenizer calls ``search`` on each new
    word; CPython's re skips the positions after the first only when a whole pattern opens with
    ``^``, so ``search`` tried every alternative at every character (40 % of the tokenizer's
    time on news text). At position 0, ``match`` tries the same alternatives in the same
    order, and only the entries that can start with the word's first character can match
    there: those are tried (``_ByEdge``; the others match nowhere at 0, so neither which entry
    wins nor its span changes). After position 0 only an alternative without ``^`` can match
    (spaCy's Indonesian ``<(b|…)\\s?/>|<a([^>]+)>`` leaves ``<a …>`` unanchored), so only the
    entries holding one are searched there. ``__self__`` is the full pattern, as for a bound
    ``search``: spaCy saves a tokenizer's patterns through it.
    """

    __slots__ = ("__self__", "_by_start", "_rest")

    def __init__(self, entries: Iterable[str | re.Pattern[str]]) -> None:
        texts = [e.pattern if isinstance(e, re.Pattern) else e for e in entries]
        self.__self__ = compile_prefix_regex(texts)
        loose = [e for e in texts if e.strip() and not _anchored(f"^{e}")]
        self._rest = compile_prefix_regex(loose) if loose else None
        self._by_start = _ByEdge(texts, compile_prefix_regex, last=False)

    def __call__(self, text: str) -> re.Match[str] | None:
        if text:
            pattern = self._by_start[text[0]]
            found = pattern.match(text) if pattern is not None else None
        else:
            found = self.__self__.match(text)
        if found is None and self._rest is not None:
            return self._rest.search(text, 1)
        return found

    def __reduce__(self) -> tuple[Any, ...]:
        return (PrefixSearch, (self._by_start.entries,))


class SuffixSearch:
    """``compile_suffix_regex(entries).search``, the same matches without the same cost.

    spaCy joins the suffixes as ``a$|b$|…`` (97 entries with warta's) and the tokenizer calls
    ``search`` on each new word and on what is left of it after each suffix: CPython's re tries
    every alternative at every character (2 % of the pipeline's CPU on news text). A match
    ends at the word's end, so its last character is the word's last one; an entry that cannot
    end with that character matches nowhere in the word, and leaving it out changes neither
    which match is leftmost nor which entry wins it (the others keep their order). So the
    word's last character picks the alternation of the entries that can end with it
    (``_ByEdge``: for a letter, the unit and clitic entries, a few of the 97). A word that ends
    in a line break (where ``$`` also matches before it) is searched with every entry.
    ``__self__`` is the full pattern, as for a bound ``search``.
    """

    __slots__ = ("__self__", "_by_end")

    def __init__(self, entries: Iterable[str | re.Pattern[str]]) -> None:
        texts = [e.pattern if isinstance(e, re.Pattern) else e for e in entries]
        self.__self__ = compile_suffix_regex(texts)
        self._by_end = _ByEdge(texts, compile_suffix_regex, last=True)

    def __call__(self, text: str) -> re.Match[str] | None:
        last = text[-1:]
        if not last or last == "\n":
            return self.__self__.search(text)
        pattern = self._by_end[last]
        return pattern.search(text) if pattern is not None else None

    def __reduce__(self) -> tuple[Any, ...]:
        return (SuffixSearch, (self._by_end.entries,))


class InfixFinditer:
    """``compile_infix_regex(entries).finditer``, without the scan of a word no infix can be in.

    spaCy's infixes open with lookbehinds, which CPython's re cannot skip ahead for, so
    ``finditer`` tried every entry at every character of every new word; a match's first
    character is one of a few punctuation marks and symbols, and a word holding none of them
    (most words) has no infix: one scan for those characters answers it. ``__self__`` is the
    full pattern, as for a bound ``finditer``.
    """

    __slots__ = ("__self__", "_entries", "_gate")

    def __init__(self, entries: Iterable[str]) -> None:
        self._entries = list(entries)
        self.__self__ = compile_infix_regex(self._entries)
        self._gate = _char_class([_entry_edge(e, last=False) for e in self._entries
                                  if e.strip()])

    def __call__(self, text: str) -> Iterator[re.Match[str]]:
        if self._gate is not None and self._gate.search(text) is None:
            return iter(())
        return self.__self__.finditer(text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (InfixFinditer, (self._entries,))


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
        infix_finditer=InfixFinditer([*GLUED_CLOSING_QUOTE,
                                      *_infixes(defaults.infixes or ())]),
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
