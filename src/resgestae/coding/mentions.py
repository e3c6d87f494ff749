"""What an article says about its actors, read from its parse for the knowledge base.

The knowledge base (`kb.resolve`) never reads the Doc: this stage reads it, once
per article, after the event clauses (`pipeline.code_doc`, step 4), and hands the
KB what it found:

- `persons`: every person the article names in full, in text order, with the
  clues around the name (a title phrase before it, an apposition, "who heads X",
  "his counterpart Y"), as coding read them (`actors.read_actor`, the readings
  coding itself used);
- `acronyms`: names written out with their acronym ("Government of National
  Accord (GNA)");
- `short_mentions`: one-word names (a surname alone), for pronoun resolution;
- answers about one entity's words (`kind`, `coordinated`, `sentence_country`,
  `context_texts`, `speaker`), asked by the KB only when it needs them.

Everything here depends on the text alone; what the KB already knows decides
what it does with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from resgestae.coding.actor_tables import actor_tables
from resgestae.coding.actors import coordinated, read_actor
from resgestae.coding.countries import context_texts, country_in_sentence
from resgestae.coding.rules import rules
from resgestae.model import Entity

HEAD_VERBS = frozenset({"head", "lead", "chair", "command", "run", "direct"})
ACRONYM_RE = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*\s+(?:(?:of|for|the|and|on)\s+)*)*[A-Z][\w'\u2019.-]*)"
    r",?\s*\(([A-Z][A-Za-z]{1,7})\)"
)
SMALL_WORDS = frozenset({"of", "for", "the", "and", "on"})
SHORT_LABELS = ("PERSON", "ORG", "NORP", "")


@dataclass
class Clue:
    """Something the words around a person's name say of the person, in text order.

    kind "phrase": a title phrase or apposition read as `other` (of `other_kind`);
    `title`, the phrase's words less country words and determiners; `counterpart`,
    for "his counterpart Y", the words of the subject of the verb governing Y.
    kind "head": "who heads X", X read as `other` (an org or group)."""

    kind: str
    other: Entity
    other_kind: str = ""
    title: str | None = None
    counterpart: str | None = None


@dataclass
class PersonMention:
    """A person named in full: where the name starts (token), the person as read, the
    clues around the name, and the sentence's one qualifying country (asked lazily)."""

    start: int
    entity: Entity
    clues: list[Clue]
    span: Span = field(repr=False)

    def sentence_country(self) -> str | None:
        return country_in_sentence(self.span)


@dataclass
class Acronym:
    """ "Government of National Accord (GNA)": the expansion as read (None: not an actor)."""

    expansion: str
    acronym: str
    entity: Entity | None


class ArticleMentions:
    """The actors' mentions of one annotated article (`doc`), for the knowledge base."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.acronyms = _acronyms(doc)
        self.persons = _persons(doc)
        self._short: list[tuple[int, str]] | None = None

    def short_mentions(self) -> list[tuple[int, str]]:
        """(token start, text) of the one-word names of the article, in text order."""
        if self._short is None:
            self._short = [(ent.start, ent.text) for ent in self.doc.ents
                           if len(ent) == 1 and ent.label_ in SHORT_LABELS]
        return self._short

    def valid(self, entity: Entity) -> bool:
        """Whether the entity's token span is one of this Doc's."""
        return entity._tokens is not None and 0 <= entity._tokens[0] < entity._tokens[1] <= len(
            self.doc)

    def _span(self, entity: Entity) -> Span:
        assert entity._tokens is not None
        return self.doc[entity._tokens[0] : entity._tokens[1]]

    def kind(self, entity: Entity) -> str | None:
        """Person, org, country, group or pronoun, as coding read the entity's words."""
        found = read_actor(self._span(entity)) if entity._tokens is not None else None
        return found[1] if found else None

    def coordinated(self, entity: Entity) -> list[Entity]:
        """The other countries' entities of "US and British forces" (`actors.coordinated`)."""
        return coordinated(self._span(entity), entity)

    def sentence_country(self, entity: Entity) -> str | None:
        """The one country the entity's sentence qualifies things with."""
        return country_in_sentence(self._span(entity))

    def context_texts(self, entity: Entity) -> list[str]:
        """Texts of the phrases that place the entity ("activists in Arnor")."""
        return context_texts(self._span(entity)) if entity._tokens is not None else []

    def speaker(self, start: int) -> tuple[str, str] | None:
        """Who a quote at token `start` is attributed to in its sentence (" ... ," he
        said): ("pronoun", word) or ("name", the subject's words); None if no one."""
        token = self.doc[start]
        for verb in token.sent:
            if verb.lemma_ not in rules().speech_verbs or verb.i < token.i:
                continue
            for subject in verb.children:
                if subject.dep_ != "nsubj":
                    continue
                if subject.lower_ in rules().one_person_pronouns:
                    return "pronoun", subject.lower_
                return "name", self.doc[subject.left_edge.i : subject.i + 1].text
        return None


