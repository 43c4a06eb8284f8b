"""Round five of issue 17: a toll against "no one was hurt", and a toll that falls later."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.claims import analyze_claims, extract_statements
from khabar.claims.data import PEOPLE
from khabar.claims.proposition import quantities
from khabar.config import ClaimsConfig
from khabar.model import AnnotatedArticle, Article, Event, Story


def _read(text: str) -> set[tuple[str, str, str]]:
    return {(q.act, q.thing, q.amount.label()) for q in quantities(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وأكد الناطق أن أحدا لم يصب بأذى في التفجير",
            {("injure", PEOPLE, "none"), ("kill", PEOPLE, "none")},
        ),
        ("وانفجرت العبوة قرب الحافلة من دون وقوع أي إصابات", {("injure", PEOPLE, "none")}),
        ("وقالت الشرطة إن الحريق لم يسفر عن سقوط قتلى", {("kill", PEOPLE, "none")}),
        ("وأصيب تسعة مدنيين في القصف", {("injure", PEOPLE, "9")}),
        ("وخلفت الغارة 15 قتيلا ونحو 30 جريحا", {("kill", PEOPLE, "15"), ("injure", PEOPLE, "30")}),
        # one named person unharmed says nothing of the toll
        ("ونجا الوزير من الهجوم ولم يصب بأذى", set()),
        # a count of detainees killed keeps its noun
        ("وقتل الحراس 4 سجناء", {("kill", "سجناء", "4")}),
    ],
)
def test_tolls_of_people_and_none_are_read(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _read(text) == expected


def _article(aid: str, body: str, day: date) -> AnnotatedArticle:
    art = Article(
        id=aid, source=aid, title=None, published=day, outlet=aid, language="ar", paragraphs=(body,)
    )
    return AnnotatedArticle(art, (), (), extract_statements(art, ()))


def _numbers(*arts: AnnotatedArticle):  # type: ignore[no-untyped-def]
    ids = tuple(a.article.id for a in arts)
    events = [Event("e", "blast", ids, story="s")]
    result = analyze_claims(
        list(arts), events, [Story("s", "s", ("e",))], [], ClaimsConfig(), copies={}
    )
    return [c for c in result.contradictions if c.kind == "number"]


MONDAY, TUESDAY = date(2019, 3, 4), date(2019, 3, 5)


def test_a_toll_against_no_one_hurt_is_one_issue_with_its_sides() -> None:
    a = _article(
        "a", "وقال مصدر أمني إن الانفجار أدى إلى إصابة خمسة أشخاص بجروح في المدينة.", MONDAY
    )
    b = _article("b", "وقال المتحدث باسم الشرطة إن أحدا لم يصب بأذى في الانفجار.", MONDAY)
    numbers = _numbers(a, b)
    assert len(numbers) == 1
    answers = {p.answer: {s.article for s in p.sources} for p in numbers[0].positions}
    assert answers == {"none": {"b"}, "5": {"a"}}


def test_a_toll_given_lower_on_a_later_day_contradicts() -> None:
    a = _article("a", "وقال ناشطون إن القصف أسفر عن مقتل 35 عنصرا من القوات في الريف.", MONDAY)
    b = _article("b", "وقال المرصد إن القصف أسفر عن مقتل 18 مقاتلا من القوات في الريف.", TUESDAY)
    numbers = _numbers(a, b)
    assert [{p.answer for p in n.positions} for n in numbers] == [{"18", "35"}]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (MONDAY, TUESDAY),  # the toll rose the next day
        (MONDAY, MONDAY),  # the same day: which came first is unknown
    ],
)
def test_a_toll_that_rises_or_differs_within_a_day_is_no_contradiction(
    first: date, second: date
) -> None:
    a = _article("a", "وقال ناشطون إن القصف أسفر عن مقتل 18 عنصرا من القوات في الريف.", first)
    b = _article("b", "وقال المرصد إن القصف أسفر عن مقتل 35 مقاتلا من القوات في الريف.", second)
    assert _numbers(a, b) == []
