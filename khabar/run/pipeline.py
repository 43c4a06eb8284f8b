"""The pipeline with its per-page stages (clean → annotate) run by an executor."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.clean import OutletChrome
from khabar.config import Config, RunConfig
from khabar.model import AnnotatedArticle, Dossier, Failure
from khabar.pipeline import Progress, analyze_annotated, read_all
from khabar.run.base import Executor, chunked
from khabar.run.registry import make_executor
from khabar.run.work import PAGES_PER_TASK, PageTask, PageWorker


def _no_progress(stage: str, done: int, total: int | None) -> None:
    """Ignore progress reports."""


def executor_for(run: RunConfig) -> Executor:
    """Return the executor that ``[run]`` asks for."""
    return make_executor(run.executor, workers=run.workers, scheduler=run.scheduler)


def annotate_pages(
    pages: Iterable[PageTask], config: Config, executor: Executor
) -> Iterator[AnnotatedArticle | Failure]:
    """Clean and annotate a stream of pages (alone or with their outlet's chrome lines) on
    ``executor``; one result per page, in order."""
    work = PageWorker(config)
    chunks = chunked(pages, PAGES_PER_TASK)
    for results in executor.map(work, chunks):
        yield from results


def _unique_ids(annotated: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """Give repeated article ids a numeric suffix, as ``khabar.pipeline.dedupe_ids`` does."""
    seen: dict[str, int] = {}
    out: list[AnnotatedArticle] = []
    for item in annotated:
        n = seen.get(item.id, 0)
        seen[item.id] = n + 1
        if n:
            article = dataclasses.replace(item.article, id=f"{item.id}-{n + 1}")
            item = dataclasses.replace(item, article=article)
        out.append(item)
    return out


def analyze_with_executor(
    paths: Iterable[str | Path] | str | Path,
    config: Config | None = None,
    progress: Progress = _no_progress,
    executor: Executor | None = None,
) -> Dossier:
    """Like :func:`khabar.pipeline.analyze`, with clean → annotate run on an executor.

    Uses ``executor`` when given (left open), else the one ``config.run`` names (closed after).
    """
    config = config or Config()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    pages, read_failures = read_all(paths, config, progress)
    learner = OutletChrome().fit(pages) if config.clean.learn_outlet_chrome else None
    tasks = [(p, learner.chrome_for(p) if learner else frozenset[str]()) for p in pages]
    clean_failures: list[Failure] = []
    annotated: list[AnnotatedArticle] = []
    owned = executor is None
    runner = executor if executor is not None else executor_for(config.run)
    try:
        for done, result in enumerate(annotate_pages(tasks, config, runner), 1):
            if isinstance(result, Failure):
                clean_failures.append(result)
            else:
                annotated.append(result)
            progress("annotate", done, len(tasks))
    finally:
        if owned:
            runner.close()
    return analyze_annotated(
        _unique_ids(annotated), config, [*read_failures, *clean_failures], progress
    )
