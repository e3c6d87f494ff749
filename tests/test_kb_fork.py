"""Coding never depends on article order: each article learns in its own KB fork."""

from __future__ import annotations

from resgestae.kb import ActorKB
from resgestae.model import Article
from resgestae.session import Coder

TEACHER = Article(
    id="teacher",
    text="Turkish Defence Minister Hulusi Akar met Libyan officials in Tripoli on Monday.",
    date="2021-03-01",
)
LEARNER = Article(
    id="learner",
    text="Akar criticised the attack on the convoy, officials said.",
    date="2021-03-02",
)


def _records(coder: Coder, articles: list[Article]) -> dict[str, list[dict]]:
    return {c.article.id: [e.to_record() for e in c.events] for c in coder.code(articles)}


def test_order_does_not_change_events(coder):
    first = Coder(coder.config, kb=ActorKB())
    second = Coder(coder.config, kb=ActorKB())
    forward = _records(first, [TEACHER, LEARNER])
    backward = _records(second, [LEARNER, TEACHER])
    assert forward == backward
    assert forward["teacher"], "the teacher article codes its meeting"


def test_learned_actors_are_absorbed_by_the_writer(coder):
    kb = ActorKB()
    worker = Coder(coder.config, kb=kb)
    coded = next(iter(worker.code([TEACHER])))
    assert len(kb) == 0, "coding leaves the shared KB untouched"
    names = {entry.name for entry in coded.learned}
    assert "Hulusi Akar" in names
    kb.absorb(coded.learned)
    kb.absorb(coded.learned)
    (akar,) = kb.lookup("Hulusi Akar")
    assert akar.country == "TUR"
    assert akar.mentions == 2 * next(e.mentions for e in coded.learned if e.name == "Hulusi Akar")
