"""Indonesian role titles and military/police ranks, as data.

``warta.resolve.roles`` reads a title (and an optional country and rank) before a person's name —
"Presiden Rusia Vladimir Putin", "Kapolri Jenderal Listyo Sigit Prabowo" — and role-only
mentions ("Menlu", "sang presiden") that coreference links to the holder named in the article.

``TITLES`` maps the lower-cased surface (tokens joined by one space) to ``(role, scope)``: the
normalised English role, and where the title belongs when the text names no country:
``"IDN"`` — an Indonesian office (Kapolri, Mendagri, Bupati); ``"default"`` — any state has one,
Indonesian news means Indonesia's unless it says otherwise (Presiden, Menlu); ``None`` — no
default (Perdana Menteri, Kanselir, Raja: Indonesia has none).
"""

from __future__ import annotations

IDN = "IDN"
DEFAULT = "default"

TITLES: dict[str, tuple[str, str | None]] = {
    "presiden": ("president", DEFAULT),
    "wakil presiden": ("vice president", DEFAULT),
    "wapres": ("vice president", IDN),
    "perdana menteri": ("prime minister", None),
    "pm": ("prime minister", None),
    "wakil perdana menteri": ("deputy prime minister", None),
    "kanselir": ("chancellor", None),
    "raja": ("king", None),
    "ratu": ("queen", None),
    "putra mahkota": ("crown prince", None),
    "pangeran": ("prince", None),
    "sultan": ("sultan", None),
    "emir": ("emir", None),
    "paus": ("pope", None),
    "pemimpin tertinggi": ("supreme leader", None),
    "menteri luar negeri": ("foreign minister", DEFAULT),
    "menlu": ("foreign minister", DEFAULT),
    "menteri dalam negeri": ("home affairs minister", DEFAULT),
    "mendagri": ("home affairs minister", IDN),
    "menteri keuangan": ("finance minister", DEFAULT),
    "menkeu": ("finance minister", IDN),
    "menteri pertahanan": ("defence minister", DEFAULT),
    "menhan": ("defence minister", IDN),
    "menteri kesehatan": ("health minister", DEFAULT),
    "menkes": ("health minister", IDN),
    "menteri agama": ("religious affairs minister", DEFAULT),
    "menag": ("religious affairs minister", IDN),
    "menteri perdagangan": ("trade minister", DEFAULT),
    "mendag": ("trade minister", IDN),
    "menteri perhubungan": ("transport minister", DEFAULT),
    "menhub": ("transport minister", IDN),
    "menteri pertanian": ("agriculture minister", DEFAULT),
    "mentan": ("agriculture minister", IDN),
    "menteri sosial": ("social affairs minister", DEFAULT),
    "mensos": ("social affairs minister", IDN),
    "menteri bumn": ("state-owned enterprises minister", IDN),
    "menteri esdm": ("energy and mineral resources minister", IDN),
    "menteri ketenagakerjaan": ("manpower minister", IDN),
    "menaker": ("manpower minister", IDN),
    "wamenaker": ("deputy manpower minister", IDN),
    "menteri pupr": ("public works and housing minister", IDN),
    "menteri pekerjaan umum dan perumahan rakyat": ("public works and housing minister", IDN),
    "menteri pu": ("public works minister", IDN),
    "menteri pekerjaan umum": ("public works minister", IDN),
    "menteri komunikasi dan informatika": ("communication and informatics minister", IDN),
    "menkominfo": ("communication and informatics minister", IDN),
    "menteri komunikasi dan digital": ("communication and digital minister", IDN),
    "menkomdigi": ("communication and digital minister", IDN),
    "menteri energi": ("energy minister", DEFAULT),
    "menteri hukum dan ham": ("law and human rights minister", IDN),
    "menkumham": ("law and human rights minister", IDN),
    "menteri hukum": ("law minister", DEFAULT),
    "menkum": ("law minister", IDN),
    "menteri pendidikan": ("education minister", DEFAULT),
    "mendikbud": ("education minister", IDN),
    "mendikdasmen": ("education minister", IDN),
    # the 2024 cabinet's portfolios, by name and by the abbreviations the press uses
    "menteri lingkungan hidup": ("environment minister", DEFAULT),
    "menteri lh": ("environment minister", IDN),
    "menteri lingkungan hidup dan kehutanan": ("environment and forestry minister", IDN),
    "menteri lhk": ("environment and forestry minister", IDN),
    "menlhk": ("environment and forestry minister", IDN),
    "menteri kehutanan": ("forestry minister", DEFAULT),
    "menhut": ("forestry minister", IDN),
    "menteri ham": ("human rights minister", IDN),
    "menham": ("human rights minister", IDN),
    "menteri hak asasi manusia": ("human rights minister", IDN),
    "menteri atr": ("agrarian affairs and spatial planning minister", IDN),
    "menteri agraria dan tata ruang": ("agrarian affairs and spatial planning minister", IDN),
    "menteri ppn": ("national development planning minister", IDN),
    "menteri perencanaan pembangunan nasional": ("national development planning minister", IDN),
    "menteri umkm": ("micro, small and medium enterprises minister", IDN),
    "menteri pppa": ("women's empowerment and child protection minister", IDN),
    "menteri pemberdayaan perempuan dan perlindungan anak":
        ("women's empowerment and child protection minister", IDN),
    "menpppa": ("women's empowerment and child protection minister", IDN),
    "menteri imipas": ("immigration and corrections minister", IDN),
    "menteri imigrasi dan pemasyarakatan": ("immigration and corrections minister", IDN),
    "menteri kp": ("maritime affairs and fisheries minister", IDN),
    "menteri kkp": ("maritime affairs and fisheries minister", IDN),
    "menteri kelautan dan perikanan": ("maritime affairs and fisheries minister", IDN),
    "menteri koperasi": ("cooperatives minister", IDN),
    "menkop": ("cooperatives minister", IDN),
    "menteri kopukm": ("cooperatives and SMEs minister", IDN),
    "menkopukm": ("cooperatives and SMEs minister", IDN),
    "menteri desa": ("villages minister", IDN),
    "mendes": ("villages minister", IDN),
    "mendes pdt": ("villages minister", IDN),
    "menteri panrb": ("administrative and bureaucratic reform minister", IDN),
    "menteri pan-rb": ("administrative and bureaucratic reform minister", IDN),
    "menpan-rb": ("administrative and bureaucratic reform minister", IDN),
    "menpanrb": ("administrative and bureaucratic reform minister", IDN),
    "menpan rb": ("administrative and bureaucratic reform minister", IDN),
    "menteri pariwisata": ("tourism minister", DEFAULT),
    "menpar": ("tourism minister", IDN),
    "menparekraf": ("tourism and creative economy minister", IDN),
    "menteri ekonomi kreatif": ("creative economy minister", IDN),
    "menekraf": ("creative economy minister", IDN),
    "menteri pemuda dan olahraga": ("youth and sports minister", IDN),
    "menpora": ("youth and sports minister", IDN),
    "menteri perindustrian": ("industry minister", DEFAULT),
    "menperin": ("industry minister", IDN),
    "menteri investasi": ("investment minister", DEFAULT),
    "menteri kebudayaan": ("culture minister", DEFAULT),
    "menbud": ("culture minister", IDN),
    "menteri transmigrasi": ("transmigration minister", IDN),
    "menteri p2mi": ("migrant workers protection minister", IDN),
    "menteri pkp": ("housing and settlements minister", IDN),
    "menteri perumahan dan kawasan permukiman": ("housing and settlements minister", IDN),
    "mendiktisaintek": ("higher education, science and technology minister", IDN),
    "menteri diktisaintek": ("higher education, science and technology minister", IDN),
    "menteri sekretaris negara": ("state secretary", IDN),
    "mensesneg": ("state secretary", IDN),
    "sekretaris kabinet": ("cabinet secretary", IDN),
    "seskab": ("cabinet secretary", IDN),
    "menko polhukam": ("coordinating minister for political, legal and security affairs", IDN),
    "menkopolhukam": ("coordinating minister for political, legal and security affairs", IDN),
    "menko perekonomian": ("coordinating minister for economic affairs", IDN),
    "menteri koordinator": ("coordinating minister", IDN),
    "menteri": ("minister", DEFAULT),
    "wakil menteri": ("deputy minister", DEFAULT),
    "wamen": ("deputy minister", IDN),
    "menteri luar negeri dan perdagangan": ("foreign and trade minister", None),
    "sekretaris negara": ("secretary of state", None),
    "menteri pertahanan dan keamanan": ("defence minister", DEFAULT),
    "kapolri": ("national police chief", IDN),
    "wakapolri": ("deputy national police chief", IDN),
    "kapolda": ("regional police chief", IDN),
    "kapolres": ("district police chief", IDN),
    "kapolrestabes": ("city police chief", IDN),
    "kapolresta": ("city police chief", IDN),
    "kapolsek": ("sub-district police chief", IDN),
    "kabareskrim": ("criminal investigation chief", IDN),
    "kadiv humas polri": ("police public relations chief", IDN),
    "kabid humas": ("police public relations head", IDN),
    "panglima tni": ("armed forces commander", IDN),
    "panglima": ("commander", DEFAULT),
    "pangdam": ("regional military commander", IDN),
    "kasad": ("army chief of staff", IDN),
    "kasal": ("navy chief of staff", IDN),
    "kasau": ("air force chief of staff", IDN),
    "gubernur": ("governor", DEFAULT),
    "wakil gubernur": ("vice governor", DEFAULT),
    "wagub": ("vice governor", IDN),
    "bupati": ("regent", IDN),
    "wakil bupati": ("vice regent", IDN),
    "wali kota": ("mayor", DEFAULT),
    "walikota": ("mayor", DEFAULT),
    "wakil wali kota": ("vice mayor", DEFAULT),
    "camat": ("sub-district head", IDN),
    "lurah": ("village head", IDN),
    "kepala desa": ("village head", IDN),
    "kades": ("village head", IDN),
    "ketua kpk": ("KPK chairman", IDN),
    "ketua dpr": ("house speaker", IDN),
    "ketua mpr": ("MPR speaker", IDN),
    "ketua dpd": ("DPD speaker", IDN),
    "ketua ma": ("chief justice", IDN),
    "ketua mk": ("constitutional court chief justice", IDN),
    "ketua kpu": ("election commission chairman", IDN),
    "ketua bawaslu": ("election supervisory board chairman", IDN),
    "ketua umum": ("party chairman", IDN),
    "ketum": ("party chairman", IDN),
    "sekretaris jenderal": ("secretary-general", None),
    "sekjen": ("secretary-general", None),
    "sekjen pbb": ("UN secretary-general", None),
    "sekretaris jenderal pbb": ("UN secretary-general", None),
    "sekjen nato": ("NATO secretary-general", None),
    "jaksa agung": ("attorney general", DEFAULT),
    "gubernur bi": ("central bank governor", IDN),
    "gubernur bank indonesia": ("central bank governor", IDN),
    "kepala bnpb": ("disaster agency head", IDN),
    "kepala bmkg": ("meteorology agency head", IDN),
    "kepala bps": ("statistics agency head", IDN),
    "kepala bin": ("intelligence agency head", IDN),
    "kepala basarnas": ("search and rescue agency head", IDN),
    "kepala staf kepresidenan": ("presidential chief of staff", IDN),
    "juru bicara": ("spokesperson", None),
    "jubir": ("spokesperson", None),
    "duta besar": ("ambassador", None),
    "dubes": ("ambassador", None),
    "ketua": ("chairman", None),
    "wakil ketua": ("deputy chairman", None),
    "kepala": ("head", None),
    "direktur": ("director", None),
    "direktur utama": ("chief executive", None),
    "dirut": ("chief executive", None),
    "anggota dpr": ("member of parliament", IDN),
    "anggota komisi": ("member of parliament", IDN),
    "senator": ("senator", None),
    "hakim": ("judge", None),
    "jaksa": ("prosecutor", None),
    "pengamat": ("analyst", None),
    "ekonom": ("economist", None),
}

