"""Fuzz warta's input path: malformed inputs of every format through ingest → analyze → store.

A seeded generator (stdlib ``random``, no dependency) writes inputs of three kinds to a temporary
folder and feeds each through the code the CLI runs, in one process with one loaded pipeline:
``warta.ingest.read_inputs`` → ``warta.batch.job.analyze_isolated`` (``process.analyze``) →
``warta.store.write.save_record``.

- good: tiny invented Indonesian articles as text, JSON Lines, CSV, HTML, RSS and WARC.gz;
  every article must end up stored (as an article, or as a version of an earlier near copy),
  with no failure line;
- bad: inputs that must fail as exactly one line and give no article (random bytes, truncated
  gzip, gzip and WARC bombs, nested JSON, broken WARC/RSS/CSV, over-long lines, control
  characters, garbage JSON Lines, a WARC of broken records);
- damaged: good inputs with flipped, cut or inserted bytes and in other encodings; any outcome
  is fine as long as reading the input gives at most one failure line and nothing is lost
  silently (each article read is stored or has its own failure line).

Every failure line must be printable, one line, at most 300 characters and coded. It fails (exit
1) on any uncaught exception, any broken rule above, or peak memory (RSS) over ``--max-rss-mb``.
The limits are set low (``LIMITS``) so bombs and huge lines stay quick to build and to refuse;
the code that refuses them is the same at any limit.

    .venv/bin/python bench/fuzz.py --count 10000 --seed 1      # `make fuzz`
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sqlite3
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.batch.job import analyze_isolated
from warta.ingest import read_inputs
from warta.settings import Settings
from warta.store.db import connect
from warta.store.write import save_record, stored_as
from warta.types import Failure, RawArticle

LIMITS = {"max_bytes": 2_000_000, "max_expanded_bytes": 8_000_000,
          "max_record_bytes": 500_000, "max_article_chars": 40_000}
MESSAGE_MAX = 300
_PLACES = ["Desa Sukamaju", "Kota Bogor", "Kabupaten Garut", "Kota Padang", "Desa Wonorejo"]
_DEEDS = ["membersihkan saluran air", "menanam pohon di tepi sungai", "memperbaiki jembatan bambu",
          "membangun pos ronda baru", "membagikan beras kepada warga"]


@dataclass(frozen=True)
class Case:
    """One generated input: its file name, bytes, kind and (for good ones) how many articles."""

    name: str
    data: bytes
    kind: str  # "good" | "bad" | "damaged"
    articles: int = 0


@dataclass
class Report:
    inputs: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    articles_read: int = 0
    stored: int = 0
    failure_lines: int = 0
    uncaught: int = 0
    lost: int = 0
    violations: list[str] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.uncaught and not self.lost and not self.violations

    def as_dict(self) -> dict[str, Any]:
        return {"inputs": self.inputs, "kinds": dict(self.kinds),
                "articles_read": self.articles_read, "stored": self.stored,
                "failure_lines": self.failure_lines, "uncaught": self.uncaught, "lost": self.lost,
                "violations": len(self.violations), "peak_rss_mb": round(self.peak_rss_mb, 1),
                "seconds": round(self.seconds, 1), "ok": self.ok}


# --- good inputs ----------------------------------------------------------------------------

def _story(rng: random.Random, n: int) -> tuple[str, str]:
    """(title, body): two short sentences, unique by ``n`` so no two inputs are one article."""
    place, deed = rng.choice(_PLACES), rng.choice(_DEEDS)
    title = f"Warga {place} Bergotong Royong {n}"
    body = (f"Warga {place} {deed} pada Minggu pagi dalam kegiatan ke-{n}. Kepala desa "
            f"mengatakan kegiatan itu digelar rutin setiap bulan.")
    return title, body


def _text(rng: random.Random, n: int) -> Case:
    title, body = _story(rng, n)
    return Case(f"{n}.txt", f"{title}\n\n{body}\n".encode(), "good", 1)


def _jsonl(rng: random.Random, n: int) -> Case:
    lines = [json.dumps(dict(zip(("title", "text"), _story(rng, n * 10 + i), strict=True)),
                        ensure_ascii=False) for i in range(2)]
    return Case(f"{n}.jsonl", ("\n".join(lines) + "\n").encode(), "good", 2)


def _csv(rng: random.Random, n: int) -> Case:
    rows = ["judul,isi_berita"] + ['"{}","{}"'.format(*_story(rng, n * 10 + i)) for i in range(2)]
    return Case(f"{n}.csv", ("\n".join(rows) + "\n").encode(), "good", 2)


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>{body}</p><p>{body.split('.')[1].strip()}.</p></article>"
            "</body></html>")


def _html(rng: random.Random, n: int) -> Case:
    return Case(f"{n}.html", _page(*_story(rng, n)).encode(), "good", 1)


def _rss(rng: random.Random, n: int) -> Case:
    items = "".join(f"<item><title>{t}</title><link>https://contoh.id/{n}/{i}</link>"
                    f"<description>{b}</description></item>"
                    for i, (t, b) in enumerate(_story(rng, n * 10 + i) for i in range(2)))
    feed = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Warta Desa</title>{items}</channel></rss>")
    return Case(f"{n}.xml", feed.encode(), "good", 2)


def warc_record(body: bytes, *, kind: str = "response", uri: str | None = "https://contoh.id/",
                content_length: int | None = None) -> bytes:
    """One WARC/1.0 record (a response holds an HTTP message around ``body``)."""
    if kind == "response":
        body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    length = len(body) if content_length is None else content_length
    headers = [f"WARC-Type: {kind}", "WARC-Record-ID: <urn:uuid:0>",
               "Content-Type: application/http; msgtype=response", f"Content-Length: {length}"]
    if uri is not None:
        headers.insert(1, f"WARC-Target-URI: {uri}")
    return ("WARC/1.0\r\n" + "\r\n".join(headers) + "\r\n\r\n").encode() + body + b"\r\n\r\n"


def _warc(rng: random.Random, n: int) -> Case:
    records = [gzip.compress(warc_record(_page(*_story(rng, n * 10 + i)).encode(),
                                         uri=f"https://contoh.id/{n}/{i}"), compresslevel=1)
               for i in range(2)]
    return Case(f"{n}.warc.gz", b"".join(records), "good", 2)


GOOD: list[Callable[[random.Random, int], Case]] = [_text, _jsonl, _csv, _html, _rss, _warc]


# --- bad inputs: each must fail as exactly one line -------------------------------------------

class _Bombs:
    """Decompression bombs are costly to build: made once per run, then reused."""

    def __init__(self) -> None:
        self._gz: bytes | None = None
        self._warc: bytes | None = None

    def gz(self) -> bytes:
        if self._gz is None:
            self._gz = gzip.compress(b"\0" * (LIMITS["max_bytes"] * 3), compresslevel=9)
        return self._gz

    def warc(self) -> bytes:
        if self._warc is None:
            body = b"\0" * (LIMITS["max_expanded_bytes"] + 1)
            self._warc = gzip.compress(warc_record(body, kind="resource"), compresslevel=9)
        return self._warc


def _bad(rng: random.Random, n: int, bombs: _Bombs) -> Case:
    title, body = _story(rng, n)
    choice = rng.randrange(14)
    made: tuple[str, bytes]
    if choice == 0:
        made = ("txt", rng.choice([b"", b"   \n\t\n"]))
    elif choice == 1:
        made = ("bin", bytes(rng.randrange(256) for _ in range(rng.randrange(64, 2048))) + b"\0")
    elif choice == 2:
        whole = gzip.compress(f"{title}\n\n{body}".encode())
        made = ("txt.gz", whole[: rng.randrange(11, len(whole) - 8)])
    elif choice == 3:
        made = ("txt.gz", bombs.gz())
    elif choice == 4:
        made = ("warc.gz", bombs.warc())
    elif choice == 5:
        depth = rng.choice([1_500, 20_000, 200_000])
        made = ("jsonl", ('{"text": ' + "[" * depth + "]" * depth + "}").encode())
    elif choice == 6:
        made = ("warc", b"WARC/1.0\r\n" + bytes(rng.randrange(256) for _ in range(300)))
    elif choice == 7:
        made = ("warc", warc_record(b"") * rng.randrange(2, 400))
    elif choice == 8:
        made = ("xml", f'<?xml version="1.0"?><rss><channel><item><title>{title}'.encode()
                + bytes([rng.randrange(1, 9)]) + b"<<</rss")
    elif choice == 9:
        made = ("csv", f"nama,kota\n{title},Bogor\nBudi,Garut\n".encode())
    elif choice == 10:
        made = ("txt", ("kata " * (LIMITS["max_article_chars"] // 4)).encode())
    elif choice == 11:
        made = ("txt", bytes(rng.choice(b"\x01\x02\x03\x1b\x7f") for _ in range(400)) + b"abc")
    elif choice == 12:
        made = ("jsonl", b"\n".join(b'{"text": "' + bytes([rng.randrange(97, 123)]) * 3
                                    for _ in range(rng.randrange(2, 3000))))
    else:
        made = ("xml", b'<?xml version="1.0"?><urlset><url><loc>https://contoh.id/</loc></url>'
                       b"</urlset>")
    ext, data = made
    return Case(f"{n}.bad{choice}.{ext}", data, "bad")


# --- damaged inputs: anything may happen, but within the rules --------------------------------

_INSERTS = ["\u2028", "\u0085", "\x0b", "\x0c", "\x1c", "\x00", "\ufeff", "\ud800", "\x1b[2J",
            '"', "\n", "<", "]]>", "{", "\\"]


def _damaged(rng: random.Random, n: int) -> Case:
    good = rng.choice(GOOD)(rng, n)
    data = bytearray(good.data)
    how = rng.randrange(5)
    if how == 0:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how == 1:
        del data[rng.randrange(len(data)):]
    elif how == 2:
        at = rng.randrange(len(data) + 1)
        data[at:at] = rng.choice(_INSERTS).encode("utf-8", "surrogatepass")
    elif how == 3 and not good.name.endswith(".gz"):
        text = good.data.decode()
        codec = rng.choice(["utf-16-le", "utf-16-be", "utf-16", "utf-32", "latin-1",
                            "cp1252", "gb18030"])
        data = bytearray(text.encode(codec, "replace"))
    else:
        data = bytearray(bytes(rng.randrange(128, 256) for _ in range(rng.randrange(1, 300))))
    return Case(f"{n}.damaged{how}.{good.name.split('.', 1)[1]}", bytes(data), "damaged")


def generate(count: int, seed: int) -> list[Case]:
    """``count`` inputs: about a quarter good, a third bad, the rest damaged, shuffled."""
    rng = random.Random(seed)
    bombs = _Bombs()
    cases = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.25:
            cases.append(rng.choice(GOOD)(rng, n))
        elif roll < 0.6:
            cases.append(_bad(rng, n, bombs))
        else:
            cases.append(_damaged(rng, n))
    return cases


# --- the run ----------------------------------------------------------------------------------

def _check_line(failure: Failure, case: Case, report: Report) -> None:
    message = failure.message
    if not (message.isprintable() and len(message) <= MESSAGE_MAX and message[:1] == "E"
            and message[1:4].isdigit()):
        report.violations.append(f"{case.name}: bad failure line {message[:120]!r}")


def run_case(path: Path, case: Case, nlp: Any, settings: Settings, conn: sqlite3.Connection,
             report: Report) -> None:
    """One input through read → analyze → store, checked against its kind's rules."""
    items = list(read_inputs([str(path)], settings))
    raws = [i for i in items if isinstance(i, RawArticle)]
    read_failures = [i for i in items if isinstance(i, Failure)]
    outcomes = analyze_isolated(raws, nlp, settings) if raws else []
    failures = read_failures + [o for o in outcomes if isinstance(o, Failure)]
    stored = 0
    for outcome in outcomes:
        if isinstance(outcome, dict):
            save_record(conn, outcome)
            # stored as an article, or as a version of one: the generator's stories differ in
            # a word or two, so many are near copies of an earlier one ([dedup])
            if stored_as(conn, outcome["id"]) is not None:
                stored += 1
            else:
                report.lost += 1
                report.violations.append(f"{case.name}: record {outcome['id']} not stored")
    for failure in failures:
        _check_line(failure, case, report)
    report.articles_read += len(raws)
    report.stored += stored
    report.failure_lines += len(failures)
    if len(read_failures) > 1:
        report.violations.append(f"{case.name}: {len(read_failures)} failure lines from reading")
    if case.kind == "good" and (failures or stored != case.articles):
        report.lost += case.articles - stored
        report.violations.append(f"{case.name}: good input gave {stored}/{case.articles} "
                                 f"articles, failures {[f.message for f in failures]}")
    if case.kind == "bad" and (len(failures) != 1 or raws):
        report.violations.append(f"{case.name}: bad input gave {len(raws)} articles and "
                                 f"{len(failures)} failure lines")


