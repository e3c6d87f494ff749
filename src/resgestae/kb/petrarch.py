"""Import of PETRARCH/Phoenix (TABARI-format) actor and agent dictionaries.

Use:

    from resgestae.kb import ActorKB
    from resgestae.kb.petrarch import load_petrarch_actors, load_petrarch_agents, petrarch_code

    actors = load_petrarch_actors("PETR.Validate.actors.txt")   # list[PetrarchActor]
    kb = ActorKB()
    kb.add_petrarch("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")
    # resolve_actors(events, doc, article, kb) now gives an entity whose words
    # match a dictionary phrase that actor's code valid on article.date:
    # "Arnor" -> country "ARN"; "Israeli troops" -> ISR + MIL; the entity's kb_id is
    # "petrarch:<CODE>" (the dictionary's identity for it: "petrarch:ARNGOVFRM"),
    # country/sector/sectors its parts (codes that are not 3 letters, G77, are left out).
    petrarch_code(entity)   # "ARNGOVFRM"; "---GOV" for an agent with no actor

Actors file format: an entry line `PHRASE [CODE]` (or the codes on indented
lines below it), `+ALIAS` lines, `#` comments and `<!-- -->` blocks. Words are
joined by `_` or spaces; a final `_` stops the last word, otherwise it is a stem
("ARGENTIN" matches "Argentina"). Codes may carry dates: `[USAGOV 20090120-20170120]`,
`[HOB < 950601]` (before), `[HOBREB > 990816]` (after), six-digit dates are YYMMDD.
A 3-letter code is the country; longer codes split into country + 3-letter sectors
(USAGOV -> USA, GOV). `---` means no country.

Agents file format: `NOUN [~GOV]`, `{PLURAL}` or `{}` (no plural), and
substitution sets `!PERSON! = MAN, MEN` used inside phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from resgestae.errors import ConfigError
from resgestae.kb.base import ActorKB, KBEntry, Role, make_id
from resgestae.model import Entity

CODE_RE = re.compile(r"\[([^\]]*)\]")
KB_PREFIX = "petrarch:"  # kb_id of an entity a dictionary coded: "petrarch:ARNGOVFRM"
THREE = re.compile(r"^[A-Z]{3}$")
NO_COUNTRY = {"---", "+++", "###", ""}


@dataclass(frozen=True)
class Pattern:
    """A dictionary phrase: upper-case words; `stem` lets the last word match as a prefix."""

    words: tuple[str, ...]
    stem: bool = False

    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class PetrarchActor:
    """One actor entry: its phrases (first is the name), its dated roles, its line."""

    patterns: list[Pattern] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    line: int = 0

    @property
    def name(self) -> str:
        return self.patterns[0].text().title() if self.patterns else ""


@dataclass
class Agent:
    """One agent noun: its phrases and its sectors (`[~GOVFRM]` -> GOV, FRM)."""

    patterns: list[Pattern]
    sectors: list[str]
    line: int = 0


# -- reading lines ---------------------------------------------------------------


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) with comments removed; `<!-- -->` blocks skipped."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the dictionary ({exc.strerror})") from exc
    in_block = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_block or line.lstrip().startswith("<!"):
            in_block = "-->" not in line
            continue
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line


def _pattern(phrase: str) -> Pattern | None:
    phrase = phrase.strip()
    stopped = phrase.endswith("_")
    words = tuple(w for w in re.split(r"[_\s]+", phrase.upper()) if w)
    if not words:
        return None
    return Pattern(words, stem=not stopped and len(words[-1]) >= 3)


def _date(text: str) -> str | None:
    digits = text.strip()
    if len(digits) == 6 and digits.isdigit():
        year = int(digits[:2])
        digits = ("20" if year <= 30 else "19") + digits
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return None


def split_code(code: str) -> tuple[str | None, list[str]]:
    """A CAMEO actor code as (country, sectors): USAGOV -> (USA, [GOV]); ~GOV -> (None, [GOV])."""
    code = code.strip().upper().split("/")[0]
    if code.startswith("~") or code.endswith("~"):
        body = code.strip("~")
        return None, [body[i : i + 3] for i in range(0, len(body), 3) if body[i : i + 3]]
    country = code[:3]
    sectors = [code[i : i + 3] for i in range(3, len(code), 3) if code[i : i + 3]]
    sectors = [s for s in sectors if THREE.match(s)]
    return (country if THREE.match(country) else None), sectors


def parse_role(block: str) -> Role | None:
    """One bracketed code with an optional date restriction; None when malformed."""
    match = re.match(r"\s*([^\s<>]*)\s*(.*)$", block)
    code, rest = match.group(1), match.group(2).strip()
    if not code or code[0].isdigit():
        return None  # "[950601-990815]": dates where the code should be
    country, sectors = split_code(code)
    role = Role(country, sectors, code=code.upper())
    if rest.startswith("<"):
        role.end = _date(rest[1:])
        return role if role.end else None
    if rest.startswith(">"):
        role.start = _date(rest[1:])
        return role if role.start else None
    if rest:
        parts = [p for p in re.split(r"\s*-\s*", rest) if p]
        if len(parts) != 2 or not (_date(parts[0]) and _date(parts[1])):
            return None
        role.start, role.end = _date(parts[0]), _date(parts[1])
    return role


# -- actors ----------------------------------------------------------------------


def load_petrarch_actors(path: Path | str) -> list[PetrarchActor]:
    """All actor entries of a PETRARCH/Phoenix `.actors.txt` file, in file order."""
    actors: list[PetrarchActor] = []
    current: PetrarchActor | None = None
    for number, line in _lines(Path(path)):
        phrase = CODE_RE.sub("", line)
        roles = [r for r in (parse_role(b) for b in CODE_RE.findall(line)) if r]
        alias = line.lstrip().startswith("+")
        starts_entry = not line[0].isspace() and not alias and bool(phrase.strip())
        if starts_entry:
            current = PetrarchActor(line=number)
            actors.append(current)
        if current is None:
            continue
        pattern = _pattern(phrase.lstrip("+"))
        if pattern and (starts_entry or alias):
            current.patterns.append(pattern)
        current.roles.extend(roles)
    return [a for a in actors if a.patterns and a.roles]


# -- agents ----------------------------------------------------------------------


def _plural(word: str) -> str:
    if word.endswith("Y") and word[-2:-1] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "SH", "CH", "X", "Z")):
        return word + "ES"
    return word + "S"


def _expand(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    """Substitution sets: `!MINIST!_OF_X` -> MINISTER_OF_X, MINISTRY_OF_X, ..."""
    match = re.search(r"![A-Z]+!", phrase)
    if not match or match.group(0) not in subs:
        return [phrase.replace("!", "")] if match else [phrase]
    out: list[str] = []
    for value in subs[match.group(0)]:
        out.extend(_expand(phrase[: match.start()] + value + phrase[match.end() :], subs))
    return out


def load_petrarch_agents(path: Path | str) -> list[Agent]:
    """All agent nouns of a PETRARCH/Phoenix `.agents.txt` file."""
    subs: dict[str, list[str]] = {}
    agents: list[Agent] = []
    for number, line in _lines(Path(path)):
        if re.match(r"\s*![A-Z]+!\s*=", line):
            key, values = line.split("=", 1)
            values_l = [v.strip().replace(" ", "_") for v in values.split(",")]
            subs[key.strip()] = [v for v in values_l if v]
            continue
        codes = CODE_RE.findall(line)
        if not codes:
            continue
        raw = codes[0].strip().upper()
        # "NGO~" puts its code before the actor's (NGOARN); "~GOV" after it (ARNGOV)
        sectors = [raw.rstrip("~").strip() + "~"] if raw.endswith("~") else split_code(raw)[1]
        agents.append(Agent(_agent_patterns(line, subs), sectors, number))
    return [a for a in agents if a.patterns and a.sectors]


def _agent_patterns(line: str, subs: dict[str, list[str]]) -> list[Pattern]:
    head = CODE_RE.sub("", line)
    plural_m = re.search(r"\{([^}]*)\}", head)
    phrase = re.sub(r"\{[^}]*\}", "", head).strip()
    patterns: list[Pattern] = []
    for form in _expand(phrase, subs):
        pattern = _pattern(form)
        if pattern is None:
            continue
        patterns.append(Pattern(pattern.words, stem=False))
        if plural_m is None:
            patterns.append(Pattern(pattern.words[:-1] + (_plural(pattern.words[-1]),)))
    if plural_m and plural_m.group(1).strip():
        for form in _expand(plural_m.group(1), subs):
            pattern = _pattern(form)
            if pattern:
                patterns.append(Pattern(pattern.words, stem=False))
    return patterns


# -- matching ----------------------------------------------------------------------


class PhraseIndex:
    """Phrases by first word, for longest-match lookup in an entity's words."""

    def __init__(self) -> None:
        self._first: dict[str, list[tuple[Pattern, object]]] = {}
        self._stems: dict[str, list[tuple[Pattern, object]]] = {}
        self.items: list[tuple[Pattern, object]] = []

    def add(self, pattern: Pattern, value: object) -> None:
        self.items.append((pattern, value))
        if pattern.stem and len(pattern.words) == 1:
            self._stems.setdefault(pattern.words[0], []).append((pattern, value))
        else:
            self._first.setdefault(pattern.words[0], []).append((pattern, value))

    def find(self, words: list[str]) -> tuple[int, int, object] | None:
        """The longest (then leftmost) match as (start, end, value)."""
        best: tuple[int, int, object] | None = None
        for i, word in enumerate(words):
            for pattern, value in self._candidates(word):
                n = len(pattern.words)
                if _matches(pattern, words[i : i + n]) and (best is None or n > best[1] - best[0]):
                    best = (i, i + n, value)
        return best

    def _candidates(self, word: str) -> list[tuple[Pattern, object]]:
        found = list(self._first.get(word, []))
        for k in range(len(word), 2, -1):
            found.extend(self._stems.get(word[:k], []))
        return found


