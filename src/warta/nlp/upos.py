"""Copy the tagger's UPOS into ``token.pos``.

warta's tagger predicts UPOS as its tag (trained on gold UD plus silver BaPOS UPOS), which is
more accurate than the morphologizer's POS (gold UD only). spaCy's attribute ruler could do the
copy, but it runs a Matcher per label and cost 5% of the pipeline; a direct loop costs ~0.5%.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from warta.nlp.extensions import factory_name

STAGE = "upos_from_tag"
VERSION = "1"
FACTORY = factory_name(STAGE, VERSION)


@Language.factory(FACTORY, assigns=["token.pos"], requires=["token.tag"])
def create_upos_from_tag(nlp: Language, name: str) -> UposFromTag:
    return UposFromTag()


class UposFromTag:
    """Pipeline stage: ``token.pos`` = the tagger's tag where that tag is a UPOS label."""

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        for token in doc:
            pos = POS_IDS.get(strings[token.tag]) if token.tag else None
            if pos:
                token.pos = pos
        return doc
