"""Issue 16, item 7: markup and fragments the model takes for names never become actor ids
('org:', 'org:javascript', 'org:alert-5'); real names still do."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, ent_actor, with_persons

from warta.resolve.coref import name_slug


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


@pytest.mark.parametrize(("text", "slug"), [
    ("Bank Jago", "bank-jago"), ("PT Maju Sejahtera", "pt-maju-sejahtera"), ("BEM UI", "bem-ui"),
    ("Persero (Tbk)", "persero-tbk"), ("eFishery", "efishery"), ("Koperasi & Co", "koperasi-co"),
    ("—", None), ("<>", None), ("X", None), ("5", None), ("javascript", None),
    ("alert(5)", None), ("Alert(5)", None), ("PT <b", None), ("onerror=alert", None),
    ("javascript:alert", None), ("https://jahat.example", None), ("{{7*7}}", None),
    ("merdeka.com", "merdeka-com"), ("www.suara.com", "www-suara-com"),
    ("detik.co.id", "detik-co-id"), ("lesbian", None), ("jahat.example", None),
])
def test_name_slug(text: str, slug: str | None) -> None:
    assert name_slug(text) == slug


@pytest.mark.parametrize("fragment", ["<b>", "javascript", "alert(5)", "PT <b", "—"])
def test_fragments_tagged_org_make_no_actor(nlp, fragment: str) -> None:
    text = f"Pesan {fragment} muncul di laman Bank Jago pada Senin."
    doc = with_persons(nlp, text, others=((fragment, "ORG"), ("Bank Jago", "ORG")))
    assert [a.id for a in doc._.actors] == ["org:bank-jago"]
    assert ent_actor(doc, "Bank Jago") == "org:bank-jago"


def test_fragment_tagged_person_makes_no_actor(nlp) -> None:
    text = "Kode Budi <b> disisipkan, kata Rina Wulandari."
    doc = with_persons(nlp, text, persons=("Budi <b>", "Rina Wulandari"))
    assert [a.id for a in doc._.actors] == ["person:rina-wulandari"]
    assert ent_actor(doc, "Budi <b>") is None
