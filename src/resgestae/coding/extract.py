"""Extract: the coding flow of one Doc, sentence by sentence, clause by clause.

Per sentence: find the event clauses (`clauses`), read their modality
(`factuality`), type them from the lexicon or, for verbs the lexicon does not
know, the learned classifier (`modes`, `classifier`), find the actor and
recipient entities (`participants`), and score the result (`confidence`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from resgestae.coding.actors import read_actor
from resgestae.coding.ambiguous import decide, none_reading
from resgestae.coding.background import (
    MOTIVE_MARKS,
    YIELDING_VERBS,
    accedes,
    accompanies_act,
    hangs_on_protest,
    in_relative_clause,
    leading_participle,
    motivates_protest,
    passive_participle_on,
    scene_clause,
    trailing_participle,
)
from resgestae.coding.cameo_codes import refine
from resgestae.coding.clauses import YIELDING, Clause, act_entry, find_clauses
from resgestae.coding.confidence import main_clause, score, share_sentence
from resgestae.coding.event_types import Entry, active_verbs, known_non_event, lemma_of, lexicon
from resgestae.coding.factuality import Modality, modality, predicted_by_another
from resgestae.coding.modes import Coding, code_clause
from resgestae.coding.participants import code_participants
from resgestae.coding.rules import rules
from resgestae.coding.same_act import restates
from resgestae.coding.topics import protest_head
from resgestae.model import Article, Entity, Event
from resgestae.plover import cameo_root, plover_type, quad_class

log = logging.getLogger("resgestae.coding")

# Below this probability a classifier guess is dropped. Chosen on the tune half of the dev
# gold for the numpy model trained on the generated corpus: the best PLV accuracy plus
# PentaClass F1 that keeps PLOVER GSR precision above its floor (0.3 falls below it).
# 0.5 -> 0.4 (with cameo_codes): PLV tune/check 0.752/0.770 -> 0.761/0.772, PentaClass
# F1 0.803/0.805 -> 0.809/0.806, GSR unchanged.
CLASSIFIER_THRESHOLD = 0.4


MAX_TRIGGER_TOKENS = 6


def extract_events(doc: Doc, article: Article) -> list[Event]:
    """All events the article's Doc reports, several per sentence where the text has them."""
    events: list[Event] = []
    previous: list[Token] = []
    for sent in doc.sents:
        if sent.text.strip():
            events.extend(sentence_events(sent, article, previous))
            previous = _named_subject(sent) or previous
    return events


def _named_subject(sent: Span) -> list[Token]:
    """The first named person or group that is a subject in the sentence: the antecedent
    of "he said" in the next one."""
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN":
            return [token, *token.conjuncts]
    return []


def sentence_events(
    sent: Span, article: Article, previous: list[Token] | None = None
) -> list[Event]:
    """The events of one sentence, without repeats of the same act. `previous` is the
    named subject of the sentence before, for "..., he said"."""
    events: list[Event] = []
    side: set[int] = set()  # ids of events named by a noun off the main line
    scene: set[int] = set()  # ids of side events in the setting behind the attribution
    dated: set[int] = set()  # ids of events named by a noun with a date of its own
    coded: list[tuple[Clause, Event]] = []
    for clause in find_clauses(sent):
        for event in _clause_events(clause, sent, article, previous or []):
            if not (_repeats(event, events) or restates(event, events, sent.doc)):
                events.append(event)
                coded.append((clause, event))
                setting = _scene(clause)
                if setting or _side(clause) or _accompanying(clause, event, coded):
                    side.add(id(event))
                if setting:
                    scene.add(id(event))
                if clause.nominal and _dated(clause):
                    dated.add(id(event))
    # a participle that tells a coded deed again is that deed, not a second one; so is
    # giving in joined to the concession that gives in
    told_again = _same_deed_told_again(coded) | _bowed_and_conceded(coded)
    events = [e for e in events if id(e) not in told_again]
    # a negated act ("saying Budapest would never impose tariffs") did not happen
    # (PLOVER_MANUAL.tex:217: negated events can be left out); beside a surer act of the
    # sentence it is not reported, alone it stays, marked negated
    side |= _yielded_to(coded) | {id(e) for e in events if e.factuality == "negated"}
    events = _without_bare_vow_threats(events)
    events = _without_weaker_side_nouns(events, side, scene)
    acts = len({e._trigger_i for e in events})
    for event, conf in zip(
        events, share_sentence([e.confidence for e in events], acts), strict=True
    ):
        event.confidence = conf
    return _without_unsure_extras(events, dated)


