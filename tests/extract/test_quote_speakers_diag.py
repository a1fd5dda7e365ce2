"""The quote attribution diagnosis (scripts/quote_speakers_diag.py, issue 19) on invented
articles: every gold quote is counted once, by the scorer's alignment, with the kind of error."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from test_quotes import BUDI, RINA, blank, make  # noqa: F401  (the fixtures that build Docs by hand)

from warta.types import Actor

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quote_speakers_diag",
                                                  ROOT / "scripts" / "quote_speakers_diag.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


DIAG = _script()

TEXT = ("“Stok beras aman sampai akhir tahun,” kata Rina Mulyani.\n\n"
        "Budi Hartono menilai harga gabah turun.\n\n"
        "Budi Hartono mengatakan bahwa para petani merugi besar.\n\n"
        "Hujan turun deras di Bandung.")


def _span(words: str) -> list[int]:
    start = TEXT.index(words)
    return [start, start + len(words)]


def _gold(first_speaker: str) -> dict:
    return {"actors": [{"id": "a1", "name": "Rina Mulyani", "type": "PERSON",
                        "aliases": [_span("Rina Mulyani")]},
                       {"id": "a2", "name": "Budi Hartono", "type": "PERSON",
                        "aliases": [_span("Budi Hartono")]}],
            "quotes": [{"span": _span("Stok beras aman sampai akhir tahun,"), "kind": "direct",
                        "speaker": first_speaker, "cue": _span("kata")},
                       {"span": _span("para petani merugi besar"), "kind": "indirect",
                        "speaker": "a2", "cue": _span("mengatakan")}]}


def _article(make, gold: dict):  # noqa: F811
    doc = make(TEXT)
    doc._.actors = [Actor(RINA, "Rina Mulyani", "PERSON"), Actor(BUDI, "Budi Hartono", "PERSON")]
    return DIAG.Article(TEXT, gold, doc, [])


def test_counts_follow_the_scorers_alignment(make) -> None:  # noqa: F811
    counts = DIAG.diagnose(_article(make, _gold("a1")), None)
    # two gold quotes attributed; "menilai harga gabah turun" is warta's alone: spurious
    assert counts["gold quotes"] == 2 and counts["attributed"] == 2
    assert counts["spurious / indirect"] == 1
    assert not any(k.startswith(("speaker", "span missed")) for k in counts)


def test_a_wrong_speaker_is_counted_by_cue_phrase_and_cause(make) -> None:  # noqa: F811
    # the gold gives the first quote to Budi: a candidate (named two sentences on) ranked below
    counts = DIAG.diagnose(_article(make, _gold("a2")), None)
    assert counts["speaker wrong"] == 1
    assert counts["speaker wrong / cue kata after"] == 1
    assert counts["speaker wrong / speaker name"] == 1
    assert counts["speaker wrong / why ranked below"] == 1


def test_a_missed_span_is_counted_by_its_form(make) -> None:  # noqa: F811
    gold = _gold("a1")
    gold["quotes"].append({"span": _span("Hujan turun deras"), "kind": "direct",
                           "speaker": None})
    counts = DIAG.diagnose(_article(make, gold), None)
    assert counts["span missed / no marks"] == 1 and counts["attributed"] == 2


@pytest.mark.parametrize(("cue", "kind"), [("kata", "kata"), ("ujarnya", "-nya"),
                                           ("Menurutnya", "menurut"), ("berujar", "ujar"),
                                           (":", "colon"), ("menegaskan", "verb"), ("", "none")])
def test_cue_kind(cue: str, kind: str) -> None:
    assert DIAG.cue_kind(cue) == kind


@pytest.mark.parametrize(("phrase", "cue", "person", "form"), [
    ("Ia", "menuturkan", False, "pronoun"), ("nya", "katanya", False, "-nya"),
    ("kuasa hukum Joko, Budi Hartono", "kata", True, "apposition"),
    ("Kapolres", "jelas", False, "title only"), ("Budi Hartono", "kata", True, "name"),
    (None, None, False, "none")])
def test_speaker_form(phrase: str | None, cue: str | None, person: bool, form: str) -> None:
    assert DIAG.speaker_form(phrase, cue, person) == form


def test_folds_are_seeded_and_balanced() -> None:
    first = DIAG.folds(23, 5, seed=0)
    assert first == DIAG.folds(23, 5, seed=0) and first != DIAG.folds(23, 5, seed=1)
    assert sorted(first.count(f) for f in range(5)) == [4, 4, 5, 5, 5]


def test_the_test_split_is_refused(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        DIAG.main(["test"])
    assert exit_.value.code == 2
    assert "invalid choice: 'test'" in capsys.readouterr().err


def test_the_f1_interval_resamples_articles_and_brackets_the_figure(capsys) -> None:
    from collections import Counter

    good = Counter({"gold quotes": 4, "attributed": 4})
    bad = Counter({"gold quotes": 4, "attributed": 1, "span missed / indirect": 2,
                   "spurious / indirect": 1})
    low, high = DIAG.f1_interval([good, bad, good, bad])
    assert 0.0 < low < 0.6667 < high <= 1.0  # pooled F1: 10 of 16 gold, 14 predicted
    assert DIAG.f1_interval([good, good]) == [1.0, 1.0]
    DIAG.report("train", good + bad, [good, bad])
    assert "F1 0.6667 [" in capsys.readouterr().out


@pytest.mark.parametrize(("why", "form", "follows_wrong", "kind"), [
    ("gold names no one", "title only", False, "gold names no one"),
    ("no warta actor", "name", False, "no warta actor"),
    ("split actor (person:budi for person:budi-hartono)", "name", True,
     "one person as two actors"),
    ("not a candidate / earlier", "-nya", True, "follows a wrong last speaker"),
    ("ranked below", "pronoun", False, "pronoun or -nya to the wrong antecedent"),
    ("ranked below", "name", True, "ranked below"),  # a named speaker inherits nothing
    ("ranked below", "apposition", False, "apposition or role of X"),
    ("not a candidate / earlier", "none", False, "no frame (continuing quote)"),
    ("not a candidate / later", "title only", False, "named only after the quote"),
    ("not a candidate / same sentence", "title only", False, "not a candidate")])
def test_error_kind(why: str, form: str, follows_wrong: bool, kind: str) -> None:
    assert DIAG.error_kind(why, form, follows_wrong) == kind


def test_a_wrong_speaker_is_counted_once_by_kind(make) -> None:  # noqa: F811
    counts = DIAG.diagnose(_article(make, _gold("a2")), None)
    kinds = {k: v for k, v in counts.items() if k.startswith("speaker error kind / ")}
    assert kinds == {"speaker error kind / ranked below": 1}


def test_the_seed_spread_scores_every_fold_shuffle(make, monkeypatch) -> None:  # noqa: F811
    # issue 19, round 10: a feature is kept when it beats what the fold shuffles alone move
    seen: list[int] = []
    real = DIAG.cross_validated

    def counting(articles, k, seed, threshold, show, rows=None):
        seen.append(seed)
        return real(articles, k, seed, threshold, show, rows)

    monkeypatch.setattr(DIAG, "cross_validated", counting)
    articles = [_article(make, _gold("a1")) for _ in range(4)]
    spread = DIAG.seed_spread(articles, 2, [0, 3], 0.5)
    assert seen == [0, 3] and list(spread) == [0, 3]
    assert all(0 <= v <= 8 for v in spread.values())  # 4 articles of 2 gold quotes


def test_a_bad_seed_list_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        DIAG.main(["train", "--seeds", "0,x"])
    assert exit_.value.code == 2
    assert "not a comma-separated list of seeds" in capsys.readouterr().err
