"""Temporal expressions: absolute dates, Levantine and Hijri months, relative expressions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.time import extract_times, find_times
from khabar.time.extract import add_months, weekday_before

THURSDAY = date(2025, 2, 13)  # the publish date of seed page 002


def _one(text: str, anchor: date | None = None):
    found = extract_times(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("نشر بتاريخ 13/02/2025 على الموقع", date(2025, 2, 13), date(2025, 2, 13)),
        ("في 2019-05-03 وقع الحادث", date(2019, 5, 3), date(2019, 5, 3)),
        ("وصل في 15 آذار 2023 إلى موسكو", date(2023, 3, 15), date(2023, 3, 15)),
        ("بتاريخ ١٥ آذار ٢٠٢٣", date(2023, 3, 15), date(2023, 3, 15)),
        ("الأربعاء 15 مارس 2023", date(2023, 3, 15), date(2023, 3, 15)),
        ("في أكتوبر/تشرين الأول 2025", date(2025, 10, 1), date(2025, 10, 31)),
        ("منذ سقوط النظام في ديسمبر 2024", date(2024, 12, 1), date(2024, 12, 31)),
        ("في كانون الثاني 2026", date(2026, 1, 1), date(2026, 1, 31)),
        ("خلال عام 2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("في 12 رمضان 1446 هـ", date(2025, 3, 12), date(2025, 3, 12)),
    ],
)
def test_absolute_dates_resolve_without_anchor(text: str, earliest: date, latest: date) -> None:
    expr = _one(text)
    assert (expr.earliest, expr.latest) == (earliest, latest)
    assert not expr.anchored
    assert text[expr.start : expr.end] == expr.text


def test_hijri_month_and_year_is_its_gregorian_range() -> None:
    expr = _one("خلال شهر ربيع الأول 1445 هـ")
    assert expr.earliest == date(2023, 9, 16)
    assert expr.latest == date(2023, 10, 15)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("أجرى بوتن، يوم الأربعاء، اتصالاً", date(2025, 2, 12), date(2025, 2, 12)),
        ("التقى الخميس نظيره", THURSDAY, THURSDAY),
        ("الأربعاء الماضي", date(2025, 2, 12), date(2025, 2, 12)),
        ("الخميس الماضي", date(2025, 2, 6), date(2025, 2, 6)),
        ("السبت المقبل", date(2025, 2, 15), date(2025, 2, 15)),
        ("قال أمس إن", date(2025, 2, 12), date(2025, 2, 12)),
        ("اليوم", THURSDAY, THURSDAY),
        ("منذ يومين", date(2025, 2, 11), date(2025, 2, 11)),
        ("قبل ثلاثة أيام", date(2025, 2, 10), date(2025, 2, 10)),
        ("الشهر المقبل", date(2025, 3, 1), date(2025, 3, 31)),
        ("الشهر الماضي", date(2025, 1, 1), date(2025, 1, 31)),
        ("العام الماضي", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_relative_expressions_anchor_on_publish_date(
    text: str, earliest: date, latest: date
) -> None:
    expr = _one(text, THURSDAY)
    assert (expr.earliest, expr.latest) == (earliest, latest)
    assert expr.anchored


def test_vague_weeks_ago_is_a_range_before_the_anchor() -> None:
    expr = _one("قبل أسابيع", THURSDAY)
    assert expr.earliest is not None and expr.latest is not None
    assert expr.earliest < expr.latest < THURSDAY


@pytest.mark.parametrize("text", ["يوم الأربعاء", "أمس", "الأسبوع الماضي", "منذ يومين"])
def test_relative_expressions_without_anchor_have_open_bounds(text: str) -> None:
    expr = _one(text, None)
    assert expr.earliest is None and expr.latest is None
    assert not expr.anchored


def test_month_without_year_takes_latest_occurrence_before_anchor() -> None:
    expr = _one("وكان قد زار روسيا في أكتوبر", date(2026, 1, 28))
    assert (expr.earliest, expr.latest) == (date(2025, 10, 1), date(2025, 10, 31))
    assert expr.kind == "month" and expr.anchored


def test_month_without_year_keeps_month_for_later_resolution() -> None:
    found = find_times("زار روسيا للمرة الأولى في أكتوبر/تشرين الأول.", None)
    assert len(found) == 1
    assert found[0].month == 10 and found[0].year is None and found[0].earliest is None


def test_duration_is_not_a_date() -> None:
    found = find_times("في ثاني زيارة له في أقل من أربعة أشهر", None)
    assert [(f.kind, f.unit, f.count) for f in found] == [("duration", "month", 4)]


def test_span_relative_to_another_happening_is_not_anchored() -> None:
    expr = _one("أتت قبل يوم من اجتماع رباعي", THURSDAY)
    assert expr.kind == "duration" and expr.earliest is None


def test_ambiguous_monday_needs_context() -> None:
    assert extract_times("اتفق الاثنان على", THURSDAY) == ()
    assert extract_times("اتفق الاثنين على الأمر", THURSDAY) == ()
    assert _one("يوم الاثنين", THURSDAY).earliest == date(2025, 2, 10)


def test_words_containing_month_or_day_names_are_not_dates() -> None:
    assert extract_times("قال الخامس من المشاركين", None) == ()
    assert extract_times("أب لثلاثة أطفال", None) == ()


def test_offsets_survive_diacritics_and_tatweel() -> None:
    text = "وَصَلَ يَوْمَ الأربعــاء إلى"
    expr = _one(text, THURSDAY)
    assert text[expr.start : expr.end] == expr.text
    assert expr.exact == date(2025, 2, 12)


def test_weekday_before_anchor_same_day_unless_strict() -> None:
    assert weekday_before(THURSDAY, 3, strictly=False) == THURSDAY
    assert weekday_before(THURSDAY, 3, strictly=True) == date(2025, 2, 6)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2025, 10, 31), 4) == date(2026, 2, 28)
    assert add_months(date(2025, 1, 31), -2) == date(2024, 11, 30)


_PIECES = [
    "يوم",
    "الأربعاء",
    "الماضي",
    "المقبل",
    "منذ",
    "قبل",
    "يومين",
    "أسابيع",
    "أشهر",
    "في",
    "أكتوبر",
    "تشرين",
    "الأول",
    "/",
    "2024",
    "1446",
    "هـ",
    "رمضان",
    "15",
    "13/02/2025",
    "،",
    "أمس",
    "الأسبوع",
    "الشهر",
    "عام",
    "\u064e",
    "\u0640",
    "\u200f",
    " ",
    "\n",
    "من",
    "أقل",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.booleans())
@settings(max_examples=200, deadline=None)
def test_extraction_never_crashes_and_offsets_match(pieces: list[str], anchored: bool) -> None:
    text = " ".join(pieces)
    for expr in extract_times(text, THURSDAY if anchored else None):
        assert text[expr.start : expr.end] == expr.text
        if expr.earliest and expr.latest:
            assert expr.earliest <= expr.latest
