"""PETRARCH's coding of an event from a verb dictionary match, applied to coded events.

Used when a coder's verb dictionaries alone type verbs (``verb_mode: only``), so
that a user's dictionary codes their news as PETRARCH would:

- the dictionary's code stands: modality does not turn it into another type
  (PETRARCH expresses negation and the like through patterns: "NOT *");
- a pattern that marks the target (``+``) before the verb and the source (``$``)
  after it ("+ * MONEY $": "X received money from Y") swaps the two sides;
- an event with no target takes the first actor the dictionaries code in the
  verb's phrase after the verb ("an anti-Gondor parade", "links into Mordor");
- an event whose source the dictionaries do not code is dropped, as PETRARCH
  codes no event without a coded source.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from resgestae.kb.base import ActorKB
from resgestae.kb.petrarch import KB_PREFIX, dictionary_code
from resgestae.model import Article, Entity, Event

Matcher = Callable[[Token], object]


def dictionary_coded(entity: Entity) -> bool:
    """Whether the actor dictionaries coded this entity (its kb_id is ``petrarch:CODE``)."""
    return str(entity.kb_id or "").startswith(KB_PREFIX)


def restore_code(event: Event, code: str, entry_type: str) -> None:
    """The dictionary's code and type, whatever modality made of them."""
    event.cameo, event.event_type = code, entry_type


def swap_if_marked(event: Event, before: tuple[str, ...], after: tuple[str, ...]) -> None:
    """Swap source and target when the pattern puts ``+`` before the verb, ``$`` after."""
    if "+" in before and "$" in after and "$" not in before:
        event.actor, event.recipient = event.recipient, event.actor


def find_target(event: Event, doc: Doc, article: Article, kb: ActorKB | None) -> None:
    """An event with no target: the first dictionary-coded actor after the verb in its phrase."""
    if event.recipient or event._trigger_i is None or kb is None or kb.dictionary is None:
        return
    verb = doc[event._trigger_i]
    taken = {e._tokens for e in event.actor if e._tokens}
    for chunk in _chunks_after(verb):
        if (chunk.start, chunk.end) in taken:
            continue
        entity = code_span(chunk, article, kb)
        if entity is not None:
            event.recipient = [entity]
            return


def _chunks_after(verb: Token) -> list[Span]:
    """Noun chunks after the verb within its phrase, in text order."""
    end = verb.right_edge.i
    return [c for c in verb.doc.noun_chunks if verb.i < c.start and c.end - 1 <= end]


def code_span(span: Span, article: Article, kb: ActorKB) -> Entity | None:
    """An entity for a span the actor dictionaries code with an actor (not agents alone)."""
    assert kb.dictionary is not None
    entry, role, agents = kb.dictionary.code(kb, span.text, article.date)
    if entry is None:
        return None
    code = dictionary_code(role, agents)
    sectors = list(role.sectors) if role else []
    return Entity(text=span.text, name=entry.name, country=role.country if role else None,
                  sector=sectors[0] if sectors else None, sectors=sectors,
                  kb_id=KB_PREFIX + code, _tokens=(span.start, span.end))
