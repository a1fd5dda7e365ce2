"""The actors stage on hand-built Docs: metonymy, roles and titles, coreference, user file."""

from __future__ import annotations

from pathlib import Path

import pytest
from actors_helpers import actor, blank_pipeline, ent_actor, mention_actor, with_persons

from warta.errors import ConfigError
from warta.resolve.actors import is_location_use, resolve_speaker
from warta.resolve.user_actors import load_user_actors

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"

# Invented news text (written for these tests).
DIPLOMASI = (
    "Presiden Rusia Vladimir Putin melakukan perjalanan ke Beijing pada Selasa. "
    "Putin bertemu Xi Jinping dan memuji kerja sama kedua negara. "
    "Washington memperingatkan Beijing agar tidak memasok senjata ke Rusia. "
    "Kremlin mengatakan pertemuan itu produktif, sementara dukungan Moskow tetap kuat. "
    "Menteri Luar Negeri AS Antony Blinken mengkritik Tiongkok. "
    "“Kami memantau dengan cermat,” kata Blinken kepada Reuters."
)
PERSONS = ("Vladimir Putin", "Putin", "Xi Jinping", "Antony Blinken", "Blinken")


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


@pytest.fixture(scope="module")
def diplomasi(nlp):
    return with_persons(nlp, DIPLOMASI, PERSONS)


def test_one_actor_per_referent(diplomasi) -> None:
    ids = [a.id for a in diplomasi._.actors]
    assert len(ids) == len(set(ids))
    assert {"person:vladimir-putin", "person:xi-jinping", "person:antony-blinken", "gpe:RUS",
            "gpe:CHN", "gpe:USA", "org:kremlin"} <= set(ids)


def test_person_roles_and_countries(diplomasi) -> None:
    putin = actor(diplomasi, "person:vladimir-putin")
    assert (putin.country, putin.roles) == ("RUS", ["president"])
    assert set(putin.aliases) == {"Vladimir Putin", "Putin"}
    blinken = actor(diplomasi, "person:antony-blinken")
    assert (blinken.country, blinken.roles) == ("USA", ["foreign minister"])
    assert actor(diplomasi, "person:xi-jinping").country == "CHN"  # people knowledge base


def test_metonymy_agent_vs_location(diplomasi) -> None:
    assert ent_actor(diplomasi, "Beijing", 0) is None  # "perjalanan ke Beijing": a place
    beijing = next(e for e in diplomasi.ents if e.text == "Beijing")
    assert beijing.label_ == "GPE"
    assert ent_actor(diplomasi, "Beijing", 1) == "gpe:CHN"  # "memperingatkan Beijing"
    assert ent_actor(diplomasi, "Washington") == "gpe:USA"
    assert ent_actor(diplomasi, "Moskow") == "gpe:RUS"  # "dukungan Moskow"
    assert ent_actor(diplomasi, "Kremlin") == "org:kremlin"
    assert actor(diplomasi, "org:kremlin").country == "RUS"
    assert "Washington" in actor(diplomasi, "gpe:USA").aliases


def test_every_entity_of_an_actor_points_to_it(diplomasi) -> None:
    named = [ent for ent in diplomasi.ents if ent.label_ in {"PERSON", "ORG"}]
    assert named  # otherwise the loop below would prove nothing
    known = {actor.id for actor in diplomasi._.actors}
    for ent in named:
        assert ent._.actor in known, ent.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegasi tiba di Beijing kemarin.", True),
        ("Pesawat terbang dari Beijing ke Seoul.", True),
        ("Ia menerima dukungan dari Beijing.", False),
        ("Beijing menolak tuduhan itu.", False),
        ("Rapat di Moskow dan Beijing berlangsung lancar.", True),
        ("Rapat di Seoul, Moskow, dan Beijing berlangsung lancar.", True),
        ("Wali Kota Beijing menyambut tamu.", True),
        ("Pemerintah menilai Gubernur Beijing lalai.", True),
    ],
)
def test_is_location_use(nlp, text: str, expected: bool) -> None:
    doc = with_persons(nlp, text)
    beijing = [e for e in doc.ents if e.text == "Beijing"][-1]
    located = {e.end - 1 for e in doc.ents if e.text in {"Moskow", "Seoul"}}
    assert is_location_use(beijing, located=located) is expected


def test_titles_ranks_and_domestic_default(nlp) -> None:
    text = ("Kapolri Jenderal Listyo Sigit Prabowo dan Mendagri Muhammad Tito Karnavian meninjau "
            "Polda Metro Jaya. Tito meminta warga tenang.")
    doc = with_persons(nlp, text, ("Listyo Sigit Prabowo", "Muhammad Tito Karnavian", "Tito"))
    kapolri = actor(doc, "person:listyo-sigit-prabowo")
    assert (kapolri.country, kapolri.roles) == ("IDN", ["national police chief", "general"])
    tito = actor(doc, "person:muhammad-tito-karnavian")
    assert tito.roles == ["home affairs minister"]
    assert ent_actor(doc, "Tito") == "person:muhammad-tito-karnavian"


