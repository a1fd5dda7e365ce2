"""The actors stage inside warta.load()'s pipeline (trained NER); skipped until the model ships."""

from __future__ import annotations

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
