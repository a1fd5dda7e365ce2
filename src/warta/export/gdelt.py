"""GDELT 2.0 Events "export" TSV (61 columns, one row per event) and Mentions TSV (16 columns,
one row per report of an event); tab-separated, no header.

Column names and order are GDELT's published ones (``COLUMNS``, ``MENTION_COLUMNS``;
linwoodc3/gdelt2HeaderRows, ``GDELT_2.0_Column_Labels_Header_Row_Sep2016.csv``). docs/exports.md
says which columns are filled and from what; the others are left empty, as GDELT itself leaves
unknown fields. Once `warta link` has joined the reports of one real-world event, the Events
table has one row per real-world event (its earliest report's, with NumMentions, NumSources and
NumArticles counted over all of them) and the Mentions table one row per report, both keyed by
the same GLOBALEVENTID; before that, each event mention is an event of its own.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

from warta.export import geo
from warta.export.progress import track
from warta.partial_date import PartialDate
from warta.plover import quad_class
from warta.store import analytics
from warta.store.links import iter_mentions_for_export

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)
MENTION_TYPE_WEB = 1  # GDELT's MentionType of a web document (URL as identifier)
MENTION_TYPE_OTHER = 6  # ... of a document known by another identifier (here: its file)

# QuadClass is GDELT's class of the CAMEO root code (``plover.quad_class``: 01-05 verbal
# cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict).
# Fallbacks for an event without a CAMEO code: the stored class, else the class of the root its
# PLOVER type usually takes (PROTEST is CAMEO 14, material conflict).
_QUAD_BY_PLOVER = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 1, "CONCEDE": 2,
                   "COOPERATE": 2, "AID": 2, "RETREAT": 2, "ACCUSE": 3, "REJECT": 3,
                   "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4,
                   "ASSAULT": 4}
# Goldstein scores of CAMEO's twenty root codes (the root entries of the Goldstein table).
_GOLDSTEIN_BY_ROOT = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0,
                      "07": 7.0, "08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0,
                      "13": -4.4, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0,
                      "19": -10.0, "20": -10.0}


@lru_cache(maxsize=1)
def _role_types() -> list[tuple[str, str]]:
    text = resources.files("warta.export").joinpath("cameo_types.tsv").read_text("utf-8")
    pairs = [tuple(line.split("\t")) for line in text.splitlines()
             if line.strip() and not line.startswith("#")]
    return sorted(((k, v) for k, v in pairs), key=lambda kv: -len(kv[0]))


def actor_type_code(roles: list[str]) -> str:
    """CAMEO type (GOV, MIL, COP, ...) of the first role that names one; "" when none does.

    An entry matches whole words inside the role, longest entry first, so "foreign minister"
    is GOV through "minister" and "attorney general" is JUD, not MIL.
    """
    for role in roles:
        padded = f" {' '.join(role.lower().split())} "
        for words, code in _role_types():
            if f" {words} " in padded:
                return code
    return ""


def date_parts(value: str | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year, FractionDate of an ISO date, possibly partial.

    GDELT's event dates are whole days, so a partial date is written as the first day of its
    period ("2024" → 20240101, "2024-04" → 20240401, "2025-W44" → 20251027, its Monday) and
    every column is computed from that day: ``pd.to_datetime(SQLDATE)`` always succeeds.
    FractionDate is the codebook's approximation, year + (month * 30 + day) / 365. The
    period itself is kept by the CSV and Parquet exports (docs/exports.md).
    """
    parsed = PartialDate.parse(value)
    if parsed is None:
        return "", "", "", ""
    day = parsed.first
    fraction = day.year + (day.month * 30 + day.day) / 365
    return day.strftime("%Y%m%d"), day.strftime("%Y%m"), f"{day.year:04d}", f"{fraction:.4f}"


def event_id(article_id: str, seq: int) -> int:
    """Stable numeric id: 48 bits of the article id, times 1000, plus the event's position."""
    return int(article_id[:12], 16) * 1000 + seq


def cameo_codes(cameo: str | None) -> tuple[str, str, str]:
    """EventCode, EventBaseCode (first three digits), EventRootCode (first two)."""
    if not cameo:
        return "", "", ""
    return cameo, cameo[:3], cameo[:2]


def timestamp(value: str | None) -> str:
    """``YYYYMMDDHHMMSS`` of an ISO date-time, in UTC when it carries an offset (GDELT's
    DATEADDED and GKG DATE are UTC); a date alone is its midnight, a partial date its first
    day's (as in ``date_parts``); "" when there is no date."""
    parsed = PartialDate.parse(value)
    if parsed is None or value is None:
        return ""
    if parsed.precision != "day":
        return parsed.first.strftime("%Y%m%d") + "000000"
    moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%d%H%M%S")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")  # no exponent, no float noise
    return str(value)


def clean(value: Any) -> str:
    """A TSV-safe field: no tabs or line breaks, None as empty."""
    if value is None:
        return ""
    text = str(value)
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text


