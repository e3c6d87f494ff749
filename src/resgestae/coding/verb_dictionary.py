"""Reading PETRARCH/TABARI verb dictionaries (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``).

The format, as PETRARCH and PETRARCH2 read it:

- ``# comment`` to the end of a line, ``<!-- ... -->`` lines.
- Synonym sets: a line ``&NAME`` then ``+PHRASE`` lines (words joined by ``_``
  or spaces; a member may name another set, ``+&TIETYPES``). A set ends at a
  blank line or the next block.
- Verb blocks: a header ``--- NAME [CODE] ---`` (``[---]``: the verb alone codes
  nothing), then verb lines and pattern lines. A verb line ``VERB [CODE]
  {FORM FORM}``: its own code overrides the block's; braces list the forms
  (the base form is always one; without braces the regular -S/-ED/-ING forms
  are made). A multi-word verb marks its inflected word with ``+``
  (``+BREAK_DOWN``, ``WIRE_+TAP``); without a mark the first word inflects.
- Pattern lines ``- PRE * POST [CODE] # comment`` belong to every verb of their
  block: ``*`` is the verb, words around it must occur before / after it in
  that order. ``_`` joins two elements that must be adjacent; a space allows
  words between. ``&NAME`` matches any phrase of a set. ``$`` marks the source,
  ``+`` the target, ``^`` a skipped noun phrase, ``%`` a compound actor: here
  each stands for at least one word. PETRARCH2's noun-phrase ``{...}`` and
  prepositional-phrase ``(...)`` groups are read as their words in order.
- A code ``A:B`` codes the event A and, with source and target swapped, B.

Discards files (``PETR.Validate.discards.txt``) hold phrases, one a line: a
sentence containing one codes nothing; ``+PHRASE`` discards the whole story.

Errors: a line that cannot be read (an unclosed brace, a pattern without
``*`` or a code, a pattern before any block) is skipped and listed in
`VerbDictionary.problems` as "file:line: reason"; a file that cannot be read
or holds no verb raises `ConfigError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from resgestae.errors import ConfigError

MARKERS = frozenset({"$", "+", "^", "%"})
CODE_RE = re.compile(r"\[([^\]]*)\]")
HEADER_RE = re.compile(r"^---\s*(?P<name>[^-].*?)\s*(?:---)?\s*$")
NO_CODE = {"---", ""}
MAX_SET_DEPTH = 5


@dataclass(frozen=True)
class Element:
    """One pattern element: a word, a set (``&NAME``), a marker or the verb (``*``).

    `joined`: the next element must follow this one with no word between.
    """

    text: str
    joined: bool = False

    @property
    def marker(self) -> bool:
        return self.text in MARKERS


@dataclass(frozen=True)
class VerbPattern:
    """A pattern of a verb block: elements before and after the verb, its codes."""

    before: tuple[Element, ...]  # in text order; the last one's `joined`: next to the verb
    after: tuple[Element, ...]
    verb_joined: bool  # the first element after the verb must be next to it
    code: str | None  # None: the pattern codes nothing ([---])
    reverse: str | None  # the code of the swapped event ("A:B" gives B)
    line: int

    @property
    def size(self) -> int:
        """How much the pattern asks for: its words and sets (markers excluded)."""
        return sum(not e.marker for e in (*self.before, *self.after))

    @property
    def compound(self) -> bool:
        return any(e.text == "%" for e in (*self.before, *self.after))


@dataclass
class VerbBlock:
    """A synonym block: its verbs share the patterns; each verb may have its own code."""

    name: str
    code: str | None
    reverse: str | None
    patterns: list[VerbPattern] = field(default_factory=list)
    line: int = 0


@dataclass(frozen=True)
class Verb:
    """One verb form: the inflected word, words that must stand right before/after it."""

    form: str  # upper case: "BROKE"
    before: tuple[str, ...]  # ("WIRE",) for WIRE_+TAP
    after: tuple[str, ...]  # ("DOWN",) for +BREAK_DOWN
    lemma: str  # the verb line's base word, lower case: "break"
    code: str | None
    reverse: str | None
    block: VerbBlock


@dataclass
class VerbDictionary:
    """A parsed verb dictionary: verb forms -> verbs, the synonym sets, the discards."""

    path: str
    forms: dict[str, list[Verb]] = field(default_factory=dict)
    sets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    sentence_discards: list[tuple[str, ...]] = field(default_factory=list)
    story_discards: list[tuple[str, ...]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file:line: reason" of skipped lines

    def phrases(self, name: str, depth: int = 0) -> list[tuple[str, ...]]:
        """The word sequences a set ``&NAME`` stands for, nested sets expanded."""
        out: list[tuple[str, ...]] = []
        for member in self.sets.get(name.lstrip("&").rstrip("_"), []):
            if member and member[0].startswith("&") and depth < MAX_SET_DEPTH:
                for inner in self.phrases(member[0], depth + 1):
                    out.append(inner + member[1:])
            else:
                out.append(member)
        return out


def split_code(text: str) -> tuple[str | None, str | None]:
    """'064' -> ('064', None); '032:033' -> ('032', '033'); '---' -> (None, None)."""
    main, _, reverse = text.strip().partition(":")
    main, reverse = main.strip(), reverse.strip()
    return (None if main in NO_CODE else main), (None if reverse in NO_CODE else reverse)


def verb_forms(base: str) -> list[str]:
    """The regular forms PETRARCH makes for a verb: base, -S, -ED, -ING (upper case)."""
    if base.endswith("E"):
        return [base, base + "S", base + "D", base[:-1] + "ING"]
    if base.endswith("Y") and len(base) > 1 and base[-2] not in "AEIOU":
        return [base, base[:-1] + "IES", base[:-1] + "IED", base + "ING"]
    if base.endswith(("S", "X", "Z", "CH", "SH")):
        return [base, base + "ES", base + "ED", base + "ING"]
    return [base, base + "S", base + "ED", base + "ING"]


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[_\s]+", text.strip().upper()) if w)


def _strip_comment(line: str) -> str:
    """The line without its ``#`` comment; a ``#`` inside a ``[CODE]`` is no comment."""
    depth = 0
    for i, char in enumerate(line):
        depth += (char == "[") - (char == "]")
        if char == "#" and depth <= 0:
            return line[:i].rstrip()
    return line.rstrip()


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Parse a verb dictionary file; ConfigError names the file and line of a bad line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the verb dictionary ({exc.strerror})") from exc
    return parse_verb_dictionary(text, str(path))


