"""Entity-level scores (exact span and type) of BIO-tagged sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SCORED_TYPES = ("PER", "LOC", "ORG")
"""Types in the micro average (MISC is tagged but, as in most Arabic NER reports, not scored)."""


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 per type and micro-averaged over ``SCORED_TYPES``."""

    per_type: dict[str, tuple[float, float, float]]
    micro: tuple[float, float, float]
    support: dict[str, int]


def spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """``(type, start, end)`` spans of a BIO sequence (an I- after O or another type opens one)."""
    out: set[tuple[str, int, int]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and kind == tag[2:]:
            continue
        if kind:
            out.add((kind, start, i))
        start, kind = (i, tag[2:]) if tag != "O" else (-1, "")
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Scores:
    """Score ``(gold_tags, predicted_tags)`` pairs at entity level, exact span."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, pred in pairs:
        g, p = spans(gold), spans(pred)
        for kind, *_ in g & p:
            tp[kind] += 1
        for kind, *_ in p - g:
            fp[kind] += 1
        for kind, *_ in g - p:
            fn[kind] += 1
    kinds = sorted(set(tp) | set(fp) | set(fn))
    per_type = {k: _prf(tp[k], fp[k], fn[k]) for k in kinds}
    micro = _prf(
        sum(tp[k] for k in SCORED_TYPES),
        sum(fp[k] for k in SCORED_TYPES),
        sum(fn[k] for k in SCORED_TYPES),
    )
    return Scores(per_type, micro, {k: tp[k] + fn[k] for k in kinds})


ERROR_KINDS = ("missed", "spurious", "boundary", "type", "boundary+type")
"""How a predicted or gold entity can be wrong (see :func:`error_kinds`)."""


def error_kinds(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Counter[tuple[str, str]]:
    """Count entity errors of (gold, predicted) BIO sentences by ``(kind, type)``.

    A gold entity no prediction overlaps is ``missed``; a prediction no gold entity overlaps is
    ``spurious``. A prediction that overlaps gold entities without matching one exactly is a
    ``type`` error when one has its span, a ``boundary`` error when one has its type, else a
    ``boundary+type`` error. Missed errors carry the gold type, the others the predicted one.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for gold_tags, predicted_tags in pairs:
        gold, predicted = spans(gold_tags), spans(predicted_tags)
        for kind, start, end in predicted - gold:
            overlapping = [g for g in gold if g[1] < end and start < g[2]]
            if not overlapping:
                counts["spurious", kind] += 1
            elif any((g[1], g[2]) == (start, end) for g in overlapping):
                counts["type", kind] += 1
            elif any(g[0] == kind for g in overlapping):
                counts["boundary", kind] += 1
            else:
                counts["boundary+type", kind] += 1
        for kind, start, end in gold - predicted:
            if not any(p[1] < end and start < p[2] for p in predicted):
                counts["missed", kind] += 1
    return counts
