"""Finding an article's statements takes time in proportion to its length (issue 15: every
reporting verb looked through all of the article's mentions)."""

from __future__ import annotations

import pytest
from scaling_support import LARGE_BYTES, MAX_GROWTH, SMALL_BYTES, growth, news_text

from khabar.claims import extract_statements
from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger, recognize
from khabar.model import Article


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger(EntitiesConfig())


def _article(text: str) -> Article:
    return Article("a1", "test", "عنوان", None, None, "ar", tuple(text.split("\n")))


def test_statements_grow_linearly_with_the_text(tagger: Tagger) -> None:
    small, large = _article(news_text(SMALL_BYTES)), _article(news_text(LARGE_BYTES))
    mentions = {small.text: recognize(small, tagger), large.text: recognize(large, tagger)}
    by_text = {small.text: small, large.text: large}
    ratio = growth(
        lambda text: extract_statements(by_text[text], mentions[text]), small.text, large.text
    )
    assert ratio < MAX_GROWTH, f"1 MB took {ratio:.1f}× the time of 100 KB"


def test_long_text_keeps_each_page_statements(tagger: Tagger) -> None:
    page = _article(news_text(10_000))
    long = _article("\n".join([page.text] * 10))
    one = extract_statements(page, recognize(page, tagger))
    many = extract_statements(long, recognize(long, tagger))
    assert one
    assert {(s.speaker, s.stance) for s in many} == {(s.speaker, s.stance) for s in one}
