"""What a statement says, read as propositions that two reports can answer differently.

A *quantity* is a figure of an act done to a counted thing (missiles fired, missiles intercepted,
people killed): the act comes from a class of verbs and masdars (``ACT_CLASSES``), so a count of
intercepted missiles is never set against a count of missiles fired. Its amount is a figure with
the bounds its wording gives it (نحو 100, أكثر من 50), or a word for none, most or all.
An *outcome* says that an operation (the strike, the mission) achieved its aims or failed.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.arabic.normalize import normalize
from khabar.claims.contradiction_data import (
    ALLEGED_MARKERS,
    ALLEGED_WINDOW,
    COMBATANT_NOUNS,
    MILITANTS,
    NECESSITY_MARKERS,
    VAGUE_NUMERALS,
)
from khabar.claims.data import (
    ACT_CLASSES,
    ALL_QUANTIFIERS,
    ANY_WORDS,
    APPROXIMATE_CUES,
    CASUALTY_ACTS,
    COUNTED_PLURALS,
    FAILURE_CUES,
    MOST_QUANTIFIERS,
    NO_CASUALTY_CUES,
    NON_ASSERTIVE_MARKERS,
    NON_ASSERTIVE_WINDOW,
    NONE_NEGATORS,
    NUMBER_LOWER_BOUNDS,
    NUMBER_LOWER_BOUNDS_AFTER,
    NUMBER_SCALES,
    NUMBER_WORDS,
    OPERATION_NOUNS,
    OPPOSITION_NEGATIONS,
    PEOPLE,
    PERSON_NOUNS,
    STOP_WORDS,
    SUCCESS_CUES,
    TIME_UNITS,
    UPPER_BOUND_CUES,
)
from khabar.claims.text import (
    WORD_CACHE_SIZE,
    Word,
    contains_any_phrase,
    light_stem,
    norm_text,
    stem_keys,
    surfaces,
    word_form,
    words,
)

MAX_ACT_SUFFIX = 3
"""Letters a word may carry after an act form and still be that act (أطلق + ها)."""

ACT_WINDOW_BEFORE = 4
"""Words looked back from a figure for the act it counts (أسقطنا 13 صاروخا; تم إطلاق 76)."""

ACT_WINDOW_AFTER = 2
"""Words looked on from the counted noun for an act written after it (110 صواريخ أطلقت)."""

NOUN_WINDOW = 2
"""Words after a figure or a quantifier searched for the noun it counts."""

BOUND_AFTER_WINDOW = 3
"""Words after a figure searched for a lower bound written after it (10 أشخاص على الأقل)."""

NEGATOR_WINDOW = 3
"""Words before a zero-count act searched for its negator (فشلت في إسقاط أي صاروخ)."""

APPROXIMATE_SHARE = 0.1
"""Relative half-width of a figure given as approximate (نحو 100: 90–110)."""

ROUND_FIGURE = 100
"""A figure that is a multiple of this is read as rounded (±APPROXIMATE_SHARE): Moscow's
"100 missiles" does not contradict the 105 of the Pentagon."""

MIN_COUNTED_STEM = 3
"""Letters a counted noun's stem needs (shorter words are particles)."""

_GLUED = re.compile(r"^(\d+(?:[.,]\d+)?)(\D{3,})$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")


def _norm(word: str) -> str:
    return normalize(word).lower()


_ACT_FORMS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        ((_norm(form), act) for act, forms in ACT_CLASSES.items() for form in forms),
        key=lambda fa: -len(fa[0]),
    )
)
_PLURALS = {light_stem(_norm(k)): light_stem(_norm(v)) for k, v in COUNTED_PLURALS.items()}
_NUMBER_WORDS = {_norm(k): v for k, v in NUMBER_WORDS.items()}
_APPROX = frozenset(_norm(w) for w in APPROXIMATE_CUES)
_MOST = frozenset(_norm(w) for w in MOST_QUANTIFIERS)
_ALL = frozenset(_norm(w) for w in ALL_QUANTIFIERS)
_NEGATORS = frozenset(_norm(w) for w in NONE_NEGATORS)
_ANY = frozenset(_norm(w) for w in ANY_WORDS)
_OPERATIONS = frozenset(_norm(w) for w in OPERATION_NOUNS)
_NON_ASSERTIVE = frozenset(_norm(w) for w in (*NON_ASSERTIVE_MARKERS, *NECESSITY_MARKERS))
_STOP = frozenset(_norm(w) for w in STOP_WORDS)
_TIME = frozenset(light_stem(_norm(w)) for w in TIME_UNITS)
_PERSONS = frozenset(f for w in PERSON_NOUNS for f in (_norm(w), light_stem(_norm(w))))
_COMBATANTS = frozenset(f for w in COMBATANT_NOUNS for f in (_norm(w), light_stem(_norm(w))))
_VAGUE = {_norm(k): v for k, v in VAGUE_NUMERALS.items()}
_SCALES = {_norm(k): v for k, v in NUMBER_SCALES.items()}
_NO_CASUALTY_HOOKS = tuple(
    sorted(
        {
            form
            for cues in NO_CASUALTY_CUES.values()
            for cue in cues
            for form in (max(cue.split(), key=len), max(norm_text(cue).split(), key=len))
        }
    )
)
"""The longest word of each cue of NO_CASUALTY_CUES, as written and normalised: a text holding
none of them holds no cue (a quick test on the text as written)."""


