"""Content terms of a sentence: normalised, clitic-stripped words without function words."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from khabar.arabic.normalize import normalize
from khabar.arabic.tokenize import tokenize
from khabar.model import Tokens
from khabar.summary.data import NO_TERM_CHARS, STOP_WORDS, SUFFIXES

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
    span = range(len(norms)) if indices is None else indices
    if isinstance(span, range) and span.step == 1:
        forms = norms[span.start : span.stop]
        if known.keys() >= set(forms):  # every word met before (most are, after a few events)
            return list(filter(None, map(known.__getitem__, forms)))
    out: list[str] = []
    for i in span:
        norm = norms[i]
        term = known.get(norm)
        if term is None:
            term = known[norm] = _term(norm, stems[i])
        if term:
            out.append(term)
    return out


def title_terms(
    title: str, sources: Iterable[tuple[str, Tokens]], known: dict[str, str] | None = None
) -> list[str]:
    """Content terms of ``title`` (an event title made from its articles' headlines or
    sentences), as :func:`terms` gives them, read from the tokens of ``sources`` (each a text
    and its tokens) instead of tokenising it: each word of the title is looked up in the
    sources until a place is found where tokens cover exactly its characters. The tokeniser
    never makes a token across white space and looks neither behind nor ahead of a match, so
    the tokens there are the word's own, wherever the word was cut from. A word found nowhere:
    the title is tokenised after all."""
    known = {} if known is None else known
    pending = iter(sources)
    pulled: list[tuple[str, Tokens]] = []  # the sources taken so far (each taken when needed)

    def each_source() -> Iterator[tuple[str, Tokens]]:
        yield from pulled
        for source in pending:
            pulled.append(source)
            yield source

    out: list[str] = []
    for word in title.split():
        if not word.strip(NO_TERM_CHARS):
            continue
        for text, tokens in each_source():
            span = _covering(word, text, tokens)
            if span is not None:
                out += tokens_terms(tokens, span, known)
                break
        else:
            return terms_of([title])[0]
    return out


def _covering(word: str, text: str, tokens: Tokens) -> range | None:
    """Indices of the tokens covering exactly the characters of an occurrence of ``word`` (no
    white space in it) in ``text``, the text ``tokens`` were made from; None if none does."""
    at = text.find(word)
    if at < 0:
        return None
    starts, ends = tokens.start_offsets(), tokens.end_offsets()
    count = len(starts)
    while at >= 0:
        end = at + len(word)
        first = bisect.bisect_left(starts, at)
        if first < count and starts[first] == at:
            last = first
            while ends[last] < end and last + 1 < count and starts[last + 1] == ends[last]:
                last += 1
            if ends[last] == end:
                return range(first, last + 1)
        at = text.find(word, at + 1)
    return None


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
    return len(_WORD.findall(text))
