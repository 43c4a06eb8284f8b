"""Contradictions between the sources of one claim: stances that clash, facts that differ."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from khabar.arabic.normalize import normalize
from khabar.claims.align import AlignedClaim, Item, overlap, profile
from khabar.claims.data import DUAL_UNITS, NUMBER_WORDS, ORDINALS, STOP_WORDS, TIME_UNITS
from khabar.claims.text import background_idf, light_stem, words
from khabar.model import ClaimSource, Contradiction, Stance

POSITIVE: frozenset[Stance] = frozenset({"asserted", "attributed", "reported"})
"""Stances that pass a claim on as true."""

NEGATIVE: frozenset[Stance] = frozenset({"unconfirmed", "denied"})
"""Stances that doubt or deny it."""

FACT_CONTRADICTION_LINK = 0.6
"""Two sources' numbers or ordinals are compared only when their statements are this similar
(mean of weighted cosine and containment): near restatements of one fact."""

NUMBER_UNIT_WINDOW = 2
"""Words after a number searched for the noun it counts (3 ساعات، 120 قتيلا)."""

_STANCE_WORDS: dict[str, str] = {
    "asserted": "states it as fact",
    "attributed": "attributes it to a named speaker",
    "reported": "passes it on as reports",
    "unconfirmed": "calls it unconfirmed",
    "denied": "reports it denied",
}

_ORDINALS = {normalize(k): v for k, v in ORDINALS.items()}
_NUMBER_WORDS = {normalize(k): v for k, v in NUMBER_WORDS.items()}
_DUALS = {normalize(k): light_stem(normalize(v)) for k, v in DUAL_UNITS.items()}
_STOP = frozenset(normalize(w) for w in STOP_WORDS)
_TIME_UNITS = frozenset(normalize(u) for u in TIME_UNITS)
_TIME_DUALS = frozenset(
    normalize(k)
    for k, v in DUAL_UNITS.items()
    if normalize(v)
    in {normalize(u) for u in ("ساعة", "يوم", "شهر", "عام", "سنة", "أسبوع", "دقيقة")}
)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def _id(kind: str, claim_id: str, a: ClaimSource, b: ClaimSource) -> str:
    key = f"{kind}|{claim_id}|{a.article}|{b.article}"
    return "contra-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def stance_contradictions(aligned: AlignedClaim) -> list[Contradiction]:
    """One contradiction per pair of articles where one passes the claim on and one doubts it."""
    out: list[Contradiction] = []
    sources = aligned.claim.sources
    # An article that reports both the claim and the doubt (X says …; Y denies) is balanced.
    balanced = {item.article for item in aligned.items if item.statement.stance in POSITIVE} & {
        item.article for item in aligned.items if item.statement.stance in NEGATIVE
    }
    for pos in sources:
        if pos.stance not in POSITIVE:
            continue
        for neg in sources:
            if neg.stance not in NEGATIVE or neg.article == pos.article:
                continue
            if neg.article in balanced:
                continue
            detail = (
                f"{pos.article} {_STANCE_WORDS[pos.stance]}; "
                f"{neg.article} {_STANCE_WORDS[neg.stance]}"
            )
            out.append(
                Contradiction(
                    _id("stance", aligned.claim.id, pos, neg),
                    "stance",
                    detail,
                    aligned.claim.id,
                    (pos, neg),
                )
            )
    return out


def numbers_with_units(text: str) -> dict[str, set[float]]:
    """Numbers in ``text`` keyed by the stems of the word before them and of the noun they
    count (``مقتل|شخص``), so that only like is compared with like; counts of time are left out."""
    ws = words(text)
    out: dict[str, set[float]] = {}
    for i, word in enumerate(ws):
        before = next((w.stem for w in reversed(ws[max(0, i - 3) : i]) if w.norm not in _STOP), "")
        if word.norm in _DUALS:
            if word.norm not in _TIME_DUALS:
                out.setdefault(f"{before}|{_DUALS[word.norm]}", set()).add(2.0)
            continue
        value: float | None = None
        if _NUMBER.match(word.norm):
            value = float(word.norm.replace(",", "."))
        elif word.norm in _NUMBER_WORDS:
            value = _NUMBER_WORDS[word.norm]
        if value is None or (1900 <= value <= 2100):
            continue  # years are dates, compared elsewhere
        for unit in ws[i + 1 : i + 1 + NUMBER_UNIT_WINDOW]:
            if _NUMBER.match(unit.norm) or unit.norm in _NUMBER_WORDS or len(unit.stem) < 3:
                continue
            if unit.norm not in _TIME_UNITS:
                out.setdefault(f"{before}|{unit.stem}", set()).add(value)
            break
    return out


def ordinals_with_nouns(text: str) -> dict[str, int]:
    """Ordinals in ``text`` keyed by the stem of the noun they rank (أول زيارة، الزيارة الثانية)."""
    ws = words(text)
    out: dict[str, int] = {}
    for i, word in enumerate(ws):
        value = _ORDINALS.get(word.norm)
        if value is None:
            continue
        # أول زيارة (ordinal first) or الزيارة الثانية / للمرة الأولى (noun first).
        if word.norm.startswith("ال") and i > 0:
            noun = ws[i - 1]
        elif i + 1 < len(ws):
            noun = ws[i + 1]
        else:
            continue
        if len(noun.stem) >= 3:
            out[noun.stem] = value
    return out


def fact_contradictions(aligned: AlignedClaim) -> list[Contradiction]:
    """Numbers or ordinals that differ between sources of one claim in the same event."""
    out: list[Contradiction] = []
    chosen: Sequence[Item] = aligned.chosen
    if len(chosen) < 2:
        return out  # one source: nothing to compare
    weight = background_idf().idf
    profiles = [profile(item.terms, weight) for item in chosen]
    numbers = [numbers_with_units(item.statement.content) for item in chosen]
    ordinals = [ordinals_with_nouns(item.statement.content) for item in chosen]
    for x in range(len(chosen)):
        for y in range(x + 1, len(chosen)):
            a, b = chosen[x], chosen[y]
            if a.event != b.event:
                continue  # different happenings may well differ (a first and a second visit)
            if overlap(profiles[x], profiles[y]) < FACT_CONTRADICTION_LINK:
                continue  # loosely linked statements may count different things
            side_a = aligned.claim.sources[x]
            side_b = aligned.claim.sources[y]
            nums_a, nums_b = numbers[x], numbers[y]
            for unit in sorted(set(nums_a) & set(nums_b)):
                if unit.startswith("|"):
                    continue  # no word before the number to tell what it counts
                if not nums_a[unit] & nums_b[unit]:
                    detail = (
                        f"{a.article} gives {_fmt(nums_a[unit])} and {b.article} gives "
                        f"{_fmt(nums_b[unit])} ({unit})"
                    )
                    out.append(
                        Contradiction(
                            _id("number", aligned.claim.id, side_a, side_b),
                            "number",
                            detail,
                            aligned.claim.id,
                            (side_a, side_b),
                        )
                    )
                    break
            ords_a, ords_b = ordinals[x], ordinals[y]
            for noun in sorted(set(ords_a) & set(ords_b)):
                if ords_a[noun] != ords_b[noun]:
                    detail = (
                        f"{a.article} says number {ords_a[noun]} and {b.article} says "
                        f"number {ords_b[noun]} ({noun})"
                    )
                    out.append(
                        Contradiction(
                            _id("ordinal", aligned.claim.id, side_a, side_b),
                            "ordinal",
                            detail,
                            aligned.claim.id,
                            (side_a, side_b),
                        )
                    )
                    break
    return out


def _fmt(values: set[float]) -> str:
    return "/".join(f"{v:g}" for v in sorted(values))
