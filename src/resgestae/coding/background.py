"""Background: clauses that set the scene for a sentence's act instead of reporting one.

PLOVER codes the acts a story reports, not the circumstances it gives for them
(manual, Overview: one event per reported act). Three kinds of clause are no event
of their own:

- the condition of a threat or a promise ("... unless Dakar apologised", "if Bishkek
  fails to pay"): it has not happened;
- an earlier act a reported conflictual act responds to, in an "after", "since" or
  "as" clause ("recalled its ambassador a week after police arrested three drivers");
  beside a cooperative act, or when the sentence reports nothing else, it is a distinct
  act and is kept; an act "before" or "until" another has not happened yet;
- harm done by a natural force ("floods killed 30 people", "a trawler hit by a storm"):
  no one acted, so there is no ASSAULT. Violence whose doer is merely unnamed ("a
  landmine killed four soldiers", "was stabbed to death") is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from resgestae.coding.event_types import lemma_of, lookup
from resgestae.coding.frames import is_infinitive
from resgestae.coding.rules import Rules
from resgestae.plover import cameo_root, has_flag, quad_class


def _marks(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ == "mark"}


def is_condition(token: Token, r: Rules) -> bool:
    """An "if/unless" clause hanging on a verb, or one that puts "should", "were" or "had"
    before its subject ("should Israel launch a war"): what a threat or promise depends on."""
    if token.dep_ == "advcl" and _marks(token) & r.condition_marks:
        return True
    # the parse hangs an inverted condition on the verb, or beside it on the reporting
    # verb ("said it would retaliate, should Israel launch a war": a second ccomp)
    return token.dep_ in ("advcl", "ccomp", "conj") and _inverted(token)


def _inverted(clause: Token) -> bool:
    """ "should Israel launch a war", "were NATO to deploy": the auxiliary opens the clause."""
    first = clause.left_edge
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (first.dep_ in ("aux", "auxpass") and first.head.i == clause.i
            and first.lower_ in ("should", "were", "had")
            and bool(subjects) and first.i < subjects[0].i)


def is_earlier_act(token: Token, r: Rules, responds: bool) -> bool:
    """Background in a temporal clause of a verb: an act "before/until/once" another
    has not happened yet; an "after/since/as/when" act is background when the main act
    `responds` to it (a conflictual act of its own: "recalled its ambassador a week
    after police arrested ..."); beside a cooperative act it is a distinct act ("made a
    trip to Libya, two days after Haftar threatened to attack ...") and is kept."""
    if token.dep_ != "advcl":
        return False
    marks = _marks(token)
    if marks & r.later_marks:
        return True
    return bool(marks & r.background_marks) and responds


# Marks of an earlier act that moved people to protest, which the manual has coded
# (PLOVER_MANUAL.tex:750 "discrete events that are the motivatation for the protest").
MOTIVE_MARKS = frozenset({"after", "since", "following"})


def scene_clause(verb: Token, r: Rules) -> bool:
    """A verb in an "after/since/as/when/while" clause set after the attribution of the
    sentence's act ("praised Pakistan's efforts, a spokeswoman said, days after gunmen
    killed two engineers"): the wire sentence's news ends with its source; the clause
    behind it is the setting. The parse hangs it on the act or on the reporting verb,
    and sometimes calls it a complement or a conjunct. One right on the act, with no
    attribution between ("made a trip to Libya, two days after Haftar threatened to
    attack ...") is left to `is_earlier_act`."""
    clause = _marked_clause(verb, r.background_marks)
    if clause is None or verb.i < _mark_index(clause, r.background_marks):
        return False  # a verb before the mark is not in its clause, whatever the parse says
    head = clause.head
    if lemma_of(head) in r.reporting or head.pos_ == "NOUN":
        # on a noun: the "since" of "..., the first such reversal since authorities began
        # closing broadcasters" places the act in a story, no act of the sentence's own
        return True
    # a ROOT with a mark is the clause the parse took for the main one ("..., his office
    # said, hours after drones struck Lviv"): the attribution is before it
    start = clause.sent.start if clause.dep_ == "ROOT" else min(head.i, clause.i) + 1
    between = clause.doc[start : clause.i]
    return any(t.dep_ in ("ROOT", "parataxis") and lemma_of(t) in r.reporting
               for t in between)


def _marked_clause(verb: Token, marks: frozenset[str]) -> Token | None:
    """The verb of the "after/as ..." clause the verb belongs to ("as the junta
    continued to detain ...": "continued"), or None."""
    for _ in range(4):
        if verb.dep_ in ("advcl", "ccomp", "conj", "ROOT") and _marks(verb) & marks:
            return verb
        if verb.dep_ not in ("xcomp", "conj", "acomp", "ccomp"):
            return None  # "a week after X said his troops were ready to act": "said"
        verb = verb.head
    return None


def _mark_index(clause: Token, marks: frozenset[str]) -> int:
    return min(c.i for c in clause.children if c.dep_ == "mark" and c.lower_ in marks)


def in_relative_clause(verb: Token) -> bool:
    """A verb of a relative clause, or of a reaction to the act, or under one ("the
    border, where militants ambushed a convoy last month", "protesters who had stormed
    the buildings", "a move welcomed by Portugal"): it tells about a party, a place or
    the act itself, the setting beside a surer main-line act. Looked for up to the main
    line."""
    current = verb
    for _ in range(8):
        if current.dep_ == "relcl" or _reaction_to_act(current) or _second_content(current) \
                or _reduced_relative(current):
            return True
        if current.dep_ == "ROOT" or current.head is current:
            return False
        current = current.head
    return False


def _reduced_relative(verb: Token) -> bool:
    """A passive participle on an object ("observing a truce brokered by Angola", "handed
    back farmland seized two decades ago"): a relative clause without "who/which", it
    tells about the thing the act is done to."""
    return passive_participle_on(verb, ("dobj", "obj", "pobj", "attr"))


def _second_content(verb: Token) -> bool:
    """A clause the parse makes a second complement of a reporting verb, after it, when the
    reported act came before ("X began a hunger strike, his family said, ahead of the
    summit Egypt is hosting"): a verb reports one content; the later one is a relative
    clause without "that" on a noun before it."""
    head = verb.head
    return (verb.dep_ == "ccomp" and verb.i > head.i and head.pos_ == "VERB"
            and any(c.dep_ == "ccomp" and c.i < head.i for c in head.children)
            and any(t.pos_ == "NOUN" and t.dep_ in ("pobj", "dobj")
                    for t in verb.doc[head.i + 1 : verb.i]))


def _reaction_to_act(verb: Token) -> bool:
    """A passive participle on a noun set beside the act that sums it up ("..., a move
    welcomed by Portugal", "..., a decision praised by the UN"): others' reaction to the
    act. Not one on a party ("the militia, backed by Iran, ...": who backs whom is
    coded) nor an active one ("passed a bill lifting the emergency law": the act)."""
    return (passive_participle_on(verb, ("npadvmod", "appos"))
            and verb.head.head.pos_ == "VERB")


def passive_participle_on(verb: Token, roles: tuple[str, ...]) -> bool:
    """A passive participle modifying a noun in one of the dependency `roles` ("a truce
    brokered by Angola", a `dobj`; "a bomb planted by insurgents", an `nsubj`)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in roles


# Types of a statement a participle adds to a deed to give its grounds or the actor's
# stance ("severed ties, accusing Rabat of ...", "closed its embassy, demanding ...",
# "marched, defying a ban"): what the act is done for or against, as a protest's demand
# is its topic (PLOVER_MANUAL.tex:750) and an allegation beside a conviction is not
# coded apart (l.635). A pledge or a threat added so ("massed troops, threatening to
# invade") is left alone: it commits the actor to more.
STANCE_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST"})


# Material conflict types a harsher act brings with it: a force posture or a cut-off
# ("besieged the town, blocking food deliveries", "shelled the border, cutting off the
# road"). Arrests and killings told so are acts on people of their own, and kept.
ENTAILED_TYPES = frozenset({"MOBILIZE", "SANCTION"})
# ... and a road or corridor cut (CAMEO 191 restrict movement, PLOVER COERCE): a cut-off
# too, where arrests and other COERCE acts on people are kept.
ENTAILED_CODES = frozenset({"191"})


def accompanies_act(verb: Token, own: str, act: tuple[str, str | None] | None,
                    code: str | None = None) -> bool:
    """A participle set after another typed act with a comma that tells a deed's
    grounds or stance ("recalled its envoy, accusing X of ...": a statement of
    `STANCE_TYPES` after a material act, QuadClass 2 or 4), or the posture or cut-off a
    harsher material conflict act brings (`ENTAILED_TYPES` under a higher CAMEO root:
    "blockaded the corridor, cutting off supplies"): one act, as PLOVER_MANUAL.tex:848
    codes an ASSAULT alone, not the MOBILIZE it involves. A stance given as an infinitive
    of purpose after a deed ("moored their boats ... to oppose the quotas") goes with it
    too. `own` is the participle's type and `code` its CAMEO code, `act` the type and
    CAMEO code of the act it hangs on."""
    if act is None or act[0] == own:
        return False
    act_type, act_code = act
    deed = quad_class(act_code, act_type)
    if own in STANCE_TYPES and _purpose(verb):
        # "moored their boats across the harbour to oppose new quotas": what the deed
        # is done for, as a protest's demand is its topic (PLOVER_MANUAL.tex:750)
        return deed in (2, 4)
    if not trailing_participle(verb):
        return False
    if own in STANCE_TYPES:
        # a deed's grounds; after a statement it is a second statement of the speaker's
        # ("rejected the proposal, calling it a provocation": two verbal acts)
        return deed in (2, 4)
    entailed = own in ENTAILED_TYPES or (code or "")[:3] in ENTAILED_CODES
    return entailed and deed == 4 and _root(act_type) > _root(own)


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose after the verb it hangs on ("... to oppose the quotas")."""
    return verb.dep_ == "advcl" and verb.i > verb.head.i and is_infinitive(verb)


def _root(event_type: str) -> int:
    """The two-digit CAMEO root of a type (16 for SANCTION): how harsh a conflict act is."""
    code = cameo_root(event_type)
    return int(code[:2]) if code else 0


def trailing_participle(verb: Token) -> bool:
    """A present participle with no subject of its own, after a comma that follows the
    verb it hangs on ("froze the assets on Friday, alleging ..."); or one joined to such
    a participle ("..., killing and expelling ...")."""
    if verb.dep_ == "conj" and verb.head.tag_ == "VBG":
        verb = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < verb.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return False
    before = verb.left_edge.i - 1
    return before > verb.head.i and verb.doc[before].text == ","


def leading_participle(verb: Token) -> bool:
    """A present participle with no subject that opens the sentence before a comma
    ("Bowing to the demands, the president ...")."""
    after = verb.right_edge.i + 1
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i < verb.head.i
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and after < len(verb.doc) and verb.doc[after].text == ",")


