"""Stories: events grouped by shared participants, places and topic, each in time order."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

import numpy as np
from scipy import sparse

from khabar.events.cluster import ClusterState, agglomerate
from khabar.events.search import candidate_pairs
from khabar.events.vectors import prune_rows

STORY_THRESHOLD = 0.2
"""Cosine (0–1) of event-group centroids (terms and entities) two groups of events need to form
one story: well below the event threshold, since a story's events share their participants and
topic but not their wording. Checked on the seeds (four happenings between the same people: one
story) together with the example pages (Trump–Putin talks: a second story sharing Putin and
Russia with the first): 0.12 merged the two stories, 0.16–0.25 all keep them apart and the seeds
whole; 0.2 sits in the middle of that interval."""

STORY_CANDIDATE_TERMS = 40
"""Heaviest terms per event used to find candidate story links (keeps the search sparse)."""

STORY_MAX_GAP_DAYS = 100_000
"""Stories have no date window: an ongoing story may span years."""


def story_id(event_ids: Sequence[str]) -> str:
    """A stable id for a story of these events."""
    digest = hashlib.sha1("\n".join(sorted(event_ids)).encode("utf-8")).hexdigest()
    return "st-" + digest[:10]


def group_stories(centroids: sparse.csr_matrix) -> list[int]:
    """Story label per event, from the events' L2-normalised centroid rows."""
    n = centroids.shape[0]
    if n == 0:
        return []
    pruned = prune_rows(centroids, STORY_CANDIDATE_TERMS)
    rows = sparse.csr_matrix(pruned)
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    rows = sparse.diags(1.0 / norms) @ rows
    edges = candidate_pairs(rows.tocsr(), [None] * n, STORY_MAX_GAP_DAYS, STORY_THRESHOLD / 2)
    return agglomerate(
        [ClusterState() for _ in range(n)], edges, STORY_THRESHOLD, STORY_MAX_GAP_DAYS
    )


def time_key(earliest: date | None, latest: date | None) -> float:
    """Sort key of an event by its date or range: the range's middle day (open ends widened)."""
    if earliest is None and latest is None:
        return float("inf")
    lo = earliest.toordinal() if earliest else latest.toordinal() - 365  # type: ignore[union-attr]
    hi = latest.toordinal() if latest else lo + 365
    return (lo + hi) / 2