def test_honorifics_are_not_names(nlp) -> None:
    text = "Bapak Hendra Wijaya hadir. Kemudian Pak Hendra berpidato."
    doc = with_persons(nlp, text, ("Bapak Hendra Wijaya", "Pak Hendra"))
    people = [a for a in doc._.actors if a.type == "PERSON"]
    assert [(a.id, a.name) for a in people] == [("person:hendra-wijaya", "Hendra Wijaya")]


def test_appositive_title(nlp) -> None:
    doc = with_persons(nlp, "Dewi Lestari, Menteri Kesehatan, meresmikan rumah sakit itu.",
                       ("Dewi Lestari",))
    assert actor(doc, "person:dewi-lestari").roles == ["health minister"]


def test_role_only_mentions_resolve_to_holder(nlp) -> None:
    text = ("Menlu Retno Marsudi bertemu Menlu Jepang Yoko Kamikawa. Menlu Jepang memuji "
            "Indonesia. Sang menteri kemudian pulang. Kapolri tidak hadir.")
    doc = with_persons(nlp, text, ("Retno Marsudi", "Yoko Kamikawa"))
    assert mention_actor(doc, "Menlu Jepang") == "person:yoko-kamikawa"
    assert mention_actor(doc, "menteri") == "person:yoko-kamikawa"  # most recent holder
    assert mention_actor(doc, "Kapolri") is None  # no police chief named: never guess
    assert {m.label_ for m in doc._.mentions} == {"ROLE"}


def test_pronouns_and_clitic(nlp) -> None:
    text = ("Gubernur Ridwan Hakim meninjau banjir di Bekasi. Ia meminta warga mengungsi. "
            "“Saya sudah bicara dengan Presiden Susanto,” ujarnya.")
    doc = with_persons(nlp, text, ("Ridwan Hakim", "Susanto"))
    assert mention_actor(doc, "Ia") == "person:ridwan-hakim"
    nya = [m for m in doc._.mentions if m.label_ == "PRON" and m.text.endswith("nya")]
    assert nya and nya[0]._.actor == "person:ridwan-hakim"  # a name inside the quote is skipped


def test_resolve_speaker(diplomasi) -> None:
    doc = diplomasi
    blinken = next(e for e in doc.ents if e.text == "Blinken")
    assert resolve_speaker(doc, blinken) == "person:antony-blinken"
    kremlin = next(e for e in doc.ents if e.text == "Kremlin")
    assert resolve_speaker(doc, kremlin) == "org:kremlin"
    washington = next(e for e in doc.ents if e.text == "Washington")
    assert resolve_speaker(doc, doc[washington.start : washington.end + 1]) == "gpe:USA"


def test_resolve_speaker_pronoun_span(nlp) -> None:
    text = "Budi Gunawan tiba di Surabaya. “Kami siap,” kata dia."
    doc = with_persons(nlp, text, ("Budi Gunawan",))
    dia = next(t for t in doc if t.text == "dia")
    assert resolve_speaker(doc, doc[dia.i : dia.i + 1]) == "person:budi-gunawan"


def test_acronym_in_brackets_is_the_same_org(nlp) -> None:
    text = "Badan Pangan Nasional (Bapanas) mengumumkan harga. Bapanas juga menambah stok."
    doc = with_persons(nlp, text)
    ids = {e._.actor for e in doc.ents if e.label_ == "ORG"}
    assert len(ids) == 1


def test_user_file_wins() -> None:
    nlp = blank_pipeline(str(DATA / "actors.toml"))
    text = "Jokowi bertemu Mas Bimo di Solo. KPU menetapkan jadwal."
    doc = with_persons(nlp, text, ("Jokowi",))
    jokowi = actor(doc, "person:joko-widodo")
    assert (jokowi.name, jokowi.country) == ("Joko Widodo", "IDN")
    assert jokowi.kb == "user:person:joko-widodo"
    assert jokowi.roles[0] == "former president"
    assert ent_actor(doc, "Mas Bimo") == "person:bimo-laksono"  # alias the NER never saw
    kpu = actor(doc, "org:kpu")
    assert kpu.name == "Komisi Pemilihan Umum RI"


def test_bad_user_file_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="E024"):
        load_user_actors(str(DATA / "bad_actors.toml"))
    with pytest.raises(ConfigError, match="E024"):
        load_user_actors(str(DATA / "missing.toml"))


