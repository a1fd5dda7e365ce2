"""Words that make a capitalised phrase an organisation name, as data.

``warta.resolve.gazetteer`` tags "Kementerian Luar Negeri Rusia", "Polda Metro Jaya",
"Pemprov Jawa Barat" (prefix + capitalised words) and "China News Agency" (capitalised words +
English head noun) as ORG when the statistical NER missed them.
"""

from __future__ import annotations

# Lower-cased heads that open an organisation name.
ORG_PREFIXES: frozenset[str] = frozenset({
    "kementerian", "kemenko", "badan", "komisi", "lembaga", "dewan", "majelis", "partai",
    "universitas", "institut", "sekolah", "yayasan", "pemprov", "pemkot", "pemkab",
    "polda", "polres", "polresta", "polrestabes", "polsek", "kodam", "korem",
    "kodim", "koramil", "kejati", "kejari", "dprd", "pengadilan", "kantor", "bank",
    "perusahaan", "pt", "kedutaan", "kedubes", "konsulat", "persatuan", "ikatan", "asosiasi",
    "himpunan", "federasi", "serikat", "gerakan", "front", "koalisi", "satgas",
    "direktorat", "dinas", "divisi", "subdivisi", "biro", "subdit", "subdirektorat", "seksi",
    "ditreskrimum", "ditreskrimsus", "ditresnarkoba", "ditlantas", "satreskrim", "satlantas",
    "satresnarkoba", "ditjen",
    # hospitals, secretariats, bases, boarding schools, police and prosecutors' bodies, factions
    "rs", "rsud", "rsup", "rsia", "puskesmas", "sekretariat", "setda", "pangkalan", "lanud",
    "lantamal", "parlemen", "ponpes", "pesantren", "kepolisian", "kejaksaan", "fraksi",
    "kementrian",  # the common misspelling of "kementerian"
    "komite", "perkumpulan",  # "Komite Olimpiade Indonesia", "Perkumpulan Hidayatullah"
    # a parliament's working bodies, numbered or named ("Pansus III", "Panja RUU …")
    "pansus", "panja",
    *(POLICE_UNITS := frozenset({  # a regional police's directorates, units and sections
        "ditsiber", "ditintelkam", "ditsamapta", "ditbinmas", "ditpolairud", "ditpamobvit",
        "dittahti", "satintelkam", "satsamapta", "satbinmas", "satpolairud", "bidhumas",
        "bidpropam", "bidkum",
    })),
})

# Two-word heads that open an organisation name ("Rumah Sakit Sanglah", "Pondok Pesantren
# At-Taqwa"): neither word alone does ("rumah makan", "pondok indah").
ORG_HEAD_PAIRS: frozenset[tuple[str, str]] = frozenset({
    ("rumah", "sakit"), ("pondok", "pesantren"),
})

# "Pemerintah" opens a body's name when a region follows it ("Pemerintah Kota Bogor",
# "Pemerintah Madinah"); before a country it is that country's government, the country itself.
GOVERNMENT_HEAD = "pemerintah"
# ... and "Pemerintah Pusat" is the national government, not a named body.
GOVERNMENT_NOT_BODY: frozenset[str] = frozenset({"pusat", "daerah", "republik"})

# Words for a building, which may open a body's name too ("Kantor Staf Presiden"): a model
# place span that opens with one is where something happens ("di Kantor Kemenkeu"), so it stays
# a place; the body named after the word is an actor of its own (``span_repairs``).
BUILDING_HEADS: frozenset[str] = frozenset({"kantor", "gedung"})

# Words that show a phrase names a body, wherever they stand in it ("Indonesia Trade Promotion
# Center", "Jaringan Pemantau Pendidikan Indonesia", "Panitia Penyelenggara Ibadah Haji").
BODY_WORDS: frozenset[str] = frozenset({
    "center", "centre", "jaringan", "panitia", "forum", "pusat", "kelompok", "komunitas",
    "perkumpulan", "organisasi", "mahkamah", "otoritas", "pemda", "partnership",
})

# English words no person's name contains: a model PERSON span with one of them is a body
# ("Gwadar Chamber of Commerce", "Harmann Pharmaceutical", "Presidential Studies").
ORG_WORDS_EN: frozenset[str] = frozenset({
    "Chamber", "Commerce", "Exchange", "Pharmaceutical", "Pharmaceuticals", "Studies", "Center",
    "Centre", "Academy", "Club", "Fund", "Holdings", "Industries", "Industry", "Motors", "Studio",
    "Studios", "Partners", "Retail", "Sales", "Consulting", "Resources", "Technologies",
    "Technology", "Systems", "Solutions", "Labs", "Laboratory", "Hospital", "School", "College",
})

