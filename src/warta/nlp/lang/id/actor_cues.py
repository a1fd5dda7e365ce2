"""Words before a name that show it is a person's, as data (``warta.resolve.actor_model``).

News writes suspects, victims and witnesses by their initials after these words ("tersangka
berinisial AS", "pelaku LM"): the letters are a person's even when they spell a country's or a
body's short name.
"""

from __future__ import annotations

PERSON_CUES: frozenset[str] = frozenset({
    "berinisial", "inisial", "inisialnya", "tersangka", "pelaku", "korban", "terdakwa",
    "terpidana", "terlapor", "pelapor", "saksi", "pria", "wanita", "perempuan", "bocah",
    "remaja", "warga", "almarhum", "almarhumah",
})

# The narrower cues after which capital letters can only be a person's initials, whatever
# country they spell ("saudara AS", "tersangka berinisial RI", "pelaku AS"): honorifics
# (``honorifics.HONORIFICS``) and these. "warga AS" or "pria AS" (an American) are not here.
INITIALS_CUES: frozenset[str] = frozenset({
    "berinisial", "inisial", "inisialnya", "tersangka", "pelaku", "terdakwa", "terpidana",
    "terlapor", "pelapor",
})

# ... of which these name the letters themselves: after them even one capital is a person's
# initials ("berinisial H").
SPELLED_INITIALS_CUES: frozenset[str] = frozenset({"berinisial", "inisial", "inisialnya"})

# Words that cite a news outlet as a source right before its name ("kata Rina kepada
# detikJabar", "dilansir CNNIndonesia.com", "Pantauan detikJatim", "dikutip dari detikHealth"):
# the outlet named after one of them is an actor of the article (docs/annotation.md: outlets
# cited as a source), not the article's own byline or dateline.
OUTLET_CUES: frozenset[str] = frozenset({
    "kepada", "dilansir", "melansir", "dikutip", "mengutip", "pantauan", "diterima",
    "dikonfirmasi", "dihubungi", "menurut", "via", "laporan", "diwawancarai",
})
# ... a cue may reach the name through "dari" ("dikutip dari detikHealth").
OUTLET_CUE_LINKS: frozenset[str] = frozenset({"dari", "oleh"})
# The verbs that cite a published source by name ("dilansir Metro", "dikutip dari Harian
# Pagi", "Lansiran Dailymail"): what they cite is an outlet (or an agency, a journal), so the
# capitalised words right after one (or after its "dari") are that source's name whatever its
# shape; the wider cues above ("kepada", "menurut") are as often followed by a person.
CITING_VERBS: frozenset[str] = frozenset({
    "dilansir", "melansir", "lansiran", "dikutip", "mengutip",
})
# Lower-case nouns for a kind of news outlet, written right before its name ("majalah Tempo",
# "surat kabar Pikiran Rakyat", "media Jerman Deutsche Welle", "kantor berita Antara"): the
# capitalised words after one (after the outlet's country, if one is named) are the outlet's.
OUTLET_HEADS: tuple[tuple[str, ...], ...] = (
    ("surat", "kabar"), ("kantor", "berita"), ("stasiun", "televisi"), ("stasiun", "radio"),
    ("portal", "berita"), ("situs", "berita"), ("harian",), ("koran",), ("majalah",),
    ("tabloid",), ("televisi",), ("media",),
)

# A word that introduces a person's name right after it ("seorang warga bernama Irwan", "bayi
# bernama Karam"): the capitalised words that follow are a person's name.
NAME_INTRODUCERS: frozenset[str] = frozenset({"bernama"})
# The most years a person's age in brackets after their name gives ("Rina (35)"): a larger
# number there is no age ("Ruang (101)").
MAX_AGE = 100
# Parts of a law or a document numbered in brackets ("Pasal 340 Ayat (1)", "Huruf (b)"): the
# word before such a number is no name.
NUMBERED_PARTS: frozenset[str] = frozenset({
    "pasal", "ayat", "huruf", "angka", "butir", "bab", "bagian", "paragraf", "nomor", "no",
    "lampiran", "poin", "tahap", "jilid", "seri", "babak", "ronde",
})