# Cooperative types a vow's complement may carry (CAMEO 03 "Express intent to cooperate"
# and the acts it promises: 04-08)
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                               "RETREAT"})


def _without_bare_vow_threats(events: list[Event]) -> list[Event]:
    """A vow is a threat (CAMEO 130) only when nothing else says what is vowed: "vowed
    to exchange intelligence" is the intention to cooperate its complement types (CAMEO
    03, AGREE), not a threat beside it. The bare reading (a THREATEN event whose trigger
    is the vow alone) is dropped when an event of a cooperative type starts at the same
    word. Found in stop 23 on 16 written training clauses ("vowed to pool resources")."""
    starts = {e._trigger_span[0] for e in events
              if e._trigger_span and e.event_type in COOPERATIVE_TYPES
              and " " in (e.trigger or "")}
    return [e for e in events
            if not (e.event_type == "THREATEN" and e._trigger_span
                    and e._trigger_span[0] in starts and " " not in (e.trigger or ""))]


# Below this confidence an event beside a surer act of its sentence is not reported:
# on the tune half of the PLOVER GSR dev gold, such events were right 1 time in 3.
EXTRA_MIN_CONFIDENCE = 0.5


def _without_unsure_extras(events: list[Event], dated: set[int]) -> list[Event]:
    """Drop the events the coder doubts (under EXTRA_MIN_CONFIDENCE) when their sentence
    reports a surer act; a sentence's only or surest event always stays, and so does an
    event noun with a date of its own (`dated` ids: "the killing of X last week")."""
    if len(events) < 2:
        return events
    best = max(e.confidence for e in events)
    return [e for e in events
            if e.confidence >= EXTRA_MIN_CONFIDENCE or e.confidence == best or id(e) in dated]


# Types of the pressure a yielding act gives in to: a demand, an accusation, a refusal,
# a threat, or a material conflict act (a protest, a strike, force).
PRESSURE_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                            "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def _yielded_to(coded: list[tuple[Clause, Event]]) -> set[int]:
    """The ids of events in an "after/as" clause on a yielding act (CAMEO root 08
    "Yield": CONCEDE, RETREAT) that name the pressure it gives in to ("scrapped the fuel
    levy after unions threatened a strike"): the concession's setting, as a conflictual
    act's provocation is (`background.is_earlier_act`); beside the surer concession it is
    not reported apart. One of another kind ("freed them after envoys met") is kept."""
    yielding = {c.anchor.i for c, e in coded if not c.nominal and e.event_type in YIELDING}
    marks = rules().background_marks
    return {id(e) for c, e in coded
            if not c.nominal and e.event_type in PRESSURE_TYPES and c.anchor.dep_ == "advcl"
            and c.anchor.head.i in yielding
            and any(m.dep_ == "mark" and m.lower_ in marks for m in c.anchor.children)}


def _same_deed_told_again(coded: list[tuple[Clause, Event]]) -> set[int]:
    """The ids of events told by a participle after a comma ("tried to assassinate the
    minister, opening fire on his convoy"; "agreed to teach Amazigh in schools, meeting
    a demand of activists") whose verb hangs on a deed coded with the same type: the
    same deed in more detail, one event (PLOVER codes the act once, manual l.750)."""
    found: set[int] = set()
    for clause, event in coded:
        head = None if clause.nominal else _deed_told(clause.anchor)
        if head is None:
            continue
        for c, other in coded:
            if other is not event and other.event_type == event.event_type \
                    and quad_class(other.cameo, other.event_type) in (2, 4) \
                    and head.i in {c.anchor.i, *(g.i for g in c.governors)}:
                found.add(id(event))
                if clause.anchor.dep_ == "acl" and event.actor:
                    # "a bomb planted by insurgents hit ...": the planters' attack (the
                    # bomb, the subject, is no party)
                    other.actor = list(event.actor)
                break
    return found


