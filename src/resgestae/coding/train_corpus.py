"""Generate the classifier's training clauses from frames and vocabularies written for the project.

    python -m resgestae.coding.train_corpus     # writes data/training/generated.tsv

`data/training/frames.tsv` holds clause frames per PLOVER type and mode (and NONE:
statements, opinions, plans, conditions, background, headlines, event verbs in other
senses); `data/training/vocab.yaml` the countries, actor phrases by kind, places,
invented names and groups. Each frame is rendered many times with different fillers,
tenses (past, perfect, progressive, headline present) and voices (passive with and
without the agent, for frames whose object follows the verb), so the model meets the
same act in the shapes news writes it. The output is deterministic for a seed: one
(label, trigger lemma, clause) row per line, no duplicates. Nothing here comes from gold
data; `tests/test_classifier.py` checks that no generated clause shares six words in a
row with a gold sentence.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from resgestae.errors import InputError

TRAINING = Path(__file__).resolve().parents[1] / "data" / "training"
FRAMES = TRAINING / "frames.tsv"
VOCAB = TRAINING / "vocab.yaml"
OUTPUT = TRAINING / "generated.tsv"
EVENTS_PER_TYPE = 720
NONE_TOTAL = 3000
SEED = 20261130
# Verbs whose last consonant doubles before -ed/-ing and that the frames give no forms for.
DOUBLING = frozenset({"ban", "plan", "patrol", "stab", "rob", "stop", "drop", "ship", "grab",
                      "trap", "tag", "jam", "slam", "scrap", "slap", "shun", "cut", "hit",
                      "put", "set", "shut", "let", "run", "sit", "beg", "lob", "swap", "strip",
                      "kidnap"})
SLOT = re.compile(r"\{([A-Z]+)(?::([a-z]+))?\}|\[([^\]]*)\]")
PASSIVE_FRAME = re.compile(r"^\{A:([a-z]+)\} \{V\} \{T:([a-z]+)\}(.*)$")
Row = tuple[str, str, str]


@dataclass(frozen=True)
class Frame:
    """One line of frames.tsv."""

    label: str
    mode: str | None
    lemma: str
    past: str
    participle: str
    text: str


def read_frames(path: Path = FRAMES) -> list[Frame]:
    """Frames of the corpus; raises InputError naming the line of a malformed one."""
    frames = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise InputError(f"{path}:{number}", "expected type<TAB>mode<TAB>verb<TAB>frame")
        label, mode, verb, text = parts
        forms = verb.split("/")
        lemma = forms[0]
        past = forms[1] if len(forms) == 3 else _regular_past(lemma)
        participle = forms[2] if len(forms) == 3 else past
        frames.append(Frame(label, None if mode == "-" else mode, lemma, past, participle, text))
    return frames


def _regular_past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if lemma in DOUBLING:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def third_person(lemma: str) -> str:
    """'shell' -> 'shells', 'push' -> 'pushes', 'deny' -> 'denies'."""
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def gerund(lemma: str) -> str:
    """'shell' -> 'shelling', 'seize' -> 'seizing', 'ban' -> 'banning'."""
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye")):
        return lemma[:-1] + "ing"
    if lemma in DOUBLING:
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def plural(phrase: str) -> bool:
    """Whether an actor phrase takes a plural verb (a rough test, good for our vocabulary)."""
    head = re.sub(r" (of|in|from) .*$", "", phrase).split()[-1].lower()
    if " and " in phrase or head in {"police", "people", "both", "they", "sides", "forces"}:
        return True
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "ns")) or head in {
        "troops", "rebels", "gunmen", "men", "women", "children", "militants", "nations"}


class Filler:
    """Random fillers for the slots of a frame, from vocab.yaml."""

    def __init__(self, vocab: dict, rng: random.Random) -> None:
        self.vocab = vocab
        self.rng = rng

    def pick(self, items: list) -> str:
        return str(self.rng.choice(items))

    def country(self) -> tuple[str, str, str]:
        name, demonym, capital = self.rng.choice(self.vocab["countries"])
        return str(name), str(demonym), str(capital)

    def name(self) -> str:
        return f"{self.pick(self.vocab['given'])} {self.pick(self.vocab['surname'])}"

    def fill(self, template: str, country: tuple[str, str, str] | None = None) -> str:
        """Expand {C} {D} {K} {M} {N} {G} {O} {P2} {PL} in a vocabulary phrase."""
        name, demonym, capital = country or self.country()
        values = {"C": name, "D": demonym, "K": capital, "M": self.name(),
                  "N": self.pick(self.vocab["numbers"]), "G": self.pick(self.vocab["groups"]),
                  "O": self.pick(self.vocab["orgs"]), "P2": self.pick(self.vocab["parties"])}
        if "{PL}" in template:
            values["PL"] = self.place()
        return re.sub(r"\{([A-Z0-9]+)\}", lambda m: values.get(m.group(1), m.group(0)), template)

    def place(self) -> str:
        name, _, capital = self.country()
        kind = self.rng.random()
        if kind < 0.4:
            return capital
        if kind < 0.6:
            return name
        return f"{self.pick(self.vocab['places'])} of {name}" if kind < 0.8 else self.pick(
            self.vocab["places"])

    def party(self, kind: str, subject: bool = True) -> str:
        phrases = self.vocab["actors"].get(kind)
        if phrases is None:
            raise InputError(f"{FRAMES}", f"unknown actor kind {kind!r}")
        if subject and self.rng.random() < 0.06:
            return self.pick(self.vocab["actors"]["pronoun"])
        return self.fill(self.pick(phrases))


def render(frame: Frame, filler: Filler, rng: random.Random) -> str:
    """One clause from a frame: slots filled, verb inflected, sometimes passive or headline."""
    text, tense = frame.text, rng.random()
    passive = PASSIVE_FRAME.match(text)
    if passive and tense < 0.22:
        kind_a, kind_t, rest = passive.groups()
        target = filler.party(kind_t, subject=False)
        be = ("were" if plural(target) else "was") if rng.random() < 0.8 else (
            "have been" if plural(target) else "has been")
        agent = f" by {filler.party(kind_a, subject=False)}" if rng.random() < 0.55 else ""
        return _finish(f"{target} {be} {frame.participle}{agent}{_fill(rest, filler)}", rng)
    actor = None
    if text.startswith("{A:"):
        kind = text[3 : text.index("}")]
        actor = filler.party(kind)
        text = actor + text[text.index("}") + 1 :]
    verb = _verb(frame, actor, rng.random())
    return _finish(_fill(text.replace("{V}", verb), filler), rng)


def _verb(frame: Frame, actor: str | None, tense: float) -> str:
    if actor is None or tense < 0.55:
        return frame.past
    many = plural(actor) or actor in ("I", "you", "we", "they")
    if tense < 0.72:
        return f"{'have' if many else 'has'} {frame.participle}"
    if tense < 0.82:
        return f"{'are' if many else 'is'} {gerund(frame.lemma)}"
    if tense < 0.9:
        return f"{'were' if many else 'was'} {gerund(frame.lemma)}"
    return frame.lemma if many else third_person(frame.lemma)


def _fill(text: str, filler: Filler) -> str:
    def one(match: re.Match) -> str:
        if match.group(3) is not None:
            return filler.fill(filler.pick(match.group(3).split("|")))
        slot, kind = match.group(1), match.group(2)
        if slot in ("A", "T"):
            return filler.party(kind or "state", subject=slot == "A")
        return filler.fill("{" + slot + "}")

    return SLOT.sub(one, text)


def _finish(clause: str, rng: random.Random) -> str:
    # A time phrase sometimes, as news writes it; one space between words.
    if rng.random() < 0.25:
        clause = f"{clause} {rng.choice(TIMES)}"
    clause = re.sub(r"\b([Aa]) (?=[AEIOU][a-z])", r"\1n ", clause)
    return re.sub(r"\s+", " ", clause).strip()


TIMES: list[str] = []


def generate(seed: int = SEED, per_type: int = EVENTS_PER_TYPE,
             none_total: int = NONE_TOTAL) -> list[Row]:
    """(label, trigger lemma, clause) rows: `per_type` per PLOVER type, `none_total` NONE."""
    vocab = yaml.safe_load(VOCAB.read_text(encoding="utf-8"))
    TIMES[:] = vocab["times"]
    rng = random.Random(seed)
    filler = Filler(vocab, rng)
    by_label: dict[str, list[Frame]] = {}
    for frame in read_frames():
        by_label.setdefault(frame.label, []).append(frame)
    rows: list[Row] = []
    seen: set[str] = set()
    for label in sorted(by_label):
        frames = by_label[label]
        want = none_total if label == "NONE" else per_type
        made, tries = 0, 0
        while made < want and tries < want * 20:
            frame = frames[tries % len(frames)]
            tries += 1
            clause = render(frame, filler, rng)
            if clause.lower() in seen or "{" in clause:
                continue
            seen.add(clause.lower())
            rows.append((label, frame.lemma, clause))
            made += 1
    return rows


def write(rows: list[Row], path: Path = OUTPUT) -> None:
    """The rows as the TSV `train_classifier.read_corpus` reads."""
    header = ("# Generated by python -m resgestae.coding.train_corpus from frames.tsv and "
              f"vocab.yaml (seed {SEED}); do not edit by hand.\n")
    path.write_text(header + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    rows = generate(args.seed)
    write(rows, args.output)
    counts = Counter(label for label, _, _ in rows)
    print(f"wrote {args.output}: {len(rows)} clauses; " +
          " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
