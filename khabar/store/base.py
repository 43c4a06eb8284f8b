"""The store interface: what ``add``, ``export`` and ``watch`` need from a storage backend.

Backends are chosen by name (``sqlite`` today; ``postgres`` would be one more subclass), in the
manner of datasketch's ``Storage``. Rows hold model dataclasses as JSON (see
:mod:`khabar.store.codec`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, ClassVar

from khabar.model import (
    AnnotatedArticle,
    ArticleFlag,
    Claim,
    Contradiction,
    Dossier,
    EntityRecord,
    Event,
    Failure,
    Page,
    Story,
)


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """One new page and what the per-page stages made of it (an article, or why none)."""

    content_hash: str
    page: Page
    result: AnnotatedArticle | Failure


@dataclass(frozen=True, slots=True)
class Collection:
    """The results of the collection stages over every stored article."""

    articles: tuple[AnnotatedArticle, ...]
    """Articles with resolved entity ids, in the order they were added."""
    entities: tuple[EntityRecord, ...] = ()
    events: tuple[Event, ...] = ()
    stories: tuple[Story, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    flags: tuple[ArticleFlag, ...] = ()

    @classmethod
    def from_dossier(cls, dossier: Dossier) -> Collection:
        """The collection results held in a dossier (everything but errors and run info)."""
        return cls(
            articles=dossier.articles,
            entities=dossier.entities,
            events=dossier.events,
            stories=dossier.stories,
            claims=dossier.claims,
            contradictions=dossier.contradictions,
            flags=dossier.flags,
        )

    def to_dossier(
        self, errors: tuple[Failure, ...] = (), meta: tuple[tuple[str, str], ...] = ()
    ) -> Dossier:
        """A dossier of these results, with the inputs that failed and the run information."""
        return Dossier(
            articles=self.articles,
            entities=self.entities,
            events=self.events,
            stories=self.stories,
            claims=self.claims,
            contradictions=self.contradictions,
            flags=self.flags,
            errors=errors,
            meta=meta,
        )


@dataclass(frozen=True, slots=True)
class CollectionDelta:
    """A change to part of the stored collection results (an incremental update).

    Rows of ``write`` replace the stored rows of the same id (keeping their place) or are
    appended; rows whose ids are in the ``drop_*`` sets are deleted; the articles of ``write``
    (with their resolved entity ids) join the collection results and their flags are replaced by
    ``write.flags``.
    """

    write: Collection
    """The recomputed articles and the result rows to write."""
    drop_events: frozenset[str] = frozenset()
    drop_stories: frozenset[str] = frozenset()
    drop_entities: frozenset[str] = frozenset()
    drop_claims: frozenset[str] = frozenset()
    drop_contradictions: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class StoredBatch:
    """What one committed batch put in the store."""

    article_ids: tuple[str, ...]
    failures: int


class Store(ABC):
    """An article store: raw pages, articles, collection results and the runs that made them."""

    backend: ClassVar[str] = ""

    # -- lifecycle -------------------------------------------------------------------------

    @abstractmethod
    def close(self) -> None:
        """Close the connection (idempotent)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def writer(self, timeout_s: float) -> AbstractContextManager[None]:
        """Hold the single-writer lock of the store; StoreError after ``timeout_s`` seconds."""

    # -- runs ------------------------------------------------------------------------------

    @abstractmethod
    def start_run(self, command: str, inputs: Sequence[str]) -> int:
        """Record the start of a run and return its id."""

    @abstractmethod
    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        """Record how a run ended."""

    @abstractmethod
    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first, as plain dicts."""

    # -- per-page results ------------------------------------------------------------------

    @abstractmethod
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes among ``hashes`` whose pages are already stored."""

    @abstractmethod
    def add_source(self, content_hash: str, source: str, run_id: int) -> None:
        """Record one more place a stored page was found."""

    @abstractmethod
    def put_batch(
        self, run_id: int, outcomes: Sequence[PageOutcome], read_failures: Sequence[Failure]
    ) -> StoredBatch:
        """Store pages with their articles or failures in one transaction (all or nothing)."""

    @abstractmethod
    def iter_annotated(self, ids: Iterable[str] | None = None) -> Iterator[AnnotatedArticle]:
        """Articles as the per-page stages made them (unresolved), in insertion order."""

    @abstractmethod
    def iter_resolved(self, ids: Iterable[str] | None = None) -> Iterator[AnnotatedArticle]:
        """Articles with resolved entity ids as last computed, in insertion order."""

    @abstractmethod
    def iter_pages(
        self, skip_kind: str | None = None, latest_per_outlet: int | None = None
    ) -> Iterator[Page]:
        """Stored raw pages in the order added: all, or all but one kind, or only the latest
        ``latest_per_outlet`` pages of each outlet (pages without an outlet key left out)."""

    @abstractmethod
    def count_articles(self) -> int:
        """Number of stored articles."""

    @abstractmethod
    def count_pages(self) -> int:
        """Number of stored raw pages (articles and pages that held none)."""

    @abstractmethod
    def article_ids(self, run_id: int | None = None) -> list[str]:
        """Ids of all stored articles, or of those one run added, in insertion order."""

    @abstractmethod
    def published_between(self, since: str | None, until: str | None) -> set[str]:
        """Ids of articles published within ``[since, until]`` (ISO dates, None = open)."""

    @abstractmethod
    def failures(self) -> list[Failure]:
        """Every input that could not be analysed: read failures first, then clean failures."""

    # -- collection results ----------------------------------------------------------------

    @abstractmethod
    def collection_stale(self) -> bool:
        """True when articles were added since the collection stages last ran to the end."""

    @abstractmethod
    def count_events(self) -> int:
        """Number of stored events."""

    @abstractmethod
    def events_of(self, article_ids: Iterable[str]) -> set[str]:
        """Ids of the stored events that hold any of ``article_ids``."""

    @abstractmethod
    def put_collection(self, run_id: int, collection: Collection) -> None:
        """Replace the collection results in one transaction and mark them current."""

    @abstractmethod
    def load_collection(self) -> Collection:
        """The stored collection results (``articles`` left empty: read them by id)."""

    # -- incremental update ----------------------------------------------------------------

    @abstractmethod
    def pending_ids(self) -> list[str]:
        """Ids of stored articles not yet in the collection results, in insertion order."""

    @abstractmethod
    def publish_days(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The publish day (ISO date, None when undated) of each of the stored articles
        ``ids``, read without decoding the articles."""

    @abstractmethod
    def undated_ids(self) -> set[str]:
        """Ids of stored articles without a publish date."""

    @abstractmethod
    def members_of(self, event_ids: Iterable[str]) -> set[str]:
        """Ids of the articles of the stored events ``event_ids``."""

    @abstractmethod
    def collection_touching(
        self,
        article_ids: Iterable[str],
        entity_ids: Iterable[str] = (),
        claim_ids: Iterable[str] = (),
    ) -> Collection:
        """The stored results that cite any of ``article_ids`` (events, with every event of
        their stories and those stories; entities, claims, contradictions, flags), plus the
        entities and claims of the given ids (``articles`` left empty)."""

    @abstractmethod
    def put_collection_delta(self, run_id: int, delta: CollectionDelta) -> None:
        """Apply a change to part of the collection results in one transaction; mark the
        results current when no stored article is left pending."""
