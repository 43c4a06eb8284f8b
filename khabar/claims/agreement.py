"""Agreement between two short reports (headlines, claims): agree, disagree or unrelated.

:func:`agreement` is a stance model learned from real headline pairs (the ANS corpus): two
logistic models over features of what changes between the two reports — the words each side
does not share (what replaced what), negation and its scope, denials, numbers, places, learned
opposites — first decide whether the reports are about the same thing, then whether they agree.
The weights ship in ``resources/stance_model.json`` (``scripts/train_stance.py`` rebuilds them).

:func:`rule_agreement` is the earlier hand-written rule: two reports are related when their LSA
vectors are close; related reports disagree when one denies or negates what the other states,
when they give different numbers for the same thing, or when they use words of opposite outcome
(ارتفع / انخفض). It was calibrated on headlines written independently by different outlets.
"""

from __future__ import annotations

import difflib
import functools
import json
import math
import re
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

import numpy as np

from khabar.arabic.normalize import normalize
from khabar.claims.data import (
    ANTONYM_PAIRS,
    CAPITAL_COUNTRIES,
    CURRENCIES,
    DENIAL_VERBS,
    DENIAL_WORDS_FOR_AGREEMENT,
    NEGATION_PARTICLES,
    NOT_NEGATIONS,
    NOT_PARTICIPLE_BEFORE,
    NUMBER_LOWER_BOUNDS,
    NUMBER_LOWER_BOUNDS_AFTER,
    NUMBER_SCALES,
    NUMBER_WORDS,
    VAGUE_QUANTITIES,
)
from khabar.claims.text import (
    Term,
    Word,
    background_idf,
    content_terms,
    light_stem,
    norm_text,
    stem_keys,
    term_overlap,
    words,
)
from khabar.errors import ModelError

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


@functools.cache
def _places_by_first_stem() -> Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """:func:`place_names` indexed by the first stem of each name."""
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for name, country in place_names().items():
        out.setdefault(name[0], []).append((name, country))
    return types.MappingProxyType({k: tuple(v) for k, v in out.items()})


def places(text: str) -> set[tuple[str, ...]]:
    """The countries ``text`` names (directly, by an adjective, or by a capital)."""
    stems = [w.stem for w in words(text)]
    found: set[tuple[str, ...]] = set()
    index = _places_by_first_stem()
    for i, stem in enumerate(stems):
        for name, country in index.get(stem, ()):
            if tuple(stems[i : i + len(name)]) == name:
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


def rule_agreement(a: str, b: str) -> Agreement:
    """The hand-written rule: whether ``b`` agrees with, contradicts or is unrelated to ``a``."""
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


# ------------------------------------------------------------------------------------------
# The learned stance model: features of a pair, two logistic models, the decision
# ------------------------------------------------------------------------------------------

MODEL_FILE = "stance_model.json"
"""Weights of the stance model, fitted on the ANS train split (``scripts/train_stance.py``)."""

UNALIGNED_SCALE = 5.0
"""Words: counts of unshared words are divided by this so that a headline's usual 0–10 land
near 0–2, the range of the other features (no effect on what the model can learn, only on
how strongly regularisation pulls their weights)."""

OPS_SCALE = 3.0
"""Edit operations: counts of replaced / inserted word runs are divided by this, for the same
reason."""

RARE_STEM_IDF = 7.0
"""Background IDF above which an unshared stem counts as rare (names and uncommon words): rare
words unshared on both sides may be one actor or place standing for another. Set by hand, not
tuned."""

PAIRED_WORDS = 6
"""Unshared words of each side crossed into word-pair features (the first ones in reading
order): 36 pairs at most, which bounds the features of long texts. Set by hand, not tuned."""

REPLACED_RUN_WORDS = 2
"""Longest run of words replaced by another run (difflib opcodes) read as one substitution."""

CLOSE_EDIT_RATIO = 0.6
"""Word-sequence similarity (difflib ratio) above which a pair with at most two edits is a
near copy of the other report. Set by hand, not tuned."""

