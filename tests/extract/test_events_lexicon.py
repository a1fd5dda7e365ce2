"""The event lexicon: generated Indonesian morphology, coverage of PLOVER, scores."""

from __future__ import annotations

import pytest

from warta.extract.event_lexicon import inflect, lexicon, plover_types, score

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.mark.parametrize(("base", "pattern", "form"), [
    ("kunjung", "meN-i", "mengunjungi"),
    ("kunjung", "di-i", "dikunjungi"),
    ("kunjung", "ber-", "berkunjung"),
    ("kunjung", "-an", "kunjungan"),
    ("tangkap", "meN-", "menangkap"),
    ("tangkap", "peN-an", "penangkapan"),
    ("serang", "meN-", "menyerang"),
    ("serang", "peN-an", "penyerangan"),
    ("pukul", "meN-", "memukul"),
    ("bantu", "meN-", "membantu"),
    ("dukung", "meN-", "mendukung"),
    ("cari", "meN-", "mencari"),
    ("jatuh", "meN-kan", "menjatuhkan"),
    ("jatuh", "di-i", "dijatuhi"),
    ("ancam", "meN-", "mengancam"),
    ("gugat", "meN-", "menggugat"),
    ("hancur", "meN-kan", "menghancurkan"),
    ("kritik", "meN-", "mengkritik"),  # consonant cluster keeps its k
    ("protes", "meN-", "memprotes"),  # ... and its p
    ("larang", "meN-", "melarang"),
    ("bom", "meN-", "mengebom"),  # one syllable: menge-
    ("ingat", "memper-kan", "memperingatkan"),
    ("temu", "per-an", "pertemuan"),
    ("rusuh", "ke-an", "kerusuhan"),
    ("runding", "ber-", "berunding"),
    ("selidik", "peN-an", "penyelidikan"),
])
def test_inflect(base: str, pattern: str, form: str) -> None:
    assert inflect(base, pattern) == form


@pytest.mark.parametrize(("words", "type_", "voice"), [
    (("mengunjungi",), "CONSULT", "active"),
    (("dikunjungi",), "CONSULT", "passive"),
    (("berkunjung",), "CONSULT", "intrans"),
    (("kunjungan",), "CONSULT", "nominal"),
    (("bertatap", "muka"), "CONSULT", "intrans"),
    (("menjatuhkan", "sanksi"), "SANCTION", "active"),
    (("dijatuhi", "hukuman"), "SANCTION", "passive"),
    (("berunjuk", "rasa"), "PROTEST", "intrans"),
    (("mencari", "dukungan"), "REQUEST", "active"),
    (("memperingatkan",), "THREATEN", "active"),
    (("divonis",), "SANCTION", "passive"),
    (("penangkapan",), "COERCE", "nominal"),
    (("invasi",), "ASSAULT", "nominal"),
    (("menahan", "diri"), "NONE", "active"),  # an idiom blocks "menahan" (arrest)
])
def test_surface_forms(words: tuple[str, ...], type_: str, voice: str) -> None:
    form = lexicon()[words]
    assert (form.entry.type, form.voice) == (type_, voice)


def test_every_plover_type_has_triggers_and_scores() -> None:
    types = {f.entry.type for f in lexicon().values()} - {"NONE"}
    assert types == PLOVER
    assert plover_types() == PLOVER


def test_every_lexicon_type_mode_has_a_score() -> None:
    missing = {(f.entry.type, f.entry.mode) for f in lexicon().values()
               if f.entry.type != "NONE" and score(f.entry.type, f.entry.mode) is None}
    assert missing == set()


@pytest.mark.parametrize(("type_", "mode", "quad"), [
    ("CONSULT", "visit", 1), ("AID", None, 2), ("ACCUSE", "disapprove", 3),
    ("ASSAULT", "heavy-weapons", 4), ("REQUEST", "change", 3), ("ASSAULT", "no-such-mode", 4),
])
def test_quad_class(type_: str, mode: str | None, quad: int) -> None:
    assert score(type_, mode).quad_class == quad


def test_a_demand_is_verbal_conflict_and_an_appeal_cooperation() -> None:
    assert (score("REQUEST", None, "100").quad_class, score("REQUEST", None, "020").quad_class) \
        == (3, 1)


@pytest.mark.parametrize(("cameo", "quad"), [
    ("010", 1), ("025", 1), ("0251", 1), ("057", 1), ("061", 2), ("0831", 2), ("090", 3),
    ("1056", 3), ("116", 3), ("138", 3), ("141", 4), ("1711", 4), ("20", 4), (None, None),
    ("", None),
])
def test_quad_class_is_the_cameo_roots(cameo: str | None, quad: int | None) -> None:
    """GDELT's QuadClass by CAMEO root (issue 16, item 12): an appeal to yield (025) is verbal
    cooperation, though its PLOVER row REQUEST/yield is a demand's (1056, verbal conflict)."""
    from warta.plover import quad_class

    assert quad_class(cameo) == quad
    if cameo:
        assert score("REQUEST", "yield", cameo).quad_class == quad


def test_score_rows_agree_with_their_cameo_roots() -> None:
    """scores.tsv's QuadClass (for events without a code) is the class of the roots its lexicon
    rows carry: PROTEST is CAMEO 14 (material conflict), investigations 09 and verdicts 116
    verbal conflict."""
    from warta.extract.event_lexicon import scores
    from warta.plover import quad_class

    disagree = set()
    for form in lexicon().values():
        entry = form.entry
        if entry.type == "NONE" or not entry.cameo:
            continue
        row = scores().get((entry.type, entry.mode)) or scores()[(entry.type, None)]
        if entry.type == "REQUEST" and entry.mode is None:
            continue  # the default row is an appeal (02); mode-less demands (10) score apart
        if row.quad_class != quad_class(entry.cameo):
            disagree.add((entry.type, entry.mode, entry.cameo))
    assert disagree == set()
    for form in lexicon().values():  # and every coded trigger's score is its root's class
        entry = form.entry
        if entry.type != "NONE" and entry.cameo:
            assert score(entry.type, entry.mode, entry.cameo).quad_class \
                == quad_class(entry.cameo)
