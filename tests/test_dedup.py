"""Deduplication: repeated paragraphs, same event reported twice, deterministic keys."""

from __future__ import annotations

import random
from collections import Counter
from functools import partial

from resgestae import dedup
from resgestae.dedup import cluster, dates_compatible, merge_in_article
from resgestae.model import Article, Entity, Event
from resgestae.store.policy import dedup_policy

# the cross-article rules as the store applies them (with its tables)
block_key = partial(dedup.block_key, policy=dedup_policy())


class Report:
    of = partial(dedup.Report.of, policy=dedup_policy())

AKAR = Entity(text="Akar", name="Hulusi Akar", country="TUR", kb_id="k-akar")
NAMROUSH = Entity(text="Namroush", name="Salahaddin Namroush", country="LBY", kb_id="k-namroush")
NEMRUSH = Entity(text="Saladin Nemrush", name="Salahaddin Namroush", country="LBY",
                 kb_id="k-namroush")
HAFTAR = Entity(text="Haftar", name="Khalifa Haftar", country="LBY", kb_id="k-haftar")


def event(start: int, kind: str = "CONSULT", actor=AKAR, recipient=NAMROUSH,
          date: str | None = "2020-12-26", precision: str | None = "day",
          date_text: str | None = None, trigger: tuple[int, int] | None = None) -> Event:
    made = Event(article_id="a", event_type=kind, text="x", span=(start, start + 20),
                 actor=[actor] if actor else [], recipient=[recipient] if recipient else [],
                 date=date, date_precision=precision, date_text=date_text,
                 _trigger_span=trigger or (start, start + 3))
    made.assign_id()
    return made


def article(text: str = "", **kw) -> Article:
    return Article(id="a", text=text or "p" * 400, date="2020-12-26", **kw)


def test_repeated_paragraph_gives_mentions():
    text = "Akar met Namroush.\n\nHaftar threatened Turkey.\n\nAkar met Namroush.\n"
    art = article(text, paragraphs=[(0, 18), (20, 45)], repeats={0: 2})
    met = event(0)
    threat = event(20, "THREATEN", HAFTAR, None)
    out = merge_in_article([threat, met], art)
    assert [(e.event_type, e.mentions) for e in out] == [("CONSULT", 2), ("THREATEN", 1)]
    assert out[0].article_ids == ["a"]


def test_same_event_reported_twice_merges():
    first = event(0)
    second = event(100, recipient=NEMRUSH, date_text="Thursday")  # other spelling, same kb_id
    out = merge_in_article([second, first], article())
    assert len(out) == 1
    assert out[0].id == first.id and out[0].mentions == 2
    assert out[0].date_text == "Thursday"  # the later report's date words fill the gap


def test_different_events_stay_apart():
    events = [event(0), event(50, "THREATEN"), event(100, actor=HAFTAR),
              event(150, date="2020-11-02"), event(200, actor=None, recipient=None),
              event(250, actor=None, recipient=None)]
    assert len(merge_in_article(events, article())) == 6


def test_two_acts_of_one_sentence_stay_apart():
    # the sentence's own coding merged its repeats; two triggers left in it are two acts
    seized = event(0, "ASSAULT", HAFTAR, None, trigger=(7, 13))
    shelled = event(0, "ASSAULT", HAFTAR, None, trigger=(30, 37))
    assert len(merge_in_article([seized, shelled], article())) == 2
    again = event(100, "ASSAULT", HAFTAR, None, trigger=(107, 113))  # a later sentence
    assert len(merge_in_article([seized, again], article())) == 1


def test_two_deeds_of_one_actor_in_a_sentence_are_two_events(code):
    events = code("Rebels seized the airport and later shelled the city centre.")
    assert sorted(e.trigger for e in events if e.event_type == "ASSAULT") == [
        "seized", "shelled"]


def test_dates_compatible_at_coarser_precision():
    assert dates_compatible("2019-04", "month", "2019-04-10", "day")
    assert not dates_compatible("2019-04", "month", "2019-05-01", "day")
    assert dates_compatible(None, None, None, None)
    assert not dates_compatible("2019", "year", None, None)


def test_clause_with_several_actors_gets_distinct_ids():
    shared = (10, 16)  # "backed by Russia, Egypt and the UAE": one clause, three actors
    russia = Entity(text="Russia", name="Russia", country="RUS")
    egypt = Entity(text="Egypt", name="Egypt", country="EGY")
    events = [event(0, "SUPPORT", who, HAFTAR, trigger=shared) for who in (russia, egypt)]
    out = merge_in_article(events, article())
    assert len(out) == 2 and len({e.id for e in out}) == 2


def test_deterministic_in_any_order():
    events = lambda: [event(0), event(40, "THREATEN", HAFTAR, AKAR), event(80),  # noqa: E731
                      event(120, recipient=NEMRUSH), event(160, "AID")]
    expected = [(e.id, e.mentions) for e in merge_in_article(events(), article())]
    for seed in range(5):
        shuffled = events()
        random.Random(seed).shuffle(shuffled)
        assert [(e.id, e.mentions) for e in merge_in_article(shuffled, article())] == expected
    assert Counter(m for _, m in expected) == Counter({3: 1, 1: 2})


