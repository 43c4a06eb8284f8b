"""TimeML values of resolved time expressions (pure functions, no state).

TIMEX3 values as TimeML writes them: a day ``2015-12-22``, a month ``2015-12`` (``XXXX-06``
when the year is unknown), a year ``2015``, an ISO week ``2015-W52``, a decade ``196`` or a
century ``19``, a part of a day ``2015-12-22TMO``, a clock time ``2015-12-22T16:00``, a duration
``P2D`` / ``PT8H`` / ``PXY`` and the references ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.
"""

from __future__ import annotations

from datetime import date

UNIT_LETTERS = {
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "week": ("", "W"),
    "month": ("", "M"),
    "year": ("", "Y"),
    "decade": ("", "DE"),
    "century": ("", "CE"),
}
"""Unit → (ISO 8601 time designator, unit letter) of a TimeML duration."""

SMALLER_UNIT = {"hour": ("minute", 60), "day": ("hour", 24), "year": ("month", 12)}
"""Unit → (the unit a fractional amount is written in, how many of it make one): 2.5 years is
``P30M``."""


def day_value(day: date) -> str:
    """``2015-12-22``."""
    return day.isoformat()


def month_value(year: int | None, month: int) -> str:
    """``2015-12``, or ``XXXX-12`` when the year is unknown."""
    return f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"


def day_of_month_value(year: int | None, month: int, day: int) -> str:
    """``2015-12-22``, or ``XXXX-12-22`` when the year is unknown."""
    return f"{month_value(year, month)}-{day:02d}"


def year_value(year: int) -> str:
    """``2015`` (``0950`` for a year below 1000)."""
    return f"{year:04d}"


def week_value(day: date, weekend: bool = False) -> str:
    """The ISO week holding ``day``: ``2015-W52`` (``2015-W52-WE`` for its weekend)."""
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def time_value(day: str | None, part: str | None = None, clock: str | None = None) -> str:
    """A part of a day (``2015-12-22TMO``) or a clock time (``2015-12-22T16:00``)."""
    base = day or "XXXX-XX-XX"
    return f"{base}T{clock or part or ''}"


def duration_value(unit: str, count: float | None) -> str:
    """``P2D``, ``PT8H``, ``P30M`` for 2.5 years, ``PXY`` for an unknown count of years."""
    if count is not None and count != int(count) and unit in SMALLER_UNIT:
        unit, per = SMALLER_UNIT[unit]
        count = count * per
    designator, letter = UNIT_LETTERS[unit]
    amount = "X" if count is None else f"{count:g}"
    return f"P{designator}{amount}{letter}"


def set_value(unit: str, count: int | None) -> str:
    """The period of a recurrence: every three months is ``P3M``."""
    return duration_value(unit, count if count is not None else 1)
