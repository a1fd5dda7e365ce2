"""Issue 19: one real entity, one actor. A person named in full and then by a misspelt part of
the name ("Ayanto" for Atyanto) was two actors; the reader sees one person, and the quotes and
event parties of the misspelt mention went to a stranger."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, ent_actor, with_persons


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def test_a_dropped_letter_is_the_same_person(nlp) -> None:
    text = ("Kepala dinas Hartawan Prasetyo meninjau pasar pada Senin. "
            "Hartwan mengatakan harga beras turun.")
    doc = with_persons(nlp, text, persons=("Hartawan Prasetyo", "Hartwan"))
    assert ent_actor(doc, "Hartwan") == ent_actor(doc, "Hartawan Prasetyo")


def test_two_swapped_letters_in_a_full_name_are_the_same_person(nlp) -> None:
    text = ("Ketua serikat Rosid Sulaiman berorasi di depan gedung. "
            "Rosid Sulaimna meminta upah dinaikkan.")
    doc = with_persons(nlp, text, persons=("Rosid Sulaiman", "Rosid Sulaimna"))
    assert ent_actor(doc, "Rosid Sulaimna") == ent_actor(doc, "Rosid Sulaiman")


def test_a_changed_letter_is_another_person(nlp) -> None:
    text = ("Wahyudi Santoso dan istrinya hadir di sidang. "
            "Wahyuni mengatakan suaminya tidak bersalah.")
    doc = with_persons(nlp, text, persons=("Wahyudi Santoso", "Wahyuni"))
    assert ent_actor(doc, "Wahyuni") != ent_actor(doc, "Wahyudi Santoso")


def test_a_slip_that_fits_two_people_joins_neither(nlp) -> None:
    text = ("Hartawan Prasetyo dan Hartawn Gunadi hadir. Hartwan mengatakan harga beras turun.")
    doc = with_persons(nlp, text, persons=("Hartawan Prasetyo", "Hartawn Gunadi", "Hartwan"))
    assert ent_actor(doc, "Hartwan") not in (ent_actor(doc, "Hartawan Prasetyo"),
                                             ent_actor(doc, "Hartawn Gunadi"))
