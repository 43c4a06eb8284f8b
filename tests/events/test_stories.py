"""Stories: events near in time link on a looser similarity than events months apart; lone
events join established stories and groups naming their specific names."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import numpy as np
from events_support import make
from scipy import sparse

from khabar.events.signature import actor_key
from khabar.events.stories import (
    STORY_ATTACH_MIN_EVENTS,
    STORY_NAME_THRESHOLD,
    STORY_NEAR_DAYS,
    STORY_NEAR_THRESHOLD,
    STORY_THRESHOLD,
    group_stories,
    story_names,
)
from khabar.events.text import TermExtractor
from khabar.events.vectors import BackgroundDf
from khabar.model import AnnotatedArticle, Mention

DAY = date(2018, 4, 14)


def _pair(cosine: float) -> sparse.csr_matrix:
    """Two unit rows whose cosine is ``cosine``, sharing four terms (as event centroids do)."""
    shared = np.array([0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0])
    own = np.array([0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5])
    return sparse.csr_matrix(np.vstack([shared, cosine * shared + (1 - cosine**2) ** 0.5 * own]))


def _span(offset: int) -> tuple[date, date]:
    day = DAY + timedelta(days=offset)
    return day, day


def test_events_of_neighbouring_days_share_a_story_on_a_looser_similarity() -> None:
    cosine = (STORY_NEAR_THRESHOLD + STORY_THRESHOLD) / 2
    near = group_stories(_pair(cosine), [_span(0), _span(1)])
    far = group_stories(_pair(cosine), [_span(0), _span(60)])
    assert near[0] == near[1]
    assert far[0] != far[1]


def test_events_months_apart_share_a_story_when_their_words_agree_enough() -> None:
    labels = group_stories(_pair(STORY_THRESHOLD + 0.05), [_span(0), _span(300)])
    assert labels[0] == labels[1]


def test_undated_events_link_only_on_the_strict_similarity() -> None:
    cosine = (STORY_NEAR_THRESHOLD + STORY_THRESHOLD) / 2
    assert len(set(group_stories(_pair(cosine)))) == 2
    assert len(set(group_stories(_pair(STORY_THRESHOLD + 0.05)))) == 1


def test_no_events_no_stories() -> None:
    assert group_stories(sparse.csr_matrix((0, 3))) == []


def _story_and_lone(members: int) -> sparse.csr_matrix:
    """``members`` events sharing two core terms (linked as one story) and a lone event that
    shares one own term with each of them: no pair of it with one member is a candidate (one
    shared heavy term), yet it matches the story's whole centroid."""
    width = 2 + members + 1
    rows = np.zeros((members + 1, width))
    for i in range(members):
        rows[i, 0:2] = 0.075**0.5
        rows[i, 2 + i] = 0.85**0.5
    rows[members, 2 : 2 + members] = 0.1
    rows[members, -1] = (1 - members * 0.1**2) ** 0.5
    return sparse.csr_matrix(rows)


def test_a_lone_event_joins_the_established_story_whose_centroid_it_matches() -> None:
    rows = _story_and_lone(STORY_ATTACH_MIN_EVENTS)
    labels = group_stories(rows, [_span(0)] * rows.shape[0])
    assert len(set(labels)) == 1


def test_a_lone_event_stays_apart_from_a_story_of_few_events() -> None:
    rows = _story_and_lone(STORY_ATTACH_MIN_EVENTS - 1)
    labels = group_stories(rows, [_span(0)] * rows.shape[0])
    assert labels[-1] not in labels[:-1]


def test_a_lone_event_far_in_time_from_the_story_stays_apart() -> None:
    rows = _story_and_lone(STORY_ATTACH_MIN_EVENTS)
    days = [_span(0)] * (rows.shape[0] - 1) + [_span(STORY_NEAR_DAYS + 30)]
    labels = group_stories(rows, days)
    assert labels[-1] not in labels[:-1]
    assert len(set(labels[:-1])) == 1


def test_a_lone_event_naming_a_group_s_specific_name_links_on_a_lower_similarity() -> None:
    cosine = (STORY_NAME_THRESHOLD + STORY_NEAR_THRESHOLD) / 2
    days = [_span(0), _span(0)]
    named = [frozenset({"منخ"}), frozenset({"منخ"})]
    assert len(set(group_stories(_pair(cosine), days, named))) == 1
    assert len(set(group_stories(_pair(cosine), days))) == 2
    far = [_span(0), _span(STORY_NEAR_DAYS + 30)]
    assert len(set(group_stories(_pair(cosine), far, named))) == 2


def test_two_groups_of_several_events_need_the_word_similarity_even_sharing_a_name() -> None:
    pair = _pair((STORY_NAME_THRESHOLD + STORY_NEAR_THRESHOLD) / 2).toarray()
    rows = sparse.csr_matrix(np.vstack([pair[0], pair[0], pair[1], pair[1]]))
    labels = group_stories(rows, [_span(0)] * 4, [frozenset({"منخ"})] * 4)
    assert labels[0] == labels[1] != labels[2] == labels[3]


def _named(title: str, mentions: tuple[Mention, ...]) -> AnnotatedArticle:
    return dataclasses.replace(make(title, title, "نص الخبر."), mentions=mentions)


def test_story_names_are_rare_people_and_places_not_countries_nor_common_names() -> None:
    title = "غوتيرش في ميونخ يلتقي ترامب في روسيا"
    mentions = tuple(
        Mention(word, kind, title.index(word), title.index(word) + len(word), in_title=True)
        for word, kind in (("غوتيرش", "PER"), ("ميونخ", "LOC"), ("ترامب", "PER"), ("روسيا", "LOC"))
    )
    background = BackgroundDf(1000, {"غوتيرش": 3, "ميونخ": 5, "ترامب": 900})
    names = story_names([_named(title, mentions)], TermExtractor(), background)
    assert names == {actor_key("غوتيرش"), actor_key("ميونخ")}
    assert story_names([_named(title, mentions)], TermExtractor(), None) == frozenset()
