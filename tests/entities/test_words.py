"""Bare word forms, remembered per word."""

from __future__ import annotations

import pytest

from khabar.arabic import normalize, strip_prefix_clitics, tokenize
from khabar.entities.words import BARE_FORMS, WordMemo, bare, bare_form, clitic_chars, proclitics


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبالرئيس", "الرئيس"),
        ("وبوتين", "بوتين"),
        ("وزير", "وزير"),
        ("للرئيس", "الرئيس"),
        ("موسكو", "موسكو"),
        ("2018", "2018"),
        ("،", "،"),
    ],
)
def test_bare_form_cuts_one_letter_clitics_and_keeps_the_article(word: str, expected: str) -> None:
    assert bare_form(normalize(word)) == normalize(expected)


def test_bare_is_strip_prefix_clitics_of_words_and_the_form_of_the_rest() -> None:
    text = "وقال المتحدث باسم الكرملين، دميتري بيسكوف، إن بوتين سيزور بكين في 12/3."
    for token in tokenize(text):
        expected = strip_prefix_clitics(token.norm) if token.norm.isalpha() else token.norm
        assert bare(token) == expected
        assert bare(token) == expected  # the remembered answer is the same


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وطرطوس", "طرطوس"),  # طرطوس too rare in the counts for them to vouch for the clitic
        ("بريطانيا", "بريطانيا"),
        ("لبنان", "لبنان"),
        ("وهران", "وهران"),
    ],
)
def test_a_place_name_too_rare_for_the_word_counts_loses_its_clitic(
    word: str, expected: str
) -> None:
    norm = normalize(word)
    assert bare_form(norm) == normalize(expected)
    assert proclitics(norm) == norm[: len(norm) - len(bare_form(norm))]


def test_a_mention_leaves_a_rare_place_names_clitic_out() -> None:
    [token] = tokenize("وطرطوس")
    assert clitic_chars(token) == 1
    [token] = tokenize("وزير")
    assert clitic_chars(token) == 0


def test_word_memo_computes_each_word_once_and_empties_at_its_limit() -> None:
    calls: list[str] = []

    def compute(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = WordMemo(compute, limit=2)
    assert [memo["ab"], memo["ab"], memo["abc"]] == [2, 2, 3]
    assert calls == ["ab", "abc"]
    assert memo["abcd"] == 4  # the third word empties the memo first
    assert list(memo) == ["abcd"]


def test_bare_forms_memo_equals_bare_form() -> None:
    for norm in ["وبالرئيس", "وطرطوس", "بوتين", "2025", "،"]:
        assert BARE_FORMS[norm] == bare_form(norm)
