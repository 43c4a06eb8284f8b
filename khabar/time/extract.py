"""Find temporal expressions in Arabic text and normalise them to ranges of days.

Matching runs on the normalised text (:func:`khabar.arabic.normalize`) with an offset map back
to the original, so every expression keeps exact offsets into the text it was found in. Absolute
dates resolve on their own; relative ones (أمس، يوم الأربعاء، الشهر الماضي، منذ يومين) need an
anchor (the publish date) and resolve to None bounds without one, keeping what they say
(weekday, month, offset) on :class:`Found` so event dating can resolve them later.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from khabar.arabic.data.chars import DIACRITICS, INVISIBLES, TATWEEL
from khabar.arabic.data.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from khabar.arabic.normalize import normalize
from khabar.model import TimeExpr
from khabar.time import data

MIN_YEAR = 1900  # years outside [MIN_YEAR, MAX_YEAR] are numbers, not dates, in news text
MAX_YEAR = 2100
MIN_HIJRI_YEAR = 1343  # hijridate's Umm al-Qura tables cover 1343–1500 AH
MAX_HIJRI_YEAR = 1500
WEEK_SLACK_DAYS = 3  # "two weeks ago" is read as 14 ± 3 days: writers round to whole weeks
MONTH_SLACK_DAYS = 15  # "two months ago" is read as ± half a month
VAGUE_SPAN = {  # (least, most) units back for a vague count (قبل أيام، منذ أسابيع)
    "hour": (0, 1),  # in days: hours ago is today or yesterday
    "day": (2, 10),
    "week": (2, 8),
    "month": (2, 12),
    "year": (2, 10),
}
FUTURE_YEAR_SLACK_DAYS = 31  # a year-less "15 مارس" may lie this far after the publish date

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
    """For durations and offsets: ``hour``, ``day``, ``week``, ``month`` or ``year``."""
    count: int | None = None
    """For durations and offsets: how many units (None when vague: قبل أيام)."""

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


# --------------------------------------------------------------------------------------------
# Normalisation with an offset map
# --------------------------------------------------------------------------------------------


_DROPPED = re.compile("[" + re.escape("".join(sorted(DIACRITICS | INVISIBLES | {TATWEEL}))) + "]")
"""Characters that normalisation deletes (the rest map one to one)."""


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
# Patterns
# --------------------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_B = r"(?<![\w])"  # word start
_E = r"(?![\w])"  # word end
_CLITIC = r"(?:[وف]?[بل]?)"  # proclitics that may open a date word (وفي، بمارس، لعام)
_MONTH = _alternation(GREGORIAN_MONTHS)
_SAFE_MONTH = _alternation(m for m in GREGORIAN_MONTHS if m not in data.AMBIGUOUS_MONTHS)
_HMONTH = _alternation(HIJRI_MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_YEAR_WORD = _alternation(data.YEAR_WORDS)
_PAST = _alternation(data.PAST_MODIFIERS)
_FUTURE = _alternation(data.FUTURE_MODIFIERS)
_CURRENT = _alternation(data.CURRENT_MODIFIERS)
_UNIT = _alternation(data.UNIT_WORDS)
_COUNT = _alternation(data.COUNT_WORDS)
_VAGUE = _alternation(data.VAGUE_COUNTS)
_HIJRI_MARK = _alternation(data.HIJRI_YEAR_MARKERS)

# A month, possibly given twice: "ديسمبر/كانون الاول", "اكتوبر (تشرين الاول)".
_MONTH_PAIR = rf"(?P<month>{_MONTH})(?:\s*[/(-]\s*(?:{_MONTH})\s*\)?|\s+\((?:{_MONTH})\))?"
_SAFE_MONTH_PAIR = (
    rf"(?P<month>{_SAFE_MONTH})(?:\s*[/(-]\s*(?:{_MONTH})\s*\)?|\s+\((?:{_MONTH})\))?"
)
_YEAR = r"(?P<year>(?:19|20|21)\d\d)(?!\d)(?:\s*م" + _E + r")?"

_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/])"
    r"|(?<![\d/.-])(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d])"
)
_DAY_MONTH = re.compile(
    rf"(?:{_B}[وف]?(?:يوم\s+)?(?:{_WEEKDAY})\s*[,،]?\s*)?(?<![\d/])(?P<day>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?{_B}{_CLITIC}?{_MONTH_PAIR}{_E}"
    rf"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:{_YEAR_WORD})\s*)?{_YEAR})?"
)
_MONTH_YEAR = re.compile(
    rf"{_B}{_CLITIC}?(?:شهر\s+)?{_MONTH_PAIR}\s*[,،]?\s*(?:(?:من\s+)?(?:{_YEAR_WORD})\s*)?{_YEAR}"
)
_MONTH_ALONE = re.compile(
    rf"{_B}(?:{_alternation(data.MONTH_CONTEXT_WORDS)})\s+(?:شهر\s+)?{_SAFE_MONTH_PAIR}{_E}"
)
_HIJRI = re.compile(
    rf"(?:(?<!\d)(?P<day>\d{{1,2}})\s+)?{_B}{_CLITIC}?(?:شهر\s+)?(?P<month>{_HMONTH})\s+(?:(?:{_YEAR_WORD})\s*)?"
    rf"(?P<year>1[34]\d\d)(?!\d)\s*(?:{_HIJRI_MARK}){_E}"
)
_YEAR_ALONE = re.compile(rf"{_B}{_CLITIC}?(?:{_YEAR_WORD})\s+(?P<year>(?:19|20|21)\d\d)(?!\d)")
_WEEKDAY_EXPR = re.compile(
    rf"{_B}(?P<yawm>[وف]?يوم\s+)?{_CLITIC}?(?P<weekday>{_WEEKDAY}){_E}"
    rf"(?:\s+(?:(?P<past>{_PAST})|(?P<future>{_FUTURE})){_E})?"
)
_RELATIVE_DAY = re.compile(
    rf"{_B}[وف]?(?:(?:صباح|مساء|ليل|ظهر|فجر)\s+)?(?P<rel>{_alternation(data.RELATIVE_DAYS)}){_E}"
)
_PERIOD = re.compile(
    rf"{_B}[وف]?(?:(?:خلال|في|مطلع|اواخر|اوايل|منتصف|نهايه|بدايه)\s+)?"
    rf"(?:(?P<noun>{_alternation(data.PERIOD_NOUNS)})\s+(?:(?P<past>{_PAST})|(?P<future>{_FUTURE})"
    rf"|(?P<current>{_CURRENT})){_E}"
    rf"|(?:هذا|هذه)\s+(?P<noun2>{_alternation(data.PERIOD_NOUNS)}){_E})"
)
_OFFSET = re.compile(
    rf"{_B}(?P<dir>{_alternation(data.AGO_WORDS + data.LATER_WORDS)})\s+"
    rf"(?:(?P<num>\d{{1,3}})\s+|(?P<word>{_COUNT})\s+|(?P<vague>{_VAGUE})\s+)?"
    rf"(?P<unit>{_UNIT}){_E}(?P<rel>\s+(?:فقط\s+|تقريبا\s+)?(?:من|علي){_E})?"
)
_DURATION = re.compile(
    rf"{_B}(?:في\s+اقل\s+من|خلال\s+اقل\s+من|في\s+غضون|خلال|في\s+اقل\s+من)\s+"
    rf"(?:(?P<num>\d{{1,3}})\s+|(?P<word>{_COUNT})\s+)?(?P<unit>{_UNIT}){_E}"
    rf"(?!\s+(?:{_MONTH}|{_HMONTH}))"
)
_RECENT = re.compile(rf"{_B}[وف]?(?P<recent>{_alternation(data.RECENT_WORDS)}){_E}")


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------


def _key(found: str) -> str:
    """Collapse runs of spaces so a matched phrase can be looked up in a word list."""
    return re.sub(r"\s+", " ", found.strip())


def _unit_days(unit: str) -> int:
    return {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}[unit]


def _offset_range(anchor: date, unit: str, count: int | None, sign: int) -> tuple[date, date]:
    """Days denoted by ``count`` units before (sign -1) or after (+1) ``anchor``."""
    if count is None:
        least, most = VAGUE_SPAN[unit]
        if unit == "hour":
            lo, hi = least, most
        elif unit == "month":
            near, far = add_months(anchor, sign * least), add_months(anchor, sign * most)
            return (far, near) if sign < 0 else (near, far)
        else:
            lo, hi = least * _unit_days(unit), most * _unit_days(unit)
    elif unit == "hour":
        lo, hi = 0, (count + 23) // 24
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


def _count(num: str | None, word: str | None, unit_word: str) -> tuple[str, int | None]:
    unit, inherent = data.UNIT_WORDS[_key(unit_word)]
    if num:
        return unit, int(num)
    if word:
        return unit, data.COUNT_WORDS[_key(word)]
    return unit, inherent


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


# --------------------------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------------------------


def _matches(norm: str, anchor: date | None) -> Iterable[Found]:
    """Yield expressions found in normalised text, offsets into ``norm``, in priority order."""
    for m in _NUMERIC.finditer(norm):
        if m.group("y"):
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        else:
            d, mo, y = int(m.group("id")), int(m.group("im")), int(m.group("iy"))
        day = _safe_date(y, mo, d) if MIN_YEAR <= y <= MAX_YEAR else None
        if day:
            yield Found(
                m.group(), m.start(), m.end(), "absolute", day, day, day=d, month=mo, year=y
            )
    for m in _HIJRI.finditer(norm):
        d = int(m.group("day")) if m.group("day") else None
        span = _hijri_range(int(m.group("year")), HIJRI_MONTHS[_key(m.group("month"))], d)
        if span:
            kind = "absolute" if d else "month"
            yield Found(m.group(), m.start(), m.end(), kind, span[0], span[1])
    for m in _DAY_MONTH.finditer(norm):
        d, mo = int(m.group("day")), GREGORIAN_MONTHS[_key(m.group("month"))]
        if m.group("year"):
            y = int(m.group("year"))
            day = _safe_date(y, mo, d)
            if day:
                yield Found(
                    m.group(), m.start(), m.end(), "absolute", day, day, day=d, month=mo, year=y
                )
        elif 1 <= d <= 31:
            span = resolve_month_day(mo, d, anchor) if anchor else None
            yield Found(
                m.group(),
                m.start(),
                m.end(),
                "absolute",
                *(span or (None, None)),
                anchored=span is not None,
                day=d,
                month=mo,
            )
    for m in _MONTH_YEAR.finditer(norm):
        mo, y = GREGORIAN_MONTHS[_key(m.group("month"))], int(m.group("year"))
        if MIN_YEAR <= y <= MAX_YEAR:
            lo, hi = month_range(y, mo)
            yield Found(m.group(), m.start(), m.end(), "month", lo, hi, month=mo, year=y)
    for m in _MONTH_ALONE.finditer(norm):
        mo = GREGORIAN_MONTHS[_key(m.group("month"))]
        span = resolve_month_day(mo, None, anchor) if anchor else None
        start = m.start("month")
        yield Found(
            m.group()[start - m.start() :],
            start,
            m.end(),
            "month",
            *(span or (None, None)),
            anchored=span is not None,
            month=mo,
        )
    for m in _YEAR_ALONE.finditer(norm):
        y = int(m.group("year"))
        if MIN_YEAR <= y <= MAX_YEAR:
            yield Found(
                m.group(), m.start(), m.end(), "year", date(y, 1, 1), date(y, 12, 31), year=y
            )
    yield from _relative_matches(norm, anchor)


def _relative_matches(norm: str, anchor: date | None) -> Iterable[Found]:
    """Yield relative expressions (need the anchor to resolve)."""
    for m in _OFFSET.finditer(norm):
        unit, count = _count(m.group("num"), m.group("word"), m.group("unit"))
        sign = 1 if _key(m.group("dir")) in data.LATER_WORDS else -1
        if m.group("rel"):  # "قبل يوم من الاجتماع": relative to another happening
            text = m.group()[: m.start("rel") - m.start()]
            least, most = VAGUE_SPAN[unit] if count is None else (count, count)
            days = _unit_days(unit) or 1
            yield Found(
                text,
                m.start(),
                m.start() + len(text),
                "duration",
                direction=sign,
                span_days=(least * days, most * days),
                unit=unit,
                count=count,
            )
            continue
        span = _offset_range(anchor, unit, count, sign) if anchor else None
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "relative",
            *(span or (None, None)),
            anchored=span is not None,
            direction=sign,
            unit=unit,
            count=count,
        )
    for m in _DURATION.finditer(norm):
        unit, count = _count(m.group("num"), m.group("word"), m.group("unit"))
        most = (count or VAGUE_SPAN[unit][1]) * (_unit_days(unit) or 1)
        yield Found(
            m.group(), m.start(), m.end(), "duration", span_days=(0, most), unit=unit, count=count
        )
    for m in _RELATIVE_DAY.finditer(norm):
        offset = data.RELATIVE_DAYS[_key(m.group("rel"))]
        day = anchor + timedelta(offset) if anchor else None
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "relative",
            day,
            day,
            anchored=day is not None,
            direction=(offset > 0) - (offset < 0),
        )
    for m in _WEEKDAY_EXPR.finditer(norm):
        name = _key(m.group("weekday"))
        past, future = bool(m.group("past")), bool(m.group("future"))
        if name in data.AMBIGUOUS_WEEKDAYS and not (m.group("yawm") or past or future):
            continue
        weekday = WEEKDAYS[name]
        day: date | None = None
        if anchor:
            day = (
                weekday_after(anchor, weekday) if future else weekday_before(anchor, weekday, past)
            )
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "weekday",
            day,
            day,
            anchored=day is not None,
            weekday=weekday,
            direction=-1 if past else (1 if future else 0),
        )
    for m in _PERIOD.finditer(norm):
        noun = m.group("noun") or m.group("noun2")
        unit = data.PERIOD_NOUNS[_key(noun)]
        shift = -1 if m.group("past") else (1 if m.group("future") else 0)
        span = _period_range(anchor, unit, shift) if anchor else None
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "relative",
            *(span or (None, None)),
            anchored=span is not None,
            direction=shift,
        )
    for m in _RECENT.finditer(norm):
        back = data.RECENT_WORDS[_key(m.group("recent"))]
        span = (anchor - timedelta(back), anchor) if anchor else None
        yield Found(
            m.group(),
            m.start(),
            m.end(),
            "relative",
            *(span or (None, None)),
            anchored=span is not None,
            direction=-1,
        )


def find_times(text: str, anchor: date | None) -> list[Found]:
    """Return the temporal expressions of ``text`` in text order, without overlaps."""
    norm, offsets = normalize_with_offsets(text)
    # One flag per character of ``norm`` already inside a kept expression: the overlap test is
    # then proportional to the match's length, not to the number of expressions kept before it.
    taken = bytearray(len(norm))
    found: list[Found] = []
    for f in _matches(norm, anchor):
        if any(taken[f.start : f.end]):
            continue
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
        if offsets is None:
            start, end = f.start, f.end
        else:
            start, end = offsets[f.start], offsets[f.end - 1] + 1
        found.append(
            Found(
                text[start:end],
                start,
                end,
                f.kind,
                f.earliest,
                f.latest,
                f.anchored,
                f.day,
                f.month,
                f.year,
                f.weekday,
                f.direction,
                f.span_days,
                f.unit,
                f.count,
            )
        )
    found.sort(key=lambda f: f.start)
    return found


def extract_times(text: str, anchor: date | None) -> tuple[TimeExpr, ...]:
    """Return the temporal expressions of ``text``, relative ones resolved against ``anchor``."""
    return tuple(f.to_expr() for f in find_times(text, anchor))
