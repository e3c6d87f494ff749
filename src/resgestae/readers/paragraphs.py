"""Paragraph ranges, and near-duplicate paragraphs inside one article (exact Jaccard
for short texts, MinHash LSH for long ones).

Wire stories merged from two reports repeat a paragraph with small edits
("Defense"/"Defence"): it is coded once, and its count is kept so the event
gets `mentions` = 2.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
NEWLINE = re.compile(r"\n")
SHINGLE = 5  # characters: one changed word moves few shingles in a long paragraph
THRESHOLD = 0.8  # Jaccard similarity above which two paragraphs are one
NUM_PERM = 64
# LSH bands x rows, fixed: a pair at Jaccard 0.8 becomes a candidate with
# p > 0.999 (candidates are then checked), and datasketch need not fit the
# bands by numerical integration for every article
LSH_PARAMS = (16, 4)


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph, whitespace trimmed.

    Paragraphs are separated by blank lines; a text with none has one per line.
    """
    separator = BLANK_LINE if BLANK_LINE.search(text.strip()) else NEWLINE
    ranges, start = [], 0
    for match in separator.finditer(text):
        ranges.append(_trim(text, start, match.start()))
        start = match.end()
    ranges.append(_trim(text, start, len(text)))
    return [r for r in ranges if r[1] > r[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _normal(text: str) -> str:
    text = text.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """A MinHash to copy permutations from (datasketch redraws them per MinHash)."""
    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_crc32)


def _crc32(data: bytes) -> int:
    # fast and the same in every process (Python's hash() is salted per process)
    return zlib.crc32(data)


def _minhash(normal: str) -> MinHash:
    grams = _shingles(normal)
    template = _template()
    digest = MinHash(
        num_perm=NUM_PERM, seed=1, hashfunc=_crc32,
        permutations=template.permutations, scheme=template.scheme,
    )
    digest.update_batch([g.encode("utf-8") for g in grams])
    return digest


# Up to this many paragraphs every pair is compared exactly (cheaper than hashing,
# and exact); longer texts go through MinHash LSH, which does not grow with the pairs.
EXACT_UP_TO = 16


def near_duplicates(text: str, ranges: list[tuple[int, int]]) -> dict[int, int]:
    """Index of each repeated paragraph -> index of the first one it repeats."""
    if len(ranges) <= EXACT_UP_TO:
        return _exact_duplicates(text, ranges)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=LSH_PARAMS)
    exact: dict[str, int] = {}
    hashes: dict[int, MinHash] = {}
    repeats: dict[int, int] = {}
    for i, (start, end) in enumerate(ranges):
        normal = _normal(text[start:end])
        if normal in exact:
            repeats[i] = exact[normal]
            continue
        digest = _minhash(normal)
        first = _first_similar(lsh, hashes, digest)
        if first is not None:
            repeats[i] = first
            continue
        exact[normal], hashes[i] = i, digest
        lsh.insert(str(i), digest)
    return repeats


def _exact_duplicates(text: str, ranges: list[tuple[int, int]]) -> dict[int, int]:
    """`near_duplicates` by the exact Jaccard similarity of the shingle sets."""
    kept: list[tuple[int, str, set[str]]] = []
    repeats: dict[int, int] = {}
    for i, (start, end) in enumerate(ranges):
        normal = _normal(text[start:end])
        grams = _shingles(normal)
        first = next((j for j, other, seen in kept if other == normal
                      or len(grams & seen) >= THRESHOLD * len(grams | seen)), None)
        if first is not None:
            repeats[i] = first
        else:
            kept.append((i, normal, grams))
    return repeats


def _shingles(normal: str) -> set[str]:
    return {normal[i : i + SHINGLE] for i in range(max(1, len(normal) - SHINGLE + 1))}


def _first_similar(lsh: MinHashLSH, hashes: dict[int, MinHash], digest: MinHash) -> int | None:
    candidates = sorted(int(key) for key in lsh.query(digest))
    for index in candidates:
        if hashes[index].jaccard(digest) >= THRESHOLD:
            return index
    return None
