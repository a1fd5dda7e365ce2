"""The rule stages' scans ask less and find the same (issue 20, seventh round).

Each test pins one shortcut: what it skips is asked no more, and what it finds is what the
full scan finds on invented texts.
"""

from __future__ import annotations

import gc
import random
import re
import weakref

import pytest
import spacy
from spacy.tokens import Doc, Span

from warta.nlp.extensions import token_lowers, token_spaces, token_texts
from warta.resolve import dates, roles, span_repairs


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("id")


# --- the per-Doc word lists ---------------------------------------------------------------


def test_word_lists_follow_each_doc_when_stages_alternate(blank):
    a = blank("Bupati Sukamaju tiba di balai desa.")
    b = blank("Warga Desa Cemagi berkumpul kemarin sore.")
    for _ in range(2):  # the last Doc asked is kept: asking another must not return its words
        assert token_texts(a) == [t.text for t in a]
        assert token_lowers(b) == [t.lower_ for t in b]
        assert token_spaces(a) == [t.whitespace_ for t in a]
        assert token_texts(b) == [t.text for t in b]
    copy = a.copy()
    assert token_texts(copy) == token_texts(a) and token_texts(copy) is not token_texts(a)
    with a.retokenize() as retokenizer:
        retokenizer.merge(a[0:2])
    assert token_texts(a)[0] == "Bupati Sukamaju" and token_lowers(a)[0] == "bupati sukamaju"


def test_the_last_doc_asked_is_not_kept_alive(blank):
    doc = blank("Bupati Sukamaju tiba di balai desa.")
    token_texts(doc)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


# --- cut_trailing_rank ----------------------------------------------------------------------


def _ents(nlp, text: str, ents: list[tuple[str, str]]) -> list[Span]:
    doc = nlp(text)
    spans = []
    for surface, label in ents:
        m = re.search(re.escape(surface), text)
        assert m is not None
        span = doc.char_span(m.start(), m.end(), label=label)
        assert span is not None
        spans.append(span)
    return spans


def test_a_rank_closing_a_body_is_cut_and_only_rank_words_are_asked(blank, monkeypatch):
    text = "Kepala Polres Sukamaju AKBP Budi Santoso dan Kompol Dedi Rahmat tiba di Desa Cemagi."
    ents = _ents(blank, text, [("Polres Sukamaju AKBP", "ORG"), ("Kompol Dedi Rahmat", "PERSON"),
                               ("Desa Cemagi", "LOC")])
    asked: list[str] = []
    real = roles.match_rank

    def counting(doc: Doc, i: int):
        asked.append(doc[i].text)
        return real(doc, i)

    monkeypatch.setattr(roles, "match_rank", counting)
    out = span_repairs._cut_trailing_rank(ents)
    assert [(e.text, e.label_) for e in out] == [
        ("Polres Sukamaju", "ORG"), ("Kompol Dedi Rahmat", "PERSON"), ("Desa Cemagi", "LOC")]
    # a person span is kept whatever it holds; elsewhere only a word that opens a rank is asked
    assert asked == ["AKBP"]
    assert all(w.lower() not in roles.RANK_FIRST for w in ["Sukamaju", "Cemagi"])


# --- the dates stage's numeric forms ------------------------------------------------------


_PIECES = ["13", "5", "2025", "10", "1.000", "/", ".", "-", " ", ",", "Senin (", ")", "pada ",
           "tanggal ", "Rp", "16/5", "2025-10-13", "13.10.2025", "3-2", "07", "x", "(2024)"]


def _texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_numeric_dates_found_as_without_the_hint(monkeypatch):
    texts = [*_texts(3000), "Rapat digelar Senin (13/10/2025) di balai.", "Sidang 2025-10-13.",
             "Rabu, 16/5, warga datang.", "Pada 13.10.2025 pukul 10.00 WIB."]
    with_hint = [dates.find_dates(t, anchor=None) for t in texts]
    monkeypatch.setattr(dates, "_HAS_NUMERIC_DATE", re.compile(""))  # always scan: the old way
    assert [dates.find_dates(t, anchor=None) for t in texts] == with_hint
    assert sum(bool(found) for found in with_hint) > 100  # the texts do hold dates


