"""Event types: look a trigger word up in the lexicon (`data/lexicon.tsv`).

A lexicon entry maps a lemma (verb or noun), optionally with tests on its
dependents (particle, object, preposition, noun modifier, named-entity label of
a prepositional object), to a PLOVER type, mode, CAMEO code and context. The
most specific matching entry wins, so "lift the sanctions" beats "lift".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from resgestae.coding.rules import rules
from resgestae.resources import current

if TYPE_CHECKING:
    from resgestae.coding.verb_match import VerbLexicon

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEXICON_FILE = "lexicon.tsv"
FAMILIES_FILE = "lexicon_families.tsv"
NOUN_POS = ("NOUN", "PROPN")
VERB_POS = ("VERB", "AUX")


@dataclass(frozen=True)
class Entry:
    """One lexicon line: what a trigger means when its tests pass."""

    lemma: str
    pos: str  # "V" or "N"
    tests: tuple[tuple[str, frozenset[str]], ...]
    event_type: str
    mode: str | None
    cameo: str | None
    context: str | None
    # a NONE reading the verb dictionaries may not override (`firm_none`): a family row
    # of lexicon_families.tsv names one specific non-event ("bombed at the box office")
    firm: bool = False

    @property
    def preps(self) -> frozenset[str]:
        """Prepositions this entry names: their objects are recipients."""
        for key, values in self.tests:
            if key == "prep":
                return values
        return frozenset()


def _dash(value: str) -> str | None:
    return None if value in ("-", "") else value


def _parse_tests(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if text in ("-", ""):
        return ()
    tests = []
    for part in text.split(";"):
        key, _, values = part.partition("=")
        tests.append((key.strip(), frozenset(v.strip() for v in values.split("|"))))
    return _bind_prep_entities(tuple(tests))


def _bind_prep_entities(
    tests: tuple[tuple[str, frozenset[str]], ...],
) -> tuple[tuple[str, frozenset[str]], ...]:
    """A row with both `prep` and `pent` means the entity is that preposition's object
    ("speak to <PERSON>", "send troops to <GPE>"): the pair becomes one `pent_of` test
    ("to:GPE"), so that another preposition's entity ("spoke to reporters in Cairo",
    "sent to the border with Guyana") does not pass it."""
    keys = dict(tests)
    if "prep" not in keys or "pent" not in keys:
        return tests
    pairs = frozenset(f"{p}:{e}" for p in keys["prep"] for e in keys["pent"])
    return tuple(("pent_of", pairs) if key == "pent" else (key, values) for key, values in tests)


# An object or particle says more about the act than a preposition does
# ("called a strike for Monday" is about the strike).
TEST_WEIGHTS = {"obj": 2, "prt": 2, "oent": 2, "ocomp": 2}


def specificity(entry: Entry) -> int:
    """How specific an entry is: the more (and the stronger) its tests, the higher."""
    return sum(1 if "*" in values else TEST_WEIGHTS.get(key, 1) for key, values in entry.tests)


def parse_lexicon(text: str) -> dict[tuple[str, str], list[Entry]]:
    """Parse lexicon TSV text into (lemma, pos) -> entries, most specific first."""
    table: dict[tuple[str, str], list[Entry]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 7:
            raise ValueError(f"{LEXICON_FILE} line {number}: expected 7 columns, got {len(cols)}")
        lemma, pos, tests, etype, mode, cameo, context = cols
        entry = Entry(
            lemma, pos, _parse_tests(tests), etype, _dash(mode), _dash(cameo), _dash(context)
        )
        table.setdefault((lemma, pos), []).append(entry)
    for entries in table.values():
        entries.sort(key=lambda e: -specificity(e))
    return table


def expand_families(text: str) -> str:
    """Lexicon rows (lexicon.tsv's seven columns) from `lexicon_families.tsv` text.

    A class line `@name<TAB>a|b|c` names a word list; a family line is a lexicon row
    whose first column lists verbs ("a|b", "call+off" adds the test part=off) and whose
    condition may name classes ("obj=@restriction"). Each verb gets one row. ValueError
    names the line of an unknown class or of a wrong number of columns.
    """
    classes: dict[str, str] = {}
    rows: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0].startswith("@") and len(cols) == 2:
            classes[cols[0]] = cols[1].strip()
            continue
        if len(cols) != 7:
            raise ValueError(f"{FAMILIES_FILE} line {number}: expected 7 columns "
                             f"(or a class line of 2), got {len(cols)}")
        tests = cols[2]
        for name in sorted(set(re.findall(r"@\w+", tests)), key=len, reverse=True):
            if name not in classes:
                raise ValueError(f"{FAMILIES_FILE} line {number}: unknown class {name}")
            tests = tests.replace(name, classes[name])
        for verb in cols[0].split("|"):
            lemma, _, particle = verb.partition("+")
            cond = ";".join(t for t in (f"part={particle}" if particle else "",
                                        "" if tests == "-" else tests) if t) or "-"
            rows.append("\t".join([lemma, cols[1], cond, *cols[3:]]))
    return "\n".join(rows)


@lru_cache(maxsize=1)
def curated_lexicon() -> dict[tuple[str, str], list[Entry]]:
    """The packaged lexicon, loaded once per process (user files lie over it): the
    hand-written rows, then the families' rows where no hand-written row has the same
    lemma and tests (equal specificity keeps the hand-written row first)."""
    table = parse_lexicon((DATA_DIR / LEXICON_FILE).read_text(encoding="utf-8"))
    families = parse_lexicon(expand_families(
        (DATA_DIR / FAMILIES_FILE).read_text(encoding="utf-8")))
    for key, entries in families.items():
        entries[:] = [replace(e, firm=True) if e.event_type == "NONE" else e for e in entries]
        have = {e.tests for e in table.get(key, [])}
        added = [e for e in entries if e.tests not in have]
        if added:
            table[key] = sorted(table.get(key, []) + added, key=lambda e: -specificity(e))
    return table


def lexicon() -> dict[tuple[str, str], list[Entry]]:
    """The lexicon of the configuration being coded: the packaged one with its
    `Config.lexicon_files` over it (`resgestae.resources`)."""
    return current().lexicon


def _objects(token: Token) -> list[Token]:
    """Direct objects, including those of a passive subject and conjoined objects."""
    objs = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr")
            or named_predicate(c)]
    if not objs:
        objs = [c for c in token.children if adverb_read_object(token, c)]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        objs.append(token.head)
    return objs + [c for o in objs for c in o.conjuncts]


# A name the parser reads as an object predicate ("called [him] Putin") is the verb's
# direct object: "Macron called Putin", "the emir phoned Sisi".
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def named_predicate(token: Token) -> bool:
    return token.dep_ == "oprd" and token.ent_type_ in NAMED_LABELS


def adverb_read_object(verb: Token, child: Token) -> bool:
    """ "dropped sarin on the town": the parser reads a bare mass noun straight after an
    objectless verb as an adverb; it is the verb's object. A date ("attacked Monday")
    or a counted time ("fought all week") is no object."""
    return (child.i == verb.i + 1 and child.dep_ in ("advmod", "npadvmod")
            and child.tag_ == "NN" and not child.ent_type_ and verb.pos_ == "VERB")


def _prep_objects(token: Token) -> list[Token]:
    """Objects of the token's prepositions ("in Gaza", "against X"), including the "to"
    the parser labels a dative ("sent tanks to Ukraine") and the object of a compound
    preposition ("pulled out of the talks": "out" -> "of" -> "talks")."""
    preps = [c for c in token.children if c.dep_ in ("prep", "dative")]
    preps += [g for c in preps if not any(g.dep_ == "pobj" for g in c.children)
              for g in c.children if g.dep_ == "prep"]
    return [g for c in preps for g in c.children if g.dep_ == "pobj"]


def _test_prt(token: Token, values: frozenset[str]) -> bool:
    return any(c.dep_ == "prt" and c.lower_ in values for c in token.children)


def _test_part(token: Token, values: frozenset[str]) -> bool:
    """A family's particle ("held back", "rolled back"): a particle, or the adverb the
    parser often makes of one right after the verb. Only family rows use it; the
    hand-written rows keep `prt`, whose after= tests were tuned on the parser's reading."""
    return _test_prt(token, values) or any(
        c.dep_ == "advmod" and c.i == token.i + 1 and c.lower_ in values
        for c in token.children)


# Object heads that say little of themselves: the noun before them names the thing
# ("ended mediation efforts", "froze the aid programme", "halted the peace process").
GENERIC_HEADS = frozenset({"effort", "process", "programme", "program", "initiative",
                           "mission", "operation", "activity", "work", "project", "scheme",
                           "package", "deal", "arrangement", "plan", "channel", "track",
                           "rule",  # "emergency rule was declared"
                           "group"})  # "moved an aircraft carrier group": what moved


# Object heads that count the thing rather than name it ("sent thousands of troops",
# "expelled dozens of diplomats"): the noun after "of" is what the act is done to. A
# share of a whole counts it too ("moved some of its troops away", "withdrew most of its
# diplomats", "pulled part of its forces back").
QUANTITY_HEADS = frozenset({"thousand", "hundred", "dozen", "score", "million", "number",
                            "handful", "couple", "batch", "contingent", "billion",
                            "some", "part", "half", "most", "majority", "bulk", "rest",
                            "remainder", "portion", "several", "many", "all", "first",
                            "last", "group", "wave", "planeload", "shipload", "truckload",
                            "boatload", "consignment", "load", "shipment", "convoy"})
# Heads a noun after "of" names ("a state of emergency was declared", "a state of siege").
# "a new round of talks was held": the round is of talks.
OF_NAMED_HEADS = frozenset({"state", "round"})
# A sum names what it is in ("withheld $100 million in military aid").
MONEY_HEADS = frozenset({"million", "billion"})


def _object_lemmas(obj: Token) -> list[str]:
    """The object's lemma, and for a generic head its compound modifiers' lemmas, for a
    quantity or state head the counted noun's or the state's."""
    lemmas = [obj.lemma_.lower()] + _hyphened(obj)
    if lemmas[0] in GENERIC_HEADS:
        lemmas += [c.lemma_.lower() for c in obj.children if c.dep_ == "compound"]
    if lemmas[0] in QUANTITY_HEADS or lemmas[0] in OF_NAMED_HEADS:
        preps = ("of", "in") if lemmas[0] in MONEY_HEADS else ("of",)
        lemmas += [g.lemma_.lower() for c in obj.children if c.dep_ == "prep" and c.lower_ in preps
                   for g in c.children if g.dep_ == "pobj"]
    return lemmas


def _hyphened(token: Token) -> list[str]:
    """ "their sit-in", "a fact-finding mission": the tokenizer splits a hyphened word
    ("fact", "-", "finding"); the whole word is the lexicon's, by its last part's lemma
    or as written."""
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_:
        first = doc[i - 2].lower_
        return list(dict.fromkeys((f"{first}-{token.lemma_.lower()}", f"{first}-{token.lower_}")))
    return []


def _named(token: Token, values: frozenset[str]) -> bool:
    """The word's lemma, or its whole hyphened word (`_hyphened`), is one of `values`."""
    return token.lemma_.lower() in values or any(h in values for h in _hyphened(token))


def _test_obj(token: Token, values: frozenset[str]) -> bool:
    objs = _objects(token)
    if "*" in values:
        return bool(objs)
    return any(lemma in values for o in objs for lemma in _object_lemmas(o))


# Entity labels of a time: "on Saturday", "in March" say when, never with whom or what
# ("called Bashir on Saturday" is no "call on").
TIME_LABELS = frozenset({"DATE", "TIME"})


def _test_prep(token: Token, values: frozenset[str]) -> bool:
    return any(
        c.dep_ in ("prep", "dative", "agent") and c.lower_ in values and not _temporal(c)
        for c in token.children
    ) or any(_marked_infinitive(c, values) for c in _clause_scope(token))


def _clause_scope(token: Token) -> list[Token]:
    """Where a noun's "for X to do" clause may hang: on the noun, or (for an object noun,
    "renewed its call for NATO to deploy jets") on its verb after it."""
    scope = list(token.children)
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "obj"):
        scope += [c for c in token.head.children if c.i > token.i]
    return scope


