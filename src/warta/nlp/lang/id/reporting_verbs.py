"""Indonesian reporting language, as data: the words that frame who said what.

Used by ``warta.extract.quotes``. Every set holds lower-cased surface forms. The classes follow how
Indonesian news attributes speech:

- ``CUE_AFTER``: bare verb stems that follow a quote, then the speaker ("…," *kata* Putin); they
  also take the enclitic ``-nya`` ("…," *ujarnya*) or a following pronoun ("…," *lanjut dia*).
- ``VERB_BEFORE``: prefixed verbs with the speaker as subject, before a quote (Putin *mengatakan*,
  "…") or after it ("…," Putin *menambahkan*).
- ``INDIRECT_VERBS``: verbs that report a clause without quote marks (X *menilai* …,
  X *mengatakan bahwa* …).
- ``FRAMING_VERBS``: verbs that frame a quoted fragment as the subject's words without being
  speech verbs themselves (X *menyebut* kisah itu "mengagumkan"; X *memperingatkan* … "agresi").
  A quoted fragment needs one of these (or a speech verb) before it to count as a partial quote;
  otherwise it is a scare quote or a title.
"""

from __future__ import annotations

from warta.nlp.lang.id import conjunctions, pronouns

# "…," kata X — stems that follow the quote.
CUE_AFTER: frozenset[str] = frozenset({
    "kata", "ujar", "ucap", "ungkap", "jelas", "tutur", "tegas", "imbuh", "tambah", "papar",
    "terang", "sebut", "lanjut", "pungkas", "tandas", "tukas", "seru", "timpal", "sambung",
    "kilah", "aku", "klaim", "tanya", "bilang", "urai", "beber", "cetus", "sergah", "jawab",
    "katanya", "tulis", "pesan", "harap", "pinta", "ajak", "sahut", "bantah", "keluh", "canda",
    "celetuk", "desak", "ingat", "nilai", "tutup", "simpul", "kisah", "cerita", "akunya",
    "imbau", "sindir", "tegur", "kelakar", "seloroh", "sambut", "tuding", "kecam", "puji",
})

# Cue stems the quotes stage reads after a quote and the other stages do not (yet): a tweet
# ('"…," cuit akun X', '"…," cuitnya') and a suggestion ('"…," saran Erma'). The actors,
# gazetteer and events stages read ``CUE_AFTER`` alone (adding these there is a change of their
# behaviour to measure).
QUOTE_ONLY_CUES: frozenset[str] = frozenset({"cuit", "saran"})
QUOTE_CUES: frozenset[str] = CUE_AFTER | QUOTE_ONLY_CUES

# Hosts whose "-nya" is the speaker or agent ("ujarnya", "katanya", "menurutnya"), not a
# possessive ("rumahnya"); ``warta.resolve.actors`` and coreference read only these. The cue
# stems, less those that already carry -nya and three the rule has never taken (adding them is
# a change of behaviour to measure), and the prepositions whose -nya is a person.
CLITIC_HOSTS = (CUE_AFTER - {"katanya", "akunya", "sergah", "celetuk", "ingat"}) | {
    "menurut", "sambil", "kepada", "oleh", "dari",
}

# Cue stems that are also common nouns or adjectives; they count as cues only right after a
# quote or with a speaker/-nya, never as a verb inside a sentence ("jelas" = clear).
AMBIGUOUS_CUES: frozenset[str] = frozenset({
    "jelas", "tegas", "aku", "ingat", "nilai", "tutup", "harap", "pesan", "cerita", "tulis",
    "saran",
})

# Enclitic and pronoun speakers after a cue: "ujarnya", "kata dia", "lanjut beliau".
NYA_SUFFIX = "nya"
PRONOUNS = pronouns.SPEAKER_PRONOUNS
PERSON_PRONOUNS = pronouns.PERSON_PRONOUNS_CLITIC

