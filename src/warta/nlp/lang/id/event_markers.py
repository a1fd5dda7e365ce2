"""Function words the event argument rules read: prepositions, clause openers and light verbs."""

from __future__ import annotations

from warta.nlp.lang.id import reporting_verbs as rv
from warta.nlp.lang.id import subset

# a name after one of these is an oblique (place, beneficiary, agent...), never the subject
PREPOSITIONS = frozenset({
    "di", "ke", "dari", "oleh", "kepada", "pada", "terhadap", "dengan", "antara", "untuk", "bagi",
    "atas", "tentang", "mengenai", "soal", "terkait", "melalui", "lewat", "via", "tanpa", "seperti",
    "bersama", "menurut", "selain", "sebagai", "sejak", "hingga", "sampai", "menuju", "dalam",
    "melawan", "kontra", "versus", "vs", "demi", "berkat", "daripada", "sekitar",
    "dekat",
})

# the preposition that names the one a nominalised act is done to, whatever the act
# ("penahanan terhadap X", "pemeriksaan terhadap X", "serangan terhadap X")
NOMINAL_PATIENT = frozenset({"terhadap"})
# the preposition of a pair between whom an undirected act passes ("pembahasan antara X dan Y")
PAIR_PREPOSITIONS = frozenset({"antara"})

# locative prepositions whose name is where the event happened
LOCATIVE = frozenset({"di", "ke", "menuju"})
# prepositions of where and when: the noun after them is a setting, not a party, unless a
# trigger's row names them for its target ("berkunjung ke X", "berjanji pada X")
SETTING_PREPOSITIONS = LOCATIVE | frozenset({"dalam", "pada", "sekitar", "dekat", "sejak",
                                             "hingga", "sampai"})

# words that open a new clause: argument search does not cross them
CLAUSE_OPENERS = frozenset({
    "yang", "bahwa", "agar", "supaya", "karena", "sebab", "sehingga", "setelah", "sesudah",
    "sebelum", "ketika", "saat", "sementara", "sedangkan", "namun", "tetapi", "tapi", "meski",
    "meskipun", "walaupun", "walau", "padahal", "jika", "bila", "apabila", "kalau", "usai",
    "seusai", "sejak", "sambil", "seraya", "hingga", "sampai", "selagi",
})

# subordinators: a subject-less clause they open takes the subject of the main clause
SUBORDINATORS = frozenset({
    "setelah", "sesudah", "sebelum", "ketika", "saat", "usai", "seusai", "sejak", "sambil",
    "seraya", "untuk", "guna", "demi", "dengan", "karena", "meski", "meskipun", "walaupun",
    "jika", "bila", "apabila", "kalau", "selama", "begitu", "sepulang", "selagi",
})

# clause openers after which an undated event precedes the report ("setelah menyerang ...")
ANTERIOR = frozenset({"setelah", "sesudah", "usai", "seusai", "sejak", "sepulang"})


# light verbs: their subject is the agent of the nominal event they take ("melakukan kunjungan")
LIGHT_VERBS = frozenset({
    "melakukan", "mengadakan", "menggelar", "melancarkan", "melaksanakan", "memberikan",
    "memberi", "mengirim", "mengirimkan", "menyalurkan", "menyerahkan", "menyampaikan",
    "mengajukan",
    "mengumumkan", "menjatuhkan", "menerapkan", "memberlakukan", "melayangkan", "melontarkan",
    "menyatakan", "mengungkapkan", "menawarkan", "menunjukkan", "membangun", "menjalin",
    "memperkuat", "meningkatkan", "mempererat", "menandatangani", "menyepakati", "mencapai",
    "meluncurkan", "menggencarkan", "memulai", "melanjutkan", "menghadiri", "menuju",
    "menjadi", "bertindak",
})

# the passives of light verbs: a nominal event they follow as subject has their agent as source
# ("serangan terhadap Ukraina dilancarkan Rusia", "pemeriksaan yang dilakukan KPK")
PASSIVE_LIGHT_VERBS = frozenset({
    "dilakukan", "diadakan", "digelar", "dilancarkan", "dilaksanakan", "diberikan",
    "disampaikan", "dijatuhkan", "dilayangkan", "dilontarkan", "diberlakukan", "diterapkan",
    "diumumkan", "dikirim", "dikirimkan", "disalurkan", "diserahkan", "diajukan", "ditawarkan",
    "digencarkan",
})

# purpose connectives: a passive verb right after one has the main verb's object as its subject
PURPOSE = frozenset({"untuk", "agar", "supaya", "guna"})
# words that embed what follows under the trigger before them ("menolak untuk ...", "yang")
EMBEDDING = PURPOSE | {"yang"}
# purpose prepositions that end a trigger's own phrase ("bantuan untuk Gaza")
PURPOSE_PREPOSITIONS = frozenset({"untuk", "guna", "demi"})
# prepositions of the one a request is made of ("meminta bantuan dari/kepada X")
REQUEST_ADDRESSEE_PREPOSITIONS = frozenset({"dari", "kepada", "pada"})