def _actor(event: dict[str, Any], side: str) -> list[str]:
    if not event.get(f"{side}_id"):
        return [""] * 10
    country = event.get(f"{side}_country") or ""
    type_code = actor_type_code(event.get(f"{side}_roles") or [])
    name = (event.get(f"{side}_name") or "").upper()
    code = country + type_code if event.get(f"{side}_type") != "GPE" else country
    return [code, name, country, "", "", "", "", type_code, "", ""]


def _geo(g: geo.Geo) -> list[str]:
    return [_number(g.type), g.full_name, g.country, g.adm1, "", _number(g.lat), _number(g.lon),
            g.feature]


def row(event: dict[str, Any]) -> list[str]:
    """The 61 fields of one event."""
    when = event.get("date") or event.get("article_published")
    code, base, root = cameo_codes(event.get("cameo"))
    quad = quad_class(code) or event.get("quad_class") or _QUAD_BY_PLOVER.get(event["type"])
    goldstein = event.get("goldstein")
    if goldstein is None and root:
        goldstein = _GOLDSTEIN_BY_ROOT.get(root)
    fields = [
        str(event.get("global_id") or event_id(event["article_id"], event["seq"])),
        *date_parts(when), *_actor(event, "source"), *_actor(event, "target"),
        "1" if event["seq"] == 0 else "0", code, base, root, _number(quad), _number(goldstein),
        *_counts(event), _number(event.get("article_tone")),
        *_geo(geo.country_geo(event.get("source_country"))),
        *_geo(geo.country_geo(event.get("target_country"))),
        *_geo(geo.place_geo(event.get("location"))),
        timestamp(event.get("ingested_at")), event.get("url") or event.get("source_path") or "",
    ]
    return [clean(f) for f in fields]


def _counts(event: dict[str, Any]) -> list[str]:
    """NumMentions, NumSources, NumArticles: the real-world event's when linked; else the one
    report's (its mentions counted as the evidence spans warta merged into the event)."""
    if event.get("num_articles"):
        return [str(event["num_mentions"]), str(event["num_sources"]),
                str(event["num_articles"])]
    return [str(len(event.get("evidence") or []) or 1), "1", "1"]


def is_first_report(event: dict[str, Any]) -> bool:
    """Whether this mention is the one row its real-world event gets (its earliest report's);
    a mention never linked is an event of its own."""
    gid = event.get("global_id")
    return gid is None or gid == event_id(event["article_id"], event["seq"])


def has_actor(event: dict[str, Any]) -> bool:
    """Whether an event names a source or a target: GDELT writes none without an actor (the
    record keeps such an event, its missing sides null; the export leaves it out)."""
    return bool(event.get("source_id") or event.get("target_id"))


def export_events(conn: sqlite3.Connection, out: TextIO, *, progress: bool = False) -> int:
    """Write every real-world event with at least one actor as a GDELT 2.0 export row (no
    header), one row per event however many reports it has; return the row count."""
    total = analytics.count_rows(conn, "events")
    written = 0
    events = track(analytics.iter_events_for_export(conn), total=total,
                   description="gdelt-events", enabled=progress)
    for event in events:
        if not has_actor(event) or not is_first_report(event):
            continue
        out.write("\t".join(row(event)))
        out.write("\n")
        written += 1
    return written



def mention_row(mention: dict[str, Any]) -> list[str]:
    """The 16 fields of one report of an event (GDELT 2.0 Mentions table)."""
    gid = mention.get("global_id") or event_id(mention["article_id"], mention["seq"])
    url = mention.get("url")
    fields = [
        str(gid), timestamp(mention.get("first_report") or mention.get("published")),
        timestamp(mention.get("published")),
        str(MENTION_TYPE_WEB if url else MENTION_TYPE_OTHER), mention.get("outlet") or "",
        url or mention.get("source_path") or "", _number(mention.get("sentence")),
        _offset(mention.get("source_offset")), _offset(mention.get("target_offset")),
        _offset(mention.get("start")),
        "1",  # InRawText: warta reads the article's own text, never a translation
        "",  # Confidence: warta's rules give none (left empty rather than invented)
        _number(mention.get("doc_len")), _number(mention.get("tone")), "", "",
    ]
    return [clean(f) for f in fields]


def _offset(value: int | None) -> str:
    return "-1" if value is None else str(value)  # GDELT writes -1 for "not found"


def export_mentions(conn: sqlite3.Connection, out: TextIO, *, progress: bool = False) -> int:
    """Write every report of an event as a GDELT 2.0 Mentions row (no header): the same
    GLOBALEVENTID as the event's row in ``export_events``; return the row count."""
    total = analytics.count_rows(conn, "events")
    written = 0
    mentions = track(iter_mentions_for_export(conn), total=total,
                     description="gdelt-mentions", enabled=progress)
    for mention in mentions:
        out.write("\t".join(mention_row(mention)))
        out.write("\n")
        written += 1
    return written
