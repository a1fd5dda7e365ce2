"""The party diagnosis (scripts/event_parties_diag.py, issue 19) on invented articles: where a
gold source or target stands among the candidates and what the model picked instead."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from events_helpers import build, lookup

from warta.extract.event_parties import LABELS, LinearModel, PartyModel
from warta.types import Quote

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("event_parties_diag",
                                                  ROOT / "scripts" / "event_parties_diag.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


DIAG = _script()


def _model(source: list[str], target: list[str]) -> PartyModel:
    """A hand-set model: each listed feature pushes its role, nothing else is known."""
    vocab = {f: i for i, f in enumerate(dict.fromkeys([*source, *target]))}
    weights = [[0.0] * len(vocab),
               [4.0 if f in source else 0.0 for f in vocab],
               [4.0 if f in target else 0.0 for f in vocab]]
    return PartyModel(LinearModel(LABELS, vocab, weights, [0.0, -2.0, -2.0], 0.5))


def _span(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]


def _actor(aid: str, name: str, type_: str, text: str, acts_for: str | None = None) -> dict:
    aliases = [_span(text, name)] if name in text else []
    return {"id": aid, "name": name, "type": type_, "aliases": aliases, "acts_for": acts_for}


QUOTE = '"Kami menolak usulan Malaysia," kata Prabowo.'


def _quote_article() -> tuple[dict, object]:
    gold = {"actors": [_actor("a1", "Prabowo", "PERSON", QUOTE),
                       _actor("a2", "Malaysia", "GPE", QUOTE)],
            "events": [{"trigger": _span(QUOTE, "menolak"), "type": "REJECT",
                        "source": "a1", "target": "a2"}]}
    doc = build(QUOTE)
    content = "Kami menolak usulan Malaysia,"
    doc._.quotes = [Quote(doc.char_span(1, 1 + len(content)), "direct",
                          "person:prabowo-subianto")]
    return gold, doc


def test_a_right_pick_counts_by_the_kind_of_candidate():
    gold, doc = _quote_article()
    counts = DIAG.diagnose(QUOTE, gold, doc, _model(["quote_speaker"], ["pos=right"]),
                           lookup=lookup)
    assert counts["source: candidate / quote_speaker"] == 1
    assert counts["target: candidate / right"] == 1
    assert counts["source: candidate, picked right"] == 1
    assert counts["pair: both sides within reach"] == counts["pair: both sides picked right"] == 1


def test_swapped_roles_are_told_from_other_wrong_picks():
    gold, doc = _quote_article()
    counts = DIAG.diagnose(QUOTE, gold, doc, _model(["pos=right"], ["quote_speaker"]),
                           lookup=lookup)
    assert counts["source: candidate, picked swapped"] == 1
    assert counts["target: candidate, picked swapped"] == 1
    assert counts["pair: both sides picked right"] == 0


def test_a_person_picked_for_the_body_the_gold_codes():
    text = "Budi Santoso menangkap Prabowo di kantor KPK."
    gold = {"actors": [_actor("a1", "Budi Santoso", "PERSON", text, acts_for="a3"),
                       _actor("a2", "Prabowo", "PERSON", text),
                       _actor("a3", "KPK", "ORG", text)],
            "events": [{"trigger": _span(text, "menangkap"), "type": "COERCE",
                        "source": "a3", "target": "a2"}]}
    counts = DIAG.diagnose(text, gold, build(text), _model(["pos=left"], ["prep=none"]),
                           lookup=lookup)
    assert counts["source: gold is a body a person acts for"] == 1
    assert counts["source:   ... and the person is a candidate"] == 1
    assert counts["source: candidate, picked person for body"] == 1
    assert counts["target: candidate, picked right"] == 1


def test_a_gold_party_warta_never_found_is_no_candidate_to_blame():
    gold, doc = _quote_article()
    gold["actors"].append(_actor("a3", "Anwar Ibrahim", "PERSON", QUOTE))
    gold["events"][0]["source"] = "a3"
    counts = DIAG.diagnose(QUOTE, gold, doc, _model(["quote_speaker"], ["pos=right"]),
                           lookup=lookup)
    assert counts["source: no warta actor"] == 1
    assert counts["pair: both sides within reach"] == 0


def test_a_wrong_side_is_counted_by_what_the_gold_party_and_the_pick_are():
    gold, doc = _quote_article()
    counts = DIAG.diagnose(QUOTE, gold, doc, _model(["pos=right"], ["quote_speaker"]),
                           lookup=lookup)
    assert counts["grammar: source active: gold quote_speaker / picked right"] == 1
    assert counts["grammar: target active: gold right / picked quote_speaker"] == 1
    assert counts["grammar: target by gold: active right"] == 1


def test_a_target_picked_where_the_gold_has_none_is_counted_so():
    gold, doc = _quote_article()
    gold["events"][0]["target"] = None
    counts = DIAG.diagnose(QUOTE, gold, doc, _model(["quote_speaker"], ["pos=right"]),
                           lookup=lookup)
    assert counts["grammar: target active: gold null / picked right"] == 1
    assert not [k for k in counts if k.startswith("grammar: source")]  # the source is right


def test_swapped_sides_of_a_direction_free_type_are_counted_apart():
    # the scorer reads CONSULT in either order: the swap is no error
    text = "Prabowo bertemu dengan Xi Jinping."
    gold = {"actors": [_actor("a1", "Prabowo", "PERSON", text),
                       _actor("a2", "Xi Jinping", "PERSON", text)],
            "events": [{"trigger": _span(text, "bertemu"), "type": "CONSULT",
                        "source": "a1", "target": "a2"}]}
    counts = DIAG.diagnose(text, gold, build(text), _model(["pos=right"], ["pos=left"]),
                           lookup=lookup)
    assert counts["source: candidate, picked swapped, direction-free type (scored right)"] == 1
    assert counts["source: candidate, picked swapped"] == 0
    assert counts["pair: both sides picked right"] == 1
    assert not [k for k in counts if k.startswith("grammar:")]


def test_a_side_lost_outside_the_clause_is_counted_by_where_the_gold_party_stands():
    # the quote's speaker, the source, lost to the name in the quote: a speaker of a
    # statement said in its quote; the listing shows the case
    gold, doc = _quote_article()
    listing: list[str] = []
    counts = DIAG.diagnose(QUOTE, gold, doc, _model(["pos=right"], ["quote_speaker"]),
                           lookup=lookup, listing=listing)
    assert counts["outside: source wrong: quote speaker (statement in its quote)"] == 1
    assert counts["outside: source (all): quote speaker (statement in its quote)"] == 1
    assert listing[0] == ("source | quote speaker (statement in its quote) | menolak | gold "
                          "person:prabowo-subianto | picked gpe:MYS | " + repr(QUOTE))
    right = DIAG.diagnose(QUOTE, gold, doc, _model(["quote_speaker"], ["pos=right"]),
                          lookup=lookup)
    assert not [k for k in right if k.startswith("outside:")]  # both picked right


def test_the_outside_kinds():
    assert DIAG.outside_kind(None, False) == "not a candidate"
    dropped = {"pos=prev", "subj_slot=none", "prev_role=nsubj"}
    assert DIAG.outside_kind(dropped, False) == \
        "subject carried over, trigger subject dropped (prev)"
    assert DIAG.outside_kind({"pos=left", "subj_slot=noun", "clause=left|other"}, False) == \
        "same sentence, another clause"
    assert DIAG.outside_kind({"pos=none", "lead", "subj_slot=noun"}, False) == \
        "headline / lead actor"
    assert DIAG.outside_kind({"pos=left", "clause=left|same"}, True) == \
        "pronoun resolved by coref (left)"
    assert DIAG.outside_kind({"pos=right", "clause=right|same"}, False) == \
        "inside the trigger's clause"


def test_wrong_fills_are_tabled_by_what_the_pick_is_instead():
    # swapped sides, and a side filled where the gold leaves it empty
    gold, doc = _quote_article()
    counts = DIAG.diagnose(QUOTE, gold, doc, _model(["pos=right"], ["quote_speaker"]),
                           lookup=lookup)
    assert counts["fill: source wrong: swapped sides"] == 1
    assert counts["fill: target wrong: swapped sides / quote_speaker"] == 1
    gold, doc = _quote_article()
    gold["events"][0]["target"] = None
    counts = DIAG.diagnose(QUOTE, gold, doc, _model(["quote_speaker"], ["pos=right"]),
                           lookup=lookup)
    assert counts["fill: target wrong: side filled where the gold has none"] == 1
    assert not [k for k in counts if k.startswith("fill: source")]  # the source is right


def test_a_person_filled_for_the_body_is_a_fill_of_its_own_kind():
    text = "Budi Santoso menangkap Prabowo di kantor KPK."
    gold = {"actors": [_actor("a1", "Budi Santoso", "PERSON", text, acts_for="a3"),
                       _actor("a2", "Prabowo", "PERSON", text),
                       _actor("a3", "KPK", "ORG", text)],
            "events": [{"trigger": _span(text, "menangkap"), "type": "COERCE",
                        "source": "a3", "target": "a2"}]}
    counts = DIAG.diagnose(text, gold, build(text), _model(["pos=left"], ["prep=none"]),
                           lookup=lookup)
    assert counts["fill: source wrong: the person for the body"] == 1
    assert not [k for k in counts if k.startswith("fill: target")]
