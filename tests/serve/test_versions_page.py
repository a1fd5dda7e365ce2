"""The article page and the API list an article's versions (its copies from other outlets)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from dedup_texts import NEAR_COPY, ORIGINAL, SAME_TOPIC


def test_article_page_and_api_show_versions(tmp_path: Path, fixture_store: ModuleType) -> None:
    from fastapi.testclient import TestClient

    from warta.serve.app import create_app

    original = fixture_store.text_record("Banjir Sukamaju", ORIGINAL, published="2024-11-04")
    copy = fixture_store.text_record("Ratusan Rumah Terendam", NEAR_COPY,
                                     published="2024-11-05")
    copy["source"] = {**copy["source"], "url": "https://daerah.example/banjir",
                      "site_name": "Kabar Daerah"}
    hostile = fixture_store.text_record("<script>x</script>", NEAR_COPY + " Tambahan.")
    hostile["source"] = {**hostile["source"], "url": "javascript:alert(1)"}
    other = fixture_store.text_record("Tanggul Jebol", SAME_TOPIC)
    fixture_store.build_store(tmp_path / "s.db", [original, copy, hostile, other], dedup=True)
    with TestClient(create_app(tmp_path / "s.db")) as client:
        html = client.get(f"/article/{original['id']}").text
        section = html[html.index('id="versions"'):]
        assert "Versions (2)" in section
        assert '<a href="https://daerah.example/banjir"' in section
        assert "Ratusan Rumah Terendam" in section and "2024-11-05 · Kabar Daerah" in section
        assert "near copy" in section and "javascript:" not in section
        assert "<script>x" not in section
        api = client.get(f"/api/articles/{original['id']}/versions").json()
        assert [v["id"] for v in api] == [copy["id"], hostile["id"]]
        assert api[0]["kind"] == "near" and 0.6 <= api[0]["similarity"] < 1
        moved = client.get(f"/article/{copy['id']}", follow_redirects=False)
        assert (moved.status_code, moved.headers["location"]) == (
            301, f"/article/{original['id']}")
        plain = client.get(f"/article/{other['id']}")
        assert plain.status_code == 200 and 'id="versions"' not in plain.text