def _bowed_and_conceded(coded: list[tuple[Clause, Event]]) -> set[int]:
    """The ids of "bowed to protesters" events joined with "and" to the concession that
    bows ("bowed to the protesters and restored the commission's independence"): how the
    yielding act is done, not a second one (CAMEO 08 codes the concession once)."""
    verbs = [(c.anchor, e) for c, e in coded if not c.nominal and e.event_type in YIELDING]
    conceded = {v.i for v, _ in verbs if v.dep_ == "conj" and not _own_subject(v)}
    return {id(e) for v, e in verbs if lemma_of(v) in YIELDING_VERBS
            and any(k.i in conceded for k in v.children if k.dep_ == "conj")}


def _own_subject(verb: Token) -> bool:
    return any(k.dep_ in ("nsubj", "nsubjpass") for k in verb.children)


def _deed_told(anchor: Token) -> Token | None:
    """The verb whose deed a participle may tell again: the verb a trailing or leading
    participle hangs on ("..., opening fire on his convoy"; "Bowing to the protesters'
    demands, the president replaced ..."), or the one whose subject a passive participle
    describes ("a roadside bomb planted by insurgents hit a convoy")."""
    if trailing_participle(anchor) and anchor.tag_ == "VBG":  # not "..., and later kidnapped"
        return anchor.head.head if anchor.dep_ == "conj" else anchor.head
    if leading_participle(anchor):
        return anchor.head
    if passive_participle_on(anchor, ("nsubj",)):
        return anchor.head.head
    return None


def _accompanying(clause: Clause, event: Event, coded: list[tuple[Clause, Event]]) -> bool:
    """A participle that tells the grounds, means or result of the act it follows
    (`background.accompanies_act`): it goes with that act, and beside it, surer, is not
    reported apart; alone, or surer, it stays. The act is what was coded for the verb
    the participle hangs on (the clause model's type too: "fasted for a week,
    demanding ..."), else that verb's lexicon entry."""
    anchor = clause.anchor
    if clause.nominal:
        return False
    if any(_aim_of(g, coded) for g in clause.governors):
        return True
    head = (anchor.head if anchor.dep_ == "conj" else anchor).head
    coded_head = _coded_at(head, coded)
    if coded_head is not None:
        act = (coded_head.event_type, coded_head.cameo)
    else:
        entry = act_entry(head, rules())
        act = (entry.event_type, entry.cameo) if entry is not None else None
    return accompanies_act(anchor, event.event_type, act, event.cameo)


def _coded_at(verb: Token, coded: list[tuple[Clause, Event]]) -> Event | None:
    """The event coded for the verb clause anchored at `verb`, if any."""
    return next((e for c, e in coded if not c.nominal and c.anchor.i == verb.i), None)


# Verbs of aiming: a participle of one after a coded act gives that act's purpose ("held
# talks with the teachers, seeking to end the strike"), what the act is for, not a pledge.
AIM_VERBS = frozenset({"seek", "aim", "hope", "try", "attempt", "look", "strive", "want"})


def _aim_of(governor: Token, coded: list[tuple[Clause, Event]]) -> bool:
    """The governor is a trailing participle of aiming hung on a verb already coded."""
    return (lemma_of(governor) in AIM_VERBS and trailing_participle(governor)
            and _coded_at(governor.head, coded) is not None)


def _side(clause: Clause) -> bool:
    """Whether the clause is scene or sequel for a main-line act: an event noun off the
    main line without a date of its own, a verb of a relative clause, or a verb announced
    for later after a done act (a `_scene` clause is side too: the caller tests it once)."""
    if clause.nominal:
        return not main_clause(clause.anchor) and not _dated(clause)
    anchor = clause.anchor
    if in_relative_clause(anchor):
        return True
    return _announced_sequel(anchor) or _second_statement(clause)


# Adverbs that make a conjoined verb the next act in a sequence ("met and then signed").
SEQUENCE_ADVERBS = frozenset({"then", "later", "subsequently", "afterwards", "also"})


def _scene(clause: Clause) -> bool:
    """A verb in the "after/as" clause behind the attribution of the sentence's act, not
    what moved a protest: the setting, however sure its own type."""
    anchor, r = clause.anchor, rules()
    return (not clause.nominal and scene_clause(anchor, r)
            and not motivates_protest(anchor, r, protest_head))


