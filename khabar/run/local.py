"""The local executor: in-process, or a pool of worker processes when ``workers > 1``."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from khabar.run.base import IN_FLIGHT_PER_WORKER, Executor, in_order

T = TypeVar("T")
R = TypeVar("R")


class LocalExecutor(Executor):
    """Runs work in this process (``workers == 1``) or in a process pool of ``workers``.

    Pool workers are spawned (fresh interpreters), so a script that uses ``workers > 1`` must
    keep its top-level code under ``if __name__ == "__main__":``.
    """

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    def _ensure_pool(self) -> concurrent.futures.ProcessPoolExecutor:
        if self._pool is None:
            # "spawn" gives workers a clean interpreter: no inherited locks or open databases.
            context = multiprocessing.get_context("spawn")
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context
            )
        return self._pool

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
