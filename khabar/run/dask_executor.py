"""The Dask executor: a running ``dask.distributed`` cluster, or a local one started on demand.

Needs the ``[dask]`` extra (``pip install 'khabar[dask]'``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from khabar.errors import MissingExtraError
from khabar.run.base import IN_FLIGHT_PER_WORKER, Executor, in_order

T = TypeVar("T")
R = TypeVar("R")


def _distributed() -> Any:
    """Import ``dask.distributed`` or say which extra to install."""
    try:
        import dask.distributed as distributed
    except ImportError as exc:
        raise MissingExtraError("the dask executor", "dask") from exc
    return distributed


class DaskExecutor(Executor):
    """Runs work on a Dask cluster: ``scheduler`` (an address) or a new local cluster."""

    name = "dask"

    def __init__(self, workers: int = 2, scheduler: str | None = None) -> None:
        self.workers = workers
        self.scheduler = scheduler
        self._client: Any = None
        self._cluster: Any = None

    def _ensure_client(self) -> Any:
        if self._client is None:
            distributed = _distributed()
            if self.scheduler:
                self._client = distributed.Client(self.scheduler)
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=max(1, self.workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self._client = distributed.Client(self._cluster)
        return self._client

    def _window(self, client: Any) -> int:
        """How many tasks to keep submitted: a few per worker thread of the cluster."""
        threads = sum(client.nthreads().values()) or max(1, self.workers)
        return threads * IN_FLIGHT_PER_WORKER

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Yield ``fn(item)`` for every item, in order, computed on the cluster."""
        client = self._ensure_client()
        return in_order(
            # pure=False: equal inputs may be submitted twice; never share their futures.
            lambda item: client.submit(fn, item, pure=False),
            lambda future: future.result(),
            items,
            window=self._window(client),
        )

    def close(self) -> None:
        """Close the client, and the local cluster if this executor started it."""
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __repr__(self) -> str:
        where = self.scheduler or f"local cluster of {self.workers}"
        return f"DaskExecutor({where})"
