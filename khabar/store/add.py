"""Incremental adding: new pages into a store, then the collection stages brought up to date.

Pages are streamed from the inputs, processed and committed in batches, so memory stays bounded
by the batch size while the store grows; a page whose bytes are already stored is skipped. A run
killed at any point leaves every committed batch in place and no half-stored page; running the
same ``add`` again finishes the work.

The collection update after an add is incremental (:func:`update_incremental`): the articles not
yet in the collection results, the stored ones published within the event window of their days,
and the members of those articles' events are clustered again (entities, events, stories,
claims, summaries), so new articles join stored events or start new ones; the results of every
other article stay as stored. Memory and time grow with the new articles and their window, not
with the store.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from khabar.clean import OutletChrome, content_hash
from khabar.config import Config
from khabar.events.cluster import MAX_PUBLISH_GAP_DAYS
from khabar.model import Failure, Page
from khabar.pipeline import Progress, analyze_annotated, no_progress, read_inputs
from khabar.run import Executor, LocalExecutor, annotate_pages, make_executor
from khabar.run.base import chunked
from khabar.run.work import PageTask
from khabar.store.base import Collection, PageOutcome, Store
from khabar.store.merge import merge_delta
from khabar.store.registry import open_store

BATCH_PAGES = 256
"""Pages committed together. Bounds the memory of an add (a few MB of pages and annotations
waiting to be written) and the work a crash can lose; larger batches save only commit overhead.
Processing does not wait for commits: pages keep streaming through the executor."""

LOOKUP_PAGES = 64
"""Pages whose content hashes are looked up in the store in one query."""

CHROME_STORED_PAGES = 1000
"""Latest stored pages per outlet that outlet-chrome learning reads at each add. Menus and
footers are on nearly every page, so a thousand recent pages find them as well as the whole
history, while time and memory stay bounded as the store grows (and track a redesign)."""

WINDOW_DAYS = MAX_PUBLISH_GAP_DAYS
"""Days around a new article's publish day whose stored articles are clustered again with it:
event clustering never joins reports published further apart (khabar.events.cluster), so
articles outside the window cannot join the new article's event."""

UPDATE_CHUNK_ARTICLES = 4000
"""Pending articles (in publish-date order, a day never cut) brought up to date together when
an add leaves more than this many: each chunk is clustered with its window of stored articles
and merged in, as that many adds one after the other would do. Holding every article of a big
add for one full update is what made one add of the 31.5k ANT articles (30,414 stored) peak at
5.0 GB; a chunk at a time it peaks at 1.2 GB, with events at BCubed F1 0.995 against the one-step
update's (benchmarks/results_store.md). Stories continue a stored story only through the
window's articles, so a chain with a gap of more than WINDOW_DAYS between chunks is split, as
with adds one after the other (there 6,445 stories against 4,249). Below this many pending
articles the update is one step, as before."""

