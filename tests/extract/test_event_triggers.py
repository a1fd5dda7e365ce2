"""Event triggers beyond the lexicon (issue 19): a model trained on labelled words proposes a
word the lexicon lacks as a trigger of its type, through the root it shares with the words it
learnt from; on invented sentences."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from events_helpers import build, lookup
from spacy.vocab import Vocab

from warta.errors import ConfigError
from warta.extract import event_triggers, events
from warta.extract.event_lexicon import lexicon
from warta.train import event_triggers as trainer
from warta.train.extract import trainers

KPK, BUDI = "org:kpk", "person:budi-santoso"
# (sentence, the word that is an event, its PLOVER type): "isolasi" is in no lexicon form (it
# replaced "interogasi", which the lexicon took in events v9)
TRAIN = [
    ("KPK mengisolasi Budi Santoso di Jakarta.", "mengisolasi", "COERCE"),
    ("Polri mengisolasi Prabowo kemarin.", "mengisolasi", "COERCE"),
    ("Isolasi KPK terhadap Budi Santoso berlangsung lama.", "Isolasi", "COERCE"),
    ("Budi Santoso membeli rumah baru di Bandung.", None, None),
    ("Prabowo membeli rumah lama di Jakarta.", None, None),
]


def _examples() -> list[tuple[list[str], str]]:
    out = []
    for text, word, label in TRAIN:
        doc = build(text)
        index, rows = event_triggers.candidates(doc, events.match_triggers(doc))
        out.extend((feats, label if doc[i].text == word else event_triggers.NONE)
                   for i, feats in zip(index, rows, strict=True))
    return out


def _model() -> event_triggers.TriggerModel:
    data = trainer.fit_model(_examples(), seed=0, c=100.0, min_count=2, threshold=0.5)
    return event_triggers.TriggerModel.from_json(json.loads(json.dumps(data)))


def test_fixture_words_are_outside_the_lexicon():
    words = {w for form in lexicon() for w in form}
    assert not {"isolasi", "mengisolasi", "diisolasi", "membeli", "rumah"} & words


def test_a_new_form_of_a_learnt_root_is_proposed_with_its_type():
    doc = build("Budi Santoso diisolasi oleh KPK di Jakarta.")
    proposed, _ = event_triggers.propose(doc, _model(), events.match_triggers(doc))
    assert [(t.text, f.entry.type, f.voice) for t, f in proposed] == \
        [("diisolasi", "COERCE", "passive")]
    assert proposed[0][1].entry.cameo == "170"  # the type's CAMEO root (plover.TYPE_CAMEO)


def test_a_content_word_that_is_no_event_is_not_proposed():
    doc = build("Budi Santoso membeli rumah di Bandung.")
    proposed, _ = event_triggers.propose(doc, _model(), events.match_triggers(doc))
    assert proposed == []


def test_the_events_stage_codes_a_model_trigger_with_its_parties():
    doc = build("Budi Santoso diisolasi oleh KPK di Jakarta.")
    assert events.extract_events(doc, lookup=lookup) == []  # the lexicon alone finds nothing
    doc = build("Budi Santoso diisolasi oleh KPK di Jakarta.")
    found = events.extract_events(doc, lookup=lookup, triggers=_model())
    assert [(e.source, e.type, e.target, e.trigger.text) for e in found] == \
        [(KPK, "COERCE", BUDI, "diisolasi")]


def test_the_lexicon_gate_drops_a_match_the_model_reads_as_no_event():
    model = _model()
    text = "Budi Santoso membeli senjata, lalu KPK menangkap Budi Santoso."
    open_ = replace(model, lexicon_threshold=None)  # every lexicon match passes
    assert (KPK, "COERCE", BUDI) in {(e.source, e.type, e.target) for e in
                                     events.extract_events(build(text), lookup=lookup,
                                                           triggers=open_)}
    closed = replace(model, lexicon_threshold=1.01)  # above any probability
    assert events.extract_events(build(text), lookup=lookup, triggers=closed) == []


# invented word vectors: the words of arresting lie together, those of trading elsewhere
VECTORS = {"mengisolasi": (1.0, 0.1, 0.0, 0.0), "isolasi": (0.9, 0.2, 0.0, 0.0),
           "mengkarantina": (0.95, 0.05, 0.1, 0.0),  # never seen in training
           "membeli": (0.0, 1.0, 0.1, 0.0), "menjual": (0.1, 0.95, 0.0, 0.1)}


def _vectors(_doc, words):
    """The invented vectors as ``word_vectors`` gives them (unit rows, zeros for the rest),
    without touching the shared test vocabulary."""
    rows = np.zeros((len(words), 4))
    for k, w in enumerate(words):
        if w in VECTORS:
            v = np.asarray(VECTORS[w])
            rows[k] = v / np.linalg.norm(v)
    return rows


@pytest.fixture
def vector_model(monkeypatch) -> event_triggers.TriggerModel:
    monkeypatch.setattr(event_triggers, "word_vectors", _vectors)
    rows, labels, vectors = [], [], []
    for text, word, label in TRAIN:
        doc = build(text)
        index, feats = event_triggers.candidates(doc, events.match_triggers(doc))
        rows.extend(feats)
        labels.extend(label if doc[i].text == word else event_triggers.NONE for i in index)
        vectors.append(_vectors(doc, [doc[i].lower_ for i in index]))
    data = trainer.fit_model(list(zip(rows, labels, strict=True)), seed=0, c=100.0,
                             min_count=2, threshold=0.1, vectors=np.vstack(vectors))
    return event_triggers.TriggerModel.from_json(json.loads(json.dumps(data)))


def test_an_unseen_verb_near_a_learnt_kind_is_proposed_with_its_type(vector_model):
    # "mengkarantina" shares no root with the train words: its vector alone places it
    doc = build("KPK mengkarantina Budi Santoso di Jakarta.")
    proposed, _ = event_triggers.propose(doc, vector_model, events.match_triggers(doc))
    assert ("mengkarantina", "COERCE") in [(t.text, f.entry.type) for t, f in proposed]
    without = replace(vector_model, vector_weights=None)  # its other features alone: no event
    assert event_triggers.propose(doc, without, events.match_triggers(doc))[0] == []


def test_an_unseen_verb_near_a_non_event_is_not_proposed(vector_model):
    doc = build("Budi Santoso menjual rumah di Bandung.")
    proposed, _ = event_triggers.propose(doc, vector_model, events.match_triggers(doc))
    assert "menjual" not in [t.text for t, _ in proposed]


def test_vectors_of_another_size_leave_the_sparse_features_alone(vector_model, monkeypatch):
    monkeypatch.setattr(event_triggers, "word_vectors", lambda _d, w: np.ones((len(w), 100)))
    doc = build("KPK mengkarantina Budi Santoso di Jakarta.")
    assert event_triggers.propose(doc, vector_model, events.match_triggers(doc))[0] == []


def test_a_model_trigger_with_a_party_open_makes_no_event():
    # the same passive with no agent: only the target is named, so the weaker trigger is dropped
    doc = build("Budi Santoso diisolasi di Jakarta.")
    dropped: list[str] = []
    found = events.candidates(doc, lookup=lookup, triggers=replace(_model(), threshold=0.3),
                              dropped=lambda t, _f, why: dropped.append(f"{t.text}:{why}"))
    assert found == [] and "diisolasi:one_side" in dropped


def test_negation_modality_and_yang_cues_are_read_past_bridges():
    words = ["polisi", "tidak", "akan", "pernah", "mengusut", "yang", "terlibat", ",", "harus"]
    assert event_triggers.cue_features(words, 4) == ["cue=future", "cue=neg"]
    assert event_triggers.cue_features(words, 6) == ["cue=yang"]
    assert event_triggers.cue_features(words, 1) == []


def test_the_shipped_model_loads_and_is_registered():
    model = event_triggers.load_model()
    assert model is not None and model.labels[0] == event_triggers.NONE
    assert 0.0 < model.threshold < 1.0
    assert model.vector_weights is not None and model.vector_weights.shape[1] == \
        len(model.labels)
    assert event_triggers.shipped_model_path().stat().st_size < 1_000_000
    assert trainers()["event_triggers"].filename == event_triggers.MODEL_FILE


def test_training_is_reproducible():
    assert trainer.fit_model(_examples(), seed=0) == trainer.fit_model(_examples(), seed=0)


def test_a_damaged_model_file_is_a_config_error(tmp_path: Path):
    bad = tmp_path / "t.json"
    bad.write_text('{"labels": ["COERCE"]}', encoding="utf-8")
    with pytest.raises(ConfigError, match="E025"):
        events._triggers_model(str(bad))
    with pytest.raises(ConfigError, match="no such file"):
        events._triggers_model(str(tmp_path / "missing.json"))
    assert events._triggers_model("none") is None


def test_vector_prototypes_follow_the_table_not_a_reused_id():
    # a freed vocabulary's table id can be taken by the next one: an id-keyed cache then gave
    # the new table the old (absent) prototypes, and the features depended on test order
    for _ in range(20):
        blank = Vocab()
        assert event_triggers.prototypes(blank) is None
        del blank
        vocab = Vocab()
        vocab.set_vector("menangkap", np.ones(4, dtype="f"))
        protos = event_triggers.prototypes(vocab)
        assert protos is not None and protos.types == ("COERCE",)


def test_a_model_word_that_makes_no_event_leaves_the_lexicon_trigger_it_governs():
    # "mengingatkan" (REQUEST, learnt) has no named source here: it is no event, and the arrest
    # after it stays an event rather than becoming what was asked (events v19)
    train = [("KPK mengingatkan Prabowo di Jakarta.", "mengingatkan", "REQUEST"),
             ("Polri mengingatkan Budi Santoso kemarin.", "mengingatkan", "REQUEST"),
             ("Budi Santoso membeli rumah baru di Bandung.", None, None),
             ("Prabowo membeli rumah lama di Jakarta.", None, None)]
    data = []
    for text, word, label in train:
        doc = build(text)
        index, rows = event_triggers.candidates(doc, events.match_triggers(doc))
        data.extend((feats, label if doc[i].text == word else event_triggers.NONE)
                    for i, feats in zip(index, rows, strict=True))
    model = event_triggers.TriggerModel.from_json(json.loads(json.dumps(
        trainer.fit_model(data, seed=0, c=100.0, min_count=2, threshold=0.3))))
    assert "mengingatkan" not in {w for form in lexicon() for w in form}
    doc = build("Warga mengingatkan agar KPK menangkap Budi Santoso.")
    dropped: list[str] = []
    found = events.candidates(doc, lookup=lookup, triggers=model,
                              dropped=lambda t, _f, why: dropped.append(f"{t.text}:{why}"))
    assert "mengingatkan:one_side" in dropped
    assert [(c.source, c.type, c.target) for c in found] == [(KPK, "COERCE", BUDI)]
