"""The actors stage inside warta.load()'s pipeline (trained NER); skipped until the model ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.nlp.pipeline import model_path

pytestmark = pytest.mark.skipif(not (model_path() / "config.cfg").exists(),
                                reason="trained model not built yet")

TEXT = (
    "Presiden Rusia Vladimir Putin melakukan kunjungan ke Beijing pada Selasa. Putin bertemu "
    "Presiden Tiongkok Xi Jinping di Balai Agung Rakyat. Washington memperingatkan Beijing agar "
    "tidak membantu Moskow. “Kami bersahabat tanpa batas,” kata Putin kepada wartawan."
)


def test_trained_pipeline_resolves_actors(nlp) -> None:
    doc = nlp(TEXT)
    ids = {a.id for a in doc._.actors}
    assert {"person:vladimir-putin", "person:xi-jinping", "gpe:RUS", "gpe:CHN", "gpe:USA"} <= ids
    putin = next(a for a in doc._.actors if a.id == "person:vladimir-putin")
    assert (putin.country, putin.roles[:1]) == ("RUS", ["president"])
    beijing = [e for e in doc.ents if e.text == "Beijing"]
    assert beijing[0]._.actor is None and beijing[-1]._.actor == "gpe:CHN"
    assert all(e._.actor for e in doc.ents if e.label_ == "PERSON")


SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_f7b9f3e334794158.txt"


@pytest.mark.skipif(not SEED.exists(), reason="seed article not staged")
def test_seed_article_acceptance(nlp, settings) -> None:
    """Issue 4's acceptance, on the article body as `warta analyze` cleans it."""
    from warta.ingest import read_inputs
    from warta.process import prepare

    raw = next(r for r in read_inputs([str(SEED)], settings) if not hasattr(r, "message"))
    doc = nlp(prepare(raw, settings).text)
    by_id = {a.id: a for a in doc._.actors}
    expected = {
        "person:vladimir-putin": ("RUS", "president"), "person:xi-jinping": ("CHN", None),
        "person:antony-blinken": ("USA", "foreign minister"),
        "person:sergei-lavrov": ("RUS", "foreign minister"), "gpe:RUS": ("RUS", None),
        "gpe:CHN": ("CHN", None), "gpe:UKR": ("UKR", None), "gpe:USA": ("USA", None),
        "org:kremlin": ("RUS", None),
    }
    for actor_id, (country, role) in expected.items():
        assert by_id[actor_id].country == country, actor_id
        assert role is None or role in by_id[actor_id].roles, actor_id
    assert {"Moskow"} <= set(by_id["gpe:RUS"].aliases)
    assert {"Tiongkok", "Beijing"} <= set(by_id["gpe:CHN"].aliases)
    assert {"AS", "Washington"} <= set(by_id["gpe:USA"].aliases)
    assert any(a.type == "ORG" and a.name == "China News Agency" for a in doc._.actors)
    people = [a for a in doc._.actors if a.type == "PERSON"]
    assert len(people) == len({a.name for a in people}) == 4
    first_beijing = next(e for e in doc.ents if e.text == "Beijing")
    assert first_beijing.label_ == "GPE" and first_beijing._.actor is None  # "ke Beijing"
