"""Event clustering on the ANT corpus: quality on the labelled dev set, time and memory at scale.

Usage:
    python benchmarks/bench_events.py eval [--threshold 0.25 ...]  # BCubed, pairwise on dev set
    python benchmarks/bench_events.py eval --heldout               # ... on the held-out days
    python benchmarks/bench_events.py speed [--sizes 1000 5000 0]  # 0 = all articles
    python benchmarks/bench_events.py incremental [--heldout]      # labelled days fed day by day
    python benchmarks/bench_events.py windows A.tsv [B.tsv ...]    # events, stories per window
    python benchmarks/bench_events.py compare --head TREE --size 2000  # speed ratio vs TREE
        (TREE: e.g. `git archive HEAD` unpacked in a folder beside a link to ../shared)

Needs the ANT corpus (../shared/data/ant, or a copy extracted to /tmp/ant). ANT articles become
khabar Articles (TITLE → title, TIME → published, SRC → outlet, TEXT → paragraphs); annotation
is skipped (no mentions), time expressions are extracted with khabar.time. The peer in the speed
run is the dev-set script's TF-IDF single-link baseline (scikit-learn), on the same articles.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import ant_devset  # noqa: E402  (needs sys.path above)

from khabar.config import EventsConfig  # noqa: E402
from khabar.events import EventIndex, build_events  # noqa: E402
from khabar.events.cluster import LINK_THRESHOLD  # noqa: E402
from khabar.events.metrics import evaluate  # noqa: E402
from khabar.events.text import TermExtractor  # noqa: E402
from khabar.events.vectors import write_background  # noqa: E402
from khabar.model import AnnotatedArticle, Article  # noqa: E402
from khabar.time import extract_times  # noqa: E402

BACKGROUND_MIN_DF = 2
"""Terms in fewer ANT articles are left out of the shipped table (typos, rare names: unseen
terms get the highest idf anyway)."""
BACKGROUND_OUT = ROOT / "khabar" / "events" / "term_df.tsv.gz"

PEER_MAX_ARTICLES = 5000
"""The peer compares all pairs of articles (a dense n×n product): only run it up to this size."""

ALL_CATEGORIES = ("culture", "economy", "internationalNews", "middleEast", "sport", "technology")


def to_annotated(record: Mapping[str, Any], with_times: bool = True) -> AnnotatedArticle:
    """An ANT record as an AnnotatedArticle (no entity mentions)."""
    published = record["published"].date() if record["published"] else None
    paragraphs = tuple(p.strip() for p in record["text"].split("\n") if p.strip())
    article = Article(
        id=record["docno"],
        source=record["url"] or record["docno"],
        title=record["title"] or None,
        published=published,
        outlet=record["outlet"] or None,
        language="ar",
        paragraphs=paragraphs,
        content_hash=hashlib.sha256(record["text"].encode("utf-8")).hexdigest(),
    )
    times = extract_times(article.text, published) if with_times else ()
    return AnnotatedArticle(article, (), times)


def run_eval(thresholds: Sequence[float], tsv: Path = ant_devset.DEVSET_TSV) -> None:
    """Score clustering of the labelled days against the labels of ``tsv`` (the dev set)."""
    records, gold = ant_devset._load_labelled(ant_devset.default_root(), tsv)
    annotated = [to_annotated(r) for r in records]
    print(
        f"{len(annotated)} articles of the labelled days, {len(gold)} labelled, "
        f"{len(set(gold.values()))} gold events"
    )
    for name, scores in ant_devset.baseline_scores(records, gold).items():
        print(ant_devset._format(name, scores))
    for threshold in thresholds:
        events, _ = build_events(annotated, [], EventsConfig(similarity_threshold=threshold))
        pred = {a: e.id for e in events for a in e.articles}
        print(ant_devset._format(f"khabar@{threshold:.2f}", evaluate(pred, gold)))


def incremental_labels(records: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Article → event when the records are fed one UTC day at a time through EventIndex.add."""
    index = EventIndex()
    by_day: dict[str, list[AnnotatedArticle]] = {}
    for record in records:
        by_day.setdefault(ant_devset.day_of(record), []).append(to_annotated(record))
    pred: dict[str, str] = {}
    for day in sorted(by_day):
        pred.update(index.add(by_day[day]))
    return pred


