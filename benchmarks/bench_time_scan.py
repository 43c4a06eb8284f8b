"""The time-expression finder of two trees on the same ANT articles: are the expressions the
same, and how much CPU does each take?

    python benchmarks/bench_time_scan.py --head /tmp/base --size 2000 [--rounds 3]

The articles are those of ``bench_pipeline.py`` (the first SIZE ANT articles in publication
order outside the days ../shared/EVENTS.md reserves; written there once). Each tree runs in its
own process (``PYTHONPATH`` = the tree), the two alternating for ROUNDS rounds; each run finds
the expressions of every body and title, anchored at the article's publication day, and, as
event chronology does, without an anchor. CPU time counts only ``find_times`` (the text is
read and normalised JSON before the clock starts; the first call, which builds the scanner and
its tables, is counted). Every field of every expression is compared between the trees.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import jsonl_path, run_in_tree, write_articles


def run_one(tree: Path, jsonl: Path, out: Path) -> None:
    """In this process: find every expression with ``tree``'s khabar; pickle them and the CPU."""
    sys.path.insert(0, str(tree))
    import khabar
    from khabar.time.extract import find_times

    if not Path(khabar.__file__).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"khabar was imported from {khabar.__file__}, not from {tree}")
    rows = [json.loads(line) for line in jsonl.open(encoding="utf-8")]
    jobs = []
    for row in rows:
        anchor = date.fromisoformat(row["published"][:10]) if row.get("published") else None
        for text in (row.get("title") or "", row["text"]):
            jobs += [(text, anchor), (text, None)]
    started = time.process_time()
    found = [find_times(text, anchor) for text, anchor in jobs]
    cpu = time.process_time() - started
    rows_out = [[dataclasses.astuple(f) for f in fs] for fs in found]
    with out.open("wb") as fh:
        pickle.dump({"cpu": cpu, "found": rows_out, "calls": len(jobs)}, fh)


def compare(head: Path, this: Path, size: int, rounds: int) -> None:
    """Alternate the two trees ``rounds`` times; print CPU seconds, the ratio and sameness."""
    jsonl = jsonl_path(size)
    if not jsonl.exists():
        write_articles(size)
    cpu: dict[str, list[float]] = {"head": [], "this": []}
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            for name, tree in (("head", head), ("this", this)):
                result = run_in_tree(__file__, tree, jsonl, Path(tmp) / f"{name}-{r}.pkl")
                cpu[name].append(result["cpu"])
                found.setdefault(name, result["found"])
                calls = result["calls"]
    same = found["head"] == found["this"]
    n_expr = sum(len(fs) for fs in found["head"])
    print(f"{size} articles, {calls} finder calls (titles and bodies, anchored and not)")
    print(f"expressions: head {n_expr}, this {sum(len(fs) for fs in found['this'])}")
    print(f"every expression identical (text, offsets, kind, range, type, value ...): {same}")
    if not same:
        pairs = zip(found["head"], found["this"], strict=True)
        differ = [i for i, (a, b) in enumerate(pairs) if a != b]
        print(f"calls that differ: {len(differ)}, first {differ[:10]}")
    for name in cpu:
        runs = ", ".join(f"{c:.2f}" for c in cpu[name])
        print(f"{name}: finder CPU s per round {runs}")
    ratios = [h / t for h, t in zip(cpu["head"], cpu["this"], strict=True)]
    print("head / this per round: " + ", ".join(f"{r:.2f}x" for r in ratios))
    best = {name: min(c) / calls * 1e3 for name, c in cpu.items()}
    print(f"ms per call, best round: head {best['head']:.3f}, this {best['this']:.3f}")


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("compare", help="two trees, alternating")
    p.add_argument("--head", type=Path, required=True)
    p.add_argument("--this", type=Path, default=Path(__file__).resolve().parents[1])
    p.add_argument("--size", type=int, default=2000)
    p.add_argument("--rounds", type=int, default=3)
    p = sub.add_parser("run-one", help="(internal) one tree in this process")
    p.add_argument("tree", type=Path)
    p.add_argument("jsonl", type=Path)
    p.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "run-one":
        run_one(args.tree, args.jsonl, args.out)
    else:
        compare(args.head, args.this, args.size, args.rounds)


if __name__ == "__main__":
    main()
