"""The Dask executor on a real two-worker LocalCluster gives exactly what the local one gives."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.model import Page
from khabar.pipeline import analyze
from khabar.read import iter_pages
from khabar.run import DaskExecutor, LocalExecutor, process_pages
from khabar.run.base import chunked

distributed = pytest.importorskip("dask.distributed")


def _negate_slowly(x: int) -> int:
    import time

    time.sleep(0.01 * (x % 3))
    return -x


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local_cluster:
        yield local_cluster


def test_dask_executor_keeps_input_order(cluster: object) -> None:
    with DaskExecutor(scheduler=cluster.scheduler_address) as ex:  # type: ignore[attr-defined]
        assert list(ex.map(_negate_slowly, range(20))) == [-x for x in range(20)]


def test_dask_per_page_results_equal_local_ones(cluster: object, seeds_dir: Path) -> None:
    config = Config()
    pages = [p for p in iter_pages([str(seeds_dir)], config.read) if isinstance(p, Page)]
    work = functools.partial(process_pages, config=config)
    chunks = list(chunked(pages, 2))
    with LocalExecutor() as local:
        expected = [r for chunk in local.map(work, chunks) for r in chunk]
    with DaskExecutor(scheduler=cluster.scheduler_address) as ex:  # type: ignore[attr-defined]
        got = [r for chunk in ex.map(work, chunks) for r in chunk]
    assert got == expected
    assert len(got) == len(pages) == 5


def test_dask_dossier_equals_local_dossier(cluster: object, seeds_dir: Path) -> None:
    config = Config()
    with DaskExecutor(scheduler=cluster.scheduler_address) as ex:  # type: ignore[attr-defined]
        on_dask = analyze([seeds_dir], config, executor=ex)
    local = analyze([seeds_dir], config)
    assert on_dask.articles == local.articles
    assert on_dask.events == local.events
    assert on_dask.claims == local.claims
