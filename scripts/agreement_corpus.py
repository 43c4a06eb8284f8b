"""The agreement evaluation set: Arabic headline pairs from ANT labelled agree / disagree /
unrelated, and the macro-F1 of :func:`khabar.claims.agreement` on it.

The committed file ``tests/quality/data/agreement_pairs.tsv`` holds only ANT document ids and the
label (``docno_a<TAB>docno_b<TAB>label``); the headlines are read from an extracted copy of the
ANT corpus (``/work/shared/data/ant/ant-multisource-v2.1.tar.xz``, Apache-2.0), never committed.

Usage::

    python scripts/agreement_corpus.py candidates /tmp/ant > /tmp/candidates.tsv   # to label
    python scripts/agreement_corpus.py evaluate /tmp/ant                            # macro-F1
    python scripts/agreement_corpus.py build-df /tmp/ant    # resources/stem_df.tsv.gz
    python scripts/agreement_corpus.py build-lsa /tmp/ant   # resources/stem_vectors.npz

Pairs were labelled by reading both headlines (and the ABSTRACT where the headline alone was
ambiguous): *agree* = the same happening reported compatibly; *disagree* = the same happening with
conflicting numbers, a denial, or opposite outcomes; *unrelated* = different happenings, including
different happenings on the same topic.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from khabar.arabic.ant import on_reserved_day
from khabar.claims import agreement
from khabar.claims.text import background_idf, content_terms, term_overlap, words

PAIRS_FILE = (
    Path(__file__).resolve().parents[1] / "tests" / "quality" / "data" / ("agreement_pairs.tsv")
)
LABELS = ("agree", "disagree", "unrelated")
MAX_DAYS_APART = 3
"""Candidate pairs are headlines published at most this many days apart."""

RARE_IDF = 5.0
"""Candidate pairs share at least one headline stem this rare in the background corpus."""
MAX_POSTINGS = 400
"""Stems in more headlines than this are too common to propose pairs."""

_FIELD = re.compile(r"<(DOCNO|TITLE|TIME|ABSTRACT|SRC)>(.*?)</\1>", re.S)


def read_ant(root: str) -> dict[str, dict[str, str]]:
    """Every ANT document's fields (DOCNO, TITLE, TIME, ABSTRACT, SRC) by DOCNO."""
    docs: dict[str, dict[str, str]] = {}
    for path in Path(root).rglob("*.txt"):
        raw = path.read_text(encoding="utf-8", errors="replace")
        fields = {m.group(1): m.group(2).strip() for m in _FIELD.finditer(raw)}
        if fields.get("DOCNO") and fields.get("TITLE"):
            docs[fields["DOCNO"]] = fields
    return docs


def _day(doc: dict[str, str]) -> datetime | None:
    try:
        return datetime.strptime(doc.get("TIME", "")[5:16], "%d %b %Y")
    except ValueError:
        return None


def candidates(docs: dict[str, dict[str, str]]) -> Iterator[tuple[float, str, str]]:
    """Pairs of headlines from different outlets, a few days apart, with their similarity."""
    weight = background_idf().idf
    items = {
        d: (_day(doc), doc["SRC"], content_terms(doc["TITLE"]))
        for d, doc in docs.items()
        if doc.get("CAT") != "sport" and _day(doc) is not None
    }
    index: dict[str, list[str]] = {}
    for d, (_, _, terms) in items.items():
        for stem in {t.stem for t in terms if weight(t.stem) >= RARE_IDF}:
            index.setdefault(stem, []).append(d)
    seen: set[tuple[str, str]] = set()
    for ids in index.values():
        if len(ids) > MAX_POSTINGS:
            continue
        for i, da in enumerate(ids):
            for db in ids[i + 1 :]:
                key = (min(da, db), max(da, db))
                ta, sa, terms_a = items[da]
                tb, sb, terms_b = items[db]
                if key in seen or sa == sb or abs((tb - ta).days) > MAX_DAYS_APART:  # type: ignore[operator]
                    continue
                seen.add(key)
                cosine, contained = term_overlap(terms_a, terms_b, weight)
                yield (cosine + contained) / 2, key[0], key[1]


