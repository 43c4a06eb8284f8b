"""Rebuild khabar's bundled NER model from NewsFANE (and word clusters from the ANT corpus).

    python scripts/train_ner.py                      # evaluate on the held-out split, then
                                                     # train the bundled model on all of NewsFANE
    python scripts/train_ner.py --eval-only          # only the held-out evaluation
    python scripts/train_ner.py --no-clusters        # without ANT word clusters
    python scripts/train_ner.py --no-joined-copy     # only NewsFANE's own tokens

NewsFANE writes one-letter prefixes and pronoun suffixes as tokens of their own (و قال، عند هم);
most text does not (وقال، عندهم), and that is the text khabar tags. So the model also trains on a
copy of every sentence with them joined (khabar.entities.corpus.join_clitics), and the held-out
part is scored in both views: with the GeoNames towns, the copy took the joined view from 0.699
to 0.723 and NewsFANE's own from 0.733 to 0.729 (benchmarks/results_ner.md). The place
features read khabar/entities/data/geonames_places.tsv.gz (``scripts/build_places.py``).

The held-out split is fixed: NewsFANE cut into pseudo-sentences (at empty lines and . ! ? ؟), the
last 20% of them by position (khabar.entities.corpus.split_held_out). Scores are entity-level,
exact span, micro-averaged over PER/LOC/ORG.
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.arabic.lexicon import iter_ant_texts  # noqa: E402
from khabar.entities.clusters import build_clusters, corpus_words  # noqa: E402
from khabar.entities.corpus import (  # noqa: E402
    Sentence,
    join_clitics,
    read_newsfane,
    split_held_out,
)
from khabar.entities.evaluate import Scores, score  # noqa: E402
from khabar.entities.tagger import BUNDLED_MODEL, Tagger, scratch_dir  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
NEWSFANE = SHARED / "ner" / "NewsFANE_Gold_2014_170K.txt.xz"
ANT = SHARED / "ant" / "ant-multisource-v2.1.tar.xz"


def format_scores(scores: Scores) -> str:
    """A small Markdown table of the scores."""
    lines = ["| type | P | R | F1 | gold entities |", "|---|---|---|---|---|"]
    for kind, (p, r, f) in sorted(scores.per_type.items()):
        lines.append(f"| {kind} | {p:.3f} | {r:.3f} | {f:.3f} | {scores.support.get(kind, 0)} |")
    p, r, f = scores.micro
    lines.append(f"| micro PER/LOC/ORG | {p:.3f} | {r:.3f} | {f:.3f} | |")
    return "\n".join(lines)


def load_clusters(ant: Path, cache: Path | None) -> dict[str, tuple[str, ...]]:
    """Word clusters of the ANT corpus, read from ``cache`` when it exists."""
    if cache and cache.exists():
        with gzip.open(cache, "rb") as fh:
            return pickle.load(fh)
    started = time.perf_counter()
    clusters = build_clusters(corpus_words(iter_ant_texts(ant)))
    print(f"clusters: {len(clusters)} words in {time.perf_counter() - started:.0f}s")
    if cache:
        with gzip.open(cache, "wb") as fh:
            pickle.dump(clusters, fh)
    return clusters


def main(argv: list[str] | None = None) -> int:
    """Evaluate on the held-out split and rebuild the bundled model."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--newsfane", type=Path, default=NEWSFANE)
    parser.add_argument("--ant", type=Path, default=ANT, help="ANT folder or .tar.xz")
    parser.add_argument("--out", type=Path, default=BUNDLED_MODEL)
    parser.add_argument(
        "--clusters-cache", type=Path, default=Path("/tmp/khabar-ant-clusters.pkl.gz")
    )
    parser.add_argument("--no-clusters", action="store_true")
    parser.add_argument("--eval-only", action="store_true")
    parser.add_argument("--skip-eval", action="store_true")
    parser.add_argument(
        "--eval-model",
        type=Path,
        default=None,
        help="where to keep the model trained on the training split",
    )
    parser.add_argument("--c1", type=float, default=Tagger().c1)
    parser.add_argument("--c2", type=float, default=Tagger().c2)
    parser.add_argument("--iterations", type=int, default=Tagger().max_iterations)
    parser.add_argument(
        "--joined-copy",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also train on every sentence with its clitics joined (default: yes)",
    )
    args = parser.parse_args(argv)

    def with_joined(part: list[Sentence]) -> list[Sentence]:
        return part + [join_clitics(s) for s in part] if args.joined_copy else part

    sentences = read_newsfane(args.newsfane)
    train, held_out = split_held_out(sentences)
    clusters = {} if args.no_clusters else load_clusters(args.ant, args.clusters_cache)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    joined = [join_clitics(s) for s in held_out]
    if not args.skip_eval:
        started = time.perf_counter()
        part = with_joined(train)
        tagger = Tagger(**params).fit(part, args.eval_model or scratch_dir(), clusters)
        print(f"trained on {len(part)} sentences in {time.perf_counter() - started:.0f}s")
        print(f"held-out: {len(held_out)} sentences, {sum(len(s.tokens) for s in held_out)} tokens")
        for view, data in (("as in NewsFANE", held_out), ("clitics joined", joined)):
            scores = score(
                (s.tags, p)
                for s, p in zip(data, tagger.tag_batch([s.tokens for s in data]), strict=True)
            )
            print(f"\nheld-out, {view}:")
            print(format_scores(scores))
    if not args.eval_only:
        Tagger(**params).fit(with_joined(sentences), args.out, clusters)
        size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
        print(f"bundled model written to {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