def motivates_protest(verb: Token, r: Rules, is_protest: Callable[[Token], bool]) -> bool:
    """An "after/since" act beside a protest: what moved people to protest, an event of
    its own (PLOVER_MANUAL.tex:750); `is_protest` tells a protest verb. The act the
    clause hangs on is looked at through a reporting verb ("rallied ..., police said,
    after ...")."""
    return bool(_marks(verb) & MOTIVE_MARKS) and hangs_on_protest(verb.head, r, is_protest)


def hangs_on_protest(head: Token, r: Rules, is_protest: Callable[[Token], bool]) -> bool:
    """Whether `head`, the verb a clause or phrase hangs on, is a protest, looked at
    through a reporting verb."""
    acts = [head, head.head] if head.dep_ == "parataxis" else [head]
    if lemma_of(head) in r.reporting:
        acts += [c for c in head.children if c.dep_ in ("ccomp", "xcomp")]
    return any(is_protest(act) for act in acts)


def by_natural_force(token: Token, r: Rules) -> bool:
    """The verb's doer is a flood, a storm, a disease: harm no actor did. `token` is a
    typed verb; its subject, or its passive's "by" agent, is looked at."""
    entry = lookup(token)
    # A verb the lexicon does not type ("the drought displaced ...") is typed later by the
    # classifier; whatever type it gets, a natural force did it.
    if entry is not None and not has_flag(entry.event_type, "deliberate"):
        return False
    doers = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "a trawler hit by a storm"
        doers += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    return any(_natural(d, r) for d in doers)