# Speech verbs whose subject is the speaker; they introduce a direct quote or a reported clause.
VERB_BEFORE: frozenset[str] = frozenset({
    "mengatakan", "menegaskan", "menyatakan", "menambahkan", "menjelaskan", "mengungkapkan",
    "menuturkan", "menyampaikan", "mengucapkan", "menerangkan", "memaparkan", "mengimbuhkan",
    "menyebut", "menyebutkan", "menandaskan", "menukas", "berkata", "berujar", "bertanya",
    "menanyakan", "mengaku", "mengakui", "mengklaim", "membantah", "menekankan", "mengingatkan",
    "memperingatkan", "melanjutkan", "menjawab", "menulis", "menuliskan", "berpesan",
    "berharap", "mengharapkan", "berjanji", "menyimpulkan", "menceritakan", "mengisahkan",
    "membeberkan", "menguraikan", "mengemukakan", "mengumumkan", "mencuit", "bercerita",
    "berpendapat", "menyerukan", "mendesak", "meminta", "mengajak", "menilai", "mengeluhkan",
    "menyinggung", "mengutarakan", "mengungkap", "mengeklaim", "memposting", "memosting",
    "mengunggah", "berkicau",
})

# Verbs of request: they report a clause only through "agar", "supaya" or "untuk" after an
# optional addressee ("mengimbau kepada warga agar …", "meminta polisi untuk …"); without one
# they take an object ("meminta maaf", "mendorong investasi").
DIRECTIVE_VERBS: frozenset[str] = frozenset({
    "meminta", "mendesak", "mengimbau", "menghimbau", "mendorong", "menyerukan", "mengajak",
    "menantang", "menyarankan", "berpesan", "mengusulkan", "menginstruksikan",
    "memerintahkan", "menganjurkan",
})
DIRECTIVE_COMPLEMENTIZERS: frozenset[str] = frozenset({"agar", "supaya", "untuk"})
# Verbs of request whose object is always the addressee of the request: a verb after that
# addressee (or right after the verb) is what was asked, with no "agar" ("meminta pemerintah
# segera mencairkan …", "mendesak MK memutuskan …", "menyarankan menggunakannya …"). Not
# "mendorong" or "mengajak", whose object may be pushed or taken along ("mendorong korban ke
# halte", "mengajak anaknya berlibur"): an act, not a request; nor "mengusulkan" or
# "menyerukan", whose object is mostly the proposal itself ("menyerukan pengelolaan energi
# berkelanjutan"), which a verb-like modifier follows.
REQUEST_VERBS: frozenset[str] = frozenset({
    "meminta", "mendesak", "mengimbau", "menghimbau", "menyarankan", "menganjurkan",
})
# Words from a verb of request to its "agar"/"supaya"/"untuk": the addressee before it may be
# a long name or a list ("mengimbau kepada ulama, santri, ustaz dan warga agar …", "mengajak
# para kader organisasi di dalam gereja itu untuk …").
DIRECTIVE_REACH = 14
REQUEST_ADDRESSEE_REACH = 6  # words of the addressee before the requested act's verb
# Verbs of command: an order given down a chain of command is an act (PLOVER's), not speech
# the news reports as someone's words ("Presiden memerintahkan Kemenhan untuk mengerahkan
# …", "Pasal 28 memerintahkan kepala daerah …"); the quotes stage reads the order's words
# only when "agar"/"supaya" reports them ("Hakim memerintahkan agar terdakwa dibebaskan").
ORDER_VERBS: frozenset[str] = frozenset({"memerintahkan", "menginstruksikan"})
ORDER_COMPLEMENTIZERS: frozenset[str] = frozenset({"agar", "supaya"})

