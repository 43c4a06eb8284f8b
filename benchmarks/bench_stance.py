"""Stance between two headlines on the ANS dev split: the shipped model beside its peers.

Usage::

    python benchmarks/bench_stance.py [--ans DIR] [--ant DIR]

Peers, all run here on the same pairs:

- majority class: the most common label of the train split, always;
- lexical baseline: TF-IDF cosine of the two headlines (word unigrams of normalised text, IDF
  fitted on the train headlines) cut into three bands, plus a negation list — below the low
  cut the pair is unrelated; above it, a negation or denial on exactly one side is disagree;
  otherwise the high cut separates agree from disagree. Both cuts are fitted on train;
- ``rule_agreement``: khabar's earlier hand-written rule;
- ``agreement``: the stance model (``scripts/train_stance.py``, fitted on train, chosen on dev).

``--ant DIR`` (an extracted ANT corpus) also scores the model and the rule on the ANT headline
pairs of ``tests/quality/data/agreement_pairs.tsv``, leaving out every pair with an article of
a reserved evaluation day (../shared/EVENTS.md). Time per pair is reported as a ratio to the
rule's. The ANS test split is not used.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_stance  # noqa: E402  (needs sys.path above)
from agreement_corpus import PAIRS_FILE, read_ant  # noqa: E402

from khabar.arabic.normalize import normalize  # noqa: E402
from khabar.claims.agreement import agreement, rule_agreement  # noqa: E402
from khabar.claims.data import DENIAL_VERBS, NEGATION_PARTICLES  # noqa: E402
from khabar.claims.text import words  # noqa: E402

RESERVED_ANT_DAYS = (("20180408", "20180412"), ("20181013", "20181018"))
"""ANT days kept for independent evaluation (../shared/EVENTS.md): pairs touching them are
left out."""

BAND_GRID = tuple(round(x, 2) for x in np.arange(0.0, 1.0, 0.02))
"""Candidate cuts of the lexical baseline's cosine bands (fitted on train)."""

_NEGATIONS = frozenset(normalize(w) for w in (*NEGATION_PARTICLES, *DENIAL_VERBS))

Labeller = Callable[[str, str], str]


def _tokens(text: str) -> list[str]:
    return [w.norm for w in words(text)]


class LexicalBaseline:
    """TF-IDF cosine bands plus a negation list, cut points fitted on labelled pairs."""

    def __init__(self) -> None:
        self.vectorizer_: TfidfVectorizer | None = None
        self.low_ = 0.0
        self.high_ = 0.0

    def _cosines(self, pairs: Sequence[train_stance.Pair]) -> np.ndarray:
        assert self.vectorizer_ is not None
        xa = self.vectorizer_.transform([p.first for p in pairs])
        xb = self.vectorizer_.transform([p.second for p in pairs])
        return np.asarray(xa.multiply(xb).sum(axis=1)).ravel()

    @staticmethod
    def _negated_once(pair: train_stance.Pair) -> bool:
        a = any(t in _NEGATIONS for t in _tokens(pair.first))
        b = any(t in _NEGATIONS for t in _tokens(pair.second))
        return a != b

    def _label(self, cosine: float, negated_once: bool, low: float, high: float) -> str:
        if cosine < low:
            return "unrelated"
        if negated_once or cosine < high:
            return "disagree"
        return "agree"

    def fit(self, pairs: Sequence[train_stance.Pair]) -> LexicalBaseline:
        """Fit the IDF and both cuts (best train macro-F1 over :data:`BAND_GRID`)."""
        self.vectorizer_ = TfidfVectorizer(analyzer=_tokens, sublinear_tf=True)
        self.vectorizer_.fit([p.first for p in pairs] + [p.second for p in pairs])
        cos = self._cosines(pairs)
        neg = [self._negated_once(p) for p in pairs]
        gold = [p.label for p in pairs]
        best = (-1.0, 0.0, 0.0)
        for low in BAND_GRID:
            for high in (h for h in BAND_GRID if h >= low):
                pred = [self._label(c, n, low, high) for c, n in zip(cos, neg, strict=True)]
                f1 = train_stance.scores(gold, pred)["macro_f1"]
                if f1 > best[0]:
                    best = (f1, low, high)
        _, self.low_, self.high_ = best
        return self

    def predict(self, pairs: Sequence[train_stance.Pair]) -> list[str]:
        """Labels of ``pairs``."""
        cos = self._cosines(pairs)
        return [
            self._label(c, self._negated_once(p), self.low_, self.high_)
            for c, p in zip(cos, pairs, strict=True)
        ]


