"""The GDELT export read the way GDELT users read GDELT 2.0 event files, checked by value.

The reader is the `gdelt` package's (gdeltPyR 0.1.14, parallel.py): `pd.read_csv(sep="\\t",
header=None, dtype={26: "str", 27: "str", 28: "str"})`, then the GDELT 2.0 Event Codebook's
column names. That package reads its column list from the network at run time, so the
names and the dtypes GDELT loaders declare (GlobalEventId int64, FractionDate double,
QuadClass int64, GoldsteinScale double...) are written here as the facts they are.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from fixture_events import ARTICLE, fixture_events

from resgestae.export.gdelt import COLUMNS, global_event_id
from resgestae.model import Article, Place
from resgestae.store import Store

CASE = Path(__file__).resolve().parents[2] / "shared/cases/bugreports/15-cameo-codes-export.txt"

# GDELT 2.0 Event Codebook (V2.0), the 61 fields in file order
CODEBOOK = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    + " ".join(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code"))
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions"
    " NumSources NumArticles AvgTone "
    + " ".join(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))
    + " DATEADDED SOURCEURL"
).split()
INTEGERS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
            "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
            "ActionGeo_Type", "DATEADDED")


def read_gdelt(path: Path) -> pd.DataFrame:
    """A GDELT 2.0 event file as the gdelt package reads one."""
    frame = pd.read_csv(path, sep="\t", header=None, on_bad_lines="error",
                        dtype={26: "str", 27: "str", 28: "str"})
    frame.columns = CODEBOOK
    return frame


def _export(tmp_path: Path, events, article=ARTICLE) -> pd.DataFrame:
    from resgestae.cli import main

    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        store.replace_article(article, events)
    out = tmp_path / "events.tsv"
    assert main(["export", "--format", "gdelt", "-o", str(out), "--db", str(db)]) == 0
    return read_gdelt(out)


def test_columns_are_the_codebook():
    assert list(COLUMNS) == CODEBOOK and len(CODEBOOK) == 61


def test_reads_with_gdelt_dtypes_and_values(tmp_path):
    events = fixture_events()
    events[1].location = Place(name="Libya", country="LBY", lat=27.0, lon=17.0,
                               geonameid=2215636, feature="country")
    frame = _export(tmp_path, events)
    for column in INTEGERS:
        assert frame[column].dtype == "int64", column
    assert frame["FractionDate"].dtype == "float64"
    assert frame["GoldsteinScale"].dtype == "float64"
    byid = frame.set_index("GLOBALEVENTID")
    visit = byid.loc[global_event_id(events[0].id)]
    assert visit["SQLDATE"] == 20201226 and visit["MonthYear"] == 202012
    assert visit["Year"] == 2020 and visit["FractionDate"] == pytest.approx(2020.9753)
    assert visit["EventCode"] == "042" and visit["EventRootCode"] == "04"
    assert visit["QuadClass"] == 1 and visit["GoldsteinScale"] == pytest.approx(1.9)
    assert visit["Actor1Code"] == "TURGOV" and visit["Actor1CountryCode"] == "TUR"
    assert visit["Actor1Type1Code"] == "GOV" and visit["Actor1Type2Code"] == "MIL"
    # a world city: FIPS country code, GeoNames admin1, type 4
    assert visit["ActionGeo_Type"] == 4 and visit["ActionGeo_CountryCode"] == "LY"
    assert visit["ActionGeo_ADM1Code"].startswith("LY") and visit["ActionGeo_FeatureID"] == 2210247
    assert visit["SOURCEURL"] == ARTICLE.url
    assert str(visit["DATEADDED"]).startswith("20") and len(str(visit["DATEADDED"])) == 14
    # a country-level place: type 1, the ADM1 code is the country's
    talks = byid.loc[global_event_id(events[1].id)]
    assert talks["ActionGeo_Type"] == 1 and talks["ActionGeo_ADM1Code"] == "LY"
    # no place: type 0 and empty fields
    threat = byid.loc[global_event_id(events[2].id)]
    assert threat["ActionGeo_Type"] == 0 and pd.isna(threat["ActionGeo_CountryCode"])
    assert threat["EventCode"] == "138" and threat["GoldsteinScale"] == pytest.approx(-7.0)


def test_global_event_id_is_stable_and_fits_int64():
    first = global_event_id("eae36ddade01d3d17")
    assert first == global_event_id("eae36ddade01d3d17") and 0 < first < 2 ** 63
    assert first != global_event_id("efc42c89d7f44a922")


def test_geo_types_and_fips():
    from resgestae.export import geo

    assert geo.fips("LBY") == "LY" and geo.fips("TUR") == "TU" and geo.fips("DEU") == "GM"
    houston = {"country": "USA", "feature": "city", "geonameid": 4699066, "lat": 29.8}
    texas = {"country": "USA", "feature": "admin1", "geonameid": 4736286, "lat": 31.3}
    assert geo.geo_type(houston) == 3 and geo.adm1(houston) == "USTX"
    assert geo.geo_type(texas) == 2 and geo.adm1(texas) == "USTX"
    assert geo.geo_type({"country": "TUR", "precision": "admin1"}) == 5
    assert geo.geo_type({"country": "TUR", "feature": "country"}) == 1
    assert geo.geo_type({"country": "TUR", "feature": "city"}) == 4


def test_bug_report_15_sentences(tmp_path, coder, shared):
    """The bug report's wire sentences, coded for real: CAMEO strings keep their zeros,
    the GLOBALEVENTID is an integer, places use FIPS and GDELT geo types; the PLOVER export
    gives GeoNames feature classes and codes."""
    from resgestae.cli import main

    text = CASE.read_text(encoding="utf-8")
    article = Article(id="case-15", text=text, date="2023-05-02", url="https://example.org/15")
    coded = next(iter(coder.code([article])))
    assert coded.error is None and coded.events
    frame = _export(tmp_path, coded.events, article)
    assert frame["GLOBALEVENTID"].dtype == "int64"
    codes = [c for c in frame["EventCode"].dropna()]
    assert codes and all(len(c) >= 3 and c.isdigit() for c in codes)
    assert all(r.startswith("0") for r in frame["EventRootCode"].dropna() if int(r) < 10)
    located = frame[frame["ActionGeo_Type"] > 0]
    assert set(located["ActionGeo_Type"]) <= {1, 2, 3, 4, 5}
    seoul = located[located["ActionGeo_FullName"] == "Seoul"]
    assert not seoul.empty and (seoul["ActionGeo_Type"] == 4).all()
    # a country-level place, where the coder gives one, is type 1 (see the test above)
    countries = located[located["ActionGeo_ADM1Code"] == located["ActionGeo_CountryCode"]]
    assert (countries["ActionGeo_Type"] == 1).all()
    assert (seoul["ActionGeo_CountryCode"] == "KS").all()  # FIPS, not ISO's KR
    out = tmp_path / "plover.jsonl"
    assert main(["export", "--format", "plover", "-o", str(out), "--db",
                 str(tmp_path / "g.duckdb")]) == 0
    places = [json.loads(line)["event_loc"] for line in out.read_text().splitlines()]
    for place in filter(None, places):
        assert place["feature_class"] in "APSLHTUV" and place["feature_code"].isupper()
        assert place["resolution"] in (1, 2, 3, 4, 5)


def test_negated_events_are_left_out(tmp_path):
    # GDELT has no column for "did not happen": a negated act would read as a real one
    events = fixture_events()
    events[0].factuality = "negated"
    frame = _export(tmp_path, events)
    assert len(frame) == len(events) - 1
    assert global_event_id(events[0].id) not in set(frame["GLOBALEVENTID"])