def test_block_key():
    record = event(0).to_record()
    # keyed by the recipients (the actors are compared report by report) ...
    assert block_key(record) == "CONSULT|asserted|*|salahaddin namroush|2020-12"
    # ... or by both sides when no recipient is anyone in particular
    crowd = Entity(text="crowds", name="crowds")
    assert block_key(event(0, recipient=crowd).to_record()) == \
        "CONSULT|asserted|hulusi akar|crowds|2020-12"
    # days, months and "last week" of one month share a block; years stay years
    assert block_key(event(0, date_text="on Dec. 24", date="2020-12-24").to_record()) == \
        block_key(record)
    said = event(0, date="2020-12", precision="month", date_text="last week").to_record()
    assert block_key(said) == block_key(record)
    assert block_key(event(0, date="2020", precision="year").to_record()).endswith("|2020")
    assert block_key(event(0, date="2021-01-02").to_record()) != block_key(record)
    assert block_key(event(0, actor=None, recipient=None).to_record()) == ""
    police = Entity(text="Police", name="Police", sector="COP", kb_id="k-police")
    assert block_key(event(0, "ASSAULT", police, None).to_record()) == ""  # whose police?
    assert block_key(event(0, "ASSAULT", police, HAFTAR).to_record()) != ""
    assert block_key(event(0, date=None, precision=None).to_record()) == ""


def test_block_key_counts_collectives_by_country():
    troops = Entity(text="US forces", name="American military", country="USA", sector="MIL",
                    kb_id="k-usmil")
    other_id = Entity(text="Soleimani", name="Qasem Soleimani", country="IRN", kb_id="k-2")
    soleimani = Entity(text="Soleimani", name="Qasem Soleimani", kb_id="k-1")
    iraq = Entity(text="Iraq", name="Iraq", country="IRQ")
    iraqis = Entity(text="the Iraqi government", name="Iraqi government", country="IRQ",
                    sector="GOV")
    key = block_key(event(0, "ASSAULT", troops, soleimani).to_record())
    # a person counts by name: another article's entry (other id, country learned) too
    assert block_key(event(0, "ASSAULT", troops, other_id).to_record()) == key
    assert block_key(event(0, "ASSAULT", troops, iraq).to_record()) == \
        block_key(event(0, "ASSAULT", None, iraqis).to_record())


def test_cluster_compares_actors_and_takes_actorless_reports_once():
    us = Entity(text="the United States", name="United States", country="USA")
    troops = Entity(text="US forces", name="American military", country="USA", sector="MIL")
    trump = Entity(text="Trump", name="Donald Trump", country="USA")
    iran = Entity(text="Iran", name="Iran", country="IRN")

    def said(article: str, actor: Entity | None) -> Report:
        made = event(0, "ASSAULT", actor, HAFTAR, date="2020-01-03", date_text="Friday")
        return Report.of(article, {**made.to_record(), "id": article})

    pompeo = Entity(text="Pompeo", name="Mike Pompeo", country="USA")
    # "the United States", "American military" and an American can be one actor, two
    # Americans cannot; a report that names no attacker joins the one cluster it fits ...
    assert groups([said("a", us), said("b", troops), said("c", trump)]) == [["a", "b", "c"]]
    assert groups([said("a", us), said("c", trump), said("f", pompeo)]) == [["a", "c"], ["f"]]
    assert groups([said("a", us), said("b", troops), said("d", None)]) == [["a", "b", "d"]]
    # ... and stays alone when two would do
    assert groups([said("a", us), said("e", iran), said("d", None)]) == [["a"], ["d"], ["e"]]


def report(article: str, date: str, precision: str = "day", date_text: str | None = "x",
           start: int = 0) -> Report:
    made = event(start, date=date, precision=precision, date_text=date_text)
    return Report.of(article, {**made.to_record(), "id": f"{article}-{start}"})


def groups(reports: list[Report]) -> list[list[str]]:
    return sorted(sorted(r.article_id for r in c) for c in cluster(reports))


def test_cluster_merges_a_day_its_month_and_an_undated_report():
    day = report("a", "2020-01-02")
    month = report("b", "2020-01", "month", "last week")
    undated = report("c", "2020-01-06", date_text=None)  # published 4 days later
    assert groups([day, month, undated]) == [["a", "b", "c"]]
    for seed in range(6):  # any order of arrival: the same events
        shuffled = [day, month, undated]
        random.Random(seed).shuffle(shuffled)
        assert groups(shuffled) == [["a", "b", "c"]]
    late = report("d", "2020-01-20", date_text=None)  # published 18 days later: not it
    assert groups([day, late]) == [["a"], ["d"]]


