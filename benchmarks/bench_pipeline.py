"""The whole pipeline (what ``khabar analyze`` does) on ANT articles as JSON Lines: CPU seconds per
stage, articles per second per core of CPU time, wall articles per second with the default
settings, peak RSS, and how often the sentence splitter, the tokeniser and the time finder run
per article; this tree against another (say HEAD), with the dossiers compared.

    python benchmarks/bench_pipeline.py articles --size 5000      # write the JSON Lines (once)
    python benchmarks/bench_pipeline.py compare --head /tmp/khabar_head --size 1000 --rounds 3
        (/tmp/khabar_head: ``git archive HEAD khabar | tar -x -C /tmp/khabar_head``;
        ``--this /tmp/khabar_this`` measures a snapshot instead of this tree)

The articles are the first ``size`` ANT articles in publication order, leaving out the days
../shared/EVENTS.md reserves (2018-04-08..12, 2018-10-13..18): a feed of consecutive days, as a
monitor reads it. Each tree runs in its own process (``PYTHONPATH`` = the tree) with the default
config: ``analyze`` (read, clean + annotate, the collection stages) and then the dossier's
default files (JSON and HTML), as the command writes them. Stage times come from the pipeline's
own progress reports (a stage runs from its first report to the next stage's); the per-page
work inside annotate is split by timing its four calls (clean, entities, times, statements).
The counted functions are wrapped wherever khabar's modules hold them, so every caller counts.
The two trees' dossier JSON must be equal, run facts (``created``) aside.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: no BLAS threads fighting over it

RESERVED_DAYS = frozenset(
    [f"2018-04-{d:02d}" for d in range(8, 13)] + [f"2018-10-{d:02d}" for d in range(13, 19)]
)
"""Days kept for independent evaluation (../shared/EVENTS.md): never benchmarked on."""

COUNTED = (
    ("sentence splits", "khabar.arabic.sentences", "split_sentences"),
    ("tokenisations", "khabar.arabic.tokenize", "tokenize"),
    ("time finds", "khabar.time.extract", "find_times"),
)
"""The functions whose calls are counted: label, defining module, name."""

PAGE_PARTS = (
    ("clean", "khabar.run.work", "clean_or_fail"),
    ("entities (recognize)", "khabar.annotate", "recognize"),
    ("time expressions", "khabar.annotate", "extract_times"),
    ("statements", "khabar.annotate", "extract_statements"),
)
"""Calls inside the annotate stage timed on their own: label, module that calls it, name."""

RUN_FACTS = ("created", "meta")
"""Dossier keys that say when the run was, not what it found: left out of the comparison."""

STAGE_ORDER = ("read", "annotate", "entities", "events", "claims", "summaries", "report")


def jsonl_path(size: int) -> Path:
    """Where the JSON Lines of ``size`` articles are written."""
    return Path(tempfile.gettempdir()) / f"khabar_bench_pipeline_{size}.jsonl"


def write_articles(size: int) -> Path:
    """Write the first ``size`` ANT articles outside the reserved days as JSON Lines."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from ant_to_jsonl import ANT_ARCHIVE, read_ant

    records = [r for r in read_ant(ANT_ARCHIVE) if r.published[:10] not in RESERVED_DAYS]
    chosen = records[:size]
    path = jsonl_path(size)
    with path.open("w", encoding="utf-8") as fh:
        for r in chosen:
            row = {"url": r.url, "title": r.title, "text": r.text}
            row |= {"published": r.published, "outlet": r.outlet}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} articles, {chosen[0].published} .. {chosen[-1].published} -> {path}")
    return path


def _wrap_everywhere(module_name: str, name: str, wrapper: Callable[..., Any]) -> None:
    """Put ``wrapper`` in place of ``module.name`` in every loaded khabar module holding it."""
    original = getattr(sys.modules[module_name], name)
    for mod_name, module in list(sys.modules.items()):
        if mod_name.startswith("khabar") and getattr(module, name, None) is original:
            setattr(module, name, wrapper)