def _marked_infinitive(child: Token, values: frozenset[str]) -> bool:
    """ "called for Kyiv to negotiate", "a call for the rebels to disarm": the parser hangs
    the "for" of a "for X to do" clause on its verb as a mark, where "called for talks"
    has a preposition; both are the same request (CAMEO 10 "demand")."""
    return child.dep_ in ("advcl", "acl", "ccomp", "xcomp") and any(
        m.dep_ == "mark" and m.lower_ in values and m.i < child.i for m in child.children
    ) and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)


def _temporal(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Saturday")."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in TIME_LABELS for g in objects)


def _test_comp(token: Token, values: frozenset[str]) -> bool:
    return any(
        c.dep_ in ("compound", "amod", "nmod", "npadvmod") and _named(c, values)
        for c in token.children
    ) or any(c.dep_ == "prep" and c.lower_ in values and not _temporal(c)
             for c in token.children)


def _test_after(token: Token, values: frozenset[str]) -> bool:
    """A word later in the verb's phrase ("died as a result of torture")."""
    return any(_named(t, values) for t in token.subtree if t.i > token.i)


def _test_adv(token: Token, values: frozenset[str]) -> bool:
    """ "stood firm", "brushed aside", "said no to", "gave Qatar ten days", "worked
    together", "set X free": a word the parser hangs on the verb as an adverb, adjective
    complement, predicate, particle or interjection (it reads them unevenly;
    `MANNER_DEPS`); matched on the word as written, not its lemma."""
    return any(c.dep_ in MANNER_DEPS and c.lower_ in values and not _dated(c)
               for c in token.children)


