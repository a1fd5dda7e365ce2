"""Acceptance on the seed article (read at run time, never copied): the events issue 6 names.

Two runs: the events stage alone over the gold entity annotations shipped with `warta eval events`
(offsets only), and the full `warta.load()` pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.eval.events import item_text, load_gold, oracle_doc, pipeline_doc
from warta.extract.events import extract_events

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED = SEEDS / "000_f7b9f3e334794158.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} absent")


def _seed_item() -> dict:
    return next(i for i in load_gold(name="dev") if i["id"] == "seed-000")


def _country(doc, actor_id: str | None) -> str | None:
    return next((a.country for a in doc._.actors or [] if a.id == actor_id), None)


def _coded(doc, events) -> list[tuple]:
    return [(_country(doc, e.source), e.type, _country(doc, e.target), e) for e in events]


def _check_acceptance(doc, events) -> None:
    coded = _coded(doc, events)

    def find(source, type_, target, *, sym=False):
        hits = [e for s, t, g, e in coded if t == type_ and ((s, g) == (source, target) or
                (sym and (s, g) == (target, source)))]
        assert hits, f"no {source} {type_} {target} in {[(s, t, g) for s, t, g, _ in coded]}"
        return hits[0]

    visit = find("RUS", "CONSULT", "CHN")
    assert (visit.mode, visit.date, visit.location.name) == ("visit", "2024-05-16", "Beijing")
    find("RUS", "SUPPORT", "CHN")
    find("RUS", "REQUEST", "CHN")
    assert find("RUS", "ASSAULT", "UKR").modality == "historical"
    warning = next((e for s, t, g, e in coded if s == "USA" and g == "CHN"
                    and t in ("THREATEN", "REQUEST")), None)
    assert warning is not None and warning.date == "2024-04"
    assert find("CHN", "CONSULT", "USA", sym=True).date == "2024-04"
    planned = [e for s, t, g, e in coded if t == "COOPERATE" and {s, g} == {"RUS", "CHN"}
               and e.modality == "future"]
    assert planned
    reversed_ = {("UKR", "ASSAULT", "RUS"), ("CHN", "SUPPORT", "RUS"), ("CHN", "REQUEST", "RUS"),
                 ("CHN", "THREATEN", "USA")}
    assert [(s, t, g) for s, t, g, _ in coded if (s, t, g) in reversed_] == []


def test_seed_events_stage_over_gold_entities() -> None:
    item = _seed_item()
    text, _ = item_text(item, SEEDS.parent)
    doc = oracle_doc(item, text)
    _check_acceptance(doc, extract_events(doc))


def test_seed_full_pipeline(nlp) -> None:
    if "events" not in nlp.pipe_names:
        pytest.skip("events stage not in the pipeline")
    item = _seed_item()
    text = Path(SEED).read_text(encoding="utf-8")
    doc = pipeline_doc(nlp, item, text)
    _check_acceptance(doc, doc._.events)
