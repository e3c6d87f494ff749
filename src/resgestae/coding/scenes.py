"""Scenes: whether a place mention in a trigger's sentence is in another scene than the
trigger's, so never its place (`places.attachment_cost` asks `elsewhere`).

Read on the tune half of the event-location dev gold: a place after a preposition or a
subordinator of another time ("captured four men after a rocket attack near X", "killed
23 fighters before the rest withdrew from X"), in a supposition ("even if he is not in
X"), in another act's clause with a subject of its own ("a grenade that killed a soldier
in X"), another verb's subject or object ("since bombers hit X", "to win the X Open"), the
phrase of whoever reports the act ("police in X said", "according to a station in X"),
or where another verb took someone ("... and flown to X"). The same scene: "when/as/while"
clauses, coordinated verbs, "shortly after", relative clauses on an event noun that frames
the trigger ("killed during clashes that broke out in X") or saying where a party was
("gunmen who were hiding near X").

Written as sentences of their own in tests/test_where_false_places.py (issue 11): an
origin said of a party ("troops from X"), a person's home or a post's place ("a Basra
resident", "the governor of X province", "Ahmed Saleh of X"), a purpose, target or
comparison ("bound for X", "like those used in X"), another event named by a noun
("the anniversary of the massacre in X"), a superlative's range ("the heaviest toll in X"),
a participle or a present-tense clause on what a party is ("a man wanted in X", "the
group, which controls much of X"), the reporter's phrases after "said" ("told reporters
in X"), and a trigger in a clause of another time ("having captured X, ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from resgestae.coding.rules import rules

DOER_DEPS = ("nsubj", "agent", "csubj", "expl")
ARG_DEPS = (*DOER_DEPS, "nsubjpass", "dobj", "attr", "dative")
NOUN_MODIFIERS = ("compound", "poss", "amod", "nmod", "appos", "conj")


def elsewhere(trigger: Token, common: Token, path: list[Token]) -> bool:
    """Whether the mention whose path up to `common` (the trigger's and the mention's
    nearest shared head; `path` runs from the mention's root to just below it) is in
    another scene than the trigger's."""
    if _trigger_at_other_time(trigger, common):
        return True
    return (_reporters_phrase(common, trigger, path) or _moved_to(path, common, trigger)
            or _attribution(path) or _other_scene(path, trigger)
            or _other_verbs_argument(path, trigger) or _subjects_origin(trigger, common, path)
            or _origin(path, trigger) or _persons_place(path, trigger) or _not_where(path, trigger)
            or _other_event(path, trigger) or _scope(path) or _status(path, trigger)
            or _standing(path, trigger))


def _nearest_prep(path: list[Token]) -> Token | None:
    """The preposition whose object the mention is ("from X", "from X province", "from the
    city of X", "from X and Y"); None when the mention only modifies that object ("from
    X's army")."""
    for token in path:
        if token.dep_ in ("prep", "agent"):  # "agent": the "by" of a passive
            if not (token.lower_ == "of" and _place_noun(token.head)):
                return token
        elif token.dep_ not in ("pobj", "compound", "conj", "cc"):
            return None
    return None


def _place_noun(token: Token) -> bool:
    """A noun for a kind of place ("city", "province": data/place_nouns.txt)."""
    from resgestae.coding.places import place_nouns

    return token.lemma_.lower() in place_nouns()


def _origin(path: list[Token], trigger: Token) -> bool:
    """Whether the mention is where someone or something came from, said of a party
    rather than of the act ("troops from Chad killed", "a man who had returned from X",
    "aid from Jordan"): an origin, not the scene. "Fled from X", with the trigger's own
    "from", still places the act."""
    prep = _nearest_prep(path)
    return prep is not None and prep.lower_ == "from" and prep.head.i != trigger.i


# People a subject phrase may place: "ISIS fighters from Raqqa were killed", "the head
# of the forces in X was killed": where they are from or serve, not where the act was
PEOPLE = frozenset({"fighter", "militant", "soldier", "man", "woman", "people", "leader",
                    "commander", "head", "member", "official", "chief"})


def _subjects_origin(trigger: Token, common: Token, path: list[Token]) -> bool:
    """Whether the mention describes the people who are the trigger's subject (their
    origin, group or post), not the place of the act ("Grozny's streets are patrolled"
    and "the Gulf of Aden is patrolled" still place it)."""
    if common.i != trigger.i or not path or path[-1].dep_ not in ("nsubj", "nsubjpass"):
        return False
    if any(t.dep_ == "relcl" for t in path):
        return False  # "militants who tried to slip into X were killed": where they were
    return any((t.pos_ in ("NOUN", "PROPN") and t.ent_type_ in ("PERSON", "NORP", "ORG"))
               or t.lemma_.lower() in PEOPLE for t in path[1:])


# Words that put what follows at another time, or in a supposition or a cause: a place
# there is another act's ("killed 23 fighters before the rest withdrew from Sawana").
OTHER_TIME = frozenset({"after", "before", "since", "until", "till", "following", "if",
                        "unless", "although", "though", "because", "once", "whereas"})
# "killed when their convoy hit a bomb near Habbaniya": the same scene, its place counts
SAME_SCENE = frozenset({"when", "as", "while", "where", "whereupon"})
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def _other_scene(path: list[Token], trigger: Token) -> bool:
    """Whether the mention sits in another scene than the trigger's: after a preposition
    or a subordinator of another time ("after a rocket attack near X", "even if he is not
    in X"; not "shortly after"), or in another act's clause with a subject of its own ("a
    grenade that killed a soldier in X"). The same scene: "when ..." clauses, coordinated
    verbs ("killed and four were wounded in X"), relative clauses on event nouns ("the
    clashes that broke out in X") or saying where a party was ("gunmen who were hiding
    near X")."""
    from resgestae.coding.event_types import lookup

    for token in path[1:]:
        if token.dep_ == "prep" and token.lower_ in OTHER_TIME and not _soon(token):
            return True
        if token.pos_ not in ("VERB", "AUX") or token.i == trigger.i or token.dep_ == "conj":
            continue
        marks = [c for c in token.children if c.dep_ in ("mark", "advmod")]
        if any(m.lower_ in OTHER_TIME and not _soon(m) for m in marks) or _having(token):
            return True
        if any(m.lower_ in SAME_SCENE for m in marks) or _event_relative(token):
            continue
        if any(c.dep_ in CLAUSE_SUBJECTS for c in token.children) and lookup(token) is not None:
            return True
    return False


def _trigger_at_other_time(trigger: Token, common: Token) -> bool:
    """Whether the trigger sits in a clause of another time than the mention's ("since
    militants captured the town, thousands have fled to X"): the reverse of `_other_scene`."""
    token = trigger
    while token.i != common.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in OTHER_TIME and not _soon(token):
            return True
        if token.pos_ in ("VERB", "AUX") and (_having(token) or any(
                c.dep_ in ("mark", "advmod") and c.lower_ in OTHER_TIME and not _soon(c)
                for c in token.children)):
            return True
        token = token.head
    return False


def _having(verb: Token) -> bool:
    """ "Having captured X, they ...": a perfect participle clause tells what came before."""
    return verb.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)


