"""Near-duplicates: copies and light rewrites of one article, by MinHash LSH over term shingles."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from datasketch import MinHash, MinHashLSH

from khabar.events.text import shingles

NEAR_DUP_JACCARD = 0.5
"""Estimated Jaccard similarity of 3-term shingle sets above which two articles are copies or
light rewrites of one text (a rewrite that keeps the sentences keeps most shingles; two reports
of one happening written apart share well under a fifth)."""

SHINGLE_TERMS = 3
"""Terms per shingle: long enough that shared shingles mean shared sentences, short enough that
a light rewording leaves most of them intact."""

NUM_PERM = 64
"""MinHash permutations: a standard error of about 1/sqrt(64) = 0.125 on the Jaccard estimate,
ample for a 0.5 threshold, at a quarter of the cost of 256."""

MIN_SHINGLES = 5
"""Articles with fewer shingles are too short to call copies of anything."""


@cache
def _bands() -> tuple[int, int]:
    """The LSH bands and rows datasketch chooses for NEAR_DUP_JACCARD and NUM_PERM. It works them
    out by numerical integration on every index built; the search builds one per block of
    candidates (about 90k integrations per 1,000 articles), so the choice is made once here."""
    lsh = MinHashLSH(threshold=NEAR_DUP_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def near_duplicate_groups(term_lists: Sequence[list[str]]) -> list[list[int]]:
    """Indices of documents grouped by near-duplication (groups of two or more, text order)."""
    lsh = MinHashLSH(threshold=NEAR_DUP_JACCARD, num_perm=NUM_PERM, params=_bands())
    hashes: dict[int, MinHash] = {}
    parent = list(range(len(term_lists)))

    def find(i: int) -> int:
        """Root of i's group (with path halving)."""
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, terms in enumerate(term_lists):
        grams = shingles(terms, SHINGLE_TERMS)
        if len(grams) < MIN_SHINGLES:
            continue
        mh = MinHash(num_perm=NUM_PERM)
        mh.update_batch([g.encode("utf-8") for g in grams])
        for key in lsh.query(mh):
            j = int(key)
            if mh.jaccard(hashes[j]) >= NEAR_DUP_JACCARD:
                parent[find(i)] = find(j)
        lsh.insert(str(i), mh)
        hashes[i] = mh
    groups: dict[int, list[int]] = {}
    for i in range(len(term_lists)):
        groups.setdefault(find(i), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])