def _natural(doer: Token, r: Rules) -> bool:
    """A natural force or an accident: its word ("floods", "Hailstorms", sentence-initial
    words the tagger reads as names), its kind before a name ("Hurricane Milton", "monsoon
    rains"), a fire no weapon or party fired, or an explosion of an accidental kind ("a
    gas explosion"; "an explosion" alone may be a bomb's)."""
    words = {lemma_of(doer), doer.lower_, doer.lower_.rstrip("s")}
    if words & r.natural_causes:
        return True
    modifiers = [c for c in doer.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    kinds = {c.lemma_.lower() for c in modifiers}
    if kinds & r.natural_causes:
        return True
    if words & r.fire_heads:  # "a fire at a factory", not "Israeli tank fire"
        return not (kinds & r.weapon_kinds or any(
            c.dep_ == "poss" or c.ent_type_ in ("NORP", "GPE", "ORG") for c in modifiers))
    return bool(words & r.accident_heads and kinds & r.accidental_kinds)


def by_market_force(token: Token, r: Rules) -> bool:
    """The verb's subject is a market or an economic measure ("the Nikkei index struck a
    record high", "oil prices eased", "the rupee hit a low"): whatever the verb, no act.
    One subject word, in `market_forces`; a name of its own ("Gold Fields") is a party."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    return (len(doers) == 1 and doers[0].ent_type_ not in ("ORG", "PERSON", "GPE", "NORP")
            and (lemma_of(doers[0]) in r.market_forces or doers[0].lower_ in r.market_forces))


def in_sport(token: Token, r: Rules) -> bool:
    """A game told with an event verb: the verb's one subject word is a player's role
    (`sport_roles`: "the midfielder struck", "the top seeds clash"), or its
    object or a preposition's object is a sporting prize or ground (`sport_things`:
    "captured the championship", "invaded the pitch"). Names are not looked at: a
    club's name is a name, and so is a country's team."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    if len(doers) == 1 and not doers[0].ent_type_ and lemma_of(doers[0]) in r.sport_roles:
        return True
    things = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    things += [g for c in token.children if c.dep_ == "prep" for g in c.children
               if g.dep_ == "pobj"]
    return any(lemma_of(t) in r.sport_things and not t.ent_type_ for t in things)


