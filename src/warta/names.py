"""Name keys shared by the pipeline and the store: a folded form and a stable slug.

They live apart from ``warta.resolve.coref`` (which needs spaCy) so that code reading stored
records, such as cross-report event linking under ``warta events``, keys actors the same way
without importing spaCy (read commands start in well under a second).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)  # the same names are folded again for every mention and cluster
def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of a name token, without the invisible format
    characters web text carries (a left-to-right mark glued to "Slamet" is still Slamet)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join([c for c in decomposed if not unicodedata.combining(c)
                    and unicodedata.category(c) != "Cf"]).casefold()


def slug(text: str) -> str:
    """Stable id part: 'Vladimir Putin' → 'vladimir-putin'."""
    out = "".join(c if c.isalnum() else "-" for c in fold(text))
    return "-".join(p for p in out.split("-") if p)