@pytest.mark.parametrize(("toml", "reason"), [
    ('[[actor]]\nname = "Joko Widodo"\naliases = "Jokowi"\n',
     "actor 'Joko Widodo': aliases must be a list of strings, not 'Jokowi'"),
    ('[[actor]]\nname = "Joko Widodo"\nroles = "presiden"\n',
     "actor 'Joko Widodo': roles must be a list of strings, not 'presiden'"),
    ('[[actor]]\nname = "Joko Widodo"\nalias = ["Jokowi"]\n',
     "actor 'Joko Widodo': unknown key(s) ['alias']"),
    ('[[aktor]]\nname = "Joko Widodo"\n', "unknown key(s) ['aktor']; an actors file holds"),
], ids=["aliases-string", "roles-string", "misspelt-key", "misspelt-table"])
def test_user_file_mistakes_are_refused(tmp_path, toml: str, reason: str) -> None:
    """A bare string once became one alias per letter; a misspelt key was silently ignored."""
    path = tmp_path / "aktor.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match="E024") as err:
        load_user_actors(str(path))
    assert reason in str(err.value)


def test_skips_other_languages(nlp) -> None:
    doc = nlp.make_doc("Washington warned Beijing.")
    doc._.language = "en"
    doc = nlp.get_pipe("actors")(doc)
    assert doc._.actors is None
    assert doc._.stages[-1].status == "skipped"


def test_title_before_comma_and_office_spans(nlp) -> None:
    text = ("Kepala Bappenas, Paskah Wiratama dijadwalkan bertemu pejabat Bank Dunia. "
            "Ia hadir sebagai Alternate Governor Bank Dunia.")
    doc = with_persons(nlp, text, ("Alternate Governor Bank Dunia",))
    paskah = actor(doc, "person:paskah-wiratama")
    assert (paskah.roles, paskah.country) == (["head, Bappenas"], "IDN")
    assert [a.id for a in doc._.actors if a.type == "PERSON"] == ["person:paskah-wiratama"]
    assert mention_actor(doc, "Ia") == "person:paskah-wiratama"


@pytest.mark.parametrize(
    ("text", "person", "roles_"),
    [
        ("Bupati Sukamaju Ahmad Rifai ditahan.", "Ahmad Rifai", ["regent"]),
        ("Bupati Ahmad Rifai ditahan.", "Ahmad Rifai", ["regent"]),
        ("Kapolda Metro Jaya Irjen Karyoto memimpin apel.", "Karyoto",
         ["regional police chief", "police inspector general"]),
    ],
)
def test_regional_titles(nlp, text: str, person: str, roles_: list[str]) -> None:
    doc = with_persons(nlp, text)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == [person]
    people = [a for a in doc._.actors if a.type == "PERSON"]
    assert [(a.name, a.roles, a.country) for a in people] == [(person, roles_, "IDN")]


@pytest.mark.parametrize(
    ("text", "person", "roles_"),
    [
        ("Dirjen Pajak Bimo Wijayanto menjelaskan aturan baru.", "Bimo Wijayanto",
         ["director general, Pajak"]),
        ("Wakil Menteri Keuangan Suahasil Nazara hadir.", "Suahasil Nazara",
         ["deputy finance minister"]),
    ],
)
def test_unit_titles_and_deputies(nlp, text: str, person: str, roles_: list[str]) -> None:
    doc = with_persons(nlp, text)
    people = [a for a in doc._.actors if a.type == "PERSON"]
    assert [(a.name, a.roles) for a in people] == [(person, roles_)]


def test_no_role_mention_inside_an_organisation_name(nlp) -> None:
    doc = with_persons(nlp, "Kantor Staf Presiden (KSP) menggelar rapat. Presiden tidak hadir.")
    assert [m.text for m in doc._.mentions if m.label_ == "ROLE"] == ["Presiden"]


def test_person_span_ends_where_a_body_begins(nlp) -> None:
    doc = with_persons(nlp, "Kata Fathurrahman Pemprov NTB kemarin.",
                       persons=("Fathurrahman Pemprov NTB",))
    assert [(e.text, e.label_) for e in doc.ents] == [("Fathurrahman", "PERSON"),
                                                      ("Pemprov NTB", "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        "Hal itu disampaikan di Kantor DJP, Jakarta, Senin (20/10/2025).",
        "Ia berbicara di Gedung Nusantara, Jakarta kemarin.",
    ],
)
def test_venue_addresses_are_locations(nlp, text: str) -> None:
    doc = with_persons(nlp, text)
    jakarta = next(e for e in doc.ents if e.text == "Jakarta")
    assert jakarta.label_ == "GPE" and jakarta._.actor is None


def test_gazetteer_acronym_keeps_its_actor(nlp) -> None:
    text = "Dewan Komisioner Otoritas Jasa Keuangan (OJK) menggelar rapat. OJK lalu mengumumkan."
    doc = with_persons(nlp, text, others=(("Dewan Komisioner Otoritas Jasa Keuangan", "ORG"),))
    assert ent_actor(doc, "OJK", 1) == "org:ojk"