def _matches(pattern: Pattern, words: list[str]) -> bool:
    if len(words) != len(pattern.words):
        return False
    *exact, last = pattern.words
    if list(words[:-1]) != exact:
        return False
    return words[-1] == last or (pattern.stem and words[-1].startswith(last))


def entity_words(text: str) -> list[str]:
    """Upper-case words of an entity's text, possessives and edge punctuation removed."""
    words = []
    for raw in text.replace("\u2019", "'").split():
        word = re.sub(r"'S$", "", raw.upper()).strip(",;:()\"“”'!?")
        if word:
            words.append(word)
    return words


@dataclass
class Dictionary:
    """Loaded actor phrases (-> kb_id) and agent phrases (-> sectors)."""

    actors: PhraseIndex = field(default_factory=PhraseIndex)
    agents: PhraseIndex = field(default_factory=PhraseIndex)

    def code(self, kb: ActorKB, text: str, date: str | None) -> tuple[KBEntry | None, Role | None,
                                                                      list[str]]:
        """The actor entry, its role on `date`, and agent sectors found in `text`."""
        words = entity_words(text)
        hit = self.actors.find(words)
        entry = kb.get(hit[2]) if hit else None
        role = entry.role_on(iso_date(date)) if entry else None
        rest = words if hit is None else words[: hit[0]] + words[hit[1] :]
        agent = self.agents.find(rest)
        return entry, role, list(agent[2]) if agent else []

    def agent_rows(self) -> list[tuple[str, list[str]]]:
        """Agent phrases as ("WORD_WORD", sectors) rows for the store."""
        return [("_".join(p.words), list(v)) for p, v in self.agents.items]


