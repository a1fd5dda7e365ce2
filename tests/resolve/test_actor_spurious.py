"""The spurious actors' diagnosis (scripts/actor_spurious.py, issue 19) on invented records:
the kind each predicted actor that aligns with no gold actor gets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from warta.eval import scoring

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("actor_spurious",
                                                  ROOT / "scripts" / "actor_spurious.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


DIAG = _script()
TEXT = ("Dinas Tata Air menutup pintu air di Kota Lama. Warga mengeluh.\n"
        "Foto: Budi Laksono\n")
GOLD = [scoring.Actor("g1", frozenset({"dinas tata air", "dinas ta"}), "ORG", "IDN"),
        scoring.Actor("g2", frozenset({"slamet riyadi"}), "PERSON", "IDN")]


def _kind(name: str, type_: str, aliases: list[str], found: set[str],
          at: tuple[int, int] | None = None) -> str:
    raw = {"id": "p9", "name": name, "type": type_, "aliases": aliases}
    record = {"text": TEXT, "entities": [] if at is None else
              [{"start": at[0], "end": at[1], "label": type_, "actor": "p9"}]}
    pred = scoring.Actor("p9", frozenset(scoring.normalise(a) for a in [name, *aliases]),
                         type_, None)
    return DIAG.spurious_kind(pred, raw, record, GOLD, found)


@pytest.mark.parametrize(("name", "type_", "found", "kind"), [
    ("Dinas TA", "ORG", {"g1"}, "duplicate"),       # gold g1 taken by another actor
    ("Dinas Tata", "ORG", {"g1"}, "split of found"),  # words inside a found gold name
    ("Riyadi", "PERSON", set(), "misnamed"),         # inside a gold name nothing found
    ("Kota Lama", "GPE", set(), "place"),
    ("pihak dinas", "ORG", set(), "common noun"),
    ("detikKota", "ORG", set(), "outlet"),
    ("Sinar Terang", "ORG", set(), "org"),
    ("Ani Wulandari", "PERSON", set(), "person"),
])
def test_each_spurious_actor_gets_its_kind(name, type_, found, kind):
    assert _kind(name, type_, [name], found) == kind


def test_a_name_only_in_a_photo_credit_is_a_credit():
    at = TEXT.index("Budi Laksono")
    assert _kind("Budi Laksono", "PERSON", ["Budi Laksono"], set(),
                 (at, at + len("Budi Laksono"))) == "credit"


def test_the_test_split_is_refused(capsys):
    assert DIAG.main(["dev", "test"]) == 2
    assert "test split" in capsys.readouterr().err


@pytest.mark.parametrize(("spurious", "found", "relation"), [
    ({"name": "PBRM", "type": "ORG", "aliases": ["PBRM"]},
     {"name": "Partai Bintang Rakyat Merdeka", "type": "ORG", "aliases": []},
     "acronym = initials"),
    ({"name": "Santoso", "type": "PERSON", "aliases": []},
     {"name": "Budi Santoso", "type": "PERSON", "aliases": ["Budi"]}, "person part"),
    ({"name": "Dinas Tata Air", "type": "ORG", "aliases": []},
     {"name": "Dinas Tata Air Kota Lama", "type": "ORG", "aliases": []}, "nested name"),
    ({"name": "Tata Air", "type": "PERSON", "aliases": ["Tata Air"]},
     {"name": "Tata Air", "type": "ORG", "aliases": []}, "same name, other type"),
    ({"name": "Gus Lan", "type": "PERSON", "aliases": []},
     {"name": "Budi Santoso", "type": "PERSON", "aliases": []}, "other"),
])
def test_a_twin_s_relation_to_the_found_actor(spurious, found, relation) -> None:
    assert DIAG.twin_relation(spurious, found) == relation
