"""Deduplication: one event per real-world event, with mentions and article ids.

Inside one article (`merge_in_article`, run by the pipeline):

1. A paragraph the reader found repeated is coded once (the copies are blanked
   out of the coding text); its events get `mentions` = the number of times
   the paragraph occurs (`Article.repeats`).
2. Two events of the article that report the same real-world event merge into
   one: same `event_type` and `factuality`, the same actors and the same
   recipients (by `kb_id`, else canonical name; at least one named), and
   compatible dates (equal at the coarser of the two precisions, so "2019-04"
   matches "2019-04-10"; an event dated only by the publication date matches
   any date written in the article for the same actors and type only when they
   agree). The merged event is the first report (by character offset); its
   `mentions` is the sum, empty fields (location, date words) are filled from
   the later reports. Events without named actors or recipients are never merged:
   nothing says they are the same.

Across articles (the store calls `block_key`, `Report` and `assign` with its `Policy`:
how names compare and which stand for a country; this module reads no tables and no
store, and its functions are pure): reports of one
real-world event in several articles become one stored event whose `mentions` and
`article_ids` add up (as GDELT's Mentions table, but documented and deterministic).
Two steps:

1. Blocking. Each report gets a block key; only reports of one block can merge:

       event_type | factuality | * | recipients | period      (recipients specific)
       event_type | factuality | actors | recipients | period (else; actors specific)

   - sides: the sorted, ';'-joined entities of each side, a collective (a country
     or its institutions in general: "United States", "American military", "the
     Iraqi government") by its country, anyone else (a person, a named organisation)
     by its canonical name, lower-cased and without accents. So "American military"
     and "United States" are one side (USA), "Erdogan" and "Turkey" are not. Not the
     `kb_id`: articles coded in parallel learn a person (and the country that is part
     of a new entry's id) each on their own, while the full name they resolve
     "Soleimani" or "the general" to is the same;
   - period: the month of the date ("2020-01") for day and month precision, the year
     for year precision;
   - an event with no specific entity on either side, or without a date, gets the key
     '' (never merged). Specific: it has a country, a title, or a name of two or more
     capitalised words; "Police" or "Protesters" in two articles of one month are
     most likely not the same people. The block is keyed by the recipients when one
     of them is specific, so that a report naming no actor ("Soleimani was killed")
     meets those that do; else by both sides.

2. Clustering inside a block (`cluster`). Two reports are the same event when their
   dates can be the same day: a stated day is that day, a month or a year is its
   whole span, and a report that states no date (dated by its article's publication
   date, `date_text` null) happened within the 7 days up to that date. So "killed
   Soleimani on Thursday" (2020-01-02), "the killing of Soleimani last week" (2020-01)
   and an undated report published on 2020-01-06 are compatible; strikes stated on
   2020-01-02 and 2020-01-09 are not.
   In a block keyed by its recipients, the actors must also agree: the same actor
   tokens, or none named ("Soleimani was killed" fits "the United States killed
   Soleimani"), or countries on one side and people of exactly those countries on
   the other ("Armenia agreed" fits "Prime Minister Nikol Pashinyan agreed").
   A new report joins the stored event whose every report it is compatible with and
   that has no report from its own article yet; of several, the one whose reports
   allow the fewest days (a report of the 8th joins the strike of the 8th, not a
   lone "in January"). Compatible with none: a new event. With several equally
   precise (a month-precise "strikes in January" beside strikes stated on two days,
   or an attack on X that names no attacker beside two attackers of X): also a new
   event, since nothing says which one it was. The reports of one batch are placed
   those naming actors first, then finest date first (then by date, article id,
   event id).

The stored event is the report of the smallest article id in its cluster. Placing a
report reads only the summary the store keeps per event (the days all its reports
allow, its articles, its actors), so a write costs the same however many reports an
event or a block already has. Re-coding or deleting an article takes the events it
was part of apart and places their other reports again. The outcome does not depend
on the order articles arrive in, except where a report fits two events equally well
at the time it arrives: then it stays alone, and stays so when a later report would
have told them apart (tests/test_store.py).

Left out: an undated report published early in a month and an event stated late in
the month before fall in different blocks and never merge.

Inside an article everything is a pure function of its events; ids and block keys
are the same in any run, with any number of workers.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from resgestae.days import UNDATED_DAYS, span  # noqa: F401 - part of dedup's rules
from resgestae.model import Article, Entity, Event


def merge_in_article(events: list[Event], article: Article) -> list[Event]:
    """Count repeated paragraphs and merge reports of one event inside an article."""
    ordered = sorted(events, key=_order)
    for event in ordered:
        event.mentions = max(event.mentions, _paragraph_count(event, article))
        if article.id not in event.article_ids:
            event.article_ids = sorted({*event.article_ids, article.id})
    kept: list[Event] = []
    for event in ordered:
        twin = next((k for k in kept if same_event(k, event)), None)
        if twin is None:
            kept.append(event)
        else:
            _absorb(twin, event)
    return kept


def _order(event: Event) -> tuple:
    return (event.span[0], event._trigger_span or (0, 0), event.event_type, event.id)


def _paragraph_count(event: Event, article: Article) -> int:
    """Occurrences of the paragraph the event's sentence starts in (1 if not repeated)."""
    start = event.span[0]
    for p_start, p_end in article.paragraphs:
        if p_start <= start < p_end:
            return max(1, article.repeats.get(p_start, 1))
    # Readers that give no paragraph list: the nearest repeated start before it.
    before = [s for s in article.repeats if s <= start]
    if before and not article.paragraphs:
        nearest = max(before)
        if "\n\n" not in article.text[nearest:start]:
            return max(1, article.repeats[nearest])
    return 1


