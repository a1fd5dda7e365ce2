"""Convert the staged corpora under ``shared/data`` into spaCy DocBins for training.

One pipeline is trained on all of them (configs/news.cfg): UD gold (CSUI train and two thirds
of GSD dev, whose train split is not staged) for tagger, morphologizer, parser and lemmatizer;
silver UPOS from BaPOS for the tagger; five NER corpora mapped to PERSON/ORG/LOC (see
``warta.eval._conll.NER_LABELS``) for the NER. Where a NER corpus has no dev split, a seeded
10% of train is carved off. Sentences shared between corpora (they overlap: same news sources)
are kept once, dev copies first, so no dev sentence is trained on and one annotation per
sentence wins.
"""

from __future__ import annotations

import json
import logging
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from warta.eval._conll import NERSentence, UDSentence, read_conllu, read_ner
from warta.train.pos_silver import csui_lexicon, read_bapos, silver_upos
from warta.train.truecase import casing_lexicon, indosum_tokens, truecase

log = logging.getLogger(__name__)

SEED = 20240501
DEV_FRACTION = 0.1
UD_DOC_SENTENCES = 10  # sentences per training Doc, so the parser learns sentence boundaries


@dataclass(frozen=True)
class NERCorpus:
    """One NER corpus in shared/data: its folder, train file and dev file (None: carve one)."""

    name: str
    train: str
    dev: str | None
    lowercased: bool = False  # tokens shipped lower-cased: capitals are restored (truecase.py)


# Priority order: on a sentence shared between corpora the earlier corpus's annotation is kept.
NER_CORPORA: tuple[NERCorpus, ...] = (
    NERCorpus("idner-news-2k", "train.txt", "dev.txt"),
    NERCorpus("indolem-nerugm", "train.01.tsv", "dev.01.tsv"),
    # NERP is lower-cased. Restoring capitals (lowercased=True) was measured and hurt dev F1
    # (idner-news-2k 0.776 → 0.748, NER-UGM 0.714 → 0.709, both with vectors, step 2500): left
    # lower-cased, NERP reads as its own domain and its partial ORG annotation (IND covers only
    # companies) leaks less into cased news.
    NERCorpus("indonlu-nerp", "train_preprocess.txt", None),
    NERCorpus("indolem-nerui", "train.01.tsv", "dev.01.tsv"),
    NERCorpus("indonlu-nergrit", "train_preprocess.txt", None),
)
UD_TRAIN = ("ud-indonesian-csui", "id_csui-ud-train.conllu")
UD_DEV = ("ud-indonesian-gsd", "id_gsd-ud-dev.conllu")
INDOSUM = ("indosum-news", "indosum-devfolds-shared.jsonl")
BAPOS = ("indonlu-bapos", ("train_preprocess.conll", "valid_preprocess.conll"))
GOLD_REPEAT = 2  # CSUI docs repeated in train so the parser still sees gold trees often


def ud_doc(vocab: Vocab, sentences: list[UDSentence]) -> Doc:
    """One Doc from consecutive CoNLL-U sentences with gold POS, morphology, lemmas and trees."""
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    for sent in sentences:
        offset = len(words)
        for i, word in enumerate(sent.words):
            words.append(word.form)
            spaces.append(word.space_after)
            pos.append(word.upos)  # tag_ carries UPOS too: the tagger learns it
            morphs.append(word.feats)
            lemmas.append(word.lemma)
            heads.append(offset + (word.head - 1 if word.head else i))
            deps.append("ROOT" if word.head == 0 else word.deprel)
            starts.append(i == 0)
        if spaces:
            spaces[-1] = True
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=pos,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def ner_doc(vocab: Vocab, sent: NERSentence) -> Doc:
    """A Doc of one NER sentence with its entities; tokens outside entities are gold O."""
    doc = Doc(vocab, words=list(sent.words))
    doc.set_ents([Span(doc, s, e, label=label) for s, e, label in sent.spans], default="outside")
    return doc


