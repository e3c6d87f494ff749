"""Shared fixtures: the real spaCy model, the sample article, the shared gold data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "samples" / "seed-article.txt"


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
