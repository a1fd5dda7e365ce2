"""Issue 16, items 1-4: hostile inputs fail alone, as one short printable line each.

Every fixture is generated here: tiny invented Indonesian text, hand-built WARC records, bombs.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import warta.ingest
from warta.cli import EXIT_INTERNAL, main
from warta.errors import one_line
from warta.ingest import read_bytes, read_inputs
from warta.ingest.files import Input
from warta.settings import Settings
from warta.types import Failure, RawArticle, Source

BERITA = "Hujan deras mengguyur Kota Bogor pada Senin sore."
PAGE = f"<html><body><article><p>{BERITA}</p></article></body></html>"


def _read(data: bytes, name: str = "x", settings: Settings | None = None) -> list:
    return list(read_bytes(Input(name, data), settings or Settings()))


def _failures(items: list) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def _articles(items: list) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def _warc_record(body: bytes, *, kind: str = "response", uri: str | None = "https://contoh.id/a",
                 http_type: str = "text/html") -> bytes:
    """One WARC/1.0 record; a response holds an HTTP message with ``body``."""
    if kind == "response":
        body = f"HTTP/1.1 200 OK\r\nContent-Type: {http_type}\r\n\r\n".encode() + body
        ctype = "application/http; msgtype=response"
    else:
        ctype = "text/plain"
    headers = [f"WARC-Type: {kind}", "WARC-Record-ID: <urn:uuid:1>", f"Content-Type: {ctype}",
               f"Content-Length: {len(body)}"]
    if uri is not None:
        headers.insert(1, f"WARC-Target-URI: {uri}")
    return ("WARC/1.0\r\n" + "\r\n".join(headers) + "\r\n\r\n").encode() + body + b"\r\n\r\n"


def _member(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9)


# --- item 1: one bad input never ends the batch -------------------------------------------------

@pytest.mark.parametrize("depth", [1_500, 100_000])
def test_deeply_nested_json_line_fails_alone(depth: int):
    deep = '{"text": ' + "[" * depth + "]" * depth + "}"
    data = "\n".join([f'{{"text": "{BERITA}"}}', deep, '{"text": "Warga berteduh di halte."}'])
    items = _read(data.encode(), "berita.jsonl")
    assert [a.text for a in _articles(items)] == [BERITA, "Warga berteduh di halte."]
    (failure,) = _failures(items)
    assert failure.message == ("E006 berita.jsonl: malformed JSON Lines (line 2: nested too "
                               "deeply)")


def test_deeply_nested_json_file_then_the_next_input(tmp_path: Path):
    deep = tmp_path / "dalam.jsonl"
    deep.write_text('{"text": ' + "[" * 5_000 + "]" * 5_000 + "}\n")
    good = tmp_path / "berita.txt"
    good.write_text(BERITA)
    items = list(read_inputs([str(deep), str(good)], Settings()))
    assert [type(i).__name__ for i in items] == ["Failure", "RawArticle"]
    assert items[0].message.startswith(f"E006 {deep}: malformed JSON Lines (line 1: nested")


def test_warc_response_without_target_uri_is_read():
    data = _warc_record(PAGE.encode(), uri=None) + _warc_record(PAGE.encode())
    items = _read(data, "x.warc")
    assert [(a.source.record, a.source.url) for a in items] == [(0, None),
                                                                (1, "https://contoh.id/a")]
    assert items[0].text == BERITA


def test_an_unexpected_error_fails_that_input_only(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    """The per-input boundary: whatever a reader raises is that input's E014 line."""
    def broken(text: str, name: str):
        yield RawArticle(Source(name, "rss"), BERITA)
        raise KeyError("a library bug")

    monkeypatch.setattr(warta.ingest, "read_feed", broken)
    feed = tmp_path / "umpan.xml"
    feed.write_text('<?xml version="1.0"?><rss><channel><item><title>A</title></item>'
                    "</channel></rss>")
    good = tmp_path / "berita.txt"
    good.write_text(BERITA)
    items = list(read_inputs([str(feed), str(good)], Settings()))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Failure", "RawArticle"]
    assert items[1].message == f"E014 {feed}: input could not be processed (KeyError: 'a library " \
                               "bug')"


def test_warta_itself_failing_exits_3_not_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]):
    import warta.cli.analyze

    def bug(*_: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(warta.cli.analyze, "_records", bug)
    good = tmp_path / "berita.txt"
    good.write_text(BERITA)
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(good)])
    assert exit_.value.code == EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert err == ("warta: E090 warta failed (ZeroDivisionError: division by zero); this is a "
                   "bug, please report it with the command run\n")