TITLES.update({
    "direktur jenderal": ("director general", None),
    "dirjen": ("director general", None),
    "sekretaris daerah": ("regional secretary", IDN),
    "sekda": ("regional secretary", IDN),
    "kepala dinas": ("agency head", IDN),
    "kadis": ("agency head", IDN),
    "deputi": ("deputy", None),
    "staf khusus": ("special staff", None),
    "stafsus": ("special staff", None),
    "penjabat gubernur": ("acting governor", IDN),
    "pj gubernur": ("acting governor", IDN),
    "penjabat bupati": ("acting regent", IDN),
    "pj bupati": ("acting regent", IDN),
    "pj wali kota": ("acting mayor", IDN),
    "wakil ketua dpr": ("deputy house speaker", IDN),
    "wakil ketua kpk": ("KPK deputy chairman", IDN),
    # sport, campus, court and village offices news quotes every day
    "pelatih": ("coach", None),
    "pelatih kepala": ("head coach", None),
    "asisten pelatih": ("assistant coach", None),
    "manajer": ("manager", None),
    "rektor": ("rector", None),
    "guru besar": ("professor", None),
    "dosen": ("lecturer", None),
    "peneliti": ("researcher", None),
    "pakar": ("expert", None),
    "kuasa hukum": ("lawyer", None),
    "pengacara": ("lawyer", None),
    "penyidik": ("investigator", None),
    "ceo": ("chief executive", None),
    "komandan": ("commander", None),
    "danrem": ("military area commander", IDN),
    "dandim": ("district military commander", IDN),
    "perbekel": ("village head", IDN),
    # heads of divisions, sections and bureaus, and prosecutors' offices
    "kepala bidang": ("division head", None),
    "kabid": ("division head", IDN),
    "kepala seksi": ("section head", None),
    "kasi": ("section head", IDN),
    "kepala bagian": ("bureau head", None),
    "kabag": ("bureau head", IDN),
    "kasubdit": ("sub-directorate head", IDN),
    "kasat reskrim": ("criminal investigation unit chief", IDN),
    "kasatreskrim": ("criminal investigation unit chief", IDN),
    "kanit": ("unit head", IDN),
    "kajari": ("district prosecutor chief", IDN),
    "kajati": ("high prosecutor chief", IDN),
    "kapuspenkum": ("attorney general's spokesperson", IDN),
    "kasipenkum": ("prosecutor's office spokesperson", IDN),
    "jaksa penuntut umum": ("public prosecutor", None),
    "penuntut umum": ("public prosecutor", None),
    "jpu": ("public prosecutor", IDN),
})
# "Wakil Menteri Keuangan", "Wamenkeu"-style deputies of every named minister.
TITLES.update({
    f"wakil {key}": (f"deputy {role}", scope)
    for key, (role, scope) in list(TITLES.items())
    if key.startswith("menteri ") and f"wakil {key}" not in TITLES
})

