"""Dates: normalisation to partial ISO 8601, relative resolution, the spaCy stage."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import spacy

from warta.resolve.dates import (
    date_bounds,
    date_mentions,
    find_dates,
    normalize_date,
    parse_anchor,
    report_date,
)

ANCHOR = date(2024, 5, 16)  # a Thursday


@pytest.fixture(scope="session")
def blank_id():
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_dates_v1", name="dates")
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 2024", "2024-04"),
        ("bulan Agustus 2025", "2025-08"),
        ("akhir Mei 2024", "2024-05"),
        ("Agt 2024", "2024-08"),
        ("Ags 2023", "2023-08"),
        ("Sept 2024", "2024-09"),
        ("Okt 2019", "2019-10"),
        ("tahun 2022", "2022"),
        ("Tahun 1998", "1998"),
        ("akhir 2024", "2024"),
        ("kuartal III 2025", "2025"),
        ("semester pertama tahun 2024", "2024"),
        ("16 Mei 2024", "2024-05-16"),
        ("1 Januari 2000", "2000-01-01"),
        ("29 Februari 2024", "2024-02-29"),
        ("5 Des 2023", "2023-12-05"),
        ("17 Agustus 1945", "1945-08-17"),
        ("16/5/2024", "2024-05-16"),
        ("(13/10/2025)", "2025-10-13"),
        ("13/10/25", "2025-10-13"),
        ("13-10-2025", "2025-10-13"),
        ("13.10.2025", "2025-10-13"),
        ("2024-05-16", "2024-05-16"),
        ("May 16, 2024", "2024-05-16"),
        ("Senin (13/10/2025)", "2025-10-13"),
        ("Selasa, 26 Agustus 2025", "2025-08-26"),
    ],
)
def test_explicit_dates_need_no_anchor(text, expected):
    assert normalize_date(text, anchor=None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kemarin", "2024-05-15"),
        ("hari ini", "2024-05-16"),
        ("besok", "2024-05-17"),
        ("lusa", "2024-05-18"),
        ("kemarin lusa", "2024-05-14"),
        ("tiga hari yang lalu", "2024-05-13"),
        ("3 hari lalu", "2024-05-13"),
        ("dua belas hari lalu", "2024-05-04"),
        ("tiga hari lagi", "2024-05-19"),
        ("pekan lalu", "2024-W19"),
        ("minggu lalu", "2024-W19"),
        ("Minggu lalu", "2024-W19"),
        ("dua minggu yang lalu", "2024-W18"),
        ("sepekan lalu", "2024-W19"),
        ("pekan depan", "2024-W21"),
        ("bulan lalu", "2024-04"),
        ("sebelas bulan lalu", "2023-06"),
        ("awal bulan depan", "2024-06"),
        ("tahun lalu", "2023"),
        ("tahun ini", "2024"),
        ("tahun depan", "2025"),
        ("setahun silam", "2023"),
        ("dua tahun lalu", "2022"),
        ("dua puluh tahun lalu", "2004"),
        ("akhir pekan ini", "2024-05-18"),
        ("Senin", "2024-05-13"),
        ("pada Kamis", "2024-05-16"),
        ("Jumat", "2024-05-10"),
        ("Kamis lalu", "2024-05-09"),
        ("Jumat depan", "2024-05-17"),
        ("Kamis (16 Mei)", "2024-05-16"),
        ("Rabu (15/5)", "2024-05-15"),
        ("pada Desember", "2024-12"),
        ("Maret lalu", "2024-03"),
        ("Juni mendatang", "2024-06"),
    ],
)
def test_relative_dates_resolve_against_the_anchor(text, expected):
    assert normalize_date(text, anchor=ANCHOR) == expected


@pytest.mark.parametrize(
    "text",
    ["kemarin", "dua tahun lalu", "pekan lalu", "Senin", "pada Kamis", "bulan lalu",
     "Kamis (16 Mei)"],
)
def test_relative_dates_without_anchor_have_no_value(text):
    found = find_dates(text, anchor=None)
    assert len(found) == 1
    assert found[0][2] is None


@pytest.mark.parametrize(
    "text", ["beberapa hari lalu", "beberapa tahun silam", "puluhan tahun yang lalu"]
)
def test_vague_quantities_are_dates_without_value(text):
    assert find_dates(text, anchor=ANCHOR) == [(0, len(text), None)]


@pytest.mark.parametrize(
    "text",
    [
        "inflasi naik 2,31 persen",
        "anggaran Rp 4,5 triliun",
        "rapat dimulai pukul 10.00 WIB",
        "sebanyak 2000 orang hadir",
        "skor akhir 2/1 untuk tuan rumah",
        "lebih dari dua tahun terisolasi",
        "selama enam bulan terakhir",
        "kunjungan dua hari ke Jepang",
        "dalam dua tahun mendatang",
        "bertahun-tahun yang lalu",
        "Pasal 2019 ayat 3",
        "31/2/2024",
        "Jan Ethes bermain",
        "setiap Senin kami rapat",
        "disiarkan Senin-Jumat pukul 15.30",
        "seperti kemarin-kemarin",
    ],
)
def test_numbers_and_durations_that_are_not_dates(text):
    assert find_dates(text, anchor=ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekday + day-month without year, no publication date: the latest explicit year
        ("Menteri tiba pada Kamis (16 Mei). Pertemuan April 2024 dan tahun 2022 dibahas.",
         "2024-05-16"),
        # a later year whose calendar disagrees with the weekday is passed over
        ("Target tahun 2045 dibahas. Rapat digelar Kamis (16 Mei) setelah April 2024.",
         "2024-05-16"),
    ],
)
def test_weekday_day_month_takes_the_latest_explicit_year(text, expected):
    values = {text[s:e]: v for s, e, v in find_dates(text, anchor=None)}
    assert values["Kamis (16 Mei)"] == expected


def test_day_month_prefers_the_year_nearest_the_anchor():
    found = find_dates("Rapat digelar 30 Desember.", anchor=date(2025, 1, 3))
    assert [v for _, _, v in found] == ["2024-12-30"]


def test_weekday_and_date_are_one_mention():
    text = "kata Budi, Senin (13/10/2025), di Jakarta."
    found = find_dates(text, anchor=None)
    assert [(text[s:e], v) for s, e, v in found] == [("Senin (13/10/2025)", "2025-10-13")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("periode Januari-November 2025", [("Januari", "2025-01"), ("November 2025", "2025-11")]),
        ("untuk bulan Oktober, November, dan Desember", [("bulan Oktober", "2024-10"),
                                                          ("November", "2024-11"),
                                                          ("Desember", "2024-12")]),
        ("pada 21-23 Mei mendatang", [("21-23 Mei mendatang", "2024-05-21")]),
        ("sejak 7 April yang lalu", [("7 April yang lalu", "2024-04-07")]),
        ("pada 30 Desember lalu", [("30 Desember lalu", "2023-12-30")]),
        ("terjadi Sabtu malam, 4 Mei 2024", [("Sabtu malam, 4 Mei 2024", "2024-05-04")]),
        ("hari Senin tanggal 20 Mei", [("Senin tanggal 20 Mei", "2024-05-20")]),
        ("Selanjutnya, Juli menegaskan", []),  # a name, not a month
        ("sekitar September, Oktober di 2020", [("September", "2020-09"),
                                                ("Oktober", "2020-10"), ("2020", "2020")]),
    ],
)
def test_lists_ranges_and_weekday_phrases(text, expected):
    found = find_dates(text, anchor=ANCHOR)
    assert [(text[s:e], v) for s, e, v in found] == expected


def test_year_ranges_give_two_years():
    text = "pada periode 2019-2020 dan sejak 2022"
    assert [v for _, _, v in find_dates(text, anchor=None)] == ["2019", "2020", "2022"]


def test_normalize_date_falls_back_to_dateparser_without_grammar_match():
    assert normalize_date("2022", anchor=None) == "2022"
    assert normalize_date("pukul 10.00 WIB", anchor=ANCHOR) is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2024-05-16", date(2024, 5, 16)), ("2024-05-16T10:00:00+07:00", date(2024, 5, 16)),
     ("Rabu, 22 Okt 2025 14:30 WIB", date(2025, 10, 22)), (None, None), ("kemarin", None),
     ("Mei 2024", None)],
)
def test_parse_anchor(published, expected):
    assert parse_anchor(published) == expected


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [("2024", date(2024, 1, 1), date(2024, 12, 31)),
     ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
     ("2024-W19", date(2024, 5, 6), date(2024, 5, 12)),
     ("2024-05-16", date(2024, 5, 16), date(2024, 5, 16))],
)
def test_date_bounds(value, first, last):
    assert date_bounds(value) == (first, last)


def test_stage_spans_align_to_tokens(blank_id):
    text = "Menteri tiba di Tokyo pada Senin (13/10/2025) pukul 10.00 WIB, usai April 2024."
    doc = blank_id(text)
    found = [(d.span.text, d.value) for d in doc._.dates]
    assert found == [("Senin (13/10/2025)", "2025-10-13"), ("April 2024", "2024-04")]
    for mention in doc._.dates:
        assert mention.span.doc is doc
        assert mention.span.start_char == doc[mention.span.start].idx
    assert doc._.stages[-1].name == "dates"
    assert doc._.stages[-1].status == "ok"


def test_without_publication_date_the_lead_dates_the_report(blank_id):
    doc = blank_id.make_doc("Presiden tiba di Tokyo, Senin (20/10/2025). Kemarin ia menelepon "
                            "mitranya, dan tahun depan ia kembali.")
    doc = blank_id.get_pipe("dates")(doc)
    assert [(m.span.text, m.value) for m in doc._.dates] == [
        ("Senin (20/10/2025)", "2025-10-20"), ("Kemarin", "2025-10-19"), ("tahun depan", "2026")]
    assert report_date("Ia tiba pada Selasa (14 Mei) dan pergi kemarin.") is None  # no year
    assert report_date("Laporan tahunan 2025 terbit Senin (20/10/2025).") == date(2025, 10, 20)


def test_stage_uses_the_publication_date(blank_id):
    doc = blank_id.make_doc("Polisi menangkap tersangka kemarin dan Senin.")
    doc._.published = "2024-05-16T08:00:00+07:00"
    doc = blank_id.get_pipe("dates")(doc)
    assert [(m.span.text, m.value) for m in date_mentions(doc)] == [
        ("kemarin", "2024-05-15"), ("Senin", "2024-05-13")]
    assert [m.value for m in doc._.dates] == ["2024-05-15", "2024-05-13"]


def test_stage_skips_other_languages(blank_id):
    doc = blank_id.make_doc("The minister arrived on 16 May 2024.")
    doc._.language = "en"
    doc = blank_id.get_pipe("dates")(doc)
    assert doc._.dates == []
    assert doc._.stages[-1].status == "skipped"


@pytest.mark.parametrize("name", ["article-published", "article-plain"])
def test_fixture_articles_give_exactly_the_annotated_dates(blank_id, name):
    """Whole paragraphs (written for these tests): every date found, nothing else, right values."""
    folder = Path(__file__).resolve().parent.parent / "data" / "dates"
    gold = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    doc = blank_id.make_doc((folder / f"{name}.txt").read_text(encoding="utf-8"))
    doc._.published = gold["published"]
    doc = blank_id.get_pipe("dates")(doc)
    assert [[m.span.text, m.value] for m in doc._.dates] == gold["dates"]


def test_scanners_find_what_the_plain_patterns_find():
    # issue 20: the grammar's patterns get a lookahead on their first characters (twice as
    # fast); the same matches, case folding included, in invented text and generated strings
    import random
    import re

    from warta.resolve import dates as d

    text = ("Pada AWAL Mei 2024, tiga hari lalu, Senin (13/10/2025) dan 2024-05-16; "
            "akhir tahun 2023, pekan depan, seminggu lalu, KAMIS lalu, 21-23 Mei, Mei 16, 2024.")
    rng = random.Random(5)
    pieces = ["Mei", "mei", "MEI", " ", "2024", "13/10", "-", "lalu", "Senin", "awal", ",", "(",
              "ke"]
    texts = [text] + ["".join(rng.choice(pieces) for _ in range(30)) for _ in range(300)]
    scanners = [v for v in vars(d).values()
                if isinstance(v, re.Pattern) and v.pattern.startswith("(?=[")]
    assert d._MON_YEAR in scanners and d._WEEKDAY in scanners and len(scanners) >= 10
    for fast in scanners:
        plain = re.compile(fast.pattern[fast.pattern.index("(?:") + 3 : -1], fast.flags)
        for t in texts:
            assert [m.groupdict() | {"_": m.span()} for m in fast.finditer(t)] == \
                   [m.groupdict() | {"_": m.span()} for m in plain.finditer(t)]
    assert d._scanner(r"(?:x)?").pattern == "(?:x)?"  # may match nothing: left as it is
    assert d._scanner(r".b").pattern == ".b"  # any first character: left as it is
    assert d._scanner("kamis", re.IGNORECASE).match("KAMIS")


# --- cheap checks before the date grammar (issue 20: speed, same dates) ---------------------


class _Counting:
    """A compiled pattern's stand-in that counts its scans."""

    def __init__(self, pattern):
        self.pattern, self.scans = pattern, 0

    def finditer(self, text):
        self.scans += 1
        return self.pattern.finditer(text)