# Verbs reporting a clause without quote marks: "X menilai …", "X mengatakan bahwa …", and the
# verbs of request.
INDIRECT_VERBS: frozenset[str] = frozenset({
    "mengatakan", "menegaskan", "menyatakan", "menambahkan", "menjelaskan", "mengungkapkan",
    "menuturkan", "menyampaikan", "menerangkan", "memaparkan", "menyebut", "menyebutkan",
    "menilai", "menganggap", "mengaku", "mengakui", "mengklaim", "mengeklaim", "membantah",
    "menekankan", "mengingatkan", "memperingatkan", "memperkirakan", "memprediksi", "menduga",
    "meyakini", "yakin", "berpendapat", "berharap", "mengharapkan", "berjanji",
    "mengungkap", "membeberkan", "mengemukakan", "mengumumkan", "menandaskan", "menuding",
    "menuduh", "memastikan", "berkata", "melaporkan", "mengutarakan",
    "mengisyaratkan", "menjamin", "menyadari", "mencatat", "menyinggung", "menggambarkan",
    "memproyeksikan", "meramalkan", "mengancam", "menemukan", "menunjukkan", "menyimpulkan",
    "bilang", "berujar", "bertutur", "berpandangan", "beralasan", "berdalih", "berkilah",
    "khawatir", "curiga", "merinci", "menguraikan", "mencontohkan", "bercerita", "mengisahkan",
    "menceritakan", "meragukan", "mengamini", "menengarai", "membenarkan", "mengkonfirmasi",
    "mengonfirmasi", "menyoroti", "melanjutkan", "menepis", "memungkiri", "menampik",
    "menyangkal",
}) | DIRECTIVE_VERBS

# Verbs that frame a quoted fragment as the subject's words (partial quotes) without being
# speech verbs: characterising, interpreting, condemning, demanding.
FRAMING_VERBS: frozenset[str] = frozenset({
    # Naming verbs (menjuluki, menamai) are left out on purpose: they introduce names, not words.
    "menggambarkan", "menafsirkan", "menyebutnya", "mengecam", "mengkritik", "menyerukan",
    "mendesak", "meminta", "menuntut", "menolak", "menyambut", "menganggapnya", "memandang",
    "melihat", "mencap",
    "memperingatkan", "menuduh", "menuding", "menyindir", "mengutuk", "mengajak", "berjanji",
    "bersumpah", "mengancam", "menjanjikan", "menginginkan", "menawarkan",
})

# Passive verbs with the agent as "-nya": "… yang disebutnya sebagai 'orang-orang …'".
PASSIVE_NYA: frozenset[str] = frozenset({
    "disebutnya", "dikatakannya", "dinilainya", "dianggapnya", "digambarkannya",
    "diungkapkannya", "disampaikannya", "ditegaskannya", "dijelaskannya", "ditambahkannya",
    "diistilahkannya", "diakuinya",
})

# A verb of feeling that states a view when a clause of its own follows ("Potter merasa para
# pemain percaya …", "dia merasa regulator tidak perlu …", "merasa, bila …"; not "merasa
# senang"): the quotes stage reads it as a reporting verb with the tests of
# ``INDIRECT_NEEDS_BAHWA``; the events stage does not read it.
FEELING_VERBS: frozenset[str] = frozenset({"merasa"})

