"""Imputed acts: an event named as what a subject answers for.

"Al-Shabaab claimed responsibility for the bombing", "the cartel is responsible for
mass killings", "both sides were guilty of violating the truce", "militants were
behind the attack": the event noun (or the gerund) has no agent of its own, and the
subject of the claim, the copula or "behind" is who did it. PLOVER codes the act
with that actor (manual, ASSAULT: the actor is who carries the attack out; a claim
of responsibility names them). Being blamed for an act ("was blamed for the attack")
is another party's accusation, not this: only the subject's own claim or a stated
responsibility counts. Joining another in an act ("Germany joined France in condemning
the coup") makes the joiner its actor too.
"""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.arguments import subject

# Nouns of answering for an act, and the verbs that take them: "claimed responsibility
# for", "accepted responsibility for", "took credit for".
RESPONSIBILITY = frozenset({"responsibility", "credit"})
OWNING_VERBS = frozenset({"claim", "accept", "admit", "take", "bear", "acknowledge",
                          "assume"})
# Adjectives that state who did an act: "responsible for", "guilty of", "culpable for".
RESPONSIBLE = frozenset({"responsible", "guilty", "culpable"})
# Copulas: "was behind the attack".
COPULAS = frozenset({"be", "remain"})


def imputed_agents(token: Token) -> list[Token]:
    """Who a noun or gerund event is imputed to, or [] (see the module docstring)."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep":
        return []
    holder = prep.head
    word = prep.lower_
    if word == "behind" and holder.lemma_.lower() in COPULAS:
        return subject(holder)[0]
    if word == "in" and token.dep_ == "pcomp" and holder.lemma_.lower() == "join":
        return subject(holder)[0]  # "Germany joined France in condemning the coup"
    if word in ("for", "of") and holder.lemma_.lower() in RESPONSIBLE:
        return _copula_subject(holder)
    if word == "for" and holder.lemma_.lower() in RESPONSIBILITY and holder.dep_ in (
        "dobj", "obj"
    ):
        verb = holder.head
        if verb.lemma_.lower() in OWNING_VERBS:
            return subject(verb)[0]
    return []


def _copula_subject(adjective: Token) -> list[Token]:
    """The subject a copula's adjective is said of ("X is responsible for"); "was held
    responsible" is another party's judgement, not this."""
    head = adjective.head
    if adjective.dep_ == "acomp" and head.lemma_.lower() in COPULAS:
        return subject(head)[0]
    return []
