"""Typing verbs with PETRARCH verb dictionaries: match a token's patterns, give an `Entry`.

A `VerbLexicon` holds the verb dictionaries a coder was given (`Config.verb_files`)
and how they combine with the curated lexicon (`Config.verb_mode`):

- ``only``: the dictionaries alone type verbs and no noun is an event trigger,
  as in PETRARCH (a user's own coding, reproduced);
- ``first``: a verb the dictionaries know is typed by them, other words by the
  curated lexicon;
- ``after``: the curated lexicon first, the dictionaries for what it lacks.

Matching (see `verb_dictionary` for the format): a token is a verb of the
dictionary when its text, upper-cased, is one of a verb's forms and the verb's
other words (``+BREAK_DOWN``) stand next to it. Its block's patterns are tried
longest first: the words before ``*`` must occur in that order before the verb
in the sentence, the words after it after the verb within the verb's phrase
(its subtree); a word matches a token's text exactly (PETRARCH does not stem
pattern words); punctuation is skipped. The first pattern that matches gives
the code (a ``[---]`` pattern codes nothing); none matching, the verb's own
code does, unless the verb reports another coded verb of its sentence.

The CAMEO code becomes a PLOVER type, mode and context through
``data/cameo_plover.tsv`` (CAMEO→PLOVER 2021); a code outside CAMEO keeps the
type of its block's default code, else `FALLBACK_TYPE`.

Which lexicon is active is the configuration's (`resgestae.resources`: the session
makes its resources current around each article, `active_verbs()` gives its verb
lexicon), so two sessions with different dictionaries in one process never see
each other's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from resgestae.coding import verb_events
from resgestae.coding.confidence import main_clause
from resgestae.coding.event_types import DATA_DIR, Entry, firm_none
from resgestae.coding.rules import rules
from resgestae.coding.verb_dictionary import (
    Element,
    Verb,
    VerbDictionary,
    VerbPattern,
    read_discards,
    read_verb_dictionary,
)
from resgestae.errors import ConfigError
from resgestae.kb.base import ActorKB
from resgestae.model import Article, Event

MODES = ("only", "first", "after")
CAMEO_FILE = "cameo_plover.tsv"
# PLOVER has no type for CAMEO 01 (public statements) and none for codes outside
# CAMEO (old WEIS codes in TABARI-era dictionaries): such events are kept, under the
# most neutral interaction type, so that the dictionary's own code still reaches users.
FALLBACK_TYPE = "CONSULT"
CODE_RE = re.compile(r"^[0-9]{2,4}$")  # what an event record's cameo field accepts
DROPPED_ROOTS = frozenset({"01", "02"})  # PLOVER manual, table "CAMEO to PLOVER translation"
GENERIC_VERBS = frozenset({"be", "have", "do", "get", "go", "come", "become", "seem", "make",
                           "take", "give", "put", "let", "keep"})


@lru_cache(maxsize=1)
def framing_verbs() -> frozenset[str]:
    """Verbs the clause rules read as frames around an event (reporting, intent, light
    verbs...): beside the curated lexicon a dictionary must not make them events."""
    r = rules()
    return (r.reporting | r.future | r.intent | r.transparent | r.light | GENERIC_VERBS)


@dataclass(frozen=True)
class VerbMatch:
    """What a dictionary says of one verb token: its codes and where they came from."""

    entry: Entry
    code: str
    reverse: str | None
    verb: Verb
    pattern: VerbPattern | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str, str | None, str | None]]:
    """CAMEO code -> (PLOVER type, mode, context), from ``data/cameo_plover.tsv``."""
    table: dict[str, tuple[str, str | None, str | None]] = {}
    for line in (DATA_DIR / CAMEO_FILE).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, kind, mode, context = (line.split("\t") + ["", "", ""])[:4]
        table[code] = (kind, mode or None, context or None)
    return table


def plover_of(code: str | None) -> tuple[str, str | None, str | None] | None:
    """A CAMEO code's PLOVER (type, mode, context): the longest known prefix's; None if none."""
    if not code:
        return None
    table = cameo_table()
    for size in range(min(len(code), 4), 1, -1):
        found = table.get(code[:size])
        if found:
            return found
    return None


class VerbLexicon:
    """Verb dictionaries (and discards) in use, with their matches memoised per Doc."""

    def __init__(self, dictionaries: Sequence[VerbDictionary], mode: str = "only") -> None:
        if mode not in MODES:
            raise ConfigError(f"verb_mode {mode!r}: expected one of {', '.join(MODES)}")
        self.dictionaries = list(dictionaries)
        self.mode = mode
        self._entries: dict[tuple[str, str, str | None], Entry] = {}
        self._patterns: dict[int, Compiled] = {}  # id(pattern) -> compiled; patterns live on

    @property
    def story_discards(self) -> list[tuple[str, ...]]:
        return [p for d in self.dictionaries for p in d.story_discards]

    @property
    def sentence_discards(self) -> list[tuple[str, ...]]:
        return [p for d in self.dictionaries for p in d.sentence_discards]

    def lookup(self, token: Token, curated: Callable[[Token], Entry | None]) -> Entry | None:
        """The entry typing `token` under this lexicon's mode (`curated`: the lexicon's)."""
        if self.mode == "after":
            own = curated(token)
            if own is not None:
                return own
            found = self._entry(token, curated)
            # a NONE reading of the curated lexicon with its context ("intercepted a
            # missile", "the plane crashed") is its answer too: no dictionary type
            return None if found is not None and firm_none(token) else found
        found = self._entry(token, curated)
        if found is not None or self.mode == "only":
            return found
        return curated(token)

    def _entry(self, token: Token, curated: Callable[[Token], Entry | None]) -> Entry | None:
        found = self.match(token)
        if found is None:
            return None
        if self.mode == "only":
            return found.entry
        typed = self._memos(token.doc)[1]
        if token.i not in typed:
            # beside the lexicon, a dictionary verb types the main line only: its
            # background clauses ("to help him oust", "roads leading to") are no acts,
            # and a verb around an act the lexicon knows leaves that act its type
            keep = main_clause(token) and not _governs(token, curated)
            typed[token.i] = found.entry if keep else None
        return typed[token.i]

    def finish(self, events: list[Event], doc: Doc, article: Article,
               kb: ActorKB | None = None) -> list[Event]:
        """Apply the discards and add the swapped events of ``A:B`` codes.

        A story holding a story-level discard phrase codes nothing; a sentence
        holding a sentence-level one codes nothing. In ``only`` mode each event is
        coded as PETRARCH codes it (`verb_events`). An event whose verb's code is
        ``A:B`` (and that kept code A) gets a twin coded B, source and target swapped.
        """
        text = article.text.upper()
        if any(_contains(text, phrase) for phrase in self.story_discards):
            return []
        sentence = self.sentence_discards
        kept = [e for e in events if not any(_contains(e.text.upper(), p) for p in sentence)]
        if self.mode == "only":
            kept = [e for e in kept if self._as_petrarch(e, doc, article, kb)]
        out: list[Event] = []
        for event in kept:
            out.append(event)
            # PLOVER codes a joint act once (compound actors); PETRARCH as two events
            twin = self._reverse(event, doc) if self.mode == "only" else None
            if twin is not None:
                out.append(twin)
        return out

    def _as_petrarch(self, event: Event, doc: Doc, article: Article, kb: ActorKB | None) -> bool:
        """Code the event as PETRARCH would (in place); False when PETRARCH codes none."""
        found = self.match(doc[event._trigger_i]) if event._trigger_i is not None else None
        if found is not None:
            verb_events.restore_code(event, found.code, found.entry.event_type)
            if found.pattern is not None:
                before = tuple(e.text for e in found.pattern.before)
                verb_events.swap_if_marked(event, before,
                                           tuple(e.text for e in found.pattern.after))
        verb_events.find_target(event, doc, article, kb)
        if kb is not None and kb.dictionary is not None:
            return any(verb_events.dictionary_coded(e) for e in event.actor)
        return True

    def _reverse(self, event: Event, doc: Doc) -> Event | None:
        if event._trigger_i is None or not event.actor or not event.recipient:
            return None
        found = self.match(doc[event._trigger_i])
        if found is None or found.reverse is None or event.cameo != found.code:
            return None
        kind = (plover_of(found.reverse) or (event.event_type, None, None))[0]
        twin = replace(event, actor=list(event.recipient), recipient=list(event.actor),
                       cameo=found.reverse, event_type=kind)
        twin.assign_id()  # its own id: another type and/or the sides swapped
        return twin

    def match(self, token: Token) -> VerbMatch | None:
        """The dictionary coding of a verb token, or None (memoised in its Doc)."""
        memo = self._memos(token.doc)[0]
        if token.i not in memo:
            memo[token.i] = self._match(token)
        return memo[token.i]

    def _memos(self, doc: Doc) -> tuple[dict[int, VerbMatch | None], dict[int, Entry | None]]:
        """This lexicon's memos for one Doc (token.i -> match, -> entry beside the lexicon),
        kept in the Doc so they go with it and threads coding other Docs never share them."""
        key = ("resgestae.verbs", id(self))
        memos = doc.user_data.get(key)
        if memos is None:
            memos = doc.user_data[key] = ({}, {})
        return memos

    def _match(self, token: Token) -> VerbMatch | None:
        if not (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")):
            return None
        form = token.text.upper()
        for dictionary in self.dictionaries:
            verbs = [v for v in dictionary.forms.get(form, ()) if _fits(v, token)]
            verbs.sort(key=lambda v: -(len(v.before) + len(v.after)))
            for verb in verbs[:1]:
                return self._code(dictionary, verb, token)
        return None

    def _code(self, dictionary: VerbDictionary, verb: Verb, token: Token) -> VerbMatch | None:
        if self.mode != "only" and token.lemma_.lower() in framing_verbs():
            return None  # beside the lexicon, frames stay frames (the clause rules' reading)
        words = around(verb, token)
        for pattern in verb.block.patterns:
            if matches(self._compiled(pattern, dictionary), words):
                if pattern.code is None or self._dropped(pattern.code):
                    return None
                return self._result(verb, pattern.code, pattern.reverse, pattern)
        if verb.code is None or self._frames_an_event(token) or self._dropped(verb.code):
            return None
        return self._result(verb, verb.code, verb.reverse, None)

    def _compiled(self, pattern: VerbPattern, dictionary: VerbDictionary) -> Compiled:
        key = id(pattern)
        found = self._patterns.get(key)
        if found is None:
            found = self._patterns[key] = compile_pattern(pattern, dictionary)
        return found

    def _dropped(self, code: str) -> bool:
        """Beside the curated lexicon, PLOVER's dropped CAMEO roots (01 statements, 02
        appeals) code nothing; alone, the dictionary codes what it says."""
        return self.mode != "only" and code[:2] in DROPPED_ROOTS

    def _frames_an_event(self, token: Token) -> bool:
        """A reporting verb ("said", "believes") whose sentence holds another coded verb:
        it reports that event and is no event itself, as in PETRARCH's coding of
        "X will restore ties with Y, an official said"."""
        if token.lemma_.lower() not in rules().reporting:
            return False
        return any(
            other.i != token.i and other.lemma_.lower() not in rules().reporting
            and self.match(other) is not None
            for other in token.sent
        )

    def _result(self, verb: Verb, code: str, reverse: str | None,
                pattern: VerbPattern | None) -> VerbMatch | None:
        if not CODE_RE.match(code):
            return None  # "+++", "102b": no CAMEO code an event record can carry
        key = (verb.lemma, code, verb.block.code)
        if key not in self._entries:
            kind, mode, context = (
                plover_of(code) or plover_of(verb.block.code) or (FALLBACK_TYPE, None, None)
            )
            self._entries[key] = Entry(verb.lemma, "V", (), kind, mode, code, context)
        valid_reverse = reverse if reverse and CODE_RE.match(reverse) else None
        return VerbMatch(self._entries[key], code, valid_reverse, verb, pattern)


def _governs(token: Token, curated: Callable[[Token], Entry | None]) -> bool:
    """Whether a complement clause of the verb holds a verb the curated lexicon types."""
    return any(c.dep_ in ("xcomp", "ccomp") and curated(c) is not None for c in token.children)


def _fits(verb: Verb, token: Token) -> bool:
    """Whether a multi-word verb's other words stand right before and after the token."""
    doc = token.doc
    start, end = token.i - len(verb.before), token.i + 1 + len(verb.after)
    if start < 0 or end > len(doc):
        return False
    around = [t.text.upper() for t in doc[start:token.i]] + [
        t.text.upper() for t in doc[token.i + 1 : end]
    ]
    return around == [*verb.before, *verb.after]