def _second_statement(clause: Clause) -> bool:
    """A statement the same speaker adds with "and" to a first one ("has refused to
    deploy peacekeepers and has urged its citizens to ..."): it goes with the reported
    act, as a protest's demand goes with the protest (PLOVER_MANUAL.tex:750); beside a
    surer act it is not reported apart. "... and then signed" is the next act, kept."""
    anchor = clause.anchor
    if anchor.dep_ != "conj" or clause.entry is None or not _verbal(clause.entry.event_type):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") or c.lower_ in SEQUENCE_ADVERBS
                   for c in anchor.children)


def _announced_sequel(anchor: Token) -> bool:
    """A verb joined to a done act with "will/would" ("was indicted ... and will
    resign"): what is to follow has not happened; the sentence reports the done act
    (PLOVER codes what happened, manual l.750: no separate event for what it leads to).
    Alone, or surer than the done act, it stays."""
    if anchor.dep_ != "conj" or anchor.head.tag_ not in ("VBD", "VBN"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in anchor.children)


def _dated(clause: Clause) -> bool:
    """An event noun with its own date ("the April 2019 offensive", "the killing of X
    last week") happened apart from the act around it: an event of its own, not scene.
    Not one a preposition of time sets the act against ("following last month's
    killing", "ahead of Friday's rally"): the date places the setting, not a report."""
    noun = clause.anchor
    return not _setting_object(noun) and any(t.ent_type_ == "DATE" for t in noun.subtree)


# Prepositions that set an act against another event ("since last month's invasion",
# "amid Sunday's clashes"), and nouns that do with "of" ("ahead of", "on the eve of").
SETTING_PREPS = frozenset({"after", "since", "following", "before", "amid", "amidst",
                           "despite"})
SETTING_OF = frozenset({"ahead", "eve", "wake"})


def _setting_object(noun: Token) -> bool:
    """Whether the event noun is the object of a preposition of setting, not what moved a
    protest ("rallied days after Sunday's killing of a student": coded, PLOVER_MANUAL.tex
    l.750)."""
    prep = noun.head
    if noun.dep_ == "dobj":  # the parse makes "following" a verb: "following Israel's strikes"
        setting = prep.lower_ == "following"
    elif noun.dep_ == "pobj":
        setting = prep.lower_ in SETTING_PREPS or (prep.lower_ == "of"
                                                   and prep.head.lower_ in SETTING_OF)
    else:
        return False
    return setting and not (prep.lower_ in MOTIVE_MARKS and _on_protest(prep))


def _on_protest(token: Token) -> bool:
    """Whether the first verb above the token is a protest (or one a reporting verb holds)."""
    verb = next((t for t in token.ancestors if t.pos_ == "VERB"), None)
    return verb is not None and hangs_on_protest(verb, rules(), protest_head)


def _without_weaker_side_nouns(
    events: list[Event], side: set[int], scene: set[int]
) -> list[Event]:
    """Drop event nouns off the main line ("since last month's invasion", "pushing for
    support") that are less sure than a main-line act of the sentence: they set the
    scene of the reported act (issue 10, background); alone, or surer, they stay. The
    `scene` ones, behind the attribution, go beside any main-line act ("raised its alert
    level, the minister said, hours after a gunman opened fire ...")."""
    main = [e.confidence for e in events if id(e) not in side]
    if not main:
        return events
    best = max(main)
    return [e for e in events
            if id(e) not in side or (id(e) not in scene and e.confidence > best)]


