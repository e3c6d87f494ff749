"""When: resolve each event's date from DATE expressions and the publication date.

1. A DATE entity belongs to an event when it sits in the trigger's clause: in
   the trigger's dependency subtree without crossing another verb ("the April
   2019 offensive", "struck a ceasefire in October 2020"); a noun trigger
   ("ceasefire", "visit") also takes the dates of the verb that governs it.
2. The words are resolved against the publication date (`Article.date`):
   own rules first ("the end of 2021" -> 2021-12, "last year", "this week",
   weekday names: the most recent such day for past events, the next for
   planned ones), then dateparser's `DateDataParser.get_date_data` with the
   publication date as RELATIVE_BASE. Precision is "day", "month" or "year"
   and the ISO date is cut to it ("2019-04").
3. Event-relative phrases: in "X, two days after Y" the event Y is dated two
   days before X's date (X keeps its own date; "after"/"before"/"later"). When Y
   is itself a date ("a week after last month's raid", "two days after last
   Friday's vote") the span counts from it: X is that date (resolved as in 2)
   moved by the span, at its precision, and never after publication for a past
   event; a span with nothing to count from ("a week later") dates nothing.
4. No date words: the publication date, `date_text` None, precision "day".
   No publication date: only dates written with a year resolve; others None.

Durations ("for 18 months", "since then") are not dates and are skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from resgestae.coding.rules import rules
from resgestae.model import Article, Event

log = logging.getLogger("resgestae.coding")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a few": 3, "several": 3,
}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNIT = r"(day|week|month|year)s?"
_COUNT = r"(\d+|a few|several|" + "|".join(k for k in NUMBER_WORDS if " " not in k) + ")"
RELATIVE_RE = re.compile(rf"^(?:some |about |nearly |almost |just )?{_COUNT} {_UNIT}$", re.I)
DURATION_RE = re.compile(rf"^(?:the )?(?:past |last |next |first )?{_COUNT} {_UNIT}$", re.I)
EDGE_RE = re.compile(r"^(?:the )?(end|close|beginning|start|middle|spring|summer|autumn|fall"
                     r"|winter) of (\d{4})$", re.I)
LOOSE_YEAR_RE = re.compile(r"^(early|mid|late|earlier in|later in)[ -](\d{4})$", re.I)
SHIFT_RE = re.compile(r"^(?:earlier |later |late |early )?(last|this|next|past) (week|month|year)$",
                      re.I)
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
NAMED_MONTH_RE = re.compile(rf"^(last|past|this|next) ({'|'.join(MONTHS)})$", re.I)
RELATIVE_PREPS = ("after", "before")
# "a week after last month's", "days before last year's", "a week later": a span counted
# from an anchor in the same words (dateparser reads "after" as "in", forward from the
# publication date: "a year after last year's" -> next year).
OFFSET_RE = re.compile(rf"^(?:some |about |nearly |almost |just |only )?(?:{_COUNT} )?{_UNIT} "
                       r"(after|before|later|earlier)(?: (.+?))?(?:'s|’s)?$", re.I)
LEADING = re.compile(r"^(?:on|in|since|by|during|until|from|as of|earlier|later)\s+", re.I)


@dataclass
class When:
    """A resolved date: ISO string cut to its precision, and the words it came from."""

    date: str
    precision: str
    text: str


def date_events(events: list[Event], doc: Doc, article: Article) -> None:
    """Give each event a date, precision and the words it came from (in place)."""
    pub = _parse_iso(article.date)
    # "two days after X" dates X, not the event of the clause it sits in
    spans = _joined_offsets(date_spans(doc))
    dates = [ent for ent in spans if not _is_relative_anchor(ent)]
    for event in events:
        try:
            _date_one(event, doc, dates, pub)
        except Exception:  # noqa: BLE001 - one odd date never stops the article
            log.warning("article %s: cannot date the event %r; the publication date stands",
                        article.id, event.trigger, exc_info=True)
            event.date = pub.isoformat() if pub else None
            event.date_precision = "day" if pub else None
            event.date_text = None
    _relative_dates(events, doc, spans)


def _joined_offsets(spans: list[Span]) -> list[Span]:
    """ "two days after last Friday's election": the span and the date it counts from
    are one date ("two days after last Friday's"), not an event two days before."""
    joined: list[Span] = []
    for ent in spans:
        last = joined[-1] if joined else None
        if last is not None and _is_relative_anchor(last) and ent.start == last.end + 1:
            joined[-1] = ent.doc[last.start : ent.end]
        else:
            joined.append(ent)
    return joined


# Times of day that name a day ("Monday night", TIME to spaCy) and day words spaCy
# leaves unlabelled ("overnight").
DAY_TIME_RE = re.compile(rf"^(?:late |early )?(?:on )?(?:{'|'.join(WEEKDAYS)}|yesterday|today)"
                         r"(?: (?:night|morning|afternoon|evening))?$|^last night$|^tonight$", re.I)
OVERNIGHT = ("overnight", "tonight", "last night")


def date_spans(doc: Doc) -> list[Span]:
    """DATE entities, TIME entities that name a day ("Monday night", "late Monday"),
    and "overnight" / "last night" where the model labels nothing."""
    found = [e for e in doc.ents if e.label_ == "DATE"
             or (e.label_ == "TIME" and DAY_TIME_RE.match(_clean(e.text)))]
    covered = {t.i for e in doc.ents for t in e}
    for token in doc:
        if token.lower_ == "overnight" and token.i not in covered:
            found.append(doc[token.i : token.i + 1])
        elif token.lower_ == "night" and token.i > 0 and doc[token.i - 1].lower_ == "last" \
                and token.i not in covered:
            found.append(doc[token.i - 1 : token.i + 1])
    return sorted(found, key=lambda e: e.start)


def _date_one(event: Event, doc: Doc, dates: list[Span], pub: dt.date | None) -> None:
    event.date, event.date_precision, event.date_text = None, None, None
    when = None
    if event._trigger_i is not None and event._trigger_i < len(doc):
        trigger = doc[event._trigger_i]
        future = event.factuality in ("future", "hypothetical")
        for ent in clause_dates(trigger, dates):
            when = resolve_date(ent.text, pub, future and not _said_when(ent, trigger))
            if when:
                break
    if when is None and pub is not None:
        when = When(pub.isoformat(), "day", "")
    if when is not None:
        event.date, event.date_precision = when.date, when.precision
        event.date_text = when.text or None


def _said_when(ent: Span, trigger: Token) -> bool:
    """ "China said on Friday it would retaliate": a date between the reporting verb and
    the reported clause's subject tells when it was said, which is past, not when the
    planned act will be (the parser may hang it on either verb)."""
    verb = trigger
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    reporter = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (verb.dep_ == "ccomp" and reporter.lemma_.lower() in rules().reporting
            and bool(subjects) and reporter.i < ent.start
            and ent.end <= subjects[0].left_edge.i)


SIMULTANEOUS_MARKS = frozenset({"when", "as", "while"})


def _simultaneous(verb: Token) -> bool:
    """A verb of an adverbial clause marked "when", "as" or "while" (the same time as
    the verb it hangs on)."""
    return verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in SIMULTANEOUS_MARKS for c in verb.children)


def clause_dates(trigger: Token, dates: list[Span]) -> list[Span]:
    """DATE entities in the trigger's clause, nearest in the parse first."""
    heads = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN"):
        verb = _governing_verb(trigger)
        if verb is not None:
            heads.append(verb)
            # "a 2011 uprising toppled and led to the killing of X": a verb joined to
            # another shares its subject, and the date the subject carries
            if verb.dep_ == "conj":
                heads += _subjects(verb.head)
    elif trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
        # "clashed with protesters on Saturday, and officers arrested six": a joined
        # verb of no date of its own shares the first one's
        heads.append(trigger.head)
    elif _simultaneous(trigger):
        # "the truce collapsed on Sunday when fighters shelled the town": a when-clause
        # of no date of its own happens at the time of the clause it is hung on
        heads.append(trigger.head)
    found = []
    for ent in dates:
        if _names_a_thing(ent, heads):
            continue
        for rank, head in enumerate(heads):
            steps = _steps_within_clause(ent.root, head)
            if steps is not None:
                found.append((rank, steps, ent.start, ent))
                break
        else:
            if _closes_reported_clause(ent, trigger):
                found.append((len(heads), 1, ent.start, ent))
    return [f[3] for f in sorted(found, key=lambda f: f[:3])]