# -- pattern matching --------------------------------------------------------------------

Item = tuple[list[tuple[str, ...]] | None, bool]  # (phrases, or None: a marker; adjacent)


@dataclass(frozen=True)
class Compiled:
    """A pattern ready to match: its items outwards from the verb, the words it needs."""

    after: list[Item]
    before: list[Item]  # read from the verb leftwards, phrases reversed
    needed: frozenset[str]  # literal words that must occur (a quick first test)


@dataclass(frozen=True)
class Around:
    """The words around one verb token: before it in the sentence (nearest first) and
    after it within its phrase; upper case, punctuation left out."""

    before: list[str]
    after: list[str]
    vocabulary: frozenset[str]


def around(verb: Verb, token: Token) -> Around:
    """The words a verb token's patterns are matched against."""
    sent = token.sent
    first, last = token.i - len(verb.before), token.i + len(verb.after)
    right_end = max(last, token.right_edge.i)
    doc = token.doc
    left = [t.text.upper() for t in doc[sent.start : first] if not (t.is_punct or t.is_space)]
    right = [t.text.upper() for t in doc[last + 1 : right_end + 1]
             if not (t.is_punct or t.is_space)]
    left.reverse()
    return Around(left, right, frozenset(left) | frozenset(right))


def compile_pattern(pattern: VerbPattern, dictionary: VerbDictionary) -> Compiled:
    """Items of a pattern, with nested sets expanded (done once per pattern)."""
    needed = frozenset(e.text for e in (*pattern.before, *pattern.after)
                       if not e.marker and not e.text.startswith("&"))
    return Compiled(_items(pattern.after, dictionary, pattern.verb_joined),
                    _items(tuple(reversed(pattern.before)), dictionary, None), needed)


