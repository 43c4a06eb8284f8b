"""Bare word forms (one-letter proclitics cut, the article kept), remembered across calls.

The mention finder and the span rules ask for the bare form of every token several times (about
900 thousand times for a thousand news articles), and cutting clitics consults word counts each
time; a word's bare form depends on the word alone, so it is worked out once per word.

The word counts vouch for a clitic only when the rest of the word is common enough in them
(:data:`khabar.arabic.clitics.MIN_REST_COUNT`), which a town seldom in the news is not: وطرطوس
stays whole when طرطوس was seen fewer times than that. For names, a known place name is vouched
for by the place lists instead (:func:`place_after_clitic`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from khabar.arabic import original_length, proclitic_chars, split_clitics, strip_prefix_clitics
from khabar.arabic.clitics import MIN_STEM_LETTERS, REST_OVER_WHOLE
from khabar.arabic.data.clitics import STRIPPABLE_PREFIXES
from khabar.arabic.lexicon import default_lexicon
from khabar.entities.gazetteer import known_places
from khabar.model import Token

BARE_FORM_CACHE = 200_000
"""Normalised words whose bare form is remembered (bounds memory: about 30 MB when full)."""

MIN_PLACE_LETTERS = 4
"""A place name taken from behind a one-letter clitic has at least this many letters (short town
names, قوم، صور, are common words too)."""


@functools.lru_cache(maxsize=BARE_FORM_CACHE)
def place_after_clitic(norm: str) -> bool:
    """Whether the normalised ``norm`` is a one-letter clitic (و ف ب ل ك) the word counts could not
    vouch for, followed by a place name: the rest opens a CLDR or GeoNames place name, has at
    least :data:`MIN_PLACE_LETTERS` letters, was seen in the word counts and at least
    REST_OVER_WHOLE times as often as the whole word (وطرطوس: طرطوس 17, وطرطوس 7)."""
    if len(norm) <= MIN_STEM_LETTERS or norm[0] not in STRIPPABLE_PREFIXES or not norm.isalpha():
        return False
    if split_clitics(norm).clitics:
        return False  # the counts already cut it
    rest = split_clitics(norm[1:])
    name = rest.article + rest.stem
    if len(name) < MIN_PLACE_LETTERS or not known_places().get(name, "").endswith(":B"):
        return False
    lexicon = default_lexicon()
    part = lexicon.count(norm[1:])
    return part > 0 and part >= REST_OVER_WHOLE * lexicon.count(norm)


def proclitics(norm: str) -> str:
    """The one-letter proclitics of a normalised word (وب of وبموسكو, و of وطرطوس), as the word
    counts or, for a rare place name, the place lists cut them."""
    if not norm.isalpha():
        return ""
    if place_after_clitic(norm):
        return norm[0] + split_clitics(norm[1:]).clitics
    return split_clitics(norm).clitics


_V = TypeVar("_V")


class WordMemo(dict[str, _V]):
    """A word's value worked out once: ``memo[word]`` computes it on the first lookup only
    (emptied at ``limit`` words). Read in loops over every token of a text, where a hit is one
    dictionary lookup made in C, with no Python call (the span rules read the bare form of each
    token in three places, about 350 thousand times each per thousand ANT articles)."""

    def __init__(self, compute: Callable[[str], _V], limit: int) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, word: str) -> _V:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.compute(word)
        return value


def _bare_form(norm: str) -> str:
    if not norm.isalpha():
        return norm
    if place_after_clitic(norm):
        return strip_prefix_clitics(norm[1:])
    return strip_prefix_clitics(norm)


BARE_FORMS: WordMemo[str] = WordMemo(_bare_form, BARE_FORM_CACHE)
""":func:`bare_form` of each normalised word, the one memo of it: ``[BARE_FORMS[t.norm] for t
in tokens]`` is ``[bare(t) for t in tokens]``."""


def bare_form(norm: str) -> str:
    """A normalised word without one-letter prefix clitics (وبالرئيس → الرئيس); numbers and
    punctuation as they are."""
    return BARE_FORMS[norm]


def bare(token: Token) -> str:
    """A token's normalised form without one-letter prefix clitics (the article kept)."""
    return BARE_FORMS[token.norm]


def clitic_chars(token: Token) -> int:
    """Characters of one-letter proclitics at the start of a token, in the original (as
    :func:`khabar.arabic.proclitic_chars`, with a rare place name's clitic cut too)."""
    if token.norm.isalpha() and place_after_clitic(token.norm):
        return original_length(token.text, len(proclitics(token.norm)))
    return proclitic_chars(token)