class _Spy:
    def __init__(self, pattern: re.Pattern[str], calls: list[str]) -> None:
        self.pattern, self.calls = pattern, calls

    def finditer(self, text: str):
        self.calls.append(text)
        return self.pattern.finditer(text)


def test_numeric_forms_are_not_scanned_in_a_text_without_their_separators(monkeypatch):
    calls: list[str] = []
    for name in ("_NUM_DMY", "_ISO", "_NUM_DM"):
        monkeypatch.setattr(dates, name, _Spy(getattr(dates, name), calls))
    plain = "Warga Sukamaju berkumpul Senin pagi, 13 Oktober 2025, membayar Rp 1.000."
    assert dates.find_dates(plain, anchor=None)  # the day-month form is still found
    assert calls == []
    assert dates.find_dates("Rapat Senin (13/10/2025).", anchor=None)[0][2] == "2025-10-13"
    assert len(calls) == 3


# --- the gazetteer's longest alias ----------------------------------------------------------


def _reference_match_at(doc: Doc, start: int, end_limit: int | None = None):
    """``match_at`` as it was before the seventh round: every length tried, longest first."""
    from warta.kb import gazetteer as kb

    first = doc[start].text
    if not (first[:1].isupper() or first[:1].isdigit()):
        return None
    index = kb._index()
    limit = min(len(doc), end_limit if end_limit is not None else len(doc))
    if not kb.could_start(doc, start, limit, kb._alias_first_words()):
        return None
    texts, spaces, punct = [], [], []
    for k in range(start, min(limit, start + kb.MAX_ALIAS_TOKENS)):
        token = doc[k]
        if token.is_space or (token.is_punct and token.text not in {"-", "."}):
            break
        texts.append(token.text)
        spaces.append(token.whitespace_)
        punct.append(token.is_punct)
    for n in range(len(texts), 0, -1):
        if punct[n - 1]:
            continue
        text = "".join(x for k in range(n - 1) for x in (texts[k], spaces[k])) + texts[n - 1]
        key = kb.normalize(text)
        entry = index.by_alias.get(key)
        if entry is None:
            continue
        exact = index.abbreviations.get(key)
        if exact and not kb._spelled_as(text, exact):
            continue
        return start + n, entry
    return None


def test_match_at_finds_the_longest_alias_as_trying_every_length(blank):
    """Random texts of the gazetteer's own aliases as written (whole, cut short, run together),
    cased, hyphenated and broken by punctuation: the early stop at a span no alias continues
    finds what trying every length found, at every token and end limit."""
    from warta.kb import gazetteer as kb

    rng = random.Random(20)
    surfaces = sorted({s for name in kb.FILES for entry, aliases in kb.file_rows(name)
                       for s in kb.surfaces(entry, aliases)})
    odd = [s for s in surfaces if any(not c.isalpha() and c != " " for c in s)]
    pieces = rng.sample(surfaces, 300) + odd + ["-", ".", ",", "(", "\n", "AS", "as", "di"]
    asked = found = 0
    for _ in range(500):
        parts = []
        for _ in range(rng.randint(1, 5)):
            piece = rng.choice(pieces)
            if rng.random() < 0.3:  # an alias cut short: "St" of "St. Lucia", "Kepulauan"
                piece = piece[: rng.randint(1, len(piece))]
            piece = rng.choice([piece, piece.title(), piece.upper(), piece.lower()])
            parts.append(piece + rng.choice([" ", " ", " ", "", "-", ". "]))
        doc = blank("".join(parts))
        for start in range(len(doc)):
            for limit in (None, start + 1, start + 3):
                expected = _reference_match_at(doc, start, limit)
                assert kb.match_at(doc, start, end_limit=limit) == expected, (doc.text, start)
                asked += 1
                found += expected is not None
    assert found > 500 and asked > found  # the texts do hold aliases, and words that are none


