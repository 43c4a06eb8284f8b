"""Benchmark of ``khabar.store.add_paths`` on ANT articles: local against Dask, one script.

For each size (articles taken in publication order from the ANT corpus) and each executor, a
fresh process adds the articles to a new store and reports articles per second and the peak
resident memory of the whole process tree (driver + pool or Dask workers), sampled with psutil.
Ratios are against the in-process local executor on the same size, for the per-page part of
``add`` and for the whole of it (per-page stages, then the collection update, whose event
clustering profiles and candidate search also run on the executor)::

    python benchmarks/bench_store.py --sizes 1000 5000 --out /tmp/khabar-store/bench

``--batches N`` adds the articles in N adds (each with its incremental collection update) and in
one add (full update), compares the stored events (BCubed F1) and checks that adding a shard a
second time changes nothing; ``--stage many|one|compare`` runs the two sides apart::

    python benchmarks/bench_store.py --sizes 5000 --batches 10 --event-index

Results go to stdout as Markdown or JSON (copy them into benchmarks/results_store.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EXECUTORS = {
    "local-1": {"executor": "local", "workers": 1},
    "local-pool-2": {"executor": "local", "workers": 2},
    "dask-2": {"executor": "dask", "workers": 2},
}
"""The executors compared: in-process, a two-process pool, a two-worker local Dask cluster."""

SAMPLE_S = 0.2
"""Seconds between two memory samples of the process tree."""


class PeakMemory:
    """Samples the resident memory of this process and its children in a thread."""

    def __init__(self) -> None:
        import psutil

        self._proc = psutil.Process()
        self._stop = threading.Event()
        self.peak_tree = 0
        self.peak_self = 0
        self.stage = "start"
        """The stage the next samples are counted to (set by a progress callback)."""
        self.stage_peaks: dict[str, int] = {}
        """The largest process-tree sample seen during each stage, in bytes."""
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                own = self._proc.memory_info().rss
                tree = own
                for child in self._proc.children(recursive=True):
                    try:
                        tree += child.memory_info().rss
                    except psutil.Error:
                        continue
            except psutil.Error:
                continue
            self.peak_self = max(self.peak_self, own)
            self.peak_tree = max(self.peak_tree, tree)
            self.stage_peaks[self.stage] = max(self.stage_peaks.get(self.stage, 0), tree)
            self._stop.wait(SAMPLE_S)

    def progress(self, stage: str, done: int, total: int | None) -> None:
        """A pipeline progress callback: count what follows to ``stage``."""
        self.stage = stage

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_one(inputs: Path, db: Path, executor: str, out: Path) -> dict[str, Any]:
    """Add ``inputs`` to a new store ``db`` with one executor; return timings and memory.

    Times the per-page part of ``add`` (``update=False``) and then the collection update over
    the whole store (``refresh``, what one add of these articles runs), both on the executor.
    """
    import dataclasses

    from khabar.config import RunConfig
    from khabar.run import executor_for
    from khabar.store import add_paths, refresh

    config = dataclasses.replace(
        frozen_model_config(out),
        run=RunConfig(**EXECUTORS[executor]),  # type: ignore[arg-type]
    )
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with PeakMemory() as memory:
        started = time.perf_counter()
        runner = executor_for(config.run)
        startup = time.perf_counter() - started
        try:
            began = time.perf_counter()
            report = add_paths(
                db, [str(inputs)], config, memory.progress, executor=runner, update=False
            )
            per_page_s = time.perf_counter() - began
            began = time.perf_counter()
            memory.stage = "load"
            refresh(db, config, memory.progress, executor=runner)
            memory.stage = "end"
            update_s = time.perf_counter() - began
        finally:
            runner.close()
    return {
        "executor": executor,
        "articles": report.added,
        "failed": report.failed,
        "startup_s": round(startup, 2),
        "add_s": round(per_page_s, 2),
        "articles_per_s": round(report.added / per_page_s, 2),
        "update_s": round(update_s, 2),
        "total_articles_per_s": round(report.added / (per_page_s + update_s), 2),
        "peak_driver_mb": round(memory.peak_self / 2**20),
        "peak_tree_mb": round(memory.peak_tree / 2**20),
        "store_mb": round(db.stat().st_size / 2**20, 1),
        "stage_peak_mb": {k: round(v / 2**20) for k, v in memory.stage_peaks.items()},
    }


def refresh_peak(db: Path, out: Path) -> dict[str, Any]:
    """Recompute the collection of a copy of the store ``db`` in this process (what the end of
    one add of all its articles does): peak RSS per stage, and the RSS once the stored articles
    are decoded (``Store.iter_annotated``)."""
    import shutil

    from khabar.store import open_store, refresh

    copy = out / f"refresh-{db.name}"
    for suffix in ("", "-wal", "-shm"):
        if Path(str(db) + suffix).exists():
            shutil.copyfile(str(db) + suffix, str(copy) + suffix)
    config = frozen_model_config(out)
    with open_store(copy) as store:
        began = time.process_time()
        with PeakMemory() as decoded:
            annotated = list(store.iter_annotated())
        decode_s = time.process_time() - began
        count = len(annotated)
        del annotated
    with PeakMemory() as memory:
        began = time.process_time()
        refresh(copy, config, memory.progress)
        refresh_s = time.process_time() - began
    return {
        "articles": count,
        "decode_cpu_s": round(decode_s, 2),
        "decoded_peak_mb": round(decoded.peak_self / 2**20),
        "refresh_cpu_s": round(refresh_s, 2),
        "refresh_peak_mb": round(memory.peak_self / 2**20),
        "stage_peak_mb": {k: round(v / 2**20) for k, v in memory.stage_peaks.items()},
    }


def frozen_model_config(out: Path) -> Any:
    """A config whose NER model is a private copy of the bundled one, so that a model being
    retrained while the benchmark runs cannot make two adds disagree."""
    import shutil

    from khabar.config import Config, EntitiesConfig
    from khabar.entities.tagger import BUNDLED_MODEL

    snapshot = out / "model"
    if not snapshot.exists():
        source = BUNDLED_MODEL if BUNDLED_MODEL.is_dir() else BUNDLED_MODEL.parent
        shutil.copytree(source, snapshot)
    return Config(entities=EntitiesConfig(model_path=str(snapshot)))


def stored_events(db: Path) -> dict[str, str]:
    """Article id → id of its stored event."""
    from khabar.store import open_store

    with open_store(db) as store:
        return {a: e.id for e in store.load_collection().events for a in e.articles}


def store_snapshot(db: Path) -> tuple[Any, ...]:
    """Everything a re-add could change: articles as stored and resolved, collection results."""
    from khabar.store import open_store

    with open_store(db) as store:
        return (
            list(store.iter_annotated()),
            list(store.iter_resolved()),
            store.load_collection(),
            store.count_pages(),
        )


def batch_files(size: int, out: Path, shards: int) -> list[Path]:
    """The first ``size`` ANT articles as ``shards`` JSON Lines files (written once)."""
    from benchmarks.ant_to_jsonl import ANT_ARCHIVE, read_ant, write_shards

    folder = out / f"ant-{size}-x{shards}"
    return sorted(folder.glob("ant-*.jsonl")) or write_shards(
        read_ant(ANT_ARCHIVE)[:size], folder, shards
    )


def build_batch_store(size: int, out: Path, shards: int, side: str) -> dict[str, Any]:
    """Fill the ``many`` store (one add per shard) or the ``one`` store (one add of all),
    each add with its collection update; return timings and peak memory (saved as JSON)."""
    from khabar.store import add_paths

    files = batch_files(size, out, shards)
    config = frozen_model_config(out)
    db = out / f"batches-{size}-{side}.db"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    adds: list[dict[str, Any]] = []
    groups = [[p] for p in files] if side == "many" else [files]
    with PeakMemory() as memory:
        began = time.perf_counter()
        for group in groups:
            report = add_paths(db, [str(p) for p in group], config)
            adds.append(
                {"added": report.added, "recomputed": report.recomputed, "s": report.seconds}
            )
            print(json.dumps({side: group[0].name, **adds[-1]}), file=sys.stderr, flush=True)
        seconds = time.perf_counter() - began
    row = {
        "s": round(seconds, 1),
        "recomputed": sum(a["recomputed"] for a in adds),
        "peak_mb": round(memory.peak_self / 2**20),
        "adds": adds,
    }
    (out / f"batches-{size}-{side}.json").write_text(json.dumps(row))
    return row


def compare_batches(
    size: int, out: Path, shards: int, event_index: bool, stage: str = "all"
) -> dict[str, Any]:
    """Add ``size`` articles in ``shards`` adds and in one add, each with the collection update
    (incremental after every add; full for the one add); compare the stored events, and what
    adding a shard a second time changes. With ``event_index``, also score the incremental
    ``EventIndex`` fed shard by shard against one feed (the alternative design). ``stage``
    ``many`` or ``one`` fills one store only (to run both sides in parallel), ``compare``
    compares stores filled before."""
    from khabar.events.metrics import bcubed
    from khabar.store import add_paths

    if stage in ("many", "one"):
        return build_batch_store(size, out, shards, stage)
    if stage == "all":
        for side in ("many", "one"):
            build_batch_store(size, out, shards, side)
    files = batch_files(size, out, shards)
    config = frozen_model_config(out)
    stores = {"many": out / f"batches-{size}-many.db", "one": out / f"batches-{size}-one.db"}
    sides = {k: json.loads((out / f"batches-{size}-{k}.json").read_text()) for k in stores}
    many_s, one_s = sides["many"]["s"], sides["one"]["s"]
    adds = sides["many"]["adds"]
    events_many, events_one = stored_events(stores["many"]), stored_events(stores["one"])
    before = store_snapshot(stores["many"])
    again = add_paths(stores["many"], [str(files[len(files) // 2])], config)
    unchanged = store_snapshot(stores["many"]) == before
    row: dict[str, Any] = {
        "size": size,
        "shards": len(files),
        "articles_many": len(events_many),
        "articles_one": len(events_one),
        "add_many_s": round(many_s, 1),
        "add_one_s": round(one_s, 1),
        "recomputed_many": sides["many"]["recomputed"],
        "recomputed_one": sides["one"]["recomputed"],
        "peak_mb_many": sides["many"]["peak_mb"],
        "peak_mb_one": sides["one"]["peak_mb"],
        "events_many": len(set(events_many.values())),
        "events_one": len(set(events_one.values())),
        "same_events": events_many == events_one,
        "events_bcubed_f1": round(bcubed(events_many, events_one)[2], 4),
        "readd_added": again.added,
        "readd_skipped": again.skipped_duplicates,
        "readd_unchanged": unchanged,
        "adds": adds,
    }
    if event_index:
        row["event_index_bcubed_f1_shards_vs_once"] = _event_index_f1(stores["one"], files)
    return row


def _event_index_f1(db: Path, files: list[Path]) -> float:
    """BCubed F1 of the incremental ``EventIndex`` fed one shard at a time against one feed."""
    from khabar.events import EventIndex
    from khabar.events.metrics import bcubed
    from khabar.store import open_store

    with open_store(db) as store:
        resolved = list(store.iter_resolved())
    fed = EventIndex()
    per_shard: dict[str, str] = {}
    by_source: dict[str, list[Any]] = {}
    for item in resolved:
        by_source.setdefault(item.article.source.rsplit(":", 1)[0], []).append(item)
    for _, members in sorted(by_source.items()):
        per_shard.update(fed.add(members))
    at_once = EventIndex().add(resolved)
    return round(bcubed(per_shard, at_once)[2], 4)


def prepare(size: int, out: Path) -> Path:
    """Write the first ``size`` ANT articles as one JSON Lines file; return its path."""
    from benchmarks.ant_to_jsonl import ANT_ARCHIVE, read_ant, write_shards

    folder = out / f"ant-{size}"
    target = folder / "ant-00.jsonl"
    if not target.exists():
        write_shards(read_ant(ANT_ARCHIVE)[:size], folder, 1)
    return target


def main() -> None:
    """Run every (size, executor) in its own process and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--executors", nargs="+", default=list(EXECUTORS))
    parser.add_argument("--out", type=Path, default=Path("/tmp/khabar-store/bench"))
    parser.add_argument(
        "--batches", type=int, default=0, help="compare N adds of one shard each with one add"
    )
    parser.add_argument(
        "--event-index", action="store_true", help="with --batches: also score EventIndex fed"
    )
    parser.add_argument(
        "--stage",
        choices=("all", "many", "one", "compare"),
        default="all",
        help="with --batches: fill one side only, or compare stores filled before",
    )
    parser.add_argument("--one", nargs=2, metavar=("INPUT", "EXECUTOR"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--refresh-peak",
        type=Path,
        metavar="DB",
        help="recompute the collection of a copy of the store DB; peak RSS per stage",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.refresh_peak:
        print(json.dumps(refresh_peak(args.refresh_peak, args.out)))
        return
    if args.one:
        inputs, executor = Path(args.one[0]), args.one[1]
        print(
            json.dumps(
                run_one(
                    inputs, args.out / f"{inputs.parent.name}-{executor}.db", executor, args.out
                )
            )
        )
        return
    if args.batches:
        for size in args.sizes:
            row = compare_batches(size, args.out, args.batches, args.event_index, args.stage)
            print(json.dumps(row), flush=True)
        return
    rows: list[dict[str, Any]] = []
    for size in args.sizes:
        inputs = prepare(size, args.out)
        base = None
        for executor in args.executors:
            done = subprocess.run(
                [sys.executable, __file__, "--out", str(args.out), "--one", str(inputs), executor],
                check=True,
                capture_output=True,
                text=True,
            )
            row = json.loads(done.stdout.strip().splitlines()[-1])
            row["size"] = size
            base = base or (row["articles_per_s"], row["total_articles_per_s"])
            row["speed_vs_local_1"] = round(row["articles_per_s"] / base[0], 2)
            row["total_vs_local_1"] = round(row["total_articles_per_s"] / base[1], 2)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    columns = [
        "size", "executor", "articles", "failed", "startup_s", "add_s", "articles_per_s",
        "speed_vs_local_1", "update_s", "total_articles_per_s", "total_vs_local_1",
        "peak_driver_mb", "peak_tree_mb",
        "store_mb",
    ]  # fmt: skip
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
