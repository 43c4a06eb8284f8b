"""Benchmark of ``khabar.store.add_paths`` on ANT articles: local against Dask, one script.

For each size (articles taken in publication order from the ANT corpus) and each executor, a
fresh process adds the articles to a new store and reports articles per second and the peak
resident memory of the whole process tree (driver + pool or Dask workers), sampled with psutil.
Ratios are against the in-process local executor on the same size. The per-page stages (clean,
annotate) and the commit are timed apart from the collection stages (entities + events), which
run once over the whole collection::

    python benchmarks/bench_store.py --sizes 1000 5000 --out /tmp/khabar-store/bench
    python benchmarks/bench_store.py --sizes 5000 --batches 10   # ten adds against one

Results go to stdout as a Markdown table (copy them into benchmarks/results_store.md).
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
            self._stop.wait(SAMPLE_S)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_one(inputs: Path, db: Path, executor: str) -> dict[str, Any]:
    """Add ``inputs`` to a new store ``db`` with one executor; return timings and memory."""
    from khabar.config import Config, RunConfig
    from khabar.entities import resolve_entities
    from khabar.events import build_events
    from khabar.run import executor_for
    from khabar.store import add_paths, open_store

    config = Config(run=RunConfig(**EXECUTORS[executor]))  # type: ignore[arg-type]
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with PeakMemory() as memory:
        started = time.perf_counter()
        runner = executor_for(config.run)
        startup = time.perf_counter() - started
        try:
            began = time.perf_counter()
            report = add_paths(db, [str(inputs)], config, executor=runner, update=False)
            per_page_s = time.perf_counter() - began
        finally:
            runner.close()
        began = time.perf_counter()
        with open_store(db) as store:
            annotated = list(store.iter_annotated())
        resolved, entities = resolve_entities(annotated, config.entities)
        events, _ = build_events(resolved, entities, config.events)
        collection_s = time.perf_counter() - began
    return {
        "executor": executor,
        "articles": report.added,
        "failed": report.failed,
        "startup_s": round(startup, 2),
        "add_s": round(per_page_s, 2),
        "articles_per_s": round(report.added / per_page_s, 2),
        "collection_s": round(collection_s, 2),
        "events": len(events),
        "peak_driver_mb": round(memory.peak_self / 2**20),
        "peak_tree_mb": round(memory.peak_tree / 2**20),
        "store_mb": round(db.stat().st_size / 2**20, 1),
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


def compare_batches(size: int, out: Path, shards: int) -> dict[str, Any]:
    """Add ``size`` articles in ``shards`` adds and in one add; compare what the stores hold.

    Compares the stored articles, the events that entity resolution + event clustering make of
    each store (the collection stages that decide events), and what adding a shard a second
    time changes. Also scores the incremental ``EventIndex`` fed shard by shard against one
    feed, for the events stage's own record.
    """
    from benchmarks.ant_to_jsonl import ANT_ARCHIVE, read_ant, write_shards
    from khabar.entities import resolve_entities
    from khabar.events import EventIndex, build_events
    from khabar.events.metrics import bcubed
    from khabar.store import add_paths, open_store

    folder = out / f"ant-{size}-x{shards}"
    files = sorted(folder.glob("ant-*.jsonl")) or write_shards(
        read_ant(ANT_ARCHIVE)[:size], folder, shards
    )
    config = frozen_model_config(out)
    stores = {"many": out / f"batches-{size}-many.db", "one": out / f"batches-{size}-one.db"}
    for db in stores.values():
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    began = time.perf_counter()
    for path in files:
        add_paths(stores["many"], [str(path)], config, update=False)
    many_s = time.perf_counter() - began
    began = time.perf_counter()
    add_paths(stores["one"], [str(p) for p in files], config, update=False)
    one_s = time.perf_counter() - began

    def snapshot(db: Path) -> list[Any]:
        with open_store(db) as store:
            return list(store.iter_annotated())

    many, one = snapshot(stores["many"]), snapshot(stores["one"])
    again = add_paths(stores["many"], [str(files[len(files) // 2])], config, update=False)
    unchanged = snapshot(stores["many"]) == many

    def events(annotated: list[Any]) -> dict[str, str]:
        resolved, entities = resolve_entities(annotated, config.entities)
        built, _ = build_events(resolved, entities, config.events)
        return {a: e.id for e in built for a in e.articles}

    events_many, events_one = events(many), events(one)
    resolved, _ = resolve_entities(one, config.entities)
    fed = EventIndex()
    per_shard: dict[str, str] = {}
    by_source: dict[str, list[Any]] = {}
    for item in resolved:
        by_source.setdefault(item.article.source.rsplit(":", 1)[0], []).append(item)
    for _, members in sorted(by_source.items()):
        per_shard.update(fed.add(members))
    at_once = EventIndex().add(resolved)
    return {
        "size": size,
        "shards": len(files),
        "articles_many": len(many),
        "articles_one": len(one),
        "same_articles": many == one,
        "add_many_s": round(many_s, 1),
        "add_one_s": round(one_s, 1),
        "events_many": len(set(events_many.values())),
        "events_one": len(set(events_one.values())),
        "same_events": events_many == events_one,
        "events_bcubed_f1": round(bcubed(events_many, events_one)[2], 4),
        "readd_added": again.added,
        "readd_skipped": again.skipped_duplicates,
        "readd_unchanged": unchanged,
        "event_index_bcubed_f1_shards_vs_once": round(bcubed(per_shard, at_once)[2], 4),
    }


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
    parser.add_argument("--one", nargs=2, metavar=("INPUT", "EXECUTOR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        inputs, executor = Path(args.one[0]), args.one[1]
        print(
            json.dumps(run_one(inputs, args.out / f"{inputs.parent.name}-{executor}.db", executor))
        )
        return
    if args.batches:
        for size in args.sizes:
            print(json.dumps(compare_batches(size, args.out, args.batches)), flush=True)
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
            base = base or row["articles_per_s"]
            row["speed_vs_local_1"] = round(row["articles_per_s"] / base, 2)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    columns = [
        "size", "executor", "articles", "failed", "startup_s", "add_s", "articles_per_s",
        "speed_vs_local_1", "collection_s", "events", "peak_driver_mb", "peak_tree_mb",
        "store_mb",
    ]  # fmt: skip
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