def run(count: int, seed: int, *, nlp: Any = None, max_rss_mb: float | None = 1536.0,
        max_rss_growth_mb: float | None = None, progress: bool = False) -> Report:
    """Generate ``count`` inputs and run them all; the report says what broke.

    ``max_rss_mb`` bounds the process's peak memory: right for a run of its own (`make fuzz`).
    Inside a test session the peak is whatever the heaviest earlier test reached, so a test
    bounds ``max_rss_growth_mb`` instead: how far this run raises that high-water mark."""
    import warta

    settings = Settings().with_ingest(**LIMITS)
    nlp = nlp or warta.load(settings)
    report = Report()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="warta-fuzz-") as tmp:
        conn = connect(str(Path(tmp) / "fuzz.db"))
        try:
            for i, case in enumerate(generate(count, seed)):
                path = Path(tmp) / case.name
                path.write_bytes(case.data)
                report.inputs += 1
                report.kinds[case.kind] += 1
                try:
                    run_case(path, case, nlp, settings, conn, report)
                except Exception:  # what the harness is for: an input that escaped every guard
                    report.uncaught += 1
                    report.violations.append(f"{case.name}: uncaught\n{traceback.format_exc()}")
                path.unlink()
                if progress and (i + 1) % 500 == 0:
                    print(f"{i + 1} inputs, {time.perf_counter() - started:.0f} s",
                          file=sys.stderr)
        finally:
            conn.close()
    report.seconds = time.perf_counter() - started
    report.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if max_rss_mb is not None and report.peak_rss_mb > max_rss_mb:
        report.violations.append(f"peak RSS {report.peak_rss_mb:.0f} MB over {max_rss_mb:.0f}")
    growth = report.peak_rss_mb - peak_before
    if max_rss_growth_mb is not None and growth > max_rss_growth_mb:
        report.violations.append(f"peak RSS grew {growth:.0f} MB, over {max_rss_growth_mb:.0f}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator")
    parser.add_argument("--max-rss-mb", type=float, default=1536.0,
                        help="fail when the peak resident memory is over this")
    args = parser.parse_args(argv)
    report = run(args.count, args.seed, max_rss_mb=args.max_rss_mb, progress=True)
    for violation in report.violations[:20]:
        print(violation, file=sys.stderr)
    print(json.dumps(report.as_dict()))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
