"""Arguments: the noun phrases around an event word (subjects, by-agents, objects,
prepositional objects), their conjuncts, and whether a head could be an actor."""

from __future__ import annotations

from spacy.tokens import Span, Token

from resgestae.coding.actor_tables import actor_tables
from resgestae.coding.event_types import Entry, lemma_of, lookup, named_predicate
from resgestae.coding.rules import Rules, rules
from resgestae.plover import has_flag

SUBJECTS = ("nsubj", "csubj", "expl")


PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")














NP_LEFT = (
    "compound",
    "amod",
    "det",
    "poss",
    "nummod",
    "nmod",
    "flat",
    "quantmod",
    "npadvmod",
    "case",
    "punct",
)


def subject(token: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb (climbing xcomp/conj/acl), and whether it is passive.
    A raising verb's passive subject is the active subject of its complement
    ("Akar is expected to attend")."""
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                return [_relative(child)], False
            if child.dep_ in PASSIVE_SUBJECTS:
                return [_relative(child)], current is token or (
                    token.dep_ == "conj" and current is token.head
                )
        if current.dep_ in ("acl",) and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            if current.tag_ == "VBG" and noun.dep_ in ("dobj", "obj") and not _agentive(noun):
                # "adopted a motion extending the deployment": the adopter acts
                return subject(noun.head)[0], False
            return [noun], current.tag_ == "VBN"
        if (
            current.dep_ not in ("xcomp", "conj", "acomp", "advcl", "relcl")
            and not _progressive_slip(current)
        ) or current.head is current:
            break
        if current.dep_ == "relcl":
            return [current.head], current.tag_ == "VBN"
        current = current.head
    return [], False


def _progressive_slip(token: Token) -> bool:
    """ "Oman is mediating between Tehran and Washington": the parser may hang the
    participle of a progressive on "is" as its attribute; its subject is the copula's."""
    return token.dep_ == "attr" and token.tag_ == "VBG" and lemma_of(token.head) == "be"


def _agentive(token: Token) -> bool:
    """A noun that names someone who can act (a name, a group, an office)."""
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in rules().actor_labels
        or lemma_of(token) in rules().agent_nouns
    )


def _relative(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in rules().relative_pronouns and token.head.dep_ == "relcl":
        return token.head.head
    return token


def agents(token: Token) -> list[Token]:
    """Objects of a passive's "by" phrase; "killed by a United States airstrike": the
    country whose strike it was."""
    found = [g for c in token.children if c.dep_ == "agent" for g in c.children
             if g.dep_ == "pobj"]
    return [owner for g in found for owner in _wielders(g)]


def _wielders(token: Token) -> list[Token]:
    """Who is behind a weapon or an attack named as the agent, else the agent itself."""
    if _agentive(token) or lookup(token) is None and lemma_of(token) not in WEAPONS:
        return [token]
    owners = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")
              and (c.ent_type_ in ("NORP", "GPE", "ORG") or _country_word(c))]
    return owners or [token]


# nouns for the means of an attack, whose modifier names the attacker
WEAPONS = frozenset({"airstrike", "strike", "bomb", "missile", "drone", "rocket", "shell",
                     "bombing", "raid", "artillery", "gunfire", "fire", "jet", "warplane"})


def recipient_preps(entry: Entry | None, r: Rules) -> frozenset[str]:
    """Prepositions whose object is the recipient: the entry's own when it names them
    ("went to Libya with his staff": only "to"), else the general ones, plus "with"
    for joint acts ("talks with", "clashed with")."""
    if entry is None:
        return r.recipient_preps
    if entry.preps:
        return entry.preps
    preps = r.recipient_preps
    if entry.event_type == "ASSAULT":  # "hurled stones at police officers", "fired at X"
        preps = preps | {"at"}
    if has_flag(entry.event_type, "joint"):
        return preps | {"with", "between"}
    return preps


