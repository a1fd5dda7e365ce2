"""The search page's and /api/search's mode: words (fts), meaning (semantic) or both (hybrid),
over the fixture articles embedded by the real model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warta.serve.app import create_app


@pytest.fixture(scope="module", autouse=True)
def _release_model() -> Iterator[None]:
    """Unmap the model when the module is done: test_fuzz bounds the session's peak memory."""
    yield
    from warta.nlp.encoder import load_encoder

    load_encoder.cache_clear()

ARREST = "KPK tahan Bupati Budi Santoso"
PROTEST = "Mahasiswa demo tolak revisi UU Penyiaran"
# Its words never all occur in one article (full text finds nothing); it means the protest.
BY_MEANING = "pelajar turun ke jalan memprotes undang-undang"


@pytest.fixture(scope="module")
def embedded(embedded_db_path: Path):
    with TestClient(create_app(embedded_db_path)) as c:
        yield c


def test_semantic_finds_what_no_word_matches(embedded) -> None:
    words = embedded.get("/api/search", params={"q": BY_MEANING}).json()
    assert words["total"] == 0 and words["hits"] == []
    body = embedded.get("/api/search", params={"q": BY_MEANING, "mode": "semantic"}).json()
    assert body["hits"][0]["title"] == PROTEST
    assert body["total"] == len(body["hits"]) == 4  # every article is ranked by meaning
    assert sum(d["count"] for d in body["per_day"]) == body["total"]


def test_hybrid_keeps_word_hits_first_and_their_highlight(embedded) -> None:
    body = embedded.get("/api/search", params={"q": "mahasiswa", "mode": "hybrid"}).json()
    assert body["hits"][0]["title"] == PROTEST
    assert "[mahasiswa]" in body["hits"][0]["snippet"].lower()


def test_page_keeps_the_chosen_mode(embedded) -> None:
    html = embedded.get("/", params={"q": BY_MEANING, "mode": "semantic"}).text
    assert '<option value="semantic" selected>' in html
    assert html.index(PROTEST) < html.index(ARREST)
    assert 'id="search-notice"' not in html


def test_unknown_mode_is_a_client_error(embedded) -> None:
    assert embedded.get("/api/search", params={"q": "x", "mode": "makna"}).status_code == 422


def test_store_without_vectors_searches_words_with_a_notice(client) -> None:
    body = client.get("/api/search", params={"q": "KPK", "mode": "semantic"}).json()
    assert body["notice"].startswith("E036 ")
    assert body["mode"] == "fts" and ARREST in {h["title"] for h in body["hits"]}
    html = client.get("/", params={"q": "KPK", "mode": "hybrid"}).text
    assert 'id="search-notice"' in html and "warta embed" in html
