"""Type, mode, CAMEO code and contexts of a clause, after modality.

PLOVER codes intentions and refusals, not the acts they name: "will provide aid"
is AGREE, "plans to impose sanctions" is THREATEN, "will not accept refugees" is
REJECT, "X said Y must withdraw" is REQUEST. Threats stay THREATEN and asserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from resgestae.coding.clauses import Clause
from resgestae.coding.event_types import Entry
from resgestae.coding.factuality import Modality, be_to
from resgestae.coding.frames import is_infinitive
from resgestae.coding.roles import rallies_against
from resgestae.coding.rules import Rules, rules
from resgestae.plover import cameo_root, has_flag

# Verbs whose act is the commitment itself: the converted event is asserted.
COMMITMENT = frozenset({"vow", "pledge", "promise", "swear", "decide", "resolve", "offer"})
# Coercive acts a speaker can leave open ("did not rule out the use of force", "refused to
# rule out sanctions"): an implicit threat (CAMEO 130; PLOVER THREATEN "coercive or
# forceful warnings"), not a rejection.
OPEN_THREATS = frozenset({"force", "action", "strike", "airstrike", "attack", "sanction",
                          "intervention", "retaliation", "reprisal", "invasion", "offensive",
                          "escalation", "embargo", "boycott", "blockade", "war", "option",
                          "response", "measure", "operation", "tariff", "expulsion"})
# Verbs of debt relief (lexicon rows AID 071): agreed to by the creditor, they are done.
DEBT_RELIEF = frozenset({"forgive", "cancel", "write", "reschedule"})
# Uniformed personnel: their arrival on a peacekeeping mission is no diplomatic visit.
TROOPS = frozenset({"troop", "soldier", "peacekeeper", "force", "contingent", "battalion",
                    "unit", "officer", "police", "policeman", "personnel", "medic"})
# Purposes of a deployment that protect ("ready to deploy troops to protect civilians",
# "to help keep the peace"): offered, it is CAMEO 0334 "express intent to provide military
# protection or peacekeeping" (AGREE), no coercive warning (PLOVER THREATEN).
PROTECTIVE = frozenset({"protect", "guard", "safeguard", "shield", "escort", "peacekeep",
                        "stabilise", "stabilize"})
PEACE = frozenset({"peace", "ceasefire", "truce"})


@dataclass
class Coding:
    """The typed event of a clause."""

    event_type: str
    mode: str | None
    cameo: str | None
    factuality: str
    context: list[str] = field(default_factory=list)
    derived: bool = False  # type converted from the inner act by modality
    request_from_reporter: bool = False


def _derive(outer: str, inner: Entry | None, r: Rules) -> tuple[str | None, str | None]:
    """CAMEO code and mode for an outer type framing an inner act."""
    if inner is not None:
        code, mode = r.derived.get(outer, {}).get(inner.event_type, (None, None))
        if code:
            return code, mode
    return cameo_root(outer), None


def _opaque(clause: Clause, mod: Modality, r: Rules) -> Coding:
    """ "threatened to attack", "refused to meet", "urged X to support"."""
    entry = clause.entry
    inner = clause.inner_entry
    cameo, mode = entry.cameo, entry.mode
    if inner is not None and entry.event_type in r.derived:
        derived_cameo, derived_mode = _derive(entry.event_type, inner, r)
        cameo, mode = derived_cameo or cameo, derived_mode or mode
    factuality = (
        "asserted" if entry.event_type == "THREATEN" and not mod.negated else mod.factuality()
    )
    committed = _intends(clause, mod, r)
    outer = r.intent_to.get(entry.event_type, entry.event_type)
    turned = _opaque_refusal(clause, mod, committed, r)
    if turned is not None:
        return turned
    if _debt_relief_agreed(clause, mod):
        # "the Paris Club agreed to forgive $4 billion of Iraq's debt": the creditors'
        # agreement is the forgiveness, AID (PLOVER_MANUAL.tex:519), not a promise of it
        return Coding(inner.event_type, inner.mode, inner.cameo, mod.factuality())
    if entry.mode == "phone" and inner is not None and has_flag(inner.event_type, "verbal_act"):
        # "called Erdogan to apologize", "phoned Bashir to express support": the call is
        # how the verbal act was made; the act is what PLOVER codes (manual l.413 SUPPORT
        # "express support for"; l.618 ACCUSE "express disapprovals")
        return Coding(inner.event_type, inner.mode, inner.cameo, mod.factuality())
    if entry.event_type == "REQUEST" and rallies_against(clause):
        # "lobbied AU members to oppose the annexation", "urged the council to condemn
        # X": asking others to side against a party is CAMEO 113 "rally opposition
        # against", an ACCUSE (CAMEO2PLOVER-2021.txt: "113: ACCUSE, disapprove")
        return Coding("ACCUSE", "disapprove", "113", mod.factuality())
    if committed and not mod.negated and outer != entry.event_type:
        # "would allow the inspectors to return": an intention, coded as PLOVER does
        cameo, mode = _derive(outer, entry, r)
        return Coding(outer, mode, cameo, "future", derived=True)
    return Coding(entry.event_type, mode, cameo, factuality)


def _modal(clause: Clause, mod: Modality, r: Rules) -> Coding:
    """A typed act under modality: convert intentions, refusals and obligations."""
    entry = clause.entry
    base = entry.event_type
    if mod.obligation and clause.reporter is not None:
        cameo, mode = _derive("REQUEST", entry, r)
        return Coding("REQUEST", mode, cameo, "asserted", derived=True, request_from_reporter=True)
    committed = _committed(clause, mod, r)
    if committed and mod.ultimatum and not mod.negated and base != "THREATEN":
        cameo, mode = _derive("THREATEN", entry, r)
        return Coding("THREATEN", mode or "relations", cameo, "asserted", derived=True)
    if _conditional_coercion(clause, mod, r):
        # "could cut off gas supplies if Bishkek fails to pay": a threat (PLOVER THREATEN:
        # "coercive or forceful warnings"), asserted; the condition itself is no event
        cameo, mode = _derive("THREATEN", entry, r)
        return Coding("THREATEN", mode, cameo, "asserted", derived=True)
    if base == "AGREE" and mod.negated:
        return _refusal(entry, r)  # "did not agree to the plan": PLOVER REJECT
    if mod.negated and left_open(clause.head):
        return _open_threat()  # "did not rule out military action"
    table = r.negated_intent_to if mod.negated else r.intent_to
    if committed and base in table:
        return _intended(clause, mod, table[base], r)
    if mod.obligation:
        return Coding(base, entry.mode, entry.cameo, "hypothetical")
    return Coding(base, entry.mode, entry.cameo, mod.factuality())


def _committed(clause: Clause, mod: Modality, r: Rules) -> bool:
    """The actor commits itself to the act: an intention or a plain future ("will send"),
    a refusal stated as inability ("cannot accept more refugees": manual l.665 REJECT), or
    its own stated option of force or pressure (`_own_option`)."""
    if _intends(clause, mod, r):
        return True
    if mod.cannot and mod.negated and clause.entry.event_type in r.negated_intent_to:
        return True
    return _own_option(clause, mod, r)


def _intends(clause: Clause, mod: Modality, r: Rules) -> bool:
    """An intention, or a plain future that is not merely expected ("will send")."""
    return mod.intent or (mod.future and not _expected(clause, r))


def _opaque_refusal(clause: Clause, mod: Modality, committed: bool, r: Rules) -> Coding | None:
    """Refusals under an opaque head: "has not agreed to withdraw", "would not let aid
    groups distribute food", "cannot allow the inspectors in" (REJECT, as in `_modal`), and
    "refused to rule out sanctions", which leaves a threat open (THREATEN); None for
    anything else."""
    entry = clause.entry
    if entry.event_type == "AGREE" and mod.negated:
        return _refusal(clause.inner_entry or entry, r)  # "has not agreed to withdraw"
    if (committed or mod.cannot) and mod.negated and entry.event_type in r.negated_intent_to:
        return _intended(clause, mod, r.negated_intent_to[entry.event_type], r)
    if entry.event_type == "REJECT" and not mod.negated and left_open(clause.inner):
        return _open_threat()
    return None


def _debt_relief_agreed(clause: Clause, mod: Modality) -> bool:
    """ "agreed to forgive", "agreed to write off" a debt: PLOVER_MANUAL.tex:519 codes
    debt forgiveness agreed by creditors as AID itself, its own example being "The Paris
    Club has agreed to forgive ... loan obligations"."""
    inner = clause.inner_entry
    return (clause.entry is not None and clause.entry.lemma == "agree" and not mod.negated
            and inner is not None and inner.event_type == "AID" and inner.lemma in DEBT_RELIEF)


