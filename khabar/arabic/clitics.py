"""Splitting proclitics (و ف ب ل ك ال) off normalised Arabic words, for matching.

A leading و or ب may be a clitic (وبوتين، بموسكو) or part of the word (وزير، بريطانيا). Word
counts from news text decide: the letter is split off when the rest is a common word in its own
right and clearly more common than the whole (بوتين ≫ وبوتين, but زير ≪ وزير).
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.arabic.data.clitics import (
    ARTICLE,
    ARTICLE_AFTER_LAM,
    CONJUNCTIONS,
    PREPOSITIONS,
)
from khabar.arabic.lexicon import Lexicon, default_lexicon

MIN_STEM_LETTERS = 2
"""A stem is never shorter than this many letters (ال in الـ is never stripped from "ال")."""

MIN_REST_COUNT = 20
"""The rest after a one-letter clitic must have been seen at least this often in the word-count
corpus (≈8M words) to count as a word of its own."""

REST_OVER_WHOLE = 2.0
"""…and at least this many times as often as the whole word (بوتين 1512 vs وبوتين 39 splits;
وزير 6561 vs زير 2 does not)."""

UNKNOWN_MIN_REST_LETTERS = 4
"""When neither the word nor the rest was ever seen, و is split off only if at least this many
letters remain (unseen names rarely start with و; unseen short words are too ambiguous)."""


@dataclass(frozen=True, slots=True)
class Split:
    """A normalised word cut into its proclitics, its article and its stem."""

    clitics: str
    """One-letter clitics before the word (و، ف، ب، ل، ك, or a sequence such as وب)."""
    article: str
    """ال when the word is definite (also when ل + ال became لل), else ""."""
    stem: str


def _is_clitic(letter: str, rest: str, lexicon: Lexicon) -> bool:
    """Whether ``letter`` in front of ``rest`` is a clitic rather than part of the word."""
    if len(rest) < MIN_STEM_LETTERS:
        return False
    if rest.startswith(ARTICLE) and len(rest) > len(ARTICLE) + 1:
        return True  # و/ب/ل/ك/ف + ال… is always a clitic
    whole = lexicon.count(letter + rest)
    part = lexicon.count(rest)
    if part >= MIN_REST_COUNT and part >= REST_OVER_WHOLE * whole:
        return True
    if whole == 0 and part == 0 and letter in CONJUNCTIONS:
        return len(rest) >= UNKNOWN_MIN_REST_LETTERS
    return False


SPLIT_CACHE_SIZE = 262_144
"""Distinct words whose split with the bundled word counts is remembered (about 40 MB when
full, then emptied): the tagger's features, its title and name rules and the event terms ask
for the split of the same news words over and over (about 620 thousand calls for a thousand
ANT articles, of some 50 thousand distinct words)."""

_bundled: list[object] = [None, {}]
"""The bundled lexicon the split cache was filled with, and the cache (a new bundled lexicon,
after its memo is cleared, empties it)."""


def split_clitics(norm: str, lexicon: Lexicon | None = None) -> Split:
    """Split a normalised word into proclitics, article and stem."""
    if lexicon is None:
        lexicon = default_lexicon()
    cache: dict[str, Split] = _bundled[1]  # type: ignore[assignment]
    if _bundled[0] is not lexicon:
        if lexicon is not default_lexicon():
            return _split(norm, lexicon)
        _bundled[0] = lexicon
        cache.clear()
    found = cache.get(norm)
    if found is None:
        if len(cache) >= SPLIT_CACHE_SIZE:
            cache.clear()
        found = cache[norm] = _split(norm, lexicon)
    return found


def _split(norm: str, lexicon: Lexicon) -> Split:
    clitics = ""
    word = norm
    if (
        len(word) > MIN_STEM_LETTERS
        and word[0] in CONJUNCTIONS
        and _is_clitic(word[0], word[1:], lexicon)
    ):
        clitics, word = word[0], word[1:]
    if len(word) > MIN_STEM_LETTERS and word[0] in PREPOSITIONS:
        if (
            word[0] == "ل"
            and word[1:].startswith(ARTICLE_AFTER_LAM)
            and len(word) > 2 + MIN_STEM_LETTERS
            and lexicon.count(ARTICLE + word[2:]) >= lexicon.count(word)
        ):
            return Split(clitics + "ل", ARTICLE, word[2:])  # للرئيس = ل + الرئيس
        if _is_clitic(word[0], word[1:], lexicon):
            clitics, word = clitics + word[0], word[1:]
    if word.startswith(ARTICLE) and len(word) >= len(ARTICLE) + MIN_STEM_LETTERS:
        return Split(clitics, ARTICLE, word[len(ARTICLE) :])
    return Split(clitics, "", word)


def strip_prefix_clitics(norm: str, lexicon: Lexicon | None = None) -> str:
    """The word without its one-letter proclitics, keeping the article (وبالرئيس → الرئيس)."""
    split = split_clitics(norm, lexicon)
    return split.article + split.stem if split.clitics or split.article else norm