def _names_a_thing(ent: Span, heads: list[Token]) -> bool:
    """ "scrapped the 2018 military pact", "marked the 1994 genocide": a year before a
    noun names that thing (when it was signed or happened), not when the act was; on
    the event noun itself ("the 2011 uprising") it is the event's own date."""
    root = ent.root
    return (root.dep_ in ("nummod", "compound", "amod") and root.i < root.head.i
            and root.head.pos_ in ("NOUN", "PROPN") and root.head not in heads
            and root.head.ent_type_ not in ("DATE", "TIME"))  # "Tuesday night"


def _closes_reported_clause(ent: Span, trigger: Token) -> bool:
    """ "arrested two leaders in Caracas yesterday, their party said": the parser hangs
    the date on the reporting verb, but it stands at the end of the reported clause,
    after the trigger and before the reporting verb, so it dates the reported act."""
    verb = trigger
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    if verb.dep_ not in ("ccomp", "parataxis") or ent.root.head.i != head.i:
        return False
    return verb.right_edge.i < ent.start and ent.end <= head.i and \
        all(t.is_punct or t.i in range(ent.start, ent.end) for t in
            trigger.doc[verb.right_edge.i + 1 : ent.end])


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects; a participle's is the noun it describes ("an uprising toppled")."""
    if verb.dep_ == "acl":
        return [verb.head]
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _governing_verb(noun: Token) -> Token | None:
    token = noun
    while token.dep_ in ("compound", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr",
                         "amod", "conj", "appos") and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _steps_within_clause(token: Token, head: Token) -> int | None:
    """Arcs from token up to head, or None if head is not above it in the same clause."""
    steps = 0
    while token.i != head.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "aux", "auxpass"):
            return None  # another clause's date
        if token.head.i == token.i:
            return None
        token = token.head
        steps += 1
    return steps