def _chunks(items: list[UDSentence], size: int) -> Iterator[list[UDSentence]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _text_key(text: str) -> str:
    return "".join(text.split()).lower()


def silver_docs(vocab: Vocab, data: Path, gold: list[UDSentence],
                held_out: Iterable[UDSentence] = ()) -> Iterator[Doc]:
    """BaPOS sentences as Docs with silver UPOS in ``tag_`` ("" = missing where unsound).

    BaPOS contains CSUI's sentences, so those in ``held_out`` are skipped: their silver tags
    would leak into an estimate made on them.
    """
    lexicon = csui_lexicon(gold)
    skip = {_text_key(s.text) for s in held_out}
    folder, names = BAPOS
    for name in names:
        if not (data / folder / name).exists():
            log.warning("%s absent under %s; no silver UPOS from it", name, data / folder)
            continue
        for words, tags in read_bapos(data / folder / name):
            if skip and _text_key("".join(words)) in skip:
                continue
            upos = [silver_upos(w, t, lexicon) or "" for w, t in zip(words, tags, strict=True)]
            yield Doc(vocab, words=words, tags=upos)


def _key(sent: NERSentence) -> str:
    return " ".join(sent.words).lower()


def carve(sentences: list[NERSentence], *, seed: int = SEED,
          ) -> tuple[list[NERSentence], list[NERSentence]]:
    """(train, dev): a seeded, reproducible DEV_FRACTION of ``sentences`` held out as dev."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    n_dev = max(1, round(len(sentences) * DEV_FRACTION))
    dev_ids = set(order[:n_dev])
    train = [s for i, s in enumerate(sentences) if i not in dev_ids]
    dev = [s for i, s in enumerate(sentences) if i in dev_ids]
    return train, dev


def _casing_lexicon(data: Path, corpora: list[NERCorpus]) -> dict[str, str]:
    """Most frequent spelling of each word in IndoSum and the cased NER train files."""
    texts: list[list[str]] = []
    indosum = data / INDOSUM[0] / INDOSUM[1]
    if indosum.exists():
        texts.extend(indosum_tokens(indosum))
    for corpus in corpora:
        path = data / corpus.name / corpus.train
        if not corpus.lowercased and path.exists():
            texts.extend(list(s.words) for s in read_ner(path))
    return casing_lexicon(texts)


def ner_splits(
    data: Path, corpora: Iterable[NERCorpus] = NER_CORPORA
) -> dict[str, dict[str, list[NERSentence]]]:
    """Per corpus {"train": [...], "dev": [...]}, deduplicated across corpora, dev first."""
    corpora = list(corpora)
    raw: dict[str, dict[str, list[NERSentence]]] = {}
    lexicon = _casing_lexicon(data, corpora) if any(c.lowercased for c in corpora) else {}
    for corpus in corpora:
        folder = data / corpus.name
        if not (folder / corpus.train).exists():
            log.warning("NER corpus %s absent under %s; skipped", corpus.name, data)
            continue
        train = list(read_ner(folder / corpus.train))
        if corpus.lowercased and lexicon:
            train = [truecase(s, lexicon) for s in train]
        if corpus.dev is None:
            train, dev = carve(train)
        else:
            dev = list(read_ner(folder / corpus.dev))
        raw[corpus.name] = {"train": train, "dev": dev}
    seen: set[str] = set()
    result: dict[str, dict[str, list[NERSentence]]] = {name: {} for name in raw}
    for split in ("dev", "train"):
        for name, splits in raw.items():
            kept = []
            for sent in splits[split]:
                key = _key(sent)
                if split == "train" and key in seen:
                    continue
                seen.add(key)
                kept.append(sent)
            result[name][split] = kept
    return result


# NER corpora of the tuning step (news_ft.cfg): the pipeline trained on all five corpora is tuned
# further on these, so their conventions win where the corpora disagree. Measured on dev with
# the earlier separate NER model: tuning on idner-news-2k gave idner 0.834 / NER-UGM 0.702,
# tuning on idner-news-2k + NER-UGM 0.783 / 0.738, no tuning 0.782 / 0.728. idner-news-2k, for
# instance, leaves a country used as an actor unlabelled ("serangan udara Israel") where NER-UGM
# labels it LOC.
FT_CORPORA = ("idner-news-2k",)


# GSD's train split is not staged, but the held-out tests include GSD test, whose conventions
# differ from CSUI's (compound vs nmod, lemmas). So GSD dev is split: a seeded third of its
# 10-sentence chunks stays dev (written out as CoNLL-U for `warta eval ud`), the rest trains.
GSD_DEV_SHARE = 1 / 3
GSD_HELDOUT = "gsd-dev-heldout.conllu"
CSUI_HELDOUT = "csui-train-heldout.conllu"
FT_UD_REPEAT = 1  # gold UD docs mixed into the NER fine-tuning so the shared tok2vec keeps them


def _conllu_blocks(path: Path) -> list[str]:
    """The raw CoNLL-U text of each sentence, in file order."""
    text = path.read_text(encoding="utf-8")
    return [block.strip("\n") + "\n" for block in text.split("\n\n") if block.strip()]


def chunk_split(n: int, share: float, *, seed: int = SEED) -> tuple[list[int], list[int]]:
    """(train, dev) indices of ``n`` sentences: a seeded ``share`` of whole UD_DOC_SENTENCES
    chunks is dev, so no dev sentence has its neighbours in train."""
    chunks = [list(range(i, min(i + UD_DOC_SENTENCES, n))) for i in range(0, n, UD_DOC_SENTENCES)]
    order = list(range(len(chunks)))
    random.Random(seed).shuffle(order)
    dev_chunks = set(order[: max(1, round(len(chunks) * share))]) if share > 0 else set()
    train = [i for c, ids in enumerate(chunks) if c not in dev_chunks for i in ids]
    dev = [i for c, ids in enumerate(chunks) if c in dev_chunks for i in ids]
    return train, dev


def gsd_split(n: int, *, seed: int = SEED) -> tuple[list[int], list[int]]:
    """(train, dev) indices of GSD dev's ``n`` sentences: whole chunks of UD_DOC_SENTENCES."""
    return chunk_split(n, GSD_DEV_SHARE, seed=seed)


def convert(data: Path, out: Path, *, csui_dev_share: float = 0.0) -> dict[str, int]:
    """Write the corpora of the single shared-tok2vec pipeline.

    news-train: UD gold (CSUI train + GSD train part, x GOLD_REPEAT), BaPOS silver UPOS and
    the five NER corpora; news-dev: GSD held-out part + every NER dev split; news-ft-*: the
    fine-tuning step (idner-news-2k + UD gold). Annotation a doc lacks is missing, not wrong:
    spaCy skips parser/NER updates on docs without heads/entities and ignores "" tags.

    ``csui_dev_share`` > 0 holds out that share of CSUI train too (written as CSUI_HELDOUT):
    an experiment that estimates CSUI-convention accuracy, since CSUI has no staged dev split.
    The shipped model trains on all of CSUI (share 0).
    """
    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    bins = {k: DocBin(store_user_data=False)
            for k in ("news-train", "news-dev", "news-ft-train", "news-ft-dev")}
    counts = _add_ud(data, out, vocab, bins, csui_dev_share=csui_dev_share)
    counts.update(_add_ner(data, out, vocab, bins))
    for key, bin_ in bins.items():
        bin_.to_disk(out / f"{key}.spacy")
    counts["pretrain-paragraphs"] = write_pretrain_text(data, out)
    return counts


def _heldout(path: Path, share: float, out: Path) -> tuple[list[UDSentence], list[UDSentence]]:
    """(train, dev) sentences of ``path``; the dev share is also written as CoNLL-U to ``out``."""
    sentences = list(read_conllu(path))
    train_ids, dev_ids = chunk_split(len(sentences), share)
    if dev_ids:
        blocks = _conllu_blocks(path)
        out.write_text("\n".join(blocks[i] for i in dev_ids), encoding="utf-8")
    return [sentences[i] for i in train_ids], [sentences[i] for i in dev_ids]


def _add_ud(data: Path, out: Path, vocab: Vocab, bins: dict[str, DocBin], *,
            csui_dev_share: float = 0.0) -> dict[str, int]:
    """UD gold and BaPOS silver into ``bins``; the held-out GSD third also as CoNLL-U."""
    csui, csui_dev = _heldout(data / UD_TRAIN[0] / UD_TRAIN[1], csui_dev_share,
                              out / CSUI_HELDOUT)
    gsd_train, gsd_dev = _heldout(data / UD_DEV[0] / UD_DEV[1], GSD_DEV_SHARE, out / GSD_HELDOUT)
    gold = [ud_doc(vocab, c) for part in (csui, gsd_train) for c in _chunks(part, UD_DOC_SENTENCES)]
    for doc in gold * GOLD_REPEAT:
        bins["news-train"].add(doc)
    for doc in gold * FT_UD_REPEAT:
        bins["news-ft-train"].add(doc)
    n_silver = 0
    for doc in silver_docs(vocab, data, csui + gsd_train, csui_dev):
        bins["news-train"].add(doc)
        n_silver += 1
    for chunk in (*_chunks(gsd_dev, UD_DOC_SENTENCES), *_chunks(csui_dev, UD_DOC_SENTENCES)):
        doc = ud_doc(vocab, chunk)
        bins["news-dev"].add(doc)
        bins["news-ft-dev"].add(doc)
    counts = {"csui-train": len(csui), "gsd-train": len(gsd_train), "gsd-dev": len(gsd_dev),
              "silver": n_silver}
    if csui_dev:
        counts["csui-dev"] = len(csui_dev)
    return counts


def _add_ner(data: Path, out: Path, vocab: Vocab, bins: dict[str, DocBin]) -> dict[str, int]:
    """The NER corpora into ``bins``, plus one dev DocBin per corpus for the report."""
    counts: dict[str, int] = {}
    for name, parts in ner_splits(data).items():
        dev_bin = DocBin(store_user_data=False)
        for split in ("train", "dev"):
            for sent in parts[split]:
                doc = ner_doc(vocab, sent)
                bins[f"news-{split}"].add(doc)
                if name in FT_CORPORA:
                    bins[f"news-ft-{split}"].add(doc)
                if split == "dev":
                    dev_bin.add(doc)
            counts[f"{name}-{split}"] = len(parts[split])
        dev_bin.to_disk(out / f"ner-dev-{name}.spacy")
    return counts


PRETRAIN_TEXT = "pretrain.jsonl"
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]”’%])")
_NO_SPACE_AFTER = re.compile(r"([(\[“‘]) ")


