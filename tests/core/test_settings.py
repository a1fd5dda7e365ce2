from __future__ import annotations

import pytest

from warta.errors import ConfigError
from warta.settings import load_settings


def test_defaults_come_from_packaged_toml():
    s = load_settings()
    assert s.ingest.max_bytes == 50_000_000
    assert "id" in s.language.candidates and "ms" in s.language.candidates
    assert s.serve.host == "127.0.0.1"


def test_user_file_layers_over_defaults(tmp_path):
    user = tmp_path / "warta.toml"
    user.write_text('[ingest]\nmax_bytes = 10\ntext_column = "isi_berita"\n', "utf-8")
    s = load_settings(user)
    assert (s.ingest.max_bytes, s.ingest.text_column) == (10, "isi_berita")
    assert s.ingest.title_column == "title"  # untouched keys keep their default


@pytest.mark.parametrize(
    ("body", "needle"),
    [("[nope]\nx = 1\n", "unknown section"), ("[ingest]\ncolour = 1\n", "unknown key"),
     ("[ingest\n", "E021")],
)
def test_bad_user_file_is_a_coded_config_error(tmp_path, body, needle):
    user = tmp_path / "bad.toml"
    user.write_text(body, "utf-8")
    with pytest.raises(ConfigError, match=needle):
        load_settings(user)


def test_with_ingest_ignores_unset_options():
    s = load_settings().with_ingest(text_column="isi", title_column=None)
    assert s.ingest.text_column == "isi" and s.ingest.title_column == "title"
