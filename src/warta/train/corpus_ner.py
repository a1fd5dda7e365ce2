"""NER examples from warta's gold news corpus (``warta/eval/corpus``): its actors' name mentions.

The corpus annotates actors, not every name: each actor lists every distinct surface form the
article uses for it (``aliases``, one character span each), and no place or person that is not
an actor is marked. So an article becomes a partially annotated Doc:

- every occurrence of a NAME alias (starts with a capitalised word or is an acronym, and does
  not start with a title or honorific: "Presiden Joko Widodo" is a role mention, whose name
  "Joko Widodo" is its own alias) is an entity: PERSON → PERSON, ORG → ORG, GPE → LOC (the NER
  does not learn GPE; see the model card), or GPE → missing (``gpe``). The gold has no other
  type; an unknown one raises. Overlapping occurrences: the longest wins;
- a gold span that does not align to warta's tokens is missing (no supervision), as is every
  other token that starts with a capital, since it may be a name the gold leaves out (a place
  that does not act, a dateline). Optionally (``casing``) a capitalised word that cased news
  writes in lower case at least one time in twenty ("Saya", "Kemudian", "Menteri" at a
  sentence start or as a title; names such as "Jakarta", "Polri" almost never are) is O: with
  every capitalised word missing the tuned NER labelled some sentence-initial words as names,
  but with the rule it found fewer actors on corpus dev (model card), so it is off by default;
- every other token (lower case, digits, punctuation) is O: common-noun mentions ("pemerintah",
  "polisi", "presiden") are not names.

Only the TRAIN split is trained on; the dev split is converted for checkpoint selection and
never trained on; test is never read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from warta.nlp.lang.id.honorifics import HONORIFICS
from warta.nlp.lang.id.titles import RANKS, TITLES

# The gold's actor types and the NER label each becomes. Every type of docs/annotation.md is
# mapped; an unknown type raises, so a new gold type cannot be silently dropped.
LABELS: dict[str, str] = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
# GPE_MISSING as the GPE label: a GPE name gets no supervision at all (idner-news-2k, the
# tuning target, leaves a country that acts unlabelled where the corpus marks every country)
GPE_MISSING = "missing"

# First words that make an alias a role mention, not a name ("Gubernur DKI Jakarta Anies …",
# "Wakil Ketua Umum Peradi", "Bapak Joko"): titles, ranks and honorifics, lower-cased.
ROLE_WORDS: frozenset[str] = frozenset(
    {t.split()[0] for t in (*TITLES, *RANKS)} | {h.rstrip(".") for h in HONORIFICS}
)
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&.\-]*[A-Z][A-Z0-9&.\-]*$")


@dataclass(frozen=True)
class Mention:
    """One character span of an actor's alias with the NER label it gets."""

    start: int
    end: int
    label: str


def is_name(alias: str) -> bool:
    """Whether an alias is a name the NER should find: capitalised or an acronym, not a role."""
    words = alias.split()
    if not words:
        return False
    first = words[0]
    if _ACRONYM.match(first):
        return True
    if not first[:1].isupper():
        return False
    return first.lower().rstrip(".") not in ROLE_WORDS


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Every case-sensitive occurrence of ``form`` not inside a longer word."""
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    for m in pattern.finditer(text):
        yield m.start(), m.end()


def name_mentions(text: str, gold: dict[str, Any], labels_by_type: Mapping[str, str] = LABELS,
                  ) -> tuple[list[Mention], list[tuple[int, int]]]:
    """(name mentions of every actor, each occurrence in the text; the gold spans of aliases).

    The gold gives one span per distinct form; later occurrences of the form are the same
    actor's (an article's names refer to one referent), so they are found by string search.
    A form two actors share with different labels is left out (ambiguous).
    """
    labels: dict[str, set[str]] = {}
    gold_spans: list[tuple[int, int]] = []
    for actor in gold.get("actors", []):
        if actor["type"] not in labels_by_type:
            raise ValueError(f"actor {actor.get('id')}: unknown type {actor['type']!r}")
        for start, end in actor.get("aliases", []):
            gold_spans.append((start, end))
            form = text[start:end]
            if is_name(form):
                labels.setdefault(form, set()).add(labels_by_type[actor["type"]])
    mentions = [Mention(s, e, next(iter(kinds)))
                for form, kinds in labels.items() if len(kinds) == 1
                for s, e in _occurrences(text, form)]
    return mentions, gold_spans


def _longest_first(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, preferring longer ones ("Sri Mulyani Indrawati" over "Mulyani")."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


LOWER_SHARE = 0.05  # a word cased news writes in lower case this often is a common word


def _maybe_name(word: str, casing: Mapping[str, float]) -> bool:
    """A capitalised word that cased news (almost) never writes in lower case."""
    return word[:1].isupper() and casing.get(word.lower(), 0.0) < LOWER_SHARE


def article_doc(nlp: Language, text: str, gold: dict[str, Any],
                casing: Mapping[str, float] | None = None, gpe: str = "LOC") -> Doc:
    """The article tokenized by ``nlp``'s tokenizer, with the gold's names as entities, other
    capitalised tokens (but common words, by ``casing``: lower-cased word → the share of its
    uses in lower case) and unaligned gold spans missing, and the rest O. ``gpe``: the label
    of GPE names, or GPE_MISSING."""
    doc = nlp.make_doc(text)
    mentions, gold_spans = name_mentions(text, gold, {**LABELS, "GPE": gpe})
    spans = _longest_first([span for m in mentions
                            if (span := doc.char_span(m.start, m.end, label=m.label)) is not None])
    ents = [span for span in spans if span.label_ != GPE_MISSING]
    unsupervised = [span for span in spans if span.label_ == GPE_MISSING]
    in_ent = {i for span in ents for i in range(span.start, span.end)}
    cut = [*gold_spans, *((m.start, m.end) for m in mentions)]
    unaligned = [span for s, e in cut if doc.char_span(s, e) is None
                 and (span := doc.char_span(s, e, alignment_mode="expand")) is not None]
    missing_ids = {i for span in [*unaligned, *unsupervised]
                   for i in range(span.start, span.end)}
    missing_ids |= {t.i for t in doc if _maybe_name(t.text, casing or {})}
    missing_ids -= in_ent
    doc.set_ents(ents, missing=[doc[i : i + 1] for i in sorted(missing_ids)], default="outside")
    return doc


def corpus_docs(nlp: Language, split: str, data: Path, *, root: Path | None = None,
                casing: Mapping[str, float] | None = None, gpe: str = "LOC") -> Iterator[Doc]:
    """One Doc per article of the corpus ``split`` whose text the staged data rebuilds."""
    from warta.eval.corpus import iter_documents

    for _, text, gold, _why in iter_documents([split], data, root=root):
        if text is not None and gold is not None:
            yield article_doc(nlp, text, gold, casing, gpe)


def lower_shares(sentences: Iterable[Iterable[str]]) -> dict[str, float]:
    """lower-cased word → the share of its occurrences written in lower case."""
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for tokens in sentences:
        for token in tokens:
            key = token.lower()
            total[key] += 1
            lower[key] += token[:1].islower()
    return {key: lower[key] / n for key, n in total.items()}


def news_casing(data: Path) -> dict[str, float]:
    """:func:`lower_shares` of IndoSum (unlabelled cased news, the word2vec text; {} absent)."""
    from warta.train.convert import INDOSUM
    from warta.train.truecase import indosum_tokens

    path = data / INDOSUM[0] / INDOSUM[1]
    return lower_shares(indosum_tokens(path)) if path.exists() else {}


def count_labels(docs: Iterable[Doc]) -> dict[str, int]:
    """Entities per label and token counts by kind (entity, O, missing), for the step's log."""
    counts: dict[str, int] = {"docs": 0, "tokens_O": 0, "tokens_missing": 0, "tokens_ent": 0}
    for doc in docs:
        counts["docs"] += 1
        for ent in doc.ents:
            counts[ent.label_] = counts.get(ent.label_, 0) + 1
        for token in doc:
            key = {"O": "tokens_O", "": "tokens_missing"}.get(token.ent_iob_, "tokens_ent")
            counts[key] += 1
    return counts



