"""Tokenisation with offsets into the original text and normalised / clitic-free forms."""

from __future__ import annotations

import functools
import re

from khabar.arabic.clitics import split_clitics
from khabar.arabic.data.chars import DIACRITICS, INVISIBLES, TATWEEL
from khabar.arabic.data.clitics import STRIPPABLE_PREFIXES
from khabar.arabic.lexicon import Lexicon, default_lexicon
from khabar.arabic.normalize import normalize
from khabar.model import Token

_MARKS = "".join(sorted(DIACRITICS | INVISIBLES | {TATWEEL}))
_MARK_CLASS = "[" + re.escape(_MARKS) + "]"
# A number with inner separators (3.5, 1,000, ٣٫٥, 13/02/2025), a word (letters, digits and the
# marks that sit inside words), or any other single visible character.
_TOKEN = re.compile(
    rf"\d+(?:[.,٫٬/:]\d+)+|(?:\w|{_MARK_CLASS})+|\S",
)


WORD_CACHE_SIZE = 131_072
"""Distinct written words whose normalised form and stem (with the bundled word counts) are
remembered across texts: news vocabulary repeats from article to article, and the clitic split
of each new word type is the costly part of tokenising (about 25 MB when full)."""


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _bundled_forms(surface: str) -> tuple[str, str]:
    """``(normalised form, stem)`` of a written word with the bundled word counts."""
    return _forms(surface, default_lexicon())


_cached_for: list[Lexicon] = []
"""The bundled lexicon the word cache was filled with (a new one, after its memo is cleared,
empties the cache)."""


def _forms(surface: str, lexicon: Lexicon) -> tuple[str, str]:
    norm = normalize(surface)
    return norm, split_clitics(norm, lexicon).stem if norm.isalpha() else norm


def tokenize(text: str, lexicon: Lexicon | None = None) -> list[Token]:
    """Split text into tokens with original offsets, normalised form and clitic-free stem."""
    bundled = default_lexicon()
    if lexicon is None or lexicon is bundled:
        if not _cached_for or _cached_for[0] is not bundled:
            _bundled_forms.cache_clear()
            _cached_for[:] = [bundled]
        forms = _bundled_forms
    else:
        seen: dict[str, tuple[str, str]] = {}

        def forms(surface: str) -> tuple[str, str]:
            found = seen.get(surface)
            if found is None:
                found = seen[surface] = _forms(surface, lexicon)
            return found

    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        surface = match.group()
        norm, stem = forms(surface)
        tokens.append(Token(surface, match.start(), match.end(), norm, stem))
    return tokens


def original_length(surface: str, norm_chars: int) -> int:
    """How many characters of ``surface`` make up its first ``norm_chars`` normalised characters."""
    if norm_chars <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(surface):
        if normalize(ch):
            seen += 1
            if seen == norm_chars:
                return i + 1
    return len(surface)


def proclitic_chars(token: Token) -> int:
    """Characters of one-letter proclitics (و ب ل ك ف) at the start of a token, in the original."""
    if not token.norm.isalpha():
        return 0
    clitics = split_clitics(token.norm).clitics
    if not clitics or any(c not in STRIPPABLE_PREFIXES for c in clitics):
        return 0
    return original_length(token.text, len(clitics))


def segment(token: Token, lexicon: Lexicon | None = None) -> list[Token]:
    """Cut a token into its proclitics, article and stem, each with offsets into the original.

    ``للرئيس`` gives ``ل`` (the preposition) and ``لرئيس`` (the article's lam and the stem, as
    written); ``وبوتين`` gives ``و`` and ``بوتين``. Tokens without clitics come back whole.
    """
    if not token.norm.isalpha():
        return [token]
    split = split_clitics(token.norm, lexicon)
    pieces: list[Token] = []
    done = 0  # normalised characters consumed
    offset = 0  # original characters consumed
    article = split.article
    if article and not token.norm[len(split.clitics) :].startswith(article):
        article = ""  # ل + ال written لل: the article's lam stays with the stem
    for part in [*split.clitics, article]:
        if not part:
            continue
        done += len(part)
        end = original_length(token.text, done)
        pieces.append(_piece(token, offset, end, part))
        offset = end
    if not pieces:
        return [token]
    rest = token.text[offset:]
    pieces.append(Token(rest, token.start + offset, token.end, token.norm[done:], split.stem))
    return pieces


def _piece(token: Token, start: int, end: int, norm: str) -> Token:
    """A clitic piece of ``token`` between two original offsets."""
    return Token(token.text[start:end], token.start + start, token.start + end, norm, norm)