# --- person clusters ------------------------------------------------------------------------


def test_cluster_names_reads_each_mention_s_name_once(blank, monkeypatch):
    from warta.resolve import coref

    doc = blank("Bupati Ahmad Rifai tiba. Rifai lalu bertemu Dedi Rahmat. Kata Ahmad Rifai, Dedi "
                "setuju.")
    persons = [Span(doc, 1, 3, label="PERSON"), Span(doc, 5, 6, label="PERSON"),
               Span(doc, 8, 10, label="PERSON"), Span(doc, 12, 14, label="PERSON"),
               Span(doc, 15, 16, label="PERSON")]
    assert [p.text for p in persons] == ["Ahmad Rifai", "Rifai", "Dedi Rahmat", "Ahmad Rifai",
                                         "Dedi"]
    calls: list[int] = []
    real = coref.name_tokens

    def counting(span: Span) -> tuple[str, ...]:
        calls.append(span.start)
        return real(span)

    monkeypatch.setattr(coref, "name_tokens", counting)
    clusters = coref.cluster_names(persons)
    assert sorted(calls) == [p.start for p in persons]
    assert [(c.name, [m.start for m in c.mentions]) for c in clusters] == [
        ("Ahmad Rifai", [1, 5, 12]), ("Dedi Rahmat", [8, 15])]


# --- an organisation after a title ----------------------------------------------------------


class _CountingDoc(Doc):
    """A Doc that counts how often ``doc.ents`` is read (each read builds every entity)."""

    reads = 0

    @property
    def ents(self):
        type(self).reads += 1
        return Doc.ents.__get__(self)

    @ents.setter
    def ents(self, value) -> None:
        Doc.ents.__set__(self, value)


def test_a_title_s_organisation_is_read_off_its_tokens_not_doc_ents(blank):
    words = ["Ketua", "Dewan", "Ekonomi", "Nasional", "Luhut", "dan", "Kepala", "Badan", "Pangan",
             "Sukamaju", "Arief", "tiba", "."]
    doc = _CountingDoc(blank.vocab, words=words, spaces=[True] * 11 + [False, False])
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 4, 5, label="PERSON"),
                Span(doc, 7, 10, label="ORG"), Span(doc, 10, 11, label="PERSON")]
    _CountingDoc.reads = 0
    first, second = roles.title_chain(doc, 0), roles.title_chain(doc, 6)
    assert _CountingDoc.reads == 0
    assert first is not None and (first.end, first.role) == (4, "chairman, Dewan Ekonomi Nasional")
    assert second is not None and second.end == 10


def test_the_org_entity_end_is_what_doc_ents_gives(blank):
    rng = random.Random(3)
    for _ in range(300):
        n = rng.randint(1, 12)
        words = [rng.choice(["Dewan", "Badan", "x", "Luhut"]) for _ in range(n)]
        doc = Doc(blank.vocab, words=words)
        spans, i = [], 0
        while i < n:
            length = rng.randint(1, 3)
            if rng.random() < 0.6 and i + length <= n:
                spans.append(Span(doc, i, i + length, label=rng.choice(["ORG", "PERSON", "GPE"])))
            i += length
        doc.ents = spans
        for k in range(n):
            expected = next((e.end for e in doc.ents if e.start == k and e.label_ == "ORG"), None)
            assert roles._org_entity_end(doc, k) == expected