def _is_relative_anchor(ent: Span) -> bool:
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return bool(RELATIVE_RE.match(_clean(ent.text))) and nxt is not None \
        and nxt.lower_ in RELATIVE_PREPS


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"\s?['’]s$", "", LEADING.sub("", text))  # "last Friday's vote"


def resolve_date(text: str, pub: dt.date | None, future: bool = False) -> When | None:
    """Resolve date words against the publication date; None when they are no date."""
    found = _resolve_cached(text, pub, future)
    return When(found.date, found.precision, found.text) if found else None


@lru_cache(maxsize=20_000)
def _resolve_cached(text: str, pub: dt.date | None, future: bool) -> When | None:
    words = _clean(text)
    if not words or DURATION_RE.match(words) or words.lower() in ("then", "since then", "now"):
        return None
    if words.isdigit() and len(words) != 4:
        return None  # "Adamowicz, 53, has ...": an age, not the year 1953
    offset = OFFSET_RE.match(words)
    when = _offset(offset, pub, future) if offset else _own_rules(words, pub, future)
    if when is None and not offset and (pub is not None or YEAR_RE.search(words)):
        when = _dateparser(words, pub, future)
    if when is not None:
        when.text = text.strip()
    return when


def _offset(m: re.Match[str], pub: dt.date | None, future: bool) -> When | None:
    """ "a week after last month's": the anchor resolved, then moved by the span, at the
    anchor's precision; a past event never lands after publication. With no anchor in
    the words ("a week later") the span counts from another event: no date here."""
    anchor = _resolve_cached(m.group(4), pub, future) if m.group(4) else None
    days = _offset_days(m.group(1), m.group(2))
    if anchor is None or days is None:
        return None
    sign = 1 if m.group(3).lower() in ("after", "later") else -1
    day = _middle(anchor) + dt.timedelta(days=sign * days)
    if pub is not None and not future:
        day = min(day, pub)
    return _cut(day, anchor.precision, "") if anchor.precision != "day" else When(
        day.isoformat(), "day", "")