def _repeats(event: Event, events: list[Event]) -> bool:
    """Whether the event repeats one already coded: same type, actors and recipients,
    or the same act with the recipients on one side only ("established ties with and
    opened an embassy in Tehran"); the earlier event then takes the recipients. A named
    actor's second verbal act of one type in the sentence ("rejected the plan, and said
    they also opposed the deployment of ...") restates the first: one report, whose
    parties are the first act's (the later object is often what is opposed, not a party).
    Material acts on other parties are other acts ("captured the town, then killed 12
    villagers"): GDELT QuadClass 2 and 4 types are kept apart."""
    actors = [e.text for e in event.actor]
    recipients = [e.text for e in event.recipient]
    for other in events:
        if other.event_type != event.event_type or [e.text for e in other.actor] != actors:
            continue
        theirs = [e.text for e in other.recipient]
        if not theirs and not recipients and not _verbal(event.event_type) and \
                _other_deed(event, other):
            continue  # "seized the airport and later shelled the city centre": two deeds
        # a recipient without text is the actor's own country, imputed (`home_target`)
        if theirs == recipients or not any(recipients):
            return True
        if not any(theirs):
            other.recipient = list(event.recipient)
            return True
        if actors and _verbal(event.event_type):
            return True
    return False


def _other_deed(event: Event, other: Event) -> bool:
    """Two material acts told by different verbs: "seized the airport and shelled the
    city" (not "attacked and shelled", one verb's object shared: `same_act` decides)."""
    if event.trigger is None or other.trigger is None:
        return False
    return event.trigger.split()[0].lower() != other.trigger.split()[0].lower()


def _verbal(event_type: str) -> bool:
    """A verbal PLOVER type (GDELT QuadClass 1 or 3: statements, not deeds)."""
    found = plover_type(event_type)
    return found is not None and found.quad_class in (1, 3)


def _clause_events(
    clause: Clause, sent: Span, article: Article, previous: list[Token]
) -> list[Event]:
    mod = modality(clause)
    if predicted_by_another(clause, mod):
        return []  # "analysts expect the leaders to meet": a guess, no act
    coding = code_clause(clause, mod)
    prob = None
    if coding is None:
        coding, prob = _classify(clause, mod)
        if coding is None:
            return []
    else:
        coding = decide(clause, mod, coding)  # an ambiguous trigger: the clause model chooses
    coding = _acceding(clause, coding)
    coding.cameo = refine(clause, coding)  # CAMEO's appeals and comments (01, 02)
    actors, recipients = code_participants(clause, coding, previous)
    if not actors and not recipients and not _unnamed_but_asserted(clause, prob):
        return []
    coding = _joint_exercise(coding, actors, _partners(clause, recipients))
    groups = [[a] for a in actors] if clause.split and len(actors) > 1 else [actors]
    conf = score(clause, coding, len(actors), len(recipients), prob)
    return [_event(clause, coding, group, recipients, conf, sent, article) for group in groups]


# Types an act meeting another's demand turns CONCEDE from: a promise ("agreed to early
# elections, as the opposition had demanded") or an approval ("approved the reforms
# demanded by the unions") given in answer to pressure. PLOVER_MANUAL.tex:443: CONCEDE
# "covers verbal concessions ... including the promise of future concessions"; CAMEO 083
# "accede to requests or demands". Material acts keep their own type.
ACCEDING_TYPES = frozenset({"AGREE", "SUPPORT"})
ACCEDE_CODE = "083"


def _acceding(clause: Clause, coding: Coding) -> Coding:
    if coding.event_type not in ACCEDING_TYPES or clause.nominal:
        return coding
    # the demand or pressure may hang on the vow that governs the act ("pledged to reform
    # the police, responding to months of protests")
    if not any(accedes(verb) for verb in (clause.anchor, *clause.governors)):
        return coding
    return Coding("CONCEDE", None, ACCEDE_CODE, coding.factuality, list(coding.context),
                  derived=coding.derived)


EXERCISE_CODE = "150"  # CAMEO 150 "demonstrate military or police power" (exercises)
JOINT_CODE = "062"  # CAMEO 062 "cooperate militarily"


# Prepositions of where an exercise is held or whom it faces, not with whom
BESIDE = frozenset({"near", "off", "around", "along", "opposite", "toward", "towards"})


def _partners(clause: Clause, recipients: list[Entity]) -> list[Entity]:
    """The recipients an exercise may be held with: not a place or party it is held near
    or faces ("staged missile exercises near Taiwan", "drills off the coast of Japan"):
    that one is no partner (PLOVER_MANUAL.tex:846: single-country exercises are MOBILIZE)."""
    beside = " ".join(g.text for t in clause.anchor.subtree
                      if t.dep_ == "prep" and t.lower_ in BESIDE for g in t.subtree)
    return [e for e in recipients if not e.text or e.text not in beside]


