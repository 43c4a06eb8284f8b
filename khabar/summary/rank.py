"""Pure math of sentence selection: TF-IDF vectors, cosine similarity, centrality, MMR."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

LEXRANK_DAMPING = 0.85
"""Share of a sentence's centrality that flows from similar sentences (PageRank's usual value)."""
LEXRANK_ITERATIONS = 100
"""Upper bound on power-iteration steps; small event graphs converge in well under 50."""
LEXRANK_TOLERANCE = 1e-6
"""Stop iterating when the centrality vector moves less than this (L1 distance)."""


def tfidf_matrix(documents: Sequence[Sequence[str]]) -> NDArray[np.float64]:
    """Return L2-normalised TF-IDF row vectors (sublinear tf, smoothed idf) of term lists."""
    vocabulary: dict[str, int] = {}
    for doc in documents:
        for term in doc:
            vocabulary.setdefault(term, len(vocabulary))
    matrix = np.zeros((len(documents), max(len(vocabulary), 1)), dtype=np.float64)
    if not vocabulary:
        return matrix
    doc_freq = Counter(term for doc in documents for term in set(doc))
    n_docs = len(documents)
    # the idf of each document frequency, worked out once (most terms are in one document)
    idf_of = {df: math.log((1 + n_docs) / (1 + df)) + 1.0 for df in set(doc_freq.values())}
    for row, doc in enumerate(documents):
        for term, count in Counter(doc).items():
            idf = idf_of[doc_freq[term]]
            matrix[row, vocabulary[term]] = (1.0 + math.log(count)) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    normalised: NDArray[np.float64] = matrix / norms
    return normalised


def cosine_matrix(vectors: NDArray[np.float64]) -> NDArray[np.float64]:
    """Return pairwise cosine similarities of L2-normalised row vectors."""
    sims = vectors @ vectors.T
    return np.clip(sims, 0.0, 1.0)


def lexrank(similarity: NDArray[np.float64], threshold: float | None) -> NDArray[np.float64]:
    """Return LexRank centrality (summing to 1) of sentences.

    With a ``threshold``, sentences are linked when their similarity reaches it; with None, the
    links are weighted by similarity (continuous LexRank).
    """
    n = similarity.shape[0]
    if n == 0:
        return np.zeros(0)
    if threshold is None:
        adjacency = similarity.astype(np.float64, copy=True)
    else:
        adjacency = (similarity >= threshold).astype(np.float64)
    np.fill_diagonal(adjacency, 0.0)
    degree = adjacency.sum(axis=1, keepdims=True)
    # A sentence linked to nothing spreads its weight evenly (the random-surfer teleport).
    transition = np.where(degree > 0, adjacency / np.where(degree > 0, degree, 1.0), 1.0 / n)
    flow = np.ascontiguousarray(transition.T)
    scores = np.full(n, 1.0 / n)
    for _ in range(LEXRANK_ITERATIONS):
        updated = (1.0 - LEXRANK_DAMPING) / n + LEXRANK_DAMPING * (flow @ scores)
        done = float(np.abs(updated - scores).sum()) < LEXRANK_TOLERANCE
        scores = updated
        if done:
            break
    centrality: NDArray[np.float64] = scores / scores.sum()
    return centrality


def mmr_order(
    relevance: Sequence[float],
    similarity: NDArray[np.float64],
    k: int,
    trade_off: float,
    allowed: Sequence[bool] | None = None,
    group: Sequence[str] | None = None,
    group_penalty: float = 0.0,
    exclude_at: float | None = None,
) -> list[int]:
    """Pick up to ``k`` indices by maximal marginal relevance.

    Each step takes the index maximising ``trade_off * relevance - (1 - trade_off) * max
    similarity to the picks so far - group_penalty * picks already from the same group``;
    ties go to the lower index, so the result is deterministic. Indices whose similarity to a
    pick reaches ``exclude_at`` are not picked after it (they repeat it).
    """
    n = len(relevance)
    allowed = list(allowed) if allowed is not None else [True] * n
    picked: list[int] = []
    used_groups: Counter[str] = Counter()
    while len(picked) < k:
        best, best_score = -1, -math.inf
        for i in range(n):
            if not allowed[i] or i in picked:
                continue
            redundancy = max((float(similarity[i, j]) for j in picked), default=0.0)
            score = trade_off * relevance[i] - (1.0 - trade_off) * redundancy
            if group is not None:
                score -= group_penalty * used_groups[group[i]]
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        picked.append(best)
        if exclude_at is not None:
            for j in range(n):
                if similarity[best, j] >= exclude_at:
                    allowed[j] = False
        if group is not None:
            used_groups[group[best]] += 1
    return picked