def iso_date(date: str | None) -> str | None:
    """ISO yyyy-mm-dd from ISO or PETRARCH's yyyymmdd."""
    if not date:
        return None
    date = date.strip()
    if len(date) == 8 and date.isdigit():
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return date[:10]


def add_to_kb(kb: ActorKB, actors_path: Path | str | None,
              agents_path: Path | str | None = None) -> int:
    """Add a dictionary's actors (source "petrarch") and agents to the KB; returns actors added."""
    if kb.dictionary is None:
        kb.dictionary = Dictionary()
    added = 0
    if actors_path:
        for actor in load_petrarch_actors(actors_path):
            add_actor(kb, actor)
            added += 1
    if agents_path:
        for agent in load_petrarch_agents(agents_path):
            for pattern in agent.patterns:
                kb.dictionary.agents.add(pattern, tuple(agent.sectors))
    return added


def add_actor(kb: ActorKB, actor: PetrarchActor) -> KBEntry:
    """One dictionary actor as a KB entry, its phrases indexed for matching."""
    default = next((r for r in actor.roles if not (r.start or r.end)), actor.roles[-1])
    entry = KBEntry(
        kb_id=make_id("petrarch", actor.patterns[0].text(), default.code),
        name=actor.name,
        kind="org",
        aliases=[p.text().title() for p in actor.patterns[1:]],
        country=default.country,
        sectors=list(default.sectors),
        source="petrarch",
        roles=list(actor.roles),
    )
    entry = kb.add(entry)
    if kb.dictionary is None:
        kb.dictionary = Dictionary()
    for pattern in actor.patterns:
        kb.dictionary.actors.add(pattern, entry.kb_id)
    entry.patterns = [_pattern_text(p) for p in actor.patterns]  # kept for the store
    return entry


def _pattern_text(pattern: Pattern) -> str:
    return "_".join(pattern.words) + ("" if pattern.stem else "_")


def pattern_from_text(text: str) -> Pattern | None:
    """Inverse of the stored form ("LIBYA_" stopped, "ARGENTIN" a stem)."""
    return _pattern(text)


def dictionary_code(role: Role | None, agent_codes: list[str]) -> str:
    """The code PETRARCH gives: prefix agents, the actor's dated code (--- for none),
    then agent sectors the actor code does not already carry ("ARN" + "~GOVFRM")."""
    prefix = "".join(c[:-1] for c in agent_codes if c.endswith("~"))
    country, sectors = (role.country, list(role.sectors)) if role else (None, [])
    for code in agent_codes:
        if not code.endswith("~") and code not in sectors:
            sectors.append(code)
    return prefix + (country or "---") + "".join(sectors)


def petrarch_code(entity: Entity | dict) -> str:
    """An entity (or its record) as a CAMEO-style code: the dictionary's code when a
    dictionary coded it (kb_id "petrarch:CODE"), else country (or ---) then sectors."""
    record = entity if isinstance(entity, dict) else entity.to_record()
    kb_id = str(record.get("kb_id") or "")
    if kb_id.startswith(KB_PREFIX):
        return kb_id[len(KB_PREFIX) :]
    sectors = record.get("sectors") or ([record["sector"]] if record.get("sector") else [])
    return (record.get("country") or "---") + "".join(sectors)
