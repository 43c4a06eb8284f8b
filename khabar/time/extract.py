"""Find temporal expressions in Arabic text, type them as TimeML does and resolve them.

Matching runs on the normalised text (:func:`khabar.arabic.normalize`) with an offset map back
to the original, so every expression keeps exact offsets into the text it was found in. Each
expression gets a TimeML type (DATE, TIME, DURATION, SET) and value (:mod:`khabar.time.timeml`)
and, for dates, the range of days it can denote. Absolute dates resolve on their own; relative
ones (أمس، يوم الأربعاء، الشهر الماضي، منذ يومين) need an anchor (the publish date) and resolve
to None bounds without one, keeping what they say (weekday, month, offset) on :class:`Found` so
event dating can resolve them later.

Compounds are one expression: a weekday with a relative day (أمس الجمعة) or a part of the day
(صباح الثلاثاء), a day and month with a relative year (31 مارس من العام الماضي), a month with
الماضي / المقبل / الجاري. Resolution follows Arabic news usage: المقبل / القادم point forward,
الماضي back, الجاري at the current month; a weekday named with أمس / اليوم / غدا is that day.

Patterns are tried in priority order (compounds before their parts) and each character belongs
to the first expression that takes it.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from khabar.arabic.data.chars import DIACRITICS, INVISIBLES, TATWEEL
from khabar.arabic.data.months import HIJRI_MONTHS, WEEKDAYS
from khabar.arabic.normalize import normalize
from khabar.model import TimeExpr
from khabar.time import data
from khabar.time import patterns as P
from khabar.time.timeml import (
    day_of_month_value,
    day_value,
    duration_value,
    month_value,
    set_value,
    time_value,
    week_value,
    year_value,
)

try:  # the one-pass scanner reads re's private parser, which a later Python may change
    from khabar.time.scan import PatternScanner, ScannedText
except (ImportError, AttributeError):  # pragma: no cover - only on such a Python
    PatternScanner = None  # type: ignore[assignment,misc]

MIN_YEAR = 1900  # a bare number outside [MIN_YEAR, MAX_YEAR] is a number, not a year, in news
MAX_YEAR = 2100
MIN_STATED_YEAR = 1000  # with a year word (العام 1887) or in brackets (1735-1796) years go back
MIN_HIJRI_YEAR = 1343  # hijridate's Umm al-Qura tables cover 1343–1500 AH
MAX_HIJRI_YEAR = 1500
WEEK_SLACK_DAYS = 3  # "two weeks ago" is read as 14 ± 3 days: writers round to whole weeks
MONTH_SLACK_DAYS = 15  # "two months ago" is read as ± half a month
VAGUE_SPAN = {  # (least, most) units back for a vague count (قبل أيام، منذ أسابيع)
    "minute": (0, 0),  # in days: minutes ago is today
    "hour": (0, 1),  # in days: hours ago is today or yesterday
    "day": (2, 10),
    "week": (2, 8),
    "month": (2, 12),
    "year": (2, 10),
    "decade": (2, 5),
    "century": (2, 5),
}
FUTURE_YEAR_SLACK_DAYS = 31  # a year-less "15 مارس" may lie this far after the publish date
FUTURE_CUE_WORDS = 3  # a future verb (سيجري) this many words before a bare weekday puts it ahead
TWENTIETH_CENTURY = 19  # the century digits of a decade named alone (الستينيات → 196)

Kind = str


@dataclass(frozen=True, slots=True)
class Found:
    """A temporal expression with what it says, before and after anchoring."""

    text: str
    start: int
    end: int
    kind: Kind
    earliest: date | None = None
    latest: date | None = None
    anchored: bool = False
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    direction: int = 0
    """-1 when the expression says "before" (الماضي), +1 "after" (المقبل), 0 neither."""
    span_days: tuple[int, int] | None = None
    """For durations and offsets: the least and most days the expression spans."""
    unit: str | None = None
    """For durations and offsets: ``minute``, ``hour``, ``day``, ``week``, ``month``, ``year``,
    ``decade`` or ``century``."""
    count: int | None = None
    """For durations and offsets: how many units (None when vague: قبل أيام)."""
    type: str = "DATE"
    """TimeML type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``."""
    value: str | None = None
    """TimeML value (:mod:`khabar.time.timeml`), None when it cannot be told."""

    def to_expr(self) -> TimeExpr:
        """The public :class:`TimeExpr` of this expression."""
        return TimeExpr(
            text=self.text,
            start=self.start,
            end=self.end,
            earliest=self.earliest,
            latest=self.latest,
            kind=self.kind,  # type: ignore[arg-type]
            anchored=self.anchored,
            type=self.type,  # type: ignore[arg-type]
            value=self.value,
            direction=self.direction,
            year=self.year,
        )


# --------------------------------------------------------------------------------------------
# Date arithmetic (pure)
# --------------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_range(year: int, month: int) -> tuple[date, date]:
    """Return the first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def weekday_before(anchor: date, weekday: int, strictly: bool) -> date:
    """Return the latest day on or before ``anchor`` (before, if ``strictly``) with ``weekday``."""
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return anchor - timedelta(days=back)