def evaluate(docs: dict[str, dict[str, str]]) -> dict[str, float]:
    """Per-label F1 and macro-F1 of ``agreement`` over the committed pairs."""
    gold: list[str] = []
    pred: list[str] = []
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, label = line.split("\t")[:3]
        gold.append(label)
        pred.append(agreement(docs[a]["TITLE"], docs[b]["TITLE"]))
    scores: dict[str, float] = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label != p)
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    scores["macro_f1"] = sum(scores[label] for label in LABELS) / len(LABELS)
    scores["pairs"] = float(len(gold))
    return scores


# ------------------------------------------------------------------------------------------
# The bundled resources agreement() (and claim alignment) rest on, rebuilt from ANT
# ------------------------------------------------------------------------------------------

MIN_DF = 3
"""Stems in fewer ANT documents than this are left out of the frequency table."""
LSA_MAX_STEMS = 30_000
"""LSA vocabulary: the stems in the most documents."""
LSA_MIN_DF = 5
"""Stems in fewer documents are left out of the LSA vocabulary."""
LSA_DIMENSIONS = 96
"""Size of the LSA stem vectors."""
LSA_SEED = 13

_BODY = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S)
RESOURCES = Path(__file__).resolve().parents[1] / "khabar" / "claims" / "resources"


def _ant_texts(root: str) -> Iterator[str]:
    for path in sorted(Path(root).rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        if on_reserved_day(raw):
            continue  # the days EVENTS.md reserves for evaluation are never read
        text = " ".join(m.group(2) for m in _BODY.finditer(raw))
        if text.strip():
            yield text


def build_stem_df(root: str) -> None:
    """Write resources/stem_df.tsv.gz: ``#docs<TAB>N`` then ``stem<TAB>df`` per stem."""
    df: Counter[str] = Counter()
    docs = 0
    for text in _ant_texts(root):
        docs += 1
        df.update({w.stem for w in words(text)})
    out = RESOURCES / "stem_df.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        fh.write(f"#docs\t{docs}\n")
        for stem, count in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
            if count >= MIN_DF:
                fh.write(f"{stem}\t{count}\n")
    print(f"{docs} documents -> {out}")


def build_lsa(root: str) -> None:
    """Write resources/stem_vectors.npz: LSA (TF-IDF + truncated SVD) vectors of light stems."""
    import numpy as np
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    docs = [[t.stem for t in content_terms(text)] for text in _ant_texts(root)]
    df = Counter(s for doc in docs for s in set(doc))
    vocab = [s for s, c in df.most_common(LSA_MAX_STEMS) if c >= LSA_MIN_DF]
    index = {s: i for i, s in enumerate(vocab)}
    n = len(docs)
    idf = np.array([np.log((1 + n) / (1 + df[s])) + 1 for s in vocab])
    rows, cols, vals = [], [], []
    for r, doc in enumerate(docs):
        for s, c in Counter(s for s in doc if s in index).items():
            rows.append(r)
            cols.append(index[s])
            vals.append((1 + np.log(c)) * idf[index[s]])
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    svd = TruncatedSVD(n_components=LSA_DIMENSIONS, random_state=LSA_SEED).fit(matrix)
    vectors = (svd.components_.T * svd.singular_values_).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    out = RESOURCES / "stem_vectors.npz"
    np.savez_compressed(out, stems=np.array(vocab), vectors=vectors.astype(np.float16))
    print(f"{n} documents, {len(vocab)} stems x {LSA_DIMENSIONS} -> {out}")


def main(argv: list[str]) -> None:
    """Print candidates to label, or evaluate ``agreement`` on the labelled pairs."""
    mode, root = argv[0], argv[1] if len(argv) > 1 else "/tmp/ant"
    docs = read_ant(root) if mode in ("candidates", "evaluate") else {}
    if mode == "candidates":
        for score, a, b in candidates(docs):
            print(f"{score:.2f}\t{a}\t{b}\t{docs[a]['TITLE']}\t{docs[b]['TITLE']}")
    elif mode == "evaluate":
        for key, value in evaluate(docs).items():
            print(f"{key}\t{value:.3f}")
    elif mode == "build-df":
        build_stem_df(root)
    elif mode == "build-lsa":
        build_lsa(root)
    else:
        raise SystemExit(
            "usage: agreement_corpus.py candidates|evaluate|build-df|build-lsa ANT_DIR"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