def run_incremental(tsv: Path = ant_devset.DEVSET_TSV) -> None:
    """Feed the labelled days one day at a time through EventIndex.add and score the result."""
    records, gold = ant_devset._load_labelled(ant_devset.default_root(), tsv)
    print(ant_devset._format("khabar-incremental", evaluate(incremental_labels(records), gold)))


def run_speed(sizes: Sequence[int], undated: bool = False) -> None:
    """Time and peak memory of clustering the first N articles (by date) of the whole corpus.

    Each size runs in a fresh process so that peak memory (``ru_maxrss``) belongs to it alone.
    """
    print(
        "| articles | khabar build_events (s) | peak RSS MiB (clustering's extra) | events |"
        " peer: TF-IDF single-link (s) |"
    )
    print("|---:|---:|---:|---:|---:|")
    for size in sizes:
        result = subprocess.run(
            [sys.executable, __file__, "speed-one", str(size), *(["--undated"] if undated else [])],
            capture_output=True,
            text=True,
            check=True,
        )
        print(result.stdout.strip().splitlines()[-1], flush=True)


def run_speed_one(size: int, undated: bool = False) -> None:
    """One row of the speed table (run in its own process); ``undated`` drops publish dates."""
    records = ant_devset.load_ant(ant_devset.default_root(), categories=ALL_CATEGORIES)
    subset = records if size <= 0 else records[:size]
    if undated:
        subset = [{**r, "published": None} for r in subset]
    annotated = [to_annotated(r, with_times=False) for r in subset]
    del records
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    events, _ = build_events(annotated, [], EventsConfig())
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    baseline = "n/a (all pairs)"
    if len(subset) <= PEER_MAX_ARTICLES and not undated:
        t0 = time.perf_counter()
        ant_devset.tfidf_single_link(subset)
        baseline = f"{time.perf_counter() - t0:.1f}"
    print(
        f"| {len(subset)} | {elapsed:.1f} | {peak:.0f} (+{peak - before:.0f}) | {len(events)} |"
        f" {baseline} |"
    )


def run_windows(tsvs: Sequence[Path]) -> None:
    """Events and stories per day-window of the label files: khabar (annotated, one
    ``build_events`` per window as ``khabar analyze`` runs it) beside the two baselines."""
    sys.exit(ant_devset.main(["score", *map(str, tsvs)]))


_TIMED = """
import pickle, sys, time
sys.path.insert(0, "benchmarks")
import bench_events
from khabar.config import EventsConfig
from khabar.events import build_events
with open(sys.argv[1], "rb") as handle:
    records = pickle.load(handle)
articles = [bench_events.to_annotated(r, with_times=False) for r in records]
build_events(articles[:50], [], EventsConfig())  # warm: bundled tables, regexes
wall, cpu = time.perf_counter(), time.process_time()
build_events(articles, [], EventsConfig())
print(time.perf_counter() - wall, time.process_time() - cpu)
"""