def test_split_clitic_is_a_pronoun_mention(nlp) -> None:
    from spacy.tokens import Doc, Span

    words = ["Rina", "Wulandari", "tiba", ".", "“", "Kami", "siap", ",", "”", "ujar", "nya", "."]
    spaces = [True, True, False, True, False, True, False, False, True, False, False, False]
    doc = nlp.get_pipe("sentencizer")(Doc(nlp.vocab, words=words, spaces=spaces))
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    doc = nlp.get_pipe("actors")(nlp.get_pipe("gazetteer")(doc))
    nya = doc[10:11]
    assert [(m.text, m.label_) for m in doc._.mentions] == [("nya", "PRON")]
    assert resolve_speaker(doc, nya) == "person:rina-wulandari"


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        ("Kemarin diplomat Rusia Sergei Ivanov tiba.", "Sergei Ivanov", "RUS"),
        ("Polisi menahan warga negara Australia John Smith.", "John Smith", "AUS"),
        ("Kemarin Australia John Smith menang.", "John Smith", None),
    ],
)
def test_stated_nationality(nlp, text: str, person: str, country: str | None) -> None:
    doc = with_persons(nlp, text, (person,))
    assert actor(doc, f"person:{person.lower().replace(' ', '-')}").country == country


def test_title_qualified_by_a_recognised_organisation(nlp) -> None:
    text = "Ketua Dewan Ekonomi Nasional Luhut Pandjaitan membantah kabar itu."
    doc = with_persons(nlp, text, ("Luhut Pandjaitan",),
                       others=(("Dewan Ekonomi Nasional", "ORG"),))
    people = [a for a in doc._.actors if a.type == "PERSON"]
    assert [(a.id, a.roles) for a in people] == [
        ("person:luhut-binsar-pandjaitan", ["chairman, Dewan Ekonomi Nasional"])]


def test_sentence_opener_is_not_part_of_a_name(nlp) -> None:
    doc = with_persons(nlp, "Kemudian Musim Mas Group menolak.",
                       others=(("Kemudian Musim Mas Group", "ORG"),))
    assert [e.text for e in doc.ents] == ["Musim Mas Group"]


@pytest.mark.parametrize(
    ("text", "org", "country"),
    [
        ("Kementerian Investasi menerbitkan izin.", "org:kementerian-investasi", "IDN"),
        ("Kementerian Luar Negeri Rusia membantah.", "org:kementerian-luar-negeri-rusia", "RUS"),
        ("Musim Mas Group menolak.", "org:musim-mas-group", None),
    ],
)
def test_organisation_country(nlp, text: str, org: str, country: str | None) -> None:
    doc = with_persons(nlp, text)
    assert actor(doc, org).country == country


@pytest.mark.parametrize(
    ("text", "person", "roles_"),
    [
        ("Menteri Perumahan Rakyat Maruarar Sirait meninjau rusun.", "Maruarar Sirait",
         ["minister, Perumahan Rakyat"]),
        ("Direktur Pemasaran Budi Hartono menjelaskan.", "Budi Hartono",
         ["director, Pemasaran"]),
    ],
)
def test_portfolio_words_continue_the_title(nlp, text: str, person: str, roles_) -> None:
    doc = with_persons(nlp, text)
    people = [a for a in doc._.actors if a.type == "PERSON"]
    assert [(a.name, a.roles) for a in people] == [(person, roles_)]


def test_degrees_are_not_part_of_the_name(nlp) -> None:
    doc = with_persons(nlp, "Menurut Dr. Sari Dewi, M.Si., harga naik.", ("Dr. Sari Dewi, M.Si.",))
    people = [a for a in doc._.actors if a.type == "PERSON"]
    assert [(a.id, a.name) for a in people] == [("person:sari-dewi", "Sari Dewi")]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Affifuddin", "Afifuddin"), ("Muhammad", "Muhamad"), ("Soeharto", "Suharto"),
     ("Djoko", "Joko"), ("Sjahrir", "Syahrir"), ("ABDULLAH", "Abdulah")],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    from warta.resolve.coref import spelling_key

    assert spelling_key(a) == spelling_key(b)


def test_spelling_key_keeps_different_names_apart() -> None:
    from warta.resolve.coref import spelling_key

    assert spelling_key("Joko") != spelling_key("Yoko")  # modern j is not old j
    assert spelling_key("Ani") != spelling_key("Anis")