# Verbs that report a clause only with "bahwa"; without it they take an object ("mengklaim
# kepemilikan", "membantah tuduhan", "mencatat kenaikan").
INDIRECT_NEEDS_BAHWA: frozenset[str] = frozenset({
    "mengklaim", "mengeklaim", "mengakui", "membantah", "menyinggung", "mencatat", "menjamin",
    "menyadari", "mengisyaratkan", "mengumumkan", "memastikan", "mengancam", "menemukan",
    "menunjukkan", "menyimpulkan", "merinci", "menguraikan", "mencontohkan", "bercerita",
    "mengisahkan", "menceritakan", "meragukan", "mengamini", "menengarai", "membenarkan",
    "mengkonfirmasi", "mengonfirmasi", "menyoroti", "melanjutkan", "menepis", "memungkiri",
    "menampik", "menyangkal",
}) | FEELING_VERBS
# ... or with a comma or colon right after the verb ("Fahri mengklaim, …"), or with an
# auxiliary opening a verb phrase, right after the verb or after a short subject of its own:
# "mengklaim telah menciptakan …", "memastikan pihaknya bakal …" (CLAUSE_SUBJECT_REACH).
CLAUSE_AUXILIARIES: frozenset[str] = frozenset({
    "telah", "sudah", "akan", "tidak", "tak", "belum", "bisa", "dapat", "masih", "sedang",
    "pernah", "bakal", "harus",
})
CLAUSE_SUBJECT_REACH = 3  # words of the reported clause's own subject before its auxiliary
# What a reported clause has and an object noun phrase lacks: its own predicate. After a bare
# reporting verb ("menyampaikan apresiasi kepada …", "melaporkan kejadian itu ke polisi") a
# noun phrase with no predicate is the verb's object, not what was said. These words mark a
# predicate wherever they stand: an auxiliary, a negator, a copula, a predicative "sebagai"
# ("menyebut aksi itu sebagai tamparan"), a causal predicate ("luka korban karena …"), an
# adverb between a subject and its predicate ("polusi di kota juga karena …"), an intensifier
# before an adjectival one ("kontribusinya sangat tinggi").
PREDICATE_MARKERS: frozenset[str] = CLAUSE_AUXILIARIES | frozenset({
    "bukan", "perlu", "adalah", "merupakan", "ialah", "sebagai", "karena", "juga", "pun",
    "hanya", "tetap", "justru", "memang", "tentu", "sangat", "cukup", "makin", "semakin",
    "terlalu", "amat",
})
# Words that open a modifier of a noun (a relative clause, a prepositional phrase, an adjunct):
# the verb right after one is the modifier's, not the clause's predicate ("isu yang sempat
# memicu …", "capaian kinerja dalam mewujudkan …", "pandangannya terkait dinamika …").
MODIFIER_OPENERS: frozenset[str] = frozenset({
    "yang", "terkait", "soal", "tentang", "mengenai", "seputar", "perihal", "atas", "kepada",
    "terhadap", "untuk", "dalam", "bagi", "antara", "dengan", "sebagaimana", "setelah",
    "sebelum", "saat", "ketika", "selama", "usai", "seusai", "sejak",
})
# Reporting verbs that take no object noun phrase: the pure verb of saying, and verbs of
# belief or forecast, whose complement is a proposition even without a verb ("memperkirakan
# inflasi di kisaran 2,5%"). What follows them bare is the reported clause.
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset({
    "mengatakan", "memperkirakan", "memprediksi", "meramalkan", "menduga", "meyakini",
    "mengaku",  # claims a state of the subject's own: "mengaku kasihan …", "mengaku korban"
})
# Verbs that lead another verb inside such a modifier ("yang terus bekerja", "dalam ikut
# mewujudkan"): the modifier's verb is the one after them.
LEADING_VERBS: frozenset[str] = frozenset({
    "ikut", "turut", "mulai", "terus", "sempat", "mau", "ingin", "hendak", "berupaya",
    "berusaha",
})
# Nouns that announce a cited term or a name, not someone's words: frasa 'orang lain',
# istilah "hilirisasi", program "Makan Bergizi".
TERM_NOUNS: frozenset[str] = frozenset({
    "frasa", "istilah", "kata", "kalimat", "judul", "tagar", "slogan", "program", "gerakan",
    "julukan", "sebutan", "label", "kategori", "operasi", "film", "buku", "lagu", "aplikasi",
    "akun", "kanal", "tema", "bertajuk", "berjudul", "bernama", "dijuluki", "disebut",
    "kampanye", "acara", "festival", "lomba", "rubrik", "kolom", "situs", "platform",
    "kegiatan", "inisiatif", "serial", "album", "novel", "proyek",
})

# Common words that look prefixed (me-/ber-/di-/ter-) but are not verbs.
PREFIXED_NON_VERBS: frozenset[str] = frozenset({
    "menteri", "mereka", "media", "merek", "meja", "metode", "medis", "menara", "mesin",
    "meskipun", "menurut", "menjelang", "berita", "beras", "bensin", "bendera", "bersama",
    "berbagai", "beserta", "dinas", "direktur", "direksi", "distrik", "dirjen", "diskusi",
    "dialog", "dinding", "diri", "dirinya", "terminal", "teroris", "teritori", "terhadap",
    "termasuk", "tertentu", "terkait", "terutama", "terakhir", "tersebut", "tertinggi",
})
# Definite descriptions refer back like pronouns: "bos Space X dan Tesla itu memposting …".
DEMONSTRATIVES = pronouns.DEMONSTRATIVES

