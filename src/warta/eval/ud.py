"""`warta eval ud FILE.conllu`: tagging, lemmas, parsing, tokens and sentences of warta's pipeline.

Two passes, as in the CoNLL 2018 shared task:
- on the gold syntactic words of each sentence: ``upos``, ``lemma`` (exact string), ``uas`` and
  ``las`` (universal relation, subtypes such as ``flat:foreign`` folded to ``flat``);
- on the raw ``# text`` (chunks of consecutive sentences, so the splitter has work to do):
  ``token_f1`` over character spans of syntactic words (a multiword token's parts are located
  inside its surface form, menyetujuinya = menyetujui + nya) and ``sent_f1`` over sentence spans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from spacy.language import Language
from spacy.tokens import Doc

from warta.eval._common import accuracy, json_line, load_pipeline, prf, warn_if_trained_on
from warta.eval._conll import UDSentence, read_conllu

CHUNK_SENTENCES = 10  # sentences joined into one raw text for the tokenizer/splitter pass


def _gold_doc(nlp: Language, sent: UDSentence) -> Doc:
    return Doc(nlp.vocab, words=[w.form for w in sent.words],
               spaces=[w.space_after for w in sent.words])


def _rel(label: str) -> str:
    return label.split(":", 1)[0].lower()


def gold_token_scores(nlp: Language, sentences: list[UDSentence],
                      ) -> dict[str, float | None]:
    """UPOS, lemma, UAS and LAS with gold tokenization (one Doc per gold sentence)."""
    pos, lemma, heads, labelled = [], [], [], []
    docs = (_gold_doc(nlp, s) for s in sentences)
    for sent, doc in zip(sentences, nlp.pipe(docs, batch_size=64), strict=True):
        for word, token in zip(sent.words, doc, strict=True):
            pos.append((word.upos, token.pos_))
            if word.lemma != "_" or word.form == "_":  # "_" alone: no lemma given
                lemma.append((word.lemma, token.lemma_))
            gold_head = word.head - 1 if word.head else -1
            pred_head = -1 if token.head.i == token.i else token.head.i
            heads.append((gold_head, pred_head))
            labelled.append(((gold_head, _rel(word.deprel)), (pred_head, _rel(token.dep_))))
    return {"upos": accuracy(pos), "lemma": accuracy(lemma) if lemma else None,
            "uas": accuracy(heads),
            "las": accuracy(labelled)}


def _chunk_text(chunk: list[UDSentence]) -> tuple[str, list[int]]:
    """Raw text of consecutive sentences joined by a space, and each sentence's start offset."""
    starts, parts, pos = [], [], 0
    for sent in chunk:
        starts.append(pos)
        parts.append(sent.text)
        pos += len(sent.text) + 1
    return " ".join(parts), starts


def _gold_word_spans(sent: UDSentence, base: int) -> set[tuple[int, int]]:
    spans = set()
    for offset in sent.offsets:
        if offset is not None:
            spans.add((base + offset[0], base + offset[1]))
    return spans


def raw_text_scores(nlp: Language, sentences: list[UDSentence]) -> dict[str, float | int]:
    """token_f1 and sent_f1 of warta's tokenizer and splitter over character spans."""
    gold_tokens: set[tuple[int, int, int]] = set()
    pred_tokens: set[tuple[int, int, int]] = set()
    gold_sents: set[tuple[int, int, int]] = set()
    pred_sents: set[tuple[int, int, int]] = set()
    chunks = [sentences[i : i + CHUNK_SENTENCES] for i in range(0, len(sentences), CHUNK_SENTENCES)]
    texts = [_chunk_text(c) for c in chunks]
    for n, (chunk, (_text, starts), doc) in enumerate(
        zip(chunks, texts, nlp.pipe(t for t, _ in texts), strict=True)
    ):
        for sent, start in zip(chunk, starts, strict=True):
            gold_tokens |= {(n, s, e) for s, e in _gold_word_spans(sent, start)}
            gold_sents.add((n, start, start + len(sent.text)))
        pred_tokens |= {(n, t.idx, t.idx + len(t.text)) for t in doc if not t.is_space}
        for span in doc.sents:
            words = [t for t in span if not t.is_space]
            if words:
                pred_sents.add((n, words[0].idx, words[-1].idx + len(words[-1].text)))
    return {"token_f1": prf(gold_tokens, pred_tokens)["f1"],
            "sent_f1": prf(gold_sents, pred_sents)["f1"]}


def evaluate_ud(nlp: Language, path: Path) -> dict[str, Any]:
    """All UD figures for one CoNLL-U file; the lemmatizer the shipped model leaves disabled is
    turned on for the scoring on gold words (``pipeline.assigning``) and off again after it."""
    from warta.nlp.pipeline import assigning

    sentences = [s for s in read_conllu(path) if s.words]
    result: dict[str, Any] = {"sentences": len(sentences),
                    "words": sum(len(s.words) for s in sentences)}
    with assigning(nlp, "token.lemma"):
        result.update(gold_token_scores(nlp, sentences))
    result.update(raw_text_scores(nlp, [s for s in sentences if s.text]))
    return result


@click.command("ud")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Model directory to score instead of the shipped one.")
@click.option("--stages/--no-stages", default=True, show_default=True,
              help="Run warta's rule stages too (they must not change tags or trees).")
def ud(file: Path, model: Path | None, stages: bool) -> None:
    """Score POS, lemmas, dependencies, tokens and sentences on a CoNLL-U file; one JSON line.

    Example:

        warta eval ud ../shared/data/ud-indonesian-gsd/id_gsd-ud-dev.conllu
    """
    nlp = load_pipeline(model, stages=stages)
    warn_if_trained_on(nlp, [file])
    click.echo(json_line(evaluate_ud(nlp, file)))
