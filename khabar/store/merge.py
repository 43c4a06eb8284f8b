"""Merging the collection results of the affected articles into the stored ones (pure functions).

An incremental update recomputes entities, events, stories, claims and summaries over the
*affected* articles only (the new ones, the stored ones published within the event window of
their days, and every member of the events those belong to). :func:`merge_delta` turns that
partial result and the stored results it touches into a :class:`~khabar.store.base.CollectionDelta`:

- events of the affected articles are replaced by the recomputed ones (the window closure keeps
  every such event whole, so no stored event is split);
- a recomputed story continues the stored story most of its articles belonged to (same id, the
  story's events outside the window kept), else it is a new story; a stored story that lost all
  its events is dropped;
- entities and claims keep the articles (sources) they cite outside the window, joined by id
  with the recomputed ones; contradictions and flags of the affected articles are replaced.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence, Set

from khabar.events.stories import time_key
from khabar.model import Claim, Dossier, EntityRecord, Event, Story
from khabar.store.base import Collection, CollectionDelta


def merge_delta(old: Collection, fresh: Dossier, affected: Set[str]) -> CollectionDelta:
    """The change that puts ``fresh`` (results over the ``affected`` articles) into the stored
    results, given ``old``: the stored results touching those articles."""
    touched = [e for e in old.events if any(a in affected for a in e.articles)]
    kept = [e for e in old.events if not any(a in affected for a in e.articles)]
    events, stories, dropped_stories = _merge_stories(
        old.stories, touched, kept, fresh.events, fresh.stories
    )
    fresh_ids = {e.id for e in events}
    entities, dropped_entities = _merge_entities(old.entities, fresh.entities, affected)
    claims, dropped_claims = _merge_claims(old.claims, fresh.claims, affected)
    fresh_contradictions = {c.id for c in fresh.contradictions}
    return CollectionDelta(
        write=Collection(
            articles=fresh.articles,
            events=tuple(events),
            stories=tuple(stories),
            entities=tuple(entities),
            claims=tuple(claims),
            contradictions=fresh.contradictions,
            flags=fresh.flags,
        ),
        drop_events=frozenset(e.id for e in touched) - fresh_ids,
        drop_stories=frozenset(dropped_stories),
        drop_entities=frozenset(dropped_entities),
        drop_claims=frozenset(dropped_claims),
        drop_contradictions=frozenset(c.id for c in old.contradictions) - fresh_contradictions,
    )


def _merge_stories(
    stored: Sequence[Story],
    touched: Sequence[Event],
    kept: Sequence[Event],
    events: Sequence[Event],
    stories: Sequence[Story],
) -> tuple[list[Event], list[Story], set[str]]:
    """Recomputed events with their story ids, the stories to write, and the ids to drop."""
    story_of = {a: e.story for e in touched if e.story for a in e.articles}
    kept_of: dict[str, list[Event]] = {}
    for event in kept:
        if event.story:
            kept_of.setdefault(event.story, []).append(event)
    by_id = {e.id: e for e in events}
    claimed: dict[str, str] = {}  # recomputed story id → stored story it continues
    taken: set[str] = set()
    for story in stories:
        votes = Counter(
            story_of[a] for ev in story.events for a in by_id[ev].articles if a in story_of
        )
        for candidate, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if candidate not in taken:
                claimed[story.id] = candidate
                taken.add(candidate)
                break
    out_events = [
        dataclasses.replace(e, story=claimed.get(e.story, e.story)) if e.story else e
        for e in events
    ]
    new_by_id = {e.id: e for e in out_events}
    out_stories: list[Story] = []
    for story in stories:
        target = claimed.get(story.id)
        members = [new_by_id[ev] for ev in story.events]
        if target is None:
            out_stories.append(story)
        elif not kept_of.get(target):
            out_stories.append(dataclasses.replace(story, id=target))
        else:
            out_stories.append(_story(target, [*kept_of[target], *members]))
    dropped: set[str] = set()
    for story in stored:
        if story.id in taken or not any(e.story == story.id for e in touched):
            continue
        if kept_of.get(story.id):
            out_stories.append(_story(story.id, kept_of[story.id]))
        else:
            dropped.add(story.id)
    return out_events, out_stories, dropped


def _story(story_id: str, events: Sequence[Event]) -> Story:
    """A story of these events in time order, titled by its largest event."""
    order = sorted(
        range(len(events)), key=lambda i: (time_key(events[i].not_before, events[i].not_after), i)
    )
    central = max(order, key=lambda i: len(events[i].articles))
    return Story(story_id, events[central].title, tuple(events[i].id for i in order))


def _merge_entities(
    stored: Sequence[EntityRecord], fresh: Sequence[EntityRecord], affected: Set[str]
) -> tuple[list[EntityRecord], set[str]]:
    """Entity records to write (stored articles outside the window joined by id) and to drop."""
    old = {e.id: e for e in stored}
    out: list[EntityRecord] = []
    for record in fresh:
        before = old.pop(record.id, None)
        if before is None:
            out.append(record)
            continue
        articles = [a for a in before.articles if a not in affected]
        out.append(
            dataclasses.replace(
                record,
                name=before.name,
                variants=tuple(dict.fromkeys((*before.variants, *record.variants))),
                articles=tuple(dict.fromkeys((*articles, *record.articles))),
            )
        )
    dropped: set[str] = set()
    for record in old.values():
        articles = tuple(a for a in record.articles if a not in affected)
        if articles:
            out.append(dataclasses.replace(record, articles=articles))
        else:
            dropped.add(record.id)
    return out, dropped


def _merge_claims(
    stored: Sequence[Claim], fresh: Sequence[Claim], affected: Set[str]
) -> tuple[list[Claim], set[str]]:
    """Claims to write (stored sources outside the window joined by id) and to drop."""
    old = {c.id: c for c in stored}
    out: list[Claim] = []
    for claim in fresh:
        before = old.pop(claim.id, None)
        if before is None:
            out.append(claim)
            continue
        sources = [s for s in before.sources if s.article not in affected]
        out.append(dataclasses.replace(claim, sources=(*sources, *claim.sources)))
    dropped: set[str] = set()
    for claim in old.values():
        sources = tuple(s for s in claim.sources if s.article not in affected)
        if sources:
            out.append(dataclasses.replace(claim, sources=sources))
        else:
            dropped.add(claim.id)
    return out, dropped
