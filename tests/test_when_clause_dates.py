"""A when/as/while clause with no date of its own happens at the time of the clause it is
hung on (found by a new-user trial: "collapsed on Sunday when fighters shelled ..." gave
the shelling the publication date). Sentences written for this test, published Friday
2026-11-20.
"""

from __future__ import annotations

import pytest

from resgestae.model import Article


@pytest.fixture(scope="module")
def dated(coder):
    def run(text: str) -> dict[str, str | None]:
        article = Article(id=f"wc{abs(hash(text))}", text=text, date="2026-11-20")
        result = next(iter(coder.code([article])))
        assert result.error is None
        return {e.event_type: e.date for e in result.events}

    return run


@pytest.mark.parametrize("text, event_type, day", [
    ("The truce in Sudan collapsed on Sunday when RSF fighters shelled army positions in "
     "El Obeid, officials said.", "ASSAULT", "2026-11-15"),
    ("Two soldiers were killed on Wednesday while militants attacked a checkpoint near "
     "Peshawar.", "ASSAULT", "2026-11-18"),
    ("Riot police detained 40 students on Tuesday as they gathered outside parliament in "
     "Dhaka.", "COERCE", "2026-11-17"),
])
def test_a_when_clause_takes_the_time_of_its_clause(dated, text, event_type, day):
    assert dated(text).get(event_type) == day


def test_a_when_clause_with_its_own_date_keeps_it(dated):
    found = dated("Ministers met in Geneva on Monday, a week after rebels shelled Goma on "
                  "November 9.")
    assert found.get("ASSAULT") == "2026-11-09"