def test_opens_alias_answers_as_could_start_for_a_word_before_a_space(blank):
    from warta.kb import gazetteer as kb

    words = ["Jawa", "jawa", "Sukamaju", "Amerika", "AS", "Türkiye", "G20", "Kota", "St.", "Dewan",
             "Presiden", "Rp", "2025", "PT", "Kab.", "Bank", "Zzyzx"]
    doc = blank(" ".join(words) + " tiba")
    first_words = kb._alias_first_words()
    checked = 0
    for j, token in enumerate(doc[:-1]):
        if token.whitespace_ == " ":  # a word glued to the next ("St" of "St.") is asked whole
            assert kb.opens_alias(token.text) == kb.could_start(doc, j, len(doc), first_words)
            checked += 1
    assert checked >= len(words) - 2
    assert kb.opens_alias("Jawa") and not kb.opens_alias("Zzyzx")


def test_gazetteer_spans_try_only_words_that_can_open_an_alias(blank, monkeypatch):
    from warta.resolve import gazetteer

    doc = blank("Warga Sukamaju dan Zzyzx bertemu Gubernur Jawa Barat di Bandung, Senin.")
    tried: list[str] = []
    real = gazetteer.match_at

    def counting(doc: Doc, start: int, **kwargs):
        tried.append(doc[start].text)
        return real(doc, start, **kwargs)

    monkeypatch.setattr(gazetteer, "match_at", counting)
    spans = gazetteer._gazetteer_spans(doc, set())
    assert [(s.text, s.label_) for s in spans] == [("Jawa Barat", "GPE"), ("Bandung", "GPE")]
    assert "Zzyzx" not in tried and "Sukamaju" not in tried and "Jawa" in tried


# --- span repairs read the Doc's word lists, not Tokens ----------------------------------------


class _TokenCountingDoc(Doc):
    """A Doc that counts the Token objects made for it (``doc[i]``, iterating a Span)."""

    reads = 0

    def __getitem__(self, i):
        if isinstance(i, int):
            type(self).reads += 1
        return Doc.__getitem__(self, i)


def _counting_doc(nlp, text: str, ents: list[tuple[int, int, str]]) -> Doc:
    made = nlp(text)
    doc = _TokenCountingDoc(nlp.vocab, words=[t.text for t in made],
                            spaces=[bool(t.whitespace_) for t in made])
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def test_span_repairs_word_scans_make_no_tokens(blank):
    """Spans these repairs leave as they are cost no Token (making a Span reads two)."""
    text = ("Komisi Pemberantasan Korupsi ( KPK ) dan Keputusan KPU RI 731 Tahun 2025 serta "
            "Pemerintah Provinsi Sukamaju hadir")
    doc = _counting_doc(blank, text, [])
    assert [t.text for t in doc][3:6] == ["(", "KPK", ")"]
    ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 7, 10, label="ORG"),
            Span(doc, 14, 17, label="PERSON")]
    token_texts(doc), token_lowers(doc), token_spaces(doc)  # the lists, read once per Doc
    _TokenCountingDoc.reads = 0
    assert span_repairs._split_brackets(ents) == ents
    assert span_repairs._cut_numbering(ents) == ents
    assert span_repairs._cut_at_line_breaks(ents) == ents
    assert span_repairs.retype_company_short_names(ents[2:]) == ents[2:]
    assert [span_repairs.opens_body(doc, i) for i in (0, 7, 16)] == [1, None, None]
    assert [span_repairs._not_capitalised(e) for e in ents] == [False, False, False]
    assert span_repairs._retype(ents[2]) is ents[2]
    assert _TokenCountingDoc.reads == 0
    # and where they do cut: the same pieces as before
    cut = span_repairs._cut_numbering([Span(doc, 7, 12, label="ORG")])
    assert [e.text for e in cut] == ["Keputusan KPU RI"]
    split = span_repairs._split_brackets([Span(doc, 0, 6, label="ORG")])
    assert [e.text for e in split] == ["Komisi Pemberantasan Korupsi", "KPK"]


