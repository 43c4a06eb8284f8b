"""The per-page work that executors run: clean one page, then annotate the article.

These are top-level functions over plain data, so they pickle to worker processes and Dask
workers. They never raise for a bad page: a page that holds no article, or on which cleaning or
annotating broke, comes back as a :class:`~khabar.model.Failure` naming the page and the reason,
and the batch goes on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice

from khabar.annotate import Annotator
from khabar.clean import clean_or_fail
from khabar.clean.scrub import scrub_source, scrub_text
from khabar.config import Config
from khabar.model import AnnotatedArticle, Failure, Page
from khabar.run.base import Executor, chunked
from khabar.run.local import LocalExecutor
from khabar.run.transport import register

register()  # model objects cross the pool's pipes without the dataclass module's pickling

PAGES_PER_TASK = 32
"""Pages sent to a worker as one task: about half a second of work on news articles, so that a
task's round trip (the page worker pickled, results collected in order) is small beside it,
and the workers finish a batch within about a task of each other. (A worker loads the
annotator once, not per task: :func:`process_annotator`.)"""


Chrome = frozenset[str]
"""Lines the page's outlet repeats on its pages (see ``khabar.clean.OutletChrome``)."""

PageTask = Page | tuple[Page, Chrome]
"""A page to process, alone or with its outlet's learned chrome lines."""


REASON_MAX_CHARS = 200
"""Characters of an unexpected error's message kept in a page's failure reason (enough to name
what broke; a long message would only bury the list of errors)."""


def error_detail(exc: BaseException) -> str:
    """An unexpected error in a few words: its type and the start of its message."""
    message = scrub_text(" ".join(str(exc).split())[:REASON_MAX_CHARS])
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def broken_page(page: Page, stage: str, exc: Exception) -> Failure:
    """The failure of a page on which a stage raised something unexpected."""
    detail = error_detail(exc)
    return Failure(
        scrub_source(page.source),
        f"khabar could not {stage} this page ({detail}); the rest of the batch was analysed",
    )


def process_with(
    annotator: Annotator, page: Page, chrome: Chrome = frozenset()
) -> AnnotatedArticle | Failure:
    """Clean and annotate one page with an already loaded annotator; whatever goes wrong on
    this page becomes its Failure."""
    try:
        cleaned = clean_or_fail(page, annotator.config.clean, chrome)
    except Exception as exc:  # one page must never cost the batch
        return broken_page(page, "clean", exc)
    if isinstance(cleaned, Failure):
        return cleaned
    try:
        return annotator(cleaned)
    except Exception as exc:  # one page must never cost the batch
        return broken_page(page, "annotate", exc)


def process_page(
    page: Page, config: Config, chrome: Chrome = frozenset()
) -> AnnotatedArticle | Failure:
    """Clean and annotate one page: the article with its annotations, or why there is none."""
    return process_with(Annotator(config), page, chrome)


def process_pages(pages: Sequence[PageTask], config: Config) -> list[AnnotatedArticle | Failure]:
    """Clean and annotate a chunk of pages with one annotator; results in page order."""
    return PageWorker(config)(pages)


class PageWorker:
    """Cleans and annotates chunks of pages, loading the annotator once per process.

    Pickling sends only the config. In-process, one object serves a whole run with the
    annotator it loads on first use. A process pool or Dask worker gets a fresh copy with each
    task; the copy uses the annotator that worker process keeps (:func:`process_annotator`), so
    a worker loads it once, not once per task (it takes 1.5-2 s, as long as annotating 30-40
    news articles: per task that made a pool of two slower than one process).
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self._annotator: Annotator | None = None
        self._shared = False

    def __call__(self, pages: Sequence[PageTask]) -> list[AnnotatedArticle | Failure]:
        """Clean and annotate ``pages`` (each alone or with its chrome); results in order."""
        if not pages:
            return []
        if self._annotator is None:
            self._annotator = (
                process_annotator(self.config) if self._shared else Annotator(self.config)
            )
        out: list[AnnotatedArticle | Failure] = []
        for task in pages:
            page, chrome = task if isinstance(task, tuple) else (task, frozenset[str]())
            out.append(process_with(self._annotator, page, chrome))
        return out

    def __getstate__(self) -> dict[str, Config]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Config]) -> None:
        self.config = state["config"]
        self._annotator = None
        self._shared = True


@functools.lru_cache(maxsize=1)
def process_annotator(config: Config) -> Annotator:
    """The annotator this process keeps for ``config`` across tasks, loaded on first use (and
    again when a task brings another config: one is kept, the last asked for)."""
    return Annotator(config)


def prepare_workers(executor: Executor, config: Config) -> None:
    """Start ``executor``'s workers with the annotator of ``config`` loaded, while the caller
    does other work (a pool's first results then come without the workers' start-up)."""
    executor.prepare(functools.partial(process_annotator, config))


def wants_pool(executor: Executor, pages: int, config: Config) -> bool:
    """Whether ``pages`` pages go to ``executor``'s process pool: not when it is a local one and
    they are fewer than ``[run] pool_min_pages`` (a pool would not pay for its start)."""
    if not isinstance(executor, LocalExecutor):
        return not executor.in_process
    return not executor.in_process and pages >= config.run.pool_min_pages


def annotate_pages(
    pages: Iterable[PageTask], config: Config, executor: Executor
) -> Iterator[AnnotatedArticle | Failure]:
    """Clean and annotate a stream of pages (alone or with their outlet's chrome lines) on
    ``executor``; one result per page, in order. A local pool is started only once the stream
    has held ``[run] pool_min_pages`` pages; a shorter one is processed in this process."""
    work = PageWorker(config)
    stream = iter(pages)
    if isinstance(executor, LocalExecutor) and not executor.in_process:
        head = list(islice(stream, config.run.pool_min_pages))
        if not wants_pool(executor, len(head), config):
            for chunk in chunked(head, PAGES_PER_TASK):
                yield from work(chunk)
            return
        stream = chain(head, stream)
        prepare_workers(executor, config)
    for results in executor.map(work, chunked(stream, PAGES_PER_TASK)):
        yield from results
