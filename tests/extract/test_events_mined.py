"""Why the events stage drops a lexicon match (the diagnostics' hook). Every fixture is
invented."""

from __future__ import annotations

import pytest
from events_helpers import build, lookup

from warta.extract.events import candidates


@pytest.mark.parametrize(("text", "trigger", "reason"), [
    ("Penangkapan itu berlangsung di Bandung.", "Penangkapan", "no_party"),
    ("Jepang meminta Tiongkok membebaskan Budi Santoso.", "membebaskan", "complement"),
])
def test_the_stage_says_why_a_match_made_no_event(text: str, trigger: str, reason: str) -> None:
    dropped: list[tuple[str, str]] = []
    candidates(build(text), lookup=lookup,
               dropped=lambda t, _f, why: dropped.append((t.text, why)))
    assert (trigger, reason) in dropped
