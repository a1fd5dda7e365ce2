"""Word lists of the knowledge base that are not names: the words news writes in lower case."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words news writes in lower case away from sentence starts (data/lexicon, from IndoSum)."""
    path = resources.files("warta") / "data" / "lexicon" / "common-lowercase-id.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def common_english_words() -> dict[str, bool]:
    """Common English words that name no person, each marked whether it is an everyday English
    word, far more used in English than in other languages ("fuel", "wealth"; data/lexicon,
    from wordfreq): Indonesian news capitalises English phrases word by word ("Foreign Direct
    Investment")."""
    path = resources.files("warta") / "data" / "lexicon" / "common-en.txt"
    out: dict[str, bool] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, mark = line.partition("\t")
            out[word] = mark == "*"
    return out