def _open_threat() -> Coding:
    """A coercive act left open is an implicit threat (CAMEO 130), asserted."""
    return Coding("THREATEN", None, "130", "asserted", derived=True)


def _intended(clause: Clause, mod: Modality, outer: str, r: Rules) -> Coding:
    """A committed act coded as the type its intention maps to (`intent_to` tables)."""
    entry = clause.entry
    if outer == entry.event_type:
        return Coding(outer, entry.mode, entry.cameo, mod.factuality())
    cameo, mode = _derive(outer, entry, r)
    lemmas = {g.lemma_.lower() for g in clause.governors}
    factuality = "asserted" if (lemmas & COMMITMENT or mod.negated) else "future"
    if mod.hypothetical and outer != "THREATEN":
        factuality = "hypothetical"
    return Coding(outer, mode, cameo, factuality, derived=True)


def _conditional_coercion(clause: Clause, mod: Modality, r: Rules) -> bool:
    """A coercive act that "may", "could" or "will" happen "if" or "unless" something
    else does: PLOVER THREATEN (manual, THREATEN: "coercive or forceful warnings")."""
    modal = mod.hypothetical or mod.future or mod.intent
    return (
        clause.entry is not None
        and has_flag(clause.entry.event_type, "threat_if_conditioned")
        and mod.conditioned
        and modal
        and not mod.negated
        and not _expected(clause, r)
    )


