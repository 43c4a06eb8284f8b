"""The Dask executor on a real two-worker LocalCluster gives exactly what the local one gives."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.events import EventIndex
from khabar.model import AnnotatedArticle, Page
from khabar.pipeline import analyze
from khabar.read import iter_pages
from khabar.run import DaskExecutor, LocalExecutor, process_pages
from khabar.run.base import chunked
from khabar.store import add_paths, open_store

distributed = pytest.importorskip("dask.distributed")

ROOT = Path(__file__).resolve().parents[2]


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


def _scheduler_prefixes(executor: DaskExecutor) -> set[str]:
    """Names of the task kinds the cluster's scheduler has run."""
    client = executor._ensure_client()
    return set(client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes)))


def _ant_days() -> list[AnnotatedArticle]:
    """The labelled ANT days as articles (time expressions, no entity mentions)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    ant_devset = pytest.importorskip("ant_devset")
    bench = pytest.importorskip("bench_events")
    records, _ = ant_devset._load_labelled(ant_devset.default_root(), ant_devset.DEVSET_TSV)
    return [bench.to_annotated(r) for r in records]


def test_dask_event_clustering_equals_local(cluster: object, shared_dir: Path) -> None:
    articles = _ant_days()
    days = sorted({a.article.published for a in articles if a.article.published})
    early = [a for a in articles if a.article.published and a.article.published <= days[1]]
    late = [a for a in articles if a not in early]
    local, local_steps = EventIndex(), EventIndex()
    expected = local.add(articles)
    expected_steps = {**local_steps.add(early), **local_steps.add(late)}
    with DaskExecutor(scheduler=cluster.scheduler_address) as ex:  # type: ignore[attr-defined]
        on_dask, on_dask_steps = EventIndex(), EventIndex()
        got = on_dask.add(articles, ex)
        got_steps = {**on_dask_steps.add(early, ex), **on_dask_steps.add(late, ex)}
        prefixes = _scheduler_prefixes(ex)
    assert {"search", "ProfileWorker"} <= prefixes  # the work ran on the cluster
    assert got == expected
    assert got_steps == expected_steps
    assert on_dask.events() == local.events()
    assert len(set(expected.values())) < len(articles)  # real events, not all singletons


def test_dask_store_add_equals_local_add(cluster: object, seeds_dir: Path, tmp_path: Path) -> None:
    with DaskExecutor(scheduler=cluster.scheduler_address) as ex:  # type: ignore[attr-defined]
        add_paths(tmp_path / "dask.db", [seeds_dir], Config(), executor=ex)
    add_paths(tmp_path / "local.db", [seeds_dir], Config())
    collections = []
    for name in ("dask.db", "local.db"):
        with open_store(tmp_path / name) as store:
            collections.append(store.load_collection())
    on_dask, local = collections
    assert on_dask.events == local.events and len(local.events) == 4
    assert on_dask.claims == local.claims
    assert on_dask.stories == local.stories
