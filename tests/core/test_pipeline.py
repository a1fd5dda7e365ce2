"""Pipeline construction: contracts checked at build time, settings reach the stages."""

from __future__ import annotations

import json

from click.testing import CliRunner

from warta.cli import cli
from warta.nlp.pipeline import STAGES, build, stage_config
from warta.settings import load_settings


def test_shipped_pipeline_has_trained_components_and_every_stage(nlp):
    for trained in ("tagger", "parser", "ner"):
        assert trained in nlp.pipe_names
    assert [n for n in nlp.pipe_names if n in {s[0] for s in STAGES}] == [s[0] for s in STAGES]


def test_stage_config_from_settings(tmp_path):
    conf = tmp_path / "warta.toml"
    conf.write_text('[actors]\nuser_file = "mine.toml"\n', "utf-8")
    assert stage_config(load_settings(conf)) == {"actors": {"user_file": "mine.toml"}}
    assert stage_config(load_settings()) == {}


def test_model_without_sentence_boundaries_gets_a_sentencizer(tmp_path):
    import spacy

    spacy.blank("id").to_disk(tmp_path / "bare")
    nlp = build(tmp_path / "bare", stages=False)
    assert "sentencizer" in nlp.pipe_names
    assert len(list(nlp("Satu kalimat. Dua kalimat.").sents)) == 2


def test_user_actors_file_via_config_reaches_analyze(tmp_path):
    actors = tmp_path / "actors.toml"
    actors.write_text('[[actor]]\nid = "person:si-komo"\nname = "Si Komo Lewat"\n'
                      'type = "PERSON"\ncountry = "IDN"\naliases = ["Komo"]\n', "utf-8")
    conf = tmp_path / "warta.toml"
    conf.write_text(f'[actors]\nuser_file = "{actors}"\n', "utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Komo mengatakan jalanan macet di Jakarta pada Senin pagi.", "utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(article), "--config", str(conf)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    ids = {a["id"] for a in record["actors"]}
    assert "person:si-komo" in ids


def test_damaged_model_is_a_coded_config_error(tmp_path):
    import pytest

    from warta.errors import ConfigError

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.cfg").write_text("[nlp]\nlang = \"id\"\npipeline = [\"ner\"]\n", "utf-8")
    with pytest.raises(ConfigError, match="E025"):
        build(broken, stages=False)


def test_settings_supported_languages_reach_the_rule_stages(tmp_path):
    conf = tmp_path / "warta.toml"
    conf.write_text('[language]\nsupported = ["id", "en"]\n', "utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The finance minister said on Monday that the government will support "
                       "families affected by the floods, and that aid would arrive this week.",
                       "utf-8")
    for config, expected in ((None, "skipped"), (conf, "ok")):
        args = ["analyze", str(article)] + (["--config", str(config)] if config else [])
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        record = json.loads(result.stdout)
        assert record["language"] == "en"
        stages = {s["name"]: s["status"] for s in record["stages"]}
        assert stages["quotes"] == stages["events"] == stages["ner"] == expected


# Invented texts that reach every stage: a user actor, a quote, an event with a date and a
# place, a title and rank before a name, a negated tone word.
ROUND_TRIP_TEXTS = (
    'Komo mengatakan, "Kami tidak akan mundur dari Jakarta." Ia tiba di Bandung, Senin '
    "(3/6/2024).",
    "Jepang mengecam Tiongkok di Tokyo, Selasa (4/6/2024). Menteri Luar Negeri Jepang Taro "
    "Kuning menyatakan bahwa kerja sama kedua negara tidak baik.",
    "Kapolres Cibodas AKBP Budi Santosa menyebut banjir merusak 20 rumah warga kemarin.",
)


def _records(nlp) -> list[dict]:
    from warta.record import to_record

    return [to_record(nlp(text)) for text in ROUND_TRIP_TEXTS]


def _user_actors(path):
    path.write_text('[[actor]]\nid = "person:si-komo"\nname = "Si Komo Lewat"\n'
                    'type = "PERSON"\ncountry = "IDN"\naliases = ["Komo"]\n', "utf-8")
    return path