def _offset_days(count: str | None, unit: str) -> int | None:
    if count is None:  # "days after", "weeks before": a few
        return 3 * UNIT_DAYS[unit.lower()]
    number = int(count) if count.isdigit() else NUMBER_WORDS.get(count.lower())
    return number * UNIT_DAYS[unit.lower()] if number else None


def _middle(when: When) -> dt.date:
    """The day a dated period is counted from: its middle (the day itself for a day)."""
    if when.precision == "year":
        return dt.date(int(when.date), 7, 1)
    if when.precision == "month":
        year, month = map(int, when.date.split("-"))
        return dt.date(year, month, 15)
    return dt.date.fromisoformat(when.date)


def _own_rules(words: str, pub: dt.date | None, future: bool) -> When | None:
    if m := EDGE_RE.match(words):
        part, year = m.group(1).lower(), int(m.group(2))
        month = {"end": 12, "close": 12, "beginning": 1, "start": 1}.get(part)
        return When(f"{year}-{month:02d}", "month", "") if month else When(str(year), "year", "")
    if m := LOOSE_YEAR_RE.match(words):
        return When(m.group(2), "year", "")
    if pub is None:
        return None
    if m := SHIFT_RE.match(words):
        return _shifted(m.group(1).lower(), m.group(2).lower(), pub)
    if m := NAMED_MONTH_RE.match(words):
        return _named_month(m.group(1).lower(), MONTHS.index(m.group(2).lower()) + 1, pub)
    day = _day_word(words)
    if day in WEEKDAYS:
        return _weekday(WEEKDAYS.index(day), pub, future)
    if day in ("today", "tonight", "overnight"):
        return When(pub.isoformat(), "day", "")  # the night just before publication
    if day in ("yesterday", "last night"):
        return When((pub - dt.timedelta(days=1)).isoformat(), "day", "")
    return None


def _day_word(words: str) -> str:
    """ "late Monday", "Monday night", "early Tuesday morning" -> the day word."""
    text = re.sub(r"^(?:late|early)\s+", "", words.lower())
    if text != "last night":
        text = re.sub(r"\s+(?:night|morning|afternoon|evening)$", "", text)
    return text.rstrip("s") if text.rstrip("s") in WEEKDAYS else text


def _shifted(which: str, unit: str, pub: dt.date) -> When:
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return When(str(pub.year + step), "year", "")
    if unit == "month":
        month0 = pub.year * 12 + pub.month - 1 + step
        return When(f"{month0 // 12}-{month0 % 12 + 1:02d}", "month", "")
    # A week has no precision of its own: the month most of its days lie in
    # (its Thursday, as ISO weeks count; for "this week", the days up to publication).
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
    middle = monday + dt.timedelta(days=3)
    if step == 0 and pub < middle:
        middle = monday + (pub - monday) / 2
    return When(f"{middle.year}-{middle.month:02d}", "month", "")


def _named_month(which: str, month: int, pub: dt.date) -> When:
    """ "last October": the latest October before the month of publication; "next
    March": the first March after it; "this October": the one of its year."""
    year = pub.year
    if which in ("last", "past") and month >= pub.month:
        year -= 1
    elif which == "next" and month <= pub.month:
        year += 1
    return When(f"{year}-{month:02d}", "month", "")