WORD_FAMILY_RATIO = 0.66
"""Letter-sequence similarity (difflib ratio) from which two unshared stems count as forms of
one word: اسلح / تسليح score 0.67; of 19,125 random pairs of stems of ANS train headlines, 0.6 %
reach it and 95 % score below 0.5."""

MIN_FAMILY_CHARS = 3
"""Stems shorter than this are too short to compare letter by letter."""

CHAR_NGRAM = 3
"""Characters per n-gram for the spelling-tolerant overlap (الاميركي / الأمريكي, يدمن / مدمن)."""

_NEGATORS = frozenset(normalize(w) for w in (*NEGATION_PARTICLES, *NOT_PARTICIPLE_BEFORE))
_DENIERS = frozenset(
    normalize(w) for w in (*DENIAL_VERBS, *DENIAL_WORDS_FOR_AGREEMENT) if " " not in w
)
_VAGUE = frozenset(normalize(w) for w in VAGUE_QUANTITIES)
_ALL_NUMBER_WORDS = {normalize(k): v for k, v in NUMBER_WORDS.items()}


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """What the stance model sees of two reports.

    ``dense``: named measures of the pair (overlap, unshared share, negation, numbers, places);
    ``lexical``: indicator features naming words (unshared stems, crossed and replaced stem
    pairs, negated stems, negation particles)."""

    dense: Mapping[str, float]
    lexical: Mapping[str, float]


def _char_ngrams(ws: Sequence[Word]) -> set[str]:
    text = " " + " ".join(w.norm for w in ws) + " "
    return {text[i : i + CHAR_NGRAM] for i in range(len(text) - CHAR_NGRAM + 1)}


def _number_values(ws: Sequence[Word]) -> set[float]:
    """Every figure a report gives, in digits or in words."""
    out: set[float] = set()
    for w in ws:
        digits = _NUMBER.search(w.norm)
        if digits is not None:
            out.add(float(digits.group().replace(",", ".")))
        elif w.norm in _ALL_NUMBER_WORDS:
            out.add(_ALL_NUMBER_WORDS[w.norm])
        elif w.stem in _ALL_NUMBER_WORDS:
            out.add(_ALL_NUMBER_WORDS[w.stem])
    return out


def _same_word_family(x: str, y: str) -> bool:
    """Whether two stems look like forms of one word (اسلح / تسليح, مدمن / يدمن): most of
    their letters match in order."""
    if min(len(x), len(y)) < MIN_FAMILY_CHARS:
        return False
    return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= WORD_FAMILY_RATIO


def _either(x: bool, y: bool) -> float:
    """1.0 when exactly one of two sides has a property."""
    return float(x != y)


