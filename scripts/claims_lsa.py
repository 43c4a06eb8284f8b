"""Build the small LSA term vectors used by khabar.claims.agreement.

Reads the ANT corpus (extract ``ant-multisource-v2.1.tar.xz`` first), builds a TF-IDF matrix of
documents by light stems, factorises it with truncated SVD, and writes the stem vectors of the
most frequent stems to ``khabar/claims/resources/stem_vectors.npz`` (float16). Usage::

    python scripts/claims_lsa.py /tmp/ant
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD

from khabar.claims.text import content_terms

MAX_STEMS = 30_000
"""Vocabulary kept: the stems in the most documents."""
MIN_DF = 5
"""Stems in fewer documents are left out."""
DIMENSIONS = 96
"""Size of the term vectors."""
SEED = 13

_FIELD = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S)


def main(root: str) -> None:
    """Fit the LSA space and save the stem vectors."""
    docs: list[list[str]] = []
    for path in sorted(Path(root).rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        text = " ".join(m.group(2) for m in _FIELD.finditer(raw))
        if text.strip():
            docs.append([t.stem for t in content_terms(text)])
    df = Counter(s for doc in docs for s in set(doc))
    vocab = [s for s, c in df.most_common(MAX_STEMS) if c >= MIN_DF]
    index = {s: i for i, s in enumerate(vocab)}
    rows, cols, vals = [], [], []
    n = len(docs)
    idf = np.array([np.log((1 + n) / (1 + df[s])) + 1 for s in vocab])
    for r, doc in enumerate(docs):
        counts = Counter(s for s in doc if s in index)
        for s, c in counts.items():
            rows.append(r)
            cols.append(index[s])
            vals.append((1 + np.log(c)) * idf[index[s]])
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    svd = TruncatedSVD(n_components=DIMENSIONS, random_state=SEED).fit(matrix)
    vectors = (svd.components_.T * svd.singular_values_).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    out = (
        Path(__file__).resolve().parents[1]
        / "khabar"
        / "claims"
        / "resources"
        / ("stem_vectors.npz")
    )
    np.savez_compressed(out, stems=np.array(vocab), vectors=vectors.astype(np.float16))
    print(f"{n} documents, {len(vocab)} stems x {DIMENSIONS} -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ant")
