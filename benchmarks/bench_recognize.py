"""Entity recognition (``khabar.entities.recognize``) on ANT articles: CPU time per stage, and the
speed of this tree against another tree (say HEAD) with the mentions of both compared.

    python benchmarks/bench_recognize.py articles --size 1000       # pick the articles (once)
    python benchmarks/bench_recognize.py profile                    # CPU time per stage (cProfile)
    python benchmarks/bench_recognize.py compare --head /tmp/khabar_head   # ratio + equality
        (/tmp/khabar_head: ``git archive HEAD khabar | tar -x -C /tmp/khabar_head``)

The articles are every k-th ANT article of all six categories, in date order, leaving out the
days ../shared/EVENTS.md reserves (2018-04-08..12, 2018-10-13..18); their titles and paragraphs
are written once to a JSON file in /tmp, so that every run, in whatever tree, reads the same
input. ``compare`` runs each tree in its own process (``PYTHONPATH`` = the tree), loads the
bundled tagger, runs ``recognize`` over every article twice (a cold pass, then a warm one with the
word caches filled: a long-running process sees mostly warm words) and keeps the process CPU time
of each; the trees' mentions must be equal on every article, both passes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: no BLAS threads fighting over it

ARTICLES_JSON = Path(tempfile.gettempdir()) / "khabar_bench_recognize_articles.json"
ALL_CATEGORIES = ("culture", "economy", "internationalNews", "middleEast", "sport", "technology")

REST_OF_TAGGING = "rest"
"""The row of tag_batch's time not in the rows above it."""

STAGES = (
    ("tokenise (khabar.arabic.tokenize)", "arabic/tokenize.py", "tokenize"),
    ("tagging (Tagger.tag_batch), of which:", "entities/tagger.py", "tag_batch"),
    ("- HEAD: attribute lists (FeatureExtractor.sequence)", "entities/features.py", "sequence"),
    ("- now: state scores (CrfDecoder.state_scores), of which:", "entities/crf.py", "state_scores"),
    ("-- word type rows, new types added (CrfDecoder._rows)", "entities/crf.py", "_rows"),
    ("- now: Viterbi (crf.viterbi)", "entities/crf.py", "viterbi"),
    ("- the rest (HEAD: python-crfsuite's tag, in C, unseen by cProfile)", "", REST_OF_TAGGING),
    ("span repairs (_fix_spans)", "entities/recognize.py", "_fix_spans"),
    ("names repeated (_repeat_names)", "entities/recognize.py", "_repeat_names"),
    ("given names (_extend_given_names)", "entities/recognize.py", "_extend_given_names"),
    ("span rules (SpanRules.apply)", "entities/rules.py", "apply"),
    ("all of recognize", "entities/recognize.py", "recognize"),
)
"""Rows of the profile table: label, file (path suffix), function; cumulative CPU time each."""


def pick_articles(size: int, path: Path) -> None:
    """Write ``size`` ANT articles (every k-th, reserved days left out) to ``path``."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import ant_devset

    records = ant_devset.load_ant(ant_devset.default_root(), categories=ALL_CATEGORIES)
    allowed = [r for r in records if ant_devset.day_of(r) not in ant_devset.RESERVED_DAYS]
    step = max(1, len(allowed) // size)
    chosen = allowed[::step][:size]
    rows = [
        {
            "id": r["docno"],
            "title": r["title"] or None,
            "paragraphs": [p.strip() for p in r["text"].split("\n") if p.strip()],
        }
        for r in chosen
    ]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    days = sorted({ant_devset.day_of(r) for r in chosen})
    print(
        f"{len(rows)} articles (one in {step} of {len(allowed)} outside the reserved days), "
        f"{days[0]} .. {days[-1]} -> {path}"
    )


def _articles(path: Path) -> list[Any]:
    """The picked articles as khabar Articles (imports khabar from whatever tree is on the path)."""
    from khabar.model import Article

    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        Article(
            id=row["id"],
            source=row["id"],
            title=row["title"],
            published=None,
            outlet=None,
            language="ar",
            paragraphs=tuple(row["paragraphs"]),
        )
        for row in rows
    ]


def _as_plain(mentions: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Mentions as plain tuples (comparable across trees, whatever their classes)."""
    return [(m.text, m.type, m.start, m.end, m.in_title) for m in mentions]


def run_one(tree: Path, out: Path, path: Path) -> None:
    """In this process: load the tagger of ``tree``, recognise every article twice, write the
    mentions and CPU times to ``out`` (pickle)."""
    sys.path.insert(0, str(tree))
    import khabar
    from khabar.config import EntitiesConfig
    from khabar.entities import load_tagger
    from khabar.entities.recognize import recognize

    if not Path(khabar.__file__).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"khabar was imported from {khabar.__file__}, not from {tree}")
    articles = _articles(path)
    started = time.process_time()
    tagger = load_tagger(EntitiesConfig())
    load_cpu = time.process_time() - started
    passes = []
    for _ in range(2):
        started = time.process_time()
        mentions = [_as_plain(recognize(article, tagger)) for article in articles]
        passes.append((time.process_time() - started, mentions))
    with out.open("wb") as fh:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        pickle.dump({"load": load_cpu, "passes": passes, "tree": str(tree), "peak": peak}, fh)


