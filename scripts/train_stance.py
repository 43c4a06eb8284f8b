"""Fit the stance model behind :func:`khabar.claims.agreement` on the ANS corpus.

ANS (Arabic News Stance; Jude Khouja, "Stance Prediction and Claim Verification: An Arabic
Perspective", FEVER workshop, ACL 2020; Apache-2.0) pairs a real headline with a sentence
written about it: a paraphrase (agree), a corrupted version (disagree) or an unrelated headline
(other, read as "unrelated"). The model is fitted on ``train.csv`` only; every choice below was
made on ``dev.csv``. The test split is not used, nor looked for.

Usage::

    python scripts/train_stance.py [ANS_DIR]      # default ../shared/data/stance/ans

writes ``khabar/claims/resources/stance_model.json`` and prints the dev scores of the model just
written (read back through :class:`khabar.claims.agreement.StanceModel`). Needs scikit-learn
(the ``dev`` extra); the written model needs only the standard library to run.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from khabar.claims.agreement import LinearModel, PairFeatures, StanceModel, pair_features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ANS = ROOT.parent / "shared" / "data" / "stance" / "ans"
MODEL_PATH = ROOT / "khabar" / "claims" / "resources" / "stance_model.json"
LABELS = ("agree", "disagree", "unrelated")
ANS_LABELS = {"agree": "agree", "disagree": "disagree", "other": "unrelated"}

RELATED_C = 3.0
"""Inverse L2 strength of the related / unrelated model (dense features only). Dev unrelated F1
at 0.3, 1, 3, 10: 0.857, 0.897, 0.903, 0.938. The dev split has only 16 unrelated pairs and 10
gains one of them, so the stronger regularisation of 3 is kept."""

STANCE_C = 0.3
"""Inverse L2 strength of the agree / disagree model (dense + lexical). Dev macro-F1 at 0.1,
0.3, 1, 3: 0.814, 0.816, 0.818, 0.818 (alike; the strongest regularisation among the best is
kept, the lexical features being many and the pairs few)."""

UNRELATED_ABOVE = 0.5
"""P(unrelated) above which a pair is unrelated. Dev macro-F1 at 0.3, 0.5, 0.7: 0.809, 0.816,
0.814."""

DISAGREE_ABOVE = 0.5
"""P(disagree) above which related reports disagree (classes are balanced in training, so 0.5
is where both errors cost alike). Dev macro-F1 at 0.4, 0.5, 0.6: 0.809, 0.816, 0.802."""

MIN_LEXICAL_PAIRS = 2
"""Lexical features (word and word-pair indicators) seen in fewer training pairs than this are
dropped: a word met once cannot be weighed. Dev macro-F1 at 1, 2, 3: 0.819, 0.816, 0.815; 2
keeps the artefact near 250 kB."""

WEIGHT_DIGITS = 5
"""Decimals kept of each weight in the JSON artefact (far below any effect on a decision)."""


@dataclass(frozen=True, slots=True)
class Pair:
    """One labelled ANS pair."""

    first: str
    second: str
    label: str


def read_pairs(path: Path) -> list[Pair]:
    """The pairs of an ANS split; a malformed row stops with the file, line and reason."""
    pairs: list[Pair] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"s1", "s2", "stance"} - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"{path}: missing columns {sorted(missing)} (expected s1,s2,stance)")
        for row in reader:
            label = ANS_LABELS.get((row["stance"] or "").strip())
            if label is None or not row["s1"] or not row["s2"]:
                raise SystemExit(f"{path}:{reader.line_num}: bad row {row!r}")
            pairs.append(Pair(row["s1"], row["s2"], label))
    return pairs


def featurize(pairs: Sequence[Pair]) -> list[PairFeatures]:
    """:func:`pair_features` of every pair."""
    return [pair_features(p.first, p.second) for p in pairs]


def _fit_linear(
    rows: list[dict[str, float]], y: list[bool], c: float, balanced: bool
) -> LinearModel:
    """A logistic model fitted with L2 strength 1/``c`` (classes weighted alike if ``balanced``)."""
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(
        C=c, max_iter=5000, class_weight="balanced" if balanced else None
    ).fit(x, y)
    weights = {
        name: round(float(w), WEIGHT_DIGITS)
        for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True)
        if round(float(w), WEIGHT_DIGITS) != 0.0
    }
    return LinearModel(round(float(model.intercept_[0]), WEIGHT_DIGITS), weights)


def fit(pairs: Sequence[Pair], feats: Sequence[PairFeatures]) -> StanceModel:
    """Fit both logistic models on ``pairs`` and return the :class:`StanceModel`."""
    seen: Counter[str] = Counter()
    for f in feats:
        seen.update(f.lexical)
    kept = {name for name, n in seen.items() if n >= MIN_LEXICAL_PAIRS}

    related = _fit_linear(
        [dict(f.dense) for f in feats], [p.label == "unrelated" for p in pairs], RELATED_C, False
    )
    on_topic = [(p, f) for p, f in zip(pairs, feats, strict=True) if p.label != "unrelated"]
    stance = _fit_linear(
        [{**f.dense, **{k: v for k, v in f.lexical.items() if k in kept}} for _, f in on_topic],
        [p.label == "disagree" for p, _ in on_topic],
        STANCE_C,
        True,
    )
    return StanceModel(related, stance, UNRELATED_ABOVE, DISAGREE_ABOVE)


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Per-label F1, macro-F1 and accuracy."""
    out: dict[str, float] = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    out["macro_f1"] = sum(out[label] for label in LABELS) / len(LABELS)
    out["accuracy"] = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return out


def main(argv: list[str]) -> None:
    """Fit on train, write the artefact, print dev scores of the written model."""
    ans = Path(argv[0]) if argv else DEFAULT_ANS
    train, dev = read_pairs(ans / "train.csv"), read_pairs(ans / "dev.csv")
    model = fit(train, featurize(train))
    MODEL_PATH.write_text(
        json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        + "\n",
        encoding="utf-8",
    )
    written = StanceModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    predicted = [written.predict(f) for f in featurize(dev)]
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size // 1024} kB)")
    for name, value in scores([p.label for p in dev], predicted).items():
        print(f"dev\t{name}\t{value:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
