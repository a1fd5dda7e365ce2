"""The in-domain experiment's bookkeeping (scripts/in_domain_experiment.py) on an invented corpus:
the halves are seeded and disjoint, the rewritten corpus lists no test or dev2 article, and the
paired bootstrap reads a difference where there is one and none where there is none."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("in_domain_experiment",
                                                  ROOT / "scripts" / "in_domain_experiment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


EXP = _script()


def _corpus(folder: Path) -> Path:
    """Invented rows: 4 train, 30 Detik and 2 IndoSum in dev, 2 test, 1 dev2; a gold file each."""
    rows = [(f"is-t{n}", "indosum-news", "train") for n in range(4)]
    rows += [(f"dt-d{n:02d}", "detik-news-2025-summ", "dev") for n in range(30)]
    rows += [(f"is-d{n}", "indosum-news", "dev") for n in range(2)]
    rows += [(f"dt-x{n}", "detik-news-2025-summ", "test") for n in range(2)]
    rows += [("dt-n0", "detik-news-2025-summ", "dev2")]
    (folder / "gold").mkdir(parents=True)
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as f:
        for id_, corpus, split in rows:
            f.write(json.dumps({"id": id_, "corpus": corpus, "key": id_, "sha256": "0",
                                "chars": 1, "split": split}) + "\n")
            (folder / "gold" / f"{id_}.json").write_text("{}", encoding="utf-8")
    return folder


def test_halves_are_seeded_disjoint_and_cover_dev_detik(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    h1, h2 = EXP.halves(7, root)
    assert (h1, h2) == EXP.halves(7, root)
    assert len(h1) == len(h2) == 15 and not set(h1) & set(h2)
    assert set(h1) | set(h2) == {f"dt-d{n:02d}" for n in range(30)}
    assert EXP.halves(8, root) != (h1, h2)


def test_rewritten_corpus_relabels_and_leaves_out_test_and_dev2(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "corpus")
    h1, h2 = EXP.halves(7, source)
    train = ["is-t0", "is-t2", *h1]  # two train articles dropped, H1 added
    out = EXP.write_root(tmp_path / "arm", train, h2, source)
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    split = {r["id"]: r["split"] for r in rows}
    assert {i for i, s in split.items() if s == "train"} == set(train)
    assert {i for i, s in split.items() if s == "heldout"} == set(h2)
    assert {i for i, s in split.items() if s == "dev"} == {"is-d0", "is-d1"}
    assert not {"dt-x0", "dt-x1", "dt-n0", "is-t1", "is-t3"} & set(split)
    assert sorted(p.stem for p in (out / "gold").iterdir()) == sorted(split)


def test_paired_bootstrap() -> None:
    base = {f"a{n}": {"quotes": {"tp": 1, "gold": 2, "pred": 2}} for n in range(10)}
    same = EXP.paired([base], [base], sorted(base), "quotes", EXP.STATS["quotes F1"][1])
    assert same["diff"] == 0.0 and same["ci"] == [0.0, 0.0] and same["up"] == same["down"] == 0
    better = {k: {"quotes": {"tp": 2, "gold": 2, "pred": 2}} for k in base}
    up = EXP.paired([base], [better], sorted(base), "quotes", EXP.STATS["quotes F1"][1])
    assert up["diff"] == 0.5 and up["up"] == 1.0
    mean = EXP.paired([base], [base, better], sorted(base), "quotes", EXP.STATS["quotes F1"][1])
    assert mean["diff"] == 0.25
    back = EXP.paired([base, better], [base], sorted(base), "quotes", EXP.STATS["quotes F1"][1])
    assert back["diff"] == -0.25 and back["down"] == 1.0
