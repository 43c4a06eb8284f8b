"""k-fold cross-validation of the NER taggers over contiguous chunks of NewsFANE.

    python scripts/ner_cross_validate.py --model neural --epochs 10   # the BiLSTM-CRF
    python scripts/ner_cross_validate.py --model crf                  # the CRF

NewsFANE's pseudo-sentences are cut, in file order, into ``--folds`` contiguous chunks of equal
sentence count; each chunk is held out once while the rest train. Prints per-fold and mean micro
F1 over PER/LOC/ORG (entity level, exact span). With 5 folds the last fold is exactly the usual
80/20 held-out split (both cut at round(0.8 × sentences)). The NewsFANE sentences whose text is
not in ANERcorp's train part (a block very likely holding ANERcorp's test part; results_ner.md,
round 5) are dropped from every fold, trained on and scored on by none.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from khabar.entities.corpus import Sentence, read_anercorp, read_newsfane, split_by_text  # noqa: E402
from khabar.entities.evaluate import Scores, score  # noqa: E402
from khabar.entities.tagger import (  # noqa: E402
    BUNDLED_MODEL,
    CLUSTERS_FILE,
    Tagger,
    _read_clusters,
    scratch_dir,
)

NEWSFANE = ROOT.parent / "shared" / "data" / "ner" / "NewsFANE_Gold_2014_170K.txt.xz"
ANERCORP = ROOT.parent / "shared" / "data" / "ner" / "anercorp" / "ANERCorp_CamelLab_train.txt.xz"


def folds(sentences: list[Sentence], k: int) -> list[tuple[list[Sentence], list[Sentence]]]:
    """``(train, test)`` pairs, the test part being each of ``k`` contiguous chunks in turn."""
    cuts = [round(len(sentences) * i / k) for i in range(k + 1)]
    return [
        (sentences[: cuts[i]] + sentences[cuts[i + 1] :], sentences[cuts[i] : cuts[i + 1]])
        for i in range(k)
    ]


def score_tagger(tagger: Tagger, test: list[Sentence]) -> Scores:
    """Entity-level scores of a tagger on tagged sentences."""
    predicted = tagger.tag_batch([s.tokens for s in test])
    return score((s.tags, p) for s, p in zip(test, predicted, strict=True))


def run_crf(train: list[Sentence], test: list[Sentence]) -> Scores:
    """Train the CRF on ``train`` and score it on ``test``."""
    clusters = _read_clusters(BUNDLED_MODEL / CLUSTERS_FILE)
    tagger = Tagger().fit(train, scratch_dir(), clusters)
    return score_tagger(tagger, test)


def run_neural(train: list[Sentence], test: list[Sentence], epochs: int, out: Path) -> Scores:
    """Train the BiLSTM-CRF on ``train`` for ``epochs`` and score its numpy export on ``test``."""
    import train_ner_neural as tn  # training-only module (needs torch)

    tn.torch.set_num_threads(1)
    words, vectors = tn.load_vectors(tn.ANT, Path("/tmp/ner/ant_vectors.npz"))
    vectors = tn.prepare_vectors(vectors)
    extractor = tn.make_extractor()
    vocab = tn.reindex_feats(tn.build_vocab(train, words, extractor))
    net, _ = tn.train_net(train, None, epochs, vocab, vectors, extractor)
    tn.save_model(net, vocab, train, out)
    tagger = Tagger()._open(out)
    return score_tagger(tagger, test)


def main(argv: list[str] | None = None) -> int:
    """Print per-fold and mean micro F1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=("crf", "neural"), default="neural")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=10, help="neural: fixed epoch count")
    parser.add_argument("--only", type=int, default=None, help="run one fold (1-based)")
    parser.add_argument("--newsfane", type=Path, default=NEWSFANE)
    parser.add_argument(
        "--anercorp", type=Path, default=ANERCORP, help="ANERcorp train (to drop its test text)"
    )
    args = parser.parse_args(argv)
    sentences = read_newsfane(args.newsfane)
    inside, outside = split_by_text(sentences, read_anercorp(args.anercorp))
    known = set(inside)
    print(f"{len(outside)} NewsFANE sentences are not ANERcorp train's text: dropped")
    results = []
    for i, (train, test) in enumerate(folds(sentences, args.folds), start=1):
        if args.only and i != args.only:
            continue
        train = [s for s in train if s in known]
        test = [s for s in test if s in known]
        started = time.perf_counter()
        if args.model == "crf":
            scores = run_crf(train, test)
        else:
            scores = run_neural(train, test, args.epochs, Path(f"/tmp/ner/cv{i}"))
        per = " ".join(
            f"{k} {scores.per_type.get(k, (0, 0, 0))[2]:.3f}" for k in ("PER", "LOC", "ORG")
        )
        print(
            f"fold {i}: {len(test)} sentences, micro F1 {scores.micro[2]:.3f} ({per}) "
            f"[{time.perf_counter() - started:.0f}s]",
            flush=True,
        )
        results.append(scores.micro[2])
    if len(results) > 1:
        print(f"mean micro F1 {statistics.mean(results):.3f} ± {statistics.stdev(results):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
