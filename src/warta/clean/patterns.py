"""Language data for cleaning Indonesian news: boilerplate lines, credits, datelines.

Data only (after spaCy's ``lang/`` modules): the logic lives in ``boilerplate.py``,
``credits.py`` and ``dateline.py``. Patterns match a whole paragraph unless said otherwise.
"""

from __future__ import annotations

import re

from warta.nlp.lang.id import news_page

_I = re.IGNORECASE

# Where a comment section starts: it and everything after it is dropped.
COMMENT_SECTION = re.compile(
    r"^(tinggalkan (balasan|komentar|komentar anda|pesan)|leave a (reply|comment)|"
    r"alamat email anda tidak akan dipublikasikan\b.*|"
    r"your email address will not be published\b.*|\d+ komentar|belum ada komentar.*|"
    r"komentar( anda)?( \(\d+\))?|comments?( \(\d+\))?)\s*[:.]?$", _I)

# Single boilerplate paragraphs, dropped wherever they are.
BOILERPLATE = [re.compile(p, _I) for p in (
    # comment-form fields and buttons (WordPress, in Indonesian and English)
    r"^ruas yang wajib ditandai \*?\.?$",
    r"^(nama|email|surel|situs( web)?|website|komentar|comment|name)\s*\*?$",
    r"^(batal(kan)? balasan|kirim komentar|kirim|post comment|cancel reply|balas|reply)\.?$",
    r"^simpan nama, email, dan situs web saya\b.*$",
    r"^save my name, email, and website\b.*$",
    r"^(anda harus|you must be) (masuk|logged in)\b.*$",
    # "Baca juga: <link title>" and related-article prompts
    r"^baca( juga| selengkapnya| lainnya| berita lainnya)?\s*[:：»>-].*$",
    r"^baca juga\b.{0,200}$",
    r"^(berita|artikel|postingan|pos) (terkait|lainnya|terpopuler|pilihan)\s*:?$",
    r"^(related (posts?|articles?|stories)|you may also like|rekomendasi( untuk anda)?)\s*:?$",
    # scroll prompts and advertisement markers
    r"^scroll (to|untuk) (continue|lanjut(kan)?)( with content| membaca)?\.?$",
    r"^[-–—\s]*(advertisement|iklan|adv|ads|sponsored|konten bersponsor|"
    r"scroll to resume content)[-–—\s]*$",
    # share / follow / subscribe prompts
    r"^(bagikan|share|share this|bagikan artikel ini|bagikan berita ini|sebarkan)\s*:?.{0,40}"
    r"(?<![.!?\"”])$",
    r"^(facebook|twitter|x|whatsapp|telegram|linkedin|line|pinterest|email|e-mail|print|"
    r"cetak|salin( tautan| link)?|copy link|tweet)\s*:?$",
    r"^(ikuti|follow|simak|dapatkan|gabung(lah)?( ke)?|subscribe|berlangganan)\b.{0,120}"
    r"\b(google news|whatsapp channel|saluran whatsapp|telegram|instagram|youtube|tiktok|"
    r"newsletter|update berita|berita terkini)\b.{0,80}$",
    # (a prompt may come in quotes, its program's name glued: "'Lihat juga Video: …'",
    # "Saksikan LiveDetikpagi:")
    r"^['\"‘“]?(simak|tonton|saksikan|lihat)( juga)?\s+(video|live|foto|berita|infografis|"
    r"selengkapnya)(\b|(?=detik)).{0,200}$",
    # a video's title in quotes, the player gone: 'Tonton juga "…" di sini:'
    r"^(simak|tonton|saksikan|lihat)( juga)?\s+[\"“'‘].{1,200}[\"”'’]\s*di ?sini\s*:?$",
    # a newsroom's own TV program promoted under the article ("Saksikan pembahasan lengkapnya
    # di program detikPagi …") and its tagline in quotes ('"Detik Pagi, Jangan Tidur Lagi!"')
    r"^(saksikan|tonton|simak|ikuti)\b.{0,200}\bdetik ?(pagi|sore)\b.{0,300}$",
    r"^[\"“]detik ?(pagi|sore)\s*,.{1,60}[\"”]$",
    # a separator line ("---", "***")
    r"^[-–—_*=~•·]{3,}$",
    r"^\[gambas:[^\]]*\]$",
    r"^pilihan editor\s*:.{0,200}$",
    r"^baca berita dengan sedikit iklan\b.{0,80}$",
    r"^(klik|click) (di ?sini|here)\b.{0,80}$",
    # copyright and photo-credit lines
    r"^(©|\(c\)|copyright\b).{0,150}$",
    r"^hak cipta\b.{0,60}\b(dilindungi|milik|reserved)\b.{0,60}$",
    r"^.{0,80}\ball rights reserved\.?$",
    r"^\(?(foto|photo|ilustrasi|sumber foto|foto ilustrasi|infografis|video)\s*"
    r"(/|:)\s*.{0,150}\)?$",
    r"^(editor|redaktur|penyunting) (foto|video)\s*:.{0,80}$",
    # reading-time and view counters, tag lists
    r"^(dibaca|waktu baca|\d+ menit (membaca|baca)|views?)\b.{0,30}$",
    r"^(tags?|topik|kategori|label|kata kunci|keywords?)\s*:.{0,300}$",
)]