def weekday_after(anchor: date, weekday: int) -> date:
    """Return the first day strictly after ``anchor`` with ``weekday``."""
    ahead = (weekday - anchor.weekday()) % 7 or 7
    return anchor + timedelta(days=ahead)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_of_month(month: int, day: int | None, anchor: date, direction: int) -> int:
    """The year of a year-less month (and day) said with الماضي (-1), المقبل (+1) or الجاري (0).

    الماضي is the latest such month (day) before the anchor, المقبل the first after it, الجاري
    the anchor's own year.
    """
    said = (month, day or 0)
    now = (anchor.month, anchor.day if day else 0)
    if direction < 0:
        return anchor.year if said < now else anchor.year - 1
    if direction > 0:
        return anchor.year if said > now else anchor.year + 1
    return anchor.year


# --------------------------------------------------------------------------------------------
# Normalisation with an offset map
# --------------------------------------------------------------------------------------------


_DROPPED = re.compile("[" + re.escape("".join(sorted(DIACRITICS | INVISIBLES | {TATWEEL}))) + "]")
"""Characters that normalisation deletes (the rest map one to one)."""
_WORD_MARKS = frozenset(DIACRITICS | {TATWEEL})
"""Dropped characters that belong to the letter before them (an expression's end keeps them)."""


def normalize_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return the normalised text and, for each of its characters, its offset in ``text``.

    Normalisation maps every character to at most one, so when nothing was dropped the offsets
    are the identity and None is returned for them.
    """
    norm = normalize(text)
    if len(norm) == len(text):
        return norm, None
    kept = np.ones(len(text) + 1, dtype=bool)
    kept[[m.start() for m in _DROPPED.finditer(text)]] = False
    return norm, np.flatnonzero(kept).tolist()


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------


def _key(found: str) -> str:
    """Collapse runs of spaces so a matched phrase can be looked up in a word list."""
    return re.sub(r"\s+", " ", found.strip())


def _unit_days(unit: str) -> int:
    return {
        "minute": 0,
        "hour": 0,
        "day": 1,
        "week": 7,
        "month": 30,
        "year": 365,
        "decade": 3652,
        "century": 36524,
    }[unit]


def _offset_range(anchor: date, unit: str, count: int | None, sign: int) -> tuple[date, date]:
    """Days denoted by ``count`` units before (sign -1) or after (+1) ``anchor``."""
    if unit in ("decade", "century"):
        years = (10 if unit == "decade" else 100) * (count or VAGUE_SPAN[unit][0])
        centre = anchor.year + sign * years
        return date(centre, 1, 1), date(centre, 12, 31)
    if count is None:
        least, most = VAGUE_SPAN[unit]
        if unit in ("hour", "minute"):
            lo, hi = least, most
        elif unit == "month":
            near, far = add_months(anchor, sign * least), add_months(anchor, sign * most)
            return (far, near) if sign < 0 else (near, far)
        else:
            lo, hi = least * _unit_days(unit), most * _unit_days(unit)
    elif unit in ("hour", "minute"):
        lo, hi = 0, (count + 23) // 24 if unit == "hour" else 0
    elif unit == "day":
        lo = hi = count
    elif unit == "week":
        lo, hi = count * 7 - WEEK_SLACK_DAYS, count * 7 + WEEK_SLACK_DAYS
    elif unit == "month":
        centre = add_months(anchor, sign * count)
        return centre - timedelta(MONTH_SLACK_DAYS), centre + timedelta(MONTH_SLACK_DAYS)
    else:
        centre_year = anchor.year + sign * count
        return date(centre_year, 1, 1), date(centre_year, 12, 31)
    if sign < 0:
        return anchor - timedelta(hi), anchor - timedelta(lo)
    return anchor + timedelta(lo), anchor + timedelta(hi)


def _offset_value(anchor: date, unit: str, count: int, sign: int) -> str | None:
    """TimeML value of "``count`` units ago / later": the day, week, month or year it names."""
    if unit in ("minute", "hour"):
        return day_value(anchor)
    if unit == "day":
        return day_value(anchor + timedelta(days=sign * count))
    if unit == "week":
        return week_value(anchor + timedelta(weeks=sign * count))
    if unit == "month":
        moved = add_months(anchor, sign * count)
        return month_value(moved.year, moved.month)
    if unit == "year" and anchor.year + sign * count > 0:
        return year_value(anchor.year + sign * count)
    return None


def _count(num: str | None, word: str | None, unit_word: str) -> tuple[str, int | None]:
    unit, inherent = data.UNIT_WORDS[_key(unit_word)]
    if num:
        return unit, int(num)
    if word:
        return unit, data.COUNT_WORDS[_key(word)]
    return unit, inherent


def _amount(m: re.Match[str]) -> tuple[str, int | None, str]:
    """Unit, whole count and TimeML duration value of an :data:`_AMOUNT` match."""
    unit, count = _count(m.group("num"), m.group("word"), m.group("unit"))
    if m.group("vague") or m.group("vague2") in ("عده", "عديده", "قليله"):
        count = None
    if count is None:
        return unit, None, duration_value(unit, None)
    if m.group("half"):
        return unit, count, duration_value(unit, count + 0.5)
    if m.group("num2"):
        unit2, _ = _count(None, None, m.group("unit2"))
        value = duration_value(unit, count)
        extra = duration_value(unit2, int(m.group("num2")))
        if "T" in extra and "T" in value:
            return unit, count, value + extra.removeprefix("PT")
        return unit, count, value + extra.removeprefix("P")
    return unit, count, duration_value(unit, count)


def _period_range(anchor: date, unit: str, shift: int) -> tuple[date, date]:
    """The calendar week/month/year ``shift`` periods from the one holding ``anchor``."""
    if unit == "week":
        start = anchor - timedelta(days=(anchor.weekday() + 2) % 7) + timedelta(weeks=shift)
        return start, start + timedelta(days=6)  # weeks run Saturday–Friday in Arab calendars
    if unit == "month":
        first = add_months(anchor.replace(day=1), shift)
        return month_range(first.year, first.month)
    year = anchor.year + shift
    return date(year, 1, 1), date(year, 12, 31)


def _period_value(anchor: date, unit: str, shift: int) -> str:
    """TimeML value of the week, month or year ``shift`` periods from the anchor's."""
    if unit == "week":
        return week_value(anchor + timedelta(weeks=shift))
    if unit == "month":
        first = add_months(anchor.replace(day=1), shift)
        return month_value(first.year, first.month)
    return year_value(anchor.year + shift)


