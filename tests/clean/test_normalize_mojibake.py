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
