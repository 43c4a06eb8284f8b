"""Date a happening from the articles reporting it: the day or tightest range, with evidence.

Each article contributes its *event* expressions (a date in its lead that is not background),
*lower bounds* (past happenings it recalls: "سقوط نظام الأسد في ديسمبر 2024" says the reported
happening came later) and its publish date (an upper bound). An event's dating intersects what its
articles say; :mod:`khabar.events.chronology` then reasons across the events of a story.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from khabar.arabic.normalize import normalize
from khabar.arabic.sentences import split_sentences
from khabar.model import AnnotatedArticle
from khabar.time import data
from khabar.time.extract import Found, find_times

LEAD_SENTENCES = 3
"""Sentences of the body (after the title) that report the happening itself; dates further
down are background more often than not."""

CUE_WINDOW_WORDS = 5
"""A background or future cue counts for a date when it is among this many words before it
("منذ سقوط نظام الأسد في ديسمبر": the cue is four words before the month)."""

BACKGROUND_GAP_DAYS = 31
"""A dated expression ending more than this many days before the publish date recalls an earlier
happening: news reports happenings within days, background within months or years."""

PUBLISH_LAG_DAYS = 3
"""When an article gives nothing better, its happening lies within this many days before its
publish date (daily news; a wider gap would be stated in the text)."""

PUBLISH_SLACK_DAYS = 1
"""A reported happening may carry the next day's date (time zones: a late-night event published
in UTC); anything later than this after the publish date is scheduled, not reported."""

MAX_RANGE_DAYS = 366
"""A date range wider than this dates nothing useful (a bare "last year") and is not reported."""


@dataclass(frozen=True, slots=True)
class Bound:
    """One piece of dating evidence from one article."""

    earliest: date | None
    latest: date | None
    role: str
    """``event`` (dates the happening), ``lower`` (happening is no earlier) or ``upper``."""
    sentence: str
    article: str
    found: Found | None = None


@dataclass(frozen=True, slots=True)
class Dating:
    """What the evidence says about when a happening took place."""

    earliest: date | None = None
    latest: date | None = None
    evidence: tuple[str, ...] = ()

    @property
    def exact(self) -> date | None:
        """The day, when the evidence fixes one."""
        if self.earliest is not None and self.earliest == self.latest:
            return self.earliest
        return None

    @property
    def date_range(self) -> tuple[date, date] | None:
        """The closed range, when both ends are known and it is narrow enough to report."""
        if self.earliest is None or self.latest is None:
            return None
        if (self.latest - self.earliest).days > MAX_RANGE_DAYS:
            return None
        return self.earliest, self.latest


def _cue_before(norm_sentence: str, position: int, cues: Sequence[str]) -> bool:
    """Whether one of ``cues`` is among the few words before ``position`` in a sentence."""
    words = norm_sentence[:position].split()[-CUE_WINDOW_WORDS:]
    window = " ".join(words)
    return any(re.search(rf"(?<![\w]){re.escape(c)}(?![\w])", window) for c in cues)


def article_bounds(annotated: AnnotatedArticle, lead_only: bool = False) -> list[Bound]:
    """Dating evidence of one article: event dates, lower bounds and the publish date.

    With ``lead_only`` only the title and lead sentences are read (event dates only).
    """
    article = annotated.article
    anchor = article.published
    bounds: list[Bound] = []
    text = article.text
    spans = split_sentences(text)
    if lead_only:
        spans = spans[:LEAD_SENTENCES]
        text = text[: spans[-1][1]] if spans else ""
    pieces: list[tuple[str, list[Found], bool]] = []
    if article.title:
        pieces.append((article.title, find_times(article.title, anchor), True))
    found = find_times(text, anchor) if text else []
    starts = [f.start for f in found]  # in text order: each sentence takes its slice
    for i, (s, e) in enumerate(spans):
        window = found[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
        inside = [f for f in window if f.end <= e]
        if inside:
            shifted = [dataclasses.replace(f, start=f.start - s, end=f.end - s) for f in inside]
            pieces.append((text[s:e], shifted, i < LEAD_SENTENCES))
    for sentence, times, in_lead in pieces:
        norm = normalize(sentence)
        for f in times:
            if f.earliest is None or f.latest is None or f.kind == "duration":
                continue
            position = len(normalize(sentence[: f.start]))
            if f.direction > 0 or _cue_before(norm, position, data.FUTURE_CUES):
                continue
            background = _cue_before(norm, position, data.BACKGROUND_CUES)
            old = anchor is not None and f.latest < anchor - timedelta(BACKGROUND_GAP_DAYS)
            later = anchor is not None and f.earliest > anchor + timedelta(PUBLISH_SLACK_DAYS)
            if later:
                continue  # a scheduled happening, not the one reported
            if in_lead and not background and not old:
                bounds.append(Bound(f.earliest, f.latest, "event", sentence, article.id, f))
            elif not lead_only and (background or old or (anchor is None and f.year)):
                # a recalled past happening; a recent date further down may be a later
                # development (reactions "today" to yesterday's attack) and bounds nothing
                bounds.append(Bound(f.earliest, None, "lower", sentence, article.id, f))
    if anchor is not None and not lead_only:
        evidence = article.published_evidence or f"published {anchor.isoformat()}"
        bounds.append(Bound(None, anchor, "upper", evidence, article.id))
    return bounds


def _best_event_bound(bounds: Sequence[Bound]) -> Bound | None:
    """The most precise event bound of one article (the first among equally precise ones).

    A candidate that ends before a day the article itself puts the happening after (a later
    date further down) was background after all and is passed over.
    """
    lows = [b.earliest for b in bounds if b.role == "lower" and b.earliest]
    floor = max(lows) if lows else None
    events = [
        b
        for b in bounds
        if b.role == "event" and b.earliest and b.latest and (floor is None or b.latest >= floor)
    ]
    if not events:
        return None
    return min(events, key=lambda b: (b.latest - b.earliest).days)  # type: ignore[operator]


def date_articles(articles: Sequence[AnnotatedArticle]) -> Dating:
    """Date the happening that ``articles`` report together."""
    earliest: date | None = None
    latest: date | None = None
    evidence: list[str] = []
    lower: date | None = None
    lower_evidence: list[str] = []
    upper: date | None = None
    upper_evidence: str | None = None
    for annotated in articles:
        bounds = article_bounds(annotated)
        best = _best_event_bound(bounds)
        if best is not None:
            lo, hi = best.earliest, best.latest
            if earliest is None or lo > earliest:  # type: ignore[operator]
                earliest = lo
            if latest is None or hi < latest:  # type: ignore[operator]
                latest = hi
            evidence.append(best.sentence)
        for b in bounds:
            if b.role == "lower" and b.earliest and (lower is None or b.earliest > lower):
                lower = b.earliest
                lower_evidence = [b.sentence]
            if b.role == "upper" and b.latest and (upper is None or b.latest < upper):
                upper, upper_evidence = b.latest, b.sentence
    if earliest is not None and latest is not None and earliest > latest:
        earliest, latest, evidence = None, None, []  # articles disagree: trust neither
    if earliest is None and latest is None and upper is not None:
        earliest, latest = upper - timedelta(PUBLISH_LAG_DAYS), upper
        evidence.append(upper_evidence or "")
    if (
        lower is not None
        and (earliest is None or lower > earliest)
        and (latest is None or lower <= latest)
    ):
        earliest = lower
        evidence.extend(lower_evidence)
    if upper is not None and latest is None:
        latest = upper
        evidence.append(upper_evidence or "")
    return Dating(earliest, latest, tuple(dict.fromkeys(e for e in evidence if e)))
