"""Splitting proclitics off normalised words."""

from __future__ import annotations

import pytest

import khabar.arabic.clitics as clitics_module
from khabar.arabic import split_clitics, strip_prefix_clitics
from khabar.arabic.clitics import Split
from khabar.arabic.lexicon import Lexicon, default_lexicon


@pytest.mark.parametrize(
    ("word", "clitics", "article", "stem"),
    [
        ("وبوتين", "و", "", "بوتين"),
        ("لموسكو", "ل", "", "موسكو"),
        ("ولبنان", "و", "", "لبنان"),
        ("للرييس", "ل", "ال", "رييس"),
        ("والرييس", "و", "ال", "رييس"),
        ("بالكرملين", "ب", "ال", "كرملين"),
        ("الشرع", "", "ال", "شرع"),
        ("وزير", "", "", "وزير"),
        ("بريطانيا", "", "", "بريطانيا"),
    ],
)
def test_split_clitics_separates_only_real_clitics(
    word: str, clitics: str, article: str, stem: str
) -> None:
    split = split_clitics(word)
    assert (split.clitics, split.article, split.stem) == (clitics, article, stem)


def test_strip_prefix_clitics_keeps_the_article() -> None:
    assert strip_prefix_clitics("وبالرييس") == "الرييس"
    assert strip_prefix_clitics("وبوتين") == "بوتين"
    assert strip_prefix_clitics("واشنطن") == "واشنطن"


def test_split_clitics_follows_the_word_counts_it_is_given() -> None:
    counts = Lexicon({"زير": 5000, "وزير": 10})
    assert split_clitics("وزير", counts).stem == "زير"
    assert split_clitics("وزير", Lexicon({"وزير": 5000})).stem == "وزير"


def test_split_clitics_splits_conjunction_from_unseen_long_words() -> None:
    assert split_clitics("وشيخانوف", Lexicon({})).stem == "شيخانوف"
    assert split_clitics("وليد", Lexicon({})).stem == "وليد"


def test_bundled_splits_are_remembered_and_equal_to_a_fresh_split() -> None:
    bundled = default_lexicon()
    for word in ["وبالرئيس", "للرئيس", "وبوتين", "وزير", "بريطانيا"]:
        first = split_clitics(word)
        assert split_clitics(word, bundled) is first  # the memo's
        assert first == clitics_module._split(word, bundled)


def test_another_lexicon_is_never_served_from_the_bundled_memo() -> None:
    split_clitics("وبوتين")  # in the bundled memo
    other = Lexicon({"بوتين": 0, "وبوتين": 5000})
    assert split_clitics("وبوتين", other) == Split("", "", "وبوتين")
