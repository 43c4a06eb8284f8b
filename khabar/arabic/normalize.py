"""Arabic normalisation for matching; the original text is kept for display and offsets."""

from __future__ import annotations

import numpy as np

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

ARRAY_FROM_CHARS = 64
"""Texts at least this long are normalised through a code-point array instead of
``str.translate``, which looks each non-ASCII character up in the table one at a time (about 50
ns a character). Measured on slices of ANT article text, CPU µs per call, translate / array: 64
characters 5.2 / 4.4, 256: 17 / 5.6, 2,000: 108 / 9.3; a word of five letters 0.4 / 4.7."""

_DROPPED = 0xFFFFFFFF
"""The array table's mark of a character normalisation deletes (no code point is this large)."""

_BMP = 0x10000
# The same table over the basic multilingual plane (where every character it changes lies):
# each code point's normalised code point, or _DROPPED.
_CODES = np.arange(_BMP, dtype=np.uint32)
for _code, _to in _TABLE.items():
    _CODES[_code] = _DROPPED if _to is None else ord(_to)


def _normalize_array(text: str) -> str:
    """:func:`normalize` through a code-point array (lone surrogates pass through unchanged)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    if int(codes.max()) < _BMP:
        out = _CODES[codes]
    else:  # characters past the plane are never changed
        out = np.where(codes < _BMP, _CODES[np.minimum(codes, _BMP - 1)], codes)
    out = out[out != _DROPPED]
    return out.tobytes().decode("utf-32-le", "surrogatepass")


def normalize(text: str) -> str:
    """Fold diacritics, tatweel, alef/hamza/yaa/taa-marbuta forms, digits, punctuation and marks."""
    if len(text) >= ARRAY_FROM_CHARS and not text.isascii():
        return _normalize_array(text)
    return text.translate(_TABLE)


def normalize_char(ch: str) -> str:
    """Normalise one character ("" when it is dropped)."""
    return ch.translate(_TABLE)
