"""The words of a news web page around the article: menus, related-link headings, credits.

``warta.clean`` removes them (matched case-insensitively on whole paragraphs or first words).
Indonesian newsrooms mix in English menu items, so both are here.
"""

from __future__ import annotations

# Web-page navigation: whole paragraphs that are menu items.
NAVIGATION = frozenset({
    "beranda", "home", "berita", "berita terkini", "nasional", "internasional", "dunia",
    "ekonomi", "bisnis", "finansial", "keuangan", "olahraga", "sport", "hiburan", "seleb",
    "teknologi", "tekno", "politik", "hukum", "daerah", "regional", "metro", "megapolitan",
    "gaya hidup", "lifestyle", "otomotif", "opini", "kolom", "video", "foto", "indeks",
    "menu", "cari", "search", "login", "masuk", "daftar", "register", "kontak", "kontak kami",
    "hubungi kami", "tentang kami", "about us", "redaksi", "susunan redaksi",
    "pedoman media siber", "pedoman siber", "kebijakan privasi", "privacy policy",
    "disclaimer", "karir", "info iklan", "terpopuler", "terkini", "terbaru", "trending",
    "populer", "pilihan editor", "headline", "newsletter", "tv", "live", "sitemap",
    "syarat dan ketentuan", "terms of use", "skip to content", "langsung ke konten",
    "lompat ke konten", "toggle navigation", "navigasi", "selengkapnya", "lihat semua",
    "muat lebih banyak", "load more", "sebelumnya", "berikutnya", "next", "previous",
})

# A heading alone on its line that a list of links to other articles follows.
RELATED_HEADINGS = frozenset({
    "baca juga", "berita terkait", "artikel terkait", "baca juga artikel", "related posts",
})

# First words that look like a place but start a sentence or a credit ("Presiden - ...",
# "Foto: ...") : a dateline never opens with one.
NOT_PLACES = frozenset({
    "presiden", "menteri", "gubernur", "bupati", "wali", "ketua", "kepala", "wakil", "polisi",
    "polri", "kpk", "dpr", "tni", "pemerintah", "oleh", "foto", "video", "baca", "sumber",
    "penulis", "editor", "reporter",
})