def resolve_month_day(month: int, day: int | None, anchor: date) -> tuple[date, date] | None:
    """Range of a year-less month (and day) read as its latest occurrence near ``anchor``."""
    year = anchor.year
    start = date(year, month, 1)
    if start > anchor + timedelta(FUTURE_YEAR_SLACK_DAYS):
        year -= 1
    if day is None:
        return month_range(year, month)
    found = _safe_date(year, month, day)
    return (found, found) if found else None


def _hijri_range(year: int, month: int, day: int | None) -> tuple[date, date] | None:
    if not MIN_HIJRI_YEAR <= year <= MAX_HIJRI_YEAR:
        return None
    from hijridate import Hijri

    try:
        if day is not None:
            g = Hijri(year, month, day).to_gregorian()
            return date(g.year, g.month, g.day), date(g.year, g.month, g.day)
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
        a, b = first.to_gregorian(), last.to_gregorian()
        return date(a.year, a.month, a.day), date(b.year, b.month, b.day)
    except (ValueError, OverflowError):
        return None


def _direction(m: re.Match[str], prefix: str = "") -> int:
    """-1, +1 or 0 for a match's past / future / current modifier groups."""
    if m.group(prefix + "past"):
        return -1
    if m.group(prefix + "future"):
        return 1
    return 0


# --------------------------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------------------------


def _dated(
    m: re.Match[str] | None,
    start: int,
    end: int,
    text: str,
    kind: Kind,
    span: tuple[date, date] | None,
    value: str | None,
    **what: object,
) -> Found:
    """A DATE expression over ``text`` (offsets into the normalised text)."""
    lo, hi = span if span else (None, None)
    return Found(text, start, end, kind, lo, hi, value=value, **what)  # type: ignore[arg-type]