# Phrases removed wherever they occur, even inside a paragraph (scraping leftovers).
INLINE = [re.compile(p, _I) for p in (
    r"\s*SCROLL TO CONTINUE WITH CONTENT\s*",
    r"\s*SCROLL TO RESUME CONTENT\s*",
    r"\s*\((foto|photo|ilustrasi)\s*:[^()]{1,120}\)",
    r"(?<![\w-])ADVERTISEMENT(?![\w-])",
)]

# A removal can leave "menteri ." behind: close the gap before punctuation.
SPACE_BEFORE_PUNCT = re.compile(r" +([.,;:!?])(?=\s|$)")


# A paragraph with several of these is a breadcrumb or menu bar ("Home » Nasional » Hukum").
MENU_SEPARATORS = re.compile(r"\s[|»›·•/>]\s")
MENU_MIN_SEPARATORS = 2
MENU_MAX_WORDS_PER_ITEM = 4

# Agency codes as they appear in credits ("(ant/rdn)", "MSc (AFP, AP)") → canonical names.
AGENCIES: dict[str, str] = {
    "ant": "ANTARA", "antara": "ANTARA", "antaranews": "ANTARA",
    "afp": "AFP", "ap": "AP", "reuters": "Reuters", "rtr": "Reuters",
    "dpa": "dpa", "xinhua": "Xinhua", "kyodo": "Kyodo", "bernama": "Bernama",
    "yonhap": "Yonhap", "efe": "EFE", "ansa": "ANSA", "upi": "UPI", "tass": "TASS",
    "sputnik": "Sputnik", "bloomberg": "Bloomberg", "anadolu": "Anadolu",
    "bbc": "BBC", "cnn": "CNN", "aljazeera": "Al Jazeera", "al jazeera": "Al Jazeera",
    "dw": "DW", "voa": "VOA", "cna": "CNA", "nhk": "NHK", "ians": "IANS", "pti": "PTI",
}

# Credit labels: who wrote and who edited. Both go to ``byline.authors`` (the record has no
# editor field); writers come first because they are listed first in the text.
CREDIT_LABEL = re.compile(
    r"^(penulis|reporter|pewarta|wartawan|jurnalis|kontributor|oleh|editor|redaktur|"
    r"penyunting|penyelaras|editor bahasa|rep|red)\s*:\s*(?P<names>.{2,120})$", _I)
# "Laporan Wartawan Tribunnews.com, Reza Deni": the reporter, filing for an outlet.
REPORTED_BY = re.compile(r"^laporan (wartawan|reporter|koresponden|jurnalis|kontributor)\s+"
                         r"(?P<outlet>[\w.]+(?:\s+[\w.]+)?)\s*,\s*(?P<names>.{2,80})$", _I)
# "Artikel ini ditulis oleh Rina Sari, peserta magang di …" (a closing credit).
WRITTEN_BY = re.compile(r"^(artikel|tulisan|berita) ini (ditulis|disusun|dibuat) oleh\s+"
                        r"(?P<names>[^,.]{2,80}?)\s*(,.{0,120})?\.?$", _I)
# An opinion piece's closing note on its writer, marked by an asterisk: "*) Rina Sari, dosen
# ilmu politik …" (the name, then who she is), or with no name ("*Penulis adalah peserta
# magang …"); and the outlet's disclaimer "Tulisan ini merupakan opini pribadi penulis …".
AUTHOR_NOTE = re.compile(r"^\*\)?\s*(?P<names>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,6})\s*,"
                         r".{2,400}$")
AUTHOR_NOTE_UNNAMED = re.compile(r"^\*\)?\s*penulis (adalah|merupakan)\s.{2,300}$", _I)
OPINION_DISCLAIMER = re.compile(r"^\*?\)?\s*(tulisan|artikel|opini) ini (merupakan|adalah) "
                                r"(opini|pendapat|pandangan) pribadi\b.{0,300}$", _I)
# "Oleh Siti Rahmawati" / "Oleh: Siti Rahmawati" (only near the start or end of a text).
_NAME_WORD = r"[A-Z][\w.'’-]*"
OLEH = re.compile(rf"^[Oo]leh\s*:?\s+(?P<names>{_NAME_WORD}(?:[\s,]+(?:dan\s+|&\s+)?{_NAME_WORD})"
                  r"{0,9})\s*$")
