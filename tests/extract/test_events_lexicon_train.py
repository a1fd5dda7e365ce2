"""General news verbs added to the event lexicon from the train split's gold triggers (events v5):
each is found with its PLOVER type and its parties in invented sentences."""

from __future__ import annotations

import pytest
from events_helpers import build, lookup

from warta.extract.event_lexicon import lexicon
from warta.extract.events import extract_events

KPK, POLRI, BUDI = "org:kpk", "org:polri", "person:budi-santoso"


@pytest.mark.parametrize(("text", "expected"), [
    # "menghimbau": the common spelling of "mengimbau" (appeal)
    ("Jepang menghimbau Tiongkok agar menahan diri.", ("gpe:JPN", "REQUEST", "gpe:CHN")),
    # "memerintahkan": an order is a demand (CAMEO 100)
    ("Prabowo memerintahkan Polri mengusut kasus itu.",
     ("person:prabowo-subianto", "REQUEST", POLRI)),
    # police verbs of arrest
    ("Polri meringkus Budi Santoso di Bandung.", (POLRI, "COERCE", BUDI)),
    ("Polri menggerebek Budi Santoso di Bandung.", (POLRI, "COERCE", BUDI)),
    # "menghubungi": contacting someone consults them
    ("Jepang menghubungi Korea Selatan soal insiden itu.", ("gpe:JPN", "CONSULT", "gpe:KOR")),
    # "menyokong" supports, like "mendukung"
    ("Australia menyokong Papua Nugini dalam sengketa itu.", ("gpe:AUS", "SUPPORT", "gpe:PNG")),
])
def test_added_verbs_are_events(text: str, expected: tuple) -> None:
    found = {(e.source, e.type, e.target) for e in extract_events(build(text), lookup=lookup)}
    assert expected in found


@pytest.mark.parametrize(("words", "type_", "mode"), [
    (("dihimbau",), "REQUEST", None),
    (("digrebek",), "COERCE", "arrest"),
    (("dimintai", "keterangan"), "ACCUSE", "investigate"),
    (("ditindak", "tegas"), "THREATEN", None),
    (("menyalahi",), "ACCUSE", "disapprove"),
    (("minta",), "REQUEST", None),  # headline style: "Jepang minta ..."
])
def test_added_forms(words: tuple[str, ...], type_: str, mode: str | None) -> None:
    entry = lexicon()[words].entry
    assert (entry.type, entry.mode) == (type_, mode)
