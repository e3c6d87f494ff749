"""Same input, same events in every process: coding and PETRARCH scoring must not
depend on PYTHONHASHSEED (which orders sets and frozensets of strings differently
in each process). Workers, Dask and reruns all rely on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resgestae.evaluation.petrarch import _best_agreement

# A verb dictionary written for this test, in PETRARCH's format, with ties the order
# of a set could break: two patterns of one size that both match, a verb form listed
# in two blocks, nested synonym sets, a multi-word verb, an A:B code (a twin event).
VERBS = """\
&ARMS
+RIFLES
+&HEAVY

&HEAVY
+TANKS
+ARMOURED_CARS

&TALKS
+TALKS
+NEGOTIATIONS

--- SEND  [070] ---
SEND {SENDS SENT SENDING}
- * &ARMS TO  [0711]
- * MEDICINE  [0712]
- * &ARMS  [0713]
- * TANKS  [0714]

--- PRESS  [---] ---
PRESS
- * FOR &TALKS  [0311]
- * FOR CALM  [0312]

--- URGE  [---] ---
PRESS
URGE
- * FOR &TALKS  [0331]

--- MEET  [040:040] ---
MEET {MEETS MET MEETING}
- * FOR &TALKS  [043:043]
- * WITH  [042:042]

--- SEVER  [161] ---
SEVER
+CUT_OFF {+CUTS_OFF +CUTTING_OFF}
- * TIES  [1611]
"""

ACTORS = """\
ARNOR_  [ARN]
GONDOR_  [GON]
ROHAN_  [ROH]
"""

SENTENCES = [
    "Arnor sent tanks to Gondor on Monday.",
    "Arnor sent armoured cars and rifles to Rohan.",
    "Gondor sent medicine and tanks on Friday.",
    "Rohan pressed Gondor for talks with Arnor.",
    "Arnor met Gondor for negotiations in Rohan.",
    "Gondor met with Rohan on Tuesday.",
    "Rohan cut off ties with Arnor.",
    "Gondor severed ties with Rohan after Arnor pressed for calm.",
]

SCRIPT = """\
import json, sys
from pathlib import Path
from resgestae.config import Config
from resgestae.evaluation.petrarch import _best_agreement
from resgestae.session import code_text

folder = Path(sys.argv[1])
config = Config(db=str(folder / "store.duckdb"), breadth=False,
                actor_files=[folder / "my.actors.txt"], verb_files=[folder / "my.verbs.txt"])
out = []
for text in json.loads((folder / "sentences.json").read_text()):
    out.append([e.to_record() for e in code_text(text, "2021-03-04", config)])
# two of our triples agree on two fields each with the gold one: the tie rule decides
ours = {("ARN", "XXX", "04"), ("YYY", "GON", "04"), ("ARN", "ZZZ", "04"), ("QQQ", "GON", "05")}
out.append(list(_best_agreement(("ARN", "GON", "04"), ours)))
print(json.dumps(out, sort_keys=True))
"""


def _run(folder: Path, seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(folder)], capture_output=True,
                          text=True, timeout=600, env=env, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("seeds", [("0", "2")])
def test_two_processes_with_other_hash_seeds_code_the_same(tmp_path, seeds) -> None:
    (tmp_path / "my.verbs.txt").write_text(VERBS, encoding="utf-8")
    (tmp_path / "my.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "sentences.json").write_text(json.dumps(SENTENCES), encoding="utf-8")
    first, second = (_run(tmp_path, seed) for seed in seeds)
    codes = [sorted(str(e["cameo"]) for e in events) for events in first[:-1]]
    # the test only means something when the dictionary coded: check it did
    assert sum(map(len, codes)) >= len(SENTENCES) - 2, codes
    assert first == second
    assert first[-1] == [True, False, True]  # tie: the source is worth more than the target


def test_best_agreement_does_not_depend_on_order() -> None:
    gold = ("ARN", "GON", "04")
    ours = [("YYY", "GON", "04"), ("ARN", "XXX", "04"), ("QQQ", "GON", "05")]
    assert _best_agreement(gold, ours) == _best_agreement(gold, ours[::-1]) == (True, False, True)
    assert _best_agreement(gold, []) == (False, False, False)