def test_a_lead_without_weekday_or_full_year_is_not_parsed_for_a_report_date(monkeypatch):
    from warta.resolve import dates

    calls = []
    real = dates.find_dates

    def counting(text, *, anchor):
        calls.append(text)
        return real(text, anchor=anchor)

    monkeypatch.setattr(dates, "find_dates", counting)
    assert report_date("Warga berkumpul di balai desa pada 14 Mei 2025 untuk rapat.") is None
    assert report_date("Rapat digelar Senin (14/5) di balai desa.") is None
    assert calls == []  # neither a weekday and a full year: nothing to parse
    assert report_date("Rapat digelar Senin (20/10/2025) di balai desa.") == date(2025, 10, 20)
    assert report_date("Rapat digelar SENIN (20/10/2025).") == date(2025, 10, 20)
    assert len(calls) == 2


def test_month_day_comma_year_is_scanned_only_where_a_day_comma_year_is(monkeypatch):
    from warta.resolve import dates

    counting = _Counting(dates._MON_DAY_YEAR)
    monkeypatch.setattr(dates, "_MON_DAY_YEAR", counting)
    assert find_dates("Ia tiba 16 Mei 2024 dan pergi Jumat.", anchor=ANCHOR)
    assert counting.scans == 0
    found = find_dates("Kontrak diteken Mei 16, 2024 di Jakarta.", anchor=ANCHOR)
    assert counting.scans == 1
    assert [v for _, _, v in found] == ["2024-05-16"]