def recipient_objects(token: Token, preps: frozenset[str], r: Rules) -> list[Token]:
    """`objects`, except that a mover's direct object is its own ("withdrew its troops
    from Chad"): there only whom or where it moves them from."""
    lemma = lemma_of(token)
    if lemma in THROWERS:
        aimed = _aimed_at(token, r)
        if aimed:
            return aimed
    if lemma in r.movers:
        return objects(token, frozenset({"from"}), r)[len(_direct(token)) :]
    if lemma in SENDERS:
        # "Ghana sent 300 peacekeepers to South Sudan": the troops sent are the
        # sender's own, the party they go to is the recipient
        bound = objects(token, DESTINATION_PREPS, r)[len(_direct(token)) :]
        if any(is_actorish(t, r) for t in bound):
            return bound + [c for c in token.children if c.dep_ == "dative"]
    return objects(token, preps, r)


# Verbs of throwing or firing something at someone: what flies is never a party, whom
# it is aimed at ("at X") is the recipient
THROWERS = frozenset({"throw", "hurl", "lob", "fire", "toss", "launch", "sling", "chuck",
                      "aim", "rain", "fling", "pelt"})


def _aimed_at(token: Token, r: Rules) -> list[Token]:
    """Whom a thrower aims at: the objects of "at" on the verb or, where the parser hung
    "at X" on the thing thrown ("hurled bottles at police"), on that thing; "at police
    lines", "at army positions": the force whose lines they are."""
    holders = [token, *(c for c in token.children if c.dep_ in ("dobj", "obj"))]
    found: list[Token] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "at":
                found.extend(g for g in child.children if g.dep_ == "pobj")
    aimed = []
    for target in found:
        if not is_actorish(target, r):
            owner = next((c for c in target.lefts if c.dep_ in ("compound", "amod", "poss")
                          and is_actorish(c, r)), None)
            target = owner or target
        aimed.append(target)
    return aimed


# Verbs that move the actor's own people or things to someone, and the prepositions of
# where they go
SENDERS = frozenset({"send", "deploy", "dispatch", "ship", "airlift", "fly", "deliver",
                     "post", "station", "transfer", "rush", "move", "commit", "contribute"})
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})


def _direct(token: Token) -> list[Token]:
    return [c for c in token.children
            if (c.dep_ in ("dobj", "obj", "dative") and c.pos_ != "ADP") or named_predicate(c)]


def objects(token: Token, preps: frozenset[str], r: Rules) -> list[Token]:
    """Direct objects and objects of the given recipient prepositions."""
    found = _direct(token)
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def is_actorish(token: Token, r: Rules, as_subject: bool = False) -> bool:
    """Could this noun phrase head be an actor (a name, a group, an office, a pronoun)?
    Subjects get the benefit of the doubt; objects are more often things."""
    if token.ent_type_ in r.not_actor_labels or token.pos_ in ("NUM", "ADP", "VERB", "SCONJ"):
        return False
    if token.ent_type_ in r.actor_labels or token.pos_ == "PROPN":
        return True
    lemma = lemma_of(token)
    if lemma in r.agent_nouns or token.lower_ in r.person_pronouns:
        return True
    if lemma.endswith(("ist", "ian")):
        return True
    if lookup(token) is None and any(
        c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or _country_word(c))
        for c in token.lefts
    ):
        return True  # "Palestinian homes", "Israeli bulldozers"; not "Serbia's crackdown"
    return as_subject and token.pos_ == "NOUN" and lookup(token) is None


def _country_word(token: Token) -> bool:
    """ "Ugandan" when NER missed it: a country name or adjective of the actor tables."""
    ref = actor_tables().country(token.text) if token.is_title or token.is_upper else None
    return ref is not None and ref.kind in ("name", "adjective")


def of_rescue(token: Token) -> Token:
    """ "thousands of Kurds", "a group of refugees": the people are the "of" object."""
    if token.lower_ not in rules().quantity_heads and token.pos_ != "NUM":
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return token


