"""The whole pipeline: pages in, a :class:`~khabar.model.Dossier` out.

Per-page stages (read, clean, annotate) are pure functions over frozen dataclasses; the
collection stages (entity resolution, events, claims, summaries) run after them over all
articles. ``analyze`` is the one-shot path; the store (``khabar.store``) reuses the same stages.
"""

from __future__ import annotations

import dataclasses
import gc
import glob
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, MutableSequence, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from khabar import __version__
from khabar.claims import analyze_claims
from khabar.clean import OutletChrome, settle_annotated
from khabar.clean.scrub import scrub_failure, scrub_source
from khabar.config import Config, ReadConfig
from khabar.entities import resolve_entities
from khabar.events import build_events, retitle_events
from khabar.events.copies import copy_map, republished_flags
from khabar.model import AnnotatedArticle, Dossier, Failure, Page
from khabar.read import iter_pages
from khabar.read.fetch import NOT_FETCHED, Fetcher, is_url
from khabar.read.reader import GLOB_CHARS, STDIN_PATH
from khabar.run import Executor, LocalExecutor, annotate_pages, executor_for
from khabar.run.collector import batch_collection
from khabar.run.work import PAGES_PER_TASK, error_detail, prepare_workers, wants_pool
from khabar.summary import summarize_event

_log = logging.getLogger(__name__)

UNRELIABLE_HEADLINE_FLAGS = frozenset({"headline_body_mismatch"})
"""Article flags that disqualify a headline from naming its event or story."""

Progress = Callable[[str, int, int | None], None]
"""Called as ``progress(stage, done, total)``; ``total`` is None when unknown."""


def no_progress(stage: str, done: int, total: int | None) -> None:
    """Ignore progress reports."""


def read_inputs(paths: Iterable[str | Path], cfg: ReadConfig) -> Iterator[Page | Failure]:
    """Stream the pages and failures of each input in turn, failures with names fit to show.

    A reader that breaks on one input ends that input with a Failure (its pages read so far
    are kept) and the next input is read: one bad file never costs the batch. Web addresses
    share one polite fetcher (robots.txt read once per host, pauses between requests)."""
    with Fetcher(cfg) as fetcher:
        for path in paths:
            name = os.fspath(path)
            try:
                # only a web address needs the batch's fetcher; a path is read as it is
                items = (
                    iter_pages([name], cfg, fetcher) if is_url(name) else iter_pages([name], cfg)
                )
                for item in items:
                    yield scrub_failure(item) if isinstance(item, Failure) else item
            except Exception as exc:  # one input must never cost the batch
                yield Failure(
                    scrub_source(name),
                    f"khabar could not read this input to its end ({error_detail(exc)}); "
                    "the rest of the batch was read",
                )


def missing_paths(paths: Iterable[str | Path]) -> list[str]:
    """The inputs that name nothing: no file, folder or link target by that name, and no file
    matching it as a glob pattern. ``-`` (standard input) and web addresses are never missing
    (a fetch that fails is told by :func:`not_fetched`). The command exits non-zero for these
    after analysing the rest."""
    missing = []
    for path in paths:
        name = os.fspath(path)
        if name == STDIN_PATH or is_url(name) or os.path.exists(name):
            continue
        if GLOB_CHARS & set(name) and glob.glob(name, recursive=True):
            continue
        missing.append(name)
    return missing


def not_fetched(failures: Iterable[Failure]) -> list[Failure]:
    """The failures of web addresses that could not be fetched (refused by robots.txt, an
    error status, a timeout, over the size limit); the command exits non-zero for these."""
    return [f for f in failures if f.error.startswith(NOT_FETCHED)]


def read_all(
    paths: Iterable[str | Path], config: Config, progress: Progress = no_progress
) -> tuple[list[Page], list[Failure]]:
    """Read every input; return the pages and the inputs that could not be read."""
    pages: list[Page] = []
    failures: list[Failure] = []
    progress("read", 0, None)
    for item in read_inputs(paths, config.read):
        (pages if isinstance(item, Page) else failures).append(item)  # type: ignore[arg-type]
        progress("read", len(pages) + len(failures), None)
    return pages, failures


