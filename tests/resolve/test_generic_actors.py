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


def test_the_regional_government_is_worked_out_once_per_kind(nlp, monkeypatch) -> None:
    """Three plain "pemprov" in one article: the region they mean is looked for once (each
    look-up scans every entity), and each still names it."""
    from warta.resolve import generic_actors

    calls = []
    real = generic_actors._regional_government

    def spy(doc, kinds, actors):
        calls.append(kinds)
        return real(doc, kinds, actors)

    monkeypatch.setattr(generic_actors, "_regional_government", spy)
    doc = with_persons(nlp, "Warga Jawa Barat menunggu pemprov. Kemudian pemprov menjawab, "
                            "tetapi pemprov belum bertindak.")
    assert len(calls) == len(set(calls)) == 1
    assert [m._.actor for m in doc._.mentions if m.text == "pemprov"] \
        == ["org:pemerintah-provinsi-jawa-barat"] * 3


def test_generic_mentions_only_at_cue_words_as_at_every_word(nlp) -> None:
    """The scan that tries only the government, regional and police words (and looks for a
    region once) finds what the scan of every word found, on random sentences of those words
    and others."""
    import random

    from spacy.tokens import Span

    from warta.nlp.lang.id.org_patterns import GOVERNMENT_WORDS, REGIONAL_GOVERNMENT_LEVELS
    from warta.resolve import generic_actors as ga

    def every_word(doc, taken, actors, counts):  # ``generic_mentions`` before, word by word
        home = ga.home_country(counts)
        police = [a for a in actors if a.type == "ORG" and ga._police_body(a)]
        out, lowers = [], ga.token_lowers(doc)
        for i, low in enumerate(lowers):
            if i in taken:
                continue
            if low in GOVERNMENT_WORDS and ga._national(doc, i):
                state = ga.by_kb(home)
                name = state.name if state is not None else home
                end = i + 2 if i + 1 < len(lowers) and lowers[i + 1] == "pusat" else i + 1
                out.append(ga.GenericMention(Span(doc, i, end, label="ROLE"), f"gpe:{home}",
                                             name, "GPE", home, home))
            elif (regional := ga._regional_word(lowers, i)) is not None:
                kinds, end = regional
                if ga._plain(doc, end - 1) and end - 1 not in taken:
                    government = ga._regional_government(doc, kinds, actors)
                    if government is not None:
                        out.append(ga.GenericMention(Span(doc, i, end, label="ROLE"),
                                                     *government))
            elif low in ga.POLICE_WORDS and ga._plain(doc, i):
                found = ga._police_for(police, home)
                if found is not None:
                    start = i - 1 if i > 0 and lowers[i - 1] in ga.POLICE_LEADS else i
                    out.append(ga.GenericMention(Span(doc, start, i + 1, label="ROLE"), *found))
        return out

    def rows(found):
        return [(m.span.start, m.span.end, m.actor_id, m.name, m.type, m.country, m.kb)
                for m in found]

    words = ["pemerintah", "Pemerintah", "pemprov", "pemda", "polisi", "Polisi", "pusat",
             "daerah", "kabupaten", *REGIONAL_GOVERNMENT_LEVELS, "Bandung", "Jawa", "Barat",
             "Dompu", "warga", "menolak", ".", ",", "di", "Polres", "Sukamaju", "pihak"]
    rng = random.Random(5)
    seen = 0
    for _ in range(80):
        doc = with_persons(nlp, " ".join(rng.choice(words) for _ in range(rng.randint(2, 25))))
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        actors = list(doc._.actors or [])
        for counts in ({}, {"MMR": 2}):
            want = rows(every_word(doc, taken, actors, counts))
            assert rows(ga.generic_mentions(doc, taken, actors, counts)) == want
            seen += len(want)
    assert seen > 50  # the sentences do name governments and police
