"""Indonesian (and English) date vocabulary: months, weekdays, number words, relative words.

Data only; the grammar that uses it lives in ``warta.resolve.dates``. Keys are lower case.
"""

from __future__ import annotations

# Month names → month number. Full Indonesian names, the abbreviations Indonesian newsrooms use
# (Agu/Agt/Ags for Agustus, Sept, Okt, Des), older spellings (Pebruari, Nopember) and English.
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

# Full month names: the only ones trusted without a day or year next to them ("pada Mei").
# Abbreviations alone ("Mar", "Des", "Jun") are too often names or other words.
FULL_MONTHS: frozenset[str] = frozenset({
    "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
    "september", "oktober", "november", "nopember", "desember",
})  # fmt: skip

# Weekday names → ``date.weekday()`` (Monday = 0). "Minggu" is also the word for "week":
# the grammar treats it as a weekday only when capitalised and not followed by a relative word.
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

# Cardinal number words. Compounds ("dua puluh tiga", "dua belas") are assembled by the grammar
# from UNITS, TEENS ("belas") and TENS ("puluh"). "se-" forms mean one ("sepekan", "setahun").
NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100,
}  # fmt: skip
TEEN_WORD = "belas"  # "dua belas" = 12
TENS_WORD = "puluh"  # "dua puluh" = 20
# Quantities that name no number: the expression is a date, but its value is unknown.
VAGUE_QUANTITIES: frozenset[str] = frozenset({
    "beberapa", "sejumlah", "berapa", "belasan", "puluhan", "ratusan", "ribuan",
})  # fmt: skip
# Words before a weekday that make it habitual ("setiap Senin"), not a date.
HABITUAL_WORDS: frozenset[str] = frozenset({"setiap", "tiap", "saban", "every"})

# Time units → the precision of the resulting date. "pekan" and "minggu" both mean week.
UNITS: dict[str, str] = {
    "hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year",
}  # fmt: skip
# One unit fused with "se-" ("sepekan lalu", "setahun silam").
SE_UNITS: dict[str, str] = {
    "sehari": "day", "sepekan": "week", "seminggu": "week", "sebulan": "month", "setahun": "year",
}

# Words after a unit that make it a point in time, with the direction from the anchor.
PAST_WORDS: frozenset[str] = frozenset({"lalu", "silam", "kemarin", "yang lalu", "ago"})
FUTURE_WORDS: frozenset[str] = frozenset({"depan", "mendatang", "yang akan datang", "berikutnya"})
PRESENT_WORDS: frozenset[str] = frozenset({"ini"})
# Future words that make "N units ..." a point in time ("tiga hari lagi"); "dua tahun mendatang"
# is mostly a duration ("dalam dua tahun mendatang"), so it is not among them.
COUNTDOWN_WORDS: frozenset[str] = frozenset({"lagi", "yang akan datang", "later"})

# Single words or fixed phrases naming a day relative to the anchor (offset in days).
RELATIVE_DAYS: dict[str, int] = {
    "kemarin lusa": -2,
    "kemarin": -1,
    "kemarin malam": -1,
    "kemarin sore": -1,
    "kemarin pagi": -1,
    "tadi malam": -1,  # news written in the morning about last night; the usual newsroom sense
    "hari ini": 0,
    "pagi ini": 0,
    "sore ini": 0,
    "malam ini": 0,
    "besok": 1,
    "esok": 1,
    "esok hari": 1,
    "besok lusa": 2,
    "lusa": 2,
}

# Qualifiers of a period: "awal bulan depan", "akhir tahun ini", "pertengahan 2024".
PERIOD_PARTS: frozenset[str] = frozenset({"awal", "akhir", "pertengahan", "medio"})

# Parts of a year named before it: "kuartal III 2025", "semester pertama 2024" (value: the year;
# ISO 8601 has no quarter). The ordinals that follow them, in Roman, Arabic or words.
YEAR_DIVISIONS: frozenset[str] = frozenset({
    "kuartal", "kuarter", "triwulan", "caturwulan", "semester", "quarter",
})  # fmt: skip
DIVISION_ORDINALS: frozenset[str] = frozenset({
    "i", "ii", "iii", "iv", "1", "2", "3", "4", "pertama", "kedua", "ketiga", "keempat", "satu",
    "dua", "tiga", "empat", "awal", "akhir",
})  # fmt: skip

# Words right before a bare four-digit number that make it a year ("sejak 2019", "tahun 2022").
YEAR_CUES: frozenset[str] = frozenset({
    "tahun", "pada", "sejak", "hingga", "sampai", "semenjak", "awal", "akhir", "pertengahan",
    "medio", "periode", "sepanjang", "selama", "sebelum", "setelah", "sesudah", "usai", "jelang",
    "menjelang", "pasca", "pascapemilu", "era", "di", "dari", "ke", "dan", "atau",
    "per", "in", "since", "until", "by", "mulai", "memasuki", "dibanding", "dibandingkan",
    "ketimbang", "tahun-tahun", "anggaran", "pemilu", "pilpres", "pileg", "pilkada", "apbn",
    "apbd", "rapbn", "sensus", "piala", "olimpiade", "asian", "games", "cup", "tahunan",
})  # fmt: skip

# Words right after a four-digit number that make it a quantity, not a year ("2000 orang").
QUANTITY_WORDS: frozenset[str] = frozenset({
    "persen", "orang", "jiwa", "unit", "ton", "kg", "km", "meter", "m", "hektare", "ha", "rupiah",
    "dolar", "kali", "buah", "ekor", "rumah", "kepala", "kk", "warga", "siswa", "peserta",
    "personel", "pasukan", "tentara", "kilometer", "liter", "barel", "mw", "kwh", "mdpl",
    "lembar", "batang", "paket", "titik", "kasus", "korban", "suara", "kursi", "poin",
})  # fmt: skip

# Words right before a four-digit number that make it something other than a year.
NON_YEAR_CUES: frozenset[str] = frozenset({
    "rp", "usd", "us$", "idr", "nomor", "no", "pasal", "ayat", "halaman", "hal", "kode",
    "sebanyak", "sejumlah", "total", "mencapai", "hanya", "sekitar", "kurang", "lebih",
    "ribu", "juta", "pukul", "jam", "km", "kilometer", "ketinggian",
})  # fmt: skip

# Words before a bare month name that make it a date ("pada Mei", "bulan Mei").
MONTH_CUES: frozenset[str] = frozenset({
    "bulan", "pada", "sejak", "hingga", "sampai", "awal", "akhir", "pertengahan", "medio",
    "per", "selama", "sepanjang", "sebelum", "setelah", "jelang", "menjelang", "mulai", "in",
    "periode", "terhitung", "memasuki", "dari",
})  # fmt: skip
