"""Build `data/actors/persons.tsv`: political persons and their countries, from the
CountryInfo persons of Phoenix's `Phoenix.Countries.actors.txt` (MIT, Open Event Data
Alliance; licence in `persons.LICENSE` beside the table).

A person named in full with a title but no nationality word ("President Prosper Avril
resigned") otherwise takes the country its sentence names, often the other party's.
The table gives about 17,000 heads of state and government, ministers, party leaders
and officials their country. Kept: entries the dictionary marks as CountryInfo persons,
names of two or more words (a surname alone means too many people), one country per
name (a name two countries' entries share is dropped). Sector: GOV when any dated role
was in government, else the first role's first sector.

Reproduce with:
    python -m resgestae.kb.persons_build ../shared/ontology/petrarch-dictionaries/\\
        Phoenix.Countries.actors.txt src/resgestae/data/actors/persons.tsv
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from resgestae.kb.petrarch import PetrarchActor, load_petrarch_actors

HEADER = ("# Political persons and their countries, converted from Phoenix.Countries.actors.txt\n"
          "# (CountryInfo persons; MIT, Open Event Data Alliance: see persons.LICENSE) by\n"
          "# resgestae.kb.persons_build. canonical name\taliases (|)\tcountry\tsector\n")


def person_lines(path: Path) -> set[int]:
    """Line numbers of the entries the dictionary marks as CountryInfo persons."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return {n for n, line in enumerate(text.splitlines(), 1)
            if "# CountryInfo" in line and not line[:1].isspace() and not line.startswith("+")}


def _name(words: tuple[str, ...]) -> str:
    return " ".join(w.capitalize() if w.isalpha() else w.title() for w in words)


def _country_sector(actor: PetrarchActor) -> tuple[str | None, str]:
    countries = {r.country for r in actor.roles if r.country}
    if len(countries) != 1:
        return None, ""
    (country,) = countries
    if not re.fullmatch(r"[A-Z]{3}", country) or country == "IGO":
        return None, ""
    sectors = [s for r in actor.roles for s in r.sectors]
    return country, "GOV" if "GOV" in sectors else (sectors[0] if sectors else "ELI")


def build_rows(path: Path) -> list[tuple[str, list[str], str, str]]:
    """(name, aliases, country, sector) per person, names unique across countries."""
    persons = person_lines(path)
    rows: list[tuple[str, list[str], str, str]] = []
    owners: dict[str, set[str]] = {}
    for actor in load_petrarch_actors(path):
        if actor.line not in persons:
            continue
        country, sector = _country_sector(actor)
        names = list(dict.fromkeys(_name(p.words) for p in actor.patterns
                                   if len(p.words) > 1 and all(w.isalpha() for w in p.words)))
        if country is None or not names:
            continue
        rows.append((names[0], names[1:], country, sector))
        for name in names:
            owners.setdefault(name.lower(), set()).add(country)
    shared = {n for n, c in owners.items() if len(c) > 1}
    kept = []
    for name, aliases, country, sector in rows:
        names = [n for n in [name, *aliases] if n.lower() not in shared]
        if names:
            kept.append((names[0], names[1:], country, sector))
    return kept


def write(path: Path, out: Path) -> int:
    """Write the table; returns the number of persons."""
    rows = build_rows(path)
    body = "".join(f"{n}\t{'|'.join(a)}\t{c}\t{s}\n" for n, a, c, s in rows)
    out.write_text(HEADER + body, encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(write(Path(sys.argv[1]), Path(sys.argv[2])), "persons")
