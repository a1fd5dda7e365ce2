"""warta's spaCy factories: names carry the version the stages record, a snapshot pins them,
and pyproject's entry points name the same factories (so ``spacy.load`` finds them alone)."""

from __future__ import annotations

import json
import tomllib

import pytest
import spacy

from helpers import ROOT
from warta.extract import events
from warta.nlp.extensions import factory_name
from warta.nlp.pipeline import STAGES, factory_registrations

SNAPSHOT = ROOT / "tests" / "data" / "factory_registrations.json"


def test_registered_factories_match_the_snapshot():
    assert factory_registrations() == json.loads(SNAPSHOT.read_text("utf-8")), (
        "warta's factories changed: a behaviour change bumps the stage's VERSION; then run "
        "scripts/factory_registrations.py and scripts/gen_cli_docs.py (CONTRIBUTING.md)")


def test_a_version_bump_shows_in_the_registrations(monkeypatch):
    bumped = str(int(events.VERSION) + 1)
    monkeypatch.setattr(events, "VERSION", bumped)
    assert factory_registrations()[events.FACTORY]["version"] == bumped  # the snapshot test fails


@pytest.mark.parametrize("name", sorted(factory_registrations()))
def test_factory_name_carries_the_stage_version(name):
    entry = factory_registrations()[name]
    assert name == factory_name(entry["stage"], entry["version"])


def test_entry_points_name_the_registered_factories():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    declared = pyproject["project"]["entry-points"]["spacy_factories"]
    assert set(declared) == set(factory_registrations())
    for name, target in declared.items():
        module, _, func = target.partition(":")
        assert spacy.registry.factories.get(name).__module__ == module
        assert spacy.registry.factories.get(name).__name__ == func


def test_stages_record_the_version_their_factory_names(nlp):
    doc = nlp("Jepang mengecam Tiongkok di Tokyo, Senin (3/6/2024).")
    recorded = {s.name: s.version for s in doc._.stages}
    for name, factory in STAGES:
        assert nlp.get_pipe_meta(name).factory == factory == factory_name(name, recorded[name])


def test_docs_name_only_registered_factories():
    import re

    registered = set(factory_registrations())
    pattern = re.compile(r"\bwarta_[a-z_]+_v\d+\b")
    pages = [*ROOT.glob("*.md"), *(ROOT / "docs").rglob("*.md"),
             *(ROOT / "src" / "warta").rglob("*.md")]
    stale = {f"{page.relative_to(ROOT)}: {name}" for page in pages
             for name in pattern.findall(page.read_text("utf-8")) if name not in registered}
    assert not stale, f"docs name factories that are not registered: {sorted(stale)}"
