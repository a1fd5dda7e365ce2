"""Column names JSON Lines and CSV/TSV inputs commonly use, tried when the configured default is
absent (so a CSV with ``isi_berita,judul,tanggal`` works without options). A column named with
an option (``--text-column``) is never replaced by a guess."""

from __future__ import annotations

TEXT = ("text", "isi_berita", "isi", "konten", "content", "body", "article", "berita")
TITLE = ("title", "judul", "headline", "tajuk")
DATE = ("published", "tanggal", "date", "published_at", "waktu", "datetime", "pubdate")
URL = ("url", "tautan", "link", "uri")