def _joint_exercise(coding: Coding, actors: list[Entity], recipients: list[Entity]) -> Coding:
    """An exercise or war game of forces of two countries or more is a joint operation:
    PLOVER_MANUAL.tex:846 "Joint military operations are coded as COOPERATE but
    single-country exercises should be coded as MOBILIZE"."""
    if coding.event_type != "MOBILIZE" or coding.cameo != EXERCISE_CODE:
        return coding
    if len({e.country for e in [*actors, *recipients] if e.country}) < 2:
        return coding
    return Coding("COOPERATE", None, JOINT_CODE, coding.factuality, list(coding.context),
                  derived=coding.derived)


def _unnamed_but_asserted(clause: Clause, prob: float | None) -> bool:
    """A main-line verb the lexicon types, whose subject the parse found but no entity
    rule names ("the senator's aide faulted ..."): the act is still reported. So is a
    main-line material act said without its doer: a passive ("a curfew was declared in
    Manipur", CAMEO 1723) or an event noun said to happen ("rioting broke out", 145)."""
    if prob is not None or not main_clause(clause.anchor if not clause.nominal
                                           else clause.anchor.head):
        return False
    if not clause.nominal:
        return ((bool(clause.actors) and not _things_as_subject(clause))
                or _truce_observed(clause) or _crowd_protest(clause)
                or ((_material(clause) or _yielded(clause)) and _passive(clause.anchor)))
    return (_material(clause) or _truce_observed(clause)) and clause.anchor.dep_ == "nsubj"


def _things_as_subject(clause: Clause) -> bool:
    """An unnamed subject that is a thing, not a doer: "inflation hit 211 percent",
    "locust swarms invaded farmland", "the hurricane stormed ashore" report no act by
    anyone (PLOVER codes what actors do, PLOVER_MANUAL.tex 'Event'). Each subject word
    is a common noun no entity rule reads and its word vector is thing-like
    (`classifier.thing_like`); a doer the tables do not know ("assailants", "pirates")
    still acts. Found in stop 23 on the written training corpus's non-events."""
    from resgestae.coding.classifier import thing_like

    return all(t.pos_ == "NOUN" and not t.ent_type_ and thing_like(t.lemma_)
               for t in clause.actors)


# Bare counts that, as a subject, are people ("thousands marched", "dozens protested")
CROWD_COUNTS = frozenset({"tens", "thousands", "hundreds", "dozens", "scores", "millions"})


def _crowd_protest(clause: Clause) -> bool:
    """ "Thousands rallied in Lima": a protest by a crowd counted, not named (NER reads
    the count as a number, no actor): the protest is reported (CAMEO 141)."""
    entry = clause.entry
    return entry is not None and entry.event_type == "PROTEST" and any(
        c.dep_ == "nsubj" and c.lower_ in CROWD_COUNTS for c in clause.anchor.children)


def _yielded(clause: Clause) -> bool:
    """A concession or retreat (CAMEO root 08 "Yield") told in the passive without its
    doer ("the curfew was lifted on Monday", "the prisoners were freed"): the act is
    reported, as a passive deed is (PLOVER_MANUAL.tex:443, l.531)."""
    return clause.entry is not None and clause.entry.event_type in YIELDING


def _truce_observed(clause: Clause) -> bool:
    """A ceasefire said to take effect or hold, or fighting said to stop ("the truce took
    hold", "fighting stopped in Aleppo"): PLOVER_MANUAL.tex:531 RETREAT "observing a
    ceasefire or otherwise ending active conflicts", reported though no party is named."""
    entry = clause.entry
    return entry is not None and entry.event_type == "RETREAT" and entry.mode == "ceasefire"


