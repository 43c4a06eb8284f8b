"""A dossier out of a store: all of it, or the part about one story, entity or date range.

Without filters the dossier equals what :func:`khabar.pipeline.analyze` gives for the same pages
(apart from the ``created`` time). With filters it is the whole dossier narrowed to the chosen
articles, and every reference in it still resolves: events, stories, entities, claims and
contradictions keep only the articles, events and sides that were chosen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from khabar import __version__
from khabar.config import Config
from khabar.errors import StoreError
from khabar.model import AnnotatedArticle, Dossier, Event
from khabar.pipeline import analyze_annotated
from khabar.store.base import Collection, Store
from khabar.store.registry import open_store

SHOWN_IDS = 5
"""Known ids listed in the error for an unknown story or entity id."""


@dataclass(frozen=True, slots=True)
class DossierFilter:
    """Which part of a store to export; every given condition must hold (None = any)."""

    story: str | None = None
    """Only the articles of this story's events."""
    entity: str | None = None
    """Only the articles that mention this entity."""
    since: date | None = None
    """Only articles published on or after this day."""
    until: date | None = None
    """Only articles published on or before this day."""

    @property
    def empty(self) -> bool:
        """True when the filter lets everything through."""
        return self == DossierFilter()


def _meta() -> tuple[tuple[str, str], ...]:
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    return (("khabar_version", __version__), ("created", created))


def _current(store: Store, config: Config) -> tuple[Collection, bool]:
    """The collection results; computed in memory (not stored) when the store's are stale."""
    if not store.collection_stale():
        return store.load_collection(), False
    dossier = analyze_annotated(list(store.iter_annotated()), config)
    collection = Collection.from_dossier(dossier)
    return collection, True


def _unknown(kind: str, wanted: str, known: Iterable[str]) -> StoreError:
    shown = ", ".join(list(known)[:SHOWN_IDS]) or "none"
    return StoreError(f"no {kind} with id {wanted!r} in the store (some known: {shown})")


def select_articles(store: Store, collection: Collection, filters: DossierFilter) -> set[str]:
    """Ids of the stored articles that pass every condition of ``filters``."""
    chosen: set[str] | None = None
    if filters.story is not None:
        if not any(s.id == filters.story for s in collection.stories):
            raise _unknown("story", filters.story, (s.id for s in collection.stories))
        chosen = {a for e in collection.events if e.story == filters.story for a in e.articles}
    if filters.entity is not None:
        record = next((e for e in collection.entities if e.id == filters.entity), None)
        if record is None:
            raise _unknown("entity", filters.entity, (e.id for e in collection.entities))
        mentioning = set(record.articles)
        chosen = mentioning if chosen is None else chosen & mentioning
    if filters.since is not None or filters.until is not None:
        dated = _dated_between(store, collection.events, filters.since, filters.until)
        chosen = dated if chosen is None else chosen & dated
    return set(store.article_ids()) if chosen is None else chosen


def _dated_between(
    store: Store, events: Iterable[Event], since: date | None, until: date | None
) -> set[str]:
    """Articles published in the range; an undated article counts with its event's date."""
    lo = since.isoformat() if since else None
    hi = until.isoformat() if until else None
    chosen = store.published_between(lo, hi)
    undated = set(store.article_ids()) - store.published_between(None, None)
    for event in events:
        if event.date is None:
            continue
        if (since is None or event.date >= since) and (until is None or event.date <= until):
            chosen.update(a for a in event.articles if a in undated)
    return chosen


def narrow(collection: Collection, chosen: set[str]) -> Collection:
    """The collection results restricted to the ``chosen`` articles, references kept whole."""
    events = []
    for event in collection.events:
        members = tuple(a for a in event.articles if a in chosen)
        if not members:
            continue
        summary = tuple(
            dataclasses.replace(s, also=tuple(a for a in s.also if a in chosen))
            for s in event.summary
            if s.article in chosen
        )
        events.append(dataclasses.replace(event, articles=members, summary=summary))
    kept_events = {e.id for e in events}
    stories = []
    for story in collection.stories:
        story_events = tuple(e for e in story.events if e in kept_events)
        if story_events:
            stories.append(dataclasses.replace(story, events=story_events))
    entities = [
        dataclasses.replace(e, articles=tuple(a for a in e.articles if a in chosen))
        for e in collection.entities
        if any(a in chosen for a in e.articles)
    ]
    claims = []
    for claim in collection.claims:
        sources = tuple(s for s in claim.sources if s.article in chosen)
        if sources:
            kept_event = claim.event if claim.event in kept_events else None
            claims.append(dataclasses.replace(claim, sources=sources, event=kept_event))
    kept_claims = {c.id for c in claims}
    contradictions = [
        dataclasses.replace(c, claim=c.claim if c.claim in kept_claims else None)
        for c in collection.contradictions
        if all(side.article in chosen for side in c.sides)
    ]
    return Collection(
        articles=tuple(a for a in collection.articles if a.id in chosen),
        entities=tuple(entities),
        events=tuple(events),
        stories=tuple(stories),
        claims=tuple(claims),
        contradictions=tuple(contradictions),
        flags=tuple(f for f in collection.flags if f.article in chosen),
    )


def export_dossier(
    db: str | Path, filters: DossierFilter | None = None, config: Config | None = None
) -> Dossier:
    """The dossier of everything in the store ``db``, or of the part ``filters`` chooses."""
    config = config or Config()
    filters = filters or DossierFilter()
    with open_store(db, create=False) as store:
        collection, fresh = _current(store, config)
        if filters.empty:
            articles: tuple[AnnotatedArticle, ...] = (
                collection.articles if fresh else tuple(store.iter_resolved())
            )
            whole = dataclasses.replace(collection, articles=articles)
            errors = tuple(store.failures())
        else:
            chosen = select_articles(store, collection, filters)
            if fresh:
                articles = tuple(a for a in collection.articles if a.id in chosen)
            else:
                articles = tuple(store.iter_resolved(chosen))
            whole = narrow(dataclasses.replace(collection, articles=articles), chosen)
            errors = ()
    return whole.to_dossier(errors, _meta())