# Words that make "month" or "week" a date ("last month") rather than a span ("a month").
DEICTIC = frozenset({"last", "this", "next", "past", "previous", "every", "that", "same",
                     "coming", "following", "each", "early", "late", "recent"})


def _dated(word: Token) -> bool:
    """ "last month", "this week": when something happened, not how long it has ("gave
    Qatar ten days", CAMEO 139 ultimatum)."""
    return any(c.dep_ in ("det", "amod") and c.lower_ in DEICTIC for c in word.children)


# Children that say how or into what state the verb acts: "worked together", "jointly
# run", "set X free" (the parser hangs "free" as advmod, advcl or a predicate).
MANNER_DEPS = frozenset({"advmod", "npadvmod", "acomp", "oprd", "advcl", "prt", "intj", "dep"})


def _test_about(token: Token, values: frozenset[str]) -> bool:
    """ "warned that the economy would shrink", "warned of a recession": what the verb is
    about, the subject of a clause under it or the object of one of its prepositions."""
    subjects = [g for c in token.children if c.dep_ in ("ccomp", "xcomp", "advcl")
                for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    return any(w.lemma_.lower() in values for w in subjects + _prep_objects(token))


def _test_clausal(token: Token, values: frozenset[str]) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp") for c in token.children)


# Verbs whose present tense states what is so, not what is to be done: "insisted the
# islands belong to Japan" reports a belief even under a past-tense verb.
STATIVE = frozenset({"be", "have", "belong", "remain", "exist", "own", "know", "want",
                     "need", "contain", "mean", "deserve", "lack", "seem", "represent"})


def _test_mandate(token: Token, values: frozenset[str]) -> bool:
    """ "insisted that Bolivia respond", "insisted the army should withdraw", "wants
    Turkey to reopen": a "that" clause in the mandative subjunctive (a bare verb with its
    own subject), with "should/must", or an infinitive with its own subject says what
    someone is to do, not what is so ("insisted that the talks
    had failed")."""
    for c in token.children:
        if _misread_bare(c):
            return True
        subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if c.dep_ != "ccomp" or not subjects:
            continue
        auxes = [a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")]
        if any(a in ("should", "must") for a in auxes):
            return True  # "... X should withdraw"
        if "to" in auxes:  # "wants Turkey to reopen", not "wants the talks to succeed"
            party = subjects[0].ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or (
                subjects[0].lemma_.lower() in rules().agent_nouns)
            return party or curated_lookup(c) is not None
        if _bare(token, c, subjects[0]) and not auxes:
            return True
        if c.tag_ == "VBN" and auxes == ["be"]:  # "that the prisoners be freed"
            return True
    return False


def _misread_bare(clause: Token) -> bool:
    """ "insisted that the government resign", "that the bloc step in": the parser often
    reads a bare verb after a noun as a noun, its subject as that noun's compound. A
    "that" clause headed by a noun is no sentence: it is such a misread bare verb."""
    return clause.dep_ == "ccomp" and clause.pos_ == "NOUN" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
        c.dep_ == "compound" for c in clause.children)


def _bare(verb: Token, clause: Token, subject: Token) -> bool:
    """A bare verb: after a singular noun a "present" form is one ("that Hamas
    release"), and so is a plural one under a past-tense verb, which reported speech
    would have shifted back ("insisted that the troops withdraw", not "withdrew")."""
    if clause.tag_ == "VB":
        return True
    return clause.tag_ == "VBP" and (
        subject.tag_ in ("NN", "NNP")
        or (verb.tag_ == "VBD" and clause.lemma_.lower() not in STATIVE))


def _test_ocomp(token: Token, values: frozenset[str]) -> bool:
    """ "signed a ceasefire agreement", "sent firefighting aircraft": what kind of thing
    the object is."""
    return any(c.dep_ in ("compound", "amod") and (_named(c, values) or c.lower_ in values)
               for o in _objects(token) for c in o.children)


def _test_oent(token: Token, values: frozenset[str]) -> bool:
    return any(o.ent_type_ in values for o in _objects(token) if o.dep_ != "nsubjpass")


def _test_subj(token: Token, values: frozenset[str]) -> bool:
    """ "protesters torched cars", "police blocked the road": who does the act (the
    subject, or the "by" agent of a passive), by lemma or entity label; the same deed is a riot by a
    crowd and an attack or a restriction by a force (CAMEO 145 vs 18x, 144 vs 191)."""
    heads = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    if token.dep_ != "acl":  # "crimes committed by X" names a deed, not X doing it here
        heads += [g for c in token.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
    if not heads and token.dep_ == "conj":
        heads = [c for c in token.head.children if c.dep_ == "nsubj"]
    heads += [c for h in heads for c in h.conjuncts]
    # "Hundreds of miners blockaded ...": a count's people are who act
    heads += [g for h in heads if h.lemma_.lower() in QUANTITY_HEADS for c in h.children
              if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in values or h.lower_ in values or h.ent_type_ in values
               for h in heads)


def _test_cargo(token: Token, values: frozenset[str]) -> bool:
    """ "a plane carrying vaccines landed", "a convoy of trucks with food arrived": a word
    in the subject's phrase (what the arriving subject carries)."""
    heads = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.lemma_.lower() in values for h in heads for t in h.subtree)


def _test_pass(token: Token, values: frozenset[str]) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


# Auxiliaries of what is to come or could come: "would pay a heavy price", "will face
# live fire", "could be met with force" (a consequence held out to someone, CAMEO 130).
FUTURE_AUX = frozenset({"will", "would", "could", "shall", "'ll", "wo", "might", "may"})


def _test_modal(token: Token, values: frozenset[str]) -> bool:
    """The verb is said of the future or a condition: a will/would/could auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children)


# Accords an act is done under ("withdrew under the deal", "freed under the agreement"):
# the framework of the act, not what it is done to or leaves.
FRAMEWORKS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "arrangement",
                        "plan", "framework", "truce", "ceasefire", "term"})


def _test_pobj(token: Token, values: frozenset[str]) -> bool:
    return any(_named(g, values) for g in _prep_objects(token)
               if not (g.head.lower_ == "under" and g.lemma_.lower() in FRAMEWORKS))


def _test_pent(token: Token, values: frozenset[str]) -> bool:
    return any(g.ent_type_ in values for g in _prep_objects(token))


def _test_pent_of(token: Token, values: frozenset[str]) -> bool:
    """The preposition's object is a named entity, or a place noun a name owns or
    qualifies ("to Mozambique's Cabo Delgado province", "into the Gaza Strip")."""
    return any(f"{g.head.lower_}:{label}" in values for g in _prep_objects(token)
               for label in _entity_labels(g))


# Labels a place's owner or qualifier lends the place noun ("Mozambique's province"); an
# organisation's does not ("the Kalbajar district" read as an ORG is still a district).
PLACE_LABELS = frozenset({"GPE", "LOC"})


def _entity_labels(noun: Token) -> set[str]:
    labels = {noun.ent_type_}
    labels.update(c.ent_type_ for c in noun.children
                  if c.dep_ in ("poss", "compound") and c.ent_type_ in PLACE_LABELS)
    return labels


def _test_inf(token: Token, values: frozenset[str]) -> bool:
    """ "told the troops to leave": an infinitive of what someone is to do (not "told
    reporters that ...", a report)."""
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in token.children)


def _test_xcomp(token: Token, values: frozenset[str]) -> bool:
    """ "refused to say whether ...": the verb of the infinitive the verb governs (unlike
    `after`, not any word later in its phrase, which may be the attribution's "said")."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in values for c in token.children)


def _is_score(token: Token) -> bool:
    """ "3-1", "110-102": a number, a dash, a number (a game's result)."""
    doc = token.doc
    return (token.like_num and token.i + 2 < len(doc) and doc[token.i + 1].text in ("-", "\u2013")
            and doc[token.i + 2].like_num)


def _test_score(token: Token, values: frozenset[str]) -> bool:
    """ "beat Arsenal 3-1": a game's score in the sentence makes the verb a sports result."""
    return any(_is_score(t) for t in token.sent)


# The lexicon's context tests by key (lexicon.tsv `tests` column): each says whether
# the token's parse has the listed words or labels in that position.
TESTS: dict[str, Callable[[Token, frozenset[str]], bool]] = {
    "prt": _test_prt,
    "part": _test_part,
    "obj": _test_obj,
    "prep": _test_prep,
    "comp": _test_comp,
    "after": _test_after,
    "adv": _test_adv,
    "about": _test_about,
    "clausal": _test_clausal,
    "mandate": _test_mandate,
    "ocomp": _test_ocomp,
    "oent": _test_oent,
    "pass": _test_pass,
    "modal": _test_modal,
    "subj": _test_subj,
    "cargo": _test_cargo,
    "pobj": _test_pobj,
    "pent": _test_pent,
    "pent_of": _test_pent_of,
    "inf": _test_inf,
    "xcomp": _test_xcomp,
    "score": _test_score,
}


def _passes(token: Token, key: str, values: frozenset[str]) -> bool:
    """Whether the token passes the lexicon test `key` (an unknown key never passes)."""
    test = TESTS.get(key)
    return test is not None and test(token, values)


# The model's lemmatizer slips on a few past tenses ("staged" -> "stag").
LEMMA_FIXES = {"stag": "stage", "sworn": "swear", "wo": "will", "cordone": "cordon",
               "forgave": "forgive", "forgiven": "forgive"}
# ... and on words whose lemma is another word: "raped" -> "rap" (to criticise, ACCUSE),
# where CAMEO 1821 sexual assault was meant.
WORD_LEMMAS = {"raped": "rape", "rapes": "rape", "raping": "rape"}


def lemma_of(token: Token) -> str:
    """The lowercase lemma, with the model's known slips corrected."""
    lemma = token.lemma_.lower()
    return WORD_LEMMAS.get(token.lower_) or LEMMA_FIXES.get(lemma, lemma)


def active_verbs() -> VerbLexicon | None:
    """The verb dictionaries of the configuration being coded, if it has any
    (`resgestae.resources`: each session's stay its own)."""
    return current().verbs


def lookup(token: Token) -> Entry | None:
    """The entry typing `token`: the curated lexicon's, or the active verb dictionaries'."""
    verbs = current().verbs
    if verbs is not None:
        return verbs.lookup(token, curated_lookup)
    return curated_lookup(token)


def curated_lookup(token: Token) -> Entry | None:
    """The most specific lexicon entry whose tests pass for `token`, or None."""
    entry = _first_match(token)
    return None if entry is None or entry.event_type == "NONE" else entry


def _first_match(token: Token) -> Entry | None:
    """The most specific curated entry whose tests pass, NONE readings included (None
    for a word neither verb nor noun); memoised in the Doc (every clause stage asks
    again of the same tokens)."""
    pos = "V" if token.pos_ in VERB_POS else "N" if token.pos_ in NOUN_POS else None
    if pos is None:
        return None
    table = lexicon()
    memo = _memo(token.doc, table)
    if token.i not in memo:
        memo[token.i] = _match_entries(token, pos, table)
    return memo[token.i]


def _memo(doc: Doc, table: dict) -> dict[int, Entry | None]:
    """One lexicon's memo for one Doc (token.i -> entry), kept in the Doc so it goes with
    it and threads coding other Docs never share it (as verb_match's memos)."""
    key = ("resgestae.lexicon", id(table))
    memo = doc.user_data.get(key)
    if memo is None:
        memo = doc.user_data[key] = {}
    return memo


def _match_entries(token: Token, pos: str, table: dict) -> Entry | None:
    entries = table.get((lemma_of(token), pos))
    if not entries and pos == "N":
        entries = table.get((token.lower_, pos))
    for entry in entries or ():
        if all(_passes(token, key, values) for key, values in entry.tests):
            return entry
    return None


def _none_entry(token: Token) -> Entry | None:
    """The curated lexicon's first matching entry for the word when it is NONE."""
    entry = _first_match(token)
    return entry if entry is not None and entry.event_type == "NONE" else None


def accident(token: Token) -> bool:
    """The lexicon reads the verb as an accident (NONE, context "disasters": "the plane
    crashed"): no party's deliberate act (PLOVER_MANUAL.tex:933), nor are its results."""
    entry = _none_entry(token) if token.pos_ in VERB_POS else None
    return entry is not None and entry.context == "disasters"


def firm_none(token: Token) -> bool:
    """Whether the curated lexicon reads the word as NONE with a context that says what
    it is instead ("crashed": disasters; "intercepted a missile": military): an answer
    the verb dictionaries do not override, as are the family rows' NONE readings (each
    names one non-event: a figure of speech, a fixture, a remark to the press). A
    hand-written NONE row without a context only blocks the lexicon's own readings and
    the classifier."""
    entry = _none_entry(token)
    return entry is not None and (entry.context is not None or entry.firm)


def known_non_event(token: Token) -> bool:
    """The curated lexicon reads the verb as no event ("ease tensions", "denied the
    allegations"): nothing, not even the classifier, should type it."""
    return token.pos_ in VERB_POS and _none_entry(token) is not None
