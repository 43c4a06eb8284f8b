"""TimeML values from resolved dates and amounts."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.time.timeml import (
    day_of_month_value,
    duration_value,
    month_value,
    set_value,
    time_value,
    week_value,
    year_value,
)


def test_calendar_values() -> None:
    assert month_value(2015, 6) == "2015-06"
    assert month_value(None, 6) == "XXXX-06"
    assert day_of_month_value(None, 10, 4) == "XXXX-10-04"
    assert year_value(1887) == "1887"
    assert year_value(950) == "0950"


def test_week_value_is_the_iso_week() -> None:
    assert week_value(date(2015, 12, 22)) == "2015-W52"
    assert week_value(date(2018, 12, 31)) == "2019-W01"
    assert week_value(date(2018, 4, 15), weekend=True) == "2018-W15-WE"


@pytest.mark.parametrize(
    ("unit", "count", "value"),
    [
        ("day", 2, "P2D"),
        ("hour", 8, "PT8H"),
        ("minute", 14, "PT14M"),
        ("year", 2.5, "P30M"),
        ("hour", 1.5, "PT90M"),
        ("week", None, "PXW"),
        ("decade", 1, "P1DE"),
    ],
)
def test_duration_values(unit: str, count: float | None, value: str) -> None:
    assert duration_value(unit, count) == value


def test_time_and_set_values() -> None:
    assert time_value("2015-12-22", part="MO") == "2015-12-22TMO"
    assert time_value(None, clock="16:00") == "XXXX-XX-XXT16:00"
    assert set_value("month", 3) == "P3M"
    assert set_value("year", None) == "P1Y"
