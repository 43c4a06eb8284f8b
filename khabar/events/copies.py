"""Republished copies: within one event, the articles that are copies or light rewrites of an
earlier one (an agency story run by several outlets, one outlet republishing its own piece).

Each later copy is flagged ``republished`` with the article it copies, so a reader sees that
eleven "sources" are one text. Copies are found among an event's own articles only: clustering
always puts copies of one report in one event (:meth:`ClusterState.compatible_copies`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from khabar.events.neardup import near_duplicate_groups
from khabar.events.text import TermExtractor
from khabar.model import AnnotatedArticle, ArticleFlag, Event, Flag

REPUBLISHED = "republished"
"""The flag kind of a later copy of another article of the collection."""


def copy_groups(
    annotated: Sequence[AnnotatedArticle], events: Sequence[Event]
) -> list[tuple[str, ...]]:
    """Article ids of each group of copies, the first published first (ties: collection order)."""
    by_id = {a.id: a for a in annotated}
    order = {a.id: i for i, a in enumerate(annotated)}
    extractor = TermExtractor()
    groups: list[tuple[str, ...]] = []
    for event in events:
        members = [by_id[a] for a in event.articles if a in by_id]
        if len(members) < 2:
            continue
        terms = [extractor.terms(f"{m.article.title or ''}\n{m.article.text}") for m in members]
        for group in near_duplicate_groups(terms):
            ids = [members[i].id for i in group]
            ids.sort(key=lambda a: (by_id[a].article.published or date.max, order[a]))
            groups.append(tuple(ids))
    return groups


def copy_map(annotated: Sequence[AnnotatedArticle], events: Sequence[Event]) -> dict[str, str]:
    """Each republished copy's id mapped to the first publication of its text."""
    return {later: group[0] for group in copy_groups(annotated, events) for later in group[1:]}


def republished_flags(copy_of: Mapping[str, str]) -> list[ArticleFlag]:
    """A ``republished`` flag on every copy of ``copy_of`` (:func:`copy_map`), naming the first."""
    return [
        ArticleFlag(later, Flag(REPUBLISHED, f"copy of {first}"))
        for later, first in copy_of.items()
    ]
