"""PETRARCH verb dictionaries: reading the format, matching patterns, coding with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resgestae.cli import main
from resgestae.coding.lexicon_build import build
from resgestae.coding.verb_dictionary import (
    is_discards,
    is_verb_dictionary,
    parse_elements,
    parse_verb_dictionary,
    verb_forms,
)
from resgestae.coding.verb_match import VerbLexicon, load_verb_lexicon, plover_of
from resgestae.config import Config
from resgestae.errors import ConfigError
from resgestae.evaluation import evaluate
from resgestae.nlp import load_nlp
from resgestae.session import Coder, code_text

# A small dictionary written for these tests, in PETRARCH's format.
VERBS = """\
<!-- test verbs -->
# a comment line
&TIEKINDS
+TRADE
+CULTURAL
+&MONEY

&MONEY  # nested below
+DOLLARS
+SWISS_FRANCS

--- PRAISE  [051] ---
PRAISE    # a plain verb: PRAISES PRAISED PRAISING
HAIL
- * &TIEKINDS TIES  [057]  # "praised trade ties"
- NOT_* [111]
- * WEATHER [---]

--- SEVER  [161]  ---
SEVER
+CUT_OFF {+CUTS_OFF +CUTTING_OFF}
- * TIES_WITH [1611]

--- MEET  [040:040] ---
MEET {MEETS MET MEETING}

