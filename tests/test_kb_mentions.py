"""The knowledge base learns from what the coding stage found in the article
(`coding.mentions.ArticleMentions`), not from the parse: what it is not handed, it
does not learn; and canonical names are made in `kb.canonical`."""

from __future__ import annotations

from resgestae.coding.actors import code_actor
from resgestae.coding.mentions import ArticleMentions
from resgestae.kb import ActorKB, resolve_actors
from resgestae.kb.canonical import country_name, group_name
from resgestae.model import Article, Entity, Event

# Written for this test: a titled person named in full, then by surname alone, and an
# acronym written out.
TEXT = ("Kenyan Foreign Minister Wanjiru Kamau met officials of the Southern "
        "African Development Community (SADC) on Monday. Kamau praised SADC for its work.")


def _events(doc) -> list[Event]:
    events = []
    for chunk in doc.noun_chunks:
        entity = code_actor(chunk)
        if entity is not None:
            events.append(Event(article_id="m1", event_type="CONSULT", text=chunk.sent.text,
                                span=(chunk.start_char, chunk.end_char), actor=[entity]))
    return events


def _resolved(doc, found: ArticleMentions) -> tuple[ActorKB, list[Entity]]:
    # only the second sentence's actors: what the first says of Kamau must come from
    # the mentions handed over
    kb, events = ActorKB(), [e for e in _events(doc) if e.actor[0].text == "Kamau"]
    resolve_actors(events, doc, Article(id="m1", text=TEXT), kb, found)
    return kb, [e for event in events for e in event.actor]


def test_found_in_the_article(coder) -> None:
    found = ArticleMentions(coder.nlp(TEXT))
    [kamau] = found.persons
    assert kamau.entity.name == "Wanjiru Kamau" and kamau.entity.country == "KEN"
    assert kamau.entity.title == "Foreign Minister"
    assert [(a.acronym, a.expansion) for a in found.acronyms] == [
        ("SADC", "Southern African Development Community")]


def test_the_kb_learns_what_it_is_handed(coder) -> None:
    doc = coder.nlp(TEXT)
    kb, actors = _resolved(doc, ArticleMentions(doc))
    surname = next(e for e in actors if e.text == "Kamau")
    assert surname.name == "Wanjiru Kamau" and surname.country == "KEN"
    assert kb.lookup("SADC", "org")  # the acronym was learned
    # handed nothing, it learns nothing, though the Doc is the same
    empty = ArticleMentions(doc)
    empty.persons, empty.acronyms = [], []
    kb, actors = _resolved(doc, empty)
    surname = next(e for e in actors if e.text == "Kamau")
    assert surname.name == "Kamau" and surname.country is None
    assert not kb.lookup("SADC", "org")


def test_canonical_names() -> None:
    assert country_name("TUR") == "Turkey"
    assert country_name("XXX") == "XXX" and country_name("XXX", "Atlantis") == "Atlantis"
    assert group_name(Entity(text="Turkish troops", name="Turkish troops", country="TUR",
                             sector="MIL")) == "Turkish military"
