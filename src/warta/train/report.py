"""Dev scores of a trained pipeline, per corpus, as reported in the model card.

NER figures come from the DocBins written by ``convert`` (``ner-dev-<corpus>.spacy``: official
dev splits where a corpus has one, else the seeded 10% carved from train), scored with spaCy's
exact-span scorer on the trained model alone (no rule stages); UD figures come from
``warta.eval.ud`` on the third of GSD dev held out from training (``convert`` writes it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example

from warta.eval.ud import evaluate_ud
from warta.nlp import tokenizer  # noqa: F401  (registers warta's tokenizer for spacy.load)
from warta.train.convert import GSD_HELDOUT, NER_CORPORA


def ner_dev_scores(model: Path, corpus: Path) -> dict[str, dict[str, Any]]:
    """Per corpus: precision, recall, F1 overall and per label, on gold tokens.

    The trained components alone: an assembled pipeline's rule stages (which retype LOC to GPE
    and add gazetteer actors) are left out, as the NER corpora know no GPE.
    """
    from warta.nlp.pipeline import build

    nlp = build(model, stages=False)
    results = {}
    for c in NER_CORPORA:
        path = corpus / f"ner-dev-{c.name}.spacy"
        if not path.exists():
            continue
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        examples = [Example(_blank(nlp, d), d) for d in docs]
        scores = nlp.evaluate(examples)
        results[c.name] = {
            "sentences": len(docs),
            "p": round(scores["ents_p"], 4),
            "r": round(scores["ents_r"], 4),
            "f": round(scores["ents_f"], 4),
            "per_type": {k: round(v["f"], 4) for k, v in (scores["ents_per_type"] or {}).items()},
        }
    return results


def _blank(nlp: Language, gold: spacy.tokens.Doc) -> spacy.tokens.Doc:
    return spacy.tokens.Doc(nlp.vocab, words=[t.text for t in gold],
                            spaces=[bool(t.whitespace_) for t in gold])


def ud_dev_scores(model: Path, corpus: Path) -> dict[str, Any]:
    """UPOS, lemma, UAS, LAS, token and sentence F1 on the held-out part of GSD dev."""
    from warta.nlp.pipeline import build

    return evaluate_ud(build(model, stages=False), corpus / GSD_HELDOUT)
