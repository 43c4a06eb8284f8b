"""Content terms of a sentence: normalised, clitic-stripped words without function words."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from khabar.arabic.normalize import normalize
from khabar.arabic.tokenize import tokenize
from khabar.model import Tokens
from khabar.summary.data import STOP_WORDS, SUFFIXES

MIN_STEM_CHARS = 3
"""A suffix is stripped only when at least this many letters remain (so وزير keeps its ي)."""
MIN_TERM_CHARS = 2
"""Shorter stems (stray letters, abbreviations cut by the tokenizer) are not terms."""

_WORD = re.compile(r"[^\W_]+")
_NORMALIZED_STOP_WORDS = frozenset(normalize(w) for w in STOP_WORDS)


def strip_suffix(stem: str) -> str:
    """Remove one inflectional suffix from a clitic-free stem (الروسية, روسي → روس)."""
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM_CHARS:
            return stem[: -len(suffix)]
    return stem


def terms(text: str) -> list[str]:
    """Return the content terms of ``text`` in order: clitic- and suffix-free stems of its words,
    without function words, numbers or punctuation."""
    return terms_of([text])[0]


def terms_of(texts: Sequence[str]) -> list[list[str]]:
    """Return the content terms of each text (faster than :func:`terms` one by one)."""
    # One tokenizer pass over all texts, so each distinct word is stemmed once.
    joined = "\n".join(texts)
    ends = list(itertools.accumulate(len(t) + 1 for t in texts))
    known: dict[str, str] = {}
    out: list[list[str]] = [[] for _ in texts]
    index = 0
    for token in tokenize(joined):
        while token.start >= ends[index]:
            index += 1
        term = known.get(token.norm)
        if term is None:
            term = _term(token.norm, token.stem)
            known[token.norm] = term
        if term:
            out[index].append(term)
    return out


def tokens_terms(
    tokens: Tokens, indices: Iterable[int] | None = None, known: dict[str, str] | None = None
) -> list[str]:
    """Content terms of already made tokens (those at ``indices``, else all), as :func:`terms`
    gives them for the text they were made from; ``known`` remembers each normalised form's
    term across calls."""
    known = {} if known is None else known
    norms, stems = tokens.norms, tokens.stems
    out: list[str] = []
    for i in range(len(norms)) if indices is None else indices:
        norm = norms[i]
        term = known.get(norm)
        if term is None:
            term = known[norm] = _term(norm, stems[i])
        if term:
            out.append(term)
    return out


def _term(norm: str, stem: str) -> str:
    """The term a token stands for ("" for function words, numbers and punctuation)."""
    if not norm.isalpha() or norm in _NORMALIZED_STOP_WORDS:
        return ""
    stem = stem or norm
    if stem in _NORMALIZED_STOP_WORDS:
        return ""
    term = strip_suffix(stem.lower())
    return term if len(term) >= MIN_TERM_CHARS else ""


def word_count(text: str) -> int:
    """Count the words of ``text`` (runs of letters or digits)."""
    return sum(1 for _ in _WORD.finditer(text))