REPORTER_ARGS = ("nsubj", "agent", "dobj", "dative", "npadvmod")


def _reporters_phrase(common: Token, trigger: Token, path: list[Token]) -> bool:
    """Whether the mention is in the phrase of whoever reports the trigger ("police in
    Basra said", "told reporters in Geneva"): where the news comes from."""
    if common.i == trigger.i or not path or common.lemma_.lower() not in rules().reporting:
        return False
    # "..., police told reporters in X", "..., the group said in a statement issued in X":
    # after the reporting verb, its phrases are the report's; a place fronted before it
    # ("In X, police said ...") may still set the scene
    return path[-1].dep_ in REPORTER_ARGS or path[0].i > common.i


def _moved_to(path: list[Token], common: Token, trigger: Token) -> bool:
    """Whether the mention is where another verb took someone afterwards ("captured and
    flown to X", "killed ... before being taken to X"): a destination, not the scene."""
    prep = next((t for t in path[1:] if t.dep_ == "prep"), None)
    if prep is None or prep.lower_ not in ("to", "into", "toward", "towards"):
        return False
    return any(t.pos_ == "VERB" and t.i != trigger.i for t in [*path[1:], common])


def _attribution(path: list[Token]) -> bool:
    """Whether the mention is inside "according to ...", which names a source."""
    return any(t.lower_ == "to" and t.head.lower_ == "according" for t in path[1:]) or any(
        t.lower_ == "according" for t in path[1:])


SOON = frozenset({"shortly", "just", "immediately", "moments", "minutes", "soon", "right"})


