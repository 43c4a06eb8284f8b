"""One ``khabar add`` as a user runs it: the command in a fresh process on a fresh store, its wall
time, CPU time (its own and its pool workers'), peak RSS, and which stage of the add held the
memory; the whole ANT corpus against 1,000 articles (time per article), and ``--workers``
settings against each other on the same articles.

    python benchmarks/bench_pipeline.py articles --size 1000     # JSON Lines, reserved days out
    python benchmarks/bench_pipeline.py articles --size 40000    # every article outside them
    python benchmarks/bench_add.py run --size 40000 --nice 10    # one add, one line of figures
    python benchmarks/bench_add.py whole --nice 10               # 1,000 then all: time per article
    python benchmarks/bench_add.py workers --size 1000 --workers 1 2 --rounds 2

Each add runs ``/usr/bin/time -v khabar add --db FRESH FILE`` (``nice -n N`` when asked): wall
and CPU time (user + system, the pool's workers included: they are waited for) and maximum RSS
of the largest process come from ``time``. A thread samples the resident memory of the command
and of its children every :data:`SAMPLE_S` seconds with psutil and counts each sample to the
stage the command's progress output (``-q`` off, read from its stderr) last named: ``add`` (read,
per-page stages, storing; the collection update's reading of stored articles follows the last
``add`` report and is counted there), then each collection stage of each update chunk.

The JSON Lines are the files ``bench_pipeline.py articles`` writes (first N ANT articles in
publication order, the days ../shared/EVENTS.md reserves left out).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv/bin/python"

SAMPLE_S = 0.5
"""Seconds between two memory samples of the command's process tree."""

_STAGE = re.compile(r"^\s*([a-z][a-z ]*?):\s")
"""A progress bar's line on stderr starts with its stage name (``khabar.cli._Progress``)."""

_TIME_FIELDS = {
    "User time (seconds)": "user_s",
    "System time (seconds)": "system_s",
    "Maximum resident set size (kbytes)": "max_rss_kb",
    "Elapsed (wall clock) time (h:mm:ss or m:ss)": "wall",
}


def jsonl_path(size: int) -> Path:
    """The JSON Lines ``bench_pipeline.py articles --size SIZE`` writes."""
    return Path(tempfile.gettempdir()) / f"khabar_bench_pipeline_{size}.jsonl"


SHARD_ARTICLES = 4000
"""Articles per input file given to the add: JSON Lines files above ``[read] max_bytes`` (20 MB,
about 6,000 ANT articles) are refused, so the whole corpus goes in as consecutive files of this
many articles (a feed's files), all in one ``khabar add``."""


def shards(jsonl: Path, out_dir: Path) -> list[Path]:
    """``jsonl`` as files of :data:`SHARD_ARTICLES` consecutive articles under ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("part-*.jsonl"):
        stale.unlink()
    paths: list[Path] = []
    with jsonl.open(encoding="utf-8") as fh:
        while lines := [line for _, line in zip(range(SHARD_ARTICLES), fh, strict=False)]:
            path = out_dir / f"part-{len(paths):02d}.jsonl"
            path.write_text("".join(lines), encoding="utf-8")
            paths.append(path)
    return paths


def _wall_seconds(text: str) -> float:
    seconds = 0.0
    for part in text.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def _parse_time(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text().splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key in _TIME_FIELDS:
            name = _TIME_FIELDS[key]
            out[name] = _wall_seconds(value) if name == "wall" else float(value)
    return out


class StageMemory:
    """Samples the RSS and CPU time of a process and its children, counted to the stage last
    reported (CPU: the main process, khabar itself, and the tree with its pool workers)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self._proc = psutil.Process(pid)
        self._stop = threading.Event()
        self.stage = "start"
        self.started = time.monotonic()
        self.peaks: dict[str, dict[str, float]] = {}
        """Per stage: largest sample of the main process and of the tree (MiB), seconds in it."""
        self.timeline: list[tuple[float, str, float]] = []
        """(seconds, stage, main process MiB) of every sample."""
        self._cpu: dict[int, float] = {}
        """Last CPU seconds (user + system) seen of each process of the tree, ended ones too."""
        self._last = (0.0, 0.0)
        """CPU seconds of the main process and of the whole tree at the previous sample."""
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        import psutil

        try:
            direct = self._proc.children()
            procs = [self._proc, *self._proc.children(recursive=True)]
        except psutil.Error:
            return
        main_pid = direct[0].pid if direct else self._proc.pid  # khabar (nice execs it)
        main = tree = 0.0
        for proc in procs:
            try:
                rss = proc.memory_info().rss / 2**20
                cpu = sum(proc.cpu_times()[:2])
            except psutil.Error:
                continue
            tree += rss
            if proc.pid == main_pid:
                main = rss
            self._cpu[proc.pid] = cpu
        now = time.monotonic() - self.started
        main_cpu, tree_cpu = self._cpu.get(main_pid, 0.0), sum(self._cpu.values())
        self.timeline.append((round(now, 1), self.stage, round(main)))
        row = self.peaks.setdefault(
            self.stage,
            {"main_mib": 0.0, "tree_mib": 0.0, "samples": 0, "main_cpu_s": 0.0, "tree_cpu_s": 0.0},
        )
        row["main_mib"] = max(row["main_mib"], main)
        row["tree_mib"] = max(row["tree_mib"], tree)
        row["samples"] += 1
        row["main_cpu_s"] += main_cpu - self._last[0]
        row["tree_cpu_s"] += tree_cpu - self._last[1]
        self._last = (main_cpu, tree_cpu)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self._sample()


