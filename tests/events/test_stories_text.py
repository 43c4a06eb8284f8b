"""Stories: a lone event joins the story of the nearest event by the text of its opening
paragraphs; an outlet's boilerplate and teasers do not count."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from events_support import make
from scipy import sparse

from khabar.events.stories import (
    STORY_NEAR_DAYS,
    STORY_TEXT_CHARS,
    STORY_TEXT_THRESHOLD,
    boilerplate,
    group_stories,
    story_texts,
)
from khabar.events.text import TermExtractor
from khabar.events.vectors import TfidfModel

DAY = date(2018, 6, 23)


def _span(offset: int) -> tuple[date, date]:
    day = DAY + timedelta(days=offset)
    return day, day


def _apart() -> sparse.csr_matrix:
    """Two events whose centroids share nothing (no centroid pass links them)."""
    return sparse.csr_matrix(np.eye(2))


def _texts(cosine: float) -> sparse.csr_matrix:
    """Two unit text rows whose cosine is ``cosine``."""
    return sparse.csr_matrix(np.array([[1.0, 0.0], [cosine, (1 - cosine**2) ** 0.5]]))


def test_a_lone_event_joins_the_nearest_event_s_story_by_text() -> None:
    days = [_span(0), _span(1)]
    above = _texts(STORY_TEXT_THRESHOLD + 0.02)
    below = _texts(STORY_TEXT_THRESHOLD - 0.02)
    assert len(set(group_stories(_apart(), days, texts=above))) == 1
    assert len(set(group_stories(_apart(), days, texts=below))) == 2
    assert len(set(group_stories(_apart(), days))) == 2


def test_a_lone_event_far_in_time_or_undated_stays_apart_by_text() -> None:
    texts = _texts(STORY_TEXT_THRESHOLD + 0.1)
    far = [_span(0), _span(STORY_NEAR_DAYS + 30)]
    assert len(set(group_stories(_apart(), far, texts=texts))) == 2
    assert len(set(group_stories(_apart(), [None, None], texts=texts))) == 2


def test_lone_events_joined_by_text_merge_whatever_their_order() -> None:
    # 0 matches 1, 2 matches 1: all three end in one story, in any order of the rows
    rows = np.array([[1.0, 0.0, 0.0], [0.5, 0.5**0.5, 0.5], [0.0, 0.0, 1.0]])
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    days = [_span(0)] * 3
    for order in ([0, 1, 2], [2, 1, 0], [1, 0, 2]):
        texts = sparse.csr_matrix(rows[order])
        assert len(set(group_stories(sparse.csr_matrix(np.eye(3)), days, texts=texts))) == 1


def test_boilerplate_is_what_one_outlet_repeats_across_its_articles() -> None:
    teaser = "قال وزير الخارجية إن بلاده سترد على الهجوم"
    a = make("a", "عنوان", "فقرة أولى عن الحديدة\n" + teaser, outlet="CNN")
    b = make("b", "عنوان", "فقرة أولى عن الانتخابات\n" + teaser, outlet="CNN")
    c = make("c", "عنوان", teaser, outlet="BBC")
    assert boilerplate([a, b, c]) == {("CNN", teaser)}
    assert boilerplate([a, c]) == frozenset()


def test_story_texts_read_title_and_opening_body_without_boilerplate() -> None:
    extractor = TermExtractor()
    lead = "الحوثيون يهاجمون ميناء الحديدة"
    tail = "كلمة " * STORY_TEXT_CHARS + "انتخابات"
    a = make("a", "عنوان الحديدة", lead + "\n" + tail + "\nتيزر القناة", outlet="x")
    b = make("b", "عنوان آخر", "البرلمان يصوت\nتيزر القناة", outlet="x")
    model = TfidfModel().fit(
        [
            dict.fromkeys(extractor.terms(x.article.title + " " + x.article.text), 1.0)
            for x in (a, b)
        ]
    )
    rows = story_texts([[a], [b]], model, extractor, boilerplate([a, b]))
    words = {model.terms_[j] for j in rows[0].indices}
    (hodeidah,) = extractor.terms("الحديدة")
    (elections,) = extractor.terms("انتخابات")
    (teaser,) = extractor.terms("تيزر")
    assert hodeidah in words
    assert elections not in words  # beyond STORY_TEXT_CHARS
    assert teaser not in words  # the outlet's repeated line
    assert np.isclose(rows[0].multiply(rows[0]).sum(), 1.0)
