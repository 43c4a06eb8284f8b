"""TF-IDF vectors of term lists, with document frequencies that can grow (incremental mode)."""

from __future__ import annotations

import gzip
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

Bag = Mapping[str, float]
"""A document as weighted term counts (a count may be fractional: down-weighted occurrences)."""


_FITTED = ("vocabulary_", "terms_", "df_", "n_docs_", "background_df_", "aliases_", "idf_")
"""The learned attributes of a TfidfModel (dropped by ``fit``)."""


class TfidfModel:
    """Sublinear TF-IDF over term bags, L2-normalised rows (scikit-learn style estimator)."""

    def __init__(self, max_df_share: float = 0.5, background: BackgroundDf | None = None) -> None:
        self.max_df_share = max_df_share
        self.background = background

    def partial_fit(self, docs: Sequence[Bag]) -> TfidfModel:
        """Add the documents' terms to the vocabulary and document frequencies."""
        if not hasattr(self, "vocabulary_"):
            self.vocabulary_: dict[str, int] = {}
            self.terms_: list[str] = []  # index → term, the inverse of vocabulary_
            self.df_: list[int] = []
            self.n_docs_ = 0
            self.background_df_: list[int] = []
            self.aliases_: dict[str, str] = {}
        for doc in docs:
            for term in doc:
                index = self.vocabulary_.get(term)
                if index is None:
                    self.vocabulary_[term] = len(self.df_)
                    self.terms_.append(term)
                    self.df_.append(1)
                else:
                    self.df_[index] += 1
        self.n_docs_ += len(docs)
        self.idf_: np.ndarray | None = None
        return self

    def alias(self, term: str, word: str) -> None:
        """Let ``term`` (an entity) take the background frequency of ``word`` (its name)."""
        if hasattr(self, "aliases_") and term not in self.aliases_:
            self.aliases_[term] = word
            index = self.vocabulary_.get(term)
            if index is not None and index < len(self.background_df_) and self.background:
                self.background_df_[index] = self.background.df.get(word, 0)
                self.idf_ = None

    def fit(self, docs: Sequence[Bag]) -> TfidfModel:
        """Learn vocabulary and document frequencies from scratch."""
        for name in _FITTED:
            if hasattr(self, name):
                delattr(self, name)
        return self.partial_fit(docs)

    def idf(self) -> np.ndarray:
        """Smoothed inverse document frequency per term; 0 for terms in too many documents."""
        cached = getattr(self, "idf_", None)
        if cached is not None and len(cached) == len(self.df_):
            return cached
        self.idf_ = self._compute_idf()
        return self.idf_

    def _compute_idf(self) -> np.ndarray:
        df = np.asarray(self.df_, dtype=np.float64)
        n_docs = float(self.n_docs_)
        if self.background is not None:
            if len(self.background_df_) < len(self.df_):
                self.background_df_.extend(
                    self.background.df.get(self.aliases_.get(t, t), 0)
                    for t in self.terms_[len(self.background_df_) :]
                )
            df = df + np.asarray(self.background_df_, dtype=np.float64)
            n_docs += self.background.n_docs
        idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
        if n_docs >= MIN_DOCS_FOR_DF_CAP:
            idf[df > self.max_df_share * n_docs] = 0.0
        return idf

    def encode(self, docs: Sequence[Bag]) -> list[Encoded]:
        """Each bag as its vocabulary columns and sublinear counts (unknown terms dropped)."""
        vocabulary = self.vocabulary_
        out: list[Encoded] = []
        for doc in docs:
            pairs = [
                (vocabulary[t], _sublinear(c)) for t, c in doc.items() if c > 0 and t in vocabulary
            ]
            columns = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
            counts = np.fromiter((p[1] for p in pairs), dtype=np.float64, count=len(pairs))
            out.append((columns, counts))
        return out

    def transform(self, docs: Sequence[Bag]) -> sparse.csr_matrix:
        """Rows of L2-normalised TF-IDF weights (unknown terms are ignored)."""
        return weigh(self.encode(docs), self.idf())