def _month_matches(scan: ScannedText, anchor: date | None) -> Iterator[Found]:
    """Days and months: with a year, a relative year, a modifier, or alone after a cue."""
    norm = scan.text
    for m in scan.finditer(P.DAY_MONTH):
        mo = P.MONTHS[_key(m.group("month"))]
        d = int(m.group("day")) if m.group("day") else data.DAY_ORDINALS[_key(m.group("ordinal"))]
        days = [(d, m.start(), m.end())]
        if m.group("day0"):
            days[0] = (d, m.start("day"), m.end())
            days.insert(0, (int(m.group("day0")), m.start("day0"), m.end("day0")))
            if m.start() < m.start("day0"):  # a weekday or prefix before the first day
                days[0] = (days[0][0], m.start(), m.end("day0"))
        for day_number, s, e in days:
            yield _day_of_month(m, norm[s:e], s, e, day_number, mo, anchor)
    for m in scan.finditer(P.MONTH_YEAR):
        mo, y = P.MONTHS[_key(m.group("month"))], int(m.group("year"))
        if MIN_STATED_YEAR <= y <= MAX_YEAR:
            yield _dated(
                m,
                m.start(),
                m.end(),
                m.group(),
                "month",
                month_range(y, mo),
                month_value(y, mo),
                month=mo,
                year=y,
            )
    for m in scan.finditer(P.MONTH_RELATIVE):
        mo = P.MONTHS[_key(m.group("month"))]
        y = _relative_year(m, mo, None, anchor)
        span = month_range(y, mo) if y is not None else None
        direction = _direction(m) or _direction(m, "y")
        yield _dated(
            m,
            m.start(),
            m.end(),
            m.group(),
            "month",
            span,
            month_value(y, mo),
            anchored=span is not None,
            month=mo,
            direction=direction,
        )
    for m in scan.finditer(P.MONTH_ALONE):
        mo = P.MONTHS[_key(m.group("month"))]
        span = resolve_month_day(mo, None, anchor) if anchor else None
        y = span[0].year if span else None
        yield _dated(
            m,
            m.start("span"),
            m.end("span"),
            m.group("span"),
            "month",
            span,
            month_value(y, mo),
            anchored=span is not None,
            month=mo,
        )


def _relative_year(
    m: re.Match[str], month: int, day: int | None, anchor: date | None
) -> int | None:
    """The year a month (and day) names through a relative year or a modifier."""
    if anchor is None:
        return None
    if m.group("this_year") or m.group("ycurrent"):
        return anchor.year
    if m.group("ypast"):
        return anchor.year - 1
    if m.group("yfuture"):
        return anchor.year + 1
    if m.group("past") or m.group("future") or m.group("current"):
        return year_of_month(month, day, anchor, _direction(m))
    return None


def _day_of_month(
    m: re.Match[str], text: str, start: int, end: int, d: int, mo: int, anchor: date | None
) -> Found:
    """One day of a :data:`P.DAY_MONTH` match (a list "9 و30 أبريل" gives two)."""
    span: tuple[date, date] | None
    if m.group("year"):
        y = int(m.group("year"))
        day = _safe_date(y, mo, d)
        span = (day, day) if day else None
        value = day_value(day) if day else None
        return _dated(m, start, end, text, "absolute", span, value, day=d, month=mo, year=y)
    y = _relative_year(m, mo, d, anchor)
    if y is not None:
        day = _safe_date(y, mo, d)
        span = (day, day) if day else None
    else:
        span = resolve_month_day(mo, d, anchor) if anchor and 1 <= d <= 31 else None
    value = day_value(span[0]) if span else day_of_month_value(None, mo, d)
    direction = _direction(m) or _direction(m, "y")
    return _dated(
        m,
        start,
        end,
        text,
        "absolute",
        span,
        value,
        anchored=span is not None,
        day=d,
        month=mo,
        direction=direction,
    )


def _year_matches(scan: ScannedText, anchor: date | None) -> Iterator[Found]:
    """Years: same day in another year, year pairs, years after a year word, decades, centuries."""
    norm = scan.text
    for m in scan.finditer(P.SAME_DAY):
        if m.group("this"):
            value = day_of_month_value(None, anchor.month, anchor.day) if anchor else None
            yield _dated(m, m.start(), m.end(), m.group(), "relative", None, value)
        elif anchor is not None:
            y = int(m.group("year"))
            day = _safe_date(y, anchor.month, anchor.day)
            value = day_value(day) if day else year_value(y)
            yield _dated(
                m,
                m.start(),
                m.end(),
                m.group(),
                "absolute",
                (day, day) if day else None,
                value,
                year=y,
                anchored=True,
            )
    for m in scan.finditer(P.YEAR_LIST):
        first, second = int(m.group("y1")), int(m.group("y2"))
        if not (MIN_STATED_YEAR <= first <= MAX_YEAR and MIN_STATED_YEAR <= second <= MAX_YEAR):
            continue
        yield _year(m.start(), m.end("y1"), norm, first)
        s2 = m.start("sep") if m.group("sep") == "و" else m.start("y2")
        yield _year(s2, m.end("y2"), norm, second)
    for m in scan.finditer(P.YEAR_ALONE):
        y = int(m.group("year"))
        if MIN_STATED_YEAR <= y <= MAX_YEAR:
            yield _year(m.start(), m.end(), norm, y)
    for m in scan.finditer(P.BRACKET_YEARS):
        if m.group("before") and _key(m.group("before")) in data.NUMBERED_THINGS:
            continue
        for group in ("y1", "y2"):
            if m.group(group) and MIN_STATED_YEAR <= int(m.group(group)) <= MAX_YEAR:
                yield _year(m.start(group), m.end(group), norm, int(m.group(group)))
    for m in scan.finditer(P.DECADE):
        digit = data.DECADES[_key(m.group("decade"))]
        century = TWENTIETH_CENTURY
        if m.group("cpast") and anchor is not None and m.group("cpast") != "العشرين":
            century = anchor.year // 100 - 1
        yield _dated(m, m.start(), m.end(), m.group(), "year", None, f"{century}{digit}")
    for m in scan.finditer(P.CENTURY):
        if m.group("name"):
            number = data.CENTURY_NAMES[_key(m.group("name"))]
        elif anchor is None:
            continue
        else:
            number = anchor.year // 100 + (0 if m.group("past") else 1)
        yield _dated(m, m.start(), m.end(), m.group(), "year", None, f"{number - 1:02d}")