# "…, demikian pernyataan X." — a closing attribution after an unquoted statement.
DEMIKIAN: frozenset[str] = frozenset({"demikian"})
# '"…," bunyi pernyataan X.' / 'bunyi keterangan pers KPK': "the wording of X's statement",
# the same closing attribution; only before a statement noun ("bunyi Pasal 2" cites a law).
BUNYI: frozenset[str] = frozenset({"bunyi"})
DEMIKIAN_NOUNS: frozenset[str] = frozenset({
    "pernyataan", "keterangan", "penjelasan", "kata", "ujar", "ucap", "tulis", "laporan",
    "disampaikan", "dikatakan", "diungkapkan", "dijelaskan", "ditulis", "dilaporkan", "oleh",
})

# Heads of generic speaker phrases: a place inside them ("sejumlah surat kabar Brasil", "warga
# Delhi") is not the speaker, so such speakers stay unknown.
GENERIC_HEADS: frozenset[str] = frozenset({
    "sejumlah", "beberapa", "banyak", "sebagian", "para", "warga", "masyarakat", "media",
    "surat", "pengamat", "analis", "sumber", "kalangan", "netizen", "warganet", "penduduk",
    "seorang", "salah", "orang",
})

# "kata salah satu pengemudi ojol asal Genuk, Wawan": "one of" — the number word after it
# opens no new phrase, the speaker phrase runs on to the apposed name.
ONE_OF: frozenset[str] = frozenset({"salah"})

# Heads of speaker phrases that name no one: a profession or a group, or a piece of evidence
# ("Ekonom mengingatkan …", "Tim medis menilai …", "Hasil survei menunjukkan …"). Unlike a
# title of one office ("Kapolres", "Bupati"), which refers back to whoever holds it, such a
# phrase is a person only when it names one; evidence speaks for the body it names ("laporan
# UNCTAD") or for no one. With a demonstrative ("dokter itu") it refers back.
UNNAMED_HEADS: frozenset[str] = frozenset({
    "ekonom", "dokter", "tim", "peneliti", "pakar", "ahli", "kelompok", "aktivis", "hasil",
    "laporan", "penelitian", "studi", "survei", "riset", "kajian",
})

# Participial links: "…, dengan mengatakan bahwa …" — the speaker is the main clause's subject.
PARTICIPLE_LINKS: frozenset[str] = frozenset({"dengan", "sambil", "seraya", "sembari"})

# Complementisers that open the reported clause.
COMPLEMENTIZERS: frozenset[str] = frozenset({"bahwa", "bahwasanya", "jika", "kalau"})
# "bahwa" itself (not the conditional "jika"/"kalau"): after any active verb (meN-, ber-) it
# opens what the subject says or claims ("X mencuitkan bahwa …", "berspekulasi bahwa …").
THAT: frozenset[str] = frozenset({"bahwa", "bahwasanya"})
ACTIVE_PREFIXES: tuple[str, ...] = ("me", "ber")

# "menurut X, …" and its pronoun forms.
MENURUT: frozenset[str] = frozenset({"menurut"})
MENURUT_PRONOUN: frozenset[str] = frozenset({
    "menurutnya", "menurutku", "menurutmu", "menurut-nya", "baginya",
})
# "Bagi|nya, …" (in his view): an opinion's holder only as a pronoun before a comma; "bagi
# warga" is whom something concerns.
OPINION_PREPS: frozenset[str] = frozenset({"bagi"})
# "menurut data BPS", "menurut survei X", "menurut jadwal": figures and rules, not someone's
# words (docs/annotation.md: "Not *berdasarkan data*").
MENURUT_NOT_SPEAKERS: frozenset[str] = frozenset({
    "data", "survei", "survey", "sektor", "hasil", "catatan", "jadwal", "rencana", "aturan",
    "peraturan", "ketentuan", "undang-undang", "pasal", "perhitungan", "hitungan", "perkiraan",
    "statistik", "grafik", "tabel", "indeks", "kalender", "pantauan", "pengamatan",
})