# English heads that close an organisation name ("China News Agency", "Tass News Agency").
ORG_SUFFIXES: frozenset[str] = frozenset({
    "Agency", "News", "Service", "Corporation", "Corp", "Company", "Inc", "Ltd", "Group",
    "Bank", "University", "Institute", "Council", "Committee", "Foundation", "Times", "Post",
    "Journal", "Network", "Ministry", "Organization", "Organisation", "Association", "Union",
    "Airlines", "Airways", "Party", "Forces", "Army", "Watch", "International",
})

# Capitalised only because they open a sentence: never the first word of a name.
SENTENCE_OPENERS: frozenset[str] = frozenset({
    "kemudian", "namun", "sementara", "selain", "adapun", "menurut", "bahkan", "lalu",
    "setelah", "sebelum", "saat", "ketika", "dalam", "di", "pada", "untuk", "bagi", "oleh",
    "dari", "sedangkan", "tetapi", "tapi", "maka", "jadi", "karena", "sebab", "meski",
    "meskipun", "walaupun", "dengan", "tanpa", "atas", "sejak", "hingga", "sampai", "yakni",
    "yaitu", "juga", "itu", "ini", "para", "seperti", "termasuk", "sebelumnya", "selanjutnya",
    "akhirnya", "sehingga", "agar", "supaya", "jika", "bila", "apabila", "kini", "kala",
    "tak", "tidak", "belum", "sudah", "telah", "akan", "dan", "atau", "serta",
    # verbs citing a source or opening a reported fact ("Melansir Mirror, …", "Dikutip dari
    # AFP", "Diketahui, PT X …")
    "melansir", "dilansir", "mengutip", "dikutip", "diketahui",
})

# A company's legal form, written after its name ("PT Pos Indonesia (Persero)", "PT Astra
# International Tbk", "Grab Holdings Inc"): part of the name, never a body by itself.
LEGAL_FORMS: frozenset[str] = frozenset({
    "persero", "tbk", "tbk.", "pte", "ltd", "ltd.", "inc", "inc.", "corp", "corp.", "llc",
    "gmbh", "bhd", "sdn", "limited",
})

# Heads of Indonesian state bodies: with no other country named inside the name, an
# organisation opening with one of these in Indonesian news is Indonesian ("Kementerian
# Investasi", "Polda Metro Jaya", "Dewan Ekonomi Nasional").
DOMESTIC_ORG_PREFIXES: frozenset[str] = frozenset({
    "kementerian", "kemenko", "badan", "dewan", "komisi", "pemprov", "pemkot", "pemkab",
    "polda", "polres", "polresta", "polrestabes", "polsek", "kodam", "korem", "kodim",
    "koramil", "kejati", "kejari", "dprd", "direktorat", "ditjen", "dinas", "pengadilan",
    "majelis", "satgas", "mahkamah", "kantor", "lembaga", "otoritas", "pemda",
    "rsud", "rsup", "puskesmas", "setda", "lanud", "lantamal", "ponpes", "kejaksaan",
    "kementrian", "pansus", "panja", *POLICE_UNITS,
})

# Plain words for a government or the police ("pemerintah akan …", "polisi menangkap …"): the
# annotation guidelines read plain "pemerintah" as the article's country and plain "polisi" as
# the police body the article names, else the national police.
GOVERNMENT_WORDS: frozenset[str] = frozenset({"pemerintah"})
# ... "pemerintah pusat" is the national government too, but these words after "pemerintah"
# make it a regional or another government ("pemerintah daerah", "pemerintah kolonial").
GOVERNMENT_NOT_NATIONAL: frozenset[str] = frozenset({
    "daerah", "provinsi", "kota", "kabupaten", "kecamatan", "kelurahan", "desa", "setempat",
    "kolonial", "pemda", "pemprov", "pemkot", "pemkab",
})
POLICE_WORDS: frozenset[str] = frozenset({"polisi", "kepolisian"})
# Plain words for a regional government ("dikelola oleh pemprov", "Pemkot dan TNI", "oleh
# pemerintah daerah"), one word or "pemerintah" + the level, by the gazetteer kinds of the
# regions whose government they can be: the region the article names most of those kinds.
REGIONAL_GOVERNMENT_WORDS: dict[str, tuple[str, ...]] = {
    "pemprov": ("province",), "pemkot": ("city",), "pemkab": ("regency",),
    "pemda": ("regency", "city", "province"),
}
REGIONAL_GOVERNMENT_LEVELS: dict[str, tuple[str, ...]] = {
    "provinsi": ("province",), "kota": ("city",), "kabupaten": ("regency",),
    "daerah": ("regency", "city", "province"),
}
# ... and the name of such a government, by the region's kind ("Pemerintah Provinsi Jawa Barat").
REGIONAL_GOVERNMENT_NAMES: dict[str, str] = {
    "province": "Pemerintah Provinsi", "city": "Pemerintah Kota", "regency": "Pemerintah Kabupaten",
}
# The heads of a named regional government's name: a body so named is the one meant.
REGIONAL_GOVERNMENT_HEADS: dict[str, tuple[str, ...]] = {
    "province": ("pemprov", "pemerintah provinsi"), "city": ("pemkot", "pemerintah kota"),
    "regency": ("pemkab", "pemerintah kabupaten"),
}
# Words that open a phrase for the police as a body ("pihak kepolisian", "aparat kepolisian").
POLICE_LEADS: frozenset[str] = frozenset({"pihak", "aparat", "jajaran"})
# Heads of the names of police bodies: an organisation so named is the police of the article.
POLICE_HEADS: frozenset[str] = frozenset({
    "polri", "polda", "polres", "polresta", "polrestabes", "polsek", "kepolisian", "bareskrim",
    "mabes", "densus", "brimob", "korlantas", "divisi", "ditreskrimum", "ditreskrimsus",
    "ditresnarkoba", "satreskrim", "satresnarkoba", *POLICE_UNITS,
})
NATIONAL_POLICE_KB = "polri"  # the gazetteer's entry for Indonesia's national police