# Prepositions through which a support verb carries its event noun ("engaged in talks").
SUPPORT_PREPS = frozenset({"in", "into", "on", "upon", "with"})
# Objects that pass the verb on to a preposition ("took part in", "played a role in").
PASS_ON_OBJECTS = frozenset({"part"})


def supported_noun(verb: Token) -> Token | None:
    """The event noun a support verb carries through a preposition: "engaged in talks",
    "entered into negotiations", "took part in the rally"; None when there is none."""
    holders = [verb] + [c for c in verb.children
                        if c.dep_ in ("dobj", "obj") and lemma_of(c) in PASS_ON_OBJECTS]
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in SUPPORT_PREPS:
                continue
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and lookup(noun) is not None:
                    return noun
    return None


def party_condition(verb: Token, r: Rules) -> bool:
    """An "if/unless" clause on the verb whose subject is a party that can act ("if
    Bishkek fails to pay", "unless Dakar apologises"): what makes a conditional act of
    force a threat addressed to someone; "if the talks fail" is no such condition."""
    beside = [c for c in verb.head.children if c.i > verb.i and _inverted(c)] if (
        verb.dep_ in ("ccomp", "conj")) else []
    for clause in [*verb.children, *beside]:
        if not is_condition(clause, r):
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and (_party(child, r)
                                                         or _hostile_deed(child)):
                return True
    return False


def _hostile_deed(noun: Token) -> bool:
    """ "if the attacks do not stop", "should gang violence keep spreading": a party's
    conflictual deeds (a QuadClass 3 or 4 event noun) as the condition's subject, which
    makes the conditional act a warning to whoever does them."""
    entry = lookup(noun) if noun.pos_ == "NOUN" else None
    return entry is not None and quad_class(entry.cameo, entry.event_type) in (3, 4)


def _party(token: Token, r: Rules) -> bool:
    """A name, a group or an office, or a pronoun standing for one."""
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or lemma_of(token) in r.agent_nouns
        or (token.lower_ in r.person_pronouns and token.lower_ != "it")
    )


