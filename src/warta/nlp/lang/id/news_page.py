"""The words of a news web page around the article: menus, related-link headings, credits.

``warta.clean`` removes them (matched case-insensitively on whole paragraphs or first words).
Indonesian newsrooms mix in English menu items, so both are here.
"""

from __future__ import annotations

from warta.nlp.lang.id import actor_cues, conjunctions, event_markers

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

# --- words a page's markup glued together (``warta.clean.glue``) ----------------------------------
# A news page's links and italics lose the spaces at their edges when the page is scraped
# ("ujar Budi kepadadetikcom", "Pantauandetikcomdi lokasi", "dilansirAFP", "kataKapolres").
# A seam is put back only where it is certain: at a name that is no part of any word.

# The sections of the detik network, each written glued to "detik" ("detikJabar",
# "detikFinance"), as the network prints them. "detik" itself is a word (a second; "detikan",
# "sedetik", the readers' "detikers"): only "detik" + one of these is the outlet's name.
DETIK_SECTIONS: tuple[str, ...] = (
    "com", "News", "Finance", "Inet", "INET", "Hot", "Sport", "Sepakbola", "Oto", "Otomotif",
    "Travel", "Food", "Health", "Foto", "Edu", "Hikmah", "Properti", "Pop", "Wolipop",
    "Jabar", "Jateng", "Jatim", "Jogja", "Bali", "Sumut", "Sulsel", "Sumbagsel", "Kalimantan",
    "Pagi", "Sore",
)
# News agencies and outlets that Indonesian news cites by name ("dilansir Reuters", "dikutip
# dari CNBC"), as printed: capitalised, so a lower-case word glued to one ends at its capital.
CITED_OUTLETS: tuple[str, ...] = (
    "Antara", "ANTARA", "Reuters", "AFP", "Bloomberg", "Xinhua", "Kyodo", "Bernama", "Yonhap",
    "Sputnik", "Anadolu", "BBC", "CNN", "CNBC", "CNA", "NHK", "VOA", "Aljazeera", "Euronews",
    "Kompas", "Tempo", "Kumparan", "Tribunnews",
)
# Lower-case function words a linked or italic name is glued to ("dariReuters", "diMuseum",
# "kataKapolrestabes"): no Indonesian word is one of these followed by a capital letter.
# Forms such as "kepadaNya" (God) and "bagiMu" keep their capital clitic (see glue.py).
GLUE_CUES: frozenset[str] = (
    event_markers.PREPOSITIONS | conjunctions.AND | conjunctions.OR | actor_cues.OUTLET_CUES
    | event_markers.REPORTING_OPENERS
)
# ... the two short locatives only before a capitalised word: "diPHK" (di-PHK, laid off) and
# "diOTT" are verbs made of an acronym.
GLUE_CUES_WORDS_ONLY: frozenset[str] = event_markers.LOCATIVE - {"menuju"}
# Connectives of legal citations, printed in italics and so glued to both neighbours ("ayat
# (1)junctoPasal 55"): no other word contains one.
LEGAL_CONNECTIVES: tuple[str, ...] = ("juncto",)