def test_span_lookups_build_no_span_text(blank):
    """The repairs look a span's words up in the gazetteer from the Doc's word lists."""
    doc = _counting_doc(blank, "Polisi menangkap Budi Santoso di Kota Sukamaju kemarin", [])
    token_texts(doc), token_spaces(doc), token_lowers(doc)
    person, place = Span(doc, 2, 4, label="PERSON"), Span(doc, 5, 7, label="ORG")
    expected = place.text
    _TokenCountingDoc.reads = 0
    assert span_repairs._text(place) == "Kota Sukamaju" == expected
    assert span_repairs._retype(person) is person
    assert span_repairs.places_in_lists(doc, [person]) == [person]
    assert _TokenCountingDoc.reads == 0


def test_match_at_without_word_lists_reads_one_token_for_a_word_that_opens_no_alias(blank):
    from warta.kb import gazetteer as kb

    doc = _counting_doc(blank, "Zzyzx Sukamaju tiba di Jawa Barat", [])
    _TokenCountingDoc.reads = 0
    assert kb.match_at(doc, 0) is None and kb.match_at(doc, 1) is None
    assert _TokenCountingDoc.reads == 2
    found = kb.match_at(doc, 4)
    assert found is not None and found[0] == 6


_UNIT_PIECES = ["dua", "3", "tiga", "puluhan", "tahun", "Tahun", "hari", "bulan", "pekan", "lalu",
                "LALU", "lagi", "silam", "yang lalu", "mendatang", " ", " ", "  ", "\n", "-", ",",
                "(", "sejak", "ke-2", "minggu", "ago", "years", "2 years"]


def test_counted_units_found_as_without_the_hint(monkeypatch):
    rng = random.Random(11)
    texts = ["".join(rng.choice(_UNIT_PIECES) + rng.choice([" ", "", " "])
                     for _ in range(rng.randint(2, 10))) for _ in range(3000)]
    texts += ["Kasus itu terjadi dua tahun lalu.", "Tiga hari lagi rapat digelar.",
              "Ia pindah 10 tahun silam", "Dua  pekan\nlalu"]
    anchor = dates.parse_anchor("2025-10-13")
    with_hint = [dates.find_dates(t, anchor=anchor) for t in texts]
    monkeypatch.setattr(dates, "_HAS_UNIT_DIRECTION", re.compile(""))  # always scan: the old way
    assert [dates.find_dates(t, anchor=anchor) for t in texts] == with_hint
    assert sum(any(end - start > 8 for start, end, _ in found) for found in with_hint) > 100


