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
