"""The actors' miss diagnosis (scripts/actor_misses.py, issue 19) on invented text: where a
gold actor warta misses is lost, and the kind its gold name shows."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from actors_helpers import blank_pipeline

from warta.eval import scoring

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("actor_misses",
                                                  ROOT / "scripts" / "actor_misses.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


DIAG = _script()


@pytest.mark.parametrize(("name", "type_", "mention", "kind"), [
    ("RA", "PERSON", "RA", "initials"),
    ("Go-Maju", "ORG", "Go - Maju", "hyphenated"),
    ("Jawa Barat", "GPE", "Provinsi Jawa Barat", "region/country"),
    ("Polres Kota Baru", "ORG", "Polres Kota Baru", "institution head"),
    ("Budi Santoso", "PERSON", "Kepala Dinas Budi Santoso", "titled person"),
    ("Warung Maju", "ORG", "Warung Maju", "org/brand"),
])
def test_the_kind_is_read_from_the_gold_name(name, type_, mention, kind):
    assert DIAG.name_kind(name, type_, mention) == kind


def test_the_test_split_is_refused(capsys):
    assert DIAG.main(["dev", "test"]) == 2
    assert "test split" in capsys.readouterr().err


def _where(text: str, gold_name: str, others: tuple[tuple[str, str], ...]) -> str:
    nlp = blank_pipeline()
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    from spacy.util import filter_spans

    spans = []
    for surface, label in others:
        at = text.index(surface)
        spans.append(doc.char_span(at, at + len(surface), label=label))
    doc.ents = filter_spans([s for s in spans if s is not None])
    raw = list(doc.ents)
    doc = nlp.get_pipe("gazetteer")(doc)
    at = text.index(gold_name)
    gold_raw = {"id": "g1", "name": gold_name, "mention": [at, at + len(gold_name)]}
    gold = scoring.Actor("g1", frozenset({scoring.normalise(gold_name)}), "ORG", None)
    return DIAG.where_lost(doc, raw, gold, gold_raw, lambda i: i, {}, [])


@pytest.mark.parametrize(("text", "gold_name", "shape"), [
    ("Kemarin perhutani menanam pohon di hutan.", "perhutani", "lower-case"),
    ("Kemarin BPSK menolak aduan warga.", "BPSK", "acronym"),
    ("Menurut direktur utama Darsono, aduan ditolak.", "Darsono", "after a title"),
    ("Kemarin Tencora membuka kantor baru.", "Tencora", "one word"),
    ("Kemarin Warga Kampung Baru melapor.", "Warga Kampung Baru", "several words"),
])
def test_a_gold_actor_with_no_span_is_no_entity_of_its_shape(text, gold_name, shape):
    """Issue 19: the NER's misses are told apart by the gold mention's shape."""
    assert _where(text, gold_name, ()) == f"no entity: {shape}"


def test_a_gold_actor_under_a_wider_span_is_another_span():
    where = _where("Toko Maju Jaya Sentosa Baru membuka cabang.", "Maju Jaya",
                   (("Toko Maju Jaya Sentosa Baru", "ORG"),))
    assert where == "other span (ORG, wider)"


def test_a_gold_actor_cut_short_is_a_narrower_span():
    where = _where("Toko Maju Jaya Sentosa Baru membuka cabang.", "Toko Maju Jaya Sentosa Baru",
                   (("Maju Jaya", "ORG"),))
    assert where == "other span (ORG, narrower)"


@pytest.mark.parametrize(("text", "name", "context"), [
    ('"Kami siap," kata Wiryo Darmono kepada wartawan.', "Wiryo Darmono", "after a speech tag"),
    ("Menurut Wiryo Darmono, jalan itu rusak.", "Wiryo Darmono", "after a speech tag"),
    ("Polisi memeriksa saksi Wiryo kemarin.", "Wiryo", "after a person cue"),
    ("Fotografer asal Jerman, Wiryo Darmono tiba.", "Wiryo Darmono", "apposition"),
    ("Ahli itu yakni Sari Dewi dan Wiryo Darmono direkrut.", "Wiryo Darmono", "in a list"),
    ("Wiryo Darmono tiba kemarin.", "Wiryo Darmono", "sentence start"),
    ("Opsi terkuat adalah Wiryo Darmono.", "Wiryo Darmono", "other"),
])
def test_a_missed_mention_is_told_by_the_words_before_it(text, name, context):
    """Issue 19: the missed persons are listed by the form around them (which rule could
    find them)."""
    nlp = blank_pipeline()
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    at = text.index(name)
    assert DIAG.mention_context(doc, (at, at + len(name))) == context