def test_word_alternations_are_tries_that_match_as_the_flat_alternations_did():
    """The grammar's word lists are compiled as tries (issue 20, fourth round): one branch per
    character instead of a branch per word tried at every position. What they match, and which
    word they prefer where several fit (the longest, or a shorter one when what follows needs
    it), must be what the flat longest-first alternation matched."""
    import random
    import re

    from warta.nlp.lang.id import dates as lex
    from warta.resolve import dates

    def flat(words):
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    rng = random.Random(4)
    lists = [lex.MONTHS, lex.WEEKDAYS, lex.RELATIVE_DAYS, lex.NUMBER_WORDS, lex.UNITS,
             lex.PAST_WORDS | lex.FUTURE_WORDS | lex.PRESENT_WORDS, ["jan", "januari", "j"]]
    for words in lists:
        trie = dates._alt(words)
        vocab = [*words, "uari", "lusa", "x", "2024"]
        texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 6))) for _ in range(300)]
        texts = [t.title() if rng.random() < 0.3 else t for t in texts]
        for shape in (r"\b(?P<w>{})\b", r"(?P<w>{})(?P<tail>uari|\s+lusa)", r"(?P<w>{})\w*"):
            new = re.compile(shape.format(trie), re.IGNORECASE)
            old = re.compile(shape.format(flat(words)), re.IGNORECASE)
            for text in texts:
                assert [(m.span(), m.groupdict()) for m in new.finditer(text)] == [
                    (m.span(), m.groupdict()) for m in old.finditer(text)], (text, shape)
    # a trie: forty month names share their first letters (the flat form: a branch each)
    assert dates._alt(lex.MONTHS).count("|") < flat(lex.MONTHS).count("|")
    assert dates._alt(["Mei", "mei"]) == flat(["Mei", "mei"])  # mixed case: the flat form
