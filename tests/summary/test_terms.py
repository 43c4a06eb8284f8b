"""Content terms used to compare sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.summary.terms import strip_suffix, terms


@pytest.mark.parametrize("word", ["بوتين", "وبوتين", "لبوتين", "فبوتين", "بوتين،"])
def test_proclitics_are_stripped_to_one_term(word: str) -> None:
    assert terms(word) == terms("بوتين")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("الرئيس", "رييس"), ("للرئيس", "رييس"), ("والرئيس", "رييس"), ("بالرئيس", "رييس")],
)
def test_article_and_prepositions_fold_together(word: str, expected: str) -> None:
    assert terms(word) == [expected]


def test_function_words_and_numbers_are_dropped() -> None:
    assert terms("قال إن في عام 2025 من") == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [("الروسية الروسيتين روسي", ["روس"] * 3), ("بلاده وبلاد", ["بلاد"] * 2)],
)
def test_inflected_forms_meet_at_one_term(words: str, expected: list[str]) -> None:
    assert terms(words) == expected


def test_short_stems_keep_their_last_letters() -> None:
    assert strip_suffix("وزير") == "وزير"
    assert strip_suffix("بيه") == "بيه"


@given(st.text())
def test_terms_never_crash_and_are_non_empty_strings(text: str) -> None:
    assert all(isinstance(t, str) and t for t in terms(text))
