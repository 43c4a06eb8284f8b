"""Publish dates, outlets and languages as pages state them; never invented."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.clean import clean_page
from khabar.clean.dates import find_date, parse_date_hint
from khabar.clean.metadata import detect_language, host_label
from khabar.config import CleanConfig
from khabar.model import Page

BODY = (
    "أعلنت وزارة الخارجية اليوم أن المفاوضات بين الجانبين ستستأنف الأسبوع المقبل في العاصمة، "
    "بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه.\n\n"
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الوفد سيضم خبراء في القانون الدولي، مضيفا أن "
    "بلاده تأمل في التوصل إلى اتفاق قبل نهاية العام الجاري."
)
TITLE = "استئناف المفاوضات بين البلدين الأسبوع المقبل"


def _clean(text: str, **hints: str) -> object:
    page = Page("t.txt", text.encode(), text, "utf-8", "text", **hints)
    return clean_page(page, CleanConfig())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تم النشر 13/02/2025", date(2025, 2, 13)),
        ("نشر في 2025-02-13 10:30", date(2025, 2, 13)),
        ("الخميس 13 فبراير 2025", date(2025, 2, 13)),
        ("١٣ فبراير ٢٠٢٥", date(2025, 2, 13)),
        ("13 شباط 2025", date(2025, 2, 13)),
        ("15 تشرين الأول 2025", date(2025, 10, 15)),
        ("15 أكتوبر/تشرين الأول 2025", date(2025, 10, 15)),
        ("15 أكتوبر، 2025", date(2025, 10, 15)),
        ("14 شعبان 1446 هـ", date(2025, 2, 13)),
        ("February 13, 2025", date(2025, 2, 13)),
        ("فبراير 13، 2025", date(2025, 2, 13)),
        ("13 Feb 2025", date(2025, 2, 13)),
        ("02/13/2025", date(2025, 2, 13)),
        ("في 31/02/2025", None),
        ("قبل 3 ساعات", None),
        ("رقم الهاتف 12-34-5678", None),
    ],
)
def test_dates_as_pages_write_them(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        ("2025-02-13T22:10:00+03:00", date(2025, 2, 13)),
        ("Thu, 13 Feb 2025 10:00:00 GMT", date(2025, 2, 13)),
        ("1739440800", date(2025, 2, 13)),
        ("13 فبراير 2025", date(2025, 2, 13)),
        ("unknown", None),
    ],
)
def test_container_date_hints(hint: str, expected: date | None) -> None:
    assert parse_date_hint(hint) == expected


def test_dateline_under_title_is_the_publish_date() -> None:
    article = _clean(f"{TITLE}\nالأحد ١٣ شباط ٢٠٢٥ - 10:30\n\n{BODY}")
    assert article.published == date(2025, 2, 13)  # type: ignore[attr-defined]
    assert "٢٠٢٥" in article.published_evidence  # type: ignore[attr-defined]


def test_sidebar_date_after_body_is_never_used() -> None:
    text = f"{TITLE}\n\n{BODY}\n\nآخر الأخبار\nخبر آخر عن الطقس\n18/06/2025\nخبر ثالث"
    assert _clean(text).published is None  # type: ignore[attr-defined]


def test_date_inside_body_text_is_not_the_publish_date() -> None:
    body = BODY + "\n\nوكانت الجولة السابقة قد عقدت في 13 فبراير 2024 دون نتائج تذكر بين الطرفين."
    assert _clean(f"{TITLE}\n\n{body}").published is None  # type: ignore[attr-defined]


def test_container_date_wins() -> None:
    article = _clean(f"{TITLE}\nتم النشر 13/02/2025\n\n{BODY}", published_hint="2025-02-14")
    assert article.published == date(2025, 2, 14)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("footer", "url", "expected"),
    [
        ("© 2024 ar.levant24.com. جميع الحقوق محفوظة.", None, "Levant24"),
        ("© 2024 الشرق الإخبارية. جميع الحقوق محفوظة", None, "الشرق الإخبارية"),
        ("", "https://www.aljazeera.net/news/1", "الجزيرة"),
        ("", "https://www.akhbar-almadina.example/news/1", "akhbar-almadina.example"),
        ("", None, None),
    ],
)
def test_outlet_from_page_else_url(footer: str, url: str | None, expected: str | None) -> None:
    head = "Levant24 عربيLevant24 عربي\n" if "levant24" in footer else ""
    hints = {"url": url} if url else {}
    article = _clean(f"{head}{TITLE}\n\n{BODY}\n\n{footer}", **hints)
    assert article.outlet == expected  # type: ignore[attr-defined]


def test_outlet_hint_wins() -> None:
    assert _clean(f"{TITLE}\n\n{BODY}", outlet_hint="رويترز").outlet == "رويترز"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("host", "label"),
    [("ar.levant24.com", "levant24"), ("www.bbc.co.uk", "bbc"), ("m.youm7.com", "youm7")],
)
def test_host_label(host: str, label: str) -> None:
    assert host_label(host) == label


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (BODY, "ar"),
        ("The talks will resume next week in the capital, the ministry said on Monday.", "en"),
        (
            "Les négociations reprendront la semaine prochaine dans la capitale.",
            "fr",
        ),
        ("قال الرئيس Vladimir Putin إن المحادثات مع الجانب السوري كانت مثمرة جدا.", "ar"),
        ("12 34", "und"),
    ],
)
def test_language_from_script_and_function_words(text: str, lang: str) -> None:
    assert detect_language(text) == lang