def same_event(a: Event, b: Event) -> bool:
    """Whether two events of one article report the same real-world event."""
    if a.event_type != b.event_type or a.factuality != b.factuality:
        return False
    if a.span == b.span and a._trigger_span != b._trigger_span:
        return False  # one sentence's repeats were merged when it was coded: two acts
    actors, recipients = _side(a.actor), _side(a.recipient)
    if not actors and not recipients:
        return False
    if actors != _side(b.actor) or recipients != _side(b.recipient):
        return False
    return dates_compatible(a.date, a.date_precision, b.date, b.date_precision)


def _side(entities: Iterable[Entity]) -> tuple[str, ...]:
    return tuple(sorted({e.key() for e in entities} - {""}))


def dates_compatible(a: str | None, pa: str | None, b: str | None, pb: str | None) -> bool:
    """Equal at the coarser precision; two unknown dates are compatible."""
    if not a or not b:
        return not a and not b
    width = min(len(a), len(b), *(_WIDTH[p] for p in (pa, pb) if p in _WIDTH))
    return a[:width] == b[:width]


_WIDTH = {"year": 4, "month": 7, "day": 10}


def _absorb(kept: Event, other: Event) -> None:
    kept.mentions += other.mentions
    # "Gunmen kill villagers" (headline) and "Gunmen in Benue state killed ...": the
    # later report may know a side's country the first does not say
    for mine, theirs in ((kept.actor, other.actor), (kept.recipient, other.recipient)):
        known = {e.key(): e.country for e in theirs if e.country}
        for entity in mine:
            entity.country = entity.country or known.get(entity.key())
    kept.article_ids = sorted({*kept.article_ids, *other.article_ids})
    if kept.location is None and other.location is not None:
        kept.location = other.location
    finer = _WIDTH.get(other.date_precision or "", 0) >= _WIDTH.get(kept.date_precision or "", 0)
    if kept.date_text is None and other.date_text is not None and finer:
        kept.date, kept.date_precision, kept.date_text = (
            other.date, other.date_precision, other.date_text)
    kept.confidence = max(kept.confidence, other.confidence)


@dataclass(frozen=True)
class Policy:
    """What the cross-article rules take from outside the records: how names are folded
    for comparing, and which country a name's capitalised words name ("American" ->
    USA), which makes "American military" a collective. The store passes its own
    (`resgestae.store.policy`, from the actor tables); this module reads no tables."""

    fold: Callable[[str], str] = str.casefold
    country_of: Callable[[str], str | None] = field(default=lambda words: None)


PLAIN = Policy()  # no tables: case-folded names, no name stands for a country


def block_key(record: dict[str, Any], policy: Policy = PLAIN) -> str:
    """Cross-article block of an event record; '' means "never merge" (module doc)."""
    when = _period(record.get("date"), record.get("date_precision"))
    actors, recipients = record.get("actor") or [], record.get("recipient") or []
    if not when:
        return ""
    if any(_specific(e) for e in recipients):
        sides = ["*", ";".join(_tokens(recipients, policy))]  # the actors are checked per report
    elif any(_specific(e) for e in actors):
        sides = [";".join(_tokens(actors, policy)), ";".join(_tokens(recipients, policy))]
    else:
        return ""
    return "|".join([record.get("event_type") or "", record.get("factuality") or "asserted",
                     *sides, when])


def _specific(entity: dict[str, Any]) -> bool:
    """Whether an entity names someone in particular (see the module docstring)."""
    if entity.get("country") or entity.get("title"):
        return True
    words = (entity.get("name") or entity.get("text") or "").split()
    return sum(w[:1].isupper() for w in words) >= 2


def _tokens(entities: list[dict[str, Any]], policy: Policy) -> list[str]:
    """One block token per entity: the country of a collective ("Turkey", "Turkish
    forces"), else the entity itself (its canonical name, folded)."""
    return list(actor_tokens(*who(entities), policy))