def _year(start: int, end: int, norm: str, y: int) -> Found:
    """A year expression over ``norm[start:end]``."""
    return Found(
        norm[start:end],
        start,
        end,
        "year",
        date(y, 1, 1),
        date(y, 12, 31),
        year=y,
        value=year_value(y),
    )


def _future_verb_before(norm: str, position: int) -> bool:
    """Whether a future verb (سيجري، من المقرر) is among the few words before ``position``."""
    words = norm[max(0, position - 80) : position].split()[-FUTURE_CUE_WORDS:]
    return any(P.FUTURE_VERB.search(w) for w in words) or "المقرر" in words


def _weekday_matches(scan: ScannedText, anchor: date | None) -> Iterator[Found]:
    """Weekdays, with a relative day (أمس الجمعة), a part of the day or a modifier."""
    norm = scan.text
    for m in scan.finditer(P.WEEKDAY_EXPR):
        name = _key(m.group("weekday") or "ا" + m.group("weekday_l"))
        past, future = bool(m.group("past")), bool(m.group("future"))
        marked = m.group("yawm") or past or future or m.group("part") or m.group("rel")
        if name in data.AMBIGUOUS_WEEKDAYS and not (marked or m.group("after")):
            continue
        end = m.end()
        weekday = WEEKDAYS[name]
        day: date | None = None
        ahead = future
        if anchor and m.group("rel"):
            day = anchor + timedelta(data.RELATIVE_DAYS[_key(m.group("rel"))])
        elif anchor:
            ahead = future or (not past and _future_verb_before(norm, m.start()))
            if ahead and not future:
                day = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
            elif future:
                day = weekday_after(anchor, weekday)
            else:
                day = weekday_before(anchor, weekday, past)
        part = data.DAY_PARTS[_key(m.group("part"))] if m.group("part") else None
        value = day_value(day) if day else None
        if part:
            value = time_value(value, part=part)
        yield Found(
            norm[m.start() : end],
            m.start(),
            end,
            "weekday",
            day,
            day,
            anchored=day is not None,
            weekday=weekday,
            direction=-1 if past else (1 if future else 0),
            type="TIME" if part else "DATE",
            value=value,
        )


def _clock_matches(scan: ScannedText, anchor: date | None) -> Iterator[Found]:
    """Clock times (الساعة 16:00، 14:00 ت غ), with the day they are on when it is named."""
    for m in scan.finditer(P.CLOCK):
        colon = m.group("colon")
        if m.group("h2") and not (colon or m.group("utc") or m.group("part")):
            continue  # "9,40" alone is a number
        hour = int(m.group("h") or m.group("h2"))
        minute = int(m.group("m") or m.group("m2") or 0)
        if m.group("part") and hour < 12:
            hour += data.CLOCK_PARTS[_key(m.group("part"))]
        if hour > 24 or minute > 59:
            continue
        day: date | None = None
        if anchor is not None:
            if m.group("rel"):
                day = anchor + timedelta(data.RELATIVE_DAYS[_key(m.group("rel"))])
            elif m.group("weekday"):
                day = weekday_before(anchor, WEEKDAYS[_key(m.group("weekday"))], False)
            else:
                day = anchor
        clock = f"{hour:02d}:{minute:02d}" + ("Z" if m.group("utc") else "")
        named = m.group("rel") or m.group("weekday")
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "weekday" if named else "relative",
            day if named else None,
            day if named else None,
            anchored=bool(named and day),
            type="TIME",
            value=time_value(day_value(day) if day else None, clock=clock),
        )


