"""Watching a folder: files are added to a store as they appear, once they stop growing."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from khabar.config import Config
from khabar.pipeline import Progress, no_progress
from khabar.run import Executor
from khabar.store.add import LOCK_TIMEOUT_S, AddReport, add_paths

POLL_INTERVAL_S = 5.0
"""Seconds between two looks at the folder. Pages arrive by the hour; a few seconds of delay
costs nothing and keeps an idle watcher nearly free."""

STABLE_POLLS = 1
"""Further polls a file's size and modification time must stay unchanged before it is taken,
so a file still being written or copied is never read half-way."""

SKIPPED_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", ".swp")
"""Names of files still being downloaded or edited; they are taken once renamed."""


@dataclass(frozen=True, slots=True)
class _Seen:
    """A file's size and modification time at one poll, and for how many polls it held."""

    size: int
    mtime_ns: int
    polls: int


def _files(folder: Path, skip: frozenset[Path]) -> Iterator[Path]:
    """Every regular file under ``folder`` that is not hidden, partial or the store itself."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() in SKIPPED_SUFFIXES or path.resolve() in skip:
            continue
        if path.is_file():
            yield path


def _store_files(db: Path) -> frozenset[Path]:
    """The store file and its companions (WAL, shared memory, lock), never to be read as pages."""
    base = db.resolve()
    return frozenset(
        base.with_name(base.name + s) for s in ("", "-wal", "-shm", "-journal", ".lock")
    )


class FolderPoller:
    """Remembers what a folder held at each poll and says which files became ready."""

    def __init__(self, folder: str | Path, skip: frozenset[Path] = frozenset()) -> None:
        self.folder = Path(folder)
        self.skip = skip
        self._seen: dict[Path, _Seen] = {}
        self._taken: dict[Path, tuple[int, int]] = {}

    def poll(self) -> list[Path]:
        """Files that are new (or changed) and have kept their size since the last poll."""
        ready: list[Path] = []
        now: dict[Path, _Seen] = {}
        for path in _files(self.folder, self.skip):
            try:
                stat = path.stat()
            except OSError:  # removed between listing and stat
                continue
            key = (stat.st_size, stat.st_mtime_ns)
            if self._taken.get(path) == key:
                continue
            before = self._seen.get(path)
            polls = before.polls + 1 if before and (before.size, before.mtime_ns) == key else 0
            now[path] = _Seen(stat.st_size, stat.st_mtime_ns, polls)
            if polls >= STABLE_POLLS:
                ready.append(path)
                self._taken[path] = key
                del now[path]
        self._seen = now
        return ready


def watch(
    folder: str | Path,
    db: str | Path,
    config: Config | None = None,
    interval_s: float = POLL_INTERVAL_S,
    stop: threading.Event | None = None,
    progress: Progress = no_progress,
    on_add: Callable[[AddReport, list[Path]], None] | None = None,
    lock_timeout_s: float = LOCK_TIMEOUT_S,
    executor: Executor | None = None,
) -> int:
    """Add files to ``db`` as they appear under ``folder`` until ``stop`` is set.

    Polls every ``interval_s`` seconds; a file is taken once its size is stable. Calls
    ``on_add(report, files)`` after each add; ``executor`` (left open) is reused by every add.
    Returns the number of articles added.
    """
    config = config or Config()
    stop = stop or threading.Event()
    poller = FolderPoller(folder, _store_files(Path(db)))
    added = 0
    while not stop.is_set():
        ready = poller.poll()
        if ready:
            report = add_paths(
                db,
                [str(p) for p in ready],
                config,
                progress,
                executor=executor,
                lock_timeout_s=lock_timeout_s,
            )
            added += report.added
            if on_add is not None:
                on_add(report, ready)
        stop.wait(interval_s)
    return added
