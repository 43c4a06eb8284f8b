"""Normalisation for matching: folds, idempotence, length."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.arabic import normalize
from khabar.arabic.normalize import _TABLE, ARRAY_FROM_CHARS, _normalize_array

ARABIC_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0x200B, max_codepoint=0x200F),
        st.sampled_from(list(" .,،؟!«»\u061c\u0640\ufeff0123456789abc")),
    ),
    max_size=60,
)

_ARRAY_ALPHABET = [chr(c) for c in _TABLE] + list("abc 12\n\ud800\udfff\U0001f600\U0010ffffوبي")
"""Every character the table changes, plain ones, lone surrogates and characters past the
basic plane."""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد", "احمد"),
        ("إيران", "ايران"),
        ("آسيا", "اسيا"),
        ("مصطفى", "مصطفي"),
        ("القاعدة", "القاعده"),
        ("مُحَمَّدٌ", "محمد"),
        ("بـــوتين", "بوتين"),
        ("٢٠٢٥", "2025"),
        ("۱۲", "12"),
        ("سوريا؟", "سوريا?"),
        ("موسكو،", "موسكو,"),
        ("\u200fبوتين\u200e", "بوتين"),
        ("بو\u200cتين", "بوتين"),
        ("\u061cدمشق", "دمشق"),
        ("«الشرع»", '"الشرع"'),
    ],
)
def test_normalize_folds_arabic_variants(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_keeps_latin_and_spaces() -> None:
    assert normalize("Putin  بوتين") == "Putin  بوتين"


@given(ARABIC_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(ARABIC_TEXT)
def test_normalize_never_increases_length(text: str) -> None:
    assert len(normalize(text)) <= len(text)


@given(st.text(alphabet=st.sampled_from(_ARRAY_ALPHABET), min_size=0, max_size=400))
def test_array_path_equals_the_translation_table(text: str) -> None:
    assert _normalize_array(text or "x") == (text or "x").translate(_TABLE)
    assert normalize(text * 3) == (text * 3).translate(_TABLE)


def test_array_path_on_long_text_with_surrogates_and_astral_characters() -> None:
    text = ("أَحمد\ud800 😀 ١٢٣ «قال» ـ\u200f" * 20) + "\U0010ffff"
    assert len(text) >= ARRAY_FROM_CHARS
    assert normalize(text) == text.translate(_TABLE)
