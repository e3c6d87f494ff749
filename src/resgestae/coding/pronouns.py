"""Pronouns: the tokens a pronoun actor or recipient stands for (the reporting verb's
subject, an earlier named subject of the sentence, the previous sentence's person);
the knowledge base resolves the rest (`kb.resolve`)."""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.arguments import subject
from resgestae.coding.clauses import Clause
from resgestae.coding.rules import rules


def reporter_subject(clause: Clause, previous: list[Token]) -> list[Token]:
    """Who reported: the reporting verb's subject; "he"/"she" is the previous sentence's."""
    if clause.reporter is None:
        return []
    heads, _passive = subject(clause.reporter)
    if heads and heads[0].lower_ in ("he", "she"):
        return list(previous)
    return [t for h in heads for t in (h, *h.conjuncts) if t.pos_ != "PRON"]


def earlier_subject(clause: Clause) -> list[Token]:
    """A cheap antecedent for a pronoun: the first named subject earlier in the sentence."""
    for token in clause.head.sent:
        if token.i >= clause.anchor.i:
            break
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.pos_ != "PRON"
            and (token.pos_ == "PROPN" or token.ent_type_ in rules().actor_labels)
        ):
            return [token, *token.conjuncts]
    return []




def resolve_pronouns(tokens: list[Token], reporter: list[Token], third: list[Token]) -> list[Token]:
    """Replace pronouns by the reporting verb's subject ("Iraq said it would ..."), or a
    third-person pronoun by an earlier named subject of the sentence."""
    pronouns = rules().person_pronouns
    out: list[Token] = []
    for token in tokens:
        if token.pos_ == "PRON" and token.lower_ in pronouns:  # "US" is not "us"
            antecedent = third if token.lower_ in rules().third_person_pronouns else reporter
            if not antecedent and token.lower_ in rules().one_person_pronouns:
                antecedent = _previous_subject(token)
            out.extend(t for t in antecedent if t not in out)
        elif token not in out:
            out.append(token)
    return out




def _previous_subject(pronoun: Token) -> list[Token]:
    """ "Soleimani was head of the Quds Force. He was killed ...": a sentence-initial
    "he" or "she" is the one person the previous sentence is about (its main subject,
    named as a person); anything less clear leaves the pronoun unresolved."""
    sent = pronoun.sent
    if sent.start == 0 or pronoun.i - sent.start > 1:
        return []
    previous = pronoun.doc[sent.start - 1].sent
    for token in previous.root.children:
        if token.dep_ in ("nsubj", "nsubjpass"):
            person = token.ent_type_ == "PERSON" and not token.conjuncts
            return [token] if person else []
    return []
