"""The coder as a spaCy component in a user's own pipeline (the real model)."""

from __future__ import annotations

import spacy

import resgestae.components  # noqa: F401  (registers the factories)
from resgestae.nlp import resolve_model


def test_events_component_in_a_users_pipeline():
    nlp = spacy.load(resolve_model(None))
    nlp.add_pipe("resgestae_paragraphs", before="parser")
    nlp.add_pipe("resgestae_events", config={"date": "2021-05-04"})
    doc = nlp("Turkish Defence Minister Hulusi Akar met Libyan officials in Tripoli on Monday. "
              "The rebels threatened to attack the airport.")
    types = [(e["event_type"], e["factuality"]) for e in doc._.events]
    assert ("CONSULT", "asserted") in types
    assert all(t != "ASSAULT" for t, _ in types), "a threat is never coded as an attack"
    meeting = next(e for e in doc._.events if e["event_type"] == "CONSULT")
    assert meeting["actor"][0]["country"] == "TUR"
    assert doc.text[meeting["span"][0]:meeting["span"][1]] == meeting["text"]
