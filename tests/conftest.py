"""Shared fixtures: the real spaCy model, the sample article, the shared gold data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "samples" / "seed-article.txt"
BATTERY = ROOT / "tests" / "data" / "cameo_battery"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def coder():
    from resgestae.session import Coder

    return Coder()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def code(coder):
    """One sentence through the real model and the event stage: its list of Events."""
    from resgestae.coding import extract_events
    from resgestae.model import Article

    def run(text: str) -> list:
        return extract_events(coder.nlp(text), Article(id="t", text=text))

    return run


@pytest.fixture(scope="session")
def code_types(code):
    """The PLOVER types the event stage gives one sentence, in order."""

    def run(text: str) -> list[str]:
        return [e.event_type for e in code(text)]

    return run


@pytest.fixture(scope="session")
def code_article(coder):
    """One text coded as a dated article through the whole pipeline: its Events."""
    from resgestae.model import Article

    def run(text: str, date: str = "2024-05-10") -> list:
        article = Article(id=f"t{abs(hash(text))}", text=text, date=date)
        coded = next(iter(coder.code([article])))
        assert coded.error is None
        return coded.events

    return run


@pytest.fixture(scope="session")
def battery_f1(coder):
    """Micro type F1 of `tests/data/cameo_battery/NAME.jsonl`, once it has read as PLOVER
    gold of `records` records with no error."""
    from resgestae.evaluation import evaluate

    def run(name: str, records: int) -> float:
        result = evaluate(BATTERY / f"{name}.jsonl", coder=coder)
        assert result["format"] == "plover" and not result["errors"]
        assert result["records"] == records
        return result["micro"]["f1"]

    return run