def participants(tokens: list[Token], r: Rules, as_subject: bool = False) -> list[Token]:
    """Conjunct-expanded actor heads, quantities resolved to what they count."""
    # expand again: "scores of Sierra Leonean and Liberian refugees" counts both peoples
    rescued = expand([of_rescue(t) for t in expand(tokens)])
    return [t for t in rescued if is_actorish(t, r, as_subject)]


def expand(tokens: list[Token]) -> list[Token]:
    """Each head with its conjuncts ("Russia, Egypt and the UAE"), in order, once."""
    seen: dict[int, Token] = {}
    for token in tokens:
        for t in (token, *token.conjuncts, *_hidden_conjuncts(token)):
            seen.setdefault(t.i, t)
    return [seen[i] for i in sorted(seen)]


def _hidden_conjuncts(token: Token) -> list[Token]:
    """ "Fornost and the evil awful Gondor": words between the conjuncts make the parser
    hang the first name as a modifier of the last; a name with its own "and" child,
    left of a determiner or adjective of the head, is a conjunct all the same."""
    if token.pos_ != "PROPN":
        return []
    found: list[Token] = []
    for child in token.lefts:
        if (
            child.dep_ in ("nmod", "compound", "amod", "npadvmod")
            and child.pos_ in ("PROPN", "NOUN")
            and (child.is_title or child.is_upper)
            and any(g.dep_ == "cc" for g in child.children)
            and any(w.dep_ in ("det", "amod") for w in token.doc[child.i + 1 : token.i])
        ):
            found.append(child)
    return found


def place_qualifier(token: Token) -> bool:
    """ "Gunmen in Sidon, Lebanon", "in Katsina, Nigeria": a country name right after a
    place and its comma says where the place is; the parser may hang it as a subject or
    an apposition, but it is no party."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "," or token.ent_type_ not in rules().place_labels:
        return False
    before = doc[i - 2]
    if not _named_place(before):
        return False
    tables = actor_tables()
    ref, first = tables.country(token.text), tables.country(before.text)
    if ref is None or ref.kind != "name" or token.dep_ == "conj":
        return False
    if first is not None and first.kind == "name":
        return False  # "backed by Russia, Egypt and the UAE": a list of countries
    # the place before the comma hangs from a preposition: "in Sidon, Lebanon"
    return any(t.dep_ == "pobj" and t.head.pos_ == "ADP" for t in doc[before.left_edge.i : i - 1])


def _named_place(token: Token) -> bool:
    """A token of a place name ("Sidon"), or a kind of place its name qualifies ("Benue
    state", "Lower Shabelle region")."""
    from resgestae.coding.places import place_nouns

    if token.ent_type_ in rules().place_labels and token.ent_iob_ in ("B", "I"):
        return True
    return token.lemma_.lower() in place_nouns() and any(
        c.dep_ == "compound" and c.ent_type_ in rules().place_labels for c in token.lefts)


def np_span(token: Token) -> Span:
    """The noun phrase around a head: modifiers on the left, "of ..." on the right."""
    doc = token.doc
    left = token.i
    hidden = _hidden_conjuncts(token)
    for child in token.lefts:
        if child in hidden:
            left = token.i  # the phrase starts after the other conjunct
        elif child.dep_ in NP_LEFT:
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and child.lower_ == "of"
                                                  and not _charge(child)):
            right = max(right, child.right_edge.i + 1)
        elif child.dep_ == "appos" and child.left_edge.i == right:
            right = child.right_edge.i + 1  # "his counterpart Salahaddin Namroush"
    while left < token.i and doc[left].is_punct:
        left += 1
    return doc[left:right]


def _charge(prep: Token) -> bool:
    """ "accused the minister of misleading Parliament": an "of" + gerund is the charge,
    not part of whom the act is aimed at."""
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)