def test_reporter_spelling_variants_are_one_person(nlp) -> None:
    # invented text: one official whose name the copy spells three ways
    text = ("Ketua KPU Affifuddin membatalkan keputusan itu. Afifuddin mengatakan keputusan "
            "diteken pada Agustus. Keputusan itu ditulis Affifudin sendiri. Budi Santoso hadir.")
    doc = with_persons(nlp, text, ("Affifuddin", "Afifuddin", "Affifudin", "Budi Santoso"))
    ids = {ent_actor(doc, n) for n in ("Affifuddin", "Afifuddin", "Affifudin")}
    assert ids == {"person:affifuddin"}
    assert set(actor(doc, "person:affifuddin").aliases) == {"Affifuddin", "Afifuddin",
                                                             "Affifudin"}
    assert ent_actor(doc, "Budi Santoso") == "person:budi-santoso"


def test_a_first_name_is_its_owner_not_anothers_last_name(nlp) -> None:
    # invented text: "Prabowo" opens one name and closes another mentioned after it
    text = ("Presiden Prabowo Subianto memuji polisi. Kapolri Listyo Sigit Prabowo hadir. "
            "Prabowo meminta aparat bekerja keras. Listyo mengangguk. Putra Nababan menulis. "
            "Nababan tersenyum.")
    doc = with_persons(nlp, text, ("Prabowo Subianto", "Listyo Sigit Prabowo", "Prabowo",
                                   "Listyo", "Putra Nababan", "Nababan"))
    assert ent_actor(doc, "Prabowo") == "person:prabowo-subianto"
    assert ent_actor(doc, "Listyo") == "person:listyo-sigit-prabowo"
    assert ent_actor(doc, "Nababan") == "person:putra-nababan"  # one match: last names still do


def test_company_short_names_are_the_company(nlp) -> None:
    # invented text: the model tags the short name a person; the legal form names the company
    text = ("Saham Encore Energy Pte. Ltd naik. Encore Energy menyatakan rugi. Encore berharap "
            "pulih. Bank Mandiri dan Bank Rakyat Tbk hadir.")
    doc = with_persons(nlp, text, ("Encore Energy",),
                       others=(("Encore Energy Pte. Ltd", "ORG"), ("Encore", "ORG")))
    ids = {ent_actor(doc, n) for n in ("Encore Energy Pte. Ltd", "Encore Energy", "Encore")}
    assert ids == {"org:encore-energy-pte-ltd"}
    assert [e.label_ for e in doc.ents if e.text == "Encore Energy"] == ["ORG"]


def test_title_reaches_a_name_across_the_office_region(nlp) -> None:
    """'Kadis PUPR Sumut Topan Ginting': the region between the title and the name is the
    office's, so the person still holds the title (invented sentence)."""
    doc = with_persons(nlp, "Kadis PUPR Sumut Topan Ginting ditangkap.", ("Topan Ginting",))
    person = actor(doc, "person:topan-ginting")
    assert person.roles == ["agency head"] and person.country == "IDN"


@pytest.mark.parametrize("text", ["“Kita akan tingkatkan,” papar Menhub", "kata Kapolri Jenderal",
                                  "ujar Bupati", "Direktur PT", "Ketua Komisi III"])
def test_a_title_closing_the_text_is_no_crash(nlp, text: str) -> None:
    """A title as the last token once read past the end of the Doc (IndexError)."""
    doc = with_persons(nlp, text)
    assert doc.text == text and all(m.end <= len(doc) for m in doc._.mentions)


@pytest.mark.parametrize(("text", "person", "roles_"), [
    ("Menteri PU Basuki Hadimuljono meninjau jalan.", "Basuki Hadimuljono",
     ["public works minister"]),
    ("Menteri PUPR Basuki Hadimuljono meninjau bendungan.", "Basuki Hadimuljono",
     ["public works and housing minister"]),
    ("Menkominfo Rudiantara mengatakan hal itu.", "Rudiantara",
     ["communication and informatics minister"]),
    ("Wakil Menteri Ketenagakerjaan Immanuel Ebenezer ditangkap.", "Immanuel Ebenezer",
     ["deputy manpower minister"]),
    ("Kapolres Tasikmalaya Kota AKBP Moch Faruk Rozi menjelaskan.", "Moch Faruk Rozi",
     ["district police chief", "police adjunct senior commissioner"]),
    ("Jaksa Penuntut Umum Edwin Firdaus membacakan dakwaan.", "Edwin Firdaus",
     ["public prosecutor"]),
    ("Kajari Medan Fajar Syah Putra menjelaskan.", "Fajar Syah Putra",
     ["district prosecutor chief"]),
    ("Menteri LH Hanif Faisol menanam pohon.", "Hanif Faisol", ["environment minister"]),
    ("Menteri HAM Natalius Pigai berkunjung.", "Natalius Pigai", ["human rights minister"]),
    ("Menteri PPPA Arifah Fauzi hadir.", "Arifah Fauzi",
     ["women's empowerment and child protection minister"]),
    ("Menpora Dito Ariotedjo membuka acara.", "Dito Ariotedjo", ["youth and sports minister"]),
])
def test_portfolio_ministers(nlp, text: str, person: str, roles_: list[str]) -> None:
    doc = with_persons(nlp, text, (person,))
    assert actor(doc, ent_actor(doc, person)).roles == roles_