@dataclass(frozen=True, slots=True)
class Amount:
    """How much: a range of values (a figure, a bound) or a word for none / most / all."""

    low: float
    high: float
    word: str = ""
    """"none", "most" or "all" when the amount is a word, "" for a figure."""

    def label(self) -> str:
        """The amount as a reader would write it."""
        if self.word:
            return self.word
        if self.low == self.high:
            return f"{self.low:g}"
        if math.isinf(self.high):
            return f"more than {self.low:g}"
        return f"{self.low:g}–{self.high:g}"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure of an act done to a counted thing (``intercept`` · ``صاروخ`` · 13)."""

    act: str
    thing: str
    amount: Amount


@dataclass(frozen=True, slots=True)
class Outcome:
    """An operation said to have achieved its aims (``succeeded``) or not."""

    operation: str
    succeeded: bool


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _bare(norm: str) -> str:
    """``norm`` without a leading conjunction, preposition or article (3+ letters kept)."""
    for prefix in _PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 3:
            return norm[len(prefix) :]
    return norm


def act_of(word: Word) -> str | None:
    """The act class (``ACT_CLASSES``) a word is a verb or masdar of, or None."""
    return _act_of_norm(word.norm)


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _act_of_norm(norm: str) -> str | None:
    for form in (norm, _bare(norm)):
        for act_form, act in _ACT_FORMS:
            if form.startswith(act_form) and len(form) - len(act_form) <= MAX_ACT_SUFFIX:
                return act
    return None


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _may_count(surface: str) -> bool:
    """Whether a written word can start a reading of :func:`quantities`: it holds a digit, or
    is a number word, a quantifier (most, all) or "any"."""
    if any(ch.isdigit() for ch in surface):
        return True
    norm = word_form(surface)[0]
    return (
        norm in _NUMBER_WORDS
        or norm in _MOST
        or _bare(norm) in _MOST
        or norm in _ALL
        or norm in _ANY
    )


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _names_operation(surface: str) -> bool:
    """Whether a written word is an operation noun (OPERATION_NOUNS), a clitic aside."""
    norm = word_form(surface)[0]
    return norm in _OPERATIONS or _bare(norm) in _OPERATIONS


def _thing(word: Word, act: str) -> str:
    """The thing a figure's noun counts: PEOPLE for a person noun of a toll (CASUALTY_ACTS),
    MILITANTS for a noun of armed men (COMBATANT_NOUNS)."""
    if act in CASUALTY_ACTS:
        if word.norm in _PERSONS or word.stem in _PERSONS:
            return PEOPLE
        if word.norm in _COMBATANTS or word.stem in _COMBATANTS:
            return MILITANTS
    return _PLURALS.get(word.stem, word.stem)


def _toll_act(word: Word) -> str | None:
    """The toll act a counted noun names itself (40 قتيلا, 60 جريحا, عشرات القتلى), else None."""
    act = act_of(word)
    named = word.norm in _PERSONS or _bare(word.norm) in _PERSONS
    return act if act in CASUALTY_ACTS and named else None


def no_casualties(text: str) -> tuple[Quantity, ...]:
    """Tolls ``text`` gives as none (NO_CASUALTY_CUES: أحدا لم يصب بأذى, من دون وقوع أي
    إصابات), one reading per act."""
    if not any(hook in text for hook in _NO_CASUALTY_HOOKS):
        return ()
    spaced = norm_text(text)
    return tuple(
        Quantity(act, PEOPLE, Amount(0.0, 0.0, "none"))
        for act, cues in NO_CASUALTY_CUES.items()
        if contains_any_phrase(spaced, cues)
    )


def _split_glued(ws: list[Word]) -> list[Word]:
    """Split a figure glued to its noun (105صواريخ) into two words."""
    out: list[Word] = []
    for w in ws:
        match = _GLUED.match(w.norm)
        if match:
            num, rest = match.group(1), match.group(2)
            out.append(Word(num, w.start, w.start + len(num), num, num))
            out.append(Word(rest, w.start + len(num), w.end, rest, light_stem(rest)))
        else:
            out.append(w)
    return out


def _value(word: Word) -> float | None:
    if _NUMBER.match(word.norm):
        return float(word.norm.replace(",", "."))
    return _NUMBER_WORDS.get(word.norm)


def _scale_after(ws: list[Word], i: int) -> float:
    """The factor of a scale word (NUMBER_SCALES) right after the figure at ``i``, article
    aside (ستة آلاف: 1000; عشرات الآلاف: 1000), else 1."""
    if i + 1 >= len(ws):
        return 1.0
    norm = ws[i + 1].norm
    return _SCALES.get(norm) or _SCALES.get(_bare(norm)) or 1.0


def _noun_after(ws: list[Word], i: int) -> int | None:
    """Index of the noun a figure or quantifier at ``i`` counts."""
    for j in range(i + 1, min(len(ws), i + 1 + NOUN_WINDOW)):
        w = ws[j]
        if _value(w) is not None or w.norm in _STOP or len(w.stem) < MIN_COUNTED_STEM:
            continue
        return j
    return None


def _act_near(ws: list[Word], i: int, noun: int) -> str | None:
    """The act counted by the figure at ``i`` (its noun at ``noun``): the nearest act word
    before it, else one just after the noun (110 صواريخ أطلقت)."""
    for j in range(i - 1, max(-1, i - 1 - ACT_WINDOW_BEFORE), -1):
        act = act_of(ws[j])
        if act is not None:
            return act
        if _value(ws[j]) is not None:
            break  # another figure's act
    for j in range(noun + 1, min(len(ws), noun + 1 + ACT_WINDOW_AFTER)):
        act = act_of(ws[j])
        if act is not None:
            return act
    return None


def _bounds(ws: list[Word], i: int, value: float, last: int | None = None) -> Amount:
    """The amount of the figure ``value`` written at ``i`` (through ``last``, its scale word)."""
    end = i if last is None else last
    before = " ".join(w.norm for w in ws[max(0, i - 3) : i])
    after = " ".join(w.norm for w in ws[end + 1 : end + 1 + BOUND_AFTER_WINDOW])
    if contains_any_phrase(f" {before} ", NUMBER_LOWER_BOUNDS) or contains_any_phrase(
        f" {after} ", NUMBER_LOWER_BOUNDS_AFTER
    ):
        return Amount(value, math.inf)
    if contains_any_phrase(f" {before} ", UPPER_BOUND_CUES):
        return Amount(0.0, value)
    if (i > 0 and ws[i - 1].norm in _APPROX) or (
        value >= ROUND_FIGURE and value % ROUND_FIGURE == 0
    ):
        return Amount(value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE))
    return Amount(value, value)


def quantities(text: str) -> tuple[Quantity, ...]:
    """The figures of ``text`` with the act and the thing each counts (acts of ACT_CLASSES only;
    years and counts of time left out), and zero, most and all counts given in words."""
    none = no_casualties(text)
    if not any(_may_count(w) for w in surfaces(text)):
        return none
    ws = _split_glued(words(text))
    out: list[Quantity] = list(none)
    scaled = -1  # the index of a scale word already folded into the figure before it
    for i, word in enumerate(ws):
        if i == scaled:
            continue
        vague = _VAGUE.get(word.norm)
        if vague is not None:
            factor = _scale_after(ws, i)
            last = i + 1 if factor != 1.0 else i
            scaled = last
            noun = _noun_after(ws, last)
            act = _toll_act(ws[noun]) or _act_near(ws, i, noun) if noun is not None else None
            if noun is not None and act is not None:
                low, high = vague
                amount = Amount(low * factor, high * factor)
                out.append(Quantity(act, _thing(ws[noun], act), amount))
            continue
        value = _value(word)
        if value is not None:
            if 1900 <= value <= 2100:
                continue  # a year
            factor = _scale_after(ws, i)
            last = i + 1 if factor != 1.0 else i
            scaled = last
            noun = _noun_after(ws, last)
            if noun is None or ws[noun].stem in _TIME:
                continue
            act = _toll_act(ws[noun]) or _act_near(ws, i, noun)
            if act is not None:
                amount = _bounds(ws, i, value * factor, last)
                out.append(Quantity(act, _thing(ws[noun], act), amount))
            continue
        bare = _bare(word.norm)
        if word.norm in _MOST or bare in _MOST or word.norm in _ALL:
            noun = _noun_after(ws, i)
            act = _act_near(ws, i, noun) if noun is not None else None
            if noun is not None and act is not None:
                most = word.norm in _MOST or bare in _MOST
                amount = Amount(0.5, 1.0, "most") if most else Amount(1.0, 1.0, "all")
                out.append(Quantity(act, _thing(ws[noun], act), amount))
        elif word.norm in _ANY and i > 0 and i + 1 < len(ws):
            act = act_of(ws[i - 1])
            negated = any(w.norm in _NEGATORS for w in ws[max(0, i - 1 - NEGATOR_WINDOW) : i - 1])
            if act is not None and negated:
                out.append(Quantity(act, _thing(ws[i + 1], act), Amount(0.0, 0.0, "none")))
    return tuple(out)


def compatible(a: Amount, b: Amount) -> bool:
    """Whether two amounts of one quantity can both hold. Shares (most, all) and figures are
    on different scales unless one of them is none: 13 missiles and "most" may both be true."""
    if a.word == "none" or b.word == "none":
        nothing_a = a.word == "none" or a.high == 0
        nothing_b = b.word == "none" or b.high == 0
        return nothing_a == nothing_b
    if bool(a.word) != bool(b.word):
        return True
    return a.low <= b.high and b.low <= a.high


def outcomes(text: str) -> tuple[Outcome, ...]:
    """Whether ``text`` says an operation (OPERATION_NOUNS) achieved its aims or failed."""
    if not any(_names_operation(w) for w in surfaces(text)):
        return ()
    spaced = norm_text(text)
    if contains_any_phrase(spaced, FAILURE_CUES):
        return (Outcome("operation", False),)
    if contains_any_phrase(spaced, SUCCESS_CUES):
        return (Outcome("operation", True),)
    return ()


def asserts(text: str, predicate_keys: frozenset[str]) -> bool:
    """Whether ``text`` states as having happened a predicate whose stem keys are given: false
    when each of its occurrences follows a purpose, a general "any" or a condition
    (NON_ASSERTIVE_MARKERS) or a need, or is called alleged after it (see :func:`stated_at`),
    true when it occurs otherwise (or the keys are empty)."""
    if not predicate_keys:
        return True
    ws = words(text)
    seen = False
    for i, w in enumerate(ws):
        if w.stem not in predicate_keys and _bare(w.norm) not in predicate_keys:
            continue
        seen = True
        if stated_at(ws, i):
            return True
    return not seen


def stated_at(ws: Sequence[Word], i: int) -> bool:
    """Whether the word at ``i`` is stated as having happened: not after a purpose, "any", a
    condition (NON_ASSERTIVE_MARKERS) or a need (NECESSITY_MARKERS: يتطلب تفويضا), and not
    called alleged after it (ALLEGED_MARKERS: الاستخدام المزعوم)."""
    window = ws[max(0, i - NON_ASSERTIVE_WINDOW) : i]
    if any(x.norm in _NON_ASSERTIVE or _bare(x.norm) in _NON_ASSERTIVE for x in window):
        return False
    return not any(_bare(x.norm) in _ALLEGED for x in ws[i + 1 : i + 1 + ALLEGED_WINDOW])


NEGATION_SCOPE = 2
"""Words before an act within which a negation (لم، لن، عدم) denies it."""

_ACT_NEGATIONS = frozenset(normalize(w) for w in OPPOSITION_NEGATIONS)
_ALLEGED = frozenset(_bare(_norm(w)) for w in ALLEGED_MARKERS)


def negates(text: str, keys: frozenset[str]) -> bool:
    """Whether every word of ``text`` holding one of the stem ``keys`` stands under a negation
    (بومبيو لم يشاهد أي تسجيل): such a text agrees with a denial of the act, not against it."""
    ws = words(text)
    hits = [i for i, w in enumerate(ws) if stem_keys(w.norm) & keys]
    return bool(hits) and all(
        any(is_negation(b.norm) for b in ws[max(0, i - NEGATION_SCOPE) : i]) for i in hits
    )


def is_negation(norm: str) -> bool:
    """Whether a normalised word is a negation (OPPOSITION_NEGATIONS), a clitic (و، ف، ب، ل)
    aside: بعدم التدخل negates التدخل."""
    return norm in _ACT_NEGATIONS or (norm[:1] in _CLITICS and norm[1:] in _ACT_NEGATIONS)


_CLITICS = ("و", "ف", "ب", "ل")


NEGATED_CLAIM_WORDS = 4
"""Words at the start of a statement within which a negation makes the whole claim a negative
one (بومبيو لم يشاهد أي تسجيل): it cannot pass on what a denial denies."""


def negative_claim(text: str) -> bool:
    """Whether ``text`` opens by negating what it says (… لم يشاهد، لن تنسحب)."""
    return any(w.norm in _ACT_NEGATIONS for w in words(text)[:NEGATED_CLAIM_WORDS])