# The shape of a news outlet's name as Indonesian news writes it: a network's section
# ("detikJabar", "detikFinance") or a site's address ("CNNIndonesia.com", "Suara.com").
OUTLET_SHAPE = r"(?:detik[A-Z][a-z]+|[A-Za-z][A-Za-z0-9]*\.(?:com|co\.id|id))"
# Short heads of body names that stand for their long form in the same article ("PN Jakarta
# Utara" is the "Pengadilan Negeri Jakarta Utara", "Pemkot Bekasi" the "Pemerintah Kota
# Bekasi"): one body, two spellings. Only heads no other body shares ("PT" is a company, so the
# Pengadilan Tinggi is left out).
BODY_HEAD_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "pn": ("pengadilan", "negeri"), "pemkot": ("pemerintah", "kota"),
    "pemkab": ("pemerintah", "kabupaten"), "pemprov": ("pemerintah", "provinsi"),
    "kejari": ("kejaksaan", "negeri"), "kejati": ("kejaksaan", "tinggi"),
    "kejagung": ("kejaksaan", "agung"), "rs": ("rumah", "sakit"),
    "rsud": ("rumah", "sakit", "umum", "daerah"), "rsup": ("rumah", "sakit", "umum", "pusat"),
    "pansus": ("panitia", "khusus"), "panja": ("panitia", "kerja"),
}
# The regional boards of a party or mass organisation, by level: regional (province or, with
# "II", regency), territorial and branch ("DPD II Golkar Makassar", "DPW PPP Jateng", "DPC PKB
# Blora"). Written right before the organisation's name and followed by the region it leads,
# such a word opens the name of that board, a body of its own; "DPD" alone is the senate
# (Dewan Perwakilan Daerah). The central board ("DPP PDIP") speaks for the party itself.
PARTY_BOARDS: frozenset[str] = frozenset({"dpw", "dpd", "dpc"})
# The words that give a region's level before its name ("Kota Bekasi", "Kabupaten Bekasi"):
# two bodies of one name and two levels are two bodies.
REGION_LEVEL_WORDS: frozenset[str] = frozenset({"kota", "kabupaten", "kab", "provinsi", "prov"})
# Words in a body's name that make it a region's own office, whose region the news writes
# right after the name (and after its bracketed short form): "Dinas Sosial (Dinsos) Kota
# Mataram", "Badan Penanggulangan Bencana Daerah (BPBD) Banyumas", "Pemerintah Provinsi
# (Pemprov) NTB". A national body's name lacks them: "Komisi Pemilihan Umum (KPU) DKI Jakarta"
# is read as the national body as often as its provincial office.
REGIONAL_OFFICE_WORDS: frozenset[str] = frozenset({
    "daerah", "dinas", "provinsi", "kota", "kabupaten", "wilayah",
})
# ... and the courts and prosecutors' offices of a region, by their head and level word
# ("Pengadilan Negeri (PN) Palu", "Kejaksaan Tinggi (Kejati) Bali").
REGIONAL_COURTS: frozenset[tuple[str, str]] = frozenset({
    ("pengadilan", "negeri"), ("pengadilan", "tinggi"), ("pengadilan", "agama"),
    ("kejaksaan", "negeri"), ("kejaksaan", "tinggi"),
})
