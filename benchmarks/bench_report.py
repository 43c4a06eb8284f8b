"""The report stage (the dossier's files) and the summaries on a dossier analysed once: CPU seconds
of each part, this tree against another (say HEAD's snapshot), and every written file compared byte
by byte.

    python benchmarks/bench_report.py dossier --size 2000 --tree /tmp/khabar_head   # once
    python benchmarks/bench_report.py compare --head /tmp/khabar_head --size 2000

``dossier`` analyses the JSON Lines of ``bench_pipeline.py articles --size N`` (the first N ANT
articles outside the reserved days) with ``--tree``'s khabar and pickles the dossier, so both trees
of ``compare`` render the very same dossier. ``compare`` runs each tree in its own process
(``PYTHONPATH`` = the tree), back to back, ``--repeat`` times in turn; each run times:

- ``write``: ``write_outputs`` with the default formats (JSON and HTML), as ``khabar analyze``
  writes them (first, so it pays for what a process does once, such as compiling the template);
- ``dict``: ``dossier_to_dict``; ``json``: ``dict_to_json``; ``html``: ``render_pages`` as
  ``analyze`` writes it (one page up to 500 articles, an index and story pages above);
- ``one page``: the HTML as one page whatever the size (``write_dossier``, the web app's);
- ``tables``: CSV, JSON Lines and SVG;
- ``summaries``: ``summarize_event`` over every event with one term memo, as the pipeline does.

The files are written with the garbage collector as ``khabar analyze`` leaves it (nothing frozen);
the summaries run with the dossier frozen, as the pipeline runs them.

The files of the trees' first runs must be byte-identical (JSON, every HTML page, the tables), and
the summaries equal.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

PARTS = ("write", "dict", "json", "html", "one page", "tables", "summaries")
"""The parts timed, in the order printed."""
TABLE_FORMATS = ("csv", "jsonl", "svg")
"""The table formats written and compared (XLSX is left out: its zip holds a write time)."""


def dossier_path(size: int) -> Path:
    """Where the pickled dossier of ``size`` articles is kept."""
    return Path(tempfile.gettempdir()) / f"khabar_bench_report_{size}.pickle"


def make_dossier(tree: Path, size: int) -> None:
    """Analyse the benchmark's JSON Lines of ``size`` articles with ``tree`` and pickle it."""
    sys.path.insert(0, str(tree))
    from khabar.config import Config
    from khabar.pipeline import analyze

    jsonl = Path(tempfile.gettempdir()) / f"khabar_bench_pipeline_{size}.jsonl"
    if not jsonl.exists():
        raise SystemExit(f"{jsonl} missing: python benchmarks/bench_pipeline.py articles --size N")
    started = time.process_time()
    dossier = analyze([str(jsonl)], Config())
    with dossier_path(size).open("wb") as fh:
        pickle.dump(dossier, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(
        f"{len(dossier.articles)} articles, {len(dossier.events)} events analysed in "
        f"{time.process_time() - started:.1f} CPU s -> {dossier_path(size)}"
    )


def _timed(spent: dict[str, float], part: str, fn: Callable[..., Any], *args: Any) -> Any:
    started = time.process_time()
    result = fn(*args)
    spent[part] = spent.get(part, 0.0) + time.process_time() - started
    return result


def run_one(tree: Path, size: int, out_dir: Path, result: Path) -> None:
    """In this process: time each part with ``tree``'s khabar; write the files into ``out_dir``
    and pickle the times and summaries to ``result``."""
    sys.path.insert(0, str(tree))
    import gc

    import khabar
    from khabar.config import Config
    from khabar.report.json import dict_to_json, dossier_to_dict
    from khabar.report.pages import render_pages
    from khabar.report.write import DEFAULT_FORMATS, HTML_NAME, write_dossier, write_outputs
    from khabar.summary import summarize_event

    if not Path(khabar.__file__).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"khabar was imported from {khabar.__file__}, not from {tree}")
    with dossier_path(size).open("rb") as fh:
        dossier = pickle.load(fh)
    spent: dict[str, float] = {}
    # first, in a fresh process, as ``khabar analyze`` writes (the template compiled here)
    _timed(spent, "write", write_outputs, dossier, out_dir / "default", DEFAULT_FORMATS)
    data = _timed(spent, "dict", dossier_to_dict, dossier)
    _timed(spent, "json", dict_to_json, data)
    _timed(spent, "html", render_pages, data, HTML_NAME)
    del data
    _timed(spent, "one page", write_dossier, dossier, out_dir / "one")
    _timed(spent, "tables", write_outputs, dossier, out_dir / "tables", TABLE_FORMATS)
    cfg = Config()
    by_id = {a.id: a for a in dossier.articles}
    known: dict[str, str] = {}

    def summaries() -> list[Any]:
        return [
            summarize_event(e, [by_id[a] for a in e.articles if a in by_id], cfg.summary, known)
            for e in dossier.events
        ]

    gc.freeze()  # the pipeline runs the summaries with what annotation made frozen
    summarized = _timed(spent, "summaries", summaries)
    gc.unfreeze()
    with result.open("wb") as fh:
        pickle.dump({"spent": spent, "summaries": summarized}, fh)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def compare(trees: Sequence[tuple[str, Path]], size: int, repeat: int) -> None:
    """Run each tree ``repeat`` times in turn; print CPU per part (best of the runs), the ratios
    to the first tree and whether every file is byte-identical."""
    if not dossier_path(size).exists():
        raise SystemExit(f"{dossier_path(size)} missing: run the dossier command first")
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in trees}
    summaries: dict[str, Any] = {}
    files: dict[str, dict[str, bytes]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for turn in range(repeat):
            for name, tree in trees:
                out_dir = Path(tmp) / f"{name}-{turn}"
                out_dir.mkdir()
                result = Path(tmp) / f"{name}-{turn}.pickle"
                command = [sys.executable, __file__, "run-one", str(tree), str(size)]
                command += [str(out_dir), str(result)]
                subprocess.run(command, check=True, env={**os.environ, "PYTHONPATH": str(tree)})
                with result.open("rb") as fh:
                    facts = pickle.load(fh)
                runs[name].append(facts["spent"])
                if turn == 0:
                    summaries[name] = facts["summaries"]
                    files[name] = _files(out_dir)
    names = [name for name, _ in trees]
    base = names[0]
    print(f"{size} articles; CPU s per part, best of {repeat} run(s) each, runs taken in turn")
    print()
    print("| part (CPU s) | " + " | ".join(names) + " | ratio |" * (len(names) > 1))
    print("|---|" + "---:|" * len(names) + "---:|" * (len(names) > 1))
    for part in PARTS:
        if not all(part in r for rs in runs.values() for r in rs):
            continue
        best = {name: min(r[part] for r in runs[name]) for name in names}
        row = [f"{best[name]:.2f}" for name in names]
        if len(names) > 1:
            row.append(f"{best[base] / max(best[names[1]], 1e-9):.2f}x")
        print(f"| {part} | " + " | ".join(row) + " |")
    for name in names[1:]:
        same = files[name] == files[base]
        print(f"\n{name}: {len(files[name])} files byte-identical to {base}'s: {same}")
        if not same:
            differ = sorted(
                k
                for k in files[name].keys() | files[base].keys()
                if files[name].get(k) != files[base].get(k)
            )
            print(f"  differing: {len(differ)}, e.g. {differ[:5]}")
        print(f"{name}: summaries equal to {base}'s: {summaries[name] == summaries[base]}")


def main(argv: Sequence[str] | None = None) -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("dossier", help="analyse SIZE articles with TREE and pickle the dossier")
    p.add_argument("--size", type=int, default=2000)
    p.add_argument("--tree", type=Path, default=ROOT)
    p = sub.add_parser("compare", help="time and compare the trees on the pickled dossier")
    p.add_argument("--head", type=Path, help="the tree to compare against (HEAD's snapshot)")
    p.add_argument("--this", type=Path, default=ROOT)
    p.add_argument("--size", type=int, default=2000)
    p.add_argument("--repeat", type=int, default=1)
    p = sub.add_parser("run-one", help="(internal) one tree in this process")
    p.add_argument("tree", type=Path)
    p.add_argument("size", type=int)
    p.add_argument("out_dir", type=Path)
    p.add_argument("result", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dossier":
        make_dossier(args.tree, args.size)
    elif args.command == "run-one":
        run_one(args.tree, args.size, args.out_dir, args.result)
    else:
        trees = ([("head", args.head)] if args.head else []) + [("this", args.this)]
        compare(trees, args.size, args.repeat)


if __name__ == "__main__":
    main()