# "Sumber: ANTARA" (short, at the end).
SOURCE_LABEL = re.compile(r"^sumber\s*:\s*(?P<names>[\w .,/&-]{2,60})$", _I)
# A closing credit "MSc (AFP, AP)" / "RDN (ANTARA, Reuters)" / "rdn/ant (Reuters)".
CLOSING_CREDIT = re.compile(
    r"^(?P<who>[A-Za-z]{2,4}(?:\s*[/,]\s*[A-Za-z]{2,4}){0,3})\s*"
    r"\((?P<inside>[A-Za-z][\w .]{0,20}(?:\s*[,/;]\s*[A-Za-z][\w .]{0,20}){0,4})\)\.?$")
# A bracketed credit "(ant/rdn)" / "(Antara)" as its own paragraph ...
# (or in square brackets, as some newsrooms print it: "[eko]")
BRACKET_CREDIT = re.compile(
    r"^[(\[](?P<inside>[A-Za-z]{2,10}(?:\s*[/,]\s*[A-Za-z]{2,10}){0,4})[)\]]\.?$")
# An agency's staff codes, a letter or two and three digits, alone at the end, sometimes with
# the filing time: "(T.E006/A058)", "(Uu. C003)", "(R030)", "(K007/Y008) 01-11-2016 18:35".
_STAFF_CODES = r"\((?=[^()]*\b[A-Z]{1,2}\d{3}\b)[A-Za-z0-9 ./-]{4,40}\)(?:\s*[\d\s:/-]{8,25})?$"
STAFF_CODES = re.compile(rf"^{_STAFF_CODES}")
# ... or closing the last paragraph ("… kata dia. (UU.A026)").
TRAILING_STAFF_CODES = re.compile(rf"(?<=[.!?\"”’])\s*{_STAFF_CODES}")
# ... or closing the last paragraph ("... katanya. (ant/rdn)"): needs a slash, to be sure.
TRAILING_CREDIT = re.compile(r"\s+\((?P<inside>[a-zA-Z]{2,10}(?:\s*/\s*[a-zA-Z]{2,10}){1,4})\)\.?$")
# ... or one lower-case code after the paragraph's last full stop or quote ("… katanya. (asa)",
# "… ujarnya. [rnd]"): a sentence's own brackets come before its stop.
TRAILING_INITIALS = re.compile(r"(?<=[.!?\"”’])\s*[(\[](?P<inside>[a-z]{2,5})[)\]]$")
# A label left in front of a name by page metadata ("Penulis Andi Wijaya", "By Rina").
NAME_LABEL = re.compile(r"^((penulis|reporter|pewarta|wartawan|editor|redaktur|oleh|by)\b\s*:?|"
                        r"(rep|red)\s*:)\s*", _I)
NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\||\bdan\b|\band\b)\s*", _I)

# Datelines: "JAKARTA, KOMPAS.com -", "Jakarta -", "Jakarta (ANTARA) -", "TEMPO.CO, Jakarta -",
# "Suara.com -" (an outlet alone: no place).
_PLACE = r"[A-Z][A-Za-z'’.]+(?:\s+[A-Z][A-Za-z'’.]+){0,3}"
_SOURCE = r"[A-Za-z0-9][\w.]*(?:\s+[A-Z][\w.]*){0,2}"
# A dash with a space on at least one side: "Shin Tae-yong" is a name, not a dateline.
_DASH = r"(?:\s+(?:-{1,2}|–|—)\s*|(?:-{1,2}|–|—)\s+)"
DATELINES = [
    re.compile(rf"^(?P<source>[A-Za-z0-9][\w]*\.(?:com|co\.id|co|id|net|org|tv)\b[\w.]*){_DASH}"
               r"(?=\S)", _I),
    re.compile(rf"^(?P<source>[A-Za-z0-9][\w]*\.[\w.]+)\s*,\s*(?P<place>{_PLACE}){_DASH}(?=\S)"),
    re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<source>{_SOURCE}){_DASH}(?=\S)"),
    re.compile(rf"^(?P<place>{_PLACE})\s*\((?P<source>[^()]{{2,30}})\){_DASH}(?=\S)"),
    re.compile(rf"^(?P<place>{_PLACE})\s*,\s*{_PLACE}\s*\((?P<source>[^()]{{2,30}})\){_DASH}"
               r"(?=\S)"),
    re.compile(rf"^(?P<place>[A-Z][A-Za-z'’.]+(?:\s+[A-Z][A-Za-z'’.]+){{0,2}}){_DASH}(?=\S)"),
]
# Outlets that open a text alone ("Rimanews -"): a source, not a place.
OUTLETS = frozenset({"rimanews", "antaranews", "okezone", "viva", "vivanews", "detikcom",
                     "kumparan", "tribunnews", "liputan6", "kontan", "republika", "tempo",
                     "kompas", "sindonews", "inews", "medcom", "beritasatu", "jpnn", "tirto",
                     "katadata", "antara", "bisnis", "merdeka", "suara", "juara"})