def _has_ner(doc: Doc) -> bool:
    return doc.has_annotation("ENT_IOB")


def write_corpus_data(nlp: Language, data: Path, corpus: Path, *, repeat: int = 2,
                      rehearsal: float = 1.0, ner_only: bool = False, seed: int = 20240501,
                      gpe: str = "LOC", common_words: bool = False, root: Path | None = None,
                      ) -> dict[str, int]:
    """Write ``corpus``/news-corpus-train|dev.spacy for the ``news-corpus`` step; counts.

    Train: the gold corpus's TRAIN articles ``repeat`` times, plus a seeded ``rehearsal`` share
    of the news-ft step's data (idner-news-2k train + UD gold: the shared tok2vec keeps serving
    the tagger and parser); ``ner_only`` keeps only the rehearsal docs with entities (for a
    run whose UD components are frozen). Dev: news-ft's dev (idner-news-2k dev + held-out GSD)
    plus the corpus DEV articles, for checkpoint selection only. ``gpe``: see
    :func:`article_doc`; ``common_words``: capitalised words IndoSum also writes in lower case
    are O (else every capitalised word outside the gold's names is missing; measured: the
    casing rule found fewer actors on corpus dev, so it is off by default).
    """
    import random

    from spacy.tokens import DocBin

    casing = news_casing(data) if common_words else {}
    train_docs = list(corpus_docs(nlp, "train", data, root=root, casing=casing, gpe=gpe))
    dev_docs = list(corpus_docs(nlp, "dev", data, root=root, casing=casing, gpe=gpe))
    if not train_docs:
        raise ValueError(f"{data}: no corpus train article could be rebuilt (staged data absent?)")
    old = list(DocBin().from_disk(corpus / "news-ft-train.spacy").get_docs(nlp.vocab))
    if ner_only:
        old = [doc for doc in old if _has_ner(doc)]
    random.Random(seed).shuffle(old)
    old = old[: round(len(old) * rehearsal)]
    train = DocBin(store_user_data=False, docs=[*train_docs * repeat, *old])
    dev = DocBin(store_user_data=False,
                 docs=[*DocBin().from_disk(corpus / "news-ft-dev.spacy").get_docs(nlp.vocab),
                       *dev_docs])
    train.to_disk(corpus / "news-corpus-train.spacy")
    dev.to_disk(corpus / "news-corpus-dev.spacy")
    labels = {k: v for k, v in count_labels(train_docs).items() if k in LABELS.values()}
    return {"corpus-train-articles": len(train_docs), "corpus-dev-articles": len(dev_docs),
            **{f"corpus-train-{k}": v for k, v in sorted(labels.items())},
            "rehearsal-docs": len(old), "train-docs": len(train), "dev-docs": len(dev)}


def training_file() -> dict[str, str]:
    """The corpus's entry in a model's ``warta_trained_on`` meta."""
    return {"file": "warta/eval/corpus/gold (train split; texts rebuilt from "
            "indosum-news/indosum-devfolds-shared.jsonl)",
            "part": "the 126 TRAIN articles: actors' name mentions (NER, partial annotation)"}
