"""Restore capitals in a lower-cased corpus (IndoNLU NERP ships all tokens lower-cased).

Trained on lower-cased NERP next to the cased corpora, the NER would learn that names need no
capitals and lose its strongest cue on real news. Each NERP token gets its most frequent
spelling in cased Indonesian text (IndoSum articles and the cased NER corpora); tokens inside an
entity span that cased text never shows are capitalised (names), and each sentence's first
token is capitalised.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from warta.eval._conll import NERSentence


def casing_lexicon(token_lists: Iterable[Iterable[str]]) -> dict[str, str]:
    """lower-cased word → its most frequent spelling in cased text."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens in token_lists:
        for token in tokens:
            counts[token.lower()][token] += 1
    return {low: c.most_common(1)[0][0] for low, c in counts.items()}


def indosum_tokens(path: Path) -> Iterable[list[str]]:
    """Sentences (token lists) of IndoSum's pre-tokenized JSONL."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for paragraph in json.loads(line).get("paragraphs", []):
                yield from paragraph


def truecase(sent: NERSentence, lexicon: dict[str, str]) -> NERSentence:
    """The sentence with restored capitals; entity spans are unchanged."""
    in_entity = {i for start, end, _ in sent.spans for i in range(start, end)}
    words = []
    for i, word in enumerate(sent.words):
        cased = lexicon.get(word.lower())
        if cased is None:
            cased = word.capitalize() if i in in_entity else word
        if i == 0:
            cased = cased[:1].upper() + cased[1:]
        words.append(cased)
    return NERSentence(words=tuple(words), spans=sent.spans)