--- GET  [---] ---
GET {GETS GOT GETTING}
- + * MONEY FROM $  [071]
- * BROKEN  [+++]
"""

DISCARDS = """\
+CRICKET  # the whole story
FOOTBALL MATCH
"""


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(None)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("verbs")
    verbs, discards = folder / "my.verbs.txt", folder / "my.discards.txt"
    verbs.write_text(VERBS, encoding="utf-8")
    discards.write_text(DISCARDS, encoding="utf-8")
    return verbs, discards


def test_read_the_format() -> None:
    d = parse_verb_dictionary(VERBS, "my.verbs.txt")
    assert {"PRAISE", "PRAISES", "PRAISED", "PRAISING", "HAIL", "HAILED"} <= set(d.forms)
    assert "SEVERS" in d.forms and "CUTS" in d.forms and "CUT" in d.forms
    cut = d.forms["CUTS"][0]
    assert (cut.lemma, cut.after, cut.code) == ("cut", ("OFF",), "161")  # the block's code
    assert "METS" not in d.forms and "MET" in d.forms  # braces list the forms
    met = d.forms["MET"][0]
    assert (met.code, met.reverse) == ("040", "040")
    assert d.forms["GOT"][0].code is None  # [---]: the verb alone codes nothing
    praise = d.forms["PRAISED"][0].block
    assert [p.code for p in praise.patterns] == ["057", "111", None]  # longest first
    assert d.phrases("&TIEKINDS") == [("TRADE",), ("CULTURAL",), ("DOLLARS",),
                                      ("SWISS", "FRANCS")]
    assert d.problems == []


def test_elements_and_forms() -> None:
    assert [(e.text, e.joined) for e in parse_elements("SAID_* {NEW TALKS} (WITH $)")] == [
        ("SAID", True), ("*", False), ("NEW", False), ("TALKS", False), ("WITH", False),
        ("$", False)]
    assert [e.text for e in parse_elements("*SCEPTICAL")] == ["*", "SCEPTICAL"]
    assert verb_forms("RESCUE") == ["RESCUE", "RESCUES", "RESCUED", "RESCUING"]
    assert verb_forms("DENY") == ["DENY", "DENIES", "DENIED", "DENYING"]
    assert verb_forms("PUSH") == ["PUSH", "PUSHES", "PUSHED", "PUSHING"]


def test_bad_lines_are_reported_and_skipped() -> None:
    text = "- * ORPHAN [010]\n--- TALK [040] ---\nTALK\n- TALKS WITH [041]\n- * X {Y [042]\n"
    d = parse_verb_dictionary(text, "bad.txt")
    assert "TALKED" in d.forms
    assert len(d.problems) == 2 and d.problems[0].startswith("bad.txt:1:")
    assert "one '*'" in d.problems[1]
    with pytest.raises(ConfigError, match="no verbs"):
        parse_verb_dictionary("# nothing here\n", "empty.txt")


def test_file_kinds(files) -> None:
    verbs, discards = files
    assert is_verb_dictionary(verbs) and not is_verb_dictionary(discards)
    assert is_discards(discards) and not is_discards(verbs)


def _codes(lexicon: VerbLexicon, nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {t.text: m.code for t in doc if (m := lexicon.match(t)) is not None}


def test_patterns_on_parsed_text(files, nlp) -> None:
    lexicon = load_verb_lexicon(list(files))
    assert lexicon is not None
    assert _codes(lexicon, nlp, "Chile praised Peru on Monday.") == {"praised": "051"}
    assert _codes(lexicon, nlp, "Chile praised its cultural ties with Peru.") == {
        "praised": "057"}  # a word between the verb and the set is allowed
    assert _codes(lexicon, nlp, "Chile praised the swiss francs ties.") == {"praised": "057"}
    assert _codes(lexicon, nlp, "Chile did not praise Peru.") == {"praise": "111"}
    assert _codes(lexicon, nlp, "Chile praised the weather in Peru.") == {}  # [---]
    assert _codes(lexicon, nlp, "Chile cut off aid to Peru.") == {"cut": "161"}
    assert _codes(lexicon, nlp, "Chile cut the cake.") == {}  # CUT alone is no verb here
    assert _codes(lexicon, nlp, "Chile severed ties with Peru.") == {"severed": "1611"}
    assert _codes(lexicon, nlp, "Chile severed ties, with Peru.") == {"severed": "1611"}
    assert _codes(lexicon, nlp, "Chile severed its ties with Peru.") == {"severed": "1611"}
    assert _codes(lexicon, nlp, "Chile severed ties and trade with Peru.") == {
        "severed": "161"}  # TIES_WITH: no word between
    assert _codes(lexicon, nlp, "The radio got broken.") == {}  # '+++' is no CAMEO code
    assert plover_of("1611") == ("SANCTION", None, "diplomatic") or plover_of("1611")[0] == (
        "SANCTION")
    assert plover_of("057")[0] == "SUPPORT" and plover_of("99") is None


def test_coder_with_verb_dictionary(files) -> None:
    verbs, discards = files
    config = Config(verb_files=[verbs, discards])
    events = code_text("Chile praised its trade ties with Peru on Monday.", "2020-05-01",
                       config)
    assert [(e.event_type, e.cameo) for e in events] == [("SUPPORT", "057")]
    # only mode: a verb the dictionary lacks codes nothing, the lexicon is not asked
    assert code_text("Kenyan troops shelled rebel positions in Somalia.", None, config) == []
    met = code_text("Chile's president met Peru's president in Lima.", None, config)
    assert sorted(e.cameo for e in met) == ["040", "040"]  # A:B codes a swapped twin
    assert met[0].actor[0].country == met[1].recipient[0].country == "CHL"
    assert code_text("Chile praised Peru after the cricket final.", None, config) == []
    assert code_text("Chile praised Peru at the football match.", None, config) == []
    first = Config(verb_files=[verbs], verb_mode="first")
    shelled = code_text("Kenyan troops shelled rebel positions in Somalia.", None, first)
    assert [e.event_type for e in shelled] == ["ASSAULT"]  # the lexicon for the rest
    plain = Coder(Config(breadth=False))  # another coder keeps the curated lexicon alone
    assert plain.verbs is None
    with pytest.raises(ConfigError, match="no verb dictionary"):
        Coder(Config(verb_files=[discards]))


def test_source_and_target_markers(files) -> None:
    config = Config(verb_files=[files[0]])
    events = code_text("Chile got money from Peru last year.", None, config)
    assert [(e.cameo, [a.country for a in e.actor], [r.country for r in e.recipient])
            for e in events] == [("071", ["PER"], ["CHL"])]


def test_eval_with_verb_dictionary(tmp_path: Path, files, capsys) -> None:
    gold = tmp_path / "petr.jsonl"
    records = [
        {"id": "v1", "text": "Chile praised Peru on Monday.", "noevents": False,
         "expected": [{"source": "CHL", "target": "PER", "code": "051"}]},
        {"id": "v2", "text": "Chile and Peru met on Monday.", "noevents": False,
         "expected": [{"source": "CHL", "target": "PER", "code": "040"},
                      {"source": "PER", "target": "CHL", "code": "040"}]},
        {"id": "v3", "text": "Chile shelled Peru.", "noevents": True, "expected": []},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    actors = tmp_path / "mini.actors.txt"
    actors.write_text("CHILE [CHL]\nPERU [PER]\n", encoding="utf-8")
    result = evaluate(gold, dictionaries=[actors, files[0]])
    assert result["exactly_right"] == {"correct": 3, "total": 3, "accuracy": 1.0}
    code = main(["eval", str(gold), "--dictionary", str(actors), "--dictionary", str(files[0]),
                 "--halves"])
    assert code == 0 and "exactly right" in capsys.readouterr().out


def test_petrarch_validation_dictionaries(shared: Path) -> None:
    folder = shared / "ontology" / "petrarch-dictionaries"
    if not (folder / "PETR.Validate.verbs.txt").exists():
        pytest.skip("PETRARCH dictionaries not in ../shared")
    lexicon = load_verb_lexicon([folder / "PETR.Validate.verbs.txt",
                                 folder / "PETR.Validate.discards.txt"])
    assert lexicon is not None and lexicon.story_discards and lexicon.sentence_discards
    big = load_verb_lexicon([folder / "CAMEO.2.0.txt"])
    assert big is not None and len(big.dictionaries[0].blocks) > 300
    assert sum(len(b.patterns) for b in big.dictionaries[0].blocks) > 4000
    assert big.dictionaries[0].problems == []


def test_breadth_beside_the_curated_lexicon() -> None:
    # "award" + a grant: a CAMEO 071 (economic aid) pattern the curated lexicon lacks
    text = "The Japanese government awarded a grant to Cambodia."
    assert [(e.event_type, e.cameo) for e in code_text(text, None)] == [("AID", "071")]
    assert code_text(text, None, Config(breadth=False)) == []
    # a travel verb's CAMEO "visit" pattern is reviewed out (CONSULT needs a meeting)
    assert code_text("Chile's president returned to Lima on Monday.", None) == []
    # the curated lexicon wins where both know the verb
    shelled = code_text("Kenyan troops shelled rebel positions in Somalia.", None)
    assert [e.event_type for e in shelled] == ["ASSAULT"]


def test_shipped_breadth_rebuilds(shared: Path, tmp_path: Path) -> None:
    ontology = shared / "ontology"
    if not (ontology / "petrarch-dictionaries" / "CAMEO.2.0.txt").exists():
        pytest.skip("CAMEO.2.0.txt not in ../shared")
    data = Path(__file__).resolve().parents[1] / "src/resgestae/data"
    for path in build(ontology, tmp_path):
        assert path.read_bytes() == (data / path.name).read_bytes(), path.name
    text = (data / "cameo_verbs.txt").read_text(encoding="utf-8")
    assert "MIT" in text and "# CONSULT" not in text and "# SUPPORT" not in text
    dictionary = parse_verb_dictionary(text, "cameo_verbs.txt")
    assert dictionary.problems == []
    assert all(b.code is None for b in dictionary.blocks)  # a verb alone codes nothing
    assert all(p.code and p.code[:2] not in ("01", "02")
               for b in dictionary.blocks for p in b.patterns)
