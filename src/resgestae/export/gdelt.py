"""GDELT-style TSV: the 61 columns of a GDELT 2.0 event file, no header, tab-separated.

Country codes are ISO-3 (as CAMEO actor codes are); GDELT's own geo columns use
FIPS, so tools that join on ActionGeo_CountryCode need a crosswalk. Columns we
have no value for (religion, ethnicity, ADM codes, Goldstein, tone) are empty.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from datetime import date as Date
from pathlib import Path
from typing import Any

from resgestae.export._common import first, location
from resgestae.plover import quad_class

SUFFIX = ".tsv"
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR) + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO) + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)


def _date_columns(iso: str | None) -> dict[str, Any]:
    # Month- or year-precision dates fall on the first day, as GDELT has no precision field.
    if not iso:
        return {}
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    day = Date(parts[0], parts[1], parts[2])
    return {
        "SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
        "Year": day.year, "FractionDate": f"{day.year + _elapsed(day):.4f}",
    }


def _elapsed(day: Date) -> float:
    """The fraction of the year gone before `day` (FractionDate stays below year + 1)."""
    days = (Date(day.year + 1, 1, 1) - Date(day.year, 1, 1)).days
    return (day.timetuple().tm_yday - 1) / days


def _actor(prefix: str, entity: dict[str, Any]) -> dict[str, Any]:
    if not entity:
        return {}
    sectors = list(entity.get("sectors") or ([entity["sector"]] if entity.get("sector") else []))
    code = (entity.get("country") or "") + "".join(sectors[:1])
    cols = {"Code": code, "Name": (entity.get("name") or entity.get("text") or "").upper(),
            "CountryCode": entity.get("country") or ""}
    cols.update({f"Type{i + 1}Code": s for i, s in enumerate(sectors[:3])})
    return {prefix + k: v for k, v in cols.items()}


def _geo_type(loc: dict[str, Any]) -> int:
    # GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
    feature = loc.get("feature") or ""
    us = loc.get("country") == "USA"
    precision = loc.get("precision")  # the record's own word for it, where it has one
    if precision in ("country", "admin1"):
        return 1 if precision == "country" else 2 if us else 5
    if feature.startswith("PCL"):
        return 1
    if feature.startswith("ADM1"):
        return 2 if us else 5
    return 3 if us else 4


def _action_geo(loc: dict[str, Any]) -> dict[str, Any]:
    if not loc or loc.get("lat") is None:
        return {"ActionGeo_Type": 0}
    return {
        "ActionGeo_Type": _geo_type(loc), "ActionGeo_FullName": loc.get("name") or "",
        "ActionGeo_CountryCode": loc.get("country") or "", "ActionGeo_Lat": loc.get("lat"),
        "ActionGeo_Long": loc.get("lon"), "ActionGeo_FeatureID": loc.get("geonameid") or "",
    }


def row(record: dict[str, Any], article: Mapping[str, Any]) -> dict[str, Any]:
    """The GDELT columns for one event record (`article`: its article's metadata)."""
    cameo = record.get("cameo") or ""
    cols: dict[str, Any] = {
        "GLOBALEVENTID": record.get("id"), "IsRootEvent": 1, "EventCode": cameo,
        "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": quad_class(cameo, record.get("event_type")) or "",
        "NumMentions": record.get("mentions") or 1, "NumSources": 1,
        "NumArticles": len(record.get("article_ids") or []) or 1,
        "Actor1Geo_Type": 0, "Actor2Geo_Type": 0,
        "SOURCEURL": article.get("url") or record.get("article_id") or "",
    }
    cols.update(_date_columns(record.get("date")))
    cols.update(_actor("Actor1", first(record.get("actor"))))
    cols.update(_actor("Actor2", first(record.get("recipient"))))
    cols.update(_action_geo(location(record)))
    added = (article.get("date") or "").replace("-", "")
    cols["DATEADDED"] = added + "000000" if len(added) == 8 else ""
    return cols


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write one GDELT row per event; returns the count."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE, escapechar="\\", restval="")
        for record in records:
            writer.writerow(row(record, articles.get(record.get("article_id") or "", {})))
            count += 1
    return count
