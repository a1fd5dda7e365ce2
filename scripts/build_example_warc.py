"""Build examples/articles/berita-demo.warc.gz from examples/articles/berita-demo.html.

Deterministic (fixed dates and record ids, gzip members without timestamps), so re-running it
reproduces the committed file byte for byte:

    .venv/bin/python scripts/build_example_warc.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "examples" / "articles" / "berita-demo.html"
OUT = ROOT / "examples" / "articles" / "berita-demo.warc.gz"
URL = "https://wartakita.example/2025/10/20/mahasiswa-demo-tolak-revisi-uu-penyiaran/"
ROBOTS_URL = "https://wartakita.example/robots.txt"
DATE = "2025-10-21T02:00:00Z"
HTTP_DATE = "Tue, 21 Oct 2025 02:00:00 GMT"


def _record_id(n: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, n: int) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type),
                                       ("Content-Length", str(len(body))),
                                       ("Date", HTTP_DATE)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http,
        warc_headers_dict={"WARC-Date": DATE, "WARC-Record-ID": _record_id(n)})
    writer.write_record(record)


def build(html: bytes) -> bytes:
    """The WARC.gz bytes: a warcinfo record, the article page, and a robots.txt (not an article)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = writer.create_warcinfo_record(
        "berita-demo.warc.gz", {"software": "warta scripts/build_example_warc.py",
                                "description": "Invented example page for warta's demo"})
    info.rec_headers.replace_header("WARC-Date", DATE)
    info.rec_headers.replace_header("WARC-Record-ID", _record_id(1))
    writer.write_record(info)
    _response(writer, URL, html, "text/html; charset=UTF-8", 2)
    _response(writer, ROBOTS_URL, b"User-agent: *\nDisallow: /wp-admin/\n", "text/plain", 3)
    return out.getvalue()


def main() -> int:
    OUT.write_bytes(build(HTML.read_bytes()))
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
