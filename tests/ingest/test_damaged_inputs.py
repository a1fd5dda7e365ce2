"""Damaged inputs never raise: every one ends as articles and/or coded Failures."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

from warta.clean import clean_article
from warta.errors import InputError
from warta.ingest import read_bytes
from warta.ingest.files import Input
from warta.settings import Settings
from warta.types import Failure, RawArticle

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "tests" / "data" / "ingest").iterdir()) + \
    sorted((ROOT / "examples" / "articles").iterdir())
WARC = ROOT / "examples" / "articles" / "berita-demo.warc.gz"


def _damaged(seed: int) -> tuple[str, bytes]:
    rng = random.Random(seed)
    path = rng.choice(SOURCES)
    data = bytearray(path.read_bytes())
    if data and rng.random() < 0.5:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    else:
        data = data[: rng.randrange(len(data) + 1)]
    return path.name, bytes(data)


@pytest.mark.parametrize("seed", range(60))
def test_damaged_input_never_raises(seed: int, capfd: pytest.CaptureFixture[str]):
    name, data = _damaged(seed)
    for item in read_bytes(Input(name, data), Settings()):
        assert isinstance(item, RawArticle | Failure)
        if isinstance(item, Failure):
            assert item.message[:1] == "E" and "\n" not in item.message
        else:
            try:
                clean_article(item)
            except InputError as e:
                assert str(e).startswith("E008")
    assert "WARNING" not in capfd.readouterr().err  # warcio's printed warnings are captured


def test_wrong_content_length_is_a_corrupt_warc(capfd: pytest.CaptureFixture[str]):
    plain = gzip.decompress(WARC.read_bytes())
    start = plain.index(b"WARC-Type: response")
    at = plain.index(b"Content-Length: ", start) + len(b"Content-Length: ")
    end = plain.index(b"\r\n", at)
    shorter = str(int(plain[at:end]) - 40).encode()
    items = list(read_bytes(Input("x.warc", plain[:at] + shorter + plain[end:]), Settings()))
    assert isinstance(items[-1], Failure) and items[-1].message.startswith("E010 x.warc:")
    assert capfd.readouterr().err == ""