def who(entities: list[dict[str, Any]]) -> tuple[list[str | None], list[str]]:
    """Countries and names (else texts) of entity records."""
    return ([e.get("country") for e in entities],
            [e.get("name") or e.get("text") or "" for e in entities])


def actor_tokens(countries: list[str | None], names: list[str],
                 policy: Policy = PLAIN) -> tuple[str, ...]:
    """`_tokens` of entities given by their countries and names (as the store reads them)."""
    return tuple(sorted({_token(c, n, policy)
                         for c, n in zip(countries, names, strict=True)} - {""}))


@lru_cache(maxsize=65536)
def _token(country: str | None, name: str, policy: Policy) -> str:
    if country and _collective(name, policy):
        return country
    return policy.fold(name)


def _period(date: str | None, precision: str | None) -> str:
    if not date:
        return ""
    if precision == "year" or len(date) == 4:
        return date[:4]
    return date[:7]


@dataclass
class Report:
    """One article's report of an event: the days it can have happened on, how often
    the article said it, and its record (a dict, or the JSON text the store keeps,
    parsed only when the report becomes a stored event)."""

    article_id: str
    event_id: str
    first: dt.date
    last: dt.date
    count: int = 1
    actors: tuple[str, ...] = ()  # block tokens of its actors (`actor_tokens`)
    countries: tuple[str, ...] = ()  # its actors' countries, persons' included
    record: dict[str, Any] | None = None
    text: str = ""

    @classmethod
    def of(cls, article_id: str, record: dict[str, Any], count: int = 1,
           policy: Policy = PLAIN) -> Report:
        countries, names = who(record.get("actor") or [])
        return cls.read(article_id, record.get("id") or "", count, record.get("date"),
                        record.get("date_precision"), bool(record.get("date_text")),
                        countries, names, record=record, policy=policy)

    @classmethod
    def read(cls, article_id: str, event_id: str, count: int, date: str | None,
             precision: str | None, stated: bool, countries: list[str | None],
             names: list[str], record: dict[str, Any] | None = None, text: str = "",
             policy: Policy = PLAIN) -> Report:
        """A report from its parts (the store reads them out of its JSON in DuckDB)."""
        first, last = span(date, precision, stated)
        return cls(article_id, event_id, first, last, count,
                   actor_tokens(countries, names, policy),
                   tuple(sorted({c for c in countries if c})), record, text)

    def as_record(self) -> dict[str, Any]:
        if self.record is None:
            self.record = json.loads(self.text)
        return self.record

    def as_text(self) -> str:
        return self.text or json.dumps(self.record, ensure_ascii=False)


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Group one block's reports into events (module doc, step 2)."""
    return [c.reports for c in assign(reports, [])]


def assign(reports: list[Report], clusters: list[Cluster]) -> list[Cluster]:
    """Add one block's new reports to its events (`clusters`, stored ones first; new
    clusters are appended). Returns `clusters`.

    A cluster's reports overlap pairwise exactly when the intersection of their spans
    is not empty (intervals on a line), so each cluster keeps that intersection and
    a report is checked against it once: linear in the clusters, not the reports.
    """
    # reports naming their actors first: one that names none then sees every cluster
    ordered = sorted(reports, key=lambda r: (not r.actors, (r.last - r.first).days, r.first,
                                             r.article_id, r.event_id))
    index = _ActorIndex(clusters)
    for report in ordered:
        fits = [c for c in index.candidates(report) if c.takes(report)]
        # the most precise event it fits: a day's report joins the strike of that day
        # rather than a lone "in January" beside it
        narrowest = min(((c.last - c.first).days for c in fits), default=0)
        best = [c for c in fits if (c.last - c.first).days == narrowest]
        if len(best) == 1:
            best[0].add(report)
            index.file(best[0], (report.actors, report.countries))
        else:
            clusters.append(Cluster.of(report))
            index.file(clusters[-1], (report.actors, report.countries))
    return clusters


