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