# Passive attributions in the sentence after a quote: "Hal itu disampaikan X …".
PASSIVE_CUES: frozenset[str] = frozenset({
    "disampaikan", "diungkapkan", "dikatakan", "ditegaskan", "dijelaskan", "disebutkan",
    "dituturkan", "dipaparkan", "diterangkan", "diutarakan", "dikemukakan", "diucapkan",
    "ditambahkan", "ditambahkannya",
})
# Passives of saying or judging whose agent, named right after them, speaks the clause that
# follows: "Sistem ini diakui Tinia bisa …", "Pemerintah, disebut Erwan, memiliki …",
# "Namun, seperti diklaim oleh pihak Kemenpora, …". Not after "yang" ("yang disebut X sebagai").
PASSIVE_REPORTS: frozenset[str] = PASSIVE_CUES | frozenset({
    "disebut", "diakui", "diklaim", "dinilai", "dilaporkan", "diungkap", "dianggap",
    "diyakini", "dikatakannya",
})
# Words that open no reported clause after a passive's agent: "dilaporkan Rina ke polisi",
# "dinilai Budi sebagai …" (an object's description, not a statement).
PASSIVE_NOT_CLAUSE: frozenset[str] = frozenset({
    "sebagai", "ke", "kepada", "dengan", "oleh", "terhadap", "atas", "karena", "yang",
})
PASSIVE_SUBJECTS: frozenset[str] = frozenset({
    "hal", "demikian", "pernyataan", "ungkapan", "informasi", "penegasan", "keterangan",
    "penjelasan",
})

# A source cited at the start of a sentence speaks the rest of it: "Melansir Reuters, …",
# "Dikutip dari BBC, …", "Diberitakan AFP, Rabu (12/4), …", "Lansiran Dailymail, …". Such a
# citation may follow a connective ("Sementara mengutip Telegraph, …", "Seperti dilansir X, …").
CITING: frozenset[str] = frozenset({
    "melansir", "mengutip", "lansiran", "dilansir", "dikutip", "diberitakan", "dilaporkan",
    "dinukil", "menukil",
})
CITING_LEADS: frozenset[str] = frozenset({"sementara", "seperti", "sebagaimana", "adapun"})
AGENT_PREPS: frozenset[str] = frozenset({"oleh", "dari"})  # "dikutip dari X", "dijelaskan oleh X"

# Words that end a speaker noun phrase after a cue: "kata Putin | kepada …", "ujar Tito | dalam …".
ADDRESSEE_PREPS: frozenset[str] = frozenset({"kepada", "pada", "terhadap"})
VENUE_PREPS: frozenset[str] = frozenset({"dalam", "di", "saat", "ketika", "usai", "seusai",
                                         "sebelum", "setelah", "sesudah", "melalui", "lewat",
                                         "via", "selepas", "kala", "waktu", "sewaktu"})
SPEAKER_STOPS: frozenset[str] = frozenset({
    "kepada", "pada", "terhadap", "dalam", "di", "saat", "ketika", "usai", "seusai", "sebelum",
    "setelah", "sesudah", "melalui", "lewat", "via", "selepas", "kala", "sewaktu", "kemarin",
    "hari", "yang", "sambil", "seraya", "sembari", "dengan", "bahwa", "kepadanya", "ke",
    "tentang", "soal", "terkait", "mengenai", "pula", "juga", "lagi", "pun", "menambahkan",
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad", "tadi",
    "awal", "akhir", "pekan", "bulan", "tahun", "pagi", "siang", "sore", "malam",
})

# Words that open an adjunct, never a subject: a phrase before a verb that starts with one is
# the tail of a relative clause or a venue ("Aktris yang tinggal | di Amerika itu mengaku",
# "Rina, | dalam jumpa pers, mengatakan"), and the subject stands before it.
ADJUNCT_OPENERS: frozenset[str] = VENUE_PREPS | frozenset({"dari", "ke", "pada", "sebagai",
                                                           "untuk", "kepada", "terhadap"})
# The weekday of a statement between commas before its verb ("X di Magelang, Sabtu,
# mengatakan", "X, Senin (12/5), mengungkapkan"): a time adjunct, not the subject.
WEEKDAYS: frozenset[str] = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "jum'at",
                                      "sabtu", "minggu", "ahad"})