def _relative_matches(scan: ScannedText, anchor: date | None) -> Iterator[Found]:
    """Yield relative expressions (need the anchor to resolve)."""
    norm = scan.text
    for m in scan.finditer(P.OFFSET):
        yield _offset(m, anchor)
    yield from _weekday_matches(scan, anchor)
    for m in scan.finditer(P.RELATIVE_DAY):
        offset = data.RELATIVE_DAYS[_key(m.group("rel"))]
        day = anchor + timedelta(offset) if anchor else None
        part = data.DAY_PARTS[_key(m.group("part"))] if m.group("part") else None
        value = day_value(day) if day else None
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "relative",
            day,
            day,
            anchored=day is not None,
            direction=(offset > 0) - (offset < 0),
            type="TIME" if part else "DATE",
            value=time_value(value, part=part) if part else value,
        )
    for m in scan.finditer(P.WEEKEND):
        shift = _direction(m)
        span = value = None
        if anchor:
            saturday = weekday_before(anchor, 5, False) + timedelta(weeks=shift)
            span, value = (saturday - timedelta(1), saturday + timedelta(1)), None
            value = week_value(saturday, weekend=True)
        yield _dated(
            m,
            m.start(),
            m.end(),
            m.group(),
            "relative",
            span,
            value,
            anchored=span is not None,
            direction=shift,
        )
    for m in scan.finditer(P.EARLIER_LATER):
        noun = m.group("noun")
        span = None
        if noun and anchor:
            if noun == "اليوم":
                span, value = (anchor, anchor), day_value(anchor)
            else:
                unit = data.PERIOD_NOUNS[_key(noun)]
                span, value = _period_range(anchor, unit, 0), _period_value(anchor, unit, 0)
        else:
            later = m.group("dir") in ("لاحق", "متاخر")
            value = "FUTURE_REF" if later else "PAST_REF"
        yield _dated(
            m, m.start(), m.end(), m.group(), "relative", span, value, anchored=span is not None
        )
    for m in scan.finditer(P.PERIOD):
        noun = m.group("noun") or m.group("noun2")
        if _key(noun) == "العام" and _general_before(norm, m.start()):
            continue  # الأمين العام السابق: "general", not "year"
        unit = data.PERIOD_NOUNS[_key(noun)]
        shift = _direction(m)
        span = _period_range(anchor, unit, shift) if anchor else None
        value = _period_value(anchor, unit, shift) if anchor else None
        yield _dated(
            m,
            m.start(),
            m.end(),
            m.group(),
            "relative",
            span,
            value,
            anchored=span is not None,
            direction=shift,
        )


def _general_before(norm: str, position: int) -> bool:
    """Whether the word before ``position`` is one that العام qualifies as "general"."""
    words = norm[max(0, position - 40) : position].split()
    return bool(words) and re.sub(r"^[وفبل]", "", words[-1]) in data.GENERAL_NOUNS


def _offset(m: re.Match[str], anchor: date | None) -> Found:
    """A date (قبل يومين: two days ago) or a duration (بعد يومين، قبل يوم من الاجتماع)."""
    unit, count, amount = _amount(m)
    sign = 1 if _key(m.group("dir")) in data.LATER_WORDS else -1
    if m.group("rel"):  # "قبل يوم من الاجتماع": relative to another happening
        text = m.group()[: m.start("rel") - m.start()]
        least, most = VAGUE_SPAN[unit] if count is None else (count, count)
        days = _unit_days(unit) or 1
        return Found(
            text,
            m.start(),
            m.start() + len(text),
            "duration",
            direction=sign,
            span_days=(least * days, most * days),
            unit=unit,
            count=count,
            type="DURATION",
            value=amount,
        )
    span = value = None
    try:  # "قبل 33 قرنا" lies before the calendar's first year: no range, no value
        span = _offset_range(anchor, unit, count, sign) if anchor else None
        if anchor and count is not None:
            value = _offset_value(anchor, unit, count, sign)
    except (ValueError, OverflowError):
        span = value = None
    is_date = sign < 0 and not m.group("half") and unit not in ("decade", "century")
    if m.group("dir") == "منذ" and count is None:
        is_date = False  # منذ سنوات: "for years"
    if is_date:
        typ = "DATE"
        if count is None:
            value = "PAST_REF"
    else:
        typ, value = "DURATION", amount
    return Found(
        m.group(),
        m.start(),
        m.end(),
        "relative",
        *(span or (None, None)),
        anchored=span is not None,
        direction=sign,
        unit=unit,
        count=count,
        type=typ,
        value=value,
    )


