"""Event-trigger coverage (issue 19, events v9): common news words of each PLOVER type, and the
constructions that lost a lexicon trigger's parties before emission; on invented sentences,
the argument rules alone (no party model)."""

from __future__ import annotations

import pytest
from events_helpers import build, lookup

from warta.extract.events import extract_events

PRB, KPK, POLRI, BUDI = ("person:prabowo-subianto", "org:kpk", "org:polri",
                         "person:budi-santoso")


def _triples(text: str) -> set[tuple[str | None, str, str | None]]:
    return {(e.source, e.type, e.target) for e in extract_events(build(text), lookup=lookup)}


@pytest.mark.parametrize(("text", "expected"), [
    # CONSULT: coordinating, holding a meeting with
    ("KPK berkoordinasi dengan Polri.", (KPK, "CONSULT", POLRI)),
    ("KPK menggelar rapat dengan Polri di Jakarta.", (KPK, "CONSULT", POLRI)),
    # SUPPORT: praising, esteeming; recognising a capital
    ("Prabowo menghargai langkah Jepang.", (PRB, "SUPPORT", "gpe:JPN")),
    ("Australia mengakui Kyiv sebagai ibu kota Ukraina.", ("gpe:AUS", "SUPPORT", "gpe:UKR")),
    # COOPERATE: partnering
    ("Jepang bermitra dengan Indonesia.", ("gpe:JPN", "COOPERATE", "gpe:IDN")),
    # AID: channelling aid or funds, providing
    ("Jepang menyalurkan dana kepada Filipina.", ("gpe:JPN", "AID", "gpe:PHL")),
    ("Jepang menyediakan tempat bagi Filipina.", ("gpe:JPN", "AID", "gpe:PHL")),
    # REQUEST: proposing, advising, instructing, billing, daring
    ("Prabowo menyarankan Jepang untuk berdialog.", (PRB, "REQUEST", "gpe:JPN")),
    ("Prabowo menginstruksikan Polri untuk menjaga Bandung.", (PRB, "REQUEST", POLRI)),
    ("KPK menagih Budi Santoso.", (KPK, "REQUEST", BUDI)),
    ("Jepang merekomendasikan Filipina untuk berunding.", ("gpe:JPN", "REQUEST", "gpe:PHL")),
    # ACCUSE: reprimanding, deploring, questioning, investigating by interrogation
    ("Prabowo menegur Polri.", (PRB, "ACCUSE", POLRI)),
    ("Jepang menyayangkan sikap Tiongkok.", ("gpe:JPN", "ACCUSE", "gpe:CHN")),
    ("Polri mempertanyakan langkah KPK.", (POLRI, "ACCUSE", KPK)),
    ("Prabowo meremehkan Jepang.", (PRB, "ACCUSE", "gpe:JPN")),
    ("Budi Santoso diinterogasi oleh Polri.", (POLRI, "ACCUSE", BUDI)),
    # COERCE: indicting, nabbing; SANCTION: dismissing
    ("Budi Santoso didakwa KPK.", (KPK, "COERCE", BUDI)),
    ("Polri membekuk Budi Santoso di Bandung.", (POLRI, "COERCE", BUDI)),
    ("KPK memecat Budi Santoso.", (KPK, "SANCTION", BUDI)),
    ("Budi Santoso dicopot dari jabatannya oleh Polri.", (POLRI, "SANCTION", BUDI)),
    # ASSAULT: storming
    ("Rusia menyerbu Ukraina.", ("gpe:RUS", "ASSAULT", "gpe:UKR")),
])
def test_common_news_words_of_each_type(text: str, expected: tuple) -> None:
    assert expected in _triples(text)


@pytest.mark.parametrize(("text", "absent"), [
    # acknowledging someone as a suspect is no recognition
    ("Polri mengakui Budi Santoso sebagai tersangka.", "SUPPORT"),
    # talking to unnamed reporters is no consultation
    ("Prabowo berbicara dengan wartawan di Jakarta.", "CONSULT"),
])
def test_uses_that_are_no_event(text: str, absent: str) -> None:
    assert absent not in {t for _, t, _ in _triples(text)}


@pytest.mark.parametrize(("text", "expected"), [
    # "terhadap" names the one a nominalised act is done to, whatever its verb's row lists
    ("KPK melakukan penahanan terhadap Budi Santoso.", (KPK, "COERCE", BUDI)),
    ("KPK melakukan pemeriksaan terhadap Budi Santoso.", (KPK, "ACCUSE", BUDI)),
    # "antara X dan Y" names the pair of any undirected act
    ("Pembahasan antara KPK dan Polri berlangsung alot.", (KPK, "CONSULT", POLRI)),
    # a nominal event as the subject of a passive light verb: that verb's agent acts
    ("Serangan terhadap Ukraina dilancarkan Rusia.", ("gpe:RUS", "ASSAULT", "gpe:UKR")),
    ("Penangkapan Budi Santoso dilakukan Polri pada Senin.", (POLRI, "COERCE", BUDI)),
    ("Penahanan terhadap Budi Santoso dilakukan oleh KPK.", (KPK, "COERCE", BUDI)),
])
def test_parties_of_nominal_triggers(text: str, expected: tuple) -> None:
    assert expected in _triples(text)


def test_a_later_verb_after_the_noun_phrase_is_not_its_light_verb() -> None:
    """The noun's phrase ends at the next verb: "diserahkan" there has another subject."""
    triples = _triples("Pemeriksaan Budi Santoso berlangsung lama lalu berkas diserahkan Polri.")
    assert (POLRI, "ACCUSE", BUDI) not in triples