# -- persons named in full ------------------------------------------------------------


def _persons(doc: Doc) -> list[PersonMention]:
    chunks = {t.i: nc for nc in doc.noun_chunks for t in nc}
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not _titled(ent, chunks):
            continue
        span = chunks.get(ent.root.i, ent)
        read = (read_actor(span) if len(span) else None) or (read_actor(ent) if len(ent) else None)
        if not read or read[1] != "person":
            continue
        if len(read[0].name.split()) < 2:
            continue  # a surname alone: the KB resolves it against full names
        found.append(PersonMention(ent.start, read[0], _clues(ent, chunks), span))
    return found


def _titled(ent: Span, chunks: dict[int, Span]) -> bool:
    """NER sometimes calls a titled person ORG ("warlord Khalifa Haftar")."""
    span = chunks.get(ent.root.i)
    if ent.label_ not in ("ORG", "NORP", "GPE") or span is None or span.start >= ent.start:
        return False
    found = read_actor(span) if len(span) else None
    return bool(found and found[1] == "person" and found[0].title)


def _clues(ent: Span, chunks: dict[int, Span]) -> list[Clue]:
    """A title phrase just before the name, an apposition, a "who heads X" clause."""
    root = ent.root
    clues: list[Clue] = []
    before = chunks.get(ent.start - 1)
    if before is not None and before.end == ent.start and before.root.i != root.i:
        clues += _phrase(before, root)
    if root.dep_ == "appos" and root.head.i in chunks:
        clues += _phrase(chunks[root.head.i], root)
    for child in root.children:
        if child.dep_ == "appos" and child.i in chunks:
            clues += _phrase(chunks[child.i], root)
        if child.dep_ == "relcl" and child.lemma_ in HEAD_VERBS:
            clues += _heads(child, chunks)
    return clues


def _phrase(phrase: Span, person: Token) -> list[Clue]:
    found = read_actor(phrase) if len(phrase) else None
    if not found:
        return []
    counterpart = _clause_subject(person) if "counterpart" in phrase.text.lower() else None
    return [Clue("phrase", found[0], found[1], _strip_country(phrase), counterpart)]


def _strip_country(phrase: Span) -> str | None:
    lex = actor_tables()
    words = [t.text for t in phrase if not t.is_punct and t.lower_ not in ("the", "his", "her",
             "their", "its", "a", "an", "'s", "\u2019s") and not lex.country(t.text)]
    return " ".join(words) or None


def _clause_subject(token: Token) -> str | None:
    """The words of the subject of the verb that governs `token`."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return token.doc[child.left_edge.i : child.i + 1].text
    return None


def _heads(verb: Token, chunks: dict[int, Span]) -> list[Clue]:
    clues = []
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i in chunks:
            found = read_actor(chunks[obj.i])
            if found and found[1] in ("org", "group"):
                clues.append(Clue("head", found[0], found[1]))
    return clues


# -- acronyms ---------------------------------------------------------------------


def _acronyms(doc: Doc) -> list[Acronym]:
    """ "Government of National Accord (GNA)": the expansion and its acronym."""
    found = []
    for match in ACRONYM_RE.finditer(doc.text):
        words = match.group(1).split()
        acronym = match.group(2)
        for i in range(len(words)):
            tail = words[i:]
            initials = "".join(w[0] for w in tail if w.lower() not in SMALL_WORDS).upper()
            if initials == acronym.upper():
                start = match.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
                expansion = " ".join(tail)
                span = doc.char_span(start, start + len(expansion), alignment_mode="expand")
                read = read_actor(span) if span is not None else None
                found.append(Acronym(expansion, acronym, read[0] if read else None))
                break
    return found
