"""Agreement between two short reports (headlines, claims): agree, disagree or unrelated.

Two reports are related when they share enough weighted content words; related reports
disagree when one denies or negates what the other states, when they give different numbers
for the same thing, or when they use words of opposite outcome (ارتفع / انخفض).
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import numpy as np

from khabar.arabic.normalize import normalize
from khabar.claims.data import (
    ANTONYM_PAIRS,
    CAPITAL_COUNTRIES,
    CURRENCIES,
    DENIAL_VERBS,
    NEGATION_PARTICLES,
    NOT_NEGATIONS,
    NUMBER_LOWER_BOUNDS,
    NUMBER_LOWER_BOUNDS_AFTER,
    NUMBER_SCALES,
    NUMBER_WORDS,
)
from khabar.claims.text import (
    Term,
    background_idf,
    content_terms,
    light_stem,
    norm_text,
    stem_keys,
    words,
)

Agreement = Literal["agree", "disagree", "unrelated"]

RELATED_SIMILARITY = 0.8
"""Cosine of the two reports' LSA vectors from which they are about the same happening.
Calibrated together with NEGATION_MARGIN on the ANT headline pairs of
tests/quality/data/agreement_pairs.tsv (scripts/agreement_corpus.py); retune both together."""

NEGATION_MARGIN = 0.1
"""How much less similar two reports may be when one denies what the other states (a denial
shares fewer words with the claim it denies than a restatement does)."""

DENIAL_SCOPE_WORDS = 3
"""Content words after a denial (تنفي …) that it denies."""

NEGATED_VERB_SCOPE_WORDS = 2
"""Content words after لا / لم / لن before a verb that the negation covers."""

NUMBER_UNIT_WORDS = 2
"""Words after a number searched for the noun it counts."""

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NUMBER_WORDS = {
    normalize(k): v for k, v in NUMBER_WORDS.items() if v < 100 and not normalize(k).endswith("ات")
}
_SCALES = {normalize(k): v for k, v in NUMBER_SCALES.items()}
_CURRENCIES = frozenset(light_stem(normalize(c)) for c in CURRENCIES)
_ANTONYMS = tuple((light_stem(normalize(a)), light_stem(normalize(b))) for a, b in ANTONYM_PAIRS)
_PRESENT = ("ي", "ت", "ن", "ا")
VECTORS_FILE = "stem_vectors.npz"
"""LSA vectors of light stems (96 dimensions) fitted on ANT
(``scripts/agreement_corpus.py build-lsa``)."""


@dataclass(frozen=True, slots=True)
class StemVectors:
    """Read-only LSA vectors of light stems."""

    index: Mapping[str, int]
    vectors: np.ndarray

    def embed(self, terms: Sequence[Term]) -> np.ndarray:
        """IDF-weighted sum of the vectors of ``terms`` (zeros when none is known)."""
        weight = background_idf().idf
        out = np.zeros(self.vectors.shape[1], dtype=np.float32)
        for term in terms:
            known = [k for k in term.keys if k in self.index]
            if known:
                key = min(known, key=lambda k: (weight(k), k))
                out += weight(key) * self.vectors[self.index[key]]
        return out


@functools.cache
def stem_vectors() -> StemVectors:
    """Load the bundled LSA vectors once per process (constant, read-only data)."""
    path = resources.files("khabar.claims") / "resources" / VECTORS_FILE
    with resources.as_file(path) as real, np.load(real) as data:
        stems = [str(s) for s in data["stems"]]
        vectors = data["vectors"].astype(np.float32)
    vectors.setflags(write=False)
    return StemVectors(types.MappingProxyType({s: i for i, s in enumerate(stems)}), vectors)


@functools.cache
def place_names() -> Mapping[tuple[str, ...], tuple[str, ...]]:
    """Stem sequences of country names (from babel's Arabic territory names) and of capitals
    and seats of government, each mapped to the stems of its country."""
    from babel import Locale

    def key(name: str) -> tuple[str, ...]:
        return tuple(w.stem for w in words(name))

    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for code, name in Locale("ar").territories.items():
        if len(code) == 2 and code.isalpha() and key(name):
            out[key(name)] = key(name)
    for place, country in CAPITAL_COUNTRIES.items():
        out[key(place)] = key(country)
    return types.MappingProxyType(out)


def places(text: str) -> set[tuple[str, ...]]:
    """The countries ``text`` names (directly, by an adjective, or by a capital)."""
    stems = [w.stem for w in words(text)]
    found: set[tuple[str, ...]] = set()
    for name, country in place_names().items():
        n = len(name)
        if any(tuple(stems[i : i + n]) == name for i in range(len(stems) - n + 1)):
            found.add(country)
    return found


def place_conflict(a: str, b: str) -> bool:
    """True when both reports name countries and none in common (two different happenings)."""
    pa, pb = places(a), places(b)
    return bool(pa and pb and not pa & pb)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a report: its value, the noun it counts, and whether it is a lower bound."""

    value: float
    unit: str | None
    at_least: bool


def _negated_terms(text: str) -> set[str]:
    """Stem keys of the words a denial or negation in ``text`` covers."""
    spaced = norm_text(text)
    ws = words(text)
    norms = [w.norm for w in ws]
    covered: set[str] = set()
    skip_phrases = [norm_text(p).split() for p in NOT_NEGATIONS]
    denial_phrases = [norm_text(p).split() for p in DENIAL_VERBS]
    particles = {normalize(p) for p in NEGATION_PARTICLES}
    for i in range(len(norms)):
        if any(norms[i : i + len(p)] == p for p in skip_phrases):
            continue
        scope = 0
        start = i + 1
        for phrase in denial_phrases:
            if norms[i : i + len(phrase)] == phrase:
                scope, start = DENIAL_SCOPE_WORDS, i + len(phrase)
                break
        if not scope and norms[i] in particles:
            nxt = norms[i + 1] if i + 1 < len(norms) else ""
            verb_like = nxt[:1] in _PRESENT or norms[i] in {"لم", "ولم", "لن", "ولن"}
            scope = NEGATED_VERB_SCOPE_WORDS if verb_like else 1
        if not scope:
            continue
        for w in ws[start : start + scope]:
            covered |= stem_keys(w.norm)
    del spaced
    return covered


def _quantities(text: str) -> list[Quantity]:
    """Numbers with the noun they count (scale words folded in: 4.3 مليار دولار)."""
    ws = words(normalize(text).replace("ـ", " "))
    spaced = norm_text(text)
    del spaced
    out: list[Quantity] = []
    norms = [w.norm for w in ws]
    for i, norm in enumerate(norms):
        digits = _NUMBER.search(norm)
        value: float | None = None
        if digits is not None and (digits.end() == len(norm)):
            value = float(digits.group().replace(",", "."))
            if 1900 <= value <= 2100 and "." not in digits.group():
                continue  # a year
        elif norm in _NUMBER_WORDS:
            value = _NUMBER_WORDS[norm]
        if value is None:
            continue
        j = i + 1
        if j < len(norms) and norms[j] in _SCALES:
            value *= _SCALES[norms[j]]
            j += 1
        unit = None
        for w in ws[j : j + NUMBER_UNIT_WORDS]:
            if not _NUMBER.search(w.norm) and len(w.stem) >= 3:
                unit = w.stem
                break
        before = " ".join(norms[max(0, i - 2) : i])
        after = " ".join(norms[j : j + 4])
        at_least = any(normalize(b) in before for b in NUMBER_LOWER_BOUNDS) or any(
            normalize(a) in after for a in NUMBER_LOWER_BOUNDS_AFTER
        )
        out.append(Quantity(value, unit, at_least))
    return out


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two numbers can describe the same count (bounds respected)."""
    if a.value == b.value:
        return True
    if a.at_least and b.value >= a.value:
        return True
    return bool(b.at_least and a.value >= b.value)


def numbers_conflict(a: str, b: str) -> bool:
    """True when two related reports give incompatible numbers for the same thing."""
    qa, qb = _quantities(a), _quantities(b)
    if not qa or not qb:
        return False
    matched = False
    for x in qa:
        for y in qb:
            if x.unit is not None and x.unit == y.unit:
                matched = True
                if not _compatible(x, y):
                    return True
    if matched:
        return False
    if len(qa) == 1 and len(qb) == 1:
        x, y = qa[0], qb[0]
        if x.unit in _CURRENCIES or y.unit in _CURRENCIES:
            return False
        return not _compatible(x, y)
    return False


def negation_conflict(a: str, b: str, terms_a: list[Term], terms_b: list[Term]) -> bool:
    """True when exactly one report negates or denies a word both reports use."""
    keys_a = frozenset().union(*(t.keys for t in terms_a)) if terms_a else frozenset()
    keys_b = frozenset().union(*(t.keys for t in terms_b)) if terms_b else frozenset()
    neg_a, neg_b = _negated_terms(a), _negated_terms(b)
    hit_a = bool(neg_a & keys_b)
    hit_b = bool(neg_b & keys_a)
    if hit_a and not neg_b:
        return True
    return bool(hit_b and not neg_a)


def antonym_conflict(terms_a: list[Term], terms_b: list[Term]) -> bool:
    """True when one report has a word and the other its opposite (فاز / خسر)."""
    keys_a = frozenset().union(*(t.keys for t in terms_a)) if terms_a else frozenset()
    keys_b = frozenset().union(*(t.keys for t in terms_b)) if terms_b else frozenset()
    for x, y in _ANTONYMS:
        if (x in keys_a and y in keys_b and y not in keys_a and x not in keys_b) or (
            y in keys_a and x in keys_b and x not in keys_a and y not in keys_b
        ):
            return True
    return False


def _cosine(x: np.ndarray, y: np.ndarray) -> float:
    nx, ny = float(np.linalg.norm(x)), float(np.linalg.norm(y))
    return float(x @ y) / (nx * ny) if nx and ny else 0.0


def relatedness(a: str, b: str) -> float:
    """How much two reports are about the same thing: cosine of their LSA vectors (-1–1)."""
    vectors = stem_vectors()
    return _cosine(vectors.embed(content_terms(a)), vectors.embed(content_terms(b)))


def agreement(a: str, b: str) -> Agreement:
    """Whether report ``b`` agrees with, contradicts or is unrelated to report ``a``."""
    terms_a, terms_b = content_terms(a), content_terms(b)
    vectors = stem_vectors()
    similarity = _cosine(vectors.embed(terms_a), vectors.embed(terms_b))
    if negation_conflict(a, b, terms_a, terms_b) and similarity >= (
        RELATED_SIMILARITY - NEGATION_MARGIN
    ):
        return "disagree"
    if similarity < RELATED_SIMILARITY or place_conflict(a, b):
        return "unrelated"
    if numbers_conflict(a, b) or antonym_conflict(terms_a, terms_b):
        return "disagree"
    return "agree"