# Titles of units whose name may be an unlisted word before the holder: "Dirjen Pajak Bimo
# Wijayanto", "Kepala Dinas Kesehatan ..." (read like REGIONAL_TITLES below).
UNIT_TITLES: frozenset[str] = frozenset({
    "direktur jenderal", "dirjen", "kepala dinas", "kadis", "deputi", "direktur", "kepala",
    "ketua", "sekjen", "sekretaris jenderal", "kepala bidang", "kabid", "kepala seksi", "kasi",
    "kepala bagian", "kabag", "kasubdit",
})

# Role-only head nouns that may refer back without a name ("sang presiden", "Menlu mengatakan").
REFERRING_TITLES: frozenset[str] = frozenset(
    t for t in TITLES if t not in {"ketua", "kepala", "direktur", "hakim", "jaksa", "pengamat",
                                   "ekonom", "anggota dpr", "anggota komisi", "senator",
                                   "dosen", "peneliti", "pakar", "kuasa hukum", "pengacara",
                                   "penyidik", "guru besar", "jaksa penuntut umum",
                                   "penuntut umum", "jpu", "kanit"}
)

# Military and police ranks: part of the role ("general", "police inspector general").
RANKS: dict[str, str] = {
    "jenderal": "general", "jend.": "general", "jenderal tni": "general",
    "jenderal polisi": "police general", "letjen": "lieutenant general",
    "letnan jenderal": "lieutenant general", "mayjen": "major general",
    "mayor jenderal": "major general", "brigjen": "brigadier general",
    "brigadir jenderal": "brigadier general", "brigjen pol": "police brigadier general",
    "kolonel": "colonel", "kol.": "colonel", "letkol": "lieutenant colonel",
    "mayor": "major", "kapten": "captain", "letnan": "lieutenant", "lettu": "first lieutenant",
    "letda": "second lieutenant", "sersan": "sergeant", "kopral": "corporal",
    "komjen": "police commissioner general", "komjen pol": "police commissioner general",
    "irjen": "police inspector general", "irjen pol": "police inspector general",
    "kombes": "police senior commissioner", "kombes pol": "police senior commissioner",
    "akbp": "police adjunct senior commissioner", "kompol": "police commissioner",
    "akp": "police adjunct commissioner", "iptu": "police first inspector",
    "ipda": "police second inspector", "aiptu": "police first assistant inspector",
    "aipda": "police second assistant inspector", "bripka": "police chief brigadier",
    "brigpol": "police brigadier", "briptu": "police first brigadier",
    "bripda": "police second brigadier", "laksamana": "admiral",
    "laksdya": "vice admiral", "laksda": "rear admiral", "laksma": "first admiral",
    "marsekal": "air chief marshal", "marsdya": "air marshal", "marsda": "air vice marshal",
    "marsma": "air commodore",
    # the police ranks written out ("Komisaris Besar Hadi Purnomo")
    "komisaris jenderal": "police commissioner general",
    "inspektur jenderal": "police inspector general",
    "komisaris besar": "police senior commissioner",
    "ajun komisaris besar": "police adjunct senior commissioner",
    "komisaris polisi": "police commissioner",
    "ajun komisaris polisi": "police adjunct commissioner",
    "inspektur polisi satu": "police first inspector",
    "inspektur polisi dua": "police second inspector",
}

