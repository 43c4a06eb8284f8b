"""Words, light stems and content similarity used to compare statements across articles.

Pure functions only: tokenising with offsets, a light Arabic stemmer for matching, weighted
overlap between two bags of stems, and the small phrase matcher the statement finder uses.
"""

from __future__ import annotations

import functools
import gzip
import math
import re
import types
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

from khabar.arabic.normalize import normalize
from khabar.claims.data import STOP_WORDS

_WORD = re.compile(r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+")
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")

MIN_STEM_CHARS = 3
"""A clitic or suffix is stripped only when at least this many letters remain."""

DEFINITE_PREFIXES: tuple[str, ...] = (
    "وبال",
    "وكال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "لل",
    "ال",
)
"""Article chains, always stripped (normalised spelling, longest first)."""

CLITIC_PREFIXES: tuple[str, ...] = ("وب", "ول", "وك", "و", "ف", "ب", "ل", "ك")
"""Single proclitics: stripped only in the alternative keys of a word, because many words and
names begin with these letters (بوتين، فلاديمير، وزير)."""

SUFFIXES: tuple[str, ...] = (
    "هما",
    "كما",
    "تين",
    "تان",
    "ها",
    "هم",
    "نا",
    "كم",
    "ون",
    "ين",
    "ات",
    "ان",
    "يه",
    "يا",
    "ه",
    "ي",
    "ا",
    "ت",
)
"""Enclitics and endings stripped for matching, longest first (normalised spelling)."""

_NORM_STOP = frozenset(normalize(w) for w in STOP_WORDS)

WORD_CACHE_SIZE = 1 << 17
"""Distinct word forms whose normalised form, stems and term are remembered (entries; news
vocabulary of a few thousand articles fits, a few tens of MB at most): the same words recur in
every statement, and stemming them again dominated the claims stage's time."""
PHRASE_CACHE_SIZE = 4096
"""Cue phrases whose normalised form is remembered: the cue lists hold a few hundred."""


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a text with its offsets, normalised form and light stem."""

    text: str
    start: int
    end: int
    norm: str
    stem: str


def _strip_suffix(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_CHARS:
            return word[: -len(suffix)]
    return word


def _strip_definite(word: str) -> str:
    for prefix in DEFINITE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM_CHARS:
            return word[len(prefix) :]
    return word


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def light_stem(norm: str) -> str:
    """Strip an article chain (ال، وال، بال …) and one ending from a normalised word."""
    return _strip_suffix(_strip_definite(norm))


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def stem_keys(norm: str) -> frozenset[str]:
    """Every stem ``norm`` may have: the light stem, and stems with a single proclitic removed."""
    keys = {light_stem(norm)}
    for prefix in CLITIC_PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= MIN_STEM_CHARS:
            keys.add(light_stem(norm[len(prefix) :]))
    return frozenset(keys)


def words(text: str, offset: int = 0) -> list[Word]:
    """Split ``text`` into words with offsets (shifted by ``offset``), norms and stems."""
    out: list[Word] = []
    form = _word_form
    for match in _WORD.finditer(text):
        surface = match.group()
        norm, stem = form(surface)
        if norm:
            start = match.start() + offset
            out.append(Word(surface, start, start + len(surface), norm, stem))
    return out


def stems_within(text: str, offset: int, spans: Sequence[tuple[int, int]]) -> set[str]:
    """Light stems of the words of ``text`` (offsets shifted by ``offset``) that lie wholly
    inside one of ``spans``: :func:`words` filtered, stemming only the words inside."""
    out: set[str] = set()
    if not spans:
        return out
    low = min(s for s, _ in spans) - offset
    high = max(e for _, e in spans) - offset
    for match in _WORD.finditer(text):
        if match.start() < low:
            continue
        if match.start() >= high:
            break
        start = match.start() + offset
        end = match.end() + offset
        if any(s <= start and end <= e for s, e in spans):
            norm, stem = _word_form(match.group())
            if norm:
                out.add(stem)
    return out


def surfaces(text: str) -> list[str]:
    """The written words of ``text`` in order (what :func:`words` splits, without offsets;
    words that normalise to nothing included): for cheap per-word tests before reading a text."""
    return _WORD.findall(text)


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_form(surface: str) -> tuple[str, str]:
    """The normalised form and light stem of one written word."""
    norm = normalize(surface).lower()
    return norm, light_stem(norm)


word_form = _word_form
"""(normalised form, light stem) of one written word, remembered per form."""


def norm_text(text: str) -> str:
    """Normalise ``text`` and collapse it to single-spaced words (for phrase matching)."""
    form = _word_form
    return " " + " ".join([form(w)[0] for w in _WORD.findall(text)]) + " "


@functools.lru_cache(maxsize=PHRASE_CACHE_SIZE)
def _phrase_norm(phrase: str) -> str:
    """:func:`norm_text` of a cue phrase, computed once per phrase (cue lists are constants)."""
    return norm_text(phrase)


def contains_phrase(norm_spaced: str, phrase: str) -> bool:
    """True when ``phrase`` occurs as whole words in text prepared by :func:`norm_text`; its
    first word may carry a و / ف conjunction (ولم يتسن التأكد)."""
    target = _phrase_norm(phrase)
    if target in norm_spaced:
        return True
    return any(f" {c}{target[1:]}" in norm_spaced for c in ("و", "ف"))


@functools.lru_cache(maxsize=PHRASE_CACHE_SIZE)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern that finds any of ``phrases`` as :func:`contains_phrase` does."""
    literals: list[str] = []
    for phrase in phrases:
        target = _phrase_norm(phrase)
        literals += [target, *(f" {c}{target[1:]}" for c in ("و", "ف"))]
    if not literals:
        return None
    return re.compile("|".join(re.escape(t) for t in dict.fromkeys(literals)))


def contains_any_phrase(norm_spaced: str, phrases: tuple[str, ...]) -> bool:
    """``any(contains_phrase(norm_spaced, p) for p in phrases)`` in one regular-expression
    search (``phrases`` a constant tuple, its pattern built once)."""
    pattern = _phrases_pattern(phrases)
    return pattern is not None and pattern.search(norm_spaced) is not None


def content_stems(text: str) -> list[str]:
    """Return the light stems of the content words of ``text`` (function words dropped)."""
    out: list[str] = []
    for word in words(text):
        if word.norm in _NORM_STOP or word.stem in _NORM_STOP or len(word.stem) < 2:
            continue
        out.append(word.stem)
    return out


def strip_marks(text: str) -> str:
    """Remove diacritics and tatweel (display text kept otherwise)."""
    return _ARABIC_MARKS.sub("", text)


def idf_table(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each stem over ``documents`` (bags of stems)."""
    df: Counter[str] = Counter()
    n = 0
    for doc in documents:
        n += 1
        df.update(set(doc))
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def weighted_overlap(
    a: Iterable[str], b: Iterable[str], idf: Mapping[str, float], default_idf: float
) -> float:
    """Weighted cosine between two bags of stems (0 = nothing shared, 1 = the same words)."""
    set_a, set_b = set(a), set(b)
    if not set_a or not set_b:
        return 0.0
    weight = {t: idf.get(t, default_idf) ** 2 for t in set_a | set_b}
    shared = sum(weight[t] for t in set_a & set_b)
    norm_a = math.sqrt(sum(weight[t] for t in set_a))
    norm_b = math.sqrt(sum(weight[t] for t in set_b))
    return shared / (norm_a * norm_b)


def containment(
    a: Iterable[str], b: Iterable[str], idf: Mapping[str, float], default_idf: float
) -> float:
    """Weighted share of the smaller bag's stems that the other bag holds too."""
    set_a, set_b = set(a), set(b)
    if not set_a or not set_b:
        return 0.0
    small, large = (set_a, set_b) if len(set_a) <= len(set_b) else (set_b, set_a)
    total = sum(idf.get(t, default_idf) for t in small)
    return sum(idf.get(t, default_idf) for t in small & large) / total


@dataclass(frozen=True, slots=True)
class Term:
    """A content word for matching: its light stem and every stem it may have."""

    stem: str
    keys: frozenset[str]


def content_terms(text: str) -> list[Term]:
    """Return the content words of ``text`` as terms (function words dropped, order kept)."""
    out: list[Term] = []
    for surface in _WORD.findall(text):
        term = _surface_term(surface)
        if term is not None:
            out.append(term)
    return out


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _surface_term(surface: str) -> Term | None:
    """The term of one written word (None for a function word or one that normalises to
    nothing)."""
    norm, stem = _word_form(surface)
    return _term(norm, stem) if norm else None


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _term(norm: str, stem: str) -> Term | None:
    """The term of one normalised word, or None for a function word."""
    if norm in _NORM_STOP or stem in _NORM_STOP or len(stem) < 2:
        return None
    keys = stem_keys(norm)
    if keys & _NORM_STOP:
        return None
    # The canonical stem is the reading most common in news (يعزز rather than ويعزز).
    background = background_idf()
    return Term(min(keys, key=lambda k: (background.idf(k), -len(k), k)), keys)


BACKGROUND_FILE = "stem_df.tsv.gz"
"""Document frequencies of light stems over the ANT news corpus (31.5k articles, 2018), built
by ``scripts/agreement_corpus.py build-df``."""


@dataclass(frozen=True, slots=True)
class BackgroundIdf:
    """Inverse document frequencies of stems in general Arabic news (read-only)."""

    docs: int
    df: Mapping[str, int]
    _known: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    """IDFs worked out so far (the same stems are weighed hundreds of thousands of times)."""

    def idf(self, stem: str) -> float:
        """Smoothed IDF of ``stem`` (unseen stems get the highest value)."""
        value = self._known.get(stem)
        if value is None:
            value = math.log((1 + self.docs) / (1 + self.df.get(stem, 0))) + 1.0
            if len(self._known) < WORD_CACHE_SIZE:
                self._known[stem] = value
        return value


@functools.cache
def background_idf() -> BackgroundIdf:
    """Load the bundled background frequencies once per process (constant, read-only data)."""
    path = resources.files("khabar.claims") / "resources" / BACKGROUND_FILE
    df: dict[str, int] = {}
    docs = 1
    with resources.as_file(path) as real, gzip.open(real, "rt", encoding="utf-8") as fh:
        for line in fh:
            key, _, value = line.rstrip("\n").partition("\t")
            if key == "#docs":
                docs = int(value)
            elif value:
                df[key] = int(value)
    return BackgroundIdf(docs, types.MappingProxyType(df))


def term_overlap(
    a: Sequence[Term], b: Sequence[Term], weight: Callable[[str], float]
) -> tuple[float, float]:
    """(cosine-like similarity, containment of the smaller side) of two term lists.

    A term of one side counts as shared when any of its stem keys is a key of the other side;
    each distinct stem is weighted by ``weight(stem)`` squared.
    """
    uniq_a = {t.stem: t for t in a}
    uniq_b = {t.stem: t for t in b}
    if not uniq_a or not uniq_b:
        return 0.0, 0.0
    keys_a = frozenset().union(*(t.keys for t in uniq_a.values()))
    keys_b = frozenset().union(*(t.keys for t in uniq_b.values()))
    w_a = {s: weight(s) ** 2 for s in uniq_a}
    w_b = {s: weight(s) ** 2 for s in uniq_b}
    share_a = sum(w_a[s] for s, t in uniq_a.items() if t.keys & keys_b) / sum(w_a.values())
    share_b = sum(w_b[s] for s, t in uniq_b.items() if t.keys & keys_a) / sum(w_b.values())
    small = share_a if len(uniq_a) <= len(uniq_b) else share_b
    return math.sqrt(share_a * share_b), small


def shared_count(a: Sequence[Term], b: Sequence[Term]) -> int:
    """How many distinct stems of ``a`` match a stem key of ``b``."""
    keys_b = frozenset().union(*(t.keys for t in b)) if b else frozenset()
    return len({t.stem for t in a if t.keys & keys_b})
