"""The gold news corpus: rebuilding texts, fingerprints, and the pinned test split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.eval import corpus
from warta.eval.corpus import (
    CorpusArticle,
    TextMismatchError,
    corpus_dir,
    detokenize_sentence,
    indosum_text,
    load_articles,
    split_digest,
    verified_text,
)


@pytest.mark.parametrize(("tokens", "text"), [
    (["Ia", "berkata", ",", '"', "Kami", "siap", ".", '"'], 'Ia berkata, "Kami siap."'),
    (["Harga", "naik", "5", "%", "(", "data", "BPS", ")", "."], "Harga naik 5% (data BPS)."),
    (['"', "Ya", '"', ",", "ujarnya", "."], '"Ya", ujarnya.'),
])
def test_detokenize_glues_quotes_and_punctuation(tokens: list[str], text: str) -> None:
    assert detokenize_sentence(tokens) == text


def test_indosum_text_joins_sentences_and_paragraphs() -> None:
    paragraphs = [[["Satu", "."], ["Dua", "."]], [["Tiga", "."]]]
    assert indosum_text(paragraphs) == "Satu. Dua.\n\nTiga."


def _staged(tmp_path: Path, body: list[list[list[str]]]) -> Path:
    data = tmp_path / "data"
    folder = data / corpus.INDOSUM[0]
    folder.mkdir(parents=True)
    row = {"id": "1490000000-contoh", "category": "tajuk utama", "paragraphs": body}
    (folder / corpus.INDOSUM[1]).write_text(json.dumps(row) + "\n", encoding="utf-8")
    corpus._indosum_index.cache_clear()
    return data


def test_verified_text_refuses_a_changed_source(tmp_path: Path) -> None:
    data = _staged(tmp_path, [[["Budi", "datang", "."]]])
    text = "Budi datang."
    art = CorpusArticle("is-x", corpus.INDOSUM[0], "1490000000-contoh", corpus.sha256(text),
                        len(text), "dev")
    assert verified_text(art, data) == text
    changed = CorpusArticle("is-x", corpus.INDOSUM[0], "1490000000-contoh",
                            corpus.sha256("Budi pergi."), 11, "dev")
    with pytest.raises(TextMismatchError):
        verified_text(changed, data)


def test_indosum_publication_date_comes_from_the_id(tmp_path: Path) -> None:
    data = _staged(tmp_path, [[["Budi", "datang", "."]]])
    meta = corpus.document_meta(corpus.INDOSUM[0], "1490000000-contoh", data)
    assert meta == {"title": None, "published": "2017-03-20"}


def test_splits_partition_the_corpus_by_article() -> None:
    arts = load_articles()
    assert len(arts) >= 200
    assert len({a.id for a in arts}) == len(arts)
    assert {a.split for a in arts} == {"train", "dev", "test", "dev2"}
    # the Detik sample has no licence: evaluation only, never train
    assert all(a.split != "train" for a in arts if a.corpus == corpus.DETIK[0])


def test_the_test_split_is_pinned_by_its_digest() -> None:
    """A change to the test split's articles or gold must come with a new digest in the same
    commit (scripts/pin_test_split.py writes it)."""
    pinned = (corpus_dir() / "test.sha256").read_text(encoding="utf-8").split()[0]
    assert split_digest("test") == pinned


def test_digest_changes_with_the_gold(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "gold").mkdir(parents=True)
    row = {"id": "is-a", "corpus": "indosum-news", "key": "k", "sha256": "0", "chars": 1,
           "split": "test"}
    (root / "articles.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    before = split_digest("test", root=root)
    (root / "gold" / "is-a.json").write_text('{"actors": []}', encoding="utf-8")
    assert split_digest("test", root=root) != before


def _is_span(value: object) -> bool:
    return (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int) for v in value) and value[0] < value[1])


def test_articles_carry_no_source_text() -> None:
    """Titles come from the staged source at run time (document_meta), not from the repo."""
    for art in load_articles():
        assert set(vars(art)) == {"id", "corpus", "key", "sha256", "chars", "split",
                                  "annotators"}


def test_gold_holds_offsets_not_text() -> None:
    """Standoff only: no gold file carries a span's text (the sources' licences)."""
    paths = [*(corpus_dir() / "gold").glob("*.json"), *(corpus_dir() / "double").glob("*.json")]
    assert paths
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        for actor in gold["actors"]:
            assert all(_is_span(a) for a in actor["aliases"]), path.name
        for quote in gold["quotes"]:
            assert set(quote) == {"span", "kind", "speaker", "cue"}
        for event in gold["events"]:
            assert (_is_span(event["evidence"]) and event["place"] is None) or _is_span(
                event["place"])