def test_saved_pipeline_loads_with_spacy_and_gives_the_same_records(tmp_path):
    import spacy

    actors = _user_actors(tmp_path / "actors.toml")
    nlp = build(stage_config={"actors": {"user_file": str(actors)},
                              "tone": {"negation_window": 3}})
    before = _records(nlp)
    assert "person:si-komo" in {a["id"] for a in before[0]["actors"]}
    nlp.to_disk(tmp_path / "saved")
    actors.write_text("", "utf-8")  # the saved copy, not the file as it is now, is loaded
    nlp2 = spacy.load(tmp_path / "saved")
    assert nlp2.pipe_names == nlp.pipe_names
    assert nlp2.get_pipe("tone").negation_window == 3
    assert _records(nlp2) == before


def test_an_option_switched_in_config_cfg_reaches_the_stage(tmp_path):
    import spacy
    from spacy.util import load_config

    build().to_disk(tmp_path / "saved")
    config = load_config(tmp_path / "saved" / "config.cfg", interpolate=False)
    config["components"]["gazetteer"]["disabled_repairs"] = ["check_person"]
    config["components"]["quotes"]["bahwa_reach"] = 3
    config.to_disk(tmp_path / "saved" / "config.cfg")
    nlp = spacy.load(tmp_path / "saved")
    assert nlp.get_pipe("gazetteer").disabled_repairs == {"check_person"}
    assert nlp.get_pipe("quotes").bahwa_reach == 3


def test_an_unknown_repair_name_is_a_coded_config_error():
    import pytest

    from warta.errors import ConfigError

    with pytest.raises(ConfigError, match="E023 unknown repair 'split_holder'"):
        build(stage_config={"gazetteer": {"disabled_repairs": ["split_holder"]}})


def test_spacy_load_finds_warta_through_entry_points_alone(tmp_path, nlp):
    """A subprocess that never imports warta itself: spaCy loads the factories from the entry
    points in pyproject.toml (a dist-info like the one pip writes, ahead of the checkout)."""
    import os
    import subprocess
    import sys
    import tomllib

    from helpers import ROOT

    groups = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["entry-points"]
    dist = tmp_path / "site" / "warta-0.1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: warta\nVersion: 0.1.0\n")
    (dist / "entry_points.txt").write_text("".join(
        f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in points.items())
        for group, points in groups.items()))
    nlp.to_disk(tmp_path / "saved")
    code = ("import sys, spacy\n"
            "nlp = spacy.load(sys.argv[1])\n"
            "print(nlp.pipe_names[-1], nlp('Jepang mengecam Tiongkok.')._.stages[-1].version)")
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join([str(tmp_path / "site"), str(ROOT / "src")])}
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "saved")], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["tone", "1"]


def test_model_layers_multiply_with_numpy_blas_and_annotate_as_with_blis(monkeypatch):
    # issue 20: blis was 2.8x slower than numpy's BLAS on the model's shapes; same annotations
    import contextlib

    from warta.nlp import pipeline

    text = ("Gubernur Jawa Barat meninjau banjir di Bekasi, Selasa (14/5/2024). “Warga harus "
            "waspada,” katanya kepada wartawan di kantor BPBD.")

    def backends(nlp):
        return {(type(p.model.ops).__name__, p.model.ops.use_blis)
                for _, p in nlp.pipeline if hasattr(getattr(p, "model", None), "ops")}

    every = ("token.lemma", "token.morph")  # the components the model ships disabled too
    fast = build(stages=False, annotations=every)
    assert backends(fast) == {("NumpyBlasOps", False)}
    monkeypatch.setattr(pipeline, "_cpu_ops", contextlib.nullcontext)  # thinc's default: blis
    blis = build(stages=False, annotations=every)
    assert backends(blis) == {("NumpyOps", True)}

    def annotations(doc):
        return [(t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_,
                 str(t.morph), t.is_sent_start) for t in doc]

    assert annotations(fast(text)) == annotations(blis(text))