# Prepositions that end a speaker's head noun phrase ("ahli konstruksi | dari Kalifornia").
NP_PREPOSITIONS: frozenset[str] = frozenset({"dari", "di", "asal", "untuk", "ke", "pada"})

# Words that end a subject noun phrase when walking back from a verb.
CLAUSE_BOUNDARIES: frozenset[str] = frozenset({
    "bahwa", "yang", "dan", "tetapi", "namun", "sedangkan", "sementara", "karena", "ketika",
    "saat", "sehingga", "agar", "supaya", "jika", "kalau", "setelah", "sebelum", "lalu",
    "kemudian", "serta", "atau", "tapi", "untuk", "melainkan", "adalah", "ialah", "merupakan",
    "yakni", "yaitu",
})
# Negators before a speech verb: "KPK belum mengungkapkan …" reports nothing.
NEGATORS: frozenset[str] = frozenset({"tidak", "tak", "belum", "bukan", "enggan", "tanpa",
                                      "menolak", "urung"})

NOT: frozenset[str] = frozenset({"tidak", "tak"})  # the negators of a denial that concede
# Verbs of denial: negated they admit ("Rina tak memungkiri, …", "tidak menampik bahwa …",
# "tak membantah jika …": Indonesian's usual litotes for conceding), so a negator before one
# reports what is conceded.
DENIALS: frozenset[str] = frozenset({"membantah", "memungkiri", "menampik", "menyangkal",
                                     "menepis"})

# Modals before a speech verb: "Pemerintah ingin memastikan …" wants, does not report.
UNREALISED: frozenset[str] = frozenset({
    "ingin", "hendak", "mau", "perlu", "harus", "wajib", "berupaya", "berusaha", "akan",
    "bisa", "dapat", "diminta", "untuk", "agar", "supaya", "siap", "berencana", "bakal",
})

# Conjunctions that join two names into one subject ("Tiongkok dan Rusia mengatakan").
COORDINATORS = conjunctions.AND
# Adverbs allowed between a subject and its verb ("Putin juga mengatakan").
SUBJECT_ADVERBS: frozenset[str] = frozenset({
    "juga", "pun", "kemudian", "lalu", "sempat", "telah", "sudah", "pernah", "kembali",
    "kerap", "sering", "bahkan", "lantas", "secara", "terus", "lebih", "jauh",
    "baru-baru", "ini", "itu", "tersebut", "sendiri", "selalu", "akan", "masih", "mengaku",
    "tidak", "tak",  # a conceding "tak memungkiri": the negator is no part of the subject
})

# Quote-mark pairs: opening mark → closing marks. Straight marks are undirected and paired by
# context; ``""`` (a CSV export's escaped quote left in the text) counts as one straight mark.
QUOTE_PAIRS: dict[str, str] = {"“": "”", "«": "»", "‘": "’", "„": "“", "‹": "›", "'": "'"}
# Single marks double as apostrophes (Jum’at, Ma'ruf): they count only in quote-like contexts.
SINGLE_MARKS: frozenset[str] = frozenset({"‘", "’", "'"})
STRAIGHT_QUOTES: frozenset[str] = frozenset({'"', "＂"})
DOUBLED_STRAIGHT = '""'

# A quote with no reporting frame is kept only when it reads like a statement: at least this
# many words (scare quotes and titles are shorter).
MIN_FREE_QUOTE_TOKENS = 5
# A reported clause shorter than this is not an indirect quote ("ia mengatakan demikian").
MIN_INDIRECT_TOKENS = 3
# How far an unattributed quote may inherit the last speaker (paragraphs back).
INHERIT_PARAGRAPHS = 2

# Words for someone who speaks for, or stands beside, the person named after them: in
# "kuasa hukum X, Y, mengatakan" Y speaks, not X (a feature of the quote speaker model).
RELATIONAL_ROLES: frozenset[str] = frozenset({
    "kuasa hukum", "pengacara", "advokat", "juru bicara", "jubir", "istri", "suami", "anak",
    "ayah", "ibu", "kakak", "adik", "keluarga", "ajudan", "staf", "sekretaris pribadi",
    "orang tua", "tim hukum", "perwakilan", "rekan",
})
