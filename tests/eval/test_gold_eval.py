"""`warta eval actors|quotes|events|all|agreement` over a corpus: the pipeline's record scored
against standoff gold rebuilt from staged data (here a tiny invented corpus)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from helpers import SHARED_DATA, needs_shared_data
from warta.eval import corpus
from warta.eval.gold import agreement, evaluate

TOKENS = [[["Menteri", "Luar", "Negeri", "Retno", "Marsudi", "bertemu", "Menteri", "Luar",
            "Negeri", "Jepang", "Yoko", "Kamikawa", "di", "Jakarta", ",", "Senin", "."]],
          [['"', "Kami", "sepakat", "memperkuat", "kerja", "sama", "maritim", ",", '"', "kata",
            "Retno", "."]]]


def _corpus(tmp_path: Path) -> tuple[Path, Path, str]:
    data = tmp_path / "data"
    (data / corpus.INDOSUM[0]).mkdir(parents=True)
    row = {"id": "1500000000-retno-bertemu-kamikawa", "category": "tajuk utama",
           "paragraphs": TOKENS}
    (data / corpus.INDOSUM[0] / corpus.INDOSUM[1]).write_text(json.dumps(row) + "\n",
                                                               encoding="utf-8")
    corpus._indosum_index.cache_clear()
    text = corpus.indosum_text(TOKENS)
    root = tmp_path / "corpus"
    (root / "gold").mkdir(parents=True)
    (root / "double").mkdir()
    art = {"id": "is-retno", "corpus": corpus.INDOSUM[0], "key": row["id"],
           "sha256": corpus.sha256(text), "chars": len(text), "split": "dev"}
    other = dict(art, id="is-gone", key="1500000001-tidak-ada", split="dev")
    (root / "articles.jsonl").write_text(json.dumps(art) + "\n" + json.dumps(other) + "\n",
                                         encoding="utf-8")
    quote = text.index("Kami")

    def spans(*names: str) -> list[list[int]]:
        return [[text.index(n), text.index(n) + len(n)] for n in names]

    gold = {"id": "is-retno", "actors": [
        {"id": "a1", "name": "Retno Marsudi", "type": "PERSON", "country": "IDN",
         "roles": ["minister of foreign affairs"], "aliases": spans("Retno Marsudi", "Retno"),
         "mention": [19, 32], "acts_for": None},
        {"id": "a2", "name": "Yoko Kamikawa", "type": "PERSON", "country": "JPN",
         "roles": ["minister of foreign affairs"], "aliases": spans("Yoko Kamikawa"),
         "mention": [text.index("Yoko"), text.index("Yoko") + 13], "acts_for": None}],
        "quotes": [{"span": [quote, text.index(',"')], "kind": "direct", "speaker": "a1",
                    "cue": None}],
        "events": [{"type": "CONSULT", "mode": None, "source": "a1", "target": "a2",
                    "negated": False, "modality": "asserted"}]}
    for where in ("gold/is-retno.json", "gold/is-gone.json", "double/is-retno.ann1.json"):
        (root / where).write_text(json.dumps(gold), encoding="utf-8")
    variant = dict(gold, events=[])
    (root / "double" / "is-retno.ann2.json").write_text(json.dumps(variant), encoding="utf-8")
    return data, root, text


def test_evaluate_scores_every_layer_and_reports_absent_sources(tmp_path: Path) -> None:
    data, root, _ = _corpus(tmp_path)
    result = evaluate("dev", ("actors", "quotes", "events"), data=data, root=root)
    assert (result["articles"], result["skipped"], result["in_split"]) == (1, 1, 2)
    for layer in ("actors", "quotes", "events"):
        figures = result[layer]
        assert figures["gold"] >= 1
        assert 0.0 <= figures["f1_ci"][0] <= figures["f1"] <= figures["f1_ci"][1] <= 1.0
    # both ministers are named in full: the pipeline finds them and Kamikawa is Japanese
    assert result["actors"]["matched"] == 2


def _add_detik_article(data: Path, root: Path) -> None:
    """A second dev article, from the Detik corpus, whose gold quote is a sentence warta reads
    as narrative (so its figures differ from the IndoSum article's)."""
    import csv

    body = 'Bupati Sleman Harda Kiswaya meninjau pasar. "Harga beras stabil," kata Harda.'
    folder = data / corpus.DETIK[0]
    folder.mkdir(parents=True)
    with (folder / corpus.DETIK[1]).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "judul", "tanggal", "isi_berita"])
        writer.writeheader()
        writer.writerow({"id": "d1", "judul": "Harga beras", "tanggal": "05/01/2025 10:00",
                         "isi_berita": body})
    corpus._detik_index.cache_clear()
    art = {"id": "dt-harda", "corpus": corpus.DETIK[0], "key": "d1",
           "sha256": corpus.sha256(body), "chars": len(body), "split": "dev"}
    with (root / "articles.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(art) + "\n")
    gold = {"id": "dt-harda", "actors": [], "events": [],
            "quotes": [{"span": [0, body.index(".")], "kind": "indirect",
                        "speaker": None, "cue": None}]}
    (root / "gold" / "dt-harda.json").write_text(json.dumps(gold), encoding="utf-8")


def test_evaluate_by_corpus_gives_each_source_its_own_figures(tmp_path: Path) -> None:
    data, root, _ = _corpus(tmp_path)
    _add_detik_article(data, root)
    result = evaluate("dev", ("actors", "quotes"), data=data, root=root, by_corpus=True)
    assert result["articles"] == 2 and result["quotes"]["gold"] == 2
    parts = result["by_corpus"]
    assert sorted(parts) == [corpus.DETIK[0], corpus.INDOSUM[0]]
    indosum, detik = parts[corpus.INDOSUM[0]], parts[corpus.DETIK[0]]
    assert indosum["articles"] == detik["articles"] == 1
    # the IndoSum quote is Retno's and warta finds her; the Detik one it does not read
    assert indosum["quotes"]["matched"] == 1
    assert detik["quotes"]["gold"] == 1 and detik["quotes"]["matched"] == 0
    assert detik["quotes"]["errors"]["span missed"] == 1
    assert indosum["quotes"]["matched"] + detik["quotes"]["matched"] \
        == result["quotes"]["matched"]
    assert "by_corpus" not in evaluate("dev", ("quotes",), data=data, root=root)


def test_eval_cli_prints_the_by_corpus_block(tmp_path: Path, monkeypatch) -> None:
    from warta.cli import cli
    from warta.eval import gold

    data, root, _ = _corpus(tmp_path)
    _add_detik_article(data, root)
    real = gold.evaluate
    monkeypatch.setattr(gold, "evaluate", lambda *a, **k: real(*a, **k, root=root))
    result = CliRunner().invoke(cli, ["eval", "quotes", "--split", "dev", "--by-corpus",
                                      "--data", str(data)])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(line["by_corpus"]) == {corpus.DETIK[0], corpus.INDOSUM[0]}
    assert line["by_corpus"][corpus.INDOSUM[0]]["quotes"]["gold"] == 1


def test_agreement_scores_one_annotator_against_the_other(tmp_path: Path) -> None:
    data, root, _ = _corpus(tmp_path)
    result = agreement(data=data, root=root)
    assert result["articles"] == 1
    assert result["actors"]["f1"] == 1.0 and result["quotes"]["f1"] == 1.0
    assert result["events"]["f1"] == 0.0 and result["events"]["errors"] == {"missed": 1}
    # a split keeps its own batch apart: the doubled article is dev's
    assert agreement(data=data, root=root, splits=("dev2",))["articles"] == 0
    assert agreement(data=data, root=root, splits=("dev", "dev2"))["articles"] == 1


@needs_shared_data("indosum-news")
def test_eval_all_runs_on_the_shipped_corpus() -> None:
    from warta.cli import cli

    result = CliRunner().invoke(cli, ["eval", "all", "--split", "test",
                                       "--data", str(SHARED_DATA)])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert line["task"] == "all" and line["split"] == "test"
    assert {"actors", "quotes", "events"} <= set(line)


def test_quote_speaker_documents_can_be_read_for_one_source_corpus(tmp_path: Path) -> None:
    # the quote diagnosis reads dev's Detik articles apart (scripts/quote_speakers_diag.py
    # --corpus detik): only that corpus's articles are analysed
    from warta.eval._common import load_pipeline
    from warta.train.quote_speakers import documents

    data, root, indosum_text = _corpus(tmp_path)
    _add_detik_article(data, root)
    nlp = load_pipeline(None)
    every = [text for text, _gold, _doc in documents("dev", data, nlp, root=root)]
    detik = [text for text, _gold, _doc in documents("dev", data, nlp, root=root,
                                                      corpus="detik")]
    assert len(every) == 2 and indosum_text in every
    assert len(detik) == 1 and detik[0].startswith("Bupati Sleman")