class _Reader:
    """The state of one pass over a verb dictionary's lines."""

    def __init__(self, origin: str) -> None:
        self.result = VerbDictionary(origin)
        self.block: VerbBlock | None = None
        self.set_name: str | None = None
        self.origin = origin

    def error(self, number: int, reason: str) -> ValueError:
        return ValueError(f"{self.origin}:{number}: {reason}")

    def line(self, number: int, raw: str) -> None:
        if raw.lstrip().startswith(("<!--", "#")):
            return  # a comment line does not end a synonym set
        line = _strip_comment(raw)
        if not line.strip():
            self.set_name = None
            return
        stripped = line.strip()
        header = HEADER_RE.match(stripped)
        if header:
            self._header(number, header["name"])
        elif stripped.startswith("&"):
            self.set_name = stripped.split()[0].lstrip("&").rstrip("_")
            self.result.sets.setdefault(self.set_name, [])
        elif self.set_name is not None and stripped.startswith("+"):
            self.result.sets[self.set_name].append(_words(stripped[1:]))
        elif stripped.startswith("-"):
            self._pattern(number, stripped[1:])
        elif self.block is not None:
            self._verb(number, stripped)
        else:
            raise self.error(number, f"a verb or pattern before any '--- VERB [CODE] ---' block: "
                             f"{stripped[:40]!r}")

    def _header(self, number: int, text: str) -> None:
        codes = CODE_RE.findall(text)
        code, reverse = split_code(codes[0]) if codes else (None, None)
        name = CODE_RE.sub("", text).strip()
        self.block = VerbBlock(name, code, reverse, line=number)
        self.result.blocks.append(self.block)
        self.set_name = None

    def _pattern(self, number: int, text: str) -> None:
        if self.block is None:
            raise self.error(number, "a pattern before any '--- VERB [CODE] ---' block")
        codes = CODE_RE.findall(text)
        if not codes:
            raise self.error(number, f"pattern without a [CODE]: {text.strip()[:40]!r}")
        elements = parse_elements(CODE_RE.sub(" ", text))
        verb = [i for i, e in enumerate(elements) if e.text == "*"]
        if len(verb) != 1:
            raise self.error(number, f"a pattern needs one '*' for the verb: {text.strip()[:40]!r}")
        code, reverse = split_code(codes[0])
        at = verb[0]
        self.block.patterns.append(
            VerbPattern(tuple(elements[:at]), tuple(elements[at + 1:]), elements[at].joined,
                        code, reverse, number)
        )

    def _verb(self, number: int, text: str) -> None:
        assert self.block is not None
        if text.count("{") != text.count("}"):
            raise self.error(number, f"unclosed '{{' in a verb line: {text[:40]!r}")
        codes = CODE_RE.findall(text)
        code, reverse = split_code(codes[0]) if codes else (self.block.code, self.block.reverse)
        text = CODE_RE.sub(" ", text)
        braces = re.search(r"\{([^}]*)\}", text)
        base = text[: braces.start()] if braces else text
        before, head, after = _head(base)
        if not head:
            return
        forms = [head]
        if braces:
            forms += [_head(form)[1] for form in braces.group(1).split() if form.strip()]
        else:
            forms = verb_forms(head)
        for form in dict.fromkeys(f for f in forms if f):
            verb = Verb(form, before, after, head.lower(), code, reverse, self.block)
            self.result.forms.setdefault(form, []).append(verb)


