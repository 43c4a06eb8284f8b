"""Round five of issue 17: an act told as done and as not done yet on one day; obstructing
against facilitating one act."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from khabar.claims.opposition import completion, readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل وفد الوساطة إلى مدينة الحديدة صباح اليوم", {0: True}),
        ("دخول قافلة المساعدات إلى بلدة مضايا", {0: True}),
        ("وقال إن عناصر البعثة لم يدخلوا المخيم حتى الآن", {0: False}),
        ("عناصر البعثة سيدخلون المخيم يوم الخميس", {0: False}),
        # a masdar inside a phrase tells no entry: a delay of it, leave for it
        ("الحكومة مسؤولة عن تأخر دخول القافلة إلى البلدة", {}),
        ("ينتظر الفريق إذنا لدخول المخيم", {}),
        # the noun of intervention is no entry
        ("وانتقد التدخل العسكري في البلاد", {}),
    ],
)
def test_an_act_is_read_as_done_or_not_yet(text: str, expected: dict[int, bool]) -> None:
    assert completion(text) == expected


def test_obstructing_and_facilitating_one_access_are_opposite_answers() -> None:
    obstruct = readings("الحكومة مسؤولة عن عرقلة وصول المساعدات إلى البلدة")
    facilitate = readings("نسهل وصول المساعدات إلى البلدة بقدر ما نستطيع")
    assert {answer for _, answer in obstruct} == {0}
    assert {answer for _, answer in facilitate} == {1}
    assert set(obstruct) != set(facilitate) and {g for g, _ in obstruct} == {
        g for g, _ in facilitate
    }
    # "we did not obstruct" is the facilitating answer
    assert {answer for _, answer in readings("لم نعرقل وصول المساعدات")} == {1}


WEDNESDAY, THURSDAY = date(2019, 6, 5), date(2019, 6, 6)
DONE = "وقالت الوكالة الرسمية إن فريق الأمم المتحدة دخل مخيم الركبان صباح الأربعاء."
NOT_YET = "وقال المتحدث باسم الخارجية إن فريق الأمم المتحدة لم يدخل مخيم الركبان بعد."


def test_done_against_not_yet_on_one_day_is_one_issue(
    dated_article: Any, one_event_contradictions: Any, sides_of: Any
) -> None:
    found = one_event_contradictions(
        "claim", dated_article("a", DONE, WEDNESDAY), dated_article("b", NOT_YET, WEDNESDAY)
    )
    assert sides_of(found) == [{"entered": {"a"}, "not yet entered": {"b"}}]


def test_not_yet_then_done_on_a_later_day_is_no_contradiction(
    dated_article: Any, one_event_contradictions: Any
) -> None:
    assert (
        one_event_contradictions(
            "claim", dated_article("a", DONE, THURSDAY), dated_article("b", NOT_YET, WEDNESDAY)
        )
        == []
    )


def test_done_and_not_yet_of_different_actors_and_places_stay_apart(
    dated_article: Any, one_event_contradictions: Any
) -> None:
    other = "وقال المتحدث باسم الجيش إن القوات الحكومية لم تدخل مدينة درعا البلد."
    assert (
        one_event_contradictions(
            "claim", dated_article("a", DONE, WEDNESDAY), dated_article("b", other, WEDNESDAY)
        )
        == []
    )
