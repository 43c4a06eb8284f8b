"""Rebuild khabar's bundled NER model from NewsFANE and ANERcorp train (word clusters: ANT).

    python scripts/train_ner.py                      # evaluate on the held-out parts, then
                                                     # train the bundled model on all the data
    python scripts/train_ner.py --eval-only          # only the held-out evaluation
    python scripts/train_ner.py --compare DIR        # also score the model in DIR on both parts
    python scripts/train_ner.py --eval-only --eval-parts anercorp
                                                     # only the ANERcorp development model
    python scripts/train_ner.py --clusters-file khabar/entities/models/clusters.tsv.gz
                                                     # reuse the bundled clusters (no ANT pass)
    python scripts/train_ner.py --no-anercorp        # train on NewsFANE only (still scored on
                                                     # ANERcorp dev, still without its text)
    python scripts/train_ner.py --no-clusters        # without ANT word clusters
    python scripts/train_ner.py --no-joined-copy     # only NewsFANE's own tokens

ANERcorp (CAMeL Lab split; only its train part is read) writes ``TOKEN TAG`` lines with PERS
for people. Its last tenth of sentences, by position (as CAMeL Lab cut train from test), is the
development part. Each held-out part is scored by a model trained on everything but that part's
text: the NewsFANE model on NewsFANE's training split and ANERcorp's first nine tenths (without
the sentences sharing text with NewsFANE's held-out split), the ANERcorp model on all of
ANERcorp's first nine tenths and every NewsFANE sentence not sharing text with the development
part. (Until issue 18's round 7 one model, trained without either part's text, was scored on
both; it lost a quarter of ANERcorp's training sentences, which the bundled model has.) The
bundled model then trains on all of both. The ANERcorp test part is never read.

NewsFANE is ANERcorp's text re-annotated (khabar.entities.corpus, ``split_by_text``), so:
training keeps only NewsFANE sentences whose text is in ANERcorp train (the ~25.5k-token block
that is not, where ANERcorp's test part sits in the corpus's order, is never trained on); the
evaluation model leaves out the NewsFANE sentences sharing text with the ANERcorp development
part and the ANERcorp sentences sharing text with NewsFANE's held-out part.

NewsFANE writes one-letter prefixes and pronoun suffixes as tokens of their own (و قال، عند هم);
most text does not (وقال، عندهم), and that is the text khabar tags. So the model also trains on a
copy of every sentence with them joined (khabar.entities.corpus.join_clitics), and the held-out
part is scored in both views: with the GeoNames towns, the copy took the joined view from 0.699
to 0.723 and NewsFANE's own from 0.733 to 0.729 (benchmarks/results_ner.md). The place
features read khabar/entities/data/geonames_places.tsv.gz (``scripts/build_places.py``). Word
clusters are learnt from ANT without the articles of the days ../shared/EVENTS.md reserves
(khabar.entities.clusters.ant_texts_outside_reserved_days).

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

from khabar.config import EntitiesConfig  # noqa: E402
from khabar.entities.clusters import (  # noqa: E402
    ant_texts_outside_reserved_days,
    build_clusters,
    corpus_words,
)
from khabar.entities.conll import tag_conll  # noqa: E402
from khabar.entities.corpus import (  # noqa: E402
    ANERCORP_DEV_SHARE,
    Sentence,
    join_clitics,
    read_anercorp,
    read_newsfane,
    split_by_text,
    split_held_out,
)
from khabar.entities.evaluate import (  # noqa: E402
    ERROR_KINDS,
    SCORED_TYPES,
    Scores,
    error_kinds,
    score,
)
from khabar.entities.tagger import (  # noqa: E402
    BUNDLED_MODEL,
    Tagger,
    _read_clusters,
    load_tagger,
    scratch_dir,
)

SHARED = ROOT.parent / "shared" / "data"
NEWSFANE = SHARED / "ner" / "NewsFANE_Gold_2014_170K.txt.xz"
ANERCORP = SHARED / "ner" / "anercorp" / "ANERCorp_CamelLab_train.txt.xz"
ANT = SHARED / "ant" / "ant-multisource-v2.1.tar.xz"

LEAK_SHARE = 0.2
"""A training sentence sharing this share of its runs with an evaluation part is left out of the
evaluation model (lower than the corpus-membership threshold: any real overlap is a leak, and
ANERcorp's sentences are longer than NewsFANE's, so one may hold a held-out sentence and more)."""


def format_scores(scores: Scores) -> str:
    """A small Markdown table of the scores."""
    lines = ["| type | P | R | F1 | gold entities |", "|---|---|---|---|---|"]
    for kind, (p, r, f) in sorted(scores.per_type.items()):
        lines.append(f"| {kind} | {p:.3f} | {r:.3f} | {f:.3f} | {scores.support.get(kind, 0)} |")
    p, r, f = scores.micro
    lines.append(f"| micro PER/LOC/ORG | {p:.3f} | {r:.3f} | {f:.3f} | |")
    return "\n".join(lines)


def tag_entities(tagger: Tagger, sentences: list[Sentence]) -> list[list[str]]:
    """Tags of ``khabar tag-entities`` (names repeated in blocks of sentences) for the
    sentences, given as one CoNLL file in order."""
    lines = [line for s in sentences for line in (*(f"{t}\n" for t in s.tokens), "\n")]
    tags = iter(line.split("\t")[1] for line in tag_conll(lines, tagger) if line)
    return [[next(tags) for _ in s.tokens] for s in sentences]


def format_errors(sentences: list[Sentence], predicted: list[list[str]]) -> str:
    """A Markdown table of the predicted entities' errors by kind and type."""
    counts = error_kinds((s.tags, p) for s, p in zip(sentences, predicted, strict=True))
    gold = score((s.tags, s.tags) for s in sentences).support
    lines = [
        "| type | gold entities | " + " | ".join(ERROR_KINDS) + " |",
        "|---|---|" + "---|" * len(ERROR_KINDS),
    ]
    for kind in SCORED_TYPES:
        cells = " | ".join(str(counts.get((error, kind), 0)) for error in ERROR_KINDS)
        lines.append(f"| {kind} | {gold.get(kind, 0)} | {cells} |")
    return "\n".join(lines)


