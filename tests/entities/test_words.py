"""Bare word forms, remembered per word."""

from __future__ import annotations

import pytest

from khabar.arabic import normalize, strip_prefix_clitics, tokenize
from khabar.entities.words import bare, bare_form


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
