"""The local executor: in-process, or a pool of worker processes when ``workers > 1``."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from khabar.run.base import IN_FLIGHT_PER_WORKER, Executor, in_order

T = TypeVar("T")
R = TypeVar("R")

PARENT_POLL_S = 0.5
"""Seconds between a pool worker's looks at whether the process that started it is still there.
A killed parent (``kill -9``) cannot shut its pool down, and a worker waiting for tasks would
wait forever; this bounds how long it outlives the parent, at the cost of one wake-up."""

ORPHAN_EXIT_CODE = 3
"""Exit status of a pool worker that ended because its parent was gone."""


def _watch_parent(parent: int) -> None:
    """Run in each pool worker as it starts: end the worker once ``parent`` has died (the worker
    is then re-parented, so its parent pid changes)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(ORPHAN_EXIT_CODE)  # no clean-up to do: the parent that wanted results is gone

    threading.Thread(target=watch, name="khabar-parent-watch", daemon=True).start()


def _start_worker(parent: int, setup: Callable[[], object] | None) -> None:
    """Run in each pool worker as it starts: watch the parent, then the executor's setup."""
    _watch_parent(parent)
    if setup is not None:
        setup()


def _started() -> None:
    """A task that does nothing: submitting one per worker makes the pool start them all."""


class LocalExecutor(Executor):
    """Runs work in this process (``workers == 1``) or in a process pool of ``workers``.

    Pool workers are spawned (fresh interpreters), so a script that uses ``workers > 1`` must
    keep its top-level code under ``if __name__ == "__main__":``. Workers end by themselves
    within :data:`PARENT_POLL_S` when the process that started them dies, even by ``kill -9``.
    """

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    def _ensure_pool(
        self, setup: Callable[[], object] | None = None
    ) -> concurrent.futures.ProcessPoolExecutor:
        if self._pool is None:
            # "spawn" gives workers a clean interpreter: no inherited locks or open databases.
            context = multiprocessing.get_context("spawn")
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(os.getpid(), setup),
            )
        return self._pool

    def prepare(self, setup: Callable[[], object] | None = None) -> None:
        """Start the pool's workers now, each running ``setup`` once as it starts (nothing
        in-process, or when the pool is already running)."""
        if self.workers <= 1 or self._pool is not None:
            return
        pool = self._ensure_pool(setup)
        for _ in range(self.workers):
            pool.submit(_started)  # the pool starts a worker for each task none is free for

    @property
    def in_process(self) -> bool:
        """True with one worker: ``map`` then calls the function here."""
        return self.workers <= 1

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Yield ``fn(item)`` for every item, in order."""
        if self.workers <= 1:
            return map(fn, items)
        pool = self._ensure_pool()
        return in_order(
            lambda item: pool.submit(fn, item),
            lambda future: future.result(),
            items,
            window=self.workers * IN_FLIGHT_PER_WORKER,
        )

    def close(self) -> None:
        """Shut the process pool down, if one was started."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __repr__(self) -> str:
        return f"LocalExecutor(workers={self.workers})"