def _soon(word: Token) -> bool:
    """ "shortly after ...", "minutes before ...": near enough in time to be the scene."""
    return any(c.lower_ in SOON for c in word.children) or (
        word.i > 0 and word.doc[word.i - 1].lower_ in SOON)


def _event_relative(verb: Token) -> bool:
    """A relative clause on an event noun that frames the trigger ("killed during the
    clashes that broke out in X") says where that event, the trigger's, was."""
    from resgestae.coding.event_types import lookup

    head = verb.head
    return verb.dep_ == "relcl" and head.pos_ == "NOUN" and head.dep_ == "pobj" \
        and lookup(head) is not None


def _other_verbs_argument(path: list[Token], trigger: Token) -> bool:
    """Whether the mention (or the noun it modifies) is the subject or object of a
    verb other than the trigger."""
    for token in path:
        if token.dep_ in NOUN_MODIFIERS:
            continue
        head = token.head
        return token.dep_ in ARG_DEPS and head.pos_ in ("VERB", "AUX") and head.i != trigger.i
    return False


# The object of these is what an act is for or against, never where it is ("weapons
# bound for X", "a protest against X"); what follows these is a comparison ("tactics
# like those used in X", "more than in X").
PURPOSE = frozenset({"for", "against", "versus", "vs", "vs.", "about", "regarding",
                     "concerning"})  # and the topic: "a book about X"
COMPARISON = frozenset({"like", "unlike", "than"})


def _not_where(path: list[Token], trigger: Token) -> bool:
    """Whether the mention is a purpose, a target named by a preposition, a comparison,
    or a country the act was outside of ("the first such attack outside X"; outside a
    town is near it)."""
    prep = _nearest_prep(path)
    if prep is not None and prep.lower_ == "outside" and _country(path[0]):
        return True
    if prep is not None and prep.lower_ == "by" and prep.head.pos_ == "VERB" \
            and prep.head.i != trigger.i:
        return True  # "a militia funded by X": the agent of another verb is a party
    return (prep is not None and prep.lower_ in PURPOSE) or any(
        t.dep_ == "prep" and (t.lower_ in COMPARISON or _meant_for(t, trigger))
        for t in path[1:])


def _meant_for(prep: Token, trigger: Token) -> bool:
    """ "weapons destined for fighters in X": what a thing is for, said of the thing (not
    of the act, nor of a fight: "the battle for X" is fought there)."""
    from resgestae.coding.event_types import lookup

    head = prep.head
    return prep.lower_ == "for" and head.i != trigger.i and not (
        head.pos_ == "NOUN" and lookup(head) is not None)


def _scope(path: list[Token]) -> bool:
    """Whether the mention is the range of a superlative ("the heaviest toll in X this
    year", "the worst attack in X since 2015"): the set compared over, not a scene."""
    prep = _nearest_prep(path)
    if prep is None or prep.head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    noun = prep.head
    return noun.tag_ == "JJS" or any(
        c.tag_ == "JJS" or (c.tag_ == "RBS" and c.lower_ == "most")
        or any(g.tag_ == "RBS" for g in c.children) for c in noun.children)


# Participles that say what a person or a thing is, wherever the act was: "a man wanted
# in X", "a militant born in X", "a company registered in X", "a cleric exiled in X"
STATUS = frozenset({"born", "raise", "want", "base", "headquarter", "register", "educate",
                    "train", "convict", "sentence", "exile", "bury", "elect", "indict", "list",
                    "bear"})


def _status(path: list[Token], trigger: Token) -> bool:
    """Whether the mention is in a participle describing a party's status ("a man wanted
    in Belgium", "a militant trained in Pakistan"), not in the act."""
    return any(t.dep_ == "acl" and t.i != trigger.i and t.tag_ == "VBN"
               and (t.lemma_.lower() in STATUS or t.lower_ in STATUS) for t in path[1:])


PAST = ("VBD", "VBN")
PRESENT = ("VBZ", "VBP")


def _standing(path: list[Token], trigger: Token) -> bool:
    """Whether the mention is in a relative clause in the present tense describing a
    party of a past act ("militants of the group, which controls much of X, were
    killed"): where the party stands, not where the act was."""
    if trigger.tag_ not in PAST:
        return False
    for token in path[1:]:
        if token.i == trigger.i:
            return False
        if token.dep_ in ("relcl", "acl") and token.pos_ in ("VERB", "AUX"):
            auxes = [c.tag_ for c in token.children if c.dep_ in ("aux", "auxpass")]
            if any(t in PRESENT for t in [token.tag_, *auxes]):
                return True
    return False