def dedupe_ids(annotated: Sequence[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """Give repeated article ids (the same page read twice) a numeric suffix."""
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


@batch_collection()
def annotate_all(
    pages: Sequence[Page],
    config: Config,
    executor: Executor,
    progress: Progress = no_progress,
    *,
    release: bool = False,
    freeze: bool = False,
) -> tuple[list[AnnotatedArticle], list[Failure]]:
    """Clean and annotate pages on ``executor``, each with its outlet's learned chrome lines.

    The pages go through in chunks (:data:`khabar.run.work.PAGES_PER_TASK`); with ``release``
    (``pages`` then a mutable sequence this call owns) it is emptied first, so that each raw
    page is dropped once its chunk is cleaned and annotated instead of living as long as the
    batch. With ``freeze``, what exists after each chunk is frozen out of the garbage
    collector's scans (``gc.freeze``; the caller unfreezes): the articles annotated so far live
    to the end of the run, and each full collection would otherwise walk them all again (on
    1,000 ANT articles: 0.57 -> 0.15 CPU s of collection while annotating, nothing left
    uncollected)."""
    total = len(pages)
    progress("annotate", 0, total)
    if wants_pool(executor, total, config):
        prepare_workers(executor, config)  # workers start while the chrome is learned
    # the outlets' chrome is learned from the whole batch before any page is cleaned
    learner = OutletChrome().fit(pages) if config.clean.learn_outlet_chrome else None
    queue = deque(pages)
    if release and isinstance(pages, MutableSequence):
        del pages[:]

    def tasks() -> Iterator[tuple[Page, frozenset[str]]]:
        while queue:
            page = queue.popleft()
            yield page, learner.chrome_for(page) if learner else frozenset[str]()

    annotated: list[AnnotatedArticle] = []
    failures: list[Failure] = []
    for done, result in enumerate(annotate_pages(tasks(), config, executor), 1):
        (failures if isinstance(result, Failure) else annotated).append(result)  # type: ignore[arg-type]
        progress("annotate", done, total)
        if freeze and done % PAGES_PER_TASK == 0:
            gc.freeze()
    return dedupe_ids(annotated), failures


COLLECTION_SOURCE = "(collection)"
"""The source named by the error entry of a collection stage that broke: it concerns the whole
batch, not one input."""

_T = TypeVar("_T")


class _StageGuard:
    """Runs a collection stage so that a bug in it costs that stage's output, never the batch:
    the articles and every other stage's results are still written, and the dossier's errors
    say which stage is missing and why (each stage reported once)."""

    def __init__(self, failures: list[Failure]) -> None:
        self.failures = failures
        self.broken: set[str] = set()

    def __call__(self, stage: str, fallback: _T, run: Callable[..., _T], *args: object) -> _T:
        """``run(*args)``, or ``fallback`` when it raises."""
        try:
            return run(*args)
        except Exception as exc:  # a stage's bug must not lose the batch
            _log.exception("collection stage %s failed", stage)
            if stage not in self.broken:
                self.broken.add(stage)
                self.failures.append(
                    Failure(
                        COLLECTION_SOURCE,
                        f"khabar could not compute the {stage} of this collection "
                        f"({error_detail(exc)}); the articles and the other results were kept",
                    )
                )
            return fallback


@batch_collection()
def analyze_annotated(
    annotated: Sequence[AnnotatedArticle],
    config: Config,
    failures: Sequence[Failure] = (),
    progress: Progress = no_progress,
    executor: Executor | None = None,
) -> Dossier:
    """Run the collection stages (entities, events, claims, summaries) over annotated articles.

    With an ``executor`` (left open), event clustering's per-article work and candidate search
    run on it; the dossier is the same as without. A local process pool is not used here: its
    workers cost more to send clustering's tasks to than to run them here (see ``analyze``)."""
    if isinstance(executor, LocalExecutor):
        executor = None
    stage_failures: list[Failure] = []
    guard = _StageGuard(stage_failures)
    # one display name per outlet over the whole collection (a site seen with and without its
    # og:site_name), before any stage groups or compares articles by outlet
    annotated = guard("outlet names", list(annotated), settle_annotated, annotated)
    n = len(annotated)
    progress("entities", 0, n)
    resolved, entities = guard(
        "entities", (list(annotated), []), resolve_entities, annotated, config.entities
    )
    progress("entities", n, n)
    progress("events", 0, n)
    events, stories = guard(
        "events", ([], []), build_events, resolved, entities, config.events, executor
    )
    progress("events", n, n)
    progress("claims", 0, n)
    # republished copies, found once: the claims stage counts each text once with them
    copy_of = guard("copies", {}, copy_map, resolved, events)
    claims = guard(
        "claims", None, analyze_claims, resolved, events, stories, entities, config.claims, copy_of
    )
    progress("claims", n, n)
    if claims is not None:
        unreliable = {f.article for f in claims.flags if f.flag.kind in UNRELIABLE_HEADLINE_FLAGS}
        events, stories = guard(
            "event titles", (events, stories), retitle_events, events, stories, resolved, unreliable
        )
    copies = republished_flags(copy_of)
    by_id = {a.id: a for a in resolved}
    summarized = []
    terms: dict[str, str] = {}  # each word's content term, worked out once for all summaries
    progress("summaries", 0, len(events))
    for i, event in enumerate(events, 1):
        members = [by_id[a] for a in event.articles if a in by_id]
        summary = guard(
            "summaries", event.summary, summarize_event, event, members, config.summary, terms
        )
        summarized.append(dataclasses.replace(event, summary=summary))
        progress("summaries", i, len(events))
    meta = (
        ("khabar_version", __version__),
        ("created", datetime.now(UTC).replace(microsecond=0).isoformat()),
    )
    return Dossier(
        articles=tuple(resolved),
        events=tuple(summarized),
        stories=tuple(stories),
        entities=tuple(entities),
        claims=tuple(claims.claims) if claims is not None else (),
        contradictions=tuple(claims.contradictions) if claims is not None else (),
        flags=(*(claims.flags if claims is not None else ()), *copies),
        errors=(*failures, *stage_failures),
        meta=meta,
    )


Input = str | os.PathLike[str] | Page
"""What :func:`analyze` reads: a path (file, folder, glob, ``-``, web address) or a page made
in memory (:meth:`Page.from_html`, :meth:`Page.from_text`)."""


@batch_collection()
def analyze(
    inputs: Iterable[Input] | Input,
    config: Config | None = None,
    progress: Progress = no_progress,
    executor: Executor | None = None,
) -> Dossier:
    """Analyse files, folders (recursively), globs, archives, web addresses and pages held in
    memory into a dossier.

    Per-page stages run on ``executor`` when given (left open), else on the one ``config.run``
    names (closed after); on Dask, clustering's candidate search does too. A local process
    pool serves the per-page stages only and, when made here, ends with them: clustering's
    tasks cost more to send to its workers than to run here (1,000 ANT articles, two workers:
    events 3.1 + 7.1 and 2.7 + 6.2 CPU s, main process + workers, against 5.8 and 6.9
    in-process, and no less wall time).
    Every input ends up in ``Dossier.articles`` or ``Dossier.errors``.
    """
    config = config or Config()
    if isinstance(inputs, (str, os.PathLike, Page)):
        inputs = [inputs]
    given = list(inputs)
    paths = [i for i in given if not isinstance(i, Page)]
    pages, read_failures = read_all(paths, config, progress)
    pages = [*(i for i in given if isinstance(i, Page)), *pages]
    del given, inputs  # the pages given in memory are in ``pages``, dropped once annotated
    runner = executor if executor is not None else executor_for(config.run)
    local_pool = isinstance(runner, LocalExecutor)
    try:
        annotated, clean_failures = annotate_all(
            pages, config, runner, progress, release=True, freeze=True
        )
        if local_pool and executor is None:
            runner.close()  # its workers and their annotators are not needed any more
        failures = [*read_failures, *clean_failures]
        # What exists now (the tagger, the annotated articles) lives to the end of the run: kept
        # out of the collector's scans, which otherwise walk it again and again as the
        # collection stages allocate (about a tenth of the CPU of a run, see PROFILE).
        gc.freeze()
        collection = None if local_pool else runner
        return analyze_annotated(annotated, config, failures, progress, collection)
    finally:
        gc.unfreeze()
        if executor is None:
            runner.close()