def _counting(counts: Counter[str], label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def counted(*args: Any, **kwargs: Any) -> Any:
        counts[label] += 1
        return fn(*args, **kwargs)

    return counted


def _timing(spent: Counter[str], label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - started

    return timed


def run_one(tree: Path, jsonl: Path, out: Path, workers: int | None = None) -> None:
    """In this process: analyse ``jsonl`` with ``tree``'s khabar and the default config (with
    ``workers``, that many local workers), write the default files; pickle the stage CPU and
    wall times, counts, peak RSS and the CPU of worker processes to ``out``."""
    sys.path.insert(0, str(tree))
    import importlib

    import khabar
    from khabar.config import Config, RunConfig
    from khabar.pipeline import analyze
    from khabar.report.write import DEFAULT_FORMATS, write_outputs

    if not Path(khabar.__file__).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"khabar was imported from {khabar.__file__}, not from {tree}")
    importlib.import_module("khabar.run.work")
    counts: Counter[str] = Counter()
    spent: Counter[str] = Counter()
    for label, module, name in COUNTED:
        fn = getattr(sys.modules[module], name)
        _wrap_everywhere(module, name, _counting(counts, label, fn))
    for label, module, name in PAGE_PARTS:
        fn = getattr(sys.modules[module], name)
        setattr(sys.modules[module], name, _timing(spent, label, fn))

    marks: list[tuple[str, float, float]] = []

    def progress(stage: str, done: int, total: int | None) -> None:
        if not marks or marks[-1][0] != stage:
            marks.append((stage, time.process_time(), time.perf_counter()))

    collecting = _collector_clock()
    config = Config() if workers is None else Config(run=RunConfig(workers=workers))
    wall = time.perf_counter()
    started = time.process_time()
    dossier = analyze([str(jsonl)], config, progress)
    marks.append(("report", time.process_time(), time.perf_counter()))
    out_dir = out.with_suffix("")
    write_outputs(dossier, out_dir, DEFAULT_FORMATS)
    ended = time.process_time()
    ended_wall = time.perf_counter()
    wall = ended_wall - wall
    stages: Counter[str] = Counter()
    stage_wall: Counter[str] = Counter()
    following = [*marks[1:], ("end", ended, ended_wall)]
    for (stage, at, at_wall), (_, until, until_wall) in zip(marks, following, strict=True):
        stages[stage] += until - at
        stage_wall[stage] += until_wall - at_wall
    first = marks[0][1] if marks else started
    stages["(before the first report)"] += first - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    facts = {
        "tree": str(tree),
        "articles": len(dossier.articles),
        "events": len(dossier.events),
        "stages": dict(stages),
        "stage_wall": dict(stage_wall),
        "children_cpu": children.ru_utime + children.ru_stime,
        "workers": workers or config.run.workers,
        "parts": dict(spent),
        "counts": dict(counts),
        "cpu": ended - started,
        "wall": wall,
        "peak": peak,
        "gc": collecting(),
        "json": str(out_dir / "dossier.json"),
    }
    with out.open("wb") as fh:
        pickle.dump(facts, fh)


def _collector_clock() -> Callable[[], float]:
    """Start timing the garbage collector's runs in this process (``gc.callbacks``); the
    returned function stops and gives their CPU seconds."""
    import gc

    spent = [0.0, 0.0]

    def clock(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            spent[1] = time.process_time()
        else:
            spent[0] += time.process_time() - spent[1]

    gc.callbacks.append(clock)

    def stop() -> float:
        gc.callbacks.remove(clock)
        return spent[0]

    return stop


def _comparable(path: str) -> Any:
    """The dossier JSON without its run facts."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for key in RUN_FACTS:
        data.pop(key, None)
    return data


def run_in_tree(script: str, tree: Path, jsonl: Path, out: Path, *extra: str) -> dict[str, Any]:
    """Run ``script run-one tree jsonl out [extra]`` in a new process with ``tree`` on the
    path; return what it pickled to ``out``."""
    subprocess.run(
        [sys.executable, script, "run-one", str(tree), str(jsonl), str(out), *extra],
        check=True,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )
    with out.open("rb") as fh:
        facts: dict[str, Any] = pickle.load(fh)
    return facts


def _run(tree: Path, jsonl: Path, out: Path, workers: int | None = None) -> dict[str, Any]:
    extra = () if workers is None else ("--workers", str(workers))
    return run_in_tree(__file__, tree, jsonl, out, *extra)


def compare(
    trees: Sequence[tuple[str, Path]],
    size: int,
    keep: Path | None,
    reuse: bool = False,
    rounds: int = 1,
) -> None:
    """Run each tree on ``size`` articles, the trees one after another, ``rounds`` times; print
    each round's tables and the ratios to the first tree, then the CPU ratio of every round
    (the spread on a shared machine). With ``reuse``, a tree whose results of this size are in
    ``keep`` is not run again."""
    jsonl = jsonl_path(size)
    if not jsonl.exists():
        write_articles(size)
    ratios: dict[str, list[float]] = {name: [] for name, _ in trees[1:]}
    with tempfile.TemporaryDirectory() as tmp:
        where = keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        for r in range(rounds):
            results: dict[str, dict[str, Any]] = {}
            for name, tree in trees:
                suffix = f"-{r + 1}" if rounds > 1 else ""
                out = where / f"{name}-{size}{suffix}.pkl"
                if reuse and out.exists():
                    with out.open("rb") as fh:
                        results[name] = pickle.load(fh)
                else:
                    results[name] = _run(tree, jsonl, out)
            dossiers = {name: _comparable(res["json"]) for name, res in results.items()}
            if rounds > 1:
                print(f"\n### round {r + 1} of {rounds} (load average {os.getloadavg()[0]:.1f})")
            report(results, dossiers)
            base = results[trees[0][0]]
            for name in ratios:
                ratios[name].append(base["cpu"] / results[name]["cpu"])
    if rounds > 1:
        for name, values in ratios.items():
            listed = ", ".join(f"{v:.2f}" for v in values)
            print(f"\n{name} against {trees[0][0]}, CPU per round: {listed}x")


def report(results: dict[str, dict[str, Any]], dossiers: dict[str, Any]) -> None:
    """Print the stage table, the summary rows and the call counts, ratios to the first tree."""
    names = list(results)
    base = names[0]
    n = results[base]["articles"]
    print(f"{n} articles analysed, {results[base]['events']} events ({base})")
    for name in names[1:]:
        same = dossiers[name] == dossiers[base]
        print(f"dossier JSON of {name} equal to {base}'s, creation time aside: {same}")
    print()
    print("| stage (CPU s) | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    stages = [s for s in STAGE_ORDER if any(s in r["stages"] for r in results.values())]
    stages += sorted({s for r in results.values() for s in r["stages"]} - set(stages))
    for stage in stages:
        row = [f"{r['stages'].get(stage, 0.0):.1f}" for r in results.values()]
        print(f"| {stage} | " + " | ".join(row) + " |")
        if stage == "annotate":
            for label, _, _ in PAGE_PARTS:
                row = [f"{r['parts'].get(label, 0.0):.1f}" for r in results.values()]
                print(f"| - {label} | " + " | ".join(row) + " |")
    rows: list[tuple[str, Callable[[dict[str, Any]], float], str]] = [
        ("total CPU s", lambda r: r["cpu"], ".1f"),
        ("articles/s per core of CPU", lambda r: r["articles"] / r["cpu"], ".1f"),
        ("wall s", lambda r: r["wall"], ".1f"),
        ("wall articles/s (default settings)", lambda r: r["articles"] / r["wall"], ".1f"),
        ("peak RSS MiB", lambda r: r["peak"], ".0f"),
        ("garbage collection CPU s", lambda r: r.get("gc", 0.0), ".1f"),
    ]
    for label, _, _ in COUNTED:
        rows.append((f"{label} per article", _per_article(label), ".2f"))
    for label, get, fmt in rows:
        print(f"| {label} | " + " | ".join(format(get(r), fmt) for r in results.values()) + " |")
    for name in names[1:]:
        a, b = results[base], results[name]
        print(
            f"{name} against {base}: CPU {a['cpu'] / b['cpu']:.2f}x faster, wall "
            f"{a['wall'] / b['wall']:.2f}x, peak RSS {b['peak'] / a['peak']:.2f}x"
        )


def scale(tree: Path, size: int, workers: Sequence[int], rounds: int) -> None:
    """Run ``tree`` with each number of local workers in turn, ``rounds`` times; print the wall
    time of each stage, the CPU of the main and worker processes, and wall ratios to the first
    number. The dossiers must be equal, run facts aside."""
    jsonl = jsonl_path(size)
    if not jsonl.exists():
        write_articles(size)
    runs: dict[int, list[dict[str, Any]]] = {n: [] for n in workers}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            for n in workers:
                runs[n].append(_run(tree, jsonl, Path(tmp) / f"w{n}-{r}.pkl", n))
        dossiers = {n: _comparable(results[0]["json"]) for n, results in runs.items()}
    first = workers[0]
    print(f"{runs[first][0]['articles']} articles; load average at the end {os.getloadavg()}")
    for n in workers[1:]:
        print(f"dossier with {n} workers equal to {first}'s: {dossiers[n] == dossiers[first]}")
    print()
    print("| wall s (best of rounds) | " + " | ".join(f"{n} worker(s)" for n in workers) + " |")
    print("|---|" + "---:|" * len(workers))
    stages = [s for s in STAGE_ORDER if s in runs[first][0]["stage_wall"]]

    def best(n: int, get: Callable[[dict[str, Any]], float]) -> float:
        return min(get(r) for r in runs[n])

    rows: list[tuple[str, Callable[[dict[str, Any]], float]]] = [
        (stage, lambda r, s=stage: r["stage_wall"].get(s, 0.0)) for stage in stages
    ]
    rows += [
        ("total wall", lambda r: r["wall"]),
        ("main process CPU", lambda r: r["cpu"]),
        ("worker processes CPU", lambda r: r["children_cpu"]),
    ]
    for label, get in rows:
        print(f"| {label} | " + " | ".join(f"{best(n, get):.1f}" for n in workers) + " |")
    for n in workers[1:]:
        for label, get in rows[: len(stages) + 1]:
            ratios = ", ".join(
                f"{get(a) / get(b):.2f}" for a, b in zip(runs[first], runs[n], strict=True)
            )
            print(f"{label}: {first} worker(s) / {n} per round: {ratios}")


def run_pages(tree: Path, jsonl: Path, out: Path, workers: int, size: int) -> None:
    """In this process: read the first ``size`` pages of ``jsonl`` and run the per-page stages
    (chrome learning, clean, annotate: ``annotate_all`` as ``analyze`` calls it) with
    ``workers`` local workers; pickle the wall time, this process's CPU, the workers' CPU and a
    digest of the annotated articles to ``out``."""
    sys.path.insert(0, str(tree))
    import hashlib

    from khabar.config import Config, RunConfig
    from khabar.pipeline import annotate_all, read_all
    from khabar.run import executor_for

    config = Config(run=RunConfig(workers=workers))
    pages, _ = read_all([str(jsonl)], config)
    del pages[size:]
    n = len(pages)
    runner = executor_for(config.run)
    started = time.process_time()
    wall = time.perf_counter()
    try:
        annotated, failures = annotate_all(pages, config, runner, release=True, freeze=True)
    finally:
        runner.close()
    wall = time.perf_counter() - wall
    cpu = time.process_time() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    text = repr((annotated, failures))  # by value (a pickle's bytes depend on object identity)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    facts = {
        "pages": n,
        "workers": workers,
        "wall": wall,
        "cpu": cpu,
        "children_cpu": children.ru_utime + children.ru_stime,
        "digest": digest,
        "load": os.getloadavg()[0],
    }
    with out.open("wb") as fh:
        pickle.dump(facts, fh)


def pages(tree: Path, sizes: Sequence[int], workers: Sequence[int], rounds: int) -> None:
    """The per-page stages alone with each number of local workers, back to back, ``rounds``
    times per size: wall ratio to the first number per round (the spread), CPU of the main
    process and of the workers, and whether the annotated articles are identical."""
    largest = max(sizes)
    jsonl = jsonl_path(largest)
    if not jsonl.exists():
        write_articles(largest)
    print("| pages | workers | round | wall s | main CPU s | workers CPU s | load | speed-up |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            digests = set()
            for r in range(rounds):
                first: dict[str, Any] | None = None
                for n in workers:
                    out = Path(tmp) / f"p{size}-{n}-{r}.pkl"
                    extra = ("--workers", str(n), "--size", str(size))
                    subprocess.run(
                        [sys.executable, __file__, "run-pages", str(tree), str(jsonl), str(out),
                         *extra],
                        check=True,
                        env={**os.environ, "PYTHONPATH": str(tree)},
                    )  # fmt: skip
                    with out.open("rb") as fh:
                        f = pickle.load(fh)
                    digests.add(f["digest"])
                    first = first or f
                    print(
                        f"| {f['pages']} | {n} | {r + 1} | {f['wall']:.2f} | {f['cpu']:.2f} | "
                        f"{f['children_cpu']:.2f} | {f['load']:.1f} | "
                        f"{first['wall'] / f['wall']:.2f} |",
                        flush=True,
                    )
            print(f"<!-- {size} pages: annotated articles identical: {len(digests) == 1} -->")


def _per_article(label: str) -> Callable[[dict[str, Any]], float]:
    return lambda r: r["counts"].get(label, 0) / max(r["articles"], 1)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("articles", help="write the JSON Lines of the first SIZE articles")
    p.add_argument("--size", type=int, default=1000)
    p = sub.add_parser("compare", help="run trees on SIZE articles; ratios to the first")
    p.add_argument("--head", type=Path, help="the tree to compare against (HEAD's snapshot)")
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--keep", type=Path, help="keep the dossiers and timings in this folder")
    p.add_argument("--only-head", action="store_true", help="run only the --head tree")
    p.add_argument(
        "--this",
        type=Path,
        default=ROOT,
        help="the tree to measure (default this one; a snapshot keeps edits made during a long "
        "run, or other people's uncommitted work, out of it)",
    )
    p.add_argument(
        "--reuse", action="store_true", help="take a tree's results from --keep when there"
    )
    p.add_argument("--rounds", type=int, default=1, help="run the trees in turn this many times")
    p = sub.add_parser("scale", help="one tree with 1, 2 ... local workers; wall ratios")
    p.add_argument("--tree", type=Path, default=ROOT)
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--rounds", type=int, default=1)
    p = sub.add_parser("pages", help="the per-page stages alone with 1, 2 ... local workers")
    p.add_argument("--tree", type=Path, default=ROOT)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000])
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--rounds", type=int, default=1)
    p = sub.add_parser("run-pages", help="(internal) the per-page stages in this process")
    p.add_argument("tree", type=Path)
    p.add_argument("jsonl", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--size", type=int, default=1000)
    p = sub.add_parser("run-one", help="(internal) one tree, one file, in this process")
    p.add_argument("tree", type=Path)
    p.add_argument("jsonl", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--workers", type=int)
    args = parser.parse_args(argv)
    if args.command == "articles":
        write_articles(args.size)
    elif args.command == "run-one":
        run_one(args.tree, args.jsonl, args.out, args.workers)
    elif args.command == "run-pages":
        run_pages(args.tree, args.jsonl, args.out, args.workers, args.size)
    elif args.command == "pages":
        pages(args.tree, args.sizes, args.workers, args.rounds)
    elif args.command == "scale":
        scale(args.tree, args.size, args.workers, args.rounds)
    else:
        trees: list[tuple[str, Path]] = []
        if args.head:
            trees.append(("head", args.head))
        if not args.only_head:
            trees.append(("this", args.this))
        if args.reuse and args.keep is None:
            parser.error("--reuse needs --keep")
        compare(trees, args.size, args.keep, args.reuse, args.rounds)


if __name__ == "__main__":
    main()