def _weekday(target: int, pub: dt.date, future: bool) -> When:
    if future:
        day = pub + dt.timedelta(days=(target - pub.weekday()) % 7)
    else:
        day = pub - dt.timedelta(days=(pub.weekday() - target) % 7)
    return When(day.isoformat(), "day", "")


@lru_cache(maxsize=2)
def _parser(future: bool, base: dt.datetime | None = None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if future else "past",
                "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(words: str, pub: dt.date | None, future: bool) -> When | None:
    base = dt.datetime.combine(pub, dt.time()) if pub else dt.datetime(2000, 1, 1)
    parser = _parser(future)
    # A parser costs ~40 ms to build, so one is re-based per article; should a
    # dateparser release drop this attribute, build one per base instead.
    if hasattr(parser, "_settings") and hasattr(parser._settings, "RELATIVE_BASE"):
        parser._settings.RELATIVE_BASE = base
    else:
        parser = _parser(future, base)
    try:
        data = parser.get_date_data(words)
    except Exception:  # noqa: BLE001 - dateparser raises on odd input; no date then
        log.debug("dateparser failed on %r", words, exc_info=True)
        return None
    if data is None or data.date_obj is None:
        return None
    return _cut(data.date_obj.date(), data.period or "day", words)


def _cut(day: dt.date, period: str, words: str) -> When:
    if period == "year":
        return When(str(day.year), "year", "")
    if period in ("month", "week") and not re.search(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)", words):
        return When(f"{day.year}-{day.month:02d}", "month", "")
    return When(day.isoformat(), "day", "")


def publication_day(article: Article) -> dt.date | None:
    """The article's publication day, when it has one."""
    return _parse_iso(article.date)


def _parse_iso(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _relative_dates(events: list[Event], doc: Doc, dates: list[Span]) -> None:
    """'X, two days after Y': date Y from X's date."""
    by_trigger = {e._trigger_i: e for e in events if e._trigger_i is not None}
    for ent in dates:
        if not _is_relative_anchor(ent):
            continue
        prep = doc[ent.end]
        days = _span_days(_clean(ent.text))
        # "after" is a preposition over Y's clause, or the marker inside it
        clause = prep.head if prep.dep_ == "mark" else prep
        inner = [e for i, e in by_trigger.items() if _heads_clause(doc[i], clause)]
        outer = _event_above(clause, by_trigger)
        if days is None or outer is None or not outer.date or outer.date_precision != "day":
            continue
        sign = -1 if prep.lower_ == "after" else 1
        anchor = dt.date.fromisoformat(outer.date) + dt.timedelta(days=sign * days)
        for event in inner:
            event.date, event.date_precision = anchor.isoformat(), "day"
            event.date_text = f"{ent.text} {prep.text}"


def _span_days(words: str) -> int | None:
    m = RELATIVE_RE.match(words)
    if not m:
        return None
    count = m.group(1).lower()
    number = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
    return number * UNIT_DAYS[m.group(2).lower()] if number else None


def _heads_clause(token: Token, clause: Token) -> bool:
    """The trigger is the clause's verb, or hangs on it as "threatened to attack"."""
    while token.i != clause.i:
        if token.dep_ not in ("xcomp", "conj", "dobj", "compound", "pobj", "prep", "pcomp") \
                or token.head.i == token.i:
            return False
        token = token.head
    return True


def _event_above(prep: Token, by_trigger: dict[int | None, Event]) -> Event | None:
    """The nearest event above: its trigger, or the verb its noun trigger hangs on."""
    doc = prep.doc
    heads: dict[int, Event] = {}
    for i, event in sorted(by_trigger.items(), key=lambda kv: kv[0] or 0):
        trigger = doc[i]
        verb = _governing_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
        heads.setdefault(i, event)
        if verb is not None:
            heads.setdefault(verb.i, event)
    for token in prep.ancestors:
        if token.i in heads:
            return heads[token.i]
    return None