Encoded = tuple[np.ndarray, np.ndarray]
"""A bag encoded against a vocabulary: its terms' columns (int64) and sublinear counts
(float64), in bag order. Columns never change once assigned, so an encoding stays valid while
the vocabulary grows; only the idf it is weighed with changes."""


def weigh(rows: Sequence[Encoded], idf: np.ndarray) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows ``count × idf[column]`` (terms of idf 0 dropped).

    The one place weights are computed: the clustering driver and candidate-search tasks on
    other processes call it on the same encodings, so they get the same floats.
    """
    lengths = np.fromiter((len(c) for c, _ in rows), dtype=np.int64, count=len(rows))
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    if len(rows) and indptr[-1]:
        columns = np.concatenate([c for c, _ in rows])
        values = np.concatenate([v for _, v in rows]) * idf[columns]
    else:
        columns, values = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    matrix = sparse.csr_matrix((values, columns, indptr), shape=(len(rows), len(idf)))
    matrix.eliminate_zeros()
    lengths = np.diff(matrix.indptr)
    row_of = np.repeat(np.arange(len(rows)), lengths)
    norms = np.sqrt(np.bincount(row_of, weights=matrix.data**2, minlength=len(rows)))
    matrix.data /= norms[row_of]  # every stored value is non-zero, so its row's norm is too
    return matrix


def _sublinear(count: float) -> float:
    """1 + log(count) for counts of one or more; fractional counts stay as they are."""
    return 1.0 + math.log(count) if count >= 1.0 else count


def merge_bags(bags: Sequence[Bag]) -> dict[str, float]:
    """The sum of several bags (an event's articles as one document)."""
    total: dict[str, float] = {}
    for bag in bags:
        for t, c in bag.items():
            total[t] = total.get(t, 0.0) + c
    return total


MIN_DOCS_FOR_DF_CAP = 20
"""Below this many documents, df share is too noisy to call a term uninformative."""


def prune_rows(matrix: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """Keep each row's ``keep`` heaviest entries (for candidate search), other entries dropped."""
    matrix = matrix.tocsr()
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    rows, cols, vals = [], [], []
    for r in range(matrix.shape[0]):
        lo, hi = indptr[r], indptr[r + 1]
        if hi - lo > keep:
            top = lo + np.argpartition(-data[lo:hi], keep)[:keep]
        else:
            top = np.arange(lo, hi)
        rows.extend([r] * len(top))
        cols.extend(indices[top].tolist())
        vals.extend(data[top].tolist())
    return sparse.csr_matrix((vals, (rows, cols)), shape=matrix.shape)


class BackgroundDf:
    """Document frequencies of matching terms in a large news corpus, read from a TSV table.

    Small collections (five pages about one story) cannot tell common words from telling ones;
    these counts can. The shipped table (``term_df.tsv.gz``) was counted over the ANT corpus
    (31.5k Arabic articles from five outlets, 2018; Chouigui et al., AICCSA 2017, Apache-2.0)
    less the 1,649 articles of the days ../shared/EVENTS.md reserves for evaluation.
    """

    def __init__(self, n_docs: int, df: dict[str, int]) -> None:
        self.n_docs = n_docs
        self.df = df

    @classmethod
    def load(cls, path: str | Path | None = None) -> BackgroundDf:
        """Read a table written by :func:`write_background` (the shipped one by default)."""
        path = Path(path) if path is not None else DEFAULT_BACKGROUND
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            n_docs = int(header[1])
            df = {}
            for line in handle:
                term, _, count = line.rstrip("\n").partition("\t")
                df[term] = int(count)
        return cls(n_docs, df)


def write_background(path: str | Path, n_docs: int, df: dict[str, int]) -> None:
    """Write a background document-frequency table (``#docs<TAB>N`` then ``term<TAB>df``)."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(f"#docs\t{n_docs}\n")
        for term in sorted(df):
            handle.write(f"{term}\t{df[term]}\n")


DEFAULT_BACKGROUND = Path(__file__).with_name("term_df.tsv.gz")