def _timed(labeller: Labeller, pairs: Sequence[train_stance.Pair]) -> tuple[list[str], float]:
    start = time.perf_counter()
    out = [labeller(p.first, p.second) for p in pairs]
    return out, (time.perf_counter() - start) / max(1, len(pairs))


def _row(name: str, s: dict[str, float]) -> str:
    return (
        f"| {name} | {s['agree']:.3f} | {s['disagree']:.3f} | {s['unrelated']:.3f} "
        f"| **{s['macro_f1']:.3f}** | {s['accuracy']:.3f} |"
    )


def _reserved(docno: str) -> bool:
    day = docno[-8:]
    return any(lo <= day <= hi for lo, hi in RESERVED_ANT_DAYS)


def ant_pairs(ant_dir: Path) -> list[train_stance.Pair]:
    """The labelled ANT headline pairs outside the reserved days."""
    docs = read_ant(str(ant_dir))
    out: list[train_stance.Pair] = []
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, label = line.split("\t")
        if _reserved(a) or _reserved(b) or a not in docs or b not in docs:
            continue
        out.append(train_stance.Pair(docs[a]["TITLE"], docs[b]["TITLE"], label))
    return out


def main(argv: list[str]) -> None:
    """Print the comparison tables (markdown)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ans", type=Path, default=train_stance.DEFAULT_ANS)
    parser.add_argument("--ant", type=Path, default=None)
    args = parser.parse_args(argv)
    train = train_stance.read_pairs(args.ans / "train.csv")
    dev = train_stance.read_pairs(args.ans / "dev.csv")
    gold = [p.label for p in dev]
    counts = Counter(gold)
    print(f"ANS dev: {len(dev)} pairs ({', '.join(f'{k} {v}' for k, v in counts.items())})\n")
    print("| method | agree F1 | disagree F1 | unrelated F1 | macro-F1 | accuracy |")
    print("|---|---|---|---|---|---|")
    majority = Counter(p.label for p in train).most_common(1)[0][0]
    print(_row(f"majority class ({majority})", train_stance.scores(gold, [majority] * len(dev))))
    lexical = LexicalBaseline().fit(train)
    print(
        _row(
            f"lexical baseline (cuts {lexical.low_:.2f} / {lexical.high_:.2f})",
            train_stance.scores(gold, lexical.predict(dev)),
        )
    )
    agreement("", "")  # load the model, vectors and frequencies before timing
    rule, rule_time = _timed(rule_agreement, dev)
    print(_row("`rule_agreement` (earlier rule)", train_stance.scores(gold, rule)))
    model, model_time = _timed(agreement, dev)
    print(_row("`agreement` (stance model)", train_stance.scores(gold, model)))
    print(f"\ntime per pair: model / rule = {model_time / rule_time:.2f}")
    if args.ant is not None:
        pairs = ant_pairs(args.ant)
        ant_gold = [p.label for p in pairs]
        print(f"\nANT headline pairs outside the reserved days: {len(pairs)} ")
        print(f"({', '.join(f'{k} {v}' for k, v in Counter(ant_gold).items())})\n")
        print("| method | agree F1 | disagree F1 | unrelated F1 | macro-F1 | accuracy |")
        print("|---|---|---|---|---|---|")
        for name, fn in (("`rule_agreement`", rule_agreement), ("`agreement`", agreement)):
            pred = [fn(p.first, p.second) for p in pairs]
            print(_row(name, train_stance.scores(ant_gold, pred)))


if __name__ == "__main__":
    main(sys.argv[1:])
