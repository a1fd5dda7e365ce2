"""GDELT geo blocks from warta places: FIPS country codes, resolution types, ADM1, ids."""

from __future__ import annotations

import pytest

from warta.export.geo import country_geo, fips, is_adm1, place_geo
from warta.kb import gazetteer


@pytest.mark.parametrize(("iso3", "code"), [
    ("IDN", "ID"), ("MYS", "MY"), ("CHN", "CH"), ("RUS", "RS"), ("UKR", "UP"), ("USA", "US"),
    ("idn", "ID"), ("XXX", ""), (None, ""),
])
def test_fips_codes(iso3: str | None, code: str) -> None:
    assert fips(iso3) == code


@pytest.mark.parametrize(("place", "expected"), [
    ({"name": "Jakarta", "country": "IDN", "kb": "gn:1642911"},
     (4, "Jakarta, Indonesia", "ID", "ID04", "1642911")),
    ({"name": "Jakarta", "country": "IDN", "kb": None},  # found by name within its country
     (4, "Jakarta, Indonesia", "ID", "ID04", "1642911")),
    ({"name": "Kuala Lumpur", "country": "MYS", "kb": "1735161"},
     (4, "Kuala Lumpur, Malaysia", "MY", "MY14", "1735161")),
    ({"name": "Ukraine", "country": "UKR", "kb": "UKR"}, (1, "Ukraine", "UP", "", "UP")),
    ({"name": "Desa Sukamaju", "country": "IDN", "kb": None},
     (4, "Desa Sukamaju, Indonesia", "ID", "", "")),
    ({"name": "Tempat Entah", "country": None, "kb": None}, (4, "Tempat Entah", "", "", "")),
])
def test_place_geo(place: dict, expected: tuple) -> None:
    g = place_geo(place)
    assert (g.type, g.full_name, g.country, g.adm1, g.feature) == expected


def test_province_is_an_adm1_division() -> None:
    g = place_geo({"name": "Aceh", "country": "IDN", "kb": "prov:aceh", "lat": 5.5, "lon": 95.3})
    assert (g.type, g.full_name, g.country, g.lat) == (5, "Aceh, Indonesia", "ID", 5.5)


@pytest.mark.parametrize(("place", "adm1"), [
    ({"name": "Sumatera Selatan", "country": "IDN", "kb": "prov:sumatera-selatan",
      "lat": -2.9167, "lon": 104.7458}, "ID32"),
    ({"name": "Jawa Barat", "country": "IDN", "kb": "prov:jawa-barat",
      "lat": -6.9039, "lon": 107.6186}, "ID30"),
])
def test_feature_ids_are_gdelt_ids_never_warta_ids(place: dict, adm1: str) -> None:
    """Issue 16, item 12: a province's FeatureID is its ADM1 code, not 'prov:sumatera-selatan'."""
    g = place_geo(place)
    assert (g.type, g.adm1, g.feature) == (5, adm1, adm1)
    regency = place_geo({"name": "Kabupaten Contoh Jaya", "country": "IDN",
                         "kb": "reg:contoh-jaya"})
    assert (regency.type, regency.feature) == (4, "")  # no GeoNames id known: empty


@pytest.mark.parametrize(("place", "expected"), [
    # a province the gazetteer of the day does not know, as an older or newer store holds it
    ({"name": "Papua Selatan Raya", "country": "IDN", "kb": "prov:papua-selatan-raya",
      "lat": -3.36, "lon": 135.5}, (5, "IDPT", -3.36)),
    # stored without coordinates: no ADM1 rather than today's gazetteer coordinates
    ({"name": "Jawa Barat", "country": "IDN", "kb": "prov:jawa-barat"}, (5, "", None)),
])
def test_places_are_read_as_stored_not_looked_up_again(place: dict, expected: tuple) -> None:
    """Issue 18: exports read the store's place rows, not the live gazetteer."""
    g = place_geo(place)
    assert (g.type, g.adm1, g.lat) == expected


def test_the_gazetteers_adm1_ids_are_in_the_namespaces_exports_read() -> None:
    rows = [entry for name in gazetteer.FILES for entry, _ in gazetteer.file_rows(name)]
    assert {e.kb for e in rows if e.kind == "province"} == {e.kb for e in rows if is_adm1(e.kb)}


def test_no_place_and_country_level() -> None:
    assert place_geo(None).type is None
    assert place_geo({"name": "", "country": "IDN"}).type is None
    g = country_geo("MYS")
    assert (g.type, g.full_name, g.country, g.lat, g.lon) == (1, "Malaysia", "MY", None, None)
    assert country_geo(None).type is None