def pair_features(a: str, b: str) -> PairFeatures:
    """The stance model's features of two reports (nearly symmetric in ``a`` and ``b``)."""
    idf = background_idf().idf
    vectors = stem_vectors()
    terms_a, terms_b = content_terms(a), content_terms(b)
    keys_a = frozenset().union(*(t.keys for t in terms_a)) if terms_a else frozenset()
    keys_b = frozenset().union(*(t.keys for t in terms_b)) if terms_b else frozenset()
    only_a = [t for t in terms_a if not t.keys & keys_b]
    only_b = [t for t in terms_b if not t.keys & keys_a]
    words_a, words_b = words(a), words(b)
    d: dict[str, float] = {}
    lex: dict[str, float] = {}

    # How much the two share: weighted stems, LSA vectors, character n-grams.
    d["shared_cosine"], d["shared_containment"] = term_overlap(terms_a, terms_b, idf)
    d["lsa_cosine"] = _cosine(vectors.embed(terms_a), vectors.embed(terms_b))
    d["lsa_cosine_unshared"] = (
        _cosine(vectors.embed(only_a), vectors.embed(only_b)) if only_a and only_b else 0.0
    )
    grams_a, grams_b = _char_ngrams(words_a), _char_ngrams(words_b)
    common = len(grams_a & grams_b)
    d["char_jaccard"] = common / max(1, len(grams_a | grams_b))
    d["char_containment"] = common / max(1, min(len(grams_a), len(grams_b)))

    # What each side says that the other does not.
    n_a, n_b = len({t.stem for t in terms_a}), len({t.stem for t in terms_b})
    d["unshared_min"] = min(len(only_a), len(only_b)) / UNALIGNED_SCALE
    d["unshared_max"] = max(len(only_a), len(only_b)) / UNALIGNED_SCALE
    d["one_side_contained"] = float(not only_a or not only_b)
    share_a, share_b = len(only_a) / max(n_a, 1), len(only_b) / max(n_b, 1)
    d["unshared_share_min"], d["unshared_share_max"] = min(share_a, share_b), max(share_a, share_b)
    d["rare_unshared_both"] = float(
        any(idf(t.stem) > RARE_STEM_IDF for t in only_a)
        and any(idf(t.stem) > RARE_STEM_IDF for t in only_b)
    )
    forms_a = sum(any(_same_word_family(x.stem, y.stem) for y in only_b) for x in only_a)
    forms_b = sum(any(_same_word_family(y.stem, x.stem) for x in only_a) for y in only_b)
    d["unshared_related_forms"] = (forms_a + forms_b) / UNALIGNED_SCALE
    d["unshared_min_after_forms"] = min(len(only_a) - forms_a, len(only_b) - forms_b) / (
        UNALIGNED_SCALE
    )
    for t in (*only_a, *only_b):
        lex["unshared:" + t.stem] = 1.0
    for x in only_a[:PAIRED_WORDS]:
        for y in only_b[:PAIRED_WORDS]:
            lo, hi = sorted((x.stem, y.stem))
            lex[f"crossed:{lo}|{hi}"] = 1.0

    # Negation, its scope, denials.
    neg_a = sum(w.norm in _NEGATORS for w in words_a)
    neg_b = sum(w.norm in _NEGATORS for w in words_b)
    d["negation_one_side"] = _either(neg_a > 0, neg_b > 0)
    d["negation_both"] = float(neg_a > 0 and neg_b > 0)
    d["denial_one_side"] = _either(
        any(w.norm in _DENIERS for w in words_a), any(w.norm in _DENIERS for w in words_b)
    )
    scope_a, scope_b = _negated_terms(a), _negated_terms(b)
    d["negates_shared_word"] = float(
        bool(scope_a & keys_b and not scope_b) or bool(scope_b & keys_a and not scope_a)
    )
    for key in scope_a | scope_b:
        lex["negated:" + key] = 1.0
    for w in (*words_a, *words_b):
        if w.norm in _NEGATORS:
            lex["negator:" + w.norm] = 1.0

    # Numbers and how big.
    d["numbers_conflict"] = float(numbers_conflict(a, b))
    qa, qb = _quantities(a), _quantities(b)
    d["number_one_side"] = _either(bool(qa), bool(qb))
    d["numbers_both"] = float(bool(qa) and bool(qb))
    va, vb = _number_values(words_a), _number_values(words_b)
    d["figures_differ"] = float(bool(va) and bool(vb) and va != vb)
    d["figures_disjoint"] = float(bool(va) and bool(vb) and not va & vb)
    vague_a = {w.norm for w in words_a} & _VAGUE
    vague_b = {w.norm for w in words_b} & _VAGUE
    d["vague_counts_differ"] = float(vague_a != vague_b)

    # Places and opposites.
    pa, pb = places(a), places(b)
    d["places_disjoint"] = float(bool(pa and pb and not pa & pb))
    d["places_differ"] = float(bool(pa and pb and pa ^ pb))
    d["place_one_side"] = _either(bool(pa), bool(pb))
    d["listed_antonyms"] = float(antonym_conflict(terms_a, terms_b))

    # The edit from one word sequence to the other: what replaced what.
    stems_a, stems_b = [w.stem for w in words_a], [w.stem for w in words_b]
    matcher = difflib.SequenceMatcher(None, stems_a, stems_b, autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    replaced = [op for op in ops if op[0] == "replace"]
    d["sequence_ratio"] = matcher.ratio()
    d["replaced_runs"] = len(replaced) / OPS_SCALE
    d["inserted_runs"] = (len(ops) - len(replaced)) / OPS_SCALE
    d["single_substitution"] = float(len(ops) == 1 and ops[0][0] == "replace")
    d["near_copy"] = float(len(ops) <= 2 and d["sequence_ratio"] > CLOSE_EDIT_RATIO)
    closest = 0.0
    for _, i1, i2, j1, j2 in replaced:
        run_a, run_b = stems_a[i1:i2], stems_b[j1:j2]
        if len(run_a) <= REPLACED_RUN_WORDS and len(run_b) <= REPLACED_RUN_WORDS:
            for x in run_a:
                for y in run_b:
                    lo, hi = sorted((x, y))
                    lex[f"replaced:{lo}|{hi}"] = 1.0
                    if x in vectors.index and y in vectors.index:
                        closest = max(
                            closest,
                            _cosine(
                                vectors.vectors[vectors.index[x]], vectors.vectors[vectors.index[y]]
                            ),
                        )
        for stem in (*run_a, *run_b):
            lex["replaced_word:" + stem] = 1.0
    d["replaced_lsa_cosine"] = closest
    return PairFeatures(types.MappingProxyType(d), types.MappingProxyType(lex))


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A logistic model over named features: P = sigmoid(intercept + Σ weight × value)."""

    intercept: float
    weights: Mapping[str, float]

    def probability(self, *features: Mapping[str, float]) -> float:
        """Probability of the positive class given one or more feature maps."""
        z = self.intercept
        for group in features:
            for name, value in group.items():
                z += self.weights.get(name, 0.0) * value
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@dataclass(frozen=True, slots=True)
class StanceModel:
    """Two logistic models: ``related`` gives P(unrelated) from the dense features; ``stance``
    gives P(disagree) for related reports from the dense and lexical features."""

    related: LinearModel
    stance: LinearModel
    unrelated_above: float
    disagree_above: float

    def predict(self, features: PairFeatures) -> Agreement:
        """The label of a pair from its features."""
        if self.related.probability(features.dense) > self.unrelated_above:
            return "unrelated"
        if self.stance.probability(features.dense, features.lexical) > self.disagree_above:
            return "disagree"
        return "agree"

    def to_json(self) -> dict[str, object]:
        """The model as plain JSON data (what :func:`stance_model` reads back)."""
        return {
            "unrelated_above": self.unrelated_above,
            "disagree_above": self.disagree_above,
            "related": {"intercept": self.related.intercept, "weights": dict(self.related.weights)},
            "stance": {"intercept": self.stance.intercept, "weights": dict(self.stance.weights)},
        }

    @classmethod
    def from_json(cls, data: Any, source: str = "stance model") -> StanceModel:
        """Rebuild a model from :meth:`to_json` data (:class:`ModelError` when malformed)."""
        try:
            parts = [
                LinearModel(
                    float(data[name]["intercept"]),
                    types.MappingProxyType(
                        {str(k): float(v) for k, v in data[name]["weights"].items()}
                    ),
                )
                for name in ("related", "stance")
            ]
            return cls(
                parts[0], parts[1], float(data["unrelated_above"]), float(data["disagree_above"])
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(
                f"{source}: not a stance model ({exc!r}); rebuild it with scripts/train_stance.py"
            ) from exc


@functools.cache
def stance_model() -> StanceModel:
    """Load the bundled stance model once per process (constant, read-only data)."""
    path = resources.files("khabar.claims") / "resources" / MODEL_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"{path}: cannot read the stance model ({exc}); rebuild it with scripts/train_stance.py"
        ) from exc
    return StanceModel.from_json(data, str(path))


def agreement(a: str, b: str) -> Agreement:
    """Whether report ``b`` agrees with, contradicts or is unrelated to report ``a``."""
    if not content_terms(a) or not content_terms(b):
        return "unrelated"  # a side with no content word says nothing to agree with
    return stance_model().predict(pair_features(a, b))