def _duration_matches(scan: ScannedText, anchor: date | None) -> Iterator[Found]:
    """Durations and recurrences that name no day: يومين، لسنوات، كل عامين، سنويا."""
    norm = scan.text
    for m in scan.finditer(P.SET):
        if m.group("adverb"):
            value = data.SET_WORDS[_key(m.group("adverb"))]
        elif m.group("weekday2") or m.group("weekday"):
            name = _key(m.group("weekday2") or m.group("weekday"))
            value = f"XXXX-WXX-{WEEKDAYS[name] + 1}"
        else:
            unit, count = _count(m.group("num"), m.group("word"), m.group("unit"))
            value = set_value(unit, count)
        yield Found(m.group(), m.start(), m.end(), "set", type="SET", value=value)
    for m in scan.finditer(P.WITHIN):
        unit, count = _count(m.group("num"), m.group("word"), m.group("unit"))
        most = (count or VAGUE_SPAN[unit][1]) * (_unit_days(unit) or 1)
        yield Found(
            m.group("span"),
            m.start("span"),
            m.end("span"),
            "duration",
            span_days=(0, most),
            unit=unit,
            count=count,
            type="DURATION",
            value=duration_value(unit, count),
        )
    for m in scan.finditer(P.RECENT):
        back = data.RECENT_WORDS[_key(m.group("recent"))]
        span = (anchor - timedelta(back), anchor) if anchor else None
        phrase = m.group("recent")
        inner = re.sub(r"^(?:في|خلال)\s+", "", phrase)
        start = m.end() - len(inner)
        is_adverb = inner == phrase
        yield Found(
            norm[start : m.end()] if not is_adverb else m.group(),
            start if not is_adverb else m.start(),
            m.end(),
            "relative",
            *(span or (None, None)),
            anchored=span is not None,
            direction=-1,
            type="DATE" if is_adverb else "DURATION",
            value="PAST_REF" if is_adverb else duration_value(_plural_unit(inner), None),
        )
    for m in scan.finditer(P.PLURAL_SPAN):
        unit = _plural_unit(m.group("unit"))
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "duration",
            unit=unit,
            type="DURATION",
            value=duration_value(unit, None),
        )
    for m in scan.finditer(P.THROUGH):
        noun = m.group("noun")
        unit = "day" if noun == "اليوم" else data.PERIOD_NOUNS[_key(noun)]
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "duration",
            unit=unit,
            count=1,
            type="DURATION",
            value=duration_value(unit, 1),
        )
    for m in scan.finditer(P.ONE_DECADE):
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "duration",
            unit="decade",
            count=1,
            type="DURATION",
            value=duration_value("decade", 1),
        )
    for m in scan.finditer(P.BARE_AMOUNT):
        unit_word = _key(m.group("unit"))
        inherent = data.UNIT_WORDS[unit_word][1]
        lead = m.start("span") > m.start()
        counted = m.group("num") or m.group("word") or m.group("vague") or m.group("approx")
        clitic = P.DURATION_UNIT_CLITIC.match(m.group("span")).group()  # type: ignore[union-attr]
        plural_with_lam = inherent is None and clitic.endswith("ل")
        compound = m.group("num2") or m.group("half") or m.group("vague2")
        if not (counted or lead or compound or inherent == 2 or plural_with_lam):
            continue
        unit, count, value = _amount(m)
        yield Found(
            m.group("span"),
            m.start("span"),
            m.end("span"),
            "duration",
            unit=unit,
            count=count,
            type="DURATION",
            value=value,
            span_days=None if count is None else (0, count * (_unit_days(unit) or 1)),
        )


def _plural_unit(words: str) -> str:
    """The unit of a plural period phrase (الأيام الأخيرة → day)."""
    for stem, unit in (
        ("ساعات", "hour"),
        ("ايام", "day"),
        ("اسابيع", "week"),
        ("اشهر", "month"),
        ("شهور", "month"),
        ("سنوات", "year"),
        ("سنين", "year"),
        ("اعوام", "year"),
        ("عقود", "decade"),
    ):
        if stem in words:
            return unit
    return "day"


def _reference_matches(
    scan: ScannedText, original: Callable[[int], str], anchor: date | None
) -> Iterator[Found]:
    """Seasons and the present, past and future named without a date (حاليا، قريبا)."""
    norm = scan.text
    for m in scan.finditer(P.SEASON):
        code = data.SEASONS[_key(m.group("season"))]
        shift = _direction(m)
        modified = m.group("past") or m.group("future") or m.group("current") or m.group("this")
        if not (modified or m.group("ctx")):
            continue  # الربيع alone is usually الربيع العربي
        start = m.start("season") if m.group("ctx") else m.start()
        if not modified:
            value: str | None = f"XXXX-{code}"
        else:
            value = f"{anchor.year + shift:04d}-{code}" if anchor else None
        yield Found(norm[start : m.end()], start, m.end(), "relative", value=value)
    for m in scan.finditer(P.REFERENCE):
        ref = _key(m.group("ref"))
        if ref == "الان" and original(m.start("ref")) == "آ":
            continue  # آلان (Alain), not الآن
        yield Found(m.group(), m.start(), m.end(), "relative", value=data.REFERENCE_WORDS[ref])
    for m in scan.finditer(P.AFTER_FI):
        value = data.AFTER_FI_REFERENCES[_key(m.group("ref"))]
        yield Found(m.group("ref"), m.start("ref"), m.end(), "relative", value=value)
    for m in scan.finditer(P.BARE_YEAR):
        y = int(m.group("year"))
        if MIN_YEAR <= y <= MAX_YEAR:
            yield _year(m.start("year"), m.end("year"), norm, y)


