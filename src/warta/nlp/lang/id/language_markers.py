"""Words that tell Indonesian from the languages next to it: Malay, Javanese, Sundanese.

``warta.nlp.langid`` counts them when lingua's answer between close languages is not clear.
Lower-cased.
"""

from __future__ import annotations

# Spellings and words one language uses and the other (almost) does not.
MALAY_MARKERS = frozenset({
    "kerajaan", "baharu", "wang", "mangsa", "ialah", "manakala", "kerana", "bahawa", "sahaja",
    "semasa", "selepas", "boleh", "sebarang", "hospital", "polis", "jabatan", "kenyataan",
    "percuma", "bilangan", "iaitu", "pejabat", "kakitangan", "syarikat", "perniagaan", "cuba",
    "dapati", "mahkamah", "berkuasa", "terjejas", "tempatan", "bekerjasama",
})
INDONESIAN_MARKERS = frozenset({
    "bahwa", "karena", "setelah", "bisa", "polisi", "korban", "saja", "pemerintah", "uang",
    "kantor", "perusahaan", "pengadilan", "yaitu", "dinas", "sesudah", "kepolisian", "gubernur",
    "rumah", "mengungkapkan", "nggak", "enggak", "dolar", "tersangka", "kabupaten",
})

# Regional languages lingua does not know, told apart from Indonesian by their own words.
REGIONAL_MARKERS: dict[str, frozenset[str]] = {
    "jv": frozenset({
        "kula", "panjenengan", "dhateng", "badhe", "menika", "punika", "inggih", "mboten",
        "ingkang", "kaliyan", "kangge", "amargi", "ora", "kowe", "arep", "karo", "iki", "kuwi",
        "wis", "durung", "sing", "marang", "yaiku", "uga", "lan", "ning", "wong", "dheweke",
        "nanging", "banjur", "saiki", "kudu", "ngendika", "sampun", "dereng", "wonten", "nggih",
        "sedaya", "kados", "ugi", "saka", "ananging", "kathah", "sanget", "tiyang", "griya",
    }),
    "su": frozenset({
        "abdi", "anjeun", "teu", "henteu", "geus", "keur", "jeung", "nu", "sareng", "kumaha",
        "naon", "tiasa", "parantos", "nuju", "ieu", "éta", "pikeun", "kana", "mah", "téh",
        "ogé", "oge", "kitu", "kieu", "nyaéta", "nyaeta", "sanés", "bari", "ti", "ka", "atawa",
        "sok", "bakal", "dina", "aranjeunna", "jalma", "loba", "pisan", "tos", "tacan",
    }),
}
