"""warta's Indonesian news tokenizer: dates, numbers, abbreviations, quotes and UD clitics."""

from __future__ import annotations

import pytest


def _tokens(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JAKARTA, KOMPAS.com - Banjir", ["JAKARTA", ",", "KOMPAS.com", "-", "Banjir"]),
        ("Kamis (16/5/2024) pagi", ["Kamis", "(", "16/5/2024", ")", "pagi"]),
        ("pada 17-8-1945.", ["pada", "17-8-1945", "."]),
        ("senilai Rp 4,5 triliun", ["senilai", "Rp", "4,5", "triliun"]),
        ("naik 2,31 persen.", ["naik", "2,31", "persen", "."]),
        ("Rp4.500.000,50 saja", ["Rp", "4.500.000,50", "saja"]),
        ("pukul 10.30 WIB", ["pukul", "10.30", "WIB"]),
    ],
)
def test_numbers_and_dates_stay_whole(id_tokenizer_nlp, text, expected):
    assert _tokens(id_tokenizer_nlp, text) == expected


@pytest.mark.parametrize(
    "abbr",
    ["Dr.", "H.", "Hj.", "S.H.", "M.Si.", "Jl.", "No.", "dll.", "dsb.", "Sdr.", "Prof.", "Kol.",
     "Brigjen."],
)
def test_abbreviations_keep_their_period(id_tokenizer_nlp, abbr):
    assert _tokens(id_tokenizer_nlp, f"kata {abbr} Amir") == ["kata", abbr, "Amir"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hambatan-hambatan,", ["hambatan-hambatan", ","]),
        ("Raja-Raja", ["Raja-Raja"]),
        ("sektor non-keuangan", ["sektor", "non-keuangan"]),
        ("hari ke-27", ["hari", "ke-27"]),
        ("tahun 1950-an", ["tahun", "1950-an"]),
        ("ujung-ujung nya", ["ujung-ujung", "nya"]),
        ("jenis-jenisnya", ["jenis-jenis", "nya"]),
        ("naik 5-10 persen", ["naik", "5", "-", "10", "persen"]),
        ("Januari-September", ["Januari", "-", "September"]),
        ("Jokowi-JK", ["Jokowi", "-", "JK"]),
        ("pada 16-5-2024", ["pada", "16-5-2024"]),
        ("adanya", ["ada", "nya"]),
    ],
)
def test_hyphenated_words_follow_ud_indonesian(id_tokenizer_nlp, text, expected):
    assert _tokens(id_tokenizer_nlp, text) == expected


def test_company_name_parts_keep_their_period(id_tokenizer_nlp):
    # "Ltd." often ends a sentence too, so its period stays a token of its own
    assert _tokens(id_tokenizer_nlp, "Asia Pte. Ltd. (SPA)") == ["Asia", "Pte.", "Ltd", ".",
                                                                 "(", "SPA", ")"]
    assert _tokens(id_tokenizer_nlp, "Printing Co. Ltd")[1] == "Co."
    assert _tokens(id_tokenizer_nlp, "Malaysia Sdn. Bhd.")[1:] == ["Sdn.", "Bhd."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Kami siap,” ujarnya.", ["“", "Kami", "siap", ",", "”", "ujar", "nya", "."]),
        ("‘tidak’ katanya", ["‘", "tidak", "’", "kata", "nya"]),
        ("Ia pergi...", ["Ia", "pergi", "..."]),
        ('ia menolak."', ["ia", "menolak", ".", '"']),
        ("kemarin.” Lalu", ["kemarin", ".", "”", "Lalu"]),
    ],
)
def test_quotes_and_ellipses_split_off(id_tokenizer_nlp, text, expected):
    assert _tokens(id_tokenizer_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 19: a closing mark glued to the cue after it (a scrape or detokenised text)
        ("dimanfaatkan warga,”ungkapnya.", ["dimanfaatkan", "warga", ",", "”", "ungkap", "nya",
                                            "."]),
        ("sangat mendukung.”Terang Rina", ["sangat", "mendukung", ".", "”", "Terang", "Rina"]),
        ("siap!’kata dia", ["siap", "!", "’", "kata", "dia"]),
        # an apostrophe inside a word is no closing mark
        ("hari Jum’at lalu", ["hari", "Jum’at", "lalu"]),
    ],
)
def test_a_closing_mark_glued_to_the_next_word_comes_off(id_tokenizer_nlp, text, expected):
    assert _tokens(id_tokenizer_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menurutnya", ["Menurut", "nya"]),
        ("menyetujuinya", ["menyetujui", "nya"]),
        ("rumahnya,", ["rumah", "nya", ","]),
        ("Apakah", ["Apa", "kah"]),
        ("itulah", ["itu", "lah"]),
        ("bukanlah", ["bukan", "lah"]),
        ("kepadaku", ["kepada", "ku"]),
        # lexical words and lexicalised adverbs stay whole, as in UD Indonesian
        ("hanya", ["hanya"]),
        ("punya", ["punya"]),
        ("Akhirnya", ["Akhirnya"]),
        ("sebelumnya.", ["sebelumnya", "."]),
        ("adalah", ["adalah"]),
        ("telah", ["telah"]),
        ("langkah", ["langkah"]),
        ("nya", ["nya"]),
    ],
)
def test_clitics_follow_ud(id_tokenizer_nlp, text, expected):
    assert _tokens(id_tokenizer_nlp, text) == expected


