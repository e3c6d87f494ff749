"""Names that look like places but name something else here (`places.place_spans` asks):
a place glued to a participle ("Tripoli-based", "Gaza-bound"), a competition or an
agreement named after a place ("the Sydney Olympics", "the Oslo accords"), an
organisation one is "at" ("at the Ministry of Education").

Kinds written as sentences in tests/test_where_false_places.py (issue 11).
"""

from __future__ import annotations

from spacy.tokens import Span


def glued_modifier(span: Span) -> bool:
    """'Tripoli-based', 'US-led', 'Gaza-bound': the place names an actor's base, a patron
    or a destination, not an event's place; a name cut at a hyphen ("Baghdad- based") is
    the first half of such a word."""
    doc = span.doc
    if span.text.endswith("-"):
        return True  # wire copy breaks such words at the hyphen: "Shiite- dominated"
    return span.end + 1 < len(doc) and doc[span.end].text == "-" \
        and doc[span.end + 1].lower_ in MODIFIER_WORDS


# "X-based", "X-bound", "X-brokered": the place says whose or where to, not where
MODIFIER_WORDS = frozenset({
    "based", "backed", "led", "born", "made", "run", "bound", "linked", "allied", "aligned",
    "affiliated", "funded", "sponsored", "owned", "registered", "flagged", "brokered",
    "controlled", "held", "trained", "armed", "supplied", "inspired", "headquartered",
    "educated", "style", "friendly", "oriented", "centric", "sized", "wide"})


# Nouns of competitions and agreements named after a place: "the Dubai Open", "the
# Sydney Olympics", "the Oslo accords", "the Geneva process", "the Minsk agreements"
NAMED_THINGS = frozenset({"open", "olympics", "olympic", "games", "marathon", "cup", "grand",
                          "prix", "masters", "classic", "championship", "championships",
                          "tournament", "invitational", "derby", "trophy", "league",
                          "accord", "accords", "agreement", "agreements", "process", "protocol",
                          "declaration", "format", "formula", "roadmap", "treaty", "deal",
                          "initiative", "plan", "consensus", "communique", "framework"})


def named_after(span: Span) -> bool:
    """A competition or an agreement named after a place ("the Sydney Olympics" as one
    name, or "Oslo" in "the Oslo accords"): the name of a thing, not a place. "At the
    Geneva talks" (a meeting) stays where it was."""
    if span[-1].lower_ in NAMED_THINGS:
        return True
    root = span.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in NAMED_THINGS \
        and root.head.i == span.end


def institution(gaz, ent: Span, span: Span) -> bool:
    """A name the model reads as an organisation, where one is "at" it ("at the Ministry of
    Education", "at the Supreme Court"): the body, not a place name, unless the gazetteer
    knows it or a word of it is a well-known place ("at Kabul University"). The model
    labels the places it recognises as such GPE, LOC or FAC."""
    if ent.label_ != "ORG" or span.root.dep_ != "pobj" or span.root.head.lower_ != "at":
        return False
    from resgestae.coding.places import _well_known

    if gaz.lookup(span.text):
        return False
    return not any(_well_known(gaz, span.doc[t.i:t.i + 1]) for t in span if t.pos_ == "PROPN")