# words before a nominal trigger that do not make it a different event ("sebuah serangan",
# "aksi unjuk rasa", "ratusan demonstrasi")
EVENT_DETERMINERS = frozenset({
    "sebuah", "suatu", "berbagai", "serangkaian", "rangkaian", "aksi", "gelombang", "upaya",
    "rencana", "ratusan", "puluhan", "ribuan", "sejumlah", "beberapa", "banyak", "lebih", "baru",
})
# words skipped between a subject and its trigger ("akan segera bertemu", "juga ikut menolak")
AUX_SKIP = frozenset({"akan", "untuk", "tidak", "tak", "segera", "ikut", "turut", "juga"})
# words between a first-person pronoun agent and its verb without meN- ("kasus ini akan terus
# kami selidiki", "yang kita sepakati"): aspect, modal, negation
PERSONA_SKIP = frozenset({"akan", "sudah", "telah", "terus", "juga", "segera", "masih", "sedang",
                          "pun", "lagi", "tidak", "tak", "belum", "harus", "bisa", "dapat", "mau",
                          "ingin", "perlu", "yang"})
# "keduanya", "kedua negara": nouns after "kedua" that name the two parties of an event
DUAL_NOUNS = frozenset({
    "negara", "pemimpin", "pihak", "menteri", "presiden", "kepala", "delegasi", "belah",
})

# light verbs of asking: with a cooperative noun they make a REQUEST ("mencari dukungan")
REQUEST_VERBS = frozenset({
    "mencari", "meminta", "memohon", "menuntut", "mendesak", "mengharapkan", "menginginkan",
    "mengupayakan", "menggalang", "cari", "minta",
})

# light verbs of receiving: the subject is the target and "dari X" the source ("menerima bantuan")
RECEIVE_VERBS = frozenset({
    "menerima", "mendapat", "mendapatkan", "memperoleh", "diberi", "diberikan", "kebagian",
})

# the types a REQUEST verb turns into an appeal, with the appeal's mode and CAMEO code: material
# cooperation 021, diplomatic cooperation 022, aid 023, a meeting 026
REQUESTABLE: dict[str, tuple[str, str]] = {
    "COOPERATE": ("assist", "021"), "SUPPORT": ("assist", "022"), "AID": ("assist", "023"),
    "CONSULT": ("meet", "026"),
}

# role and title words that may stand between a verb and its object ("memuji Presiden Xi")
TITLE_WORDS = frozenset({
    "presiden", "wakil", "menteri", "perdana", "pm", "menlu", "raja", "ratu", "kanselir",
    "sekretaris", "jenderal", "sekjen", "ketua", "kepala", "gubernur", "bupati", "wali", "kota",
    "duta", "besar", "dubes", "pemerintah", "pemimpin", "militer", "pasukan", "tentara",
    "otoritas", "kementerian", "luar", "negeri", "pertahanan", "pihak", "kepolisian", "polisi",
    "aparat", "warga", "rakyat", "para", "sang", "negara", "mitranya", "rekannya", "sekutunya",
    "timpalannya", "koleganya", "ibu", "bapak", "pak", "bu", "kolonel", "mantan",
})

# officers named by their function alone ("Penyidik menangkap ..."): they act for the body the
# story is about, which its headline names ("KPK Tangkap ...")
UNNAMED_AGENTS = frozenset({
    "penyidik", "penyelidik", "polisi", "petugas", "aparat", "jaksa", "tim", "personel",
})

# the historical past of an undated event: "sebelumnya", "tahun lalu"
PAST_ADVERBS = frozenset({"sebelumnya", "lalu", "silam", "dahulu", "dulu", "pernah"})

# a speaker framing what follows: "Kata Prabowo, rakyat kecil harus dibela" (not the subject)
REPORTING_OPENERS = subset(rv.CUE_AFTER, "kata ujar ucap tutur") | {"menurut"}

# heads whose country name is a modifier, never a party: "dolar AS", "ekonomi Tiongkok"
ECONOMIC_HEADS = frozenset({
    "dolar", "rupiah", "yen", "yuan", "euro", "won", "ringgit", "peso", "rupee", "ekonomi",
    "perekonomian", "inflasi", "bursa", "saham", "obligasi",
})

# speech, cognition and copula verbs: a subject search that crosses one has left the clause the
# trigger belongs to ("Purbaya menjelaskan modus itu adalah bernegosiasi")
COPULAS = frozenset({"adalah", "ialah", "merupakan", "yaitu", "yakni"})
CLAUSE_VERBS = COPULAS | subset(rv.VERB_BEFORE | rv.INDIRECT_VERBS | rv.CUE_AFTER, """
    mengatakan menjelaskan menekankan menegaskan menyebut menyebutkan menilai berharap
    mengharapkan mengungkapkan menyampaikan memaparkan menuturkan mengaku mengakui menambahkan
    berpendapat meyakini yakin mengklaim menganggap memastikan melaporkan mencatat mengingatkan
    kata ujar ucap tutur jelas
""")