def compare(head: Path, repeats: int, path: Path, this: Path = ROOT) -> None:
    """CPU time of ``recognize`` in HEAD's tree and this one, alternating; mentions compared."""
    results: dict[str, list[dict[str, Any]]] = {"head": [], "this": []}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(repeats):
            for name, tree in (("head", head), ("this", this)):
                out = Path(tmp) / f"{name}{r}.pkl"
                subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--articles",
                        str(path),
                        "run-one",
                        str(tree),
                        str(out),
                    ],
                    check=True,
                    env={**os.environ, "PYTHONPATH": str(tree)},
                )
                with out.open("rb") as fh:
                    results[name].append(pickle.load(fh))
    n = len(results["head"][0]["passes"][0][1])
    reference = results["head"][0]["passes"][0][1]
    unequal = {
        i
        for run in results["head"] + results["this"]
        for _, mentions in run["passes"]
        for i, (a, b) in enumerate(zip(reference, mentions, strict=True))
        if a != b
    }
    total_mentions = sum(len(m) for m in reference)
    print(f"{n} ANT articles, {total_mentions} mentions (HEAD, first pass)")
    print(f"articles whose mentions differ from HEAD's in any run or pass: {len(unequal)}")
    print(
        "| tree | tagger load CPU s | cold pass CPU s | warm pass CPU s | warm articles/s |"
        " peak RSS MiB |"
    )
    print("|---|---|---|---|---|---|")
    best: dict[str, tuple[float, float]] = {}
    for name, runs in results.items():
        load = min(run["load"] for run in runs)
        cold = min(run["passes"][0][0] for run in runs)
        warm = min(run["passes"][1][0] for run in runs)
        best[name] = (cold, warm)
        peak = max(run["peak"] for run in runs)
        print(f"| {name} | {load:.2f} | {cold:.2f} | {warm:.2f} | {n / warm:.0f} | {peak:.0f} |")
    cold_ratio = best["head"][0] / best["this"][0]
    warm_ratio = best["head"][1] / best["this"][1]
    print(
        f"speed-up (HEAD CPU / this CPU, best of {repeats}): cold {cold_ratio:.2f}x, "
        f"warm {warm_ratio:.2f}x"
    )


def profile(limit: int, path: Path, tree: Path) -> None:
    """CPU time per stage of ``recognize`` in ``tree`` (this one by default), a cold pass without
    the profiler, then a warm one under cProfile."""
    sys.path.insert(0, str(tree))
    from khabar.config import EntitiesConfig
    from khabar.entities import load_tagger
    from khabar.entities.recognize import recognize

    articles = _articles(path)
    tagger = load_tagger(EntitiesConfig())
    started = time.process_time()
    for article in articles:
        recognize(article, tagger)
    plain = time.process_time() - started
    profiler = cProfile.Profile()  # the default clock: a CPU-time clock costs more per call
    profiler.enable()
    for article in articles:
        recognize(article, tagger)
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"{len(articles)} articles; recognize without the profiler: {plain:.2f} CPU s (cold)")
    raw = stats.stats  # type: ignore[attr-defined]  # pstats keeps its table here
    total = sum(cum for (_, _, name), (*_, cum, _) in raw.items() if name == "recognize")
    print("Second pass under cProfile (word caches warm); cumulative seconds, and the share of")
    print("recognize's profiled time (the profiler's per-call cost inflates the small functions):")
    print("| stage | calls | s (profiled) | share |")
    print("|---|---|---|---|")
    tagging, parts = 0.0, 0.0
    for label, path, func in STAGES:
        calls, cumulative = 0, 0.0
        for (filename, _, name), (_, ncalls, _, cum, _) in raw.items():
            if filename.endswith(path) and name == func:
                calls += ncalls
                cumulative += cum
        if label.startswith("- "):  # "-- " rows lie within the row above them
            parts += cumulative
        elif func == "tag_batch":
            tagging = cumulative
        if func == REST_OF_TAGGING:
            cumulative = tagging - parts
            calls = 0
        print(f"| {label} | {calls} | {cumulative:.2f} | {cumulative / total:.0%} |")
    stats.sort_stats("tottime").print_stats(limit)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES_JSON, help="the picked articles")
    sub = parser.add_subparsers(dest="command", required=True)
    pick = sub.add_parser("articles")
    pick.add_argument("--size", type=int, default=1000)
    prof = sub.add_parser("profile")
    prof.add_argument("--top", type=int, default=25)
    prof.add_argument("--tree", type=Path, default=ROOT, help="a tree holding khabar/")
    comp = sub.add_parser("compare")
    comp.add_argument("--head", type=Path, required=True, help="a tree holding khabar/ (HEAD)")
    comp.add_argument("--this", type=Path, default=ROOT, help="the tree to compare (this one)")
    comp.add_argument("--repeats", type=int, default=2)
    one = sub.add_parser("run-one")
    one.add_argument("tree", type=Path)
    one.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "articles":
        pick_articles(args.size, args.articles)
    elif args.command == "profile":
        profile(args.top, args.articles, args.tree)
    elif args.command == "compare":
        compare(args.head, args.repeats, args.articles, args.this)
    else:
        run_one(args.tree, args.out, args.articles)


if __name__ == "__main__":
    main()