def _head(text: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """A verb phrase's words before its inflected word, that word, the words after."""
    words = [w for w in re.split(r"[_\s]+", text.strip().upper()) if w]
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    words = [w.lstrip("+") for w in words]
    if not words:
        return (), "", ()
    return tuple(words[:at]), words[at], tuple(words[at + 1 :])


def parse_elements(text: str) -> list[Element]:
    """The elements of a pattern's text (code removed): ``SAID_* {NEW TALKS}``.

    Brackets of noun and prepositional phrases are dropped; ``_`` between two
    pieces joins them; a trailing ``_`` only ends a word.
    """
    text = re.sub(r"[{}()]", " ", text)
    text = re.sub(r"\*(?=[A-Za-z&$^%])", "* ", re.sub(r"(?<=[A-Za-z])\*", " *", text))
    elements: list[Element] = []
    for chunk in text.split():
        pieces = chunk.upper().split("_")
        pieces = [p for p in pieces if p] if chunk.endswith("_") else pieces
        for k, piece in enumerate(pieces):
            if not piece:
                continue
            elements.append(Element(piece, joined=k < len(pieces) - 1))
    return elements


def parse_verb_dictionary(text: str, origin: str = "verb dictionary") -> VerbDictionary:
    """Parse verb dictionary text (see the module docstring); patterns longest first."""
    reader = _Reader(origin)
    for number, raw in enumerate(text.splitlines(), start=1):
        try:
            reader.line(number, raw)
        except ValueError as exc:  # one bad line is skipped and reported, the rest is read
            reader.result.problems.append(str(exc))
    for block in reader.result.blocks:  # PETRARCH tries the longest pattern first
        block.patterns.sort(key=lambda p: -p.size)
    if not reader.result.forms:
        raise ConfigError(f"{origin}: no verbs found (not a PETRARCH verb dictionary?)")
    return reader.result


def read_discards(path: str | Path, into: VerbDictionary) -> None:
    """Add a discards file's phrases to `into` (``+PHRASE``: the whole story)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the discards file ({exc.strerror})") from exc
    for raw in lines:
        line = _strip_comment(raw).strip()
        if not line or line.startswith("<!--"):
            continue
        story = line.startswith("+")
        words = _words(line.lstrip("+"))
        if words:
            (into.story_discards if story else into.sentence_discards).append(words)


def is_verb_dictionary(path: str | Path) -> bool:
    """Whether a file looks like a verb dictionary: it has ``--- NAME [CODE] ---`` headers."""
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as handle:
            return any(HEADER_RE.match(line.strip()) and "[" in line for line in handle)
    except OSError:
        return False


def is_discards(path: str | Path) -> bool:
    """Whether a file looks like a discards list: phrases, no ``[CODE]`` anywhere."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    lines = [_strip_comment(line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("<!--")]
    return bool(lines) and not any("[" in line for line in lines)
