"""Kinds found by a new-user trial of a fresh clone (session of 2026-12-01).

Each test pins one kind with sentences written for it (not from any gold file).
"""

from __future__ import annotations

import pytest

from resgestae.model import Article, Event


@pytest.fixture(scope="module")
def coded(coder):
    """One sentence through the whole pipeline, published 2024-01-01: its Events."""
    def run(text: str) -> list[Event]:
        article = Article(id=f"ut{abs(hash(text))}", text=text, date="2024-01-01")
        result = next(iter(coder.code([article])))
        assert result.error is None
        return result.events

    return run


# CAMEO 1723/1724: the state of emergency, siege or alert declared is the act's content,
# not a party it is done to; "the State of Israel" stays a party.
@pytest.mark.parametrize("text", [
    "Ecuador's president declared a state of emergency in six provinces on Monday.",
    "The Peruvian government imposed a state of siege on the southern region of Puno.",
    "Sri Lanka's cabinet declared a state of emergency after days of unrest in Colombo.",
])
def test_a_state_of_emergency_is_no_recipient(coded, text):
    events = [e for e in coded(text) if e.event_type == "COERCE"]
    assert events, [(e.event_type, e.trigger) for e in coded(text)]
    assert all("state" not in (r.text or "").lower() for e in events for r in e.recipient)


def test_the_state_of_a_country_stays_a_party(coded):
    events = coded("Egypt condemned the State of Israel for the raid on Monday.")
    accused = [e for e in events if e.event_type == "ACCUSE"]
    assert accused and any(r.country == "ISR" for e in accused for r in e.recipient)