@pytest.mark.parametrize("text", ["Menteri LH menanam pohon.", "Menteri HAM berkunjung."])
def test_a_portfolios_short_form_is_no_person(nlp, text: str) -> None:
    """'Menteri LH' (Lingkungan Hidup) is a title; the model once took 'LH' for a name."""
    doc = with_persons(nlp, text, (text.split()[1],))
    assert [a.id for a in doc._.actors if a.type == "PERSON"] == []


@pytest.mark.parametrize("text", [
    "Aturan itu ada di Peraturan Menteri Koordinator Bidang Perekonomian Nomor 16 Tahun 2025.",
    "Menteri Koordinator (Menko) Bidang Infrastruktur dan Pembangunan Kewilayahan Budi Santoso "
    "meninjau jalan.",
])
def test_a_title_chain_makes_no_person_of_its_field_or_number(nlp, text: str) -> None:
    """A regulation's number or a coordinating ministry's field is not a holder's name."""
    doc = with_persons(nlp, text, ("Budi Santoso",))
    people = [(a.id, a.roles) for a in doc._.actors if a.type == "PERSON"]
    assert people == ([("person:budi-santoso", [
        "coordinating minister, Bidang Infrastruktur dan Pembangunan Kewilayahan"])]
        if "Budi" in text else [])


def test_resolve_speaker_forgives_a_typo_in_a_long_name(nlp) -> None:
    text = ("Russell Westbrook dan Kevin Durant bertanding. “Semua orang membantu,” kata "
            "Wesbrook seperti dikutip ESPN. “Bagus,” kata Durand.")
    doc = with_persons(nlp, text, ("Russell Westbrook", "Kevin Durant"))
    typo = next(t for t in doc if t.text == "Wesbrook")
    assert resolve_speaker(doc, doc[typo.i : typo.i + 2]) == "person:russell-westbrook"
    short = next(t for t in doc if t.text == "Durand")  # one letter off in six: too close
    # (gazetteer v9 makes the tagged "Durand" a person of its own: never Kevin Durant)
    assert resolve_speaker(doc, doc[short.i : short.i + 1]) == "person:durand"


def test_coach_is_a_title_and_refers_back(nlp) -> None:
    text = ("Pelatih Indonesia Indra Sjafri memuji pemainnya. “Kami banyak peluang,” tambah "
            "pelatih asal Sumatera Barat itu.")
    doc = with_persons(nlp, text, ("Indra Sjafri",))
    assert actor(doc, "person:indra-sjafri").roles == ["coach"]
    later = next(t for t in doc if t.text == "pelatih")
    assert resolve_speaker(doc, doc[later.i : later.i + 1]) == "person:indra-sjafri"


def test_bracketed_initials_are_the_person_also_where_tagged_org(nlp) -> None:
    """'Agus Harimurti Yudhoyono (AHY)': later 'AHY' mentions, some of which the model tagged
    ORG, are that person (invented sentences)."""
    text = ("Menteri Agus Harimurti Yudhoyono (AHY) meninjau proyek. AHY mengaku puas. "
            "Namun, kata AHY, proyek itu belum selesai.")
    doc = with_persons(nlp, text, ("Agus Harimurti Yudhoyono",), others=(("AHY", "ORG"),))
    owner = "person:agus-harimurti-yudhoyono"
    assert [(e.label_, e._.actor) for e in doc.ents if e.text == "AHY"] == [("PERSON", owner)] * 3
    assert [a.id for a in doc._.actors] == [owner]
    assert "AHY" in actor(doc, owner).aliases


def test_bracketed_capitals_that_are_not_the_initials_stay_apart(nlp) -> None:
    text = "Ketua Umum Budi Santoso (PDI) hadir. PDI menolak usulan itu."
    doc = with_persons(nlp, text, ("Budi Santoso",), others=(("PDI", "ORG"),))
    assert ent_actor(doc, "PDI", 1) != ent_actor(doc, "Budi Santoso")


@pytest.mark.parametrize(("text", "acting"), [
    ("Sukabumi menolak usulan itu, kata warga.", True),  # a city acting stands for its government
    ("Bantuan dikirim ke Sukabumi kemarin.", False),  # a place things go to
    ("Warga di Sukabumi dan Cianjur mengungsi.", False),
])
def test_a_region_acting_is_proposed_as_an_actor(nlp, text: str, acting: bool) -> None:
    # the rules propose it (the shipped decision model then keeps it or not)
    doc = with_persons(nlp, text)
    assert any(a.type == "GPE" and a.name == "Sukabumi" for a in doc._.actors) is acting


