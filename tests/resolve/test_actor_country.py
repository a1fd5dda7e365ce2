"""The wrong countries' diagnosis (scripts/actor_country.py, issue 19) on invented actors: the
kind and direction each found actor with a wrong country gets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("actor_country",
                                                  ROOT / "scripts" / "actor_country.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


DIAG = _script()


@pytest.mark.parametrize(("raw", "gold", "kind"), [
    ({"name": "Dewan Kerja Sama Samudra", "type": "ORG"}, None, "international body"),
    ({"name": "Harian Pagi Times", "type": "ORG"}, "GBR", "outlet"),
    ({"name": "Anwar Hakim", "type": "PERSON", "roles": ["prime minister"]}, "MYS",
     "office holder"),
    ({"name": "Sari Dewanti", "type": "PERSON", "roles": []}, "IDN", "person"),
    ({"name": "Dinas Tata Air", "type": "ORG"}, "IDN", "state body"),
    ({"name": "Warung Maju", "type": "ORG"}, "IDN", "org"),
    ({"name": "Sukamaju", "type": "GPE"}, "IDN", "place"),
])
def test_the_kind_is_read_from_the_actor(raw, gold, kind):
    assert DIAG.country_kind(raw, gold) == kind


@pytest.mark.parametrize(("gold", "pred", "way"), [
    (None, "IDN", "none→"), ("MYS", None, "→none"), ("IDN", "MYS", "IDN→foreign"),
    ("MYS", "IDN", "foreign→IDN"), ("MYS", "USA", "foreign→foreign"),
])
def test_the_direction(gold, pred, way):
    assert DIAG.direction(gold, pred) == way


def test_the_test_split_is_refused(capsys):
    assert DIAG.main(["dev", "test"]) == 2
    assert "test split" in capsys.readouterr().err
