"""User actor files: YAML or CSV with name, aliases, country, sector, title.

YAML is a list of mappings; CSV has a header row. Aliases are a YAML list or a
string separated by `|` or `;`. A malformed entry is reported (file and line)
in `kb.problems` and skipped; the rest of the file is loaded.

    - name: Hulusi Akar
      aliases: [Akar]
      country: TUR
      sector: GOV
      title: Defense Minister
"""

from __future__ import annotations

import csv
import io
import logging
import re
from pathlib import Path
from typing import Any

import yaml

from resgestae.coding.actor_tables import actor_tables
from resgestae.errors import ConfigError
from resgestae.kb.base import ActorKB, KBEntry, make_id

log = logging.getLogger("resgestae.kb")
FIELDS = ("name", "aliases", "country", "sector", "title")
CODE_RE = re.compile(r"^[A-Z]{3}$")


def load_any(kb: ActorKB, path: Path) -> int:
    """Load one actor file of any supported kind into the KB; returns entries added."""
    name = path.name.lower()
    if name.endswith(".actors.txt"):
        return kb.add_petrarch(path)
    if name.endswith(".agents.txt"):
        return kb.add_petrarch(None, path)
    if name.endswith((".yaml", ".yml")):
        return load_user_file(kb, path, _yaml_records)
    if name.endswith(".csv"):
        return load_user_file(kb, path, _csv_records)
    raise ConfigError(
        f"{path}: unknown actor file kind (use .yaml, .csv, .actors.txt or .agents.txt)"
    )


def load_user_file(kb: ActorKB, path: Path, records) -> int:
    """Add each well-formed record of a user file; report the others with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the actor file ({exc})") from exc
    added = 0
    for line, record in records(path, text):
        try:
            kb.add(entry_from_record(record))
            added += 1
        except ValueError as exc:
            _problem(kb, f"{path}:{line}: {exc}; entry skipped")
    return added


def _problem(kb: ActorKB, message: str) -> None:
    kb.problems.append(message)
    log.warning(message)


def _yaml_records(path: Path, text: str):
    try:
        loader = yaml.SafeLoader(text)
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if root is None:
        return
    if not isinstance(root, yaml.SequenceNode):
        raise ConfigError(f"{path}:{root.start_mark.line + 1}: expected a list of actors")
    for node in root.value:
        value = loader.construct_object(node, deep=True)
        yield node.start_mark.line + 1, value


def _csv_records(path: Path, text: str):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
        raise ConfigError(f"{path}:1: the CSV header needs a 'name' column ({', '.join(FIELDS)})")
    for row in reader:
        if None in row:
            yield reader.line_num, "too many fields"
            continue
        yield reader.line_num, {k.strip().lower(): v for k, v in row.items() if k}


def entry_from_record(record: Any) -> KBEntry:
    """A KB entry from one user record; ValueError says what is wrong with it."""
    if isinstance(record, str):
        raise ValueError(record)
    if not isinstance(record, dict):
        raise ValueError(f"expected name/aliases/country/sector/title fields, got {record!r}")
    name = str(record.get("name") or "").strip()
    if not name:
        raise ValueError("no name")
    country = _country(record.get("country"))
    sectors = _codes(record.get("sector") or record.get("sectors"), "sector")
    aliases = _aliases(record.get("aliases"))
    kind = str(record.get("kind") or ("person" if _looks_like_person(name) else "org"))
    return KBEntry(
        kb_id=make_id(kind, name, country), name=name, kind=kind, aliases=aliases,
        country=country, sectors=sectors, title=_text(record.get("title")), source="user",
    )


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _country(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if CODE_RE.match(text.upper()) and len(text) == 3:
        return text.upper()
    ref = actor_tables().country(text)
    if ref is None:
        raise ValueError(f"unknown country {text!r} (use an ISO-3 code such as TUR)")
    return ref.code


def _codes(value: Any, what: str) -> list[str]:
    parts = value if isinstance(value, list) else re.split(r"[|;,\s]+", _text(value) or "")
    codes = [str(p).strip().upper() for p in parts if str(p).strip()]
    bad = [c for c in codes if not CODE_RE.match(c)]
    if bad:
        raise ValueError(f"bad {what} code {bad[0]!r} (3 letters, e.g. GOV)")
    return codes


def _aliases(value: Any) -> list[str]:
    if value is None:
        return []
    parts = value if isinstance(value, list) else re.split(r"[|;]", str(value))
    return [str(p).strip() for p in parts if str(p).strip()]


def _looks_like_person(name: str) -> bool:
    lex = actor_tables()
    words = name.split()
    return 1 < len(words) <= 5 and not lex.org(name) and not lex.country(name) and not any(
        lex.sector(w) for w in words
    )


# -- export ------------------------------------------------------------------------


def entry_record(entry: KBEntry) -> dict[str, Any]:
    """The user-file form of an entry (what export writes and import reads back)."""
    return {
        "name": entry.name, "aliases": list(entry.aliases), "country": entry.country,
        "sector": "|".join(entry.sectors) or None, "title": entry.title, "kind": entry.kind,
        "mentions": entry.mentions, "source": entry.source, "kb_id": entry.kb_id,
    }


def export_kb(kb: ActorKB, path: Path) -> int:
    """Write the KB as YAML or CSV (by the file's extension); returns entries written."""
    records = [entry_record(e) for e in sorted(kb, key=lambda e: (-e.mentions, e.name))]
    if path.suffix.lower() in (".yaml", ".yml"):
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    elif path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(records[0]) if records else list(FIELDS))
            writer.writeheader()
            for record in records:
                writer.writerow({**record, "aliases": "|".join(record["aliases"])})
    else:
        raise ConfigError(f"{path}: export to .yaml or .csv")
    return len(records)
