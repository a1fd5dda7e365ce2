"""The read-only knowledge base: look-ups any stage may use, loaded without any stage."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc

from warta.kb import gazetteer
from warta.kb.lexicon import common_words

PROBE = """
import sys
from warta.kb import gazetteer, lexicon
assert gazetteer.lookup("Tiongkok").kb == "CHN" and "dan" in lexicon.common_words()
loaded = sorted(m for m in sys.modules  # language data (warta.nlp.lang) is a layer below
                if m == "spacy" or m.startswith(("warta.resolve", "warta.extract", "warta.nlp."))
                and not m.startswith("warta.nlp.lang"))
print(" ".join(loaded) or "nothing")
"""


def test_the_knowledge_base_loads_no_stage_and_no_spacy() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.split() == ["nothing"], done.stderr


@pytest.mark.parametrize(("words", "start", "expected"), [
    (["Menlu", "Amerika", "Serikat", "tiba"], 1, (3, "USA")),
    (["Menlu", "AS", "tiba"], 1, (2, "USA")),
    (["kata", "as", "itu"], 1, None),  # lower case: a word, not the United States
    (["Kota", "Bandung", "hujan"], 1, (2, "city:bandung")),
])
def test_match_at(words: list[str], start: int, expected: tuple[int, str] | None) -> None:
    doc = Doc(spacy.blank("id").vocab, words=words)
    found = gazetteer.match_at(doc, start)
    assert (found[0], found[1].kb) == expected if found else expected is None


@pytest.mark.parametrize(("words", "spaces", "limit", "expected"), [
    (["Amerika", "Serikat", "-", "Reuters"], None, None, (2, "USA")),  # a dash ends a name
    (["Amerika", "Serikat", "-", "Reuters"], None, 1, (1, "USA")),
    (["Jawa", ",", "Barat"], None, None, (1, "loc:jawa")),  # a comma: no name across it
    (["Amerika", "\n", "Serikat"], None, None, (1, "USA")),  # nor across a line break
    (["Timor", "-", "Leste", "merdeka"], [False, False, True, False], None, (3, "TLS")),
    (["Timor", "-", "Leste", "merdeka"], [False, False, True, False], 2, None),
])
def test_match_at_stops_where_a_name_cannot_go_on(words: list[str], spaces: list[bool] | None,
                                                 limit: int | None,
                                                 expected: tuple[int, str] | None) -> None:
    # issue 20: match_at reads its tokens once instead of a Span per length; same matches
    doc = Doc(spacy.blank("id").vocab, words=words, spaces=spaces)
    found = gazetteer.match_at(doc, 0, end_limit=limit)
    assert (found[0], found[1].kb) == expected if found else expected is None


def test_file_rows_give_each_row_its_own_entry_and_aliases() -> None:
    rows = list(gazetteer.file_rows("provinces.tsv"))
    assert rows and all(e.kind == "province" and e.kb.startswith("prov:") for e, _ in rows)
    entry, aliases = next(r for r in rows if r[0].kb == "prov:jawa-barat")
    assert "Jabar" in aliases
    assert gazetteer.surfaces(entry, aliases)[0] == entry.name == "Jawa Barat"


def test_people_and_common_words() -> None:
    assert gazetteer.lookup_person("Jokowi").country == "IDN"
    assert "Jokowi" in gazetteer.single_names()
    assert {"dan", "yang"} <= common_words()


def test_outlets_give_their_country_and_are_no_places() -> None:
    """Issue 19: cited outlets' countries; the outlets file stays out of the place index (an
    outlet's name alone is most often the article's byline)."""
    assert gazetteer.lookup_outlet("Dailymail").country == "GBR"
    assert gazetteer.lookup_outlet("cnnindonesia.com").country == "IDN"
    rows = list(gazetteer.file_rows(gazetteer.OUTLETS_FILE))
    assert rows and all(e.kind == "outlet" and e.country and len(e.country) == 3
                        for e, _ in rows)
    assert gazetteer.OUTLETS_FILE not in gazetteer.FILES and gazetteer.lookup("Daily Mail") is None
