"""The record contract: built in one place, versioned, validated by the shipped JSON Schema."""

from __future__ import annotations

import copy

import pytest
import spacy

from warta.errors import SchemaError
from warta.nlp import extensions
from warta.record import article_id, to_record, validate
from warta.types import (
    Actor,
    Article,
    Byline,
    Dateline,
    DateMention,
    Event,
    Place,
    Quote,
    Source,
    Tone,
)


@pytest.fixture(scope="module")
def blank():
    extensions.register()
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp


def _article(text: str, *, native_id: str | None = None) -> Article:
    return Article(source=Source(path="x.txt", format="text", native_id=native_id), text=text,
                   title="Judul",
                   published="2025-10-13", byline=Byline(("Rina",), ("ANTARA",)),
                   dateline=Dateline("Jakarta", None), language="id")


def test_empty_stages_give_present_empty_fields(blank):
    text = "Menlu Retno Marsudi tiba di Kairo. Ia bertemu Presiden Mesir."
    record = to_record(blank(text), _article(text))
    validate(record)
    assert record["schema"] == "warta.article/1"
    assert record["entities"] == record["actors"] == record["quotes"] == record["events"] == []
    assert record["dates"] == [] and record["tone"] is None
    assert record["sentences"] == [[0, 34], [35, len(text)]]


def test_filled_record_offsets_point_into_text(blank):
    text = "“Kami siap membantu,” kata Retno di Jakarta, Senin (13/10/2025)."
    doc = blank(text)
    retno = doc.char_span(27, 32, label="PERSON")
    retno._.actor = "person:retno-marsudi"
    doc.ents = [retno]
    doc._.actors = [Actor("person:retno-marsudi", "Retno Marsudi", "PERSON", "IDN",
                          ["foreign minister"], ["Retno"])]
    doc._.quotes = [Quote(doc[1:4], "direct", "person:retno-marsudi", doc[7:8], doc[6:7])]
    doc._.events = [Event("AID", doc[3:4], mode=None, cameo="070", source="person:retno-marsudi")]
    doc._.dates = [DateMention(doc.char_span(45, 63, alignment_mode="expand"), "2025-10-13")]
    doc._.tone = Tone(1.5, 3.0, 1.5, 4.5, 10)
    record = to_record(doc, _article(text))
    validate(record)
    for kind in ("entities", "quotes", "dates"):
        for item in record[kind]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert record["quotes"][0]["speaker_text"] == "Retno"
    assert record["entities"][0]["actor"] == "person:retno-marsudi"
    trigger = record["events"][0]["evidence"][0]
    assert text[trigger[0]:trigger[1]] == "membantu"


def test_id_is_stable_and_content_based():
    # pinned: stored articles are keyed by this id, so it must not change between releases
    assert article_id("A", "teks") == "898b3cc237c5f627"
    assert article_id("A", "teks") != article_id("A", "teks lain")
    assert len(article_id(None, "x")) == 16


@pytest.mark.parametrize(
    ("path", "value"),
    [(("schema",), "warta.article/2"), (("language",), 3), (("quotes",), [{"text": "x"}]),
     (("events",), [{"type": "HUG"}]), (("unknown_field",), 1)],
)
def test_schema_rejects_broken_records(blank, path, value):
    record = to_record(blank("Teks."), _article("Teks."))
    broken = copy.deepcopy(record)
    broken[path[0]] = value
    with pytest.raises(SchemaError, match="E040"):
        validate(broken)


def test_input_id_is_a_reference_not_the_identity(blank):
    # issue 16: one story listed under two dataset ids is one article, not two
    text = "Teks yang sama."
    records = [to_record(blank(text), _article(text, native_id=n)) for n in ("1", "2")]
    assert records[0]["id"] == records[1]["id"] == article_id("Judul", text)
    assert [r["source"]["native_id"] for r in records] == ["1", "2"]


def test_doc_bytes_round_trip_keeps_the_record(blank):
    # issue 16: Doc.to_bytes (what nlp.pipe(n_process=2) sends) failed on warta's extensions
    text = "“Kami siap membantu,” kata Retno di Jakarta, Senin (13/10/2025)."
    doc = blank(text)
    retno = doc.char_span(27, 32, label="PERSON")
    retno._.actor = "person:retno-marsudi"
    doc.ents = [retno]
    doc._.mentions = [doc.char_span(36, 43, label="GPE")]
    doc._.actors = [Actor("person:retno-marsudi", "Retno Marsudi", "PERSON", "IDN",
                          ["foreign minister"], ["Retno"])]
    doc._.quotes = [Quote(doc[1:4], "direct", "person:retno-marsudi", doc[7:8], doc[6:7])]
    jakarta = Place("Jakarta", "IDN", None, -6.2, 106.8, doc.char_span(36, 43))
    doc._.events = [Event("AID", doc[3:4], cameo="070", source="person:retno-marsudi",
                          location=jakarta, evidence=[doc[3:4]])]
    doc._.dates = [DateMention(doc.char_span(45, 63, alignment_mode="expand"), "2025-10-13")]
    doc._.tone = Tone(1.5, 3.0, 1.5, 4.5, 10)
    doc._.article = _article(text, native_id="r-1")
    extensions.mark_stage(doc, "quotes", "1", "ok")
    again = spacy.tokens.Doc(blank.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes[0].content.doc is again
    assert to_record(again) == to_record(doc) == to_record(doc, _article(text, native_id="r-1"))
    extensions.mark_stage(again, "events", "3", "ok")  # still a list stages can add to
    assert [s.name for s in again._.stages] == ["quotes", "events"]


def test_public_record_of_a_bare_doc(blank):
    import warta

    doc = blank("Harga beras naik.")
    doc._.language = "id"
    record = warta.to_record(doc)
    validate(record)
    assert (record["text"], record["language"], record["source"]["path"]) == (
        "Harga beras naik.", "id", None)