def matches(pattern: Compiled, words: Around) -> bool:
    """Whether a pattern's words stand around the verb (see the module docstring)."""
    if not pattern.needed <= words.vocabulary:
        return False
    return _match(pattern.after, 0, words.after, 0) and _match(pattern.before, 0,
                                                               words.before, 0)


def _items(elements: tuple[Element, ...], dictionary: VerbDictionary,
           verb_joined: bool | None) -> list[Item]:
    """Elements as (phrases, must follow the previous item directly).

    `verb_joined` is given for elements after the verb (each is adjacent when the
    element before it is joined to it); None for elements before the verb, read
    from the verb outwards (each is adjacent when it is itself joined onwards), so
    their phrases are reversed too.
    """
    items: list[Item] = []
    previous_joined = verb_joined
    for element in elements:
        adjacent = element.joined if verb_joined is None else bool(previous_joined)
        if items and items[-1][0] is None:
            adjacent = False  # a marker stands for at least one word
        if element.marker:
            items.append((None, adjacent))
        else:
            phrases = (dictionary.phrases(element.text) if element.text.startswith("&")
                       else [(element.text,)])
            if verb_joined is None:
                phrases = [tuple(reversed(p)) for p in phrases]
            items.append((phrases, adjacent))
        previous_joined = element.joined
    return items