# A publication-date line in web-extracted text ("Senin, 13 Oktober 2025 14:00 WIB").
_MONTHS = (r"(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
           r"desember|jan|feb|mar|apr|jun|jul|agu|agt|agst|sep|sept|okt|nov|des)")
DATE_LINE = re.compile(
    r"^(?:(?:dipublikasikan|diterbitkan|diperbarui|published|updated|tanggal)\s*:?\s*)?"
    r"(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+)?"
    rf"(?P<date>\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}(?:\s*[|,\-–]?\s*(?:pukul\s+)?\d{{1,2}}[:.]\d{{2}}"
    r"(?:\s*(?:wib|wita|wit))?)?)\s*$", _I)
DATE_LINE_WITHIN = 3  # only among the first paragraphs
# Upper-case place words that keep their case ("DKI Jakarta", "NTT").
PLACE_ACRONYMS = frozenset({"DKI", "DIY", "NTT", "NTB", "AS", "UEA", "RI", "PBB", "USA", "UK"})

# Seams a page's markup lost (``glue.py``; the word lists are in ``nlp/lang/id/news_page``).
def _alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """Longest first: the longest name that fits is the one matched."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# Atomic: "detikOtomotif" is not "detikOto" + "motif".
_DETIK = rf"detik(?>{_alternation(news_page.DETIK_SECTIONS)})"
# A word glued before a detik section's name ("kepadadetikcom", "PantauandetikJateng").
GLUED_BEFORE_DETIK = re.compile(rf"(?<=[^\W\d_])(?={_DETIK})")
# A word glued after one ("detikcomdi", "detikJabarmenyusuri", "detikJatengSelasa").
GLUED_AFTER_DETIK = re.compile(rf"(?<![^\W\d_])(?P<name>{_DETIK})(?=[^\W\d_]{{2}})")
_CITED = _alternation(news_page.CITED_OUTLETS)
# A lower-case word glued before a cited outlet's name ("dilansirAFP", "dataBloomberg") ...
GLUED_BEFORE_OUTLET = re.compile(rf"(?<=[a-z]{{2}})(?=(?:{_CITED})(?![a-z]))")
_CUES = _alternation(news_page.GLUE_CUES)
# ... and a function word glued after one ("BBCpada", "Reutersdi").
GLUED_AFTER_OUTLET = re.compile(rf"(?<![A-Z0-9])(?P<name>{_CITED})(?=(?:{_CUES})\b)")
# A function word glued before a capitalised word or an acronym ("diMuseum", "kepadaCNBC");
# not a capital clitic ("kepadaNya", "bagiMu"), a hashtag or a handle ("#diRumahAja").
_CLITIC = r"(?!(?:Nya|Mu|Ku)\b)"
GLUED_CUE = re.compile(
    rf"(?<![\w#@/.-])(?P<cue>{_alternation(news_page.GLUE_CUES - news_page.GLUE_CUES_WORDS_ONLY)})"
    rf"(?={_CLITIC}[A-Z][A-Za-z])")
GLUED_CUE_WORD = re.compile(
    rf"(?<![\w#@/.-])(?P<cue>{_alternation(news_page.GLUE_CUES_WORDS_ONLY)})"
    rf"(?={_CLITIC}[A-Z][a-z])")
# A legal connective glued on either side ("(1)junctoPasal").
_LEGAL = _alternation(news_page.LEGAL_CONNECTIVES)
GLUED_LEGAL_BEFORE = re.compile(rf"(?<=[^\s(\[])(?=(?:{_LEGAL})(?![a-z]))")
GLUED_LEGAL_AFTER = re.compile(rf"(?<![a-z])(?P<name>{_LEGAL})(?=[^\W_])")
# An opening bracket glued to the word before it ("Jumat(17/10)", "home(WFH)"); a number's
# bracket stays ("Pasal 32(1)", "27A(2)").
GLUED_BRACKET = re.compile(r"(?<=[^\W\d_]{2})\((?=[A-Z0-9])")
# A curly opening quote glued to what comes before it, a curly closing one to the word after.
GLUED_CURLY_OPEN = re.compile(r"(?<=[^\s(\[“‘'\"/-])“")
GLUED_CURLY_CLOSE = re.compile(r"”(?=[^\W_])")