def _material(clause: Clause) -> bool:
    """A material conflict type (GDELT QuadClass 4): a deed, not a statement."""
    found = plover_type(clause.entry.event_type) if clause.entry is not None else None
    return found is not None and found.quad_class == 4


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _event(
    clause: Clause,
    coding: Coding,
    actors: list[Entity],
    recipients: list[Entity],
    confidence: float,
    sent: Span,
    article: Article,
) -> Event:
    start, end = _text_span(sent)
    trigger, trigger_span = _trigger(clause)
    return Event(
        article_id=article.id,
        event_type=coding.event_type,
        text=article.text[start:end],
        span=(start, end),
        actor=list(actors),
        recipient=list(recipients),
        mode=coding.mode,
        context=list(coding.context),
        cameo=coding.cameo,
        factuality=coding.factuality,
        trigger=trigger,
        confidence=confidence,
        _trigger_i=clause.head.i,
        _sent=(sent.start, sent.end),
        _trigger_span=trigger_span,
    )


def _text_span(sent: Span) -> tuple[int, int]:
    """Character offsets of the sentence from its first to its last word: spaCy's
    sentence also holds whitespace tokens, and text blanked for coding (a dateline, a
    repeated paragraph) is whitespace in the coded Doc."""
    doc, start, end = sent.doc, sent.start, sent.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return sent.start_char, sent.start_char
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _trigger(clause: Clause) -> tuple[str, tuple[int, int]]:
    """The words expressing the event: a short contiguous stretch, or the words themselves."""
    tokens = sorted({t.i: t for t in clause.trigger}.values(), key=lambda t: t.i)
    first, last = tokens[0], tokens[-1]
    span = (first.idx, last.idx + len(last.text))
    if last.i - first.i < MAX_TRIGGER_TOKENS:
        return first.doc[first.i : last.i + 1].text, span
    return " ".join(t.text for t in tokens), span


# -- the learned classifier, for event verbs the lexicon does not know --------------------


@lru_cache(maxsize=1)
def _classifier() -> Callable[[str, str], tuple[str | None, float]] | None:
    try:
        from resgestae.coding.classifier import predict
    except ImportError:
        return None
    return predict


def _unknown_event_object(verb: Token) -> bool:
    """Whether the classifier may type a light verb: its object is an event noun the
    lexicon lacks ("began a ground incursion", "completed the transfer of 40
    detainees"), a common noun that names no actor and has no lexicon entry of its own
    (one that has is coded as its own clause), or it has no object. A party as the
    object ("joined Denmark in ...", "sent 300 police officers") is not asked about.
    Issue 10 item 4, event nouns under any support verb. Measured in stop 23: PLV tune
    accuracy 0.830 -> 0.836 (light verbs asked at all), c134_round5 +1 sentence (also
    with no object); no tune half lower."""
    for obj in verb.children:
        if obj.dep_ in ("dobj", "obj") and obj.pos_ == "NOUN":
            if (obj.lemma_.lower(), "N") in lexicon():
                return False
            return read_actor(verb.doc[obj.left_edge.i : obj.right_edge.i + 1]) is None
        if obj.dep_ in ("dobj", "obj"):
            return False  # a name or a pronoun: a party, not an event noun
    return True


def _classify(clause: Clause, mod: Modality) -> tuple[Coding | None, float | None]:
    """Type an untyped verb clause with the classifier, when it looks like an event."""
    verb = clause.anchor
    r = rules()
    lemma = verb.lemma_.lower()
    if clause.nominal or verb.pos_ != "VERB" or not clause.actors or not main_clause(verb):
        return None, None  # only main-line verbs: the classifier is the costly step
    if lemma in r.reporting or lemma in ("be", "have", "do", "become", "seem"):
        return None, None
    if lemma in r.light and not _unknown_event_object(verb):
        return None, None
    if known_non_event(verb):
        return None, None  # the lexicon reads it as no event ("denied the allegations")
    verbs = active_verbs()
    if verbs is not None and verbs.mode == "only":
        return None, None  # a user's verb dictionaries alone type verbs (PETRARCH's coding)
    predict = _classifier()
    if predict is None or none_reading(verb):
        return None, None
    text = verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text
    try:
        event_type, prob = predict(text, lemma)
    except Exception:  # a broken model must not stop coding; the lexicon still works
        log.warning("classifier failed on %r; the verb stays untyped", text, exc_info=True)
        return None, None
    if event_type is None or prob < CLASSIFIER_THRESHOLD:
        return None, None
    clause.entry = Entry(lemma, "V", (), event_type, None, cameo_root(event_type), None)
    return code_clause(clause, mod), prob
