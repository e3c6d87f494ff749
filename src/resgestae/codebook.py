"""The codebook: what every value of an event record means, generated from the data the
coder uses, so it never drifts from the coder.

Sources: `resgestae.plover` (types, CAMEO roots, QuadClass), `data/codebook.yaml`
(definitions from the PLOVER manual, CC BY-SA 4.0), `data/lexicon.tsv` (the trigger words,
modes and CAMEO codes the coder types with), `data/coding_rules.yaml` (context keywords),
`data/actors/sectors.yaml` (sector role words), `data/cameo_plover.tsv` (the CAMEO -> PLOVER
mapping), and the CAMEO Goldstein table. `build()` gives it as data; `markdown()` and
`html()` render it for `resgestae codebook` and the page at /codebook.
"""

from __future__ import annotations

import html as html_lib
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from resgestae.export._common import goldstein
from resgestae.model import FACTUALITY
from resgestae.plover import table

FACTUALITY_MEANING = {
    "asserted": "reported as having happened (or happening)",
    "negated": "reported as not having happened (\"did not attack\")",
    "future": "planned, promised or expected, not yet happened",
    "hypothetical": "possible, conditional or demanded (\"could\", \"if\", \"should\")",
}
FIELDS = {
    "confidence": "0-1: how sure the coder is of the event type (the trigger's clause, its "
                  "grammar, whether other acts share the sentence); filter with "
                  "--min-confidence",
    "date_precision": "day, month or year: a month- or year-precision date covers the whole "
                      "month or year (the page draws it as a span; filters take it from its "
                      "first day)",
    "location.precision": "point, city, admin1 (state, province) or country: how precise the "
                          "event's place is; GDELT's geo type follows from it (1 country, 2 US "
                          "state, 3 US city, 4 world city, 5 world state)",
    "quad_class": "GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal "
                  "conflict, 4 material conflict",
    "goldstein": "Goldstein score of the CAMEO code (-10 conflict .. +10 cooperation), from "
                 "the published CAMEO Goldstein table; the type's root code without one",
    "mentions": "how many reports of this same event were merged (NumMentions)",
    "corrected": "an analyst's correction: who, when, which fields, or wrong",
}
EXAMPLES = 8


def _data(path: str) -> str:
    return resources.files("resgestae").joinpath(path).read_text("utf-8")


