"""Resources per configuration: a user's lexicon and places files take part only in the
sessions configured with them, in one process, with coding interleaved; the command
line, its worker processes and the spaCy component get them through `Config`."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import spacy
from server_helpers import Server

import resgestae.components  # noqa: F401 - registers the spaCy factories
from resgestae.cli import main
from resgestae.coding.event_types import curated_lexicon
from resgestae.coding.user_files import overlay, read_lexicon_file, read_places_file
from resgestae.config import Config
from resgestae.errors import ConfigError
from resgestae.model import Article
from resgestae.nlp import resolve_model
from resgestae.resources import current, resources_for
from resgestae.session import Session

# Written for these tests: a verb the curated lexicon does not know ("serenade"), one
# it types otherwise ("hail", SUPPORT there), and a town no gazetteer source has.
TEXTS = [
    "Kenya serenaded Uganda's delegates in Vellmarsk on Monday.",
    "Kenya hailed Uganda's election on Monday.",
    "Mining unions in Vellmarsk picketed the smelter on Sunday.",
]
DATE = "2024-01-08"
LEXICON = """\
# my corrections, in data/lexicon.tsv's columns
serenade\tV\t-\tSUPPORT\t-\t051\tdiplomatic
hail\tV\t-\tCOOPERATE\t-\t050\tdiplomatic
"""
PLACES = """\
name\taliases\tcountry\tlat\tlon\tgeonameid\tfeature
Vellmarsk\tVellmarsk town\tNOR\t60.12\t10.25\t\tcity
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("resources")
    lexicon, places = folder / "mine.lexicon.tsv", folder / "mine.places.tsv"
    lexicon.write_text(LEXICON, encoding="utf-8")
    places.write_text(PLACES, encoding="utf-8")
    return lexicon, places


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", text=text, date=DATE) for i, text in enumerate(TEXTS)]


def _summary(coded) -> list[tuple]:
    return [(e.event_type, e.trigger, e.location.country if e.location else None,
             e.location.lat if e.location else None) for e in coded.events]


def test_two_configurations_interleaved_in_one_process(files) -> None:
    lexicon, places = files
    default = Session(Config(db=":memory:"))
    before = [[e.to_record() for e in c.events] for c in default.code(_articles())]
    mine = Session(Config(db=":memory:", lexicon_files=[lexicon], place_files=[places],
                          batch_size=1))
    plain, user = [], []
    # one article of each session in turn: each codes with its own resources
    for ours, theirs in zip(default.code(_articles()), mine.code(_articles()), strict=True):
        plain.append(_summary(ours))
        user.append(_summary(theirs))
    assert plain[0] == []  # the curated lexicon does not know "serenade"
    assert user[0] == [("SUPPORT", "serenaded", "NOR", 60.12)]
    assert [kind for kind, *_ in plain[1]] == ["SUPPORT"]
    assert [kind for kind, *_ in user[1]] == ["COOPERATE"]
    assert plain[2] == [("PROTEST", "picketed", None, None)]  # a name, no known place
    assert user[2] == [("PROTEST", "picketed", "NOR", 60.12)]
    # the default session's records are what they were before the other one ran
    after = [[e.to_record() for e in c.events] for c in default.code(_articles())]
    assert after == before
    assert current().lexicon is curated_lexicon()  # nothing left active


def test_resources_cached_per_configuration(files, tmp_path: Path) -> None:
    lexicon, _ = files
    one = resources_for(Config(lexicon_files=[lexicon]))
    assert resources_for(Config(lexicon_files=[str(lexicon)])) is one
    assert resources_for(Config()) is not one
    assert resources_for(Config()).lexicon is curated_lexicon()
    edited = tmp_path / "edited.tsv"
    edited.write_text(LEXICON, encoding="utf-8")
    first = resources_for(Config(lexicon_files=[edited]))
    edited.write_text(LEXICON + "hobnob\tV\t-\tCOERCE\t-\t170\t-\n", encoding="utf-8")
    again = resources_for(Config(lexicon_files=[edited]))
    assert again is not first and again.lexicon[("hobnob", "V")][0].event_type == "COERCE"


