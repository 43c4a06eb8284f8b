"""Finding an article's mentions takes time in proportion to its length (issue 15: 1 MB of text
took 121 s when the name repetition and the span rules compared every mention with every token)."""

from __future__ import annotations

import itertools

import pytest
from scaling_support import LARGE_BYTES, MAX_GROWTH, SMALL_BYTES, growth, news_text

from khabar.arabic import tokenize
from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger, recognize
from khabar.entities.rules import BLOCK_TOKENS, _blocks
from khabar.model import Article


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger(EntitiesConfig())


def _article(text: str) -> Article:
    return Article("a1", "test", "عنوان", None, None, "ar", tuple(text.split("\n")))


def test_recognize_grows_linearly_with_the_text(tagger: Tagger) -> None:
    ratio = growth(
        lambda text: recognize(_article(text), tagger),
        news_text(SMALL_BYTES),
        news_text(LARGE_BYTES),
    )
    assert ratio < MAX_GROWTH, f"1 MB took {ratio:.1f}× the time of 100 KB"


def test_long_text_finds_what_its_parts_find(tagger: Tagger) -> None:
    """Ruling a long text block by block finds, in each copy of a page, the page's mentions."""
    page = news_text(20_000)
    copies = 12
    one = recognize(_article(page), tagger)
    many = recognize(_article("\n".join([page] * copies)), tagger)
    assert len(tokenize(page)) * copies > BLOCK_TOKENS  # the long text is cut into blocks
    assert {(m.text, m.type) for m in many} == {(m.text, m.type) for m in one}
    assert len(many) >= copies * len(one) * 0.95


def test_blocks_cover_every_token_once_and_cut_at_sentence_ends() -> None:
    text = news_text(60_000)
    tokens = tokenize(text)
    blocks = _blocks(text, tokens)
    assert blocks[0][0] == 0 and blocks[-1][1] == len(tokens)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(blocks))
    for first, last in blocks[:-1]:
        assert last - first >= BLOCK_TOKENS
        gap = text[tokens[last - 1].end : tokens[last].start]
        assert any(ch in gap for ch in ".!?؟\n")