def _matches(
    scan: ScannedText, original: Callable[[int], str], anchor: date | None
) -> Iterable[Found]:
    """Yield expressions found in normalised text, offsets into ``norm``, in priority order."""
    for m in scan.finditer(P.NUMERIC):
        if m.group("y"):
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        else:
            d, mo, y = int(m.group("id")), int(m.group("im")), int(m.group("iy"))
        day = _safe_date(y, mo, d) if MIN_YEAR <= y <= MAX_YEAR else None
        if day:
            yield Found(
                m.group(),
                m.start(),
                m.end(),
                "absolute",
                day,
                day,
                day=d,
                month=mo,
                year=y,
                value=day_value(day),
            )
    for m in scan.finditer(P.HIJRI):
        d = int(m.group("day")) if m.group("day") else None
        span = _hijri_range(int(m.group("year")), HIJRI_MONTHS[_key(m.group("month"))], d)
        if span:
            kind = "absolute" if d else "month"
            value = day_value(span[0]) if d else None
            yield Found(m.group(), m.start(), m.end(), kind, span[0], span[1], value=value)
    yield from _clock_matches(scan, anchor)
    yield from _month_matches(scan, anchor)
    yield from _year_matches(scan, anchor)
    yield from _relative_matches(scan, anchor)
    yield from _duration_matches(scan, anchor)
    yield from _reference_matches(scan, original, anchor)


class PlainText:
    """A text whose patterns are found by plain ``finditer``: what :class:`ScannedText` gives,
    read the slow way, where the one-pass scanner cannot be built."""

    def __init__(self, text: str) -> None:
        self.text = text

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return pattern.finditer(self.text)


class PlainScanner:
    """The stand-in for :class:`PatternScanner` on a Python whose regular-expression parser it
    cannot read: the same matches, each pattern run over the whole text."""

    def read(self, text: str) -> PlainText:
        return PlainText(text)


@functools.cache
def scanner() -> PatternScanner | PlainScanner:
    """The scanner of :data:`khabar.time.patterns.WHOLE_TEXT`, built on first use (about 0.1 s)
    and kept for the process: it remembers which patterns each word seen so far may begin.
    Where re's private parser is missing or reads differently, the plain scanner stands in."""
    if PatternScanner is None:
        return PlainScanner()
    try:
        return PatternScanner(P.WHOLE_TEXT)
    except (AttributeError, TypeError, ValueError, KeyError):  # a parse tree of another shape
        return PlainScanner()


def find_times(text: str, anchor: date | None) -> list[Found]:
    """Return the temporal expressions of ``text`` in text order, without overlaps."""
    norm, offsets = normalize_with_offsets(text)
    # One flag per character of ``norm`` already inside a kept expression: the overlap test is
    # then proportional to the match's length, not to the number of expressions kept before it.
    taken = bytearray(len(norm))
    found: list[Found] = []

    def original(position: int) -> str:
        """The character of ``text`` that ``norm[position]`` stands for."""
        return text[position if offsets is None else offsets[position]]

    for f in _matches(scanner().read(norm), original, anchor):
        f = _trim(f)
        if f.end <= f.start or any(taken[f.start : f.end]):
            continue
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
        if offsets is None:
            start, end = f.start, f.end
        else:
            start, end = offsets[f.start], offsets[f.end - 1] + 1
            while end < len(text) and text[end] in _WORD_MARKS:  # حالياً keeps its tanween
                end += 1
        found.append(_moved(f, text[start:end], start, end))
    found.sort(key=lambda f: f.start)
    return found


def _trim(f: Found) -> Found:
    """Drop spaces a pattern took at either end of an expression."""
    stripped = f.text.strip()
    if stripped == f.text:
        return f
    lead = len(f.text) - len(f.text.lstrip())
    return _moved(f, stripped, f.start + lead, f.start + lead + len(stripped))


_AFTER_SPAN = tuple(field.name for field in dataclasses.fields(Found))[3:]
"""The fields of :class:`Found` after ``text``, ``start`` and ``end``."""


def _moved(f: Found, text: str, start: int, end: int) -> Found:
    """``f`` with another text and offsets (what ``dataclasses.replace`` does, without its
    per-call look at the fields)."""
    return Found(text, start, end, *[getattr(f, name) for name in _AFTER_SPAN])


def extract_times(text: str, anchor: date | None) -> tuple[TimeExpr, ...]:
    """Return the temporal expressions of ``text``, relative ones resolved against ``anchor``."""
    return tuple(f.to_expr() for f in find_times(text, anchor))
