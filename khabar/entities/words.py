"""Bare word forms (one-letter proclitics cut, the article kept), remembered across calls.

The mention finder and the span rules ask for the bare form of every token several times (about
900 thousand times for a thousand news articles), and cutting clitics consults word counts each
time; a word's bare form depends on the word alone, so it is worked out once per word.
"""

from __future__ import annotations

import functools

from khabar.arabic import strip_prefix_clitics
from khabar.model import Token

BARE_FORM_CACHE = 200_000
"""Normalised words whose bare form is remembered (bounds memory: about 30 MB when full)."""


@functools.lru_cache(maxsize=BARE_FORM_CACHE)
def bare_form(norm: str) -> str:
    """A normalised word without one-letter prefix clitics (وبالرئيس → الرئيس); numbers and
    punctuation as they are."""
    return strip_prefix_clitics(norm) if norm.isalpha() else norm


def bare(token: Token) -> str:
    """A token's normalised form without one-letter prefix clitics (the article kept)."""
    return bare_form(token.norm)