def report(name: str, tagger: Tagger, sentences: list[Sentence], errors: bool = False) -> None:
    """Print the scores of the tagger alone and of tag-entities on ``sentences``."""
    alone = tagger.tag_batch([s.tokens for s in sentences])
    repeated = tag_entities(tagger, sentences)
    for how, predicted in (("tagger alone", alone), ("tag-entities", repeated)):
        scores = score((s.tags, p) for s, p in zip(sentences, predicted, strict=True))
        print(f"\n{name}, {how}:")
        print(format_scores(scores))
    if errors:
        print(f"\n{name}, tag-entities, errors by kind:")
        print(format_errors(sentences, repeated))


def load_clusters(ant: Path, cache: Path | None) -> dict[str, tuple[str, ...]]:
    """Word clusters of the ANT corpus, read from ``cache`` when it exists."""
    if cache and cache.exists():
        with gzip.open(cache, "rb") as fh:
            return pickle.load(fh)
    started = time.perf_counter()
    clusters = build_clusters(corpus_words(ant_texts_outside_reserved_days(ant)))
    print(f"clusters: {len(clusters)} words in {time.perf_counter() - started:.0f}s")
    if cache:
        with gzip.open(cache, "wb") as fh:
            pickle.dump(clusters, fh)
    return clusters


