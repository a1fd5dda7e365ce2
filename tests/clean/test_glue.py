"""unglue: the spaces a scraped page lost at the edges of its links and italics come back, only
where the seam is certain (invented sentences)."""

from __future__ import annotations

import pytest

from warta.clean import clean_article
from warta.clean.glue import unglue
from warta.eval.scoring import offset_map
from warta.types import RawArticle, Source


@pytest.mark.parametrize(("glued", "parted"), [
    ("kata Rina kepadadetikcom, Senin.", "kata Rina kepada detikcom, Senin."),
    ("PantauandetikJatengdi lokasi, air naik.", "Pantauan detikJateng di lokasi, air naik."),
    ("dilansirdetikNewsdariNew York", "dilansir detikNews dari New York"),
    ("DikutipdetikFinanceRabu (5/3)", "Dikutip detikFinance Rabu (5/3)"),
    ("jurnalisdetikBaliselengkapnya.", "jurnalis detikBali selengkapnya."),
    ("Redaksi detikOtomotif menguji mobil itu.", "Redaksi detikOtomotif menguji mobil itu."),
])
def test_detik_section_names_glued_to_words(glued: str, parted: str):
    assert unglue(glued) == parted


@pytest.mark.parametrize("text", [
    "Dalam hitungan detik, detikers bisa membaca sedetik demi sedetik.",
    "Detik-detik terakhir itu menegangkan; detikan jam terdengar.",
])
def test_the_word_detik_stays_whole(text: str):
    assert unglue(text) == text


@pytest.mark.parametrize(("glued", "parted"), [
    ("Hal itu dilansirAFP, Kamis.", "Hal itu dilansir AFP, Kamis."),
    ("Menurut dataBloomberg, harga turun.", "Menurut data Bloomberg, harga turun."),
    ("dikutip dariBBCpada Selasa", "dikutip dari BBC pada Selasa"),
    ("DilansirAntara, pejabat itu hadir.", "Dilansir Antara, pejabat itu hadir."),
])
def test_cited_outlets_glued_to_words(glued: str, parted: str):
    assert unglue(glued) == parted


@pytest.mark.parametrize(("glued", "parted"), [
    ("Pameran digelar diMuseum Kota.", "Pameran digelar di Museum Kota."),
    ("ujar Andi kepadaKompasiana Daerah", "ujar Andi kepada Kompasiana Daerah"),
    ("program itu, kataKapolres Lestari.", "program itu, kata Kapolres Lestari."),
    ("visa emas danGolden Card", "visa emas dan Golden Card"),
    ("pernyataan itu dikutipCNBC.", "pernyataan itu dikutip CNBC."),
])
def test_function_words_glued_to_a_capital(glued: str, parted: str):
    assert unglue(glued) == parted


@pytest.mark.parametrize("text", [
    "Syukur kepadaNya dan doa bagiMu.",  # capital clitics of God
    "Tagar #diRumahAja dan akun @dariKita ramai.",
    "Ratusan buruh diPHK pekan lalu.",  # di + acronym: a verb
    "Ponsel dengan webOS, kartu microSD dan peringkat idAAA.",
])
def test_capitals_inside_words_that_are_no_seam(text: str):
    assert unglue(text) == text


@pytest.mark.parametrize(("glued", "parted"), [
    ("Warga melapor Jumat(17/10) pagi.", "Warga melapor Jumat (17/10) pagi."),
    ("kebijakan work from home(WFH) berlaku", "kebijakan work from home (WFH) berlaku"),
    ("Pasal 32(1) dan f(x) tetap.", "Pasal 32(1) dan f(x) tetap."),
])
def test_bracket_glued_to_the_word_before(glued: str, parted: str):
    assert unglue(glued) == parted


@pytest.mark.parametrize(("glued", "parted"), [
    ('"Kami siap,"ujarnya.', '"Kami siap," ujarnya.'),
    ('Ia menutup rapat."Kami lanjut besok," kata Ani.',
     'Ia menutup rapat. "Kami lanjut besok," kata Ani.'),
    ("Ia menyebut,“Kami siap”katanya.", "Ia menyebut, “Kami siap” katanya."),
])
def test_quote_marks_glued_on_their_outer_side(glued: str, parted: str):
    assert unglue(glued) == parted


@pytest.mark.parametrize("text", [
    '"Kami siap bekerja,"ujarnya. "Besok kami mulai',  # runs on: which side is not certain
    'Layar 6,5" itu "bagus"kata dia.',  # an inch mark: the pairs do not agree
    'Ia bilang “Kami siap,"kata Ani."',  # a straight mark closing a curly one
])
def test_quote_marks_left_alone_when_their_side_is_not_certain(text: str):
    assert unglue(text) == text


def test_legal_connective_glued_on_both_sides():
    assert (unglue("dijerat Pasal 2 ayat (1)junctoPasal 55 KUHP")
            == "dijerat Pasal 2 ayat (1) juncto Pasal 55 KUHP")


def test_clean_article_parts_glued_words_and_the_gold_offsets_still_map():
    raw_text = 'Jakarta - "Banjir sudah surut,"ujar Budi kepadadetikcom, Jumat(17/10).'
    article = clean_article(RawArticle(Source(path="x", format="text"), raw_text))
    assert article.text == '"Banjir sudah surut," ujar Budi kepada detikcom, Jumat (17/10).'
    # the eval maps warta's offsets onto the annotated (raw) text through the shared blocks
    to_raw = offset_map(article.text, raw_text)
    start, end = article.text.index('"'), article.text.index(',"') + 2
    mapped = (to_raw(start), to_raw(end))
    assert None not in mapped
    assert raw_text[mapped[0]:mapped[1]] == '"Banjir sudah surut,"'  # type: ignore[index]