def is_description(token: Token) -> bool:
    """A relative clause that describes a party ("a businessman who is accused of
    laundering money", "Haftar, who is backed by Russia"): its subject is the relative
    pronoun or it is passive, or it tells an earlier act (past perfect). One with a subject
    of its own ("the town where rebels killed 20 people") reports a distinct act and is
    kept."""
    if (token.dep_ == "acl" or _trails_object(token)) and token.tag_ == "VBG":
        # "rebels fighting to topple him", "protesters demanding reforms": a participle
        # that says what a party does (the topic of a protest is no event, manual l.750)
        return not any(c.dep_ in ("nsubj", "csubj") for c in token.children)
    if _misread_participle(token):
        return True
    if token.dep_ != "relcl":
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in token.children):
        # "withdrew from the positions they had occupied": the past perfect tells an
        # earlier act, the scene of the one reported (GSR records code the main act)
        return True
    own = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    return passive or not own or any(c.tag_ in ("WP", "WDT", "WP$") for c in own)


# Nouns of texts and decisions: a participle on one says what the text says or asks
# ("a court ruling ordering the release of X", "a resolution calling for a ceasefire").
DOCUMENTS = frozenset({
    "ruling", "order", "decision", "verdict", "resolution", "law", "bill", "decree",
    "statement", "letter", "report", "motion", "proposal", "plan", "amendment", "deal",
    "agreement", "legislation", "directive", "judgment", "judgement", "petition",
    "declaration", "communique", "memo", "draft", "treaty", "act", "text", "document",
    "injunction", "warrant", "message", "note", "ultimatum", "initiative", "regulation"})


# Verbs by which the sentence's actor authors a document, whose content is then its own
# act ("issued a statement calling for talks" is the issuer's appeal).
AUTHORING = frozenset({"issue", "pass", "adopt", "sign", "send", "publish", "release",
                       "approve", "unveil", "present", "submit", "draft", "table", "write",
                       "deliver", "introduce", "propose", "put", "file", "hand", "make"})


def says_content(token: Token) -> bool:
    """A participle on a document noun someone named wrote: the document's content, no act
    of the sentence's actor, who ignores, defies or welcomes it ("disregarded a High
    Court ruling ordering the release of X")."""
    document = token.head
    return (token.dep_ == "acl" and lemma_of(document) in DOCUMENTS
            and lemma_of(document.head) not in AUTHORING and _authored(document))


def _authored(document: Token) -> bool:
    """The document names its author: "a High Court ruling", "the court's order", "a
    ruling by the EU Court" (one without an author, "considering a resolution demanding
    ...", may be the sentence's actor's own)."""
    return any(
        (c.dep_ in ("compound", "poss") and (c.pos_ == "PROPN" or c.ent_type_))
        or (c.dep_ == "prep" and c.lower_ in ("by", "from"))
        for c in document.children)


def _misread_participle(token: Token) -> bool:
    """ "Farmers blocking highways in India rejected the offer": the parser reads the
    participle as a clausal subject whose subject is the noun right before it; it is the
    noun's description, as "protesters demanding reforms" is (found in stop 24 when the
    protest family typed "blocking" on the c4 battery)."""
    if token.dep_ != "csubj" or token.tag_ != "VBG":
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and subjects[0].right_edge.i == token.i - 1


def _trails_object(token: Token) -> bool:
    """A participle the parser hangs on the verb though it follows the verb's object with
    only a date between ("vetoed a resolution on Tuesday calling for a ceasefire"): it
    describes the object, as it would hung on it; after a comma it is the actor's own."""
    if token.dep_ != "advcl" or token.i < token.head.i:
        return False
    objects = [c for c in token.head.children if c.dep_ in ("dobj", "obj") and c.i < token.i]
    if not objects:
        return False
    between = token.doc[objects[-1].right_edge.i + 1 : token.i]
    return len(between) > 0 and all(_in_date_phrase(t) for t in between)