def main(argv: list[str] | None = None) -> int:
    """Evaluate on the held-out split and rebuild the bundled model."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--newsfane", type=Path, default=NEWSFANE)
    parser.add_argument("--anercorp", type=Path, default=ANERCORP, help="ANERcorp train file")
    parser.add_argument("--no-anercorp", action="store_true", help="train on NewsFANE only")
    parser.add_argument(
        "--compare",
        type=Path,
        action="append",
        default=[],
        help="also score this model folder on the held-out parts (repeatable)",
    )
    parser.add_argument(
        "--clusters-file",
        type=Path,
        default=None,
        help="read word clusters from a model's clusters.tsv.gz instead of building them",
    )
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
    parser.add_argument(
        "--dev-model",
        type=Path,
        default=None,
        help="where to keep the model scored on the ANERcorp development part",
    )
    parser.add_argument(
        "--eval-parts",
        nargs="+",
        choices=("newsfane", "anercorp"),
        default=["newsfane", "anercorp"],
        help="which evaluation models to train (each is scored on its own held-out part)",
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
    anercorp = read_anercorp(args.anercorp)
    anercorp_train, anercorp_dev = split_held_out(anercorp, ANERCORP_DEV_SHARE)
    known, unknown = split_by_text(sentences, anercorp)
    print(
        f"NewsFANE: {len(sentences)} sentences; {len(unknown)} "
        f"({sum(len(s.tokens) for s in unknown)} tokens) are not ANERcorp train's text and "
        "are never trained on"
    )
    sentences = known
    known_set = set(known)
    # the NewsFANE evaluation model: NewsFANE's training split and ANERcorp's first nine tenths,
    # neither with text of the other's evaluation part
    train = [s for s in train if s in known_set]
    train = split_by_text(train, anercorp_dev, LEAK_SHARE)[1]
    newsfane_anercorp = split_by_text(anercorp_train, held_out, LEAK_SHARE)[1]
    # the ANERcorp evaluation model: all of ANERcorp's first nine tenths and every NewsFANE
    # sentence (of ANERcorp train's text) without text of the development part
    dev_newsfane = split_by_text(sentences, anercorp_dev, LEAK_SHARE)[1]
    if args.no_anercorp:
        anercorp, anercorp_train, newsfane_anercorp = [], [], []
    if args.no_clusters:
        clusters = {}
    elif args.clusters_file:
        clusters = _read_clusters(args.clusters_file)
    else:
        clusters = load_clusters(args.ant, args.clusters_cache)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    if not args.skip_eval and "newsfane" in args.eval_parts:
        print(
            f"NewsFANE evaluation model: {len(train)} NewsFANE and {len(newsfane_anercorp)} "
            "ANERcorp sentences (without text of the other corpus's evaluation part)"
        )
        started = time.perf_counter()
        part = with_joined(train) + newsfane_anercorp
        tagger = Tagger(**params).fit(part, args.eval_model or scratch_dir(), clusters)
        print(f"trained on {len(part)} sentences in {time.perf_counter() - started:.0f}s")
        print(f"held-out: {len(held_out)} sentences, {sum(len(s.tokens) for s in held_out)} tokens")
        report("NewsFANE held-out, as in NewsFANE", tagger, held_out)
        report("NewsFANE held-out, clitics joined", tagger, [join_clitics(s) for s in held_out])
        for folder in args.compare:
            other = load_tagger(EntitiesConfig(model_path=str(folder)))
            report(f"NewsFANE held-out, as in NewsFANE, {folder}", other, held_out)
    if not args.skip_eval and "anercorp" in args.eval_parts and anercorp_dev:
        print(
            f"\nANERcorp evaluation model: {len(anercorp_train)} ANERcorp and "
            f"{len(dev_newsfane)} NewsFANE sentences (without the development part's text)"
        )
        started = time.perf_counter()
        part = with_joined(dev_newsfane) + anercorp_train
        tagger = Tagger(**params).fit(part, args.dev_model or scratch_dir(), clusters)
        print(f"trained on {len(part)} sentences in {time.perf_counter() - started:.0f}s")
        tokens = sum(len(s.tokens) for s in anercorp_dev)
        print(f"\nANERcorp development part: {len(anercorp_dev)} sentences, {tokens} tokens")
        report("ANERcorp dev, this model", tagger, anercorp_dev, errors=True)
        for folder in args.compare:
            other = load_tagger(EntitiesConfig(model_path=str(folder)))
            report(f"ANERcorp dev, {folder}", other, anercorp_dev, errors=True)
    if not args.eval_only:
        Tagger(**params).fit(with_joined(sentences) + anercorp, args.out, clusters)
        size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
        print(f"bundled model written to {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
