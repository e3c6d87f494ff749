"""GDELT 2.0 event TSV: the 61 columns of the GDELT 2.0 Event Codebook, no header,
tab-separated, so GDELT users' readers (`pd.read_csv(sep="\\t", header=None, dtype={26: str,
27: str, 28: str})` and the codebook's names, as the `gdelt` package reads them) load it.

Column by column, as the codebook defines them:

- GLOBALEVENTID: an integer, the first 60 bits of the SHA-256 of our event id (stable);
- SQLDATE/MonthYear/Year: the event's date (YYYYMMDD, YYYYMM, YYYY); month- or year-precision
  dates fall on the first day (GDELT has no precision field); an undated event takes its
  article's date; FractionDate: Year + ((month - 1) * 30 + day) / 365, 4 decimals, GDELT's own
  formula (2012-04-01 -> 2012.2493);
- Actor*: CAMEO codes (`data/export/cameo_codes.json`): country, known group, types;
- EventCode/EventBaseCode/EventRootCode: CAMEO strings with their leading zeros;
  QuadClass, GoldsteinScale (the CAMEO Goldstein table); NumMentions (reports merged),
  NumArticles (articles reporting it), NumSources (distinct sources among them); AvgTone empty;
- *Geo_*: geo type 1 country / 2 US state / 3 US city / 4 world city / 5 world state (0: none),
  FIPS 10-4 country codes, ADM1 codes where known, GeoNames feature id; the actors' own places
  are not known, so their geo type is 0 as in GDELT for an unlocated actor;
- DATEADDED: when the article was coded (UTC, YYYYMMDDHHMMSS); SOURCEURL: the article's URL.

Negated events ("did not fire a missile", factuality "negated") are left out: GDELT has
no column to say an act did not happen, so a row would read as one that did. Planned and
hypothetical acts stay, as CAMEO codes intentions and threats as acts of their own.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import date as Date
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from resgestae.export import geo
from resgestae.export._common import analysts_fields, first, location

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


@lru_cache(maxsize=1)
def _codes() -> dict[str, Any]:
    text = resources.files("resgestae").joinpath("data/export/cameo_codes.json").read_text(
        "utf-8")
    return json.loads(text)


def global_event_id(event_id: str) -> int:
    """GLOBALEVENTID: a positive 60-bit integer derived from the event id (stable)."""
    return int(hashlib.sha256(str(event_id).encode("utf-8")).hexdigest()[:15], 16)


def fraction_date(day: Date) -> str:
    """GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365, as 'YYYY.FFFF'."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def _day(iso: str | None) -> Date | None:
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso[:10].split("-")] + [1, 1]
        return Date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def _date_columns(day: Date | None) -> dict[str, Any]:
    if day is None:
        return {}
    return {"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
            "Year": day.year, "FractionDate": fraction_date(day)}


def cameo_actor(entity: dict[str, Any]) -> dict[str, Any]:
    """CAMEO codes of one entity: Code, CountryCode, KnownGroupCode, Type1..3Code."""
    codes = _codes()
    country = (entity.get("country") or "").upper()
    group, types = "", []
    if country in codes["nonstate"]:
        nonstate = codes["nonstate"][country]
        group, types, country = nonstate.get("group", ""), [nonstate["type"]], ""
    country = codes["country"].get(country, country)
    sectors = list(entity.get("sectors") or ([entity["sector"]] if entity.get("sector") else []))
    for sector in sectors:
        code = codes["sector"].get(sector)
        if code and code not in types:
            types.append(code)
    cols = {"Code": country + group + "".join(types[:1]), "CountryCode": country,
            "KnownGroupCode": group}
    cols.update({f"Type{i + 1}Code": t for i, t in enumerate(types[:3])})
    return cols


def _actor(prefix: str, entity: dict[str, Any]) -> dict[str, Any]:
    if not entity:
        return {f"{prefix}Geo_Type": 0}
    cols = cameo_actor(entity)
    cols["Name"] = (entity.get("name") or entity.get("text") or "").upper()
    return {prefix + k: v for k, v in cols.items()} | {f"{prefix}Geo_Type": 0}


def _action_geo(loc: dict[str, Any]) -> dict[str, Any]:
    if not loc or loc.get("lat") is None:
        return {"ActionGeo_Type": 0}
    return {
        "ActionGeo_Type": geo.geo_type(loc), "ActionGeo_FullName": loc.get("name") or "",
        "ActionGeo_CountryCode": geo.fips(loc.get("country")),
        "ActionGeo_ADM1Code": geo.adm1(loc), "ActionGeo_Lat": loc.get("lat"),
        "ActionGeo_Long": loc.get("lon"), "ActionGeo_FeatureID": loc.get("geonameid") or "",
    }


def _added(article: Mapping[str, Any]) -> str:
    coded = article.get("coded_at")
    if isinstance(coded, datetime):
        return coded.strftime("%Y%m%d%H%M%S")
    day = _day(article.get("date"))
    return day.strftime("%Y%m%d") + "000000" if day else ""


def _sources(record: dict[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> int:
    """Distinct sources (or, without one, distinct articles) among the event's reports."""
    ids = record.get("article_ids") or [record.get("article_id")]
    return len({(articles.get(i) or {}).get("source") or i for i in ids}) or 1


def row(record: dict[str, Any], article: Mapping[str, Any],
        articles: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """The GDELT columns for one event record (`article`: its article's metadata)."""
    cameo = record.get("cameo") or ""
    fields = analysts_fields(record)
    cols: dict[str, Any] = {
        "GLOBALEVENTID": global_event_id(record.get("id") or ""), "IsRootEvent": 1,
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": fields["quad_class"] or "",
        "GoldsteinScale": "" if fields["goldstein"] is None else fields["goldstein"],
        "NumMentions": record.get("mentions") or 1,
        "NumSources": _sources(record, articles or {}),
        "NumArticles": len(record.get("article_ids") or []) or 1,
        "SOURCEURL": article.get("url") or record.get("url") or "",
    }
    cols.update(_date_columns(_day(record.get("date")) or _day(article.get("date"))))
    cols.update(_actor("Actor1", first(record.get("actor"))))
    cols.update(_actor("Actor2", first(record.get("recipient"))))
    cols.update(_action_geo(location(record)))
    cols["DATEADDED"] = _added(article)
    return cols


def _flat(value: Any) -> Any:
    """A field value with no tab or line break (they would split GDELT's rows)."""
    return " ".join(value.split()) if isinstance(value, str) else value


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write one GDELT row per event that is not negated; returns the count written."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE, escapechar="\\", restval="")
        for record in records:
            if record.get("factuality") == "negated":
                continue
            article = articles.get(record.get("article_id") or "", {})
            writer.writerow({k: _flat(v) for k, v in row(record, article, articles).items()})
            count += 1
    return count