def _lexicon_rows() -> list[list[str]]:
    rows = [line.split("\t") for line in _data("data/lexicon.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    return [r for r in rows if len(r) >= 7]


def _cameo_rows() -> list[list[str]]:
    return [line.split("\t") for line in _data("data/cameo_plover.tsv").splitlines()
            if line.strip() and not line.startswith("#")]


def modes_of() -> dict[str, set[str]]:
    """PLOVER type -> the modes the coder types it with: those of the lexicon's rows and
    of the CAMEO->PLOVER table (e.g. PROTEST -> {'demo', 'hunger', 'boycott', ...})."""
    modes: dict[str, set[str]] = defaultdict(set)
    for row in _lexicon_rows():
        if row[4] not in ("-", ""):
            modes[row[3]].add(row[4])
    for row in _cameo_rows():
        if len(row) > 2 and row[1] and row[2]:
            modes[row[1]].add(row[2])
    return modes


def _types(definitions: dict[str, str]) -> list[dict[str, Any]]:
    triggers: dict[str, Counter] = defaultdict(Counter)
    for lemma, pos, _, kind, _mode, _cameo, _ctx in (r[:7] for r in _lexicon_rows()):
        triggers[kind][f"{lemma.replace('_', ' ')} ({'verb' if pos == 'V' else 'noun'})"] += 1
    modes = modes_of()
    cameo: dict[str, list[str]] = defaultdict(list)
    for row in _cameo_rows():
        if len(row) > 1 and row[1]:
            cameo[row[1]].append(row[0])
    return [{
        "name": name, "definition": definitions.get(name, ""),
        "cameo_root": kind.cameo_root, "quad_class": kind.quad_class,
        "goldstein": goldstein(kind.cameo_root), "modes": sorted(modes[name]),
        "examples": [t for t, _ in triggers[name].most_common(EXAMPLES)],
        "cameo_codes": cameo[name],
    } for name, kind in table().types.items()]


def _contexts(definitions: dict[str, str]) -> list[dict[str, Any]]:
    rules = yaml.safe_load(_data("data/coding_rules.yaml"))["contexts"]
    by_key = {title.lower().replace(" ", "_").replace("-", "_"): text
              for title, text in definitions.items()}
    names = sorted(set(rules) | set(by_key))
    return [{"name": n, "definition": by_key.get(n, ""),
             "keywords": list(rules.get(n, []))[:EXAMPLES]} for n in names]


def _sectors() -> list[dict[str, Any]]:
    words = yaml.safe_load(_data("data/actors/sectors.yaml"))
    return [{"code": code, "words": list(terms)[:EXAMPLES]} for code, terms in words.items()]


@lru_cache(maxsize=1)
def build() -> dict[str, Any]:
    """The codebook as data: types, contexts, sectors, factuality, fields, CAMEO mapping."""
    text = yaml.safe_load(_data("data/codebook.yaml"))
    return {
        "types": _types(text["types"]), "contexts": _contexts(text["contexts"]),
        "sectors": _sectors(),
        "factuality": [{"value": v, "meaning": FACTUALITY_MEANING.get(v, "")}
                       for v in FACTUALITY],
        "fields": [{"field": k, "meaning": v} for k, v in FIELDS.items()],
        "sources": text["_about"],
    }


def markdown(book: dict[str, Any] | None = None) -> str:
    """The codebook as Markdown text (what `resgestae codebook` prints)."""
    book = book or build()
    out = ["# resgestae codebook", "", "## Event types (PLOVER)", ""]
    for kind in book["types"]:
        out += [f"### {kind['name']}", "", kind["definition"], "",
                f"- CAMEO root {kind['cameo_root']}, QuadClass {kind['quad_class']}, "
                f"Goldstein {kind['goldstein']}",
                f"- modes: {', '.join(kind['modes']) or '-'}",
                f"- trigger examples: {', '.join(kind['examples']) or '-'}",
                f"- CAMEO codes: {' '.join(kind['cameo_codes']) or '-'}", ""]
    out += ["## Contexts", ""]
    out += [f"- **{c['name']}**: {c['definition']} (keywords: {', '.join(c['keywords'])})"
            for c in book["contexts"]]
    out += ["", "## Sector codes", ""]
    out += [f"- **{s['code']}**: {', '.join(s['words'])}" for s in book["sectors"]]
    out += ["", "## Factuality", ""]
    out += [f"- **{f['value']}**: {f['meaning']}" for f in book["factuality"]]
    out += ["", "## Fields", ""]
    out += [f"- **{f['field']}**: {f['meaning']}" for f in book["fields"]]
    out += ["", "Sources: " + book["sources"], ""]
    return "\n".join(out)


def html(book: dict[str, Any] | None = None) -> str:
    """The codebook as a self-contained HTML page (GET /codebook)."""
    book = book or build()
    esc = html_lib.escape
    rows = "".join(
        f"<tr id='{esc(k['name'])}'><th>{esc(k['name'])}</th><td>{esc(k['definition'])}</td>"
        f"<td>{esc(', '.join(k['modes']))}</td><td>{esc(', '.join(k['examples']))}</td>"
        f"<td>{esc(k['cameo_root'])} / Q{k['quad_class']} / {k['goldstein']}</td>"
        f"<td>{esc(' '.join(k['cameo_codes']))}</td></tr>" for k in book["types"])
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>resgestae codebook</title><link rel='stylesheet' href='/static/style.css'>",
        "</head><body class='codebook'><h1>resgestae codebook</h1><p><a href='/'>back</a></p>",
        "<h2>Event types</h2><table><thead><tr><th>type</th><th>definition</th><th>modes</th>"
        "<th>trigger examples</th><th>CAMEO root / QuadClass / Goldstein</th>"
        f"<th>CAMEO codes</th></tr></thead><tbody>{rows}</tbody></table>",
        _list("Contexts", [(c["name"], f"{c['definition']} (keywords: "
                                        f"{', '.join(c['keywords'])})")
                           for c in book["contexts"]]),
        _list("Sector codes", [(s["code"], ", ".join(s["words"])) for s in book["sectors"]]),
        _list("Factuality", [(f["value"], f["meaning"]) for f in book["factuality"]]),
        _list("Fields", [(f["field"], f["meaning"]) for f in book["fields"]]),
        f"<p class='sources'>{esc(book['sources'])}</p></body></html>",
    ]
    return "".join(parts)


def _list(title: str, items: list[tuple[str, str]]) -> str:
    esc = html_lib.escape
    body = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in items)
    return f"<h2>{esc(title)}</h2><dl>{body}</dl>"
