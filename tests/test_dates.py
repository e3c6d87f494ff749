"""Dates: own rules, dateparser precision, clause attachment and event-relative dates."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from fixture_events import make_event

from resgestae.coding.dates import date_events, resolve_date
from resgestae.model import Article, Event

PUB = dt.date(2020, 12, 26)  # a Saturday


def when(text: str, pub: dt.date | None = PUB, future: bool = False):
    found = resolve_date(text, pub, future)
    return (found.date, found.precision) if found else None


@pytest.mark.parametrize("text, expected", [
    ("April 2019", ("2019-04", "month")),
    ("in October 2020", ("2020-10", "month")),
    ("the end of 2021", ("2021-12", "month")),
    ("late 2021", ("2021", "year")),
    ("last year", ("2019", "year")),
    ("this week", ("2020-12", "month")),
    ("last week", ("2020-12", "month")),
    ("last month", ("2020-11", "month")),
    ("2011", ("2011", "year")),
    ("yesterday", ("2020-12-25", "day")),
    ("Tuesday", ("2020-12-22", "day")),
    ("December 28", ("2019-12-28", "day")),
    ("18 months", None),
    ("since then", None),
    ("53", None),  # an age in "Adamowicz, 53, has supported ..."
    ("last October", ("2020-10", "month")),  # published 2020-12-26: the latest October
    ("last December", ("2019-12", "month")),
    ("next March", ("2021-03", "month")),
])
def test_resolve_date(text, expected):
    assert when(text) == expected


def test_week_across_a_new_year_takes_the_month_of_most_of_its_days():
    assert when("last week", pub=dt.date(2020, 1, 6)) == ("2020-01", "month")  # Dec 30 - Jan 5
    assert when("this week", pub=dt.date(2021, 1, 1)) == ("2020-12", "month")  # Mon Dec 28


def test_weekday_for_planned_events_looks_ahead():
    assert when("Tuesday", future=True) == ("2020-12-29", "day")


def test_without_publication_date_only_written_years_resolve():
    assert when("April 2019", pub=None) == ("2019-04", "month")
    assert when("last year", pub=None) is None


@pytest.fixture(scope="module")
def sample_doc(coder, sample_text):
    return coder.nlp(sample_text)


def test_sample_article_dates(sample_doc, sample_text):
    article = Article(id="a", text=sample_text, date="2020-12-26")
    doc = sample_doc
    events = [make_event(doc, "offensive", 1, "ASSAULT"), make_event(doc, "struck", kind="AGREE"),
              make_event(doc, "trip"), make_event(doc, "threatened", kind="THREATEN"),
              make_event(doc, "met"), make_event(doc, "adopted", kind="AGREE")]
    date_events(events, doc, article)
    offensive, ceasefire, trip, threat, met, motion = events
    assert (offensive.date, offensive.date_precision, offensive.date_text) == (
        "2019-04", "month", "April 2019")
    assert (ceasefire.date, ceasefire.date_precision) == ("2020-10", "month")
    # "made a trip to Libya, two days after Haftar threatened": the trip keeps the
    # publication date, the threat is two days before it.
    assert (trip.date, trip.date_text) == ("2020-12-26", None)
    assert (threat.date, threat.date_precision) == ("2020-12-24", "day")
    assert threat.date_text.startswith("two days")
    assert (met.date, met.date_precision, met.date_text) == ("2020-12-26", "day", None)
    assert (motion.date, motion.date_text) == ("2020-12", "this week")


def test_date_words_of_another_clause_stay_there(coder):
    doc = coder.nlp("Rebels attacked the town on Tuesday after the army had withdrawn in 2019.")
    article = Article(id="c", text=doc.text, date="2021-03-05")  # a Friday
    attack, withdrawal = make_event(doc, "attacked"), make_event(doc, "withdrawn")
    date_events([attack, withdrawal], doc, article)
    assert (attack.date, attack.date_text) == ("2021-03-02", "Tuesday")
    assert (withdrawal.date, withdrawal.date_precision) == ("2019", "year")


def test_article_without_date(sample_doc, sample_text):
    article = Article(id="a", text=sample_text, date=None)
    events = [make_event(sample_doc, "met"), make_event(sample_doc, "offensive", 1)]
    date_events(events, sample_doc, article)
    assert (events[0].date, events[0].date_precision) == (None, None)
    assert events[1].date == "2019-04"  # written with its year: needs no base


def test_an_event_that_cannot_be_dated_is_logged_and_keeps_the_publication_date(coder, caplog):
    text = "Rebels attacked the town on Monday."
    doc = coder.nlp(text)
    article = Article(id="d1", text=text, date="2021-03-05")
    broken = Event(article_id="d1", event_type="ASSAULT", text=text, span=(0, len(text)),
                   trigger="attacked", _trigger_i=-10**6)  # a token index no Doc has
    with caplog.at_level(logging.WARNING, logger="resgestae.coding"):
        date_events([broken], doc, article)
    assert (broken.date, broken.date_precision) == ("2021-03-05", "day")
    assert [r.getMessage() for r in caplog.records] == [
        "article d1: cannot date the event 'attacked'; the publication date stands"]
