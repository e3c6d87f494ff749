"""Factuality: did the event happen (asserted), not happen (negated), is it
planned or expected (future), or only possible (hypothetical)?

Read from the trigger and the verbs that frame it: negation, modal auxiliaries,
intention and expectation verbs ("plans to", "is expected to"), and "if/unless".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from resgestae.coding.background import party_condition
from resgestae.coding.clauses import Clause
from resgestae.coding.frames import is_infinitive
from resgestae.coding.rules import Rules, rules

# "can" as written before a negation ("cannot", "can not", "can't" -> "ca" + "n't").
CAN = frozenset({"can", "ca", "cannot"})


@dataclass(frozen=True)
class Modality:
    """What the words around a trigger say about its reality."""

    negated: bool = False
    future: bool = False  # "will", "would", "expected to", "set to"
    intent: bool = False  # the actor's own plan or commitment ("plans to", "vowed to")
    hypothetical: bool = False
    obligation: bool = False  # "must", "should"
    ultimatum: bool = False  # "... unless X does Y": a conditional demand backed by a threat
    conditioned: bool = False  # the act hangs on what another party does ("if X fails to pay")
    cannot: bool = False  # "cannot accept", "can't allow": a refusal stated as inability

    def factuality(self) -> str:
        """The PLOVER-style factuality label."""
        if self.negated:
            return "negated"
        if self.hypothetical:
            return "hypothetical"
        if self.future or self.intent:
            return "future"
        return "asserted"


def _aux(token: Token) -> list[Token]:
    """Auxiliaries of a verb; a conjunct without its own borrows the first conjunct's."""
    own = [c for c in token.children if c.dep_ in ("aux", "auxpass", "neg")]
    if (
        not any(c.dep_ == "aux" for c in own)
        and token.dep_ == "conj"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    ):
        own += [c for c in token.head.children if c.dep_ == "aux"]
    return own


def be_to(token: Token) -> bool:
    """ "May is to step down": the copula with an infinitive announces a plan."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def _conditional(token: Token, r: Rules) -> bool:
    """The clause is a condition ("if X attacks") or has one attached."""
    if token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in r.conditional_marks for c in token.children
    ):
        return True
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in r.conditional_marks for m in c.children)
        for c in token.children
    )


def modality(clause: Clause) -> Modality:
    """The modality of a clause's event, from its trigger and framing verbs."""
    r = rules()
    words, lemmas = _frame_words(clause, r)
    future = any(w in r.modal_future for w in words)
    undoubted = _undoubted(words, lemmas, r)
    return Modality(
        negated=undoubted is None and _negated(clause, words, lemmas, r)
        or undoubted is False,
        future=future or bool(lemmas & r.future) or be_to(clause.anchor),
        intent=bool(lemmas & (r.intent | r.unwilling)) or (bool(undoubted) and future),
        hypothetical=any(w in r.modal_hypothetical for w in words)
        or _conditional(clause.anchor, r),
        obligation=any(w in r.modal_obligation for w in words),
        ultimatum=_ultimatum(clause.anchor),
        conditioned=party_condition(clause.inner or clause.anchor, r)
        or party_condition(clause.anchor, r),
        cannot=any(w in CAN for w in words) and any(w in r.negations for w in words),
    )


def predicted_by_another(clause: Clause, mod: Modality) -> bool:
    """Whether the act is only guessed at by someone else: "analysts expect the two
    leaders to meet", "few observers believe the two Koreas will resume dialogue",
    "economists predict that Beijing will ease its curbs". The guess is a speculation
    verb (`speculation` in coding_rules.yaml) with a subject of its own, over a clause
    whose doer is another, named (not a pronoun, which may be the guesser: "Iran
    believes it will win"), and whose act is not yet done (a modal, an infinitive, a
    future frame). PLOVER codes acts and an actor's own statements of intent
    (PLOVER_MANUAL.tex, AGREE: "express intent"); a third party's forecast is neither.
    "Iran is expected to sign" (no guesser named) keeps its future coding. Found in
    stop 24 on written.tsv's non-event clauses (tune half)."""
    r = rules()
    top = _complement_top(clause)
    head = top.head
    if top.dep_ not in ("ccomp", "xcomp") or head.lemma_.lower() not in r.speculation:
        return False
    if not any(c.dep_ == "nsubj" for c in head.children):
        return False  # "is expected to": no one else guesses
    if not _named_other_doer(top, head):
        return False  # "Iran expects to sign", "believes it will win": its own plan
    aux = {a.lower_ for t in (top, clause.anchor) for a in _aux(t)}
    pending = bool(aux & (r.modal_future | r.modal_hypothetical)) or is_infinitive(top)
    return pending or mod.future or mod.hypothetical


def _complement_top(clause: Clause) -> Token:
    """The top of the clause's frame, climbed through conjuncts: the verb a guessing
    verb would take as its complement."""
    top = clause.governors[-1] if clause.governors else clause.anchor
    while top.dep_ == "conj" and top.head is not top:
        top = top.head
    return top


def _named_other_doer(top: Token, head: Token) -> bool:
    """The complement has a doer of its own, not a pronoun: its subject, or the guessing
    verb's object ("expect the two leaders to meet")."""
    doers = [c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")]
    doers = doers or [c for c in head.children if c.dep_ in ("dobj", "obj")]
    return bool(doers) and not any(d.pos_ == "PRON" for d in doers)


def _frame_words(clause: Clause, r: Rules) -> tuple[list[str], set[str]]:
    """The auxiliaries of the trigger and its framing verbs (lowercase), and the framing
    verbs' lemmas."""
    frame = [clause.anchor, *clause.governors]
    # "should be prepared to send": the copula's modal frames what the adjective governs
    frame += [t.head for t in frame if t.dep_ in ("acomp", "xcomp") and t.head.lemma_ == "be"]
    words = [a.lower_ for t in frame for a in _aux(t)]
    lemmas = {t.lemma_.lower() for t in clause.governors}
    anchor = clause.anchor.lemma_.lower()
    if clause.anchor is not clause.head and anchor not in r.support_prep | r.promise:
        # "is planning an offensive": the light verb frames it; not "went on", and not
        # "pledged support", where the pledge is the act
        lemmas.add(anchor)
    return words, lemmas


def _undoubted(words: list[str], lemmas: set[str], r: Rules) -> bool | None:
    """ "will not hesitate to strike": the negated hesitation states the act (True:
    intended with a modal of the future, reported without one); "hesitated to criticise"
    did not do it (False); None without a hesitation."""
    if not lemmas & r.hesitant:
        return None
    return any(w in r.negations for w in words)


def _negated(clause: Clause, words: list[str], lemmas: set[str], r: Rules) -> bool:
    """A negation among the auxiliaries, "failed to", "no" on the event word, or (with
    no complement to carry it) "not" on the event word."""
    negated = (
        any(w in r.negations for w in words)
        or "fail" in lemmas
        or bool(lemmas & r.unwilling)  # "unwilling to lift": a refusal
        or any(c.dep_ == "det" and c.lower_ == "no" for c in clause.head.children)
    )
    if clause.inner is None:
        negated = negated or any(c.dep_ == "neg" for c in clause.head.children)
    return negated


def _ultimatum(anchor: Token) -> bool:
    """ "... unless X withdraws": a condition that makes the act a threat."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children)
        for c in anchor.children
    )
