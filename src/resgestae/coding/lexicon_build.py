"""Rebuild the lexicon data converted from public sources (run by hand, tested).

    python -m resgestae.coding.lexicon_build ONTOLOGY_DIR

reads, from ONTOLOGY_DIR (the project's ``shared/ontology``):

- ``cameo2plover.json`` (CAMEO→PLOVER 2021, openeventdata/PLOVER, CC BY-SA 4.0)
  and writes ``data/cameo_plover.tsv``: CAMEO code, PLOVER type, mode, context.
  The PLOVER manual drops CAMEO 01 (statements) and 02 (appeals): no rows.
- ``petrarch-dictionaries/CAMEO.2.0.txt`` (PETRARCH2's verb dictionary, MIT,
  Open Event Data Alliance) and writes ``data/cameo_verbs.txt``, the breadth the
  coder uses beside the curated lexicon (``verb_match``, mode ``after``): the
  same format, keeping the synonym sets, verbs and those patterns whose CAMEO
  code maps to a PLOVER type kept by the review below. A verb alone codes
  nothing there ([---]): on the dev tune halves the dictionary's default codes
  of polysemous verbs ("explore" 090, "defend" 074, "return" 042) cost more
  than they gained, its patterns ("* AID", "* TIES") gained. Each kept pattern
  carries its PLOVER type in its comment; ``A:B`` codes keep A only (PLOVER codes
  a joint act once, all parties as actors).

Each writer is a pure function of its inputs, so a rebuild from the same files
gives the same bytes (tests/test_verb_dictionary.py checks the shipped files).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from resgestae.coding.event_types import DATA_DIR
from resgestae.coding.verb_dictionary import CODE_RE, _strip_comment

CAMEO_HEADER = """\
# CAMEO code -> PLOVER type, mode, context (tab-separated; empty: none).
# Converted by resgestae.coding.lexicon_build from CAMEO2PLOVER-2021 (cameo2plover.json),
# openeventdata/PLOVER, PLOVER manual draft 0.8, 17 September 2021; CC BY-SA 4.0.
# CAMEO 01 (public statement) and 02 (appeal) are dropped by PLOVER and have no row.
"""


def cameo_table_text(table: dict[str, dict]) -> str:
    """``cameo_plover.tsv`` text from cameo2plover.json's ``table`` (code -> fields)."""
    rows = []
    for code in sorted(table, key=lambda c: (c[:2], len(c), c)):
        fields = table[code]
        if not code.isdigit() or not fields.get("event"):
            continue
        context = ";".join(c.strip() for c in str(fields.get("context") or "").split(";"))
        rows.append("\t".join((code, fields["event"], fields.get("mode") or "", context)))
    return CAMEO_HEADER + "\n".join(rows) + "\n"


# The per-type review of CAMEO.2.0's patterns against the PLOVER manual
# (PLOVER_MANUAL.tex, draft 0.8): types whose CAMEO patterns are left out, and why.
REVIEWED_OUT = {
    # Manual l.370: CONSULT is "consultations and meetings ... visiting and hosting".
    # CAMEO.2.0 codes any travel verb pattern as a visit (042/043: "returned to",
    # "left for", "arrived in"): travel is not a meeting.
    "CONSULT": "travel verbs coded as visits",
    # Manual l.413: SUPPORT is diplomatic, non-material support. CAMEO.2.0's 05x
    # patterns sit on material verbs ("provided", "returned", "adopted").
    "SUPPORT": "05x patterns on material verbs",
}
BREADTH_HEADER = """# resgestae breadth verbs: converted from PETRARCH2's CAMEO.2.0.txt by
# resgestae.coding.lexicon_build (do not edit by hand; rebuild). Verbs and synonym sets
# as in the source; verbs alone code nothing; patterns kept when their CAMEO code maps
# to a PLOVER type (data/cameo_plover.tsv) kept by the review; comment: the PLOVER type.
#
# Source: CAMEO.2.0.txt, github.com/openeventdata/petrarch2, last update 30 April 2015.
# The MIT License (MIT)
# Copyright (c) 2015 Open Event Data Alliance
# (full licence text: cameo_verbs.LICENSE beside this file)
"""


def breadth_text(cameo_text: str, table: dict[str, dict]) -> str:
    """``cameo_verbs.txt`` text from CAMEO.2.0.txt's text and cameo2plover.json's table."""
    out: list[str] = [BREADTH_HEADER]
    block: list[str] = []  # the current verb block: header, verbs, kept patterns
    kept = 0
    for raw in cameo_text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("---"):
            out.extend(block if kept else [])
            block, kept = [_null_header(stripped)], 0
        elif stripped.startswith("-") and block:
            converted = _pattern_line(stripped, table)
            if converted:
                block.append(converted)
                kept += 1
        elif block and stripped and not stripped.startswith(("#", "&")):
            block.append(CODE_RE.sub("", _strip_comment(line)).rstrip())
        elif stripped.startswith("&") or (stripped.startswith("+") and not block):
            out.append(_strip_comment(line))
        elif not stripped:
            (block if block else out).append("")
    out.extend(block if kept else [])
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def _null_header(line: str) -> str:
    name = CODE_RE.sub("", line.strip("- ")).strip().strip("-").strip()
    return f"--- {name} [---] ---"


def _pattern_line(line: str, table: dict[str, dict]) -> str | None:
    """A pattern line with its code's PLOVER type, or None when it is left out."""
    codes = CODE_RE.findall(line)
    if not codes:
        return None
    code = codes[0].split(":")[0].strip()
    kind = _plover_type(code, table)
    if kind is None or kind in REVIEWED_OUT:
        return None
    body = CODE_RE.sub("", _strip_comment(line)).strip()
    return f"{body}  [{code}]  # {kind}"


def _plover_type(code: str, table: dict[str, dict]) -> str | None:
    if not code.isdigit() or code[:2] in ("01", "02"):
        return None
    for size in range(min(len(code), 4), 1, -1):
        fields = table.get(code[:size])
        if fields and fields.get("event"):
            return str(fields["event"])
    return None


def build(ontology: Path, out: Path = DATA_DIR) -> list[Path]:
    """Write every converted data file from the files in `ontology`; the paths written."""
    table = json.loads((ontology / "cameo2plover.json").read_text(encoding="utf-8"))["table"]
    target = out / "cameo_plover.tsv"
    target.write_text(cameo_table_text(table), encoding="utf-8")
    source = ontology / "petrarch-dictionaries"
    verbs = out / "cameo_verbs.txt"
    cameo = (source / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    verbs.write_text(breadth_text(cameo, table), encoding="utf-8")
    licence = out / "cameo_verbs.LICENSE"
    licence.write_text(LICENCE_NOTE + (source / "LICENSE").read_text(encoding="utf-8"),
                       encoding="utf-8")
    return [target, verbs, licence]


LICENCE_NOTE = """cameo_verbs.txt is converted from CAMEO.2.0.txt, the verb dictionary of PETRARCH2
(github.com/openeventdata/petrarch2), Copyright (c) 2015 Open Event Data Alliance,
distributed under the MIT License; the PETRARCH dictionaries' licence follows.

"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for path in build(Path(args[0])):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
