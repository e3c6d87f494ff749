"""Analysts' type corrections as labelled clauses for the clause model: the JSONL that
`resgestae train --data FILE` reads (`resgestae.coding.user_examples.read_labelled`).

One record per event whose type an analyst corrected: `{"text": the trigger's clause,
"label": corrected PLOVER type, "trigger": the trigger's lemma, "clause": true,
"sentence", "event_id", "article_id", "origin"}`. The clause is cut as `train` cuts a
sentence (the trigger verb's phrase, `user_examples._clause`), around the stored trigger
(`export.lexicon.trigger_token`): a sentence holding two events would otherwise be cut to
its first verb's clause, whatever the corrected event was. Events marked wrong are left
out (a NONE label is not a correction of a type); events whose trigger is not found in
their parsed sentence are reported on stderr and left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from resgestae.export.lexicon import corrected_types, parsed

SUFFIX = ".jsonl"


def examples(records: Iterable[dict[str, Any]], nlp: Any = None) -> list[dict[str, Any]]:
    """The labelled clauses of the type-corrected events, oldest correction first."""
    from resgestae.coding.event_types import lemma_of

    found = []
    for record, head in parsed(corrected_types(records, ("event_type",)), nlp):
        clause = head.doc[head.left_edge.i:head.right_edge.i + 1].text
        found.append({"text": clause, "label": record["event_type"], "trigger": lemma_of(head),
                      "clause": True, "sentence": record.get("text"), "event_id": record["id"],
                      "article_id": record.get("article_id"),
                      "origin": "resgestae corrections"})
    return found


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write one labelled clause per line; returns the count."""
    found = examples(records)
    with path.open("w", encoding="utf-8") as out:
        for item in found:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(found)