def _in_date_phrase(token: Token) -> bool:
    """A date or a preposition that heads one ("on Tuesday", "last week")."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    return token.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in token.children)


# Nouns that count or frame events ("a new round of talks", "a wave of protests", "acts
# of civil disobedience").
EVENT_COUNTERS = frozenset({"round", "series", "wave", "spate", "string", "flurry", "bout",
                            "campaign", "cycle", "day", "week", "month", "year", "night",
                            "resumption", "continuation", "escalation", "intensification",
                            "act"})


def counted_event(noun: Token) -> Token | None:
    """The event noun a counting noun carries through "of" ("a round of talks"), or None."""
    if lemma_of(noun) not in EVENT_COUNTERS:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj" and lookup(grand) is not None:
                    return grand
    return None


# Verbs of demanding and nouns of a demand: an act said to meet one ("as the opposition
# had demanded", "reforms demanded by the unions", "meeting a key demand of protesters")
# accedes to it (CAMEO 083), and the demand is that act's background, no act of its own.
DEMAND_VERBS = frozenset({"demand", "call", "seek", "urge", "request", "ask", "press", "want",
                          "insist", "push", "campaign", "petition", "lobby"})
MEETING_VERBS = frozenset({"meet", "answer", "satisfy", "concede", "grant", "heed", "fulfil",
                           "fulfill", "accept"})
DEMAND_NOUNS = frozenset({"demand", "call", "request", "grievance", "wish", "appeal"})
# An act done under another's pressure ("agreed to scrap the laws after weeks of pressure
# from farmers", "bowing to protests, agreed to restore term limits") yields to it as
# much as one meeting a named demand does (PLOVER_MANUAL.tex:443, CAMEO 083).
PRESSURE_NOUNS = frozenset({"pressure", "protest", "demand", "outcry", "strike", "backlash",
                            "unrest", "demonstration", "campaign", "petition", "uprising",
                            "agitation", "clamour", "clamor", "boycott", "sit-in", "call"})
# After or following an event, only pressure named as such is given in to: "after days of
# protests" may only set the scene ("called Bashir to express support after days of
# protests"); "after weeks of pressure from farmers" is what the act answers.
NAMED_PRESSURE = frozenset({"pressure", "demand", "call", "outcry", "backlash", "clamour",
                            "clamor", "ultimatum"})
SEQUEL_PREPS = frozenset({"after", "following"})
YIELDING_VERBS = frozenset({"bow", "yield", "cave", "give", "bend", "submit", "respond",
                            "heed", "succumb", "relent", "buckle"})


def met_demand(verb: Token) -> bool:
    """A demand an act is said to meet: "as the opposition had demanded" (its object left
    out: it is the act itself) or "reforms demanded by the opposition"."""
    if lemma_of(verb) not in DEMAND_VERBS:
        return False
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not any(
            c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in verb.children)
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def accedes(verb: Token) -> bool:
    """The act meets another's demand (CAMEO 083 "accede to requests or demands"): an
    "as X had demanded" clause, a "meeting a demand" participle, or an object (or its
    preposition's) "demanded by" someone."""
    for child in verb.children:
        if met_demand(child) or _meeting(child) or _under_pressure(child):
            return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children
                if g.dep_ == "pobj"]
    return any(met_demand(a) for o in objects for a in o.children if a.dep_ == "acl")


def _under_pressure(child: Token) -> bool:
    """ "under/after (weeks of) pressure from farmers", "in response to protests",
    "bowing to pressure": the act gives in to the pressure named."""
    if child.dep_ == "prep":
        words = [t for t in child.subtree if t.i != child.i][:6]
        if child.lower_ == "in":  # "in (direct) response to ..."
            return any(t.lower_ == "response" for t in words[:2]) and _names_pressure(words)
        if child.lower_ == "under":
            return _names_pressure(words)
        return child.lower_ in SEQUEL_PREPS and _names_pressure(words, NAMED_PRESSURE)
    return (child.dep_ == "advcl" and child.tag_ == "VBG"
            and lemma_of(child) in YIELDING_VERBS and _names_pressure(child.subtree))


def _names_pressure(words: Iterable[Token], nouns: frozenset[str] = PRESSURE_NOUNS) -> bool:
    return any(t.lemma_.lower() in nouns for t in words)


def _meeting(child: Token) -> bool:
    """ "meeting a key demand of protesters": a participle of meeting a demand."""
    return child.dep_ in ("advcl", "xcomp", "conj") and child.tag_ == "VBG" \
        and lemma_of(child) in MEETING_VERBS and any(
            o.dep_ in ("dobj", "obj") and o.lemma_.lower() in DEMAND_NOUNS for o in child.children)


def misread_participle_root(verb: Token) -> bool:
    """ "Rebel leaders, gathered in the camps, rejected the plan": the parser makes the
    participle set off by commas the sentence's root and the real verb its conjunct (no
    "and" between). The participle describes the subject; the conjunct is the act."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or verb.i < 2 \
            or doc[verb.i - 1].text != ",":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 1 or subjects[0].right_edge.i < verb.i - 2:
        return False
    if any(c.dep_ == "cc" for c in verb.children):
        return False
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ in ("VBD", "VBZ", "VBP")
               and doc[c.i - 1].text == "," for c in verb.children)
