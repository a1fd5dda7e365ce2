"""Plain "pemerintah" and "polisi" name the government and the police the article means
(docs/annotation.md, "The government"), on invented news text."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, with_persons

from warta.resolve.generic_actors import home_country


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def _aliases(doc) -> dict[str, list[str]]:
    return {a.id: a.aliases for a in doc._.actors}


@pytest.mark.parametrize(("text", "actor_id", "alias"), [
    # plain "pemerintah" in domestic news is Indonesia, also "Pemerintah Pusat"
    ("Pemerintah akan menaikkan tarif listrik tahun depan.", "gpe:IDN", "Pemerintah"),
    ("Warga Sukamaju menilai Pemerintah Pusat lamban.", "gpe:IDN", "Pemerintah Pusat"),
    # in news about another country it is that country's government
    ("Banjir melanda Yangon dan Mandalay di Myanmar. Kini pemerintah meminta bantuan.",
     "gpe:MMR", "pemerintah"),
    # plain "polisi" is the national police unless the article names a police body ...
    ("Polisi menangkap dua pelaku pencurian kemarin.", "org:polri", "Polisi"),
    ("Menurut pihak kepolisian, pelaku sudah ditahan.", "org:polri", "pihak kepolisian"),
    # ... and then that body
    ("Polres Sukamaju Raya menggelar razia. Polisi menyita tiga motor.",
     "org:polres-sukamaju-raya", "Polisi"),
])
def test_a_plain_word_names_the_actor_meant(nlp, text, actor_id, alias) -> None:
    doc = with_persons(nlp, text)
    assert alias in _aliases(doc).get(actor_id, [])
    assert any(m.text == alias and m._.actor == actor_id for m in doc._.mentions)


@pytest.mark.parametrize("text", [
    "Pemerintah daerah menutup jalan itu.",  # a regional government
    "pemerintah kabupaten menyiapkan bantuan.",
    "Pemerintah Jepang menolak usulan itu.",  # the country named: its own entity
])
def test_no_national_government_where_another_is_meant(nlp, text) -> None:
    doc = with_persons(nlp, text)
    assert "gpe:IDN" not in _aliases(doc)


def test_no_police_body_in_foreign_news_without_one(nlp) -> None:
    doc = with_persons(nlp, "Ledakan terjadi di Ankara, Turki. Polisi menutup jalan.")
    assert "org:polri" not in _aliases(doc)


@pytest.mark.parametrize(("text", "actor_id", "alias"), [
    # a plain regional government word: the government of the region the article names most
    ("Bus kota di Bandung dikelola oleh pemprov. Warga Jawa Barat menilai layanan di Jawa "
     "Barat buruk.", "org:pemerintah-provinsi-jawa-barat", "pemprov"),
    ("Guru honorer di Dompu mengadu karena pemerintah daerah lamban.",
     "org:pemerintah-kota-dompu", "pemerintah daerah"),
    # ... the body of that level when the article names one
    ("Pemkot Sukamaju Raya menutup pasar. Kemudian Pemkot dan TNI berjaga di Bandung.",
     "org:pemkot-sukamaju-raya", "Pemkot"),
    # plain "polisi" in a foreign story without a police body: that country's police
    ("Ledakan terjadi di Ankara, Turki. Polisi menutup jalan di Ankara.",
     "org:kepolisian-turkey", "Polisi"),
])
def test_a_plain_regional_or_foreign_word_names_the_body_meant(nlp, text, actor_id,
                                                               alias) -> None:
    """Issue 19 (no entity, lower-case bodies): "pemprov", "pemerintah daerah" and plain
    "polisi" abroad named no actor, the gold a regional government and a foreign police."""
    doc = with_persons(nlp, text, others=(("Pemkot Sukamaju Raya", "ORG"),))
    assert alias in _aliases(doc).get(actor_id, [])
    assert any(m.text == alias and m._.actor == actor_id for m in doc._.mentions)


def test_no_regional_government_where_the_article_names_no_region(nlp) -> None:
    doc = with_persons(nlp, "Jalan itu rusak dan pemprov belum memperbaikinya.")
    assert not [m for m in doc._.mentions if m.text == "pemprov" and m._.actor]


@pytest.mark.parametrize(("counts", "home"), [
    ({}, "IDN"), ({"IDN": 2, "MMR": 2}, "IDN"), ({"IDN": 1, "MMR": 3}, "MMR"),
])
def test_home_country(counts, home) -> None:
    assert home_country(counts) == home