def test_cli_bad_input_is_exit_1_and_the_batch_goes_on(tmp_path: Path, nlp):
    deep = tmp_path / "dalam.jsonl"
    deep.write_text('{"text": ' + "[" * 5_000 + "]" * 5_000 + "}\n")
    good = tmp_path / "berita.txt"
    good.write_text(BERITA)
    result = CliRunner().invoke(main_cli(), ["analyze", str(deep), str(good)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"warta: E006 {deep}:")
    assert len(result.stdout.strip().split("\n")) == 1  # the good input's record


def main_cli():
    from warta.cli import cli

    return cli


# --- item 2: JSON Lines break at "\n" only ----------------------------------------------------

@pytest.mark.parametrize("char", ["\u0085", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d",
                                  "\x1e"])
def test_jsonl_line_breaks_only_at_newline(char: str):
    """Raw control characters are not strict JSON, but dumps hold them: they are kept too."""
    line = f'{{"title": "Banjir", "text": "Hujan deras{char}mengguyur Kota Bogor."}}'
    items = _read(f"{line}\r\n{line}\n".encode(), "berita.jsonl")
    assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle"]
    assert items[0].text == f"Hujan deras{char}mengguyur Kota Bogor."


# --- item 3: limits on every decompression and record, refused early ---------------------------

def test_warc_gzip_bomb_is_stopped_at_the_expansion_limit():
    bomb = _member(_warc_record(b"\0" * 3_000_000, kind="resource"))
    assert len(bomb) < 10_000
    settings = Settings().with_ingest(max_expanded_bytes=1_000_000)
    (failure,) = _read(_member(_warc_record(PAGE.encode())) + bomb, "bom.warc.gz", settings)[1:]
    assert failure.message == ("E015 bom.warc.gz: what the input expands to is over the limit "
                               "of 1,000,000 bytes (ingest.max_expanded_bytes)")


def test_warc_record_over_the_record_limit_fails_alone():
    big = PAGE.replace(BERITA, "Banjir. " * 5_000).encode()
    data = _warc_record(big) + _warc_record(PAGE.encode())
    settings = Settings().with_ingest(max_record_bytes=20_000)
    items = _read(data, "x.warc", settings)
    assert [a.source.record for a in _articles(items)] == [1]
    (failure,) = _failures(items)
    assert failure.message == ("E015 x.warc record 0: the record's body is over the limit of "
                               "20,000 bytes (ingest.max_record_bytes)")


def test_long_one_line_text_is_refused_before_it_is_split(monkeypatch: pytest.MonkeyPatch):
    def never(*_: object, **__: object) -> None:
        raise AssertionError("an over-long text reached read_text")

    monkeypatch.setattr(warta.ingest, "read_text", never)
    settings = Settings().with_ingest(max_article_chars=1_000)
    (failure,) = _read(("kata " * 1_000).encode(), "panjang.txt", settings)
    assert failure.message == ("E015 panjang.txt: an article of 5,000 characters is over the "
                               "limit of 1,000 characters (ingest.max_article_chars)")


def test_long_article_in_a_multi_article_input_is_refused_alone():
    rows = [f'{{"text": "{BERITA}"}}', '{"text": "' + "kata " * 1_000 + '"}']
    settings = Settings().with_ingest(max_article_chars=1_000)
    items = _read("\n".join(rows).encode(), "b.jsonl", settings)
    assert [a.text for a in _articles(items)] == [BERITA]
    assert _failures(items)[0].message.startswith("E015 b.jsonl record 1: an article of 4,999 "
                                                  "characters is over the limit of 1,000")


def test_html_page_over_the_record_limit_is_refused_unparsed():
    settings = Settings().with_ingest(max_record_bytes=1_000)
    page = PAGE.replace(BERITA, BERITA * 40).encode()
    (failure,) = _read(page, "halaman.html", settings)
    assert failure.message.startswith("E015 halaman.html: an HTML page of 2,")


# --- item 4: one short printable line per input, naming the real cause -------------------------

def test_many_broken_warc_records_are_one_line():
    empty = _warc_record(b"")
    data = _warc_record(PAGE.encode()) + empty * 3_000
    items = _read(data, "x.warc")
    assert len(_articles(items)) == 1
    (failure,) = _failures(items)
    assert failure.message == ("E008 x.warc record 1: no article text found (empty HTTP "
                               "response); and 2,999 more failures in this input")


def test_corrupt_gzip_under_a_warc_is_named_as_such():
    member = bytearray(_member(_warc_record(PAGE.encode())))
    member[30:40] = b"\xff" * 10  # inside the deflate data, after the header
    items = _read(_member(_warc_record(PAGE.encode())) + bytes(member), "x.warc.gz")
    assert len(_articles(items)) == 1
    (failure,) = _failures(items)
    assert failure.message.startswith("E003 x.warc.gz: truncated or corrupt gzip stream "
                                      "(corrupt gzip data near byte")


@pytest.mark.parametrize("tail", [b"", b"\0" * 100_000, b"\r\n"])
def test_warc_gz_members_and_zero_padding_read_whole(tail: bytes):
    data = b"".join(_member(_warc_record(PAGE.encode(), uri=f"https://contoh.id/{i}"))
                    for i in range(3)) + tail
    items = _read(data, "x.warc.gz")
    assert [a.source.url for a in items] == [f"https://contoh.id/{i}" for i in range(3)]


def test_binary_in_a_message_is_escaped_and_short():
    garbage = (bytes(range(14, 32)) + " \u2028é".encode()) * 40  # warcio quotes it as is
    (failure,) = _read(_warc_record(PAGE.encode()) + garbage, "x.warc")[1:]
    assert failure.message.startswith("E010 x.warc: corrupt WARC (after record 0: Invalid WARC "
                                      "record, first line: \\x0e\\x0f")
    assert failure.message.isprintable() and len(failure.message) <= 300


@pytest.mark.parametrize("raw", ["a\x00b\x1b[31mc\n\nd", "x" * 1_000, "\u2028\x85 e"])
def test_failure_messages_are_one_printable_line(raw: str):
    message = Failure("x", f"E006 x: malformed ({raw})").message
    assert message.isprintable() and len(message) <= 300
    assert message == one_line(message)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(codec: str):
    text = f"Banjir di Bogor\n\n{BERITA} Warga mengungsi ke masjid terdekat."
    (raw,) = _read(text.encode(codec), "berita.txt")
    assert raw.title == "Banjir di Bogor" and raw.text.startswith(BERITA)


def test_nul_bytes_in_binary_are_still_binary():
    data = bytes(range(256)) * 8 + zlib.compress(b"gambar" * 100)
    (failure,) = _read(data, "gambar.bin")
    assert failure.message.startswith("E002 gambar.bin: binary content")