def test_sentence_final_words_are_not_abbreviations(id_tokenizer_nlp):
    doc = id_tokenizer_nlp("Acara digelar pada Mei. Warga datang dari kota. Semua senang.")
    assert [s.text for s in doc.sents] == [
        "Acara digelar pada Mei.", "Warga datang dari kota.", "Semua senang."
    ]


def test_tokenizer_is_registered_and_rules_come_from_code(id_tokenizer_nlp, tmp_path):
    import spacy

    from warta.nlp.tokenizer import TOKENIZER_NAME, WartaTokenizer

    assert spacy.registry.tokenizers.get(TOKENIZER_NAME)
    id_tokenizer_nlp.tokenizer.to_disk(tmp_path / "tok")
    fresh = spacy.blank("id")
    fresh.tokenizer = spacy.registry.tokenizers.get(TOKENIZER_NAME)()(fresh)
    assert isinstance(fresh.tokenizer, WartaTokenizer)
    fresh.tokenizer.from_disk(tmp_path / "tok")
    assert _tokens(fresh, "(16/5/2024) rumahnya") == ["(", "16/5/2024", ")", "rumah", "nya"]


# --- prefix look-up: spaCy's ``search`` matches, without scanning the whole word ----------


def test_prefix_search_finds_what_the_joined_pattern_search_finds():
    import re

    from spacy.util import compile_prefix_regex

    from warta.nlp.tokenizer import PrefixSearch

    # the second entry leaves its "<a …>" alternative unanchored, as spaCy's Indonesian one does
    entries = [r"\(", r'"', r"<(b|i)\s?/>|<a([^>]+)>", r"\.\.+", "$"]
    search = compile_prefix_regex(entries).search
    fast = PrefixSearch(entries)
    words = ["(kata", '"Halo', "<b/>Teks", "teks<b/>", "teks<a href>x", "<a x>", "..dan",
             "biasa", "", "((", "x<a y><a z>"]
    for word in words:
        old, new = search(word), fast(word)
        assert (old and old.span()) == (new and new.span()), word
    assert isinstance(fast.__self__, re.Pattern)  # what spaCy serialises


def test_tokenizer_prefix_lookup_does_not_scan_the_word(id_tokenizer_nlp):
    """Past a word's first character only the unanchored prefixes are tried (speed is measured
    by bench/nlp_speed.py, not here: this checks the structure that makes it cheap)."""
    from warta.nlp.tokenizer import PrefixSearch

    prefix_search = id_tokenizer_nlp.tokenizer.prefix_search
    assert isinstance(prefix_search, PrefixSearch)
    rest = prefix_search._rest
    assert rest is not None and "<a" in rest.pattern  # spaCy's unanchored "<a …>"
    assert len(rest.pattern) * 20 < len(prefix_search.__self__.pattern)
    assert prefix_search("kata<a href>") is not None  # still found past the start


def test_prefix_search_survives_pickling_and_serialisation(id_tokenizer_nlp):
    import pickle

    tokenizer = id_tokenizer_nlp.tokenizer
    again = pickle.loads(pickle.dumps(tokenizer))
    text = '“Kata” <a href="x">dia</a> (16/5/2024).'
    assert [t.text for t in again(text)] == [t.text for t in tokenizer(text)]
    assert tokenizer.to_bytes()


# --- suffix look-up: spaCy's ``search`` matches, only the entries a word's end allows ---------


def test_suffix_search_finds_what_the_joined_pattern_search_finds(id_tokenizer_nlp):
    """On random words of the entries' own characters (letters, digits, units, clitics,
    punctuation, line breaks), the per-ending alternations find the same span as the joined
    pattern, with the tokenizer's real entries and with made-up ones the analysis cannot
    read (a top-level "|", a category, case-insensitive, an entry that can end in nothing)."""
    import random
    import re

    from spacy.util import compile_suffix_regex

    from warta.nlp.tokenizer import SuffixSearch

    real = id_tokenizer_nlp.tokenizer.suffix_search
    made_up = [r"\.\.+", r"(?<=[0-9])(?:km|m²|kg)", r"x|yz", r"\d%", r"(?i:NYA)", r"b?",
               r"(?:ab)+c*", r"[^a]q", "-[KkMm]u", r"(?<=[a-z]{2})(?:nya|NYA)", "”", ""]
    alphabet = [*"abcnyakumqxzNYAKM0123456789.,!?%°-—’”)( \n", "m²", "km", "nya"]
    rng = random.Random(7)
    for search in (real, SuffixSearch(made_up)):
        full = search.__self__
        if search is not real:
            assert full.pattern == compile_suffix_regex(made_up).pattern
        for _ in range(6000):
            word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
            old, new = full.search(word), search(word)
            assert (old and old.span()) == (new and new.span()), word
        assert isinstance(full, re.Pattern)  # what spaCy serialises


