"""Mojibake from a wrong decode upstream is repaired before any offset exists."""

from __future__ import annotations

import pytest

from warta.clean.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("inflasi 2,5Â±1% pada 2025", "inflasi 2,5±1% pada 2025"),
     ("â€œKami siap,â€\x9d kata Budi.", "“Kami siap,” kata Budi."),
     ("“Kami siap,” kata Budi — Â tetap.", "“Kami siap,” kata Budi — Â tetap.")],  # left alone
)
def test_mojibake_is_repaired_and_good_text_kept(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


def test_the_mojibake_test_is_ftfys_own_on_random_text() -> None:
    """``may_be_mojibake`` searches ftfy's pattern only around non-ASCII characters; on random
    texts of the pattern's own characters (ASCII and not, line breaks, at the ends) it answers
    as ftfy's ``is_bad`` does."""
    import random

    from ftfy.badness import BADNESS_RE, is_bad

    from warta.clean.normalize import _badness_window, may_be_mojibake

    assert _badness_window() is not None  # the window applies to the installed ftfy
    chars = sorted({c for c in BADNESS_RE.pattern if not c.isspace()} | set("abXY .,\n\t"))
    rng = random.Random(3)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 14)))
        assert may_be_mojibake(text) == is_bad(text), text
        found += is_bad(text)
    assert 0 < found < 20000
    assert may_be_mojibake("x" * 300 + "Ã³" + "y" * 300)  # far from the start


def test_ftfy_is_not_asked_about_text_without_mojibake(monkeypatch: pytest.MonkeyPatch) -> None:
    """Correct text with curly quotes and dashes (most news) skips ftfy's whole-text search."""
    import importlib

    import ftfy

    module = importlib.import_module("warta.clean.normalize")
    asked: list[str] = []
    real = ftfy.fix_encoding
    monkeypatch.setattr(module.ftfy, "fix_encoding", lambda t: asked.append(t) or real(t))
    assert normalize("“Kami siap,” kata Budi — tetap. " * 50).startswith("“Kami siap,”")
    assert asked == []
    assert normalize("inflasi 2,5Â±1%") == "inflasi 2,5±1%" and len(asked) == 1
