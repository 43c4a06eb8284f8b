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

from khabar.arabic.data.months import WEEKDAYS
from khabar.arabic.normalize import normalize
from khabar.model import AnnotatedArticle, TimeExpr
from khabar.time import data

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

MAX_VOTE_DAYS = 7
"""Event bounds wider than this (a month, "last week") do not vote for the day of the
happening: they cannot tell neighbouring days apart, only narrow the range afterwards."""

DATING_TYPES = frozenset({"DATE", "TIME"})
"""TimeML types of the expressions that can date a happening: a DURATION (يومين، منذ سنوات) or
a SET (كل عامين) never does, whatever day range it carries."""

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
    found: TimeExpr | None = None


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


def _cue_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    """One pattern matching any of ``cues`` as whole words."""
    words = sorted(set(cues), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in words) + r")(?![\w])")


_FUTURE = _cue_pattern(data.FUTURE_CUES)
_BACKGROUND = _cue_pattern(data.BACKGROUND_CUES)


def _cue_before(norm_sentence: str, position: int, cues: re.Pattern[str]) -> bool:
    """Whether one of the ``cues`` is among the few words before ``position`` in a sentence."""
    words = norm_sentence[:position].split()[-CUE_WINDOW_WORDS:]
    return cues.search(" ".join(words)) is not None


def article_bounds(annotated: AnnotatedArticle, lead_only: bool = False) -> list[Bound]:
    """Dating evidence of one article: event dates, lower bounds and the publish date.

    With ``lead_only`` only the title and lead sentences are read (event dates only).
    """
    article = annotated.article
    anchor = article.published
    bounds: list[Bound] = []
    text = article.text
    spans = annotated.sentences
    if lead_only:
        spans = spans[:LEAD_SENTENCES]
        text = text[: spans[-1][1]] if spans else ""
    pieces: list[tuple[str, Sequence[TimeExpr], bool]] = []
    if article.title:
        pieces.append((article.title, annotated.title_times, True))
    found = [f for f in annotated.body_times() if f.end <= len(text)]
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
            if f.earliest is None or f.latest is None or f.type not in DATING_TYPES:
                continue
            position = len(normalize(sentence[: f.start]))
            if f.direction > 0 or _cue_before(norm, position, _FUTURE):
                continue
            f = _next_day_weekday(f, norm, anchor)
            background = _cue_before(norm, position, _BACKGROUND)
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
        bounds.append(Bound(None, anchor, "upper", _dateline(annotated) or "", article.id))
    return bounds


_WEEKDAY = re.compile(
    r"(?<![\w])(?:[وفب]?)(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")(?![\w])"
)


def _next_day_weekday(found: TimeExpr, norm_sentence: str, anchor: date | None) -> TimeExpr:
    """A weekday that names the day after publication is that day, not the week before: a
    happening at dawn on the 14th is reported late on the 13th by outlets a time zone away
    ("فجر السبت" in an article stamped Friday evening). A past cue after it (السبت الماضي)
    keeps the past reading."""
    if anchor is None or found.kind != "weekday" or found.earliest != found.latest:
        return found
    m = _WEEKDAY.search(normalize(found.text))
    if m is None:
        return found
    tomorrow = anchor + timedelta(days=PUBLISH_SLACK_DAYS)
    if WEEKDAYS[m.group(1)] != tomorrow.weekday() or found.earliest == tomorrow:
        return found
    after = norm_sentence[norm_sentence.find(m.group(1)) + len(m.group(1)) :].split()[:2]
    said = normalize(found.text).split() + after  # السبت الماضي, whether extracted with it or not
    if any(w in data.PAST_MODIFIERS for w in said):
        return found
    return dataclasses.replace(found, earliest=tomorrow, latest=tomorrow)


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


def _majority(bests: Sequence[Bound]) -> list[Bound]:
    """The event bounds that agree with the day most articles put the happening on.

    Reports of one happening may disagree by a day (Washington's Friday evening is Damascus's
    Saturday dawn) or one may misread a recap as the happening; the day inside the most
    bounds (the narrowest bounds first, then the later day) wins, and the bounds holding it
    are kept. Disagreeing bounds are left out instead of voiding all of them."""
    votes: dict[date, tuple[int, float]] = {}
    for b in bests:
        width = (b.latest - b.earliest).days + 1  # type: ignore[operator]
        if width > MAX_VOTE_DAYS:
            continue
        for k in range(width):
            day = b.earliest + timedelta(days=k)  # type: ignore[operator]
            count, weight = votes.get(day, (0, 0.0))
            votes[day] = (count + 1, weight + 1.0 / width)
    if not votes:
        return list(bests)
    best = max(votes, key=lambda d: (votes[d], d))
    return [b for b in bests if b.earliest <= best <= b.latest]  # type: ignore[operator]


def _dateline(annotated: AnnotatedArticle) -> str | None:
    """The page's own words stating its publish date, when they are words (never a bare
    machine timestamp such as 2018-04-13T22:10:00Z)."""
    evidence = annotated.article.published_evidence
    if evidence and re.search(r"[\u0621-\u064a]", evidence):
        return evidence
    return None


def date_articles(articles: Sequence[AnnotatedArticle]) -> Dating:
    """Date the happening that ``articles`` report together.

    The day is the one most reports put the happening on (see :func:`_majority`); recalled
    earlier happenings only raise the lower bound; the evidence is the sentences that date
    it, and a page's date line only when no sentence does (never a raw timestamp)."""
    bests: list[Bound] = []
    lower: date | None = None
    lower_evidence: list[str] = []
    upper: date | None = None
    upper_evidence: str | None = None
    for annotated in articles:
        bounds = article_bounds(annotated)
        best = _best_event_bound(bounds)
        if best is not None:
            bests.append(best)
        for b in bounds:
            if b.role == "lower" and b.earliest and (lower is None or b.earliest > lower):
                lower = b.earliest
                lower_evidence = [b.sentence]
            if b.role == "upper" and b.latest and (upper is None or b.latest < upper):
                upper, upper_evidence = b.latest, _dateline(annotated)
    earliest: date | None = None
    latest: date | None = None
    evidence: list[str] = []
    for b in _majority(bests):
        if earliest is None or b.earliest > earliest:  # type: ignore[operator]
            earliest = b.earliest
        if latest is None or b.latest < latest:  # type: ignore[operator]
            latest = b.latest
        evidence.append(b.sentence)
    if earliest is not None and latest is not None and earliest > latest:
        earliest, latest, evidence = None, None, []  # no day holds them all: trust none
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
