"""The article's title is analysed (issue 19, "the headline is not analysed today"): its actors
reach the stages as ``doc._.headline``, in single and batched analysis alike, and the record's
text and offsets stay the body's."""

from __future__ import annotations

import pytest

from warta.process import analyze, analyze_many, headline_case, make_doc, prepare
from warta.types import RawArticle, Source

TITLE = "KPK Tangkap Bupati Bogor Ahmad Fauzi"
TEXT = "Penyidik menangkap Ahmad Fauzi di rumahnya pada Selasa malam."


def _raw(title: str | None) -> RawArticle:
    return RawArticle(Source(path="invented.txt", format="text"), TEXT, title=title)


@pytest.mark.parametrize(("title", "cased"), [
    ("KPK Tangkap Bupati Bogor Ahmad Fauzi", "KPK tangkap Bupati Bogor Ahmad Fauzi"),
    ("Banding Ditolak, Kopda Bazarsah Tetap Dihukum Mati",
     "banding ditolak, Kopda Bazarsah tetap dihukum mati"),
    ("Sugiono Bertemu Menteri Luar Negeri Jepang di Tokyo",
     "Sugiono bertemu Menteri Luar Negeri Jepang di Tokyo"),  # a title stays a title
])
def test_a_title_cased_headline_reads_as_running_text(title, cased):
    assert headline_case(title) == cased


def test_the_titles_actors_reach_the_stages(nlp, settings):
    doc = make_doc(nlp, prepare(_raw(TITLE), settings), settings)
    assert [a.id for a in doc._.headline] == ["org:kpk", "person:ahmad-fauzi"]
    assert doc.text == TEXT  # the body alone: the record's offsets are the body's
    untitled = make_doc(nlp, prepare(_raw(None), settings), settings)
    assert untitled._.headline is None


def test_batched_and_single_analysis_agree(nlp, settings):
    single = analyze(_raw(TITLE), nlp, settings)
    [batched] = list(analyze_many([_raw(TITLE)], nlp, settings))
    assert batched == single
    assert ("org:kpk", "COERCE", "person:ahmad-fauzi") in {
        (e["source"], e["type"], e["target"]) for e in single["events"]}
    assert single["text"] == TEXT and single["title"] == TITLE
