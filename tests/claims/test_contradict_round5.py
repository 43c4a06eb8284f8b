"""Round five of issue 17: a toll against "no one was hurt", and a toll that falls later."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from khabar.claims.data import PEOPLE
from khabar.claims.proposition import quantities


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


MONDAY, TUESDAY = date(2019, 3, 4), date(2019, 3, 5)


def test_a_toll_against_no_one_hurt_is_one_issue_with_its_sides(
    dated_article: Any, one_event_contradictions: Any, sides_of: Any
) -> None:
    a = dated_article(
        "a", "وقال مصدر أمني إن الانفجار أدى إلى إصابة خمسة أشخاص بجروح في المدينة.", MONDAY
    )
    b = dated_article("b", "وقال المتحدث باسم الشرطة إن أحدا لم يصب بأذى في الانفجار.", MONDAY)
    numbers = one_event_contradictions("number", a, b)
    assert sides_of(numbers) == [{"none": {"b"}, "5": {"a"}}]


def test_a_toll_given_lower_on_a_later_day_contradicts(
    dated_article: Any, one_event_contradictions: Any
) -> None:
    a = dated_article(
        "a", "وقال ناشطون إن القصف أسفر عن مقتل 35 عنصرا من قوات النظام في ريف حمص.", MONDAY
    )
    b = dated_article(
        "b", "وقال المرصد إن القصف أسفر عن مقتل 18 مقاتلا مواليا للنظام في ريف حمص.", TUESDAY
    )
    numbers = one_event_contradictions("number", a, b)
    assert [{p.answer for p in n.positions} for n in numbers] == [{"18", "35"}]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (MONDAY, TUESDAY),  # the toll rose the next day
        (MONDAY, MONDAY),  # the same day: which came first is unknown
    ],
)
def test_a_toll_that_rises_or_differs_within_a_day_is_no_contradiction(
    first: date,
    second: date,
    dated_article: Any,
    one_event_contradictions: Any,
) -> None:
    a = dated_article("a", "وقال ناشطون إن القصف أسفر عن مقتل 18 عنصرا في الريف.", first)
    b = dated_article("b", "وقال المرصد إن القصف أسفر عن مقتل 35 مقاتلا في الريف.", second)
    assert one_event_contradictions("number", a, b) == []


def _two_events(*arts: Any) -> list[Any]:
    """Each article its own event, all in one story (the events stage kept them apart)."""
    from khabar.claims import analyze_claims
    from khabar.config import ClaimsConfig
    from khabar.model import Event, Story

    events = [Event(f"e{n}", "x", (a.article.id,), story="s") for n, a in enumerate(arts)]
    story = Story("s", "s", tuple(e.id for e in events))
    result = analyze_claims(list(arts), events, [story], [], ClaimsConfig(), copies={})
    return [c for c in result.contradictions if c.kind == "number"]


def test_tolls_of_events_apart_meet_only_when_both_name_the_happening(dated_article: Any) -> None:
    toll = dated_article(
        "a", "وقال مصدر طبي إن التفجير أدى إلى إصابة أربعة أشخاص في البلدة.", MONDAY
    )
    named = dated_article("b", "وقال المتحدث إن أحدا لم يصب بأذى في التفجير قرب البلدة.", MONDAY)
    unnamed = dated_article("c", "وأضاف البيان أنه لم يصب أي من الركاب وأفراد الطاقم بأذى.", MONDAY)
    assert len(_two_events(toll, named)) == 1
    assert _two_events(toll, unnamed) == []


BASE_TOLL = "وقال ناشطون إن القصف على قاعدة القوات في الريف أسفر عن مقتل 35 عنصرا."


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # a toll of an earlier, dated happening
        (BASE_TOLL, "وكانت غارة في التاسع من أبريل على قاعدة القوات في الريف قد قتلت 12 عنصرا."),
        # a toll of other people in another place
        (BASE_TOLL, "وقال مسعفون إن قصفا على سوق المدينة أسفر عن مقتل 12 شخصا."),
        # the lower figure is a part the earlier report gives in words (بينهم سبعة)
        (
            "وقال المرصد إن الغارة على مطار التيفور أسفرت عن مقتل 14 شخصا بينهم سبعة إيرانيين.",
            "وقال ناشطون إن الغارة على مطار التيفور أسفرت عن مقتل 7 أشخاص من الحرس.",
        ),
    ],
)
def test_a_lower_toll_the_next_day_of_another_happening_or_a_part_is_no_contradiction(
    earlier: str, later: str, dated_article: Any, one_event_contradictions: Any
) -> None:
    a = dated_article("a", earlier, MONDAY)
    b = dated_article("b", later, TUESDAY)
    assert one_event_contradictions("number", a, b) == []