def test_suffix_search_tries_only_the_entries_a_word_can_end_with(id_tokenizer_nlp):
    """A word ending in a letter is searched with the few entries that end in one (units,
    clitics) instead of the ninety; one ending in a comma keeps the comma entries."""
    search = id_tokenizer_nlp.tokenizer.suffix_search
    assert search("pemerintah") is None
    assert search("rumahnya").group() == "nya" and search("5km").group() == "km"
    assert search("kata,").group() == ","
    by_h = search._by_end["h"]
    assert by_h is not None and len(by_h.pattern) * 10 < len(search.__self__.pattern)
    assert search("mobil") is None and search._by_end["l"] is None  # no entry ends in "l"


def test_prefix_search_tries_only_the_entries_a_word_can_start_with(id_tokenizer_nlp):
    """At a word's start only the entries that can open with its first character are tried;
    random words of the entries' characters get the joined pattern's span."""
    import random

    from warta.nlp.tokenizer import PrefixSearch

    search = id_tokenizer_nlp.tokenizer.prefix_search
    assert search._by_start["k"] is not None  # the glued source cues ("kepada…")
    assert len(search._by_start["k"].pattern) * 10 < len(search.__self__.pattern)
    assert search._by_start["q"] is None  # no prefix opens with "q"
    made_up = [r"\(", r"(?i:k)ata", r"x|yz", r"\d\d", r"b?c", r"(?:ab)+", r"[^a]q", "“", "",
               r"<(b|i)\s?/>|<a([^>]+)>", r"(?=k)kata"]
    alphabet = [*"abckqxyzK0123456789(<>/ \n“", "<a x>", "<b/>", "kata", "Kata"]
    rng = random.Random(11)
    for fast in (search, PrefixSearch(made_up)):
        full = fast.__self__
        for _ in range(6000):
            word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
            old, new = full.search(word), fast(word)
            assert (old and old.span()) == (new and new.span()), word


def test_infix_finditer_skips_words_without_an_infix_character(id_tokenizer_nlp):
    """A word holding none of the characters an infix can open with is not scanned; every
    other word gets the joined pattern's matches (random words of the infixes' characters)."""
    import random

    from warta.nlp.tokenizer import InfixFinditer

    finditer = id_tokenizer_nlp.tokenizer.infix_finditer
    assert isinstance(finditer, InfixFinditer) and finditer._gate is not None
    assert finditer._gate.search("pemerintahan") is None
    assert [m.group() for m in finditer("Jakarta-Bandung")] == ["-"]
    made_up = [r"\.\.+", r"(?<=[0-9])[+\-](?=[0-9])", r"(?<=[a-z]),(?=[a-z])", "…"]
    alphabet = [*"abcxyzABC0123456789.,+-…/:=\n ", "--", "..."]
    rng = random.Random(5)
    for fast in (finditer, InfixFinditer(made_up), InfixFinditer([*made_up, r"\w?"])):
        full = fast.__self__
        for _ in range(6000):
            word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
            assert [m.span() for m in full.finditer(word)] == [m.span() for m in fast(word)]
    assert InfixFinditer([*made_up, r"\w?"])._gate is None  # can match nothing: no gate


def test_affix_look_ups_survive_pickling(id_tokenizer_nlp):
    import pickle

    tokenizer = id_tokenizer_nlp.tokenizer
    for name, word in (("prefix_search", "(16/5"), ("suffix_search", "(16/5)"),
                       ("infix_finditer", "a-b")):
        search = getattr(tokenizer, name)
        again = pickle.loads(pickle.dumps(search))
        assert type(again) is type(search) and again.__self__.pattern == search.__self__.pattern
        old, new = search(word), again(word)
        spans = (lambda r: [m.span() for m in r]) if name == "infix_finditer" \
            else (lambda r: r.span())
        assert spans(old) == spans(new)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 19: a news page drops the space before an outlet's linked name
        ("ujar Rina kepadadetikBali, Senin.", ["ujar", "Rina", "kepada", "detikBali", ",",
                                               "Senin", "."]),
        ("seperti dikutipWarta Pagi", ["seperti", "dikutip", "Warta", "Pagi"]),
        ("dilansirdetikOto kemarin", ["dilansir", "detikOto", "kemarin"]),
        # the cue words themselves, and words merely opening with them, stay whole
        ("kepada warga daripada dulu", ["kepada", "warga", "daripada", "dulu"]),
        ("detikOto melaporkan", ["detikOto", "melaporkan"]),
    ],
)
def test_a_source_cue_glued_to_an_outlet_comes_off(id_tokenizer_nlp, text, expected):
    assert _tokens(id_tokenizer_nlp, text) == expected
