"""Issue 19: speaker phrases whose title runs past a number or whose name follows "menurut" in
an apposition: the phrase must reach the name, or the body in the title takes the quote."""

from __future__ import annotations

from test_quotes import ACTORS, RINA, _find, blank, make  # noqa: F401  (fixtures that build Docs)

from warta.extract.quotes import extract_quotes

WITH_BODIES = {**ACTORS, "KPK": ("ORG", "org:kpk"), "KAI": ("ORG", "org:kai")}


def test_a_numbered_unit_is_part_of_the_title(make) -> None:  # noqa: F811
    text = "“Jalur kereta sudah aman dilalui,” kata Manajer Humas Daop 2 KAI, Rina Mulyani."
    q = _find(extract_quotes(make(text, WITH_BODIES), speaker_model=None), "Jalur kereta")
    assert q.speaker_span.text == "Manajer Humas Daop 2 KAI, Rina Mulyani"
    assert q.speaker == RINA


def test_a_date_after_the_name_stays_out_of_the_phrase(make) -> None:  # noqa: F811
    text = "“Jalur kereta sudah aman dilalui,” kata Rina Mulyani 12 Januari lalu."
    q = _find(extract_quotes(make(text), speaker_model=None), "Jalur kereta")
    assert q.speaker_span.text == "Rina Mulyani"


def test_menurut_title_then_name_then_content(make) -> None:  # noqa: F811
    text = ("Menurut Juru Bicara KPK, Rina Mulyani, banding diajukan karena ada fakta hukum "
            "yang belum dipertimbangkan.")
    quotes = extract_quotes(make(text, WITH_BODIES), speaker_model=None)
    q = _find(quotes, "banding diajukan")
    assert (q.speaker_span.text, q.speaker) == ("Juru Bicara KPK, Rina Mulyani", RINA)
    assert q.content.text.startswith("banding")


def test_menurut_title_then_content_keeps_the_title(make) -> None:  # noqa: F811
    text = "Menurut Juru Bicara KPK, Jakarta menjadi lokasi pemeriksaan para saksi pekan depan."
    quotes = extract_quotes(make(text, {**WITH_BODIES, "Jakarta": ("GPE", "gpe:jakarta")}),
                            speaker_model=None)
    q = _find(quotes, "pemeriksaan")
    assert q.speaker_span.text == "Juru Bicara KPK"


def test_a_quoted_name_after_an_event_noun_is_no_quote(make) -> None:  # noqa: F811
    text = ("Rina Mulyani menuturkan dukungan terhadap kegiatan “Cahaya Untuk Semua” ini "
            "sebagai bentuk kepedulian perusahaan.")
    quotes = extract_quotes(make(text), speaker_model=None)
    assert not any(q.content.text.startswith("Cahaya") for q in quotes)
