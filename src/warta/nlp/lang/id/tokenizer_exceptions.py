"""Tokenizer data for Indonesian news: abbreviations and clitic conventions (UD Indonesian).

UD Indonesian (GSD, CSUI) splits the enclitics -nya, -kah, -lah, -ku, -mu off their host as
syntactic words (menyetujuinya → menyetujui + nya, apakah → apa + kah) but keeps lexicalised
forms whole (hanya, adalah, akhirnya, sebelumnya). The lists below encode that convention.
"""

from __future__ import annotations

# Abbreviations that end in a period and must stay one token (titles, degrees, ranks, street
# names, Latin-style shorthands). Words that also end sentences as ordinary words (Mei., Kota.,
# Tbk., km.) are left out on purpose: a missed abbreviation costs less than a missed sentence end.
ABBREVIATIONS: tuple[str, ...] = (
    # titles and honorifics
    "Dr.", "dr.", "drg.", "Prof.", "Ir.", "Drs.", "Dra.", "H.", "Hj.", "K.H.", "KH.", "Sdr.",
    "Sdri.", "Bpk.", "Yth.", "Tb.", "Tgk.", "Rd.", "Tn.", "Ny.", "Nn.", "St.", "Mr.", "Mrs.", "Ms.",
    # academic degrees
    "S.H.", "S.E.", "S.T.", "S.Sos.", "S.Pd.", "S.Kom.", "S.Ag.", "S.Ked.", "S.Psi.", "S.Si.",
    "S.IP.", "S.Hut.", "S.Kep.", "S.Ak.", "M.Si.", "M.Sc.", "M.A.", "M.H.", "M.M.", "M.Pd.",
    "M.Kom.", "M.T.", "M.Hum.", "M.Ag.", "M.Kes.", "M.Sos.", "Ph.D.", "Sp.A.", "Sp.B.",
    "Sp.PD.", "Sp.OG.", "Sp.JP.", "Sp.M.", "Sp.KJ.", "MBA.", "Lc.",
    # military and police ranks
    "Jend.", "Jen.", "Letjen.", "Mayjen.", "Brigjen.", "Kol.", "Letkol.", "Mayor.", "Kapt.",
    "Lettu.", "Letda.", "Serka.", "Serma.", "Pelda.", "Kopda.", "Pratu.", "Laksda.",
    "Laksma.", "Marsda.", "Marsma.", "Kombes.", "AKBP.", "AKP.", "Ipda.", "Iptu.", "Aipda.",
    "Bripka.", "Brigpol.", "Irjen.", "Komjen.",
    # places, addresses, organisations
    "Jl.", "Jln.", "Kel.", "Kec.", "Kab.", "Prov.", "Gg.", "Kp.", "Ds.", "No.", "Rt.",
    "Rw.", "Telp.", "Tel.", "Hp.", "Fax.", "Kav.", "PT.", "CV.",
    # company-name parts that sit mid-name ("Sampoerna Packaging Asia Pte. Ltd."); "Ltd." and
    # "Inc." are left out: they end names, and often sentences
    "Pte.", "Co.", "Sdn.", "Bhd.",
    # shorthands
    "dll.", "dsb.", "dst.", "dkk.", "tsb.", "yg.", "dgn.", "utk.", "krn.", "tdk.", "sbg.",
    "spt.", "a.n.", "u.p.", "s.d.", "d.a.", "a.l.", "hlm.", "Vol.", "vs.", "Jan.", "Feb.",
    "Agu.", "Agt.", "Sept.", "Okt.", "Nov.", "Des.", "Rp.", "tgl.", "thn.",
)

# Words ending in -nya that UD Indonesian keeps whole: lexical words (hanya, punya, tanya) and
# lexicalised adverbs/discourse markers (akhirnya, sebelumnya, misalnya). "adanya" is not one:
# CSUI splits it (ada + nya) all 14 times, GSD keeps it whole twice.
NYA_WHOLE: frozenset[str] = frozenset(
    (
        "hanya", "punya", "tanya", "bertanya", "ditanya", "ditanyanya", "kenya", "sonya",
        "tanyanya", "nyanya", "sebelumnya", "sesudahnya", "setelahnya", "sebenarnya",
        "seharusnya", "sebaliknya", "setidaknya", "semestinya", "seluruhnya", "sedikitnya",
        "sepenuhnya", "selanjutnya", "sesungguhnya", "selebihnya", "sekiranya",
        "sebetulnya", "sebaiknya", "selamanya", "sepertinya", "seyogyanya", "lainnya",
        "akhirnya", "biasanya", "umumnya", "berikutnya", "khususnya", "misalnya",
        "makanya", "diantaranya", "kesemuanya", "contohnya", "awalnya", "rupanya",
        "agaknya", "tampaknya", "nampaknya", "kayaknya", "sayangnya", "untungnya",
        "mestinya", "harusnya", "hendaknya", "pokoknya", "utamanya", "kiranya",
    )
)

# Hosts of the interrogative enclitic -kah and the emphatic -lah that UD splits (apakah → apa
# kah, itulah → itu lah). -lah/-kah endings are otherwise mostly lexical (adalah, ialah, telah,
# langkah), so only these hosts are split; "ada" and "ia" take -kah only (adakah, not adalah).
KAH_ONLY_HOSTS: frozenset[str] = frozenset(("ada", "ia"))
LAH_KAH_HOSTS: frozenset[str] = frozenset(
    (
        "apa", "siapa", "bagaimana", "mana", "mengapa", "kapan", "berapa", "di", "ke",
        "dari", "ada", "bukan", "tidak", "ini", "itu", "dia", "ia", "mereka", "kami",
        "kita", "kamu", "engkau", "anda", "harus", "juga", "sanggup", "dapat", "bisa",
        "boleh", "mau", "akan", "sudah", "belum", "masih", "perlu", "benar", "betul",
        "inilah", "sini", "situ", "begitu", "demikian",
    )
)

# Whole words carrying the possessive enclitics -ku/-mu that UD splits (kepadaku → kepada ku).
KU_MU_HOSTS: frozenset[str] = frozenset(
    ("kepada", "pada", "oleh", "bagi", "untuk", "dengan", "tanpa")
)
