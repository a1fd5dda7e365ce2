"""Indonesian language data: every word class warta's stages read lives here, once.

A stage that needs fewer words than a class holds takes a named subset declared next to the
class (with :func:`subset`, or by set algebra over smaller named classes), never its own copy:
copies drift apart. ``tests/test_language_data.py`` fails on word-set constants elsewhere.
"""

from __future__ import annotations


def subset(of: frozenset[str], words: str) -> frozenset[str]:
    """The words (space-separated) of a class, checked at import: a subset cannot drift away
    from its class, since a word the class lacks raises here."""
    picked = frozenset(words.split())
    missing = picked - of
    if missing:
        raise ValueError(f"not in the class: {sorted(missing)}")
    return picked