def _match(items: list[Item], k: int, words: list[str], pos: int) -> bool:
    if k == len(items):
        return True
    phrases, adjacent = items[k]
    if phrases is None:  # a marker: one word at least, anywhere from here
        return pos < len(words) and _match(items, k + 1, words, pos + 1)
    starts = [pos] if adjacent else range(pos, len(words))
    for start in starts:
        for phrase in phrases:
            end = start + len(phrase)
            # PETRARCH matches pattern words as written: "RESOLUTION" is not "resolutions"
            if tuple(words[start:end]) == phrase and _match(items, k + 1, words, end):
                return True
    return False


def _contains(text: str, phrase: tuple[str, ...]) -> bool:
    """Whether upper-case `text` holds the phrase's words in a row (the last as a stem)."""
    pattern = r"\b" + r"\s+".join(map(re.escape, phrase))
    return re.search(pattern, text) is not None


# -- loading and the active lexicon -------------------------------------------------------


BREADTH_FILE = "cameo_verbs.txt"


@lru_cache(maxsize=1)
def breadth_lexicon() -> VerbLexicon:
    """The packaged verb patterns converted from CAMEO.2.0 (``lexicon_build``), used after
    the curated lexicon; loaded once per process."""
    return VerbLexicon([read_verb_dictionary(DATA_DIR / BREADTH_FILE)], "after")


def coder_lexicon(files: Sequence[str | Path], mode: str, breadth: bool) -> VerbLexicon | None:
    """The verb lexicon a coder uses: the user's files, else the packaged breadth (or none)."""
    if files:
        return load_verb_lexicon(files, mode)
    return breadth_lexicon() if breadth else None


def load_verb_lexicon(files: Sequence[str | Path], mode: str = "only") -> VerbLexicon | None:
    """The verb dictionaries and discards files given, as one lexicon; None for no files.

    A file with ``--- VERB [CODE] ---`` blocks is a verb dictionary; any other is
    read as a discards list. ConfigError when no verb dictionary is among them.
    """
    if not files:
        return None
    from resgestae.coding.verb_dictionary import is_verb_dictionary

    paths = [Path(f) for f in files]
    dictionaries = [read_verb_dictionary(p) for p in paths if is_verb_dictionary(p)]
    if not dictionaries:
        raise ConfigError(f"{', '.join(map(str, paths))}: no verb dictionary among these files "
                          "(a verb dictionary has '--- VERB [CODE] ---' blocks)")
    for path in paths:
        if not is_verb_dictionary(path):
            read_discards(path, dictionaries[0])
    return VerbLexicon(dictionaries, mode)
