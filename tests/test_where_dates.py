"""When, on wire copy (issue 11): dateline dates, reporting clauses, parts of days."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from resgestae.model import Article
from resgestae.readers.dateline import dateline_date, find_dateline
from resgestae.readers.jsonl import record_article

BUGS = Path(__file__).resolve().parents[2] / "shared" / "cases" / "bugreports"


def _dates(coder, text: str, date: str | None = "2024-05-10") -> list[tuple[str, str]]:
    article = Article(id=f"d{abs(hash((text, date)))}", text=text, date=date)
    coded = next(iter(coder.code([article])))
    assert coded.error is None
    return [(e.trigger, e.date) for e in coded.events]


def test_dateline_dates():
    today = dt.date(2024, 1, 10)
    assert dateline_date("LIMA, Peru (March 14, 2023) – Police said", today) == "2023-03-14"
    # no year: the latest such day up to today
    assert dateline_date("MOSCOW, March 3 (Reuters) - Russia said", today) == "2023-03-03"
    assert dateline_date("KYIV, Jan. 5 (AP) — Officials said", today) == "2024-01-05"
    assert dateline_date("TROY, N.C. (AP) — Police said", today) is None
    assert find_dateline("TROY, N.C. (AP) — Police said")[0] == "Troy, N.C."


def test_dateline_date_is_the_publication_date_when_none_is_given(coder):
    text = "QUITO, Ecuador (June 2, 2022) – Police arrested four union leaders on Tuesday."
    assert _dates(coder, text, date=None) == [("arrested", "2022-05-31")]
    # a given date wins over the dateline's
    assert _dates(coder, text, date="2022-06-20") == [("arrested", "2022-06-14")]


@pytest.mark.parametrize(("text", "day"), [
    ("Police detained three journalists late Monday.", "2024-05-06"),
    ("Police detained three journalists on Tuesday night.", "2024-05-07"),
    ("Militants shelled the base overnight.", "2024-05-10"),
    ("Militants shelled the base last night, the army said.", "2024-05-09"),
    ("Soldiers detained three journalists in Lagos yesterday, their union said.", "2024-05-09"),
    ("Riot police clashed with students on Wednesday, and officers detained nine.",
     "2024-05-08"),
])
def test_parts_of_days_and_reporting_clauses(coder, text, day):
    found = _dates(coder, text)
    assert found and all(date == day for _, date in found), found


@pytest.mark.skipif(not BUGS.is_dir(), reason="shared bug reports not present")
def test_yesterday_before_a_reporting_clause_and_offset_timestamps(coder):
    lines = (BUGS / "09-yesterday-reporting-clause.jsonl").read_text("utf-8").splitlines()
    articles = [record_article(json.loads(line), "case") for line in lines if line.strip()]
    dates = [e.date for coded in coder.code(articles) for e in coded.events]
    assert dates == ["2016-12-12"] * 3
