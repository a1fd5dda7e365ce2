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
        suffix_search=compile_suffix_regex(suffixes).search,
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
