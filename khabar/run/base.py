"""The executor interface: map a pure per-page function over items, results in input order.

Backends are chosen by name (``local``, ``dask``) through :func:`khabar.run.make_executor`, the
way datasketch picks a storage backend; a new backend is one subclass registered by name.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from types import TracebackType
from typing import Any, ClassVar, TypeVar

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 4
"""Tasks submitted ahead per worker, in tasks. Enough to keep every worker busy while results are
collected in order, few enough that a long stream of pages never piles up in memory."""


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def resolve_workers(workers: int) -> int:
    """``workers`` as configured, with 0 (or less) meaning one per available core."""
    return workers if workers > 0 else available_cores()


class Executor(ABC):
    """Runs a picklable function over a stream of items and yields the results in order."""

    name: ClassVar[str] = ""

    @abstractmethod
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Yield ``fn(item)`` for every item, in the order of ``items``."""

    @property
    def in_process(self) -> bool:
        """Whether ``map`` calls the function in this process (no pickling on the way)."""
        return False

    def prepare(self, setup: Callable[[], object] | None = None) -> None:  # noqa: B027 - optional
        """Start the workers now, each running ``setup`` once (say, loading a model), so that
        their start overlaps the caller's own work instead of delaying the first results.
        Backends that start nothing ignore it."""

    def close(self) -> None:  # noqa: B027 - backends without resources need not override it
        """Release workers and connections (idempotent)."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Split a stream into lists of ``size`` items (the last may be shorter), lazily."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_order(
    submit: Callable[[T], Any], result: Callable[[Any], R], items: Iterable[T], window: int
) -> Iterator[R]:
    """Submit items keeping at most ``window`` pending; yield their results in order."""
    pending: deque[Any] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= max(1, window):
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())
