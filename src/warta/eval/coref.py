"""`warta eval coref`: mention-to-actor linking of the gazetteer and actors stages.

Scored on the shared split of the Indonesian coreference corpus (id-coreference-news,
``training-data.xml``). Every named or third-person-pronoun mention of a gold chain after its
first named mention is correct when warta resolves it to an actor (non-null) that it also gave
an earlier named mention of the same chain; two mentions of the same unrecognised-as-actor
place count as agreeing. The chain's titles ("Direktur Utama X") are markables too, so a single
anchor would be unfair. Documents are rebuilt from runs of sentences the chains connect.

Without an NER model in the pipeline (or with ``--oracle``), gold person/name spans stand in for
the NER so the linking is still measured; the output says which (``"mentions"``). Actors as the
news reader sees them (found, country, type) are scored by ``warta eval actors`` on the gold
news corpus.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from warta.eval._common import json_line, load_pipeline, parse_xml
from warta.resolve import actors as _actors_stage
from warta.resolve import gazetteer as _gazetteer_stage
from warta.resolve.actors import resolve_pronoun, resolve_speaker

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "id-coreference-news"
PRONOUNS = frozenset({"ia", "dia", "beliau", "nya"})
NE_LABELS = {"PERSON": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "LOC"}


# --- running the pipeline with or without a model's NER ----------------------------------------


def analyse(nlp: Language, text: str, oracle: Sequence[tuple[int, int, str]], *,
            force_oracle: bool) -> Doc:
    """Run the pipeline up to the actors stage; oracle (start, end, label) chars replace NER
    output when the pipeline has no NER or when forced."""
    use_oracle = force_oracle or "ner" not in nlp.pipe_names
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "gazetteer" and use_oracle:
            spans = [doc.char_span(s, e, label=lab, alignment_mode="expand")
                     for s, e, lab in oracle]
            doc.ents = filter_spans([s for s in spans if s is not None])
        doc = proc(doc)
        if name == "actors":
            break
    return doc


def predicted(doc: Doc, start: int, end: int, *, pronoun: bool) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if pronoun:
        return resolve_pronoun(doc, span.start)
    return resolve_speaker(doc, span)


def _location_actor(doc: Doc, start: int, end: int) -> str | None:
    ents = [e for e in doc.ents if e.start_char < end and start < e.end_char]
    if not ents:
        return "(not an entity)"
    actor: str | None = ents[0]._.actor
    return actor


def _summary(by_kind: dict[str, list[bool]]) -> dict[str, Any]:
    flat = [ok for oks in by_kind.values() for ok in oks]
    return {
        "n": len(flat),
        "accuracy": round(sum(flat) / len(flat), 4) if flat else 0.0,
        "by_kind": {k: {"n": len(v), "accuracy": round(sum(v) / len(v), 4)}
                    for k, v in sorted(by_kind.items())},
    }


# --- the coreference corpus --------------------------------------------------------------------


@dataclass
class Phrase:
    id: str
    sentence: int
    start: int  # characters into the rebuilt document
    end: int
    name: tuple[int, int] | None  # chars of the proper-name run, if any
    label: str | None
    pronoun: bool
    coref: str | None


def _words(phrase: ET.Element) -> list[tuple[str, str, str]]:
    words = [w.rsplit("\\", 1) for w in (phrase.text or "").split()]
    types = (phrase.get("ne") or "").split("|")
    return [(w[0], w[1] if len(w) > 1 else "", types[i] if i < len(types) else "")
            for i, w in enumerate(words)]


def read_corpus(path: Path) -> list[list[ET.Element]]:
    """Sentences (lists of phrase elements) in file order."""
    root = parse_xml(path)
    return [list(s.iter("phrase")) for s in root.iter("sentence")]


def _build(sentences: Sequence[list[ET.Element]], first: int) -> tuple[str, list[Phrase]]:
    """The text of a run of sentences and its markables with character offsets."""
    text = ""
    phrases: list[Phrase] = []
    for k, sent in enumerate(sentences):
        for el in sent:
            words = _words(el)
            if not words:
                continue
            start = None
            run: list[int] = []
            label = None
            for word, pos, ne in words:
                if word.lower().startswith("nya") and text.endswith(" "):
                    text = text.rstrip(" ")  # the clitic was split off its host: glue it back
                elif text and not text.endswith((" ", "\n")):
                    text += " "
                start = len(text) if start is None else start
                bare = word.rstrip(".,;:!?\"'”")
                if pos.startswith("NNP") and bare[:1].isupper() and (not run or run[-1] >= 0):
                    run = [run[0] if run else len(text), len(text) + len(bare)]
                    label = label or NE_LABELS.get(ne)
                elif run:
                    run.append(-1)  # the first name run has ended
                text += word + " "
            text = text.rstrip(" ")
            pronoun = len(words) == 1 and words[0][0].lower().strip(".,”\"") in PRONOUNS
            name = (run[0], run[1]) if run else None
            phrases.append(Phrase(el.get("id") or "", first + k, start or 0, len(text), name,
                                  label, pronoun, el.get("coref")))
            text += " "
        text += "\n"
    return text, phrases


def _windows(sentences: Sequence[list[ET.Element]]) -> list[tuple[int, int]]:
    """Runs of sentences that coreference links connect (each run becomes one document)."""
    where = {el.get("id"): i for i, s in enumerate(sentences) for el in s if el.get("id")}
    spans = sorted((where[el.get("coref")], i) for i, s in enumerate(sentences) for el in s
                   if el.get("coref") in where and where[el.get("coref")] <= i)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b + 1) for a, b in merged]


def _chains(phrases: Sequence[Phrase]) -> dict[str, str]:
    parent = {p.id: p.id for p in phrases}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in phrases:
        if p.coref in parent:
            parent[find(p.id)] = find(p.coref)
    return {p.id: find(p.id) for p in phrases}


_PLACE = "(place)"


def _named(doc: Doc, chars: tuple[int, int]) -> str | None:
    """Actor of a named mention; a recognised place with no actor counts as the same place."""
    got = predicted(doc, *chars, pronoun=False)
    if got is None and _location_actor(doc, *chars) is None:
        return _PLACE
    return got


def score_corpus(nlp: Language, path: Path, *, force_oracle: bool) -> dict[str, Any]:
    sentences = read_corpus(path)
    by_kind: dict[str, list[bool]] = {}
    for a, b in _windows(sentences):
        text, phrases = _build(sentences[a:b], a)
        chain_of = _chains(phrases)
        # the corpus's NE tags are noisy ("Mark Zuckerberg" LOCATION): a chain that a
        # third-person pronoun refers to is a person's
        person_chains = {chain_of[p.id] for p in phrases if p.pronoun}
        oracle = [(p.name[0], p.name[1], "PERSON" if chain_of[p.id] in person_chains
                   else p.label or "")
                  for p in phrases if p.name and (p.label or chain_of[p.id] in person_chains)]
        doc = analyse(nlp, text, oracle, force_oracle=force_oracle)
        earlier: dict[str, list[str | None]] = {}
        for p in phrases:
            chain = chain_of[p.id]
            if p.pronoun and chain in earlier:
                got = predicted(doc, p.start, p.end, pronoun=True)
                by_kind.setdefault("pronoun", []).append(got is not None and
                                                         got in earlier[chain])
            elif p.name:
                got = _named(doc, p.name)
                if chain in earlier:
                    by_kind.setdefault("name", []).append(got in earlier[chain] and (
                        got is not None or got == _PLACE))
                earlier.setdefault(chain, []).append(got)
    return _summary(by_kind)


def _with_stages(model: Path) -> Language:
    """A model directory (e.g. an NER-only training run) plus sentences and the actor stages."""
    import spacy

    from warta.nlp import extensions, tokenizer  # noqa: F401  (registers the custom tokenizer)

    extensions.register()
    nlp = spacy.load(model)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer")
    for stage in (_gazetteer_stage, _actors_stage):  # an assembled model lists them already
        if stage.STAGE not in nlp.pipe_names:
            nlp.add_pipe(stage.FACTORY, name=stage.STAGE)
    return nlp


@click.command()
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Model directory (default: the shipped one).")
@click.option("--corpus", "corpus_path", type=click.Path(path_type=Path), default=None,
              help="Coreference XML (default: shared id-coreference-news training split).")
@click.option("--oracle", is_flag=True, help="Use gold name spans instead of the model's NER.")
def coref(model: Path | None, corpus_path: Path | None, oracle: bool) -> None:
    """Mention-to-actor linking on the Indonesian coreference corpus (id-coreference-news).

    Example:

        warta eval coref --oracle
    """
    nlp = load_pipeline(None) if model is None else _with_stages(model)
    mode = "oracle" if oracle or "ner" not in nlp.pipe_names else "model"
    result: dict[str, Any] = {"task": "coref", "mentions": mode}
    path = corpus_path or CORPUS / "training-data.xml"
    if not path.exists():
        click.echo(f"skipped {path}: absent", err=True)
    else:
        result["corpus"] = score_corpus(nlp, path, force_oracle=oracle) | {"file": path.name}
    click.echo(json_line(result))