@pytest.mark.parametrize(("text", "acting"), [
    ("Istana membantah kabar itu kemarin.", True),
    ("Presiden menerima tamu di Istana Negara kemarin.", False),  # where, not who
])
def test_a_seat_building_after_a_locative_is_a_place(nlp, text: str, acting: bool) -> None:
    doc = with_persons(nlp, text)
    assert ("org:istana" in {a.id for a in doc._.actors}) is acting


def test_resolve_speaker_reads_the_entities_its_caller_read_once(diplomasi) -> None:
    # issue 20: the quotes stage read doc.ents (a new tuple of new Spans) for every quote; it
    # now reads them once and hands them over: the same answers as reading them itself
    doc = diplomasi
    ents = tuple(doc.ents)
    spans = [*ents, *(doc[e.start : e.end + 1] for e in ents if e.end < len(doc))]
    assert [resolve_speaker(doc, s, ents=ents) for s in spans] == [
        resolve_speaker(doc, s) for s in spans]
    assert any(resolve_speaker(doc, s, ents=ents) for s in spans)


def test_the_rules_and_the_context_read_the_entities_they_are_given(nlp) -> None:
    """The stage reads ``doc.ents`` once (issue 20, fourth round: every read builds a new Span
    per entity) and hands them to ``propose`` and ``context``: given them, they find what they
    find reading the Doc, and what they are given is what they work on."""
    from warta.resolve import actor_model
    from warta.resolve.actors import propose

    doc = with_persons(nlp, DIPLOMASI, PERSONS)
    ents = doc.ents
    sent_of = actor_model.sentence_index(doc)
    read, given = propose(doc), propose(doc, ents=ents)
    assert given.ent_actor == read.ent_actor and given.ents == read.ents
    assert [a.id for a in given.table.by_id.values()] == [a.id for a in read.table.by_id.values()]
    assert actor_model.context(doc, sent_of, ents=ents) == actor_model.context(doc, sent_of)
    without_places = [e for e in ents if e.label_ == "PERSON"]
    assert actor_model.context(doc, sent_of, ents=without_places).counts == {}
    assert set(propose(doc, ents=without_places).ent_actor) == {
        (e.start, e.end) for e in without_places}


def test_a_names_title_is_read_once_for_the_rules_and_the_model(monkeypatch) -> None:
    """The rules read the title before every person mention and the model's features read it
    again for every candidate's mention (issue 20, fourth round: once per name start now), and
    the actors found are the same."""
    from warta.resolve import actor_model, roles
    from warta.resolve.actors import resolve

    nlp = blank_pipeline(decision_model="")
    doc = with_persons(nlp, DIPLOMASI, PERSONS)
    model = actor_model.load_model(actor_model.model_path())
    if model is None:
        pytest.skip("no actor model shipped")
    first = resolve(doc, model=model)
    asked: list[int] = []
    real = roles.title_before

    def counting(d, start):
        asked.append(start)
        return real(d, start)

    monkeypatch.setattr(roles, "title_before", counting)
    again = resolve(doc, model=model)
    assert asked and len(asked) == len(set(asked))
    assert [a.id for a in again.actors] == [a.id for a in first.actors]
    assert {a.id: a.roles for a in again.actors}["person:vladimir-putin"] == ["president"]


# --- bodies named inside a body's name (issue 19) ----------------------------------------------


def test_a_body_named_only_inside_another_bodys_name_is_proposed(nlp):
    doc = with_persons(nlp, "Komisi IX DPR memanggil Menteri Kesehatan kemarin.")
    assert ent_actor(doc, "Komisi IX DPR") == "org:komisi-ix-dpr"
    assert {"org:komisi-ix-dpr", "org:dpr"} <= {a.id for a in doc._.actors}


def test_each_head_of_a_chain_of_bodies_opens_a_body(nlp):
    doc = with_persons(nlp, "Badan Geologi Kementerian Pertanahan Raya menyatakan status naik.")
    ids = {a.id for a in doc._.actors}
    assert "org:kementerian-pertanahan-raya" in ids


def test_a_name_the_gazetteer_knows_whole_is_not_split(nlp):
    doc = with_persons(nlp, "Bank Indonesia menaikkan suku bunga acuan.")
    assert [a.id for a in doc._.actors] == ["org:bi"]


def test_the_inner_body_is_marked_nested_for_the_model(nlp):
    from warta.resolve import actors

    doc = with_persons(nlp, "Komisi IX DPR memanggil menteri. DPR lalu bersidang.")
    nested = {c.actor_id: c.nested for c in actors.candidates(actors.propose(doc))}
    assert nested == {"org:komisi-ix-dpr": False, "org:dpr": False}  # named on its own too
    doc = with_persons(nlp, "Komisi IX DPR memanggil menteri kemarin.")
    nested = {c.actor_id: c.nested for c in actors.candidates(actors.propose(doc))}
    assert nested == {"org:komisi-ix-dpr": False, "org:dpr": True}


