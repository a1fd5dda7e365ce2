"""Triggers mined from the train split (events v7): the lexicon's form generation run backwards,
the miner's choices, a mined row's forms, and why the stage drops a match (the diagnostics'
hook). Every fixture is invented."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from events_helpers import build, lookup

from warta.extract import event_lexicon
from warta.extract.event_lexicon import analyses, inflect, lexicon
from warta.extract.events import candidates, match_triggers

ROOT = Path(__file__).resolve().parents[2]


def _miner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mine_triggers",
                                                  ROOT / "scripts" / "mine_triggers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


MINER = _miner()


@pytest.mark.parametrize(("word", "analysis"), [
    ("mengamankan", ("aman", "meN-kan")),
    ("dieksekusi", ("eksekusi", "di-")),
    ("berkoordinasi", ("koordinasi", "ber-")),
    ("pertemuan", ("temu", "per-an")),
    ("menyalurkan", ("salur", "meN-kan")),
    ("penyerangan", ("serang", "peN-an")),
    ("rapat", ("rapat", "0")),
])
def test_analyses_run_the_form_generation_backwards(word: str, analysis: tuple) -> None:
    found = analyses(word)
    assert analysis in found
    assert all(inflect(base, p) == word for base, p in found)


@pytest.mark.parametrize(("word", "vocabulary", "chosen"), [
    # the base is written on its own: the most affixes stripped wins over "amankan" + meN-
    ("mengamankan", {"aman", "amankan"}, ("aman", "meN-kan")),
    # a bound base is attested by another of its forms
    ("pembahasan", {"membahas"}, ("bahas", "peN-an")),
    # "-i" is not stripped from a base that ends in it
    ("diinterogasi", {"interogasi"}, ("interogasi", "di-")),
    # nothing attested: the word itself
    ("eksekusi", set(), ("eksekusi", "0")),
])
def test_the_miner_keeps_an_attested_base(word: str, vocabulary: set, chosen: tuple) -> None:
    assert MINER.choose(word, frozenset(vocabulary)) == chosen


def test_a_trigger_head_skips_auxiliaries_and_covered_triggers() -> None:
    text = "Warga akan melapor ke polisi. Polisi menangkap pelaku."
    events = [{"type": "ACCUSE", "trigger": [6, 18]},  # "akan melapor"
              {"type": "COERCE", "trigger": [37, 46]}]  # "menangkap": the hand lexicon has it
    assert MINER.heads(text, events, {"menangkap"}) == {11: [events[0]]}


def _root(type_: str, mode: str | None, hits: dict[str, int], articles: int) -> object:
    root = MINER.Root()
    for pattern, n in hits.items():
        root.hits[(type_, pattern)] += n
        root.modes[type_][mode] += n
        root.articles[type_] |= {f"a{i}" for i in range(articles)}
    return root


def test_a_mined_row_takes_both_voices_and_the_hand_lexicon_coding() -> None:
    roots = {"gebuk": _root("ASSAULT", None, {"meN-": 3}, 2)}
    words = Counter({"menggebuk": 4, "digebuk": 2, "gebuk": 9})  # precision 3 / 6
    rows = MINER.propose(roots, words, min_precision=0.5, min_support=2, min_articles=2)
    assert [(r["trigger"], r["forms"], r["type"], r["precision"]) for r in rows] \
        == [("gebuk", "di- meN-", "ASSAULT", "0.50")]
    hand = {(f.entry.type, f.entry.cameo) for f in event_lexicon.file_forms("lexicon.tsv")}
    assert ("ASSAULT", rows[0]["cameo"]) in hand
    assert MINER.propose(roots, words, min_precision=0.6, min_support=2, min_articles=2) == []
    assert MINER.propose(roots, words, min_precision=0.5, min_support=2, min_articles=3) == []


def test_a_bare_noun_is_mined_as_a_noun_and_a_hand_base_is_left_alone() -> None:
    roots = {"sidang": _root("CONSULT", None, {"0": 2}, 2),
             "tangkap": _root("COERCE", "arrest", {"meN-": 5}, 3)}
    rows = MINER.propose(roots, Counter({"sidang": 4, "menangkap": 5}), min_precision=0.3,
                         min_support=2, min_articles=2)
    assert [(r["trigger"], r["forms"]) for r in rows] == [("sidang", "=n")]


_MINED = [{"trigger": "gebuk", "forms": "meN- di- peN-an", "type": "ASSAULT", "mode": "-",
           "cameo": "180", "preps": "-", "flags": "-"},
          {"trigger": "tangkap", "forms": "meN-", "type": "ASSAULT", "mode": "-",
           "cameo": "180", "preps": "-", "flags": "-"}]


def _clear() -> None:
    for cached in (event_lexicon._all_forms, event_lexicon.lexicon, event_lexicon.gapped,
                   event_lexicon.first_words, event_lexicon.max_words):
        cached.cache_clear()


@pytest.fixture
def mined(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    rows = event_lexicon._rows
    monkeypatch.setattr(event_lexicon, "_rows",
                        lambda name: _MINED if name == "mined.tsv" else rows(name))
    _clear()
    yield
    monkeypatch.undo()
    _clear()


@pytest.mark.parametrize(("text", "voice"), [
    ("Rusia menggebuk Ukraina.", "active"),
    ("Ukraina digebuk Rusia.", "passive"),
    ("Penggebukan Ukraina oleh Rusia mengejutkan.", "nominal"),
])
def test_a_mined_trigger_is_found_in_its_forms(mined: None, text: str, voice: str) -> None:
    found = [(f.entry.lemma, f.voice) for _, f in match_triggers(build(text))]
    assert found == [("gebuk", voice)]


def test_a_hand_row_wins_over_a_mined_form(mined: None) -> None:
    assert lexicon()[("menangkap",)].entry.type == "COERCE"


@pytest.mark.parametrize(("text", "trigger", "reason"), [
    ("Penangkapan itu berlangsung di Bandung.", "Penangkapan", "no_party"),
    ("Jepang meminta Tiongkok membebaskan Budi Santoso.", "membebaskan", "complement"),
])
def test_the_stage_says_why_a_match_made_no_event(text: str, trigger: str, reason: str) -> None:
    dropped: list[tuple[str, str]] = []
    candidates(build(text), lookup=lookup,
               dropped=lambda t, _f, why: dropped.append((t.text, why)))
    assert (trigger, reason) in dropped


def test_check_counts_a_rows_forms_inside_and_outside_gold_triggers() -> None:
    """``--check``: where a hand row's surface forms occur, and which gold triggers hold them."""
    text = "KPK menegur Budi. Budi ditegur lagi. Teguran itu keras. Polri menegur diri."
    events = [{"type": "ACCUSE", "trigger": [4, 11]},  # menegur (1st)
              {"type": "REQUEST", "trigger": [23, 30]}]  # ditegur
    rows = [{"trigger": "tegur", "forms": "meN- di-", "type": "ACCUSE", "mode": "-",
             "cameo": "111", "preps": "-", "flags": "-"},
            {"trigger": "tegas", "forms": "meN-kan", "type": "ACCUSE", "mode": "-",
             "cameo": "111", "preps": "-", "flags": "-"}]
    (_, tegur), (_, tegas) = MINER.check_rows(rows, [(text, events)])
    assert (tegur.occurrences, tegur.typed, tegur.any_event) == (3, 1, 2)
    assert tegur.types == Counter({"ACCUSE": 1, "REQUEST": 1})
    assert (tegas.occurrences, tegas.typed) == (0, 0)
