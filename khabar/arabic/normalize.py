"""Arabic normalisation for matching; the original text is kept for display and offsets."""

from __future__ import annotations

from khabar.arabic.data.chars import (
    DIACRITICS,
    DIGITS,
    INVISIBLES,
    LETTER_FOLDS,
    PUNCTUATION_FOLDS,
    TATWEEL,
)

# One translation table: each character maps to at most one character (or is deleted), so a
# character at offset i of the input is either dropped or lands at a known offset of the output.
_TABLE: dict[int, str | None] = {}
for _ch in DIACRITICS | INVISIBLES | {TATWEEL}:
    _TABLE[ord(_ch)] = None
for _src, _dst in {**LETTER_FOLDS, **DIGITS, **PUNCTUATION_FOLDS}.items():
    _TABLE[ord(_src)] = _dst


def normalize(text: str) -> str:
    """Fold diacritics, tatweel, alef/hamza/yaa/taa-marbuta forms, digits, punctuation and marks."""
    return text.translate(_TABLE)


def normalize_char(ch: str) -> str:
    """Normalise one character ("" when it is dropped)."""
    return ch.translate(_TABLE)
