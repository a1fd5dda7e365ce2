"""Readers shared by training and evaluation: CoNLL-U with multiword tokens, BIO/IO NER files."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.eval._conll import _tags_to_spans, map_ner_label, read_conllu, read_ner

DATA = Path(__file__).resolve().parent.parent / "data" / "nlp"


def test_conllu_expands_multiword_tokens_with_offsets():
    first = next(read_conllu(DATA / "ud-mini.conllu"))
    assert first.text == "Budi membeli rumahnya di Bandung."
    forms = ["Budi", "membeli", "rumah", "nya", "di", "Bandung", "."]
    assert [w.form for w in first.words] == forms
    spans = [first.text[s:e] for s, e in first.offsets]
    assert spans == forms
    # parts of a multiword token are glued; the token's own SpaceAfter goes to its last part
    assert [w.space_after for w in first.words[2:4]] == [False, True]
    assert first.words[3].head == 3 and first.words[1].head == 0


def test_conllu_reads_every_sentence_and_space_after():
    sentences = list(read_conllu(DATA / "ud-mini.conllu"))
    assert len(sentences) == 4
    quote = sentences[1]
    rebuilt = "".join(w.form + (" " if w.space_after else "") for w in quote.words).strip()
    assert rebuilt == quote.text


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["B-ORG", "B-ORG"], [(0, 1, "ORG"), (1, 2, "ORG")]),
        (["O", "I-LOC", "I-LOC"], [(1, 3, "LOC")]),  # I- after O opens a span (CoNLL)
        (["B-PER", "I-ORG"], [(0, 1, "PER"), (1, 2, "ORG")]),  # a type change opens a span
        (["Person", "Person", "O", "Place"], [(0, 2, "Person"), (3, 4, "Place")]),  # IO
    ],
)
def test_tags_to_spans(tags, spans):
    assert _tags_to_spans(tags) == spans


@pytest.mark.parametrize(
    ("label", "mapped"),
    [("PER", "PERSON"), ("PPL", "PERSON"), ("Person", "PERSON"), ("ORGANISATION", "ORG"),
     ("IND", "ORG"), ("PLC", "LOC"), ("Place", "LOC"), ("LOCATION", "LOC"), ("TIME", None),
     ("QUANTITY", None), ("EVT", None), ("FNB", None)],
)
def test_label_mapping(label, mapped):
    assert map_ner_label(label) == mapped


def test_read_ner_bio_space_separated():
    sentences = list(read_ner(DATA / "ner-bio.txt"))
    assert len(sentences) == 2
    assert sentences[0].words[:4] == ("Menteri", "Keuangan", "Sri", "Mulyani")
    assert sentences[0].spans == ((1, 2, "ORG"), (2, 4, "PERSON"), (6, 7, "LOC"))


def test_read_ner_tab_separated_drops_unlearned_types():
    (sent,) = read_ner(DATA / "ner-ugm.tsv")
    assert sent.spans == ((1, 3, "LOC"), (6, 8, "ORG"))  # the TIME span is gone


def test_read_ner_io_tags():
    (sent,) = read_ner(DATA / "ner-io.txt")
    assert sent.spans == ((0, 1, "PERSON"), (3, 6, "LOC"), (8, 11, "ORG"))


def test_read_ner_io_file_is_marked_io_and_bio_file_is_not():
    assert all(s.io for s in read_ner(DATA / "ner-io.txt"))
    assert not any(s.io for s in read_ner(DATA / "ner-bio.txt"))


def test_read_ner_penn_treebank_escapes_read_as_characters(tmp_path):
    path = tmp_path / "ptb.txt"
    path.write_text("-LRB-\tO\nBPK\tOrganisation\n-RRB-\tO\n``\tO\nya\tO\n''\tO\n",
                    encoding="utf-8")
    (sent,) = read_ner(path)
    assert sent.words == ("(", "BPK", ")", '"', "ya", '"')
    assert sent.spans == ((1, 2, "ORG"),)


def test_read_ner_cuts_a_long_block_without_blank_lines(tmp_path):
    """Wikiner writes whole files without blank lines; a 300-token block becomes sentences."""
    sentence = ["Budi\tPerson", "ke\tO", "Bandung\tPlace", "naik\tO", "kereta\tO", ".\tO"]
    path = tmp_path / "long.txt"
    path.write_text("\n".join(sentence * 50) + "\n", encoding="utf-8")
    sentences = list(read_ner(path))
    assert len(sentences) == 50
    assert all(s.words[-1] == "." and len(s.words) == 6 for s in sentences)
    assert all(s.spans == ((0, 1, "PERSON"), (2, 3, "LOC")) for s in sentences)


def test_read_ner_keeps_a_block_under_the_limit_whole(tmp_path):
    # staged corpora's sentences (at most 216 tokens) stay as they are: training is unchanged
    path = tmp_path / "short.txt"
    path.write_text("\n".join(["Budi\tB-PER", ".\tO"] * 120) + "\n", encoding="utf-8")
    (sent,) = read_ner(path)
    assert len(sent.words) == 240 and len(sent.spans) == 120


def test_read_ner_leaves_two_apostrophes_alone_without_other_escapes(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("kata\tO\n''\tO\n", encoding="utf-8")
    (sent,) = read_ner(path)
    assert sent.words == ("kata", "''")