def test_counted_units_are_not_scanned_without_a_unit_and_a_direction(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(dates, "_N_UNITS", _Spy(dates._N_UNITS, calls))
    assert dates.find_dates("Warga Sukamaju berkumpul tahun ini, Senin.", anchor=None)
    assert calls == []
    found = dates.find_dates("Kasus itu terjadi dua tahun lalu.",
                             anchor=dates.parse_anchor("2025-10-13"))
    assert calls and [v for _, _, v in found] == ["2023"]


def test_title_chains_read_the_word_lists(blank):
    """A chain's title, parenthetical, portfolio, unit, rank and honorifics come from the Doc's
    word lists; only gazetteer look-ups of capitalised words still make Tokens."""
    doc = _counting_doc(blank, "kata Menteri ( Menlu ) Perumahan Rakyat Kolonel Budi Santoso , "
                               "dan Bupati Kota Bapak Ahmad tiba", [])
    token_texts(doc), token_lowers(doc), token_spaces(doc)
    _TokenCountingDoc.reads = 0
    chain = roles.title_chain(doc, 1)
    assert chain is not None and chain.surface == "Menteri"
    assert chain.role.endswith(", Perumahan Rakyat") and chain.rank is not None
    assert roles.skip_honorifics(doc, 14, 17) == 15  # "Bapak" before "Ahmad"
    assert _TokenCountingDoc.reads == 2  # match_at's first word, after the title and portfolio


# --- the dates stage's years (issue 20, eleventh round) -------------------------------------


_YEAR_PIECES = ["2024", "1999", "202", "24", "tahun ", "akhir ", "Mei ", "mei ", "Oktober ",
                "bulan ", "semester kedua ", "th. ", "(", ")", " ", ",", ".", "-an", "Rp ",
                "١٢٣٤", "pada ", "sejak ", "\u0660\u0661\u0662\u0663", "x"]


def test_years_found_as_without_the_four_digit_hint(monkeypatch):
    rng = random.Random(13)
    texts = ["".join(rng.choice(_YEAR_PIECES) for _ in range(rng.randint(1, 12)))
             for _ in range(3000)]
    texts += ["Ia lahir pada Mei 2024.", "Akhir 2024 warga pindah.", "Sidang (2025) digelar.",
              "Pada bulan Mei warga Sukamaju berkumpul.", "Rapat tahun ٢٠٢٤."]
    with_hint = [dates.find_dates(t, anchor=None) for t in texts]
    monkeypatch.setattr(dates, "_HAS_FOUR_DIGITS", re.compile(""))  # always scan: the old way
    assert [dates.find_dates(t, anchor=None) for t in texts] == with_hint
    assert sum(any(v and len(v) >= 4 for _, _, v in found) for found in with_hint) > 150


def test_year_forms_are_not_scanned_in_a_text_without_four_digits(monkeypatch):
    calls: list[str] = []
    for name in ("_YEAR", "_MON_YEAR"):
        monkeypatch.setattr(dates, name, _Spy(getattr(dates, name), calls))
    plain = "Warga Sukamaju berkumpul pada Mei, 13 Oktober, membayar Rp 100."
    assert dates.find_dates(plain, anchor=None)  # the day-month form is still found
    assert calls == []
    found = dates.find_dates("Ia lahir pada Mei 2024, tahun 1999.", anchor=None)
    assert len(calls) == 2 and [v for _, _, v in found] == ["2024-05", "1999"]


_MONTH_PIECES = ["16 ", "Mei", "mei", "MEI", "Meikarta", "Oktober", "okt.", "Agustus", "Agt",
                 "Sept", "2024", "tahun ", "akhir ", "bulan ", "lalu", "depan", ", ", "-", "dan ",
                 " ", "pada ", "Desember", "21", "Juni,", "x", "Juli", "Marets", "ſept"]


def test_month_forms_found_as_without_the_month_hint(monkeypatch):
    rng = random.Random(17)
    texts = ["".join(rng.choice(_MONTH_PIECES) + rng.choice([" ", "", " "])
                     for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    texts += ["Rapat 16 Mei 2024 di balai.", "Pada Mei lalu warga pindah.",
              "Oktober, November, dan Desember 2025", "Mei 16, 2024", "Meikarta dibangun."]
    anchor = dates.parse_anchor("2025-10-13")
    for a in (None, anchor):
        with_hint = [dates.find_dates(t, anchor=a) for t in texts]
        monkeypatch.setattr(dates, "_HAS_MONTH", re.compile(""))  # always scan: the old way
        assert [dates.find_dates(t, anchor=a) for t in texts] == with_hint
        monkeypatch.undo()
        assert sum(any(v and "-" in v for _, _, v in found) for found in with_hint) > 50


def test_month_forms_are_not_scanned_in_a_text_without_a_month(monkeypatch):
    calls: list[str] = []
    for name in ("_DAY_MON", "_MON_DAY_YEAR", "_MON_YEAR", "_MON_BARE"):
        monkeypatch.setattr(dates, name, _Spy(getattr(dates, name), calls))
    monkeypatch.setattr(dates, "_HAS_DAY_COMMA_YEAR", re.compile(""))
    plain = "Warga Meikarta berkumpul Senin, 13/10/2025, sejak tahun 2024, 16, 2024."
    assert dates.find_dates(plain, anchor=None)  # the numeric form and the year are found
    assert calls == []
    found = dates.find_dates("Rapat 16 Mei 2024, pada Mei lalu.", anchor=None)
    assert len(calls) == 4 and found[0][2] == "2024-05-16"