# Words written after a rank, before the name: the force ("Mayor Jenderal TNI", "Kombes Pol"),
# the corps ("Kolonel Kum", "Kolonel Chk", "Kolonel Penerbang", "Letkol Inf") and markers such
# as "(K)" or "(Purn)". Lower-cased.
RANK_SUFFIXES: frozenset[str] = frozenset({
    "tni", "pol", "pol.", "polisi", "kum", "chk", "inf", "kav", "arm", "arh", "czi", "cpm", "ckm",
    "cku", "cba", "caj", "cpl", "ctp", "chb", "kes", "pnb", "penerbang", "tek", "adm", "mar",
    "psk", "laut", "sus", "lek", "kal", "nav", "pas", "elk", "k", "p", "purn", "purn.",
})

# Words that join a title to its country or institution: "Menteri Luar Negeri (Menlu) RI".
TITLE_COUNTRY_WORDS: dict[str, str] = {"ri": "IDN", "indonesia": "IDN"}

# Titles of regional offices: "Bupati Sukamaju Ahmad Rifai" names the region before the holder.
# With three or more capitalised words after one of these, the first is read as the region.
REGIONAL_TITLES: frozenset[str] = frozenset({
    "gubernur", "wakil gubernur", "wagub", "bupati", "wakil bupati", "wali kota", "walikota",
    "wakil wali kota", "kapolda", "kapolres", "kapolresta", "kapolrestabes", "kapolsek",
    "pangdam", "camat", "lurah", "kepala desa", "kades",
})

