"""Rebuild the lexicon data converted from public sources (run by hand, tested).

    python -m resgestae.coding.lexicon_build ONTOLOGY_DIR

reads, from ONTOLOGY_DIR (the project's ``shared/ontology``):

- ``cameo2plover.json`` (CAMEO→PLOVER 2021, openeventdata/PLOVER, CC BY-SA 4.0)
  and writes ``data/cameo_plover.tsv``: CAMEO code, PLOVER type, mode, context.
  The PLOVER manual drops CAMEO 01 (statements) and 02 (appeals): no rows.

Each writer is a pure function of its inputs, so a rebuild from the same files
gives the same bytes (tests/test_verb_dictionary.py checks the shipped files).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from resgestae.coding.event_types import DATA_DIR

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


def build(ontology: Path, out: Path = DATA_DIR) -> list[Path]:
    """Write every converted data file from the files in `ontology`; the paths written."""
    table = json.loads((ontology / "cameo2plover.json").read_text(encoding="utf-8"))["table"]
    target = out / "cameo_plover.tsv"
    target.write_text(cameo_table_text(table), encoding="utf-8")
    return [target]


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
