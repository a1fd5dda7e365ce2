"""GDELT GKG 2.1 TSV: 27 tab-separated columns, no header, one row per article.

Built from the stored records (streamed), which carry every offset GKG wants: persons and
organisations with their character offsets, locations (event places and place mentions),
V2Tone, dates, and quotations as ``offset#length#verb#quote``. docs/exports.md lists the columns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import urlsplit

from warta.export import geo
from warta.export.gdelt import clean, timestamp
from warta.export.progress import track
from warta.partial_date import PartialDate
from warta.store import analytics, queries

COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName",
    "DocumentIdentifier", "Counts", "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations",
    "Persons", "V2Persons", "Organizations", "V2Organizations", "V2Tone", "Dates", "GCAM",
    "SharingImage", "RelatedImages", "SocialImageEmbeds", "SocialVideoEmbeds", "Quotations",
    "AllNames", "Amounts", "TranslationInfo", "Extras",
)
WEB, CITATION_ONLY = 1, 2  # SourceCollectionIdentifier values
# ISO 639-1 → 639-3 for TranslationInfo's "srclc" (GDELT writes three-letter codes).
_ISO639_3 = {"id": "ind", "ms": "msa", "en": "eng", "jv": "jav", "su": "sun", "zh": "zho",
             "ar": "ara", "ru": "rus"}


def _field(text: str | None) -> str:
    """A value safe inside GKG's nested delimiters (; , # | and tabs)."""
    return " ".join((text or "").replace("#", " ").replace(";", " ").replace("|", " ").split())


def _names(record: dict[str, Any], labels: set[str]) -> tuple[str, str]:
    """V1 list (unique names) and V2 list (name,offset) of entities with these labels."""
    by_id = {a["id"]: a["name"] for a in record["actors"]}
    plain: list[str] = []
    offsets: list[str] = []
    for e in record["entities"]:
        if e["label"] not in labels:
            continue
        name = _field(by_id.get(e["actor"]) or e["text"]).replace(",", " ")
        if name not in plain:
            plain.append(name)
        offsets.append(f"{name},{e['start']}")
    return ";".join(plain), ";".join(offsets)


def _location_blocks(record: dict[str, Any]) -> tuple[str, str]:
    countries = {a["id"]: a["country"] for a in record["actors"] if a["type"] == "GPE"}
    places: list[tuple[dict[str, Any], int]] = []
    for e in record["events"]:
        place = e.get("location")
        if place and place.get("name"):
            places.append((place, place.get("start") or e["start"]))
    known = {p["name"] for p, _ in places}
    for e in record["entities"]:
        if e["label"] in {"GPE", "LOC"} and e["text"] not in known:
            country = countries.get(e["actor"] or "")
            places.append(({"name": e["text"], "country": country,
                            "kb": country}, e["start"]))
    v1: list[str] = []
    v2: list[str] = []
    for place, offset in places:
        g = geo.place_geo(place)
        if g.type is None:
            continue
        lat = "" if g.lat is None else f"{g.lat:.4f}"
        lon = "" if g.lon is None else f"{g.lon:.4f}"
        name = _field(g.full_name)
        block = f"{g.type}#{name}#{g.country}#{g.adm1}#{lat}#{lon}#{g.feature}"
        if block not in v1:
            v1.append(block)
        v2.append(f"{g.type}#{name}#{g.country}#{g.adm1}##{lat}#{lon}#{g.feature}#{offset}")
    return ";".join(v1), ";".join(v2)


def _tone(record: dict[str, Any]) -> str:
    tone = record.get("tone")
    if not tone:
        return ""
    parts = [tone["score"], tone["positive"], tone["negative"], tone.get("polarity"), None,
             None, tone.get("word_count")]
    return ",".join("" if p is None else f"{p:g}" for p in parts)


# GKG 2.1 date resolutions: 1 year, 2 month, 3 full day (4 is a day and month without a year,
# which warta never stores: it resolves the year or keeps no value).
_RESOLUTION = {"year": 1, "month": 2, "day": 3}


def _dates(record: dict[str, Any]) -> str:
    """V2.1DATES blocks ``resolution#month#day#year#offset``; GKG has no weeks, so a week is
    written at month level, as the month of its Thursday (``PartialDate.coarsen``)."""
    out = []
    for d in record["dates"]:
        parsed = PartialDate.parse(d.get("value"))
        if parsed is None:
            continue
        period = parsed.coarsen()
        month = period.first.month if period.precision != "year" else 0
        day = period.first.day if period.precision == "day" else 0
        out.append(f"{_RESOLUTION[period.precision]}#{month}#{day}#{period.first.year}"
                   f"#{d['start']}")
    return ";".join(out)


def _quotations(record: dict[str, Any]) -> str:
    return "|".join(f"{q['start']}#{q['end'] - q['start']}#{_field(q.get('cue'))}#"
                    f"{_field(q['text'])}" for q in record["quotes"])


def _source(record: dict[str, Any]) -> tuple[int, str, str]:
    src = record["source"]
    if src.get("url"):
        host = (urlsplit(src["url"]).hostname or "").removeprefix("www.")
        return WEB, src.get("site_name") or host, src["url"]
    return CITATION_ONLY, src.get("site_name") or "", src.get("path") or ""


def row(record: dict[str, Any], number: int) -> list[str]:
    """The 27 fields of one article; ``number`` makes GKGRECORDID unique within the export."""
    stamp = timestamp(record.get("published"))
    collection, common, identifier = _source(record)
    locations, v2_locations = _location_blocks(record)
    persons, v2_persons = _names(record, {"PERSON"})
    orgs, v2_orgs = _names(record, {"ORG"})
    _, all_names = _names(record, {"PERSON", "ORG", "GPE", "LOC"})
    language = _ISO639_3.get(record.get("language") or "", record.get("language") or "")
    title = _field(record.get("title")).replace("<", "").replace(">", "")
    fields = [
        f"{stamp or '00000000000000'}-{number}", stamp, str(collection), common, identifier,
        "", "", "", "", locations, v2_locations, persons, v2_persons, orgs, v2_orgs,
        _tone(record), _dates(record), "", "", "", "", "", _quotations(record), all_names, "",
        f"srclc:{language}" if language else "",
        f"<PAGE_TITLE>{title}</PAGE_TITLE>" if title else "",
    ]
    return [clean(f) for f in fields]


def write_rows(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one GKG row per record; return the count."""
    written = 0
    for number, record in enumerate(records):
        out.write("\t".join(row(record, number)))
        out.write("\n")
        written += 1
    return written


def export_gkg(conn: sqlite3.Connection, out: TextIO, *, progress: bool = False) -> int:
    """Every stored article as a GKG 2.1 row (no header); return the row count."""
    total = analytics.count_rows(conn, "articles")
    records = track(queries.iter_records(conn), total=total, description="gdelt-gkg",
                    enabled=progress)
    return write_rows(records, out)