# Words that introduce a document's number ("Peraturan … Nomor 16 Tahun 2025"): never a name.
NUMBERING_WORDS: frozenset[str] = frozenset({"nomor", "no", "no.", "nomer"})

# Portfolio words that continue a title ("Menteri Perumahan Rakyat", "Direktur Pemasaran",
# "Jaksa Agung Muda Pidana Umum"): never the start of the holder's name.
PORTFOLIO_WORDS: frozenset[str] = frozenset({
    "perumahan", "rakyat", "tenaga", "kerja", "ketenagakerjaan", "pemasaran", "laut", "muda",
    "pidana", "umum",
    "khusus", "perdata", "keuangan", "pertahanan", "kesehatan", "agama", "pendidikan",
    "kebudayaan", "perdagangan", "perindustrian", "pertanian", "perhubungan", "sosial", "energi",
    "sumber", "daya", "mineral", "kelautan", "perikanan", "kehutanan", "lingkungan", "hidup",
    "pariwisata", "ekonomi", "kreatif", "koperasi", "usaha", "kecil", "menengah", "hukum", "hak",
    "asasi", "manusia", "pekerjaan", "pemuda", "olahraga", "desa", "transmigrasi", "agraria",
    "tata", "ruang", "investasi", "hilirisasi", "riset", "teknologi", "komunikasi",
    "informatika", "digital", "keamanan", "politik", "operasi", "operasional", "utama",
    "bidang", "humas", "hubungan", "masyarakat", "pemberdayaan", "perempuan", "perlindungan",
    "anak", "aparatur", "reformasi", "birokrasi", "perencanaan", "pembangunan", "nasional",
    "produksi", "bisnis", "strategi", "sumber daya", "penindakan", "pencegahan", "penyidikan",
    "penyelidikan", "reserse", "kriminal", "narkoba", "lalu", "lintas", "intelijen", "logistik",
    "teritorial", "sekretaris", "eksekutif", "independen", "keuangan negara", "anggaran",
    "pajak", "bea", "cukai", "perbendaharaan", "statistik", "moneter", "fiskal", "pangan",
    "konstitusi", "agung", "tinggi", "negeri", "militer", "tata usaha",
    # coordinating ministries and the 2024 cabinet ("Menko Bidang Infrastruktur dan
    # Pembangunan Kewilayahan", "Menteri Imigrasi dan Pemasyarakatan")
    "infrastruktur", "kewilayahan", "kemaritiman", "maritim", "perekonomian", "kesejahteraan",
    "pemerintahan", "kependudukan", "imigrasi", "pemasyarakatan", "permukiman", "kawasan",
    "sains", "ilmu", "pengetahuan", "dasar", "penanaman", "modal", "kebencanaan",
})

