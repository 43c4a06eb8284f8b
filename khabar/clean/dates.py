"""Publish dates as pages write them: numeric day-month-year, Arabic and English month names
(Gregorian and Levantine), Arabic-Indic digits, Hijri dates; and container date strings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import hijridate

from khabar.arabic.data.months import GREGORIAN_MONTHS, HIJRI_MONTHS
from khabar.arabic.normalize import normalize

MIN_YEAR = 1990
"""Earliest Gregorian year accepted as a news publish date (older numbers are not dates)."""

MAX_YEAR = 2100
"""Latest Gregorian year accepted (guards against phone numbers read as dates)."""

MIN_HIJRI_YEAR = 1400
MAX_HIJRI_YEAR = 1530
"""Hijri years accepted (1400 AH began in 1979, 1530 AH is about 2105)."""

ENGLISH_MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}


def _alternation(names: list[str]) -> str:
    """A regex alternation of names, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


_GREG = _alternation(list(GREGORIAN_MONTHS))
_HIJRI = _alternation(list(HIJRI_MONTHS))
_ENG = _alternation(list(ENGLISH_MONTHS))
_SEP = r"\s*[,،]?\s*"

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_HIJRI_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?({_HIJRI}){_SEP}(\d{{4}})(?!\d)")
_NAMED = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_GREG})(?:\s*[/(-]\s*(?:{_GREG})\s*\)?)?"
    rf"{_SEP}(?:عام\s+|سنه\s+)?(\d{{4}})(?!\d)"
)
_NAMED_MDY = re.compile(rf"(?<![\w])({_GREG})\s+(\d{{1,2}}){_SEP}(\d{{4}})(?!\d)")
_ENG_DMY = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({_ENG})\.?{_SEP}(\d{{4}})(?!\d)", re.I
)
_ENG_MDY = re.compile(rf"\b({_ENG})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?{_SEP}(\d{{4}})(?!\d)", re.I)


def _make(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _hijri(year: int, month: int, day: int) -> date | None:
    if not MIN_HIJRI_YEAR <= year <= MAX_HIJRI_YEAR:
        return None
    try:
        return date(*hijridate.Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def find_dates(text: str) -> list[tuple[int, date]]:
    """Every date written in ``text``, as ``(position in the normalised text, date)`` in order."""
    norm = normalize(text)
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: date | None) -> None:
        """Keep a date unless a longer pattern already took its characters."""
        if value is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append((m.start(), value))

    for m in _HIJRI_DATE.finditer(norm):
        add(m, _hijri(int(m.group(3)), HIJRI_MONTHS[_key(m.group(2))], int(m.group(1))))
    for m in _NAMED.finditer(norm):
        add(m, _make(int(m.group(3)), GREGORIAN_MONTHS[_key(m.group(2))], int(m.group(1))))
    for m in _NAMED_MDY.finditer(norm):
        add(m, _make(int(m.group(3)), GREGORIAN_MONTHS[_key(m.group(1))], int(m.group(2))))
    for m in _ENG_DMY.finditer(norm):
        add(m, _make(int(m.group(3)), ENGLISH_MONTHS[m.group(2).lower()], int(m.group(1))))
    for m in _ENG_MDY.finditer(norm):
        add(m, _make(int(m.group(3)), ENGLISH_MONTHS[m.group(1).lower()], int(m.group(2))))
    for m in _ISO.finditer(norm):
        add(m, _make(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _DMY.finditer(norm):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if month > 12 >= day:  # month/day/year, the US habit
            day, month = month, day
        add(m, _make(year, month, day))
    found.sort(key=lambda item: item[0])
    return found


def _key(name: str) -> str:
    """A matched month name in the spelling of the month tables (single spaces)."""
    return " ".join(name.split())


def find_date(text: str) -> date | None:
    """The first date written in ``text``, or None."""
    dates = find_dates(text)
    return dates[0][1] if dates else None


def parse_date_hint(value: str) -> date | None:
    """Parse a date given by a container (ISO 8601, RFC 2822, or as written on pages)."""
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{9,11}(\.\d+)?", value):  # Unix seconds
        try:
            return datetime.fromtimestamp(float(value), tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    return find_date(value)
