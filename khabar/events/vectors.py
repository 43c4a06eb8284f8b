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

    def transform(self, docs: Sequence[Bag]) -> sparse.csr_matrix:
        """Rows of L2-normalised TF-IDF weights (unknown terms are ignored)."""
        idf = self.idf()
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        for doc in docs:
            row = [
                (self.vocabulary_[t], _sublinear(c) * idf[self.vocabulary_[t]])
                for t, c in doc.items()
                if t in self.vocabulary_ and c > 0
            ]
            norm = math.sqrt(sum(v * v for _, v in row)) or 1.0
            for i, v in row:
                if v > 0:
                    indices.append(i)
                    values.append(v / norm)
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.asarray(values), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
            shape=(len(docs), len(self.df_)),
        )


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
    (31.5k Arabic articles from five outlets, 2018; Chouigui et al., AICCSA 2017, Apache-2.0).
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