# Company offices Indonesian news writes in English, next to a name or a body's name
# ("Rully Firmansyah Warehouse Manager", "Founder Greeneration Indonesia"), and the words of a
# department or a seniority that go before them ("Warehouse", "Country", "Senior").
ENGLISH_OFFICES: frozenset[str] = frozenset({
    "founder", "co-founder", "cofounder", "ceo", "coo", "cfo", "cto", "manager", "director",
    "officer", "chairman", "chairwoman", "supervisor", "coordinator",
})
ENGLISH_OFFICE_FIELDS: frozenset[str] = frozenset({
    "warehouse", "marketing", "sales", "product", "project", "operations", "operational",
    "finance", "country", "general", "senior", "junior", "associate", "assistant", "brand",
    "communications", "communication", "corporate", "public", "relations", "regional", "area",
    "store", "branch", "plant", "account", "business", "development", "legal", "program",
    "managing", "executive", "chief", "deputy", "vice", "co", "-", "&",
})

# Royal titles and "hakim": they also occur inside names, so one inside a person span does not
# end the name the way an office title does ("Joseph Sulistijo | Direktur …").
NAME_LIKE_TITLES: frozenset[str] = frozenset({
    "raja", "ratu", "pangeran", "sultan", "emir", "paus", "hakim", "putra mahkota",
})