def detokenize(tokens: list[str]) -> str:
    """Raw-looking text from pre-tokenized words (no space before closing punctuation)."""
    text = " ".join(tokens)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def indosum_paragraphs(path: Path) -> Iterator[str]:
    """IndoSum paragraphs as raw text (the corpus ships them tokenized)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for paragraph in json.loads(line).get("paragraphs", []):
                yield " ".join(detokenize(sentence) for sentence in paragraph)


def write_pretrain_text(data: Path, out: Path) -> int:
    """IndoSum paragraphs as JSON Lines ({"text": ...}) for ``spacy pretrain``; how many."""
    source = data / INDOSUM[0] / INDOSUM[1]
    if not source.exists():
        log.warning("%s absent; no raw text for pretraining", source)
        return 0
    n = 0
    with (out / PRETRAIN_TEXT).open("w", encoding="utf-8") as fh:
        for text in indosum_paragraphs(source):
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            n += 1
    return n


def training_files() -> list[dict[str, str]]:
    """The shared/data files the pipeline trains on and how much of each (kept in its meta)."""
    files = [
        {"file": "/".join(UD_TRAIN), "part": "all sentences (gold UD)"},
        {"file": "/".join(UD_DEV), "part": f"{1 - GSD_DEV_SHARE:.0%} of its 10-sentence "
         f"chunks, seeded (gold UD); the other chunks are dev ({GSD_HELDOUT})"},
        *({"file": f"{BAPOS[0]}/{name}", "part": "all sentences (silver UPOS)"}
          for name in BAPOS[1]),
    ]
    for corpus in NER_CORPORA:
        part = "all sentences" if corpus.dev else f"{1 - DEV_FRACTION:.0%} of the sentences"
        files.append({"file": f"{corpus.name}/{corpus.train}", "part": f"{part} (NER)"})
    files.append({"file": "/".join(INDOSUM), "part": "all articles (unlabelled: word2vec "
                  "vectors)"})
    return files