# --- initials listed, after a rank, of one letter (issue 19) ------------------------------------


def test_initials_listed_after_the_cue_are_each_a_person(nlp):
    doc = with_persons(nlp, "Polisi menahan lima pelaku berinisial KT, M, JR dan B. Mereka "
                            "dijerat pasal berlapis.")
    ids = {a.id for a in doc._.actors}
    assert {"person:kt", "person:m", "person:jr", "person:b"} <= ids


def test_initials_after_a_rank_are_a_person(nlp):
    doc = with_persons(nlp, "Dua anggota itu adalah Bripka WS (31) dan Briptu MK (27).")
    assert {"person:ws", "person:mk"} <= {a.id for a in doc._.actors}


def test_one_capital_is_a_person_only_where_written_as_initials(nlp):
    doc = with_persons(nlp, "Polisi menangkap seorang pria berinisial T di rumahnya. "
                            "Tim kelas A menang lomba.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["T"]
    assert "person:t" in {a.id for a in doc._.actors}


@pytest.mark.parametrize(("text", "forms"), [
    # a trailing "RI" is the country an Indonesian body belongs to, written or not
    ("Komando Armada Timur RI menggelar latihan. Komando Armada Timur menambah kapal.",
     ("Komando Armada Timur RI", "Komando Armada Timur")),
    # a leading "PT" and a trailing "Indonesia"
    ("PT Kapal Nusa Indonesia merugi. Direksi PT Kapal Nusa menolak berkomentar.",
     ("PT Kapal Nusa Indonesia", "PT Kapal Nusa")),
    # ... and a company's own name without both
    ("PT Tambangjaya Indonesia merugi. Direksi Tambangjaya menolak berkomentar.",
     ("PT Tambangjaya Indonesia", "Tambangjaya")),
    # a body's head with the rest of its name as initials
    ("Dinas Tata Air menutup pintu air. Kepala Dinas TA menyebut debit naik.",
     ("Dinas Tata Air", "Dinas TA")),
    # a body's head alone opening the one longer body name of the article
    ("Polda Sulawesi Tenggara menangkap dua orang. Polda lalu memeriksa saksi.",
     ("Polda Sulawesi Tenggara", "Polda")),
])
def test_one_body_written_several_ways_is_one_actor(nlp, text: str, forms: tuple[str, ...]):
    """Issue 19: the rules gave each written form of one body an id of its own, so one half
    of the body was a spurious actor (invented text)."""
    doc = with_persons(nlp, text, others=tuple((f, "ORG") for f in forms))
    ids = {ent_actor(doc, f) for f in forms}
    assert len(ids) == 1 and None not in ids
    (merged,) = [a for a in doc._.actors if a.id in ids]
    assert set(forms) <= set(merged.aliases)
    assert merged.name == max(forms, key=len)


@pytest.mark.parametrize(("text", "forms"), [
    # the head alone opens two bodies' names: it names neither
    ("Polda Riau dan Polda Jambi bekerja sama. Polda meminta warga tenang.",
     ("Polda Riau", "Polda Jambi", "Polda")),
    # "Indonesia" closing a name of two words is the name, not the country's mark
    ("Bank Nusa meminjam dari Bank Indonesia.", ("Bank Nusa", "Bank Indonesia")),
    # two long names with the same initials: the initials link a name written short only
    ("Dinas Perikanan Kota Talaga dan Dinas Perhubungan Kota Talaga rapat.",
     ("Dinas Perikanan Kota Talaga", "Dinas Perhubungan Kota Talaga")),
])
def test_different_bodies_sharing_words_stay_apart(nlp, text: str, forms: tuple[str, ...]):
    doc = with_persons(nlp, text, others=tuple((f, "ORG") for f in forms))
    ids = [ent_actor(doc, f) for f in forms]
    assert len(set(ids)) == len(forms)


def test_a_name_typed_body_once_and_person_once_is_the_body(nlp) -> None:
    """Issue 19: the NER typed one body an ORG in one sentence and a person in another; the
    person half was a spurious actor of its own (invented text)."""
    text = "Kementerian bekerja sama dengan Tanigrosir. Beras dibeli Tanigrosir, lalu disimpan."
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    first = text.index("Tanigrosir")
    second = text.index("Tanigrosir", first + 1)
    doc.ents = [doc.char_span(first, first + 10, label="ORG"),
                doc.char_span(second, second + 10, label="PERSON")]
    doc = nlp.get_pipe("actors")(nlp.get_pipe("gazetteer")(doc))
    named = [e for e in doc.ents if e.text == "Tanigrosir"]
    assert [e.label_ for e in named] == ["ORG", "ORG"]
    assert {e._.actor for e in named} == {"org:tanigrosir"}
    assert [a.id for a in doc._.actors] == ["org:tanigrosir"]