LOCK_TIMEOUT_S = 600.0
"""Seconds an add waits for another writer of the same store (``khabar add --wait``) before
failing with StoreError. A second add queues behind the first: ten minutes covers an add of a
few thousand pages on a small machine; a stuck writer still ends in an error, not a hang."""


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one ``add`` did to a store."""

    added: int
    """New articles stored."""
    skipped_duplicates: int
    """Pages whose bytes were already stored (or repeated within this add)."""
    failed: int
    """Inputs that could not be read, or pages that held no article."""
    events_touched: int
    """Events that now hold an article added by this run."""
    articles_total: int
    """Articles in the store after the run."""
    events_total: int
    """Events in the store after the run."""
    run_id: int
    seconds: float
    updated: bool = True
    """False when the collection results are stale (left for a later update or refresh)."""
    recomputed: int = 0
    """Articles whose collection results this run recomputed (the affected ones)."""


def update_collection(
    store: Store,
    config: Config,
    run_id: int,
    progress: Progress = no_progress,
    executor: Executor | None = None,
) -> Collection:
    """Run the collection stages over every stored article and store their results (event
    clustering's candidate search on ``executor`` when given)."""
    annotated = list(store.iter_annotated())
    dossier = analyze_annotated(annotated, config, (), progress, executor)
    collection = Collection.from_dossier(dossier)
    store.put_collection(run_id, collection)
    return collection


def affected_articles(store: Store, pending: Sequence[str]) -> set[str]:
    """The articles an update of ``pending`` articles recomputes: those, the stored ones
    published within :data:`WINDOW_DAYS` of any of their publish days, the stored undated ones
    (clustering compares them with every article), and every member of the events these belong
    to (so that no stored event is split). All articles when a pending one is undated: it may
    join an event of any date."""
    published = set(store.publish_days(pending).values())  # the column: no article decoded
    if None in published:
        return set(store.article_ids())
    days = sorted(date.fromisoformat(day) for day in published)  # type: ignore[arg-type]
    ranges: list[list[date]] = []
    for day in days:
        lo, hi = day - timedelta(WINDOW_DAYS), day + timedelta(WINDOW_DAYS)
        if ranges and lo <= ranges[-1][1] + timedelta(1):
            ranges[-1][1] = hi
        else:
            ranges.append([lo, hi])
    near: set[str] = set(pending) | store.undated_ids()
    for lo, hi in ranges:
        near |= store.published_between(lo.isoformat(), hi.isoformat())
    return near | store.members_of(store.events_of(near))


def update_incremental(
    store: Store,
    config: Config,
    run_id: int,
    progress: Progress = no_progress,
    executor: Executor | None = None,
    chunk_articles: int = UPDATE_CHUNK_ARTICLES,
) -> int:
    """Bring the collection results up to date with the pending articles by recomputing the
    affected ones only (:func:`affected_articles`); return how many were recomputed.

    When every stored article is affected this is :func:`update_collection` (and so equal to
    ``analyze``); otherwise the partial results are merged into the stored ones
    (:func:`khabar.store.merge.merge_delta`) and the rest of the collection stays as it is.
    More than ``chunk_articles`` dated pending articles are brought up to date a chunk of
    days at a time (:data:`UPDATE_CHUNK_ARTICLES`).
    """
    pending = store.pending_ids()
    if not pending:
        if not store.collection_stale():
            return 0
        # Stale with nothing pending: results written by something other than an update.
        return len(update_collection(store, config, run_id, progress, executor).articles)
    if len(pending) > chunk_articles:
        chunks = _day_chunks(store.publish_days(pending), chunk_articles)
        if len(chunks) > 1:
            return sum(
                _update(store, config, run_id, chunk, progress, executor) for chunk in chunks
            )
    return _update(store, config, run_id, pending, progress, executor)


def _day_chunks(days: dict[str, str | None], size: int) -> list[list[str]]:
    """The pending articles (id → publish day) in publish-date order, cut into chunks of about
    ``size`` between days; one chunk when any is undated (it may join an event of any date)."""
    by_day: dict[str, list[str]] = {}
    for article_id, day in days.items():
        if day is None:
            return [sorted(days)]
        by_day.setdefault(day, []).append(article_id)
    chunks: list[list[str]] = [[]]
    for day in sorted(by_day):
        if len(chunks[-1]) >= size:
            chunks.append([])
        chunks[-1].extend(sorted(by_day[day]))
    return chunks


def _update(
    store: Store,
    config: Config,
    run_id: int,
    pending: Sequence[str],
    progress: Progress,
    executor: Executor | None,
) -> int:
    """Recompute the articles ``pending`` affects and store the results; how many."""
    affected = affected_articles(store, pending)
    if len(affected) >= store.count_articles():
        update_collection(store, config, run_id, progress, executor)
        return len(affected)
    annotated = list(store.iter_annotated(affected))
    dossier = analyze_annotated(annotated, config, (), progress, executor)
    del annotated
    old = store.collection_touching(
        affected, (e.id for e in dossier.entities), (c.id for c in dossier.claims)
    )
    store.put_collection_delta(run_id, merge_delta(old, dossier, affected))
    return len(affected)


@dataclass
class _Tally:
    """Running counts of one add (mutable, local to one call)."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    seen: int = 0


def learn_chrome(store: Store, paths: Sequence[str], config: Config) -> OutletChrome | None:
    """Learn each outlet's repeated lines from the stored pages and the new ones of ``paths``.

    The same lines ``khabar.pipeline.analyze`` would learn from these pages at once (stored
    pages: the latest :data:`CHROME_STORED_PAGES` of each outlet); None when ``[clean]
    learn_outlet_chrome`` is off. Reads the inputs once more.
    """
    if not config.clean.learn_outlet_chrome:
        return None
    seen: set[str] = set()

    def pages() -> Iterator[Page]:
        # The learner ignores HTML pages and pages without an outlet key.
        yield from store.iter_pages(skip_kind="html", latest_per_outlet=CHROME_STORED_PAGES)
        for chunk in chunked(read_inputs(paths, config.read), LOOKUP_PAGES):
            fresh = [
                (content_hash(p.data), p) for p in chunk if isinstance(p, Page) and p.kind != "html"
            ]
            known = store.known_hashes(digest for digest, _ in fresh)
            for digest, page in fresh:
                if digest not in known and digest not in seen:
                    seen.add(digest)
                    yield page

    return OutletChrome().fit(pages())  # type: ignore[arg-type]  # fit reads pages once


class _Intake:
    """Draws inputs, drops pages already stored, and remembers what is in flight (one add)."""

    def __init__(
        self, store: Store, run_id: int, tally: _Tally, chrome: OutletChrome | None
    ) -> None:
        self.store = store
        self.chrome = chrome
        self.run_id = run_id
        self.tally = tally
        self.read_failures: list[Failure] = []
        """Inputs that could not be read, waiting for the next commit."""
        self.in_flight: deque[tuple[str, Page]] = deque()
        """Pages sent for processing whose results are not yet back, in order."""
        self.repeats: list[tuple[str, str]] = []
        """``(content hash, source)`` of pages repeated within this add whose first copy is
        not yet known to be stored: their place is recorded once it is."""
        self._taken: set[str] = set()

    def fresh_pages(self, items: Iterator[Page | Failure]) -> Iterator[PageTask]:
        """Yield the pages not yet stored (nor seen earlier in this add) with their outlet's
        chrome lines, recording them as in flight."""
        for chunk in chunked(items, LOOKUP_PAGES):
            self.tally.seen += len(chunk)
            pages = []
            for item in chunk:
                if isinstance(item, Page):
                    pages.append((content_hash(item.data), item))
                else:
                    self.read_failures.append(item)
            known = self.store.known_hashes(digest for digest, _ in pages)
            for digest, page in pages:
                if digest in known or digest in self._taken:
                    self.tally.skipped += 1
                    if digest in known:
                        self.store.add_source(digest, page.source, self.run_id)
                    else:
                        self.repeats.append((digest, page.source))
                    continue
                self._taken.add(digest)
                self.in_flight.append((digest, page))
                yield (page, self.chrome.chrome_for(page) if self.chrome else frozenset())

    def record_repeats(self) -> None:
        """Record the places of repeated pages whose first copy is now stored."""
        if not self.repeats:
            return
        stored = self.store.known_hashes(digest for digest, _ in self.repeats)
        for digest, source in self.repeats:
            if digest in stored:
                self.store.add_source(digest, source, self.run_id)
        self.repeats = [(d, s) for d, s in self.repeats if d not in stored]


def _add_stream(
    store: Store,
    paths: Sequence[str],
    config: Config,
    executor: Executor,
    run_id: int,
    batch_pages: int,
    tally: _Tally,
    progress: Progress,
) -> None:
    """Stream the inputs through the executor, committing every ``batch_pages`` results."""
    intake = _Intake(store, run_id, tally, learn_chrome(store, paths, config))
    items = read_inputs(paths, config.read)
    outcomes: list[PageOutcome] = []

    def commit() -> None:
        stored = store.put_batch(run_id, outcomes, intake.read_failures)
        tally.added += len(stored.article_ids)
        tally.failed += stored.failures
        outcomes.clear()
        intake.read_failures = []
        intake.record_repeats()
        progress("add", tally.seen, None)

    for result in annotate_pages(intake.fresh_pages(items), config, executor):
        digest, page = intake.in_flight.popleft()
        outcomes.append(PageOutcome(digest, page, result))
        if len(outcomes) >= batch_pages:
            commit()
    if outcomes or intake.read_failures or intake.repeats:
        commit()


def add_paths(
    db: str | Path,
    paths: Sequence[str | Path] | str | Path,
    config: Config | None = None,
    progress: Progress = no_progress,
    *,
    executor: Executor | None = None,
    batch_pages: int = BATCH_PAGES,
    lock_timeout_s: float = LOCK_TIMEOUT_S,
    update: bool = True,
) -> AddReport:
    """Add the pages of files, folders, globs and archives to the store ``db``.

    Already stored pages are skipped; new ones are cleaned, annotated and committed in batches;
    then (unless ``update`` is False) entities, events and claims are brought up to date. Uses
    ``executor`` when given (left open), else the one ``config.run`` names.
    """
    config = config or Config()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    started = time.monotonic()
    tally = _Tally()
    owned = executor is None
    runner = executor if executor is not None else _executor(config)
    try:
        with open_store(db) as store, store.writer(lock_timeout_s):
            run_id = store.start_run("add", [str(p) for p in paths])
            try:
                inputs = [str(p) for p in paths]
                _add_stream(store, inputs, config, runner, run_id, batch_pages, tally, progress)
                if owned and isinstance(runner, LocalExecutor):
                    runner.close()  # its workers' memory is not needed by the collection stages
                recomputed = 0
                if update and store.collection_stale():
                    recomputed = update_incremental(store, config, run_id, progress, runner)
                events_touched = len(store.events_of(store.article_ids(run_id)))
                report = AddReport(
                    added=tally.added,
                    skipped_duplicates=tally.skipped,
                    failed=tally.failed,
                    events_touched=events_touched,
                    articles_total=store.count_articles(),
                    events_total=store.count_events(),
                    run_id=run_id,
                    seconds=round(time.monotonic() - started, 3),
                    updated=not store.collection_stale(),
                    recomputed=recomputed,
                )
            except BaseException:
                store.finish_run(run_id, "failed", _counts(tally))
                raise
            store.finish_run(run_id, "done", _counts(tally))
    finally:
        if owned:
            runner.close()
    return report


def _counts(tally: _Tally) -> dict[str, int]:
    return {"added": tally.added, "skipped_duplicates": tally.skipped, "failed": tally.failed}


def _executor(config: Config) -> Executor:
    """The executor ``[run]`` names."""
    return make_executor(config.run.executor, config.run.workers, config.run.scheduler)


def refresh(
    db: str | Path,
    config: Config | None = None,
    progress: Progress = no_progress,
    lock_timeout_s: float = LOCK_TIMEOUT_S,
    executor: Executor | None = None,
) -> bool:
    """Bring the collection stages of ``db`` up to date; True when they had to be recomputed.

    Event clustering's candidate search runs on ``executor`` when given (left open)."""
    config = config or Config()
    with open_store(db, create=False) as store, store.writer(lock_timeout_s):
        if not store.collection_stale():
            return False
        run_id = store.start_run("refresh", [])
        update_collection(store, config, run_id, progress, executor)
        store.finish_run(run_id, "done", {})
        return True