def test_cluster_keeps_stated_days_apart_and_ambiguous_months_alone():
    first, second = report("a", "2020-01-02"), report("b", "2020-01-09")
    month = report("c", "2020-01", "month", "in January")
    assert groups([first, second, month]) == [["a"], ["b"], ["c"]]
    # one article's reports never merge with each other across articles' clusters
    assert groups([report("a", "2020-01-02"), report("a", "2020-01-02", start=5)]) == [
        ["a"], ["a"]]


def test_sample_article_has_no_duplicate_events(coder, sample_text):
    coded = next(iter(coder.code([Article(id="s", text=sample_text, date="2020-12-26")])))
    assert coded.error is None and coded.events
    # each event of the article is its own cross-article cluster
    blocks: dict[str, list[Report]] = {}
    for e in coded.events:
        if block_key(e.to_record()):
            blocks.setdefault(block_key(e.to_record()), []).append(Report.of("s", e.to_record()))
    assert sum(len(cluster(b)) for b in blocks.values()) == sum(map(len, blocks.values()))
    assert len({e.id for e in coded.events}) == len(coded.events)
    # The near-duplicate paragraph ("The Turkish Defen[sc]e Ministry said Akar is there
    # to inspect Turkish forces ...") is coded once, with two mentions.
    art = coded.article
    assert art.repeats, "the readers found no repeated paragraph in the sample"
    repeated = [p for p in art.paragraphs if p[0] in art.repeats]
    inside = [e for e in coded.events if any(a <= e.span[0] < b for a, b in repeated)]
    assert inside and all(e.mentions == 2 for e in inside)


def test_wikinews_reports_of_one_killing_merge_across_articles(coder, shared, tmp_path):
    """Four dev articles report the 3 January 2020 strike on Soleimani, each its own way:
    "United States military forces killed Qasem Soleimani" (048, Thursday), "the United
    States' killing of Qasem Soleimani in an airstrike last week" (049), "He was killed
    last week by a United States military airstrike" (050), "the assassination of the
    general Qasem Soleimani in January" (061). Coded into one store: one event."""
    import json

    from resgestae.store import Store

    wanted = {"048", "049", "050", "053", "061"}  # 053 (Sultan Qaboos dies): a bystander
    path = shared / "gold" / "dev" / "wikinews_dev.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = [Article(id=r["id"], text=r["text"], date=r["date"], title=r["title"])
                for r in records if r["id"][-3:] in wanted]
    with Store(tmp_path / "w.duckdb") as store:
        for coded in coder.code(articles):
            assert coded.error is None
            store.replace_article(coded.article, coded.events)
        stored = store.events()
    merged = [e for e in stored if len(e["article_ids"]) > 1]
    assert len(merged) == 1, [(e["text"], e["article_ids"]) for e in merged]
    [killing] = merged
    assert killing["event_type"] == "ASSAULT" and killing["mentions"] == 4
    assert [a[-3:] for a in killing["article_ids"]] == ["048", "049", "050", "061"]
    assert [r["name"] for r in killing["recipient"]] == ["Qasem Soleimani"]
    assert (killing["date"], killing["date_text"]) == ("2020-01-02", "Thursday")


def test_reports_written_differently_merge(coder, tmp_path):
    """tests/data/multisource.jsonl (written for this test): two events, each told by two
    articles in other words, other actors' names and other date words."""
    import json
    from pathlib import Path

    from resgestae.store import Store

    path = Path(__file__).parent / "data" / "multisource.jsonl"
    articles = [Article(**json.loads(line)) for line in path.read_text().splitlines()]
    with Store(tmp_path / "m.duckdb") as store:
        for coded in coder.code(articles):
            store.replace_article(coded.article, coded.events)
        merged = {e["event_type"]: e for e in store.events() if len(e["article_ids"]) > 1}
        assert store.stats()["mentions"] - store.stats()["events"] == 2
    # "Belarusian security forces detained ... Kolesnikova ... on Monday" and
    # "Belarusian authorities arrested Maria Kolesnikova on Monday"
    arrest = merged["COERCE"]
    assert arrest["article_ids"] == ["ms-1-minsk", "ms-2-brussels"]
    assert [r["name"] for r in arrest["recipient"]] == ["Maria Kolesnikova"]
    # "Armenia signed a ceasefire agreement with Azerbaijan on Monday" and "Armenian
    # Prime Minister Nikol Pashinyan signed a ceasefire agreement ... this week"
    ceasefire = merged["RETREAT"]
    assert ceasefire["article_ids"] == ["ms-3-baku", "ms-4-yerevan"]
    assert (ceasefire["mode"], ceasefire["date"]) == ("ceasefire", "2020-11-09")
    assert sorted(merged) == ["COERCE", "RETREAT"]


def test_policy_decides_what_stands_for_a_country():
    """dedup reads no tables: the caller's policy says which names are collectives."""
    troops = Entity(text="US forces", name="American military", country="USA")
    record = event(0, "ASSAULT", troops, None).to_record()
    assert dedup.block_key(record, dedup_policy()).split("|")[2] == "USA"
    assert dedup.block_key(record, dedup.PLAIN).split("|")[2] == "american military"