# Happenings the lexicon does not type as events but that have places of their own
HAPPENINGS = frozenset({"war", "conflict", "violence", "crisis", "unrest", "uprising",
                        "insurgency", "revolution", "election", "genocide", "disaster"})
# Prepositions that put an event noun beside the trigger without making it the trigger's
# frame: "the anniversary of the massacre in X", "a protest against the war in X",
# "anger over the killings in X", "in retaliation for the attack in X"
ASIDE = frozenset({"of", "against", "over", "about", "for", "versus", "like", "than"})
# Who or what is tied to another event: "a suspect in the bombing of a church in X"
INVOLVED = frozenset({"suspect", "mastermind", "planner", "organizer", "organiser",
                      "perpetrator", "accused", "witness", "survivor", "investigation",
                      "probe", "inquiry", "trial", "verdict", "conviction", "role"})


def _involved(prep: Token) -> bool:
    """Whether the preposition ties an event to a noun of involvement: its head, or the
    word before it where the parser hung it on the verb ("arrested a suspect | in the
    bombing")."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in INVOLVED for t in (prep.head, before))


# "killed in a series of attacks in X": a run of the trigger's own acts
RUNS = frozenset({"series", "wave", "spate", "string", "round", "day", "night", "week",
                  "hail", "barrage", "burst", "volley", "part", "scene", "site"})


def _other_event(path: list[Token], trigger: Token) -> bool:
    """Whether the mention is the place of another event named by a noun beside the
    trigger ("marched to mark the anniversary of the massacre in X", "demonstrated
    against the war in X"). An event noun framing the trigger ("killed in an attack in
    X", "an explosion in X killed", "staged a raid in X") is its own scene; so is one
    that is another verb's subject or object ("the attack in X killed 5 and wounded 10"
    shares its subject with the trigger). An event tied to a noun of involvement ("a
    suspect in the bombing in X") is another event."""
    from resgestae.coding.event_types import lookup

    for token in path[1:]:
        if token.i == trigger.i:
            return False
        if token.pos_ != "NOUN" or not (token.lemma_.lower() in HAPPENINGS
                                        or lookup(token) is not None):
            continue
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in ASIDE and \
                head.head.lemma_.lower() not in RUNS:
            return True
        if token.dep_ == "pobj" and _involved(head):
            return True  # "arrested a suspect in the bombing in X", "the Bali bombings"
    return False


def _country(root: Token) -> bool:
    """Whether the name around `root` is only ever a country in the gazetteer."""
    from resgestae.coding.gazetteer import only_a_country

    doc = root.doc
    span = next((e for e in doc.ents if e.start <= root.i < e.end), doc[root.i:root.i + 1])
    return only_a_country(span.text)


def _person_noun(token: Token) -> bool:
    """A noun for a person, a post or a body of people ("resident", "governor", "rebels"):
    a word of the actor tables' sectors or titles."""
    from resgestae.coding.actor_tables import actor_tables

    tables = actor_tables()
    word = token.lower_
    if token.pos_ == "PROPN":  # "the President of X", "the Prime Minister of X"
        return token.lower_ in tables.title_words and tables.sector(word) is not None
    return token.pos_ == "NOUN" and (tables.sector(word) is not None
                                     or tables.sector(token.lemma_) is not None
                                     or token.lemma_.lower() in tables.title_words)


def _persons_place(path: list[Token], trigger: Token) -> bool:
    """Whether the mention says where a person is from or serves, not where the act was:
    a name modifying one person ("a Basra resident", "the Baghdad correspondent"; a body
    of people, "Kandahar police", is often where it acts), the place of a post or a
    group ("the governor of X province", "the commander of operations in X"), or a named
    person's home ("Ahmed Saleh, 34, of Basra")."""
    for child, token in zip(path, path[1:], strict=False):
        if token.i == trigger.i:
            return False
        if child is path[0] and child.dep_ == "compound" and _place_noun(token):
            continue  # "in Borno state": "state" is a sector word, but here the place's
        if token.ent_type_ == "PERSON" and token.dep_ != "appos" and child.dep_ == "prep" \
                and child.lower_ == "of":
            return True  # "Ahmed Saleh, 34, of Basra": a named person's home (not a school
            # named after someone, "the School 'Marco Suarez' of Cali")
        if not _person_noun(token):
            continue
        if child.dep_ in ("compound", "amod", "nmod") and child is path[0] and token.tag_ == "NN":
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            return True
    return False
