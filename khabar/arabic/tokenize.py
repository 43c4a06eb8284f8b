"""Tokenisation with offsets into the original text and normalised / clitic-free forms."""

from __future__ import annotations

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


def tokenize(text: str, lexicon: Lexicon | None = None) -> list[Token]:
    """Split text into tokens with original offsets, normalised form and clitic-free stem."""
    lexicon = lexicon if lexicon is not None else default_lexicon()
    tokens: list[Token] = []
    stems: dict[str, str] = {}
    for match in _TOKEN.finditer(text):
        surface = match.group()
        norm = normalize(surface)
        stem = stems.get(norm)
        if stem is None:
            stem = split_clitics(norm, lexicon).stem if norm.isalpha() else norm
            stems[norm] = stem
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