def run_add(
    jsonl: Path, workers: int | None, nice: int, out_dir: Path, tree: Path | None = None
) -> dict[str, Any]:
    """One ``khabar add`` of ``jsonl`` into a fresh store under ``out_dir`` (``tree``'s khabar
    when given: a snapshot, so that edits to the checkout during a long run do not reach it);
    its figures."""
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "store.db"
    for stale in out_dir.glob("store.db*"):
        stale.unlink()
    time_file = out_dir / "time.txt"
    cmd = ["/usr/bin/time", "-v", "-o", str(time_file)]
    if nice:
        cmd += ["nice", "-n", str(nice)]
    inputs = shards(jsonl, out_dir / "inputs")
    cmd += [str(PYTHON), "-m", "khabar", "add", "--db", str(db), *map(str, inputs)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")  # as bench_pipeline: no BLAS threads beside the workers
    if tree is not None:
        env["PYTHONPATH"] = str(tree.resolve())
    where = subprocess.run(
        [str(PYTHON), "-c", "import khabar; print(khabar.__file__)"],
        env=env,
        cwd=out_dir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    started = time.monotonic()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=out_dir
    )
    memory = StageMemory(proc.pid)
    memory.start()
    stage_started: dict[str, float] = {}
    buffer = b""
    assert proc.stderr is not None
    while chunk := proc.stderr.read1(4096):  # type: ignore[attr-defined]
        buffer += chunk
        *lines, buffer = re.split(rb"[\r\n]", buffer)
        for raw in lines:
            found = _STAGE.match(raw.decode("utf-8", "replace"))
            if found and found.group(1) != memory.stage:
                memory.stage = found.group(1)
                stage_started.setdefault(memory.stage, time.monotonic() - started)
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    code = proc.wait()
    memory.stop()
    wall = time.monotonic() - started
    if code != 0:
        raise SystemExit(f"khabar add failed ({code}): {buffer.decode(errors='replace')[-2000:]}")
    figures = _parse_time(time_file)
    added = int(re.search(r"added (\d+)", stdout).group(1))  # type: ignore[union-attr]
    cpu = figures["user_s"] + figures["system_s"]
    result = {
        "jsonl": str(jsonl),
        "files": len(inputs),
        "khabar": where,
        "workers": workers,
        "added": added,
        "summary": stdout.strip(),
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "max_rss_mib": round(figures["max_rss_kb"] / 1024),
        "wall_ms_per_article": round(1000 * wall / added, 2),
        "cpu_ms_per_article": round(1000 * cpu / added, 2),
        "articles_per_cpu_s": round(added / cpu, 1),
        "stage_first_seen_s": {k: round(v, 1) for k, v in stage_started.items()},
        "stage_peaks": {
            k: {
                "main_mib": round(v["main_mib"]),
                "tree_mib": round(v["tree_mib"]),
                "seconds": round(v["samples"] * SAMPLE_S),
                "main_cpu_s": round(v["main_cpu_s"], 1),
                "tree_cpu_s": round(v["tree_cpu_s"], 1),
            }
            for k, v in memory.peaks.items()
        },
        "db_mib": round(db.stat().st_size / 2**20),
    }
    (out_dir / "timeline.json").write_text(json.dumps(memory.timeline))
    (out_dir / "result.json").write_text(json.dumps(result, indent=1))
    return result


def _line(label: str, r: dict[str, Any]) -> str:
    return (
        f"| {label} | {r['added']} | {r['wall_s']} | {r['cpu_s']} | {r['wall_ms_per_article']} | "
        f"{r['cpu_ms_per_article']} | {r['articles_per_cpu_s']} | {r['max_rss_mib']} |"
    )


HEADER = (
    "| add | articles | wall s | CPU s | wall ms/article | CPU ms/article | articles/CPU s "
    "| max RSS MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|"
)


def whole(sizes: list[int], nice: int, out: Path, tree: Path | None) -> None:
    """One add of each size (the smallest first); time per article against the smallest."""
    results = []
    for size in sizes:
        r = run_add(jsonl_path(size), None, nice, out / f"size{size}", tree)
        print(json.dumps(r), flush=True)
        results.append(r)
    print(HEADER)
    for size, r in zip(sizes, results, strict=True):
        print(_line(f"{size}", r))
    base = results[0]
    for r in results[1:]:
        print(
            f"{r['added']} against {base['added']}: wall per article "
            f"{r['wall_ms_per_article'] / base['wall_ms_per_article']:.2f}x, CPU per article "
            f"{r['cpu_ms_per_article'] / base['cpu_ms_per_article']:.2f}x"
        )


def workers(
    size: int, settings: list[int], rounds: int, nice: int, out: Path, tree: Path | None
) -> None:
    """Each ``--workers`` setting on the same articles, in turn (order alternating by round)."""
    results: dict[int, list[dict[str, Any]]] = {w: [] for w in settings}
    for round_no in range(rounds):
        order = settings if round_no % 2 == 0 else settings[::-1]
        for w in order:
            r = run_add(jsonl_path(size), w, nice, out / f"w{w}", tree)
            print(json.dumps(r), flush=True)
            results[w].append(r)
    print(HEADER)
    for w in settings:
        for r in results[w]:
            print(_line(f"--workers {w}", r))
    first = settings[0]
    for w in settings[1:]:
        ratios = [
            a["wall_s"] / b["wall_s"] for a, b in zip(results[first], results[w], strict=True)
        ]
        print(
            f"--workers {w}: wall speed-up against {first}, by round: "
            + ", ".join(f"{x:.2f}x" for x in ratios)
        )


def profile(size: int, out: Path, top: int) -> None:
    """One add of ``size`` articles into a fresh store in this process under cProfile: the
    functions by own time and the khabar packages by own time (the profiler about doubles the
    run's time; shares, not seconds, are the figure)."""
    import cProfile
    import pstats
    from collections import Counter

    from khabar.config import Config
    from khabar.store import add_paths

    out.mkdir(parents=True, exist_ok=True)
    db = out / "profile.db"
    for stale in out.glob("profile.db*"):
        stale.unlink()
    inputs = shards(jsonl_path(size), out / "inputs")
    profiler = cProfile.Profile(time.process_time)  # CPU: a loaded machine inflates wall
    started = time.process_time()
    profiler.enable()
    report = add_paths(db, [str(p) for p in inputs], Config())
    profiler.disable()
    cpu = time.process_time() - started
    profiler.dump_stats(out / "add.prof")
    stats = pstats.Stats(profiler)
    print(f"{report.added} articles added, {cpu:.1f} CPU s under the profiler")
    by_package: Counter[str] = Counter()
    for (file, _, _), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        part = file.split("/khabar/", 1)[-1] if "/khabar/" in file else "(outside khabar)"
        by_package[part.rsplit("/", 1)[0] if "/" in part else part] += own
    total = sum(by_package.values())
    for package, own in by_package.most_common(top):
        print(f"{own:8.2f} s {100 * own / total:5.1f} %  {package}")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("run", help="one add of SIZE articles into a fresh store")
    p.add_argument("--size", type=int, required=True)
    p.add_argument("--workers", type=int)
    p = sub.add_parser("whole", help="one add per size; time per article against the first")
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 40000])
    p = sub.add_parser("workers", help="--workers settings on the same SIZE articles")
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--rounds", type=int, default=2)
    p = sub.add_parser("profile", help="one add of SIZE articles in this process, cProfile")
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--top", type=int, default=40)
    for p in sub.choices.values():
        p.add_argument("--nice", type=int, default=10)
        p.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "khabar_bench_add")
        p.add_argument("--tree", type=Path, help="a snapshot (git archive HEAD khabar) to run")
    args = parser.parse_args(argv)
    if args.cmd == "run":
        out = args.out / f"size{args.size}"
        r = run_add(jsonl_path(args.size), args.workers, args.nice, out, args.tree)
        print(json.dumps(r, indent=1))
    elif args.cmd == "whole":
        whole(args.sizes, args.nice, args.out, args.tree)
    elif args.cmd == "profile":
        profile(args.size, args.out / "profile", args.top)
    else:
        workers(args.size, args.workers, args.rounds, args.nice, args.out, args.tree)


if __name__ == "__main__":
    main()
