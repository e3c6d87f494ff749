"""GeoJSON: a FeatureCollection with one Point feature per located event."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from resgestae.export._common import has_point, location, names

SUFFIX = ".geojson"


def feature(record: dict[str, Any]) -> dict[str, Any]:
    """The GeoJSON Feature of a located event (RFC 7946: [lon, lat])."""
    loc = location(record)
    return {
        "type": "Feature",
        "id": record.get("id"),
        "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
        "properties": {
            "event_type": record.get("event_type"), "mode": record.get("mode"),
            "cameo": record.get("cameo"), "date": record.get("date"),
            "factuality": record.get("factuality"),
            "actor": names(record.get("actor")), "recipient": names(record.get("recipient")),
            "place": loc.get("name"), "country": loc.get("country"),
            "geonameid": loc.get("geonameid"), "precision": loc.get("precision"),
            "trigger": record.get("trigger"),
            "text": record.get("text"), "article_id": record.get("article_id"),
        },
    }


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write the located events; returns how many features were written."""
    features = [feature(r) for r in records if has_point(r)]
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(features)