def _own_option(clause: Clause, mod: Modality, r: Rules) -> bool:
    """ "Kiev said it might downgrade relations": a speaker naming a coercive act it may
    take itself states a threat (PLOVER THREATEN: "coercive or forceful warnings"), as
    "said it would" does; what others "could" do ("analysts said Moscow could ...") is not."""
    if mod.negated or not (mod.hypothetical and clause.entry and clause.reporter is not None):
        return False
    if r.intent_to.get(clause.entry.event_type) != "THREATEN":
        return False
    subjects = [c for c in clause.anchor.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(c.lower_ in r.third_person_pronouns for c in subjects)


def left_open(verb: Token | None) -> bool:
    """ "rule out the use of force", "rule out military action": ruling out an act of force
    or pressure, which negated or refused leaves the threat of it open (`OPEN_THREATS`)."""
    if verb is None or verb.lemma_.lower() != "rule":
        return False
    outs = [c for c in verb.children if c.lower_ == "out"]  # particle, adverb or preposition
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [g for out in outs for g in out.children if g.dep_ == "pobj"]
    words = objects + [g for o in objects for p in o.children if p.dep_ == "prep"
                       for g in p.children if g.dep_ == "pobj"]  # "the use of force"
    return bool(outs) and any(w.lemma_.lower() in OPEN_THREATS for w in words)


def _refusal(inner: Entry, r: Rules) -> Coding:
    """A negated agreement is a rejection (PLOVER REJECT: "All rejections and refusals"),
    asserted: the refusal happened. The mode and code come from what was not agreed to."""
    cameo, mode = _derive("REJECT", inner if inner.event_type != "AGREE" else None, r)
    return Coding("REJECT", mode, cameo, "asserted", derived=True)


def _self_obligation(clause: Clause) -> bool:
    """ "We must always ...": the speaker's own duty is a statement, not a request."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in clause.anchor.children
    )


def _expected(clause: Clause, r: Rules) -> bool:
    """Framed by an outside expectation ("is expected to", "is set to"), not a commitment."""
    return any(g.lemma_.lower() in r.future for g in clause.governors) or be_to(clause.anchor)


def code_clause(clause: Clause, mod: Modality) -> Coding | None:
    """The PLOVER coding of a lexicon-typed clause (None when untyped)."""
    r = rules()
    if clause.entry is None:
        if (
            mod.obligation
            and clause.reporter is not None
            and not clause.nominal
            and not _self_obligation(clause)
        ):
            return Coding(
                "REQUEST",
                None,
                cameo_root("REQUEST"),
                "asserted",
                contexts(clause, r),
                derived=True,
                request_from_reporter=True,
            )
        return None
    coding = _opaque(clause, mod, r) if clause.inner is not None else _modal(clause, mod, r)
    if coding.event_type == "CONSULT" and coding.mode is None and clause.multilateral:
        coding.mode = "multilateral"
    coding.context = contexts(clause, r)
    if _peacekeeping(clause, coding):
        # CAMEO2PLOVER-2021.txt:67 "074: AID, peacekeeping # Provide military protection or
        # peacekeeping"; PLOVER MOBILIZE is a show of force, CONSULT a diplomatic visit
        coding.event_type, coding.mode, coding.cameo = "AID", None, "074"
    elif _protection_offered(clause, coding):
        # CAMEO2PLOVER-2021.txt:18 "0334: AGREE ... # Express intent to provide military
        # protection or peacekeeping"
        coding.event_type, coding.mode, coding.cameo = "AGREE", None, "0334"
    return coding


def _protection_offered(clause: Clause, coding: Coding) -> bool:
    """A deployment the actor intends whose purpose protects or keeps the peace ("is
    prepared to deploy troops to protect civilians"), or that goes to a peacekeeping
    mission: an offer of protection, not a threat of force."""
    if not (coding.derived and coding.event_type == "THREATEN"
            and clause.entry is not None and clause.entry.event_type == "MOBILIZE"):
        return False
    return "peacekeeping" in coding.context or _protective(clause.head)


def _protective(verb: Token) -> bool:
    """Whether a purpose clause of the verb ("to protect X", "to help keep the peace")
    protects: its verb, or a verb it governs, protects or keeps a peace."""
    purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)]
    for purpose in purposes:
        chain = [purpose, *(c for c in purpose.children if c.dep_ == "xcomp")]
        for v in chain:
            objects = {c.lemma_.lower() for c in v.children if c.dep_ in ("dobj", "obj")}
            if v.lemma_.lower() in PROTECTIVE or objects & PEACE:
                return True
    return False


def _peacekeeping(clause: Clause, coding: Coding) -> bool:
    """Troops deployed, or arriving, on a peacekeeping mission (the sentence has the
    peacekeeping context): "deployed 200 soldiers to the UN peacekeeping mission"."""
    if "peacekeeping" not in coding.context:
        return False
    if coding.event_type == "MOBILIZE":
        return True
    visit = coding.event_type == "CONSULT" and coding.mode == "visit"
    return visit and any(t.lemma_.lower() in TROOPS for t in clause.actors)


def contexts(clause: Clause, r: Rules, limit: int = 3) -> list[str]:
    """The entry's context first, then contexts whose keywords occur in the sentence."""
    found: list[str] = []
    for entry in (clause.entry, clause.inner_entry):
        if entry is not None and entry.context:
            found.extend(c.strip() for c in entry.context.split(";"))
    found.extend(clause.keywords)
    return list(dict.fromkeys(found))[:limit]
