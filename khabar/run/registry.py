"""Executors by name: the one place that knows which backends exist."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from khabar.config import RunConfig
from khabar.errors import ConfigError
from khabar.run.base import Executor, resolve_workers
from khabar.run.dask_executor import DaskExecutor
from khabar.run.local import LocalExecutor

EXECUTORS: Mapping[str, type[Executor]] = MappingProxyType(
    {LocalExecutor.name: LocalExecutor, DaskExecutor.name: DaskExecutor}
)
"""Executor classes by the name used in ``[run] executor`` and ``--executor``."""


def make_executor(name: str = "local", workers: int = 1, scheduler: str | None = None) -> Executor:
    """Return a new executor of the backend ``name`` (``local`` or ``dask``) with ``workers``
    workers (0: one per available core)."""
    workers = resolve_workers(workers)
    if name == LocalExecutor.name:
        return LocalExecutor(workers=workers)
    if name == DaskExecutor.name:
        return DaskExecutor(workers=workers, scheduler=scheduler)
    raise ConfigError(f"unknown executor {name!r}; choose one of: {', '.join(EXECUTORS)}")


def executor_for(run: RunConfig) -> Executor:
    """Return the executor that ``[run]`` asks for."""
    return make_executor(run.executor, workers=run.workers, scheduler=run.scheduler)
