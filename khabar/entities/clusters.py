"""Word clusters from unlabelled news text, so the tagger generalises to names it never saw.

Each frequent word is described by the words seen just before and just after it (positive PMI of
the counts), reduced by truncated SVD and grouped by k-means at a few granularities; a word's
cluster ids become tagger features (a new Chinese or Russian surname lands in the cluster of the
ones in the training data). Words are keyed without one-letter clitics (وبوتين → بوتين).

The ANT articles of the days ../shared/EVENTS.md reserves for independent evaluation are left
out (:func:`ant_texts_outside_reserved_days`), so no model learns from their text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize as l2_normalize

from khabar.arabic import normalize
from khabar.arabic.ant import RESERVED_ANT_DAYS, utc_day
from khabar.arabic.clitics import strip_prefix_clitics
from khabar.arabic.lexicon import Lexicon, default_lexicon, iter_ant_files

MIN_WORD_COUNT = 5
"""Words seen fewer times than this get no cluster (too little context to place them)."""

CONTEXT_WORDS = 5000
"""The most frequent words used as left / right context dimensions."""

SVD_DIMENSIONS = 160
"""Dimensions of the reduced word vectors."""

CLUSTER_SIZES = (64, 256, 1024)
"""k of the k-means runs; a word gets one id per run, coarse to fine."""

SEED = 13
"""Random seed of SVD and k-means, so the clusters rebuild identically."""

_TOKEN = re.compile(r"\w+|[^\w\s]")
_ANT_DOC = re.compile(
    r"<DOCNO>[^<]*-(\d{4})(\d{2})(\d{2})</DOCNO>.*?<TITLE>(.*?)</TITLE>.*?"
    r"<TIME>(.*?)</TIME>.*?<TEXT>(.*?)</TEXT>",
    re.S,
)


def ant_article_texts(raw: str, reserved: frozenset[str] = RESERVED_ANT_DAYS) -> str | None:
    """Title and body of one ANT file's article, or None when it is dated a reserved day (by
    its DOCNO or its publication time) or has no body."""
    match = _ANT_DOC.search(raw)
    if match is None:
        return None
    year, month, day, title, stamp, body = match.groups()
    if f"{year}-{month}-{day}" in reserved or utc_day(stamp) in reserved:
        return None
    return title + "\n" + body


def ant_texts_outside_reserved_days(source: Path) -> Iterator[str]:
    """Title and body of every ANT article (folder or ``.tar.xz``) not dated a reserved day."""
    for text in iter_ant_files(source):
        found = ant_article_texts(text)
        if found is not None:
            yield found


def corpus_words(texts: Iterable[str], lexicon: Lexicon | None = None) -> Iterable[list[str]]:
    """Yield each text as a list of normalised words without one-letter clitics."""
    lexicon = lexicon if lexicon is not None else default_lexicon()
    bare: dict[str, str] = {}
    for text in texts:
        words = []
        for word in _TOKEN.findall(normalize(text)):
            found = bare.get(word)
            if found is None:
                found = strip_prefix_clitics(word, lexicon) if word.isalpha() else word
                bare[word] = found
            words.append(found)
        yield words


def build_clusters(
    docs: Iterable[list[str]],
    min_count: int = MIN_WORD_COUNT,
    sizes: tuple[int, ...] = CLUSTER_SIZES,
) -> dict[str, tuple[str, ...]]:
    """Cluster the frequent words of tokenised documents; word → one id per k in ``sizes``."""
    vocab, vectors = word_vectors(docs, min_count)
    out: dict[str, list[str]] = {w: [] for w in vocab}
    for k in sizes:
        labels = MiniBatchKMeans(
            n_clusters=k, random_state=SEED, batch_size=4096, n_init=3
        ).fit_predict(vectors)
        for word, label in zip(vocab, labels, strict=True):
            out[word].append(f"{k}.{label}")
    return {w: tuple(ids) for w, ids in out.items()}


def word_vectors(
    docs: Iterable[list[str]], min_count: int = MIN_WORD_COUNT
) -> tuple[list[str], np.ndarray]:
    """The frequent words of tokenised documents (most frequent first) and their unit vectors."""
    docs = list(docs)
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(doc)
    vocab = [w for w, n in counts.most_common() if n >= min_count and w.isalpha()]
    index = {w: i for i, w in enumerate(vocab)}
    contexts = {w: i for i, w in enumerate(vocab[:CONTEXT_WORDS])}
    rows: list[int] = []
    cols: list[int] = []
    for doc in docs:
        ids = [index.get(w, -1) for w in doc]
        ctx = [contexts.get(w, -1) for w in doc]
        for i, wid in enumerate(ids):
            if wid < 0:
                continue
            if i > 0 and ctx[i - 1] >= 0:
                rows.append(wid)
                cols.append(ctx[i - 1])
            if i + 1 < len(ids) and ctx[i + 1] >= 0:
                rows.append(wid)
                cols.append(CONTEXT_WORDS + ctx[i + 1])
    matrix = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(vocab), 2 * CONTEXT_WORDS),
    ).tocsr()
    return vocab, _reduce(_ppmi(matrix))


def _ppmi(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Positive pointwise mutual information of a count matrix."""
    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix(
        (pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=matrix.shape
    )


def _reduce(matrix: sparse.csr_matrix) -> np.ndarray:
    """Unit-length SVD word vectors."""
    svd = TruncatedSVD(n_components=SVD_DIMENSIONS, random_state=SEED)
    return l2_normalize(svd.fit_transform(matrix))
