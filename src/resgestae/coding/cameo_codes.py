"""CAMEO codes for the acts PLOVER folds together: appeals vs demands, comments.

PLOVER dropped CAMEO's roots 01 (make public statement) and 02 (appeal) (PLOVER
manual, "CAMEO to PLOVER translation"): an appeal is PLOVER REQUEST like a demand,
and an expression of sympathy or a considered option is coded by its type. An event
record also carries a CAMEO code, and CAMEO users (GDELT-style exports, QuadClass and
PentaClass counts) need CAMEO's own distinctions there. `refine(clause, coding)`
gives that code; the PLOVER type, mode and context stay as they are.

- REQUEST by an appeal verb ("urged", "called for", "asked", "appealed", "launched
  an appeal") is CAMEO 02, the same sub-code as the 10 code modality derived
  ("urged Washington to lift sanctions": 105 -> 025). CAMEO.2.0's verb dictionary
  codes these verbs 02x (blocks ASK [020] and APPEAL [020], CALL (FOR)/(ON) [020],
  the URGE patterns of DEMAND); "demand", "insist", "press", and obligations a
  speaker reports ("X says Y must withdraw") stay 10.
- An appeal for hostile measures against someone ("called for sanctions against
  Moscow") is pressure on the target, not an appeal to it: it stays 10.
- Comments on a state of affairs keep their CAMEO 01 sub-code: concern or
  pessimism (012), optimism (013), condolence or sympathy (018), as CAMEO.2.0's
  EXPRESS, VOICE, OFFER and EXTEND patterns code them; an act someone is only
  considering ("is considering sending aid") is 014, consider policy option.
- An attack its own authors claim ("the rebels claimed that they had attacked the
  base", "claimed to have killed") is 015, claim responsibility (CAMEO.2.0: CLAIM
  * ATTACK, * BOMBING, * KILLING [015]); a claim about another's attack is not.
"""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.clauses import Clause
from resgestae.coding.event_types import lemma_of, lookup
from resgestae.coding.modes import Coding

# Verbs and nouns of appeal (CAMEO 02): CAMEO.2.0 blocks ASK, APPEAL, CALL (FOR/ON/UPON)
# and the URGE/PUSH patterns of DEMAND; "seek" and "plea"/"petition" as in APPEAL.
APPEAL_WORDS = frozenset({
    "appeal", "ask", "beg", "call", "implore", "petition", "plea", "plead", "push",
    "request", "seek", "solicit", "urge",
})
# Requested acts that are pressure on the target: the request is a demand (CAMEO 10).
HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "THREATEN"})
# CAMEO 01 comments by the noun expressed ("expressed concern", "voiced optimism").
COMMENT_NOUNS = {
    "concern": "012", "pessimism": "012", "worry": "012", "alarm": "012",
    "optimism": "013", "hope": "013", "confidence": "013",
    "condolence": "018", "sympathy": "018", "sorrow": "018", "grief": "018",
}
COMMENT_VERBS = frozenset({"express", "voice", "offer", "extend", "convey", "send", "share"})
# Types a claim of responsibility is about (CAMEO.2.0 CLAIM patterns: attack, bombing...).
CLAIMED = frozenset({"ASSAULT"})
PRONOUNS = frozenset({"they", "we", "it", "he", "she", "i"})


def refine(clause: Clause, coding: Coding) -> str | None:
    """The CAMEO code for a coded clause: `coding.cameo`, or the 01/02 code CAMEO gives."""
    code = coding.cameo
    comment = _comment(clause.head)
    if comment is not None:
        return comment
    if coding.event_type in CLAIMED and _claimed_by_actor(clause):
        return "015"
    if code is None or not code.startswith("10") or coding.event_type != "REQUEST":
        return code
    return "02" + code[2:] if _appeal(clause, coding) else code


def _comment(head: Token) -> str | None:
    """The 01 code of "expressed concern/condolences" (the noun the verb expresses)."""
    if lemma_of(head) not in COMMENT_VERBS:
        return None
    for child in head.children:
        if child.dep_ in ("dobj", "obj") and lemma_of(child) in COMMENT_NOUNS:
            return COMMENT_NOUNS[lemma_of(child)]
    return None


def _claimed_by_actor(clause: Clause) -> bool:
    """Whether the act is reported by a "claim" of its own actor: "they claimed that they
    had attacked" (a pronoun actor), "the group claimed to have killed" (claim's subject)."""
    claim = clause.reporter if clause.reporter is not None else clause.anchor.head
    if lemma_of(claim) != "claim" or claim is clause.anchor:
        return False
    subjects = {c.i for c in claim.children if c.dep_ in ("nsubj", "nsubjpass")}
    return any(t.lower_ in PRONOUNS or t.i in subjects for t in clause.actors)


def _appeal(clause: Clause, coding: Coding) -> bool:
    """Whether a REQUEST is an appeal (CAMEO 02) rather than a demand (10)."""
    entry = clause.entry
    if coding.request_from_reporter or entry is None or entry.lemma not in APPEAL_WORDS:
        return False
    if clause.inner_entry is not None:
        return clause.inner_entry.event_type not in HOSTILE
    return not any(_hostile(t) for t in _requested(clause.head))


def _requested(head: Token) -> list[Token]:
    """What the trigger asks for: its objects and those of its "for"/"on" phrases."""
    found = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "on")):
        found.extend(c for c in prep.children if c.dep_ == "pobj")
    return [*found, *(t for f in found for t in f.conjuncts)]


def _hostile(token: Token) -> bool:
    entry = lookup(token)
    return entry is not None and entry.event_type in HOSTILE