def _timed_run(tree: Path, records: Path) -> tuple[float, float]:
    """(wall, CPU) seconds ``build_events`` took on the pickled records, run by ``tree``'s code
    in a fresh process (CPU time is the steadier one on a shared machine)."""
    result = subprocess.run(
        [sys.executable, "-c", _TIMED, str(records)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"{tree}: timing build_events failed:\n{tail}")
    wall, cpu = result.stdout.split()[-2:]
    return float(wall), float(cpu)


def run_compare(head: Path, size: int, repeats: int) -> None:
    """Clustering time of this tree against another (e.g. ``git archive HEAD`` unpacked in a
    folder) on the same first ``size`` ANT articles, alternating fresh processes; prints the
    medians and the ratio this/head of CPU seconds per article."""
    import pickle
    import tempfile

    records = ant_devset.load_ant(ant_devset.default_root(), categories=ALL_CATEGORIES)[:size]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.pkl"
        path.write_bytes(pickle.dumps(records))
        runs: dict[str, list[tuple[float, float]]] = {"head": [], "this": []}
        for _ in range(repeats):
            runs["head"].append(_timed_run(head, path))
            runs["this"].append(_timed_run(ROOT, path))
    med = {k: sorted(c for _, c in v)[len(v) // 2] for k, v in runs.items()}
    print("| articles | run | CPU s (each run) | wall s (each run) | CPU ms / article |")
    print("|---:|---|---|---|---:|")
    for name in ("head", "this"):
        cpu = ", ".join(f"{c:.1f}" for _, c in runs[name])
        wall = ", ".join(f"{w:.1f}" for w, _ in runs[name])
        print(f"| {size} | {name} | {cpu} | {wall} | {1000 * med[name] / size:.2f} |")
    print(f"ratio this/head (median CPU): {med['this'] / med['head']:.2f}")


def write_background_df() -> None:
    """Count in how many ANT articles each matching term occurs; write the table khabar ships."""
    records = [  # the days EVENTS.md reserves for evaluation are never counted
        r
        for r in ant_devset.load_ant(ant_devset.default_root(), categories=ALL_CATEGORIES)
        if not ant_devset.on_reserved_day(r)
    ]
    extractor = TermExtractor()
    df: Counter[str] = Counter()
    for record in records:
        df.update(extractor.article_bag(to_annotated(record, with_times=False).article).keys())
    kept = {t: c for t, c in df.items() if c >= BACKGROUND_MIN_DF}
    write_background(BACKGROUND_OUT, len(records), kept)
    print(f"{len(records)} articles, {len(df)} terms, {len(kept)} kept -> {BACKGROUND_OUT}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("eval")
    ev.add_argument("--threshold", type=float, nargs="*", default=[LINK_THRESHOLD])
    ev.add_argument("--tsv", type=Path, default=ant_devset.DEVSET_TSV, help="labels to score")
    ev.add_argument("--heldout", action="store_true", help="score the held-out days instead")
    sp = sub.add_parser("speed")
    sp.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 0])
    sp.add_argument("--undated", action="store_true", help="drop publish dates (no date blocking)")
    one = sub.add_parser("speed-one")
    one.add_argument("size", type=int)
    one.add_argument("--undated", action="store_true")
    inc = sub.add_parser("incremental")
    inc.add_argument("--tsv", type=Path, default=ant_devset.DEVSET_TSV, help="labels to score")
    inc.add_argument("--heldout", action="store_true", help="score the held-out days instead")
    sub.add_parser("background-df", help=f"write {BACKGROUND_OUT.relative_to(ROOT)}")
    win = sub.add_parser("windows", help="events and stories per day-window of label files")
    win.add_argument("tsvs", type=Path, nargs="+")
    cmp_ = sub.add_parser("compare", help="clustering time against another tree (HEAD)")
    cmp_.add_argument("--head", type=Path, required=True, help="tree to compare with")
    cmp_.add_argument("--size", type=int, default=2000)
    cmp_.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "eval":
        run_eval(args.threshold, ant_devset.HELDOUT_TSV if args.heldout else args.tsv)
    elif args.command == "speed":
        run_speed(args.sizes, args.undated)
    elif args.command == "speed-one":
        run_speed_one(args.size, args.undated)
    elif args.command == "incremental":
        run_incremental(ant_devset.HELDOUT_TSV if args.heldout else args.tsv)
    elif args.command == "windows":
        run_windows(args.tsvs)
    elif args.command == "compare":
        run_compare(args.head, args.size, args.repeats)
    else:
        write_background_df()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
