"""The DuckDB store: schema, replacing, cross-article dedup, filters, errors (real files)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import duckdb
import pytest

from resgestae.errors import StoreError
from resgestae.model import Article, Entity, Event
from resgestae.store import SCHEMA_VERSION, Store, text_hash
from resgestae.store.query import as_coded
from resgestae.store.schema import MIGRATIONS

AKAR = Entity(text="Akar", name="Hulusi Akar", country="TUR", sector="GOV")
NAMROUSH = Entity(text="Namroush", name="Salahaddin Namroush", country="LBY", sector="GOV")
HAFTAR = Entity(text="Haftar", name="Khalifa Haftar", country="LBY", sector="REB")
TURKS = Entity(text="Turkish forces", name="Turkish forces", country="TUR", sector="MIL")


def article(aid: str, text: str = "Akar met Namroush in Tripoli. Haftar threatened.") -> Article:
    return Article(id=aid, text=text, title=f"title {aid}", date="2020-12-26", origin=f"{aid}.txt")


def event(aid: str, kind: str = "CONSULT", actor=AKAR, recipient=NAMROUSH,
          date: str | None = "2020-12-26", start: int = 0, mentions: int = 1) -> Event:
    made = Event(article_id=aid, event_type=kind, text="Akar met Namroush in Tripoli.",
                 span=(start, start + 29), actor=[actor], recipient=[recipient], date=date,
                 mentions=mentions, confidence=0.8)
    made.assign_id()
    return made


@pytest.fixture
def db(tmp_path):
    with Store(tmp_path / "events.duckdb") as store:
        yield store


def brief(store: Store) -> list[tuple]:
    return [(r["event_type"], r["article_id"], r["mentions"], tuple(r["article_ids"]))
            for r in store.events()]


def test_schema_created_once_and_versioned(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.version() == SCHEMA_VERSION
    with Store(path) as store:  # reopening applies nothing again
        rows = store.con.execute("SELECT max(version), count(*) FROM schema_version").fetchone()
        assert rows[0] == SCHEMA_VERSION and rows[1] == len(MIGRATIONS)
    with Store(path, read_only=True) as store:
        assert store.events() == []


def test_recoding_replaces_events(db):
    db.replace_article(article("a"), [event("a"), event("a", "THREATEN", HAFTAR, TURKS, start=30)])
    db.replace_article(article("a"), [event("a"), event("a", "THREATEN", HAFTAR, TURKS, start=30)])
    assert sorted(brief(db)) == [("CONSULT", "a", 1, ("a",)), ("THREATEN", "a", 1, ("a",))]
    db.replace_article(article("a"), [event("a")])
    assert brief(db) == [("CONSULT", "a", 1, ("a",))]
    assert db.stats()["articles"] == 1 and db.stats()["events"] == 1


def test_two_articles_one_event_then_recode(db):
    db.replace_article(article("a"), [event("a")])
    db.replace_article(article("b"), [event("b", start=7)])
    assert brief(db) == [("CONSULT", "a", 2, ("a", "b"))]
    db.replace_article(article("b"), [event("b", start=7)])
    db.replace_article(article("a"), [event("a")])
    assert brief(db) == [("CONSULT", "a", 2, ("a", "b"))]
    assert db.con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 2


def test_home_moves_when_its_article_drops_the_event(db):
    db.replace_article(article("a"), [event("a")])
    db.replace_article(article("b"), [event("b", start=7)])
    db.replace_article(article("a"), [])
    [record] = db.events()
    assert (record["article_id"], record["mentions"], record["article_ids"]) == ("b", 1, ["b"])
    assert record["id"] == event("b", start=7).id and record["span"] == [7, 36]
    db.delete_article("b")
    assert db.events() == [] and db.article_ids() == ["a"]


def test_store_state_does_not_depend_on_order(tmp_path):
    outcomes = []
    for order in (("a", "b", "c"), ("c", "b", "a")):
        with Store(tmp_path / f"{''.join(order)}.duckdb") as store:
            for aid in order:
                store.replace_article(article(aid), [event(aid, start=ord(aid))])
            outcomes.append(store.events())
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0]["mentions"] == 3 and outcomes[0][0]["article_id"] == "a"


def test_repeated_paragraph_mentions_add_up(db):
    db.replace_article(article("a"), [event("a", mentions=2)])
    db.replace_article(article("b"), [event("b", start=5)])
    assert brief(db) == [("CONSULT", "a", 3, ("a", "b"))]


def test_different_events_stay_apart(db):
    db.replace_article(article("a"), [event("a")])
    db.replace_article(article("b"), [event("b", date="2020-12-27")])
    db.replace_article(article("c"), [event("c", "THREATEN")])
    assert len(db.events()) == 3


def test_filters(db):
    threat = event("a", "THREATEN", HAFTAR, TURKS, "2020-12-24", 30)
    db.replace_article(article("a"), [event("a"), threat])
    db.replace_article(article("b"), [event("b", "ASSAULT", HAFTAR, NAMROUSH, "2019-04")])
    types = lambda **f: [r["event_type"] for r in db.events(**f)]  # noqa: E731
    assert types() == ["ASSAULT", "THREATEN", "CONSULT"]  # by date
    assert types(actor="hAfTaR") == ["ASSAULT", "THREATEN"]
    assert types(actor="turkish forces") == ["THREATEN"]  # recipient text counts
    assert types(country="tur") == ["THREATEN", "CONSULT"]
    assert types(event_type="consult") == ["CONSULT"]
    assert types(since="2020-01") == ["THREATEN", "CONSULT"]
    assert types(until="2019-04") == ["ASSAULT"]  # "2019-04" is 2019-04-01
    assert types(since="2020-12-25", until="2020-12-26") == ["CONSULT"]
    assert types(limit=1, offset=1) == ["THREATEN"]
    assert types(actor="x' OR 1=1 --") == []
    assert db.stats()["events"] == 3
    with pytest.raises(ValueError):
        db.events(since="last week")


def test_records_round_trip(db):
    made = event("a")
    db.replace_article(article("a"), [made])
    read = db.events()
    assert [as_coded(r) for r in read] == [made.to_record()]
    # what reading adds: the article's url/title/source and QuadClass/Goldstein
    assert read[0]["url"] is None and read[0]["quad_class"] == 1 and "corrected" not in read[0]


def test_article_row_and_ledger(db):
    item = article("a")
    db.replace_article(item, [event("a")])
    assert db.article_ids() == ["a"]
    assert db.has_article("a", text_hash(item.text))
    assert db.has_article("a") and not db.has_article("a", "0" * 40) and not db.has_article("z")
    row = db.article("a")
    assert (row["title"], row["date"], row["origin"]) == ("title a", "2020-12-26", "a.txt")
    assert row["n_events"] == 1
    assert row["text"] == item.text and row["coded_at"] is not None


def test_failed_write_is_undone(db):
    db.replace_article(article("a"), [event("a")])
    broken = event("a").to_record() | {"confidence": "not a number"}
    with pytest.raises(StoreError, match="undone"):
        db.write_records(article("a", "other text"), [broken])
    assert brief(db) == [("CONSULT", "a", 1, ("a",))]
    assert db.article("a")["text"] == article("a").text


def test_not_a_duckdb_file(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.duckdb"):
        Store(path)


def test_missing_store_read_only(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_store_locked_by_another_process(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(path)!r}); "
         "print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        started = time.monotonic()
        with pytest.raises(StoreError, match="in use by another process"):
            Store(path)
        assert time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()
    with Store(path) as store:  # usable again once the other writer is gone
        assert store.version() == SCHEMA_VERSION


def test_connection_is_plain_duckdb(db):
    assert isinstance(db.con, duckdb.DuckDBPyConnection)
    db.replace_article(article("a"), [event("a")])
    row = db.con.execute("SELECT actor_names, recipient_countries, lat FROM events").fetchone()
    assert row == (["Hulusi Akar"], ["LBY"], None)


def test_one_clause_several_actors_distinct_ids(db):
    # one clause, three actors: the id (made once, by the coder) tells the events apart,
    # and the store keeps the ids it is given
    backers = [Entity(n, n, c) for n, c in (("Russia", "RUS"), ("Egypt", "EGY"), ("UAE", "ARE"))]
    events = [event("a", "SUPPORT", backer, HAFTAR) for backer in backers]
    assert len({e.id for e in events}) == 3
    twice = event("a", "SUPPORT", backers[0], HAFTAR)
    db.replace_article(article("a"), events + [twice])
    stored = db.events()
    assert sorted(r["actor"][0]["name"] for r in stored) == ["Egypt", "Russia", "UAE"]
    assert {r["id"] for r in stored} == {e.id for e in events}
    assert [r["mentions"] for r in stored if r["actor"][0]["name"] == "Russia"] == [2]
    db.replace_article(article("a"), events)
    assert len(db.events()) == 3 and db.stats()["mentions"] == 3


def _scenario() -> list[tuple[Article, list[dict]]]:
    """Five articles, some reporting the same events, one coded twice."""
    people = [AKAR, NAMROUSH, HAFTAR, TURKS]
    items = []
    for n, aid in enumerate(["d", "b", "a", "c", "b", "e"]):
        made = [event(aid, "CONSULT", start=n), event(aid, "THREATEN", HAFTAR, TURKS, start=40 + n)]
        made += [event(aid, "SUPPORT", people[n % 4], people[(n + 1) % 4], start=80 + n)]
        if aid == "b" and n == 4:
            made = made[1:]  # the re-coded b no longer reports the meeting
        items.append((article(aid), [e.to_record() for e in made]))
    return items


def test_batch_equals_one_by_one(tmp_path):
    with Store(tmp_path / "seq.duckdb") as one_by_one, Store(tmp_path / "batch.duckdb") as batch:
        for item in _scenario():
            one_by_one.write_records(*item)
        batch.write_batch(_scenario()[:3])
        batch.write_batch(_scenario()[3:])
        assert batch.events() == one_by_one.events()
        assert batch.article_ids() == one_by_one.article_ids() == ["a", "b", "c", "d", "e"]
        [meeting] = [r for r in batch.events() if r["event_type"] == "CONSULT"]
        assert meeting["article_ids"] == ["a", "c", "d", "e"] and meeting["article_id"] == "a"
        with Store(tmp_path / "all.duckdb") as at_once:
            at_once.write_batch(_scenario())
            assert at_once.events() == one_by_one.events()


def test_migrates_a_version_1_store(tmp_path):
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    for statement in MIGRATIONS[0][1]:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")
    con.close()
    with pytest.raises(StoreError, match="needs migrating"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.version() == SCHEMA_VERSION == 6
        indexes = store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()
        assert ("events_id_idx",) in indexes
        columns = store.con.execute("SELECT * FROM events LIMIT 0").description
        assert [c[0] for c in columns][-3:] == ["span_first", "span_last", "sides"]
        for item in _scenario():
            store.write_records(*item)
        assert len(store.events()) == 6


def test_version_3_records_migrate_with_null_spans(tmp_path):
    """Records stored before the evidence spans get them as nulls, never guessed."""
    from resgestae.store.schema import MIGRATIONS

    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    for version, statements in MIGRATIONS[:3]:
        for statement in statements:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [version])
    old = event("a").to_record()
    del old["trigger_span"]
    for entity in old["actor"] + old["recipient"]:
        del entity["span"]
    con.execute("INSERT INTO events (id, article_id, dedup_key, mentions, article_ids, record)"
                " VALUES (?, 'a', '', 1, ['a'], ?)", [old["id"], json.dumps(old)])
    con.execute("INSERT INTO mentions VALUES (?, 'b', 1, 'x', ?)", [old["id"], json.dumps(old)])
    con.close()
    with Store(path) as store:
        assert store.version() == SCHEMA_VERSION
        (record,) = store.events()
        assert record["trigger_span"] is None
        assert [e["span"] for e in record["actor"] + record["recipient"]] == [None, None]
        assert record["actor"][0]["name"] == old["actor"][0]["name"]
        (mention,) = store.con.execute("SELECT record FROM mentions").fetchone()
        assert json.loads(mention)["trigger_span"] is None


def _soleimani(aid: str, date: str, precision: str, date_text: str | None, actor: Entity,
               start: int = 0) -> Event:
    """The 3 January 2020 strike as reported in several articles (written for this test)."""
    target = Entity(text="Soleimani", name="Qasem Soleimani", kb_id=f"k-{aid}")
    made = Event(article_id=aid, event_type="ASSAULT", text="US forces killed Soleimani.",
                 span=(start, start + 27), actor=[actor], recipient=[target], date=date,
                 date_precision=precision, date_text=date_text, confidence=0.8)
    made.assign_id()
    return made


def test_cross_article_reports_merge_tolerantly_in_any_order(tmp_path):
    import itertools

    us = Entity(text="the United States", name="United States", country="USA")
    army = Entity(text="US forces", name="American military", country="USA", sector="MIL")
    reports = {  # a stated day, "last week" (a month), undated two days after, the day again
        "a": [_soleimani("a", "2020-01-03", "day", "on Friday", army)],
        "b": [_soleimani("b", "2020-01", "month", "last week", us)],
        "c": [_soleimani("c", "2020-01-05", "day", None, us)],
        "d": [_soleimani("d", "2020-01-03", "day", "Friday", army)],
    }
    outcomes = []
    for order in itertools.islice(itertools.permutations("abcd"), 0, 24, 5):
        with Store(tmp_path / f"{''.join(order)}.duckdb") as store:
            for aid in order:
                store.replace_article(article(aid), reports[aid])
            outcomes.append(store.events())
    assert all(outcome == outcomes[0] for outcome in outcomes)
    [event] = outcomes[0]
    assert (event["article_id"], event["article_ids"], event["mentions"]) == (
        "a", ["a", "b", "c", "d"], 4)
    assert (event["date"], event["date_text"]) == ("2020-01-03", "on Friday")
    with Store(tmp_path / "abcd.duckdb") as store:
        store.replace_article(article("a"), [])  # the home leaves: b's report becomes it
        [left] = store.events()
        assert (left["article_id"], left["article_ids"], left["mentions"]) == (
            "b", ["b", "c", "d"], 3)
        assert (left["date"], left["date_text"]) == ("2020-01-03", "Friday")  # d's, borrowed
        store.delete_article("d")
        [left] = store.events()
        assert (left["article_ids"], left["date"]) == (["b", "c"], "2020-01")
        assert store.con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 2


def test_a_report_that_fits_two_events_stays_alone(db):
    army = Entity(text="US forces", name="American military", country="USA", sector="MIL")
    strikes = [_soleimani("d", "2020-01-03", "day", "on Friday", army),
               _soleimani("d", "2020-01-08", "day", "on Wednesday", army, start=40)]
    db.replace_article(article("d"), strikes)
    db.replace_article(article("b"), [_soleimani("b", "2020-01", "month", "in January", army)])
    assert sorted((r["date"], tuple(r["article_ids"])) for r in db.events()) == [
        ("2020-01", ("b",)), ("2020-01-03", ("d",)), ("2020-01-08", ("d",))]
    # which it is decides nothing stored later: a third article stating the 8th joins
    # the 8th, and "in January" stays what it is (arrival order matters only here)
    db.replace_article(article("e"), [_soleimani("e", "2020-01-08", "day", "Wednesday", army)])
    assert sorted((r["date"], tuple(r["article_ids"])) for r in db.events()) == [
        ("2020-01", ("b",)), ("2020-01-03", ("d",)), ("2020-01-08", ("d", "e"))]


def test_event_borrows_place_and_date_from_its_other_reports(db):
    from resgestae.model import Place

    army = Entity(text="US forces", name="American military", country="USA", sector="MIL")
    vague = _soleimani("a", "2020-01", "month", "last week", army)
    exact = _soleimani("b", "2020-01-03", "day", "on Friday", army)
    exact.location = Place(name="Baghdad", country="IRQ", lat=33.34, lon=44.4)
    db.replace_article(article("a"), [vague])
    db.replace_article(article("b"), [exact])
    [event] = db.events()
    assert event["article_id"] == "a" and event["text"] == vague.text  # a's evidence ...
    assert (event["date"], event["date_text"]) == ("2020-01-03", "on Friday")  # ... b's day
    assert event["location"]["name"] == "Baghdad"
    db.delete_article("b")  # what was borrowed goes with its article
    [event] = db.events()
    assert (event["date"], event["location"]) == ("2020-01", None)


def test_recoding_an_article_gives_back_its_events(db):
    army = Entity(text="US forces", name="American military", country="USA", sector="MIL")
    other = [_soleimani("b", "2020-01-03", "day", "on Friday", army)]
    # two strikes the same day in one article: the other article's report fits both
    # equally, so it stays alone (the block is clustered in one canonical order)
    mine = [_soleimani("a", "2020-01-03", "day", "Friday", army),
            _soleimani("a", "2020-01-03", "day", "Friday", army, start=40)]
    db.replace_article(article("b"), other)
    db.replace_article(article("a"), mine)
    before = sorted((tuple(r["article_ids"]), r["mentions"]) for r in db.events())
    assert before == [(("a",), 1), (("a",), 1), (("b",), 1)]
    db.replace_article(article("a"), mine)
    assert sorted((tuple(r["article_ids"]), r["mentions"]) for r in db.events()) == before