class _ActorIndex:
    """Which clusters a report's actors can fit (`same_actors`) without trying them all:
    those naming the same actors, those naming none, and those naming the countries of
    a report's people, or the people of a report's countries."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.all = clusters
        self.by_actors: dict[tuple[str, ...], list[Cluster]] = {}
        self.by_countries: dict[tuple[str, ...], list[Cluster]] = {}
        for found in clusters:
            for side in found.sides:
                self.file(found, side)

    def file(self, found: Cluster, side: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
        actors, countries = side
        for table, key in ((self.by_actors, actors), (self.by_countries, countries)):
            bucket = table.setdefault(key, [])
            if not bucket or bucket[-1] is not found:
                bucket.append(found)

    def candidates(self, report: Report) -> list[Cluster]:
        if not report.actors:
            return self.all  # naming no one, it may fit any
        found = [*self.by_actors.get(report.actors, []), *self.by_actors.get((), []),
                 *self.by_actors.get(report.countries, [])]
        if _countries_only(report.actors):
            found += self.by_countries.get(report.actors, [])
        return list({id(c): c for c in found}.values())


@dataclass
class Cluster:
    """One event of a block: the days all its reports allow, the articles reporting it
    and the actors they name; `reports` are those added now, `event_id` is set for an
    event already stored (with its home article and what its record lacks)."""

    first: dt.date
    last: dt.date
    articles: set[str]
    sides: set[tuple[tuple[str, ...], tuple[str, ...]]]
    reports: list[Report] = field(default_factory=list)
    event_id: str | None = None
    home: str = ""  # the stored event's home article id
    placed: bool = True  # the stored event's record has a location
    width: int = 0  # days the stored event's own date spans

    @classmethod
    def of(cls, report: Report) -> Cluster:
        return cls(report.first, report.last, {report.article_id},
                   {(report.actors, report.countries)}, [report])

    @classmethod
    def stored(cls, event_id: str, home: str, first: dt.date, last: dt.date,
               articles: list[str], sides: str, placed: bool, width: int) -> Cluster:
        pairs = {(tuple(a), tuple(c)) for a, c in json.loads(sides or "[]")}
        return cls(first, last, set(articles), pairs, [], event_id, home, placed, width)

    def takes(self, report: Report) -> bool:
        if report.first > self.last or self.first > report.last:
            return False
        if report.article_id in self.articles:
            return False
        mine = (report.actors, report.countries)
        return all(side == mine or same_actors(*mine, *side) for side in self.sides)

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self.first, self.last = max(self.first, report.first), min(self.last, report.last)
        self.articles.add(report.article_id)
        self.sides.add((report.actors, report.countries))

    def sides_text(self) -> str:
        return json.dumps(sorted([list(a), list(c)] for a, c in self.sides))

    def needs_rebuild(self) -> bool:
        """Whether a stored event that got new reports must be rebuilt from all of them:
        a new report becomes its home (a smaller article id), or lends it a place or a
        narrower stated date (`fill_from_reports`). Else it is updated in place."""
        if self.event_id is None or not self.reports:
            return False
        if min(r.article_id for r in self.reports) < self.home:
            return True
        if not self.placed and any(r.as_record().get("location") for r in self.reports):
            return True
        return any(r.as_record().get("date_text") and (r.last - r.first).days < self.width
                   for r in self.reports)


@lru_cache(maxsize=65536)  # a few distinct sides meet many times in a block
def same_actors(a: tuple[str, ...], a_countries: tuple[str, ...],
                b: tuple[str, ...], b_countries: tuple[str, ...]) -> bool:
    """Whether two reports' actors can be the same: equal, one naming none, or one
    naming countries only ("Armenia") and the other people of exactly those countries
    ("Armenian Prime Minister Nikol Pashinyan")."""
    if not a or not b or a == b:
        return True
    return (_countries_only(a) and set(a) == set(b_countries)) or (
        _countries_only(b) and set(b) == set(a_countries))


def _countries_only(tokens: tuple[str, ...]) -> bool:
    return all(len(t) == 3 and t.isupper() for t in tokens)  # names are folded lower case


def fill_from_reports(home: Report, group: list[Report]) -> dict[str, Any] | None:
    """The home report's record with what other reports of the event add (None: none):
    a place when it names none (the first report that names one, by article id), and
    the narrowest date a report states when it is narrower than the home's ("on
    Thursday" beside "last week"). As `merge_in_article` does inside an article."""
    record, changes = home.as_record(), {}
    others = sorted((r for r in group if r is not home), key=lambda r: (r.article_id,
                                                                        r.event_id))
    if not record.get("location"):
        placed = next((r for r in others if r.as_record().get("location")), None)
        if placed is not None:
            changes["location"] = placed.as_record()["location"]
    width = (home.last - home.first).days
    stated = [r for r in others if r.as_record().get("date_text")]  # not a publication date
    finer = min(stated, default=None, key=lambda r: (r.last - r.first).days)
    if finer is not None and (finer.last - finer.first).days < width:
        dated = finer.as_record()
        changes.update({k: dated.get(k) for k in ("date", "date_precision", "date_text")})
    return {**record, **changes} if changes else None


@lru_cache(maxsize=4096)
def _collective(name: str, policy: Policy) -> bool:
    """A country or its institutions in general: "United States", "American military",
    "the Hong Kong government" (its capitalised words only name the country)."""
    capitalised = [w for w in name.split() if w[:1].isupper() and w.lower() != "the"]
    return not capitalised or policy.country_of(" ".join(capitalised)) is not None
