"""Held-out rounds 5, 6 and 7: fresh CAMEO batteries, the unseen estimate.

Round 5 (lane held5):

- `c2_round5.jsonl`: 48 sentences, one per CAMEO code of roots 04, 06, 07, 08, 09
  (3- and 4-digit; 0813 and 0814 labelled RETREAT as CAMEO2PLOVER-2021.txt gives).
- `c5_round5.jsonl`: 83 sentences, one per CAMEO code of roots 14-20 (4-digit included;
  163, 191, 192 COERCE, 1712, 175, 201 ASSAULT, as the table gives).
- `c134_round5.jsonl`: 73 sentences, one per 3-digit code of roots 01, 02, 03, 05, 10,
  11, 12, 13 (no 4-digit code there changes its parent's PLOVER type). Root 01 public
  statements expect no event (PLOVER_MANUAL.tex drops CAMEO 01); root 02 appeals are
  REQUEST, as the earlier batteries label them.

Each sentence was written fresh for this round by a helper that fixes nothing:
wire-news style (15-40 words, date words, attributions, places), countries on every
continent, varied actors, tense, voice and syntax; one main event per sentence, labelled
with the table's PLOVER type (its mode where the table gives one the earlier batteries
use, else none) and ISO3 source/target, all labels fixed before the first score. No gold
or battery sentence was copied or paraphrased, and the coder's lexicon and code were not
read. The batteries' misses are not read by anyone fixing the coder.

First scores (micro type F1, precision/recall), 2026-12-01, on main at 4198cf1:
c2_round5 0.800 (P 0.808, R 0.792); c5_round5 0.885 (P 0.890, R 0.879);
c134_round5 0.953 (P 0.939, R 0.968). Each floor is the first score less 0.03, rounded
down to two decimals.

After the session's fix lanes (faults5, yield5, force5, second5), which read only the
round-4 batteries' misses, the GSR tune half and their own sentences: c2_round5 0.800,
c5_round5 0.892, c134_round5 0.953. Their read batteries rose far more (c2_round4 0.878
-> 0.974, c5_round4 0.848 -> 0.927): fixes read from misses barely transfer.

Round 6 (lane held6, stop 23):

Written like round 5 (above) by a helper that fixes nothing
and read neither the coder's code, its lexicon nor any gold or battery sentence:
- `c2_round6.jsonl`: 48 sentences, one per CAMEO code of roots 04, 06, 07, 08, 09;
- `c5_round6.jsonl`: 83 sentences, one per CAMEO code of roots 14-20;
- `c134_round6.jsonl`: 73 sentences, one per 3-digit code of roots 01, 02, 03, 05, 10-13
  (root 01 expects no event; root 02 appeals are REQUEST).
Types are CAMEO2PLOVER-2021's; mode is null throughout; source and target text is the
actor as written. Every label was fixed before the first score. Their misses are read by
no one fixing the coder: they measure the clause-model work of stop 23.

First scores (micro type F1), 2026-12-01, on main at 49959ba before any change:
c2_round6 0.796 (P 0.822, R 0.771); c5_round6 0.862 (P 0.857, R 0.868);
c134_round6 0.945 (P 0.938, R 0.952). Each floor is the first score less 0.03.

Round 7 (lane held7, stop 23): `c2_round7`, `c5_round7`, `c134_round7`, the same codes
and conventions as round 6, written after it by another helper that read no round-6 file.
Used for no decision of stop 23 (its first score on the new code was taken once the first
two corpus rounds were in; nothing was chosen by it after).

First scores (micro type F1), 2026-12-01, on main at 49959ba (before stop 23):
c2_round7 0.821 (P 0.830, R 0.812); c5_round7 0.840 (P 0.826, R 0.855);
c134_round7 0.901 (P 0.868, R 0.936). Each floor is the first score less 0.03.

After stop 23 (the classifier trained also on written.tsv, light verbs asked, vows of
cooperation, things as subjects), at e06b7ae: c2/c5/c134 round 5 0.800/0.898/0.969,
round 6 0.842/0.884/0.969, round 7 0.866/0.859/0.923.

Round 9 (stop 25): `c2_round9`, `c5_round9`, `c134_round9`, 150 sentences each on the
same CAMEO ranges and confusable boundaries as the round-8 batteries
(`tests/test_cameo_battery_read.py`), written by three other helpers that read no
round-8 file, no coder code, lexicon, gold or battery sentence. Their misses are read by
no one fixing the coder; they measure whether the kinds read from round 8 transfer.
First scores (micro type F1) on 6dbab6c, before any change of stop 25: 0.817, 0.870,
0.851. Each floor is the first score less 0.03. Scored again once mid-session (no choice
made by it) and at the end of stop 25 (29eb07f): 0.827, 0.886, 0.862.

Round 11 (stop 26): `c2_round11`, `c5_round11`, `c134_round11`, 150 sentences each over
CAMEO 04/06-08, 13/15-20 and 01-03/05/10-12 (every code; a third short, codebook-like),
written at the same time as the read round 10 by three other helpers that read no
battery, coder code, lexicon or gold file. Their misses are read by no one. First scores
on f8f6b53, before any change of stop 26: 0.869, 0.855, 0.952; each floor is that less
0.03. At the end of stop 26: 0.869, 0.862, 0.952.

Rounds 13 and 15 (stop 27): `c6_round13` (200 sentences, CAMEO 04, 05, 07, 08, 11, 13,
15, 17, 18) and `c7_round15` (200 sentences, CAMEO 01-03, 06, 09, 10, 12, 14, 16, 19,
20), written by two helpers beside the read rounds 12 and 14 (same brief, neither read
the other's file), with every code of those roots, a third short and codebook-like, and
about half carrying a clause that is no second event (a purpose, a vow's content, the
attribution). Labels are CAMEO2PLOVER-2021's, with the project's conventions where the
manual decides otherwise (declaring a ceasefire and easing curfews or emergency rule
CONCEDE, PLOVER_MANUAL.tex:443; sanctions SANCTION, the manual's SANCTION modes;
promises to yield, 035x, AGREE and apologies SUPPORT, as the GSR dev gold has them; CAMEO
116 convictions ACCUSE, as the table and every earlier battery). All were fixed before
the first score except round 13's two 116 lines, moved from the helper's SANCTION to
ACCUSE after it. First scores on 867023f, before any change of stop 27, with the final
labels: c6_round13 0.913, c7_round15 0.947. Their misses are read by no one. Each floor
is the first score less 0.03.

Rounds 17 and 19 (stop 28), written beside the read rounds 16 and 18 by helpers that
read only CAMEO2PLOVER-2021.txt and PLOVER_MANUAL.tex (no coder code, lexicon, gold or
battery), with the conventions above (CAMEO 01 and the acts only considered or denied:
no event; 02 appeals REQUEST):
- `c8_round17` (293 sentences): one short, codebook-like sentence for every 3- and
  4-digit CAMEO code of roots 01-20, three helpers (roots 01-08, 09-13, 14-20);
- `c9_round19` (180 sentences): wire sentences, 10 per PLOVER type and 20 with no event,
  most carrying a clause that is no second event (attribution, earlier happening,
  purpose, relative clause, stance participle, condition, background), two helpers.
First scores on dea85a7, before any change of stop 28: c8_round17 0.928, c9_round19
0.886. Their misses are read by no one. Each floor is the first score less 0.03.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("name", "records", "floor"), [
    ("c2_round5", 48, 0.77),
    ("c5_round5", 83, 0.85),
    ("c134_round5", 73, 0.92),
    ("c2_round6", 48, 0.76),
    ("c5_round6", 83, 0.83),
    ("c134_round6", 73, 0.91),
    ("c2_round7", 48, 0.79),
    ("c5_round7", 83, 0.81),
    ("c134_round7", 73, 0.87),
    ("c2_round9", 150, 0.78),
    ("c5_round9", 150, 0.84),
    ("c134_round9", 150, 0.82),
    ("c2_round11", 150, 0.83),
    ("c5_round11", 150, 0.82),
    ("c134_round11", 150, 0.92),
    ("c6_round13", 200, 0.88),
    ("c7_round15", 200, 0.91),
    ("c8_round17", 293, 0.89),
    ("c9_round19", 180, 0.85),
])
def test_held_out_type_f1_floor(battery_f1, name: str, records: int, floor: float) -> None:
    assert battery_f1(name, records) >= floor
