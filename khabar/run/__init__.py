"""Executors for the per-page stages: ``local`` (in-process or a process pool) and ``dask``.

>>> from khabar.run import PageWorker, make_executor
>>> with make_executor("dask", workers=2) as ex:          # doctest: +SKIP
...     results = [r for chunk in ex.map(PageWorker(config), chunks) for r in chunk]
"""

from __future__ import annotations

from khabar.run.base import Executor
from khabar.run.dask_executor import DaskExecutor
from khabar.run.local import LocalExecutor
from khabar.run.registry import EXECUTORS, executor_for, make_executor
from khabar.run.work import (
    PAGES_PER_TASK,
    PageWorker,
    annotate_pages,
    process_page,
    process_pages,
)

__all__ = [
    "EXECUTORS",
    "PAGES_PER_TASK",
    "DaskExecutor",
    "Executor",
    "LocalExecutor",
    "PageWorker",
    "annotate_pages",
    "executor_for",
    "make_executor",
    "process_page",
    "process_pages",
]
