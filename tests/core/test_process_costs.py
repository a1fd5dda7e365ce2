"""Issue 20, fifth round: work ``analyze_many`` did again for every article and stage."""

from __future__ import annotations

import pytest
from spacy.language import Language

from warta.process import analyze_many
from warta.types import RawArticle, Source

TEXTS = [
    "Bupati Sleman Kustini meninjau pasar Prambanan, Selasa (4/6/2024). “Harga beras stabil,” "
    "katanya.",
    "Gubernur Jawa Tengah membuka pameran batik di Semarang pada Rabu pagi bersama warga.",
    "Polisi menangkap dua tersangka pencurian sepeda motor di Bantul, Kamis (6/6/2024).",
]


def test_the_model_version_is_read_once_per_batch_not_per_stage_and_article(
        nlp, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy rebuilds ``Language.meta`` (every label of every component) on each read; it was
    read for each trained stage of each article (18 reads for these three)."""
    reads = []
    meta = Language.meta

    def counted(self: Language) -> dict:
        reads.append(1)
        return meta.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Language, "meta", property(counted, meta.fset))  # type: ignore[attr-defined]
    raws = [RawArticle(Source(path=f"b{i}.txt", format="text"), t) for i, t in enumerate(TEXTS)]
    records = list(analyze_many(raws, nlp, settings, batch_size=32))
    assert len(reads) == 1
    version = str(meta.fget(nlp)["version"])  # type: ignore[attr-defined]
    for record in records:
        trained = {s["name"]: s for s in record["stages"] if s["name"] in ("parser", "ner")}
        assert set(trained) == {"parser", "ner"}
        assert all(s["version"] == version and s["status"] == "ok" for s in trained.values())