def test_user_entries_replace_only_their_condition(files) -> None:
    curated = curated_lexicon()
    mine = read_lexicon_file(files[0])
    table = overlay(curated, mine)
    assert [e.event_type for e in table[("hail", "V")]] == ["COOPERATE"]
    assert table[("serenade", "V")][0].cameo == "051"
    assert curated[("hail", "V")][0].event_type == "SUPPORT"  # the curated one unchanged
    assert ("serenade", "V") not in curated
    # a user entry with another condition joins the curated ones of the lemma
    extra = overlay(curated, read_lexicon_file_text("agree\tV\tprep=with\tCONSULT\t-\t040\t-\n"))
    assert len(extra[("agree", "V")]) == len(curated[("agree", "V")]) + 1


def read_lexicon_file_text(text: str) -> list:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as out:
        out.write(text)
    try:
        return read_lexicon_file(out.name)
    finally:
        Path(out.name).unlink()


@pytest.mark.parametrize(("text", "line", "why"), [
    ("serenade\tV\t-\tSUPPORT\t-\t051\n", 1, "expected 7"),
    ("# fine\nserenade\tX\t-\tSUPPORT\t-\t051\t-\n", 2, "pos 'X'"),
    ("serenade\tV\t-\tPRAISE\t-\t051\t-\n", 1, "type 'PRAISE'"),
    ("serenade\tV\tobject=song\tSUPPORT\t-\t051\t-\n", 1, "condition 'object=song'"),
    ("serenade\tV\t-\tSUPPORT\t-\t5x1\t-\n", 1, "cameo '5x1'"),
])
def test_bad_lexicon_line_is_one_coded_error(tmp_path: Path, text, line, why) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        resources_for(Config(lexicon_files=[path]))
    message = str(caught.value)
    assert caught.value.code == "E107" and f"{path} line {line}: " in message and why in message


def test_bad_places_line_is_one_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.places.tsv"
    path.write_text(PLACES + "Tilnholm\t\tNOR\tnorth\t10.1\t\tcity\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[E108\] .*line 3: lat 'north'"):
        read_places_file(path)
    with pytest.raises(ConfigError, match=r"\[E109\] .*missing"):
        resources_for(Config(place_files=[tmp_path / "missing.tsv"]))


def test_cli_code_with_lexicon_and_places_in_workers(files, tmp_path: Path, capsys) -> None:
    lexicon, places = files
    article = tmp_path / "article.txt"
    article.write_text(TEXTS[0] + "\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    args = ["code", str(article), "--db", str(tmp_path / "db.duckdb"), "--no-store",
            "--date", DATE, "--format", "jsonl", "--output", str(out)]
    # two worker processes: the files reach them inside the Config
    assert main([*args, "--lexicon", str(lexicon), "--places", str(places),
                 "--workers", "2"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["event_type"], r["trigger"], r["location"]["country"]) for r in records] == [
        ("SUPPORT", "serenaded", "NOR")]
    assert main([*args, "--workers", "1"]) == 0
    assert out.read_text(encoding="utf-8") == ""  # without them: no event
    bad = tmp_path / "bad.tsv"
    bad.write_text("serenade\tV\n", encoding="utf-8")
    capsys.readouterr()
    assert main([*args, "--lexicon", str(bad)]) == 2
    assert f"[E107] {bad} line 1" in capsys.readouterr().err


def test_served_api_codes_with_lexicon_and_places(files, tmp_path: Path) -> None:
    lexicon, places = files
    db = tmp_path / "served.duckdb"
    server = Server(db, args=("--create", "--lexicon", str(lexicon), "--places", str(places)))
    try:
        reply = httpx.post(server.url + "/v1/code", json={"text": TEXTS[0], "date": DATE},
                           timeout=120)
    finally:
        server.stop()
    assert reply.status_code == 200, reply.text
    assert [(e["event_type"], e["trigger"], e["location"]["country"])
            for e in reply.json()["events"]] == [("SUPPORT", "serenaded", "NOR")]


def test_serve_with_a_bad_lexicon_is_one_error(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("serenade\tV\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["serve", "--db", str(db), "--create", "--lexicon", str(bad)]) == 2
    assert f"[E107] {bad} line 1" in capsys.readouterr().err


def test_spacy_component_takes_the_files(files) -> None:
    lexicon, places = files
    nlp = spacy.load(resolve_model(None))
    nlp.add_pipe("resgestae_events", config={
        "date": DATE, "db": ":memory:", "lexicon_files": [str(lexicon)],
        "place_files": [str(places)]})
    events = nlp(TEXTS[0])._.events
    assert [(e["event_type"], e["location"]["country"]) for e in events] == [("SUPPORT", "NOR")]
