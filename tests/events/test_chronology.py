"""Reasoning across a story's events: office and fall, ordinals and back-references."""

from __future__ import annotations

from datetime import date

from events_support import make

from khabar.events.chronology import EventFacts, reason_story
from khabar.time.dating import Dating, date_articles


def _facts(eid: str, *articles) -> EventFacts:
    return EventFacts(eid, tuple(articles), date_articles(articles))


def test_sitting_ruler_event_ends_before_his_dated_fall() -> None:
    before = make(
        "a", "قمة في القاهرة", "استقبل الرئيس السوداني عمر البشير ضيفه في الخرطوم لبحث التعاون."
    )
    after = make(
        "b",
        "حكومة جديدة",
        "شكلت حكومة انتقالية بعد الإطاحة بالرئيس عمر البشير في أبريل 2019 إثر احتجاجات واسعة.",
    )
    dated = reason_story([_facts("A", before), _facts("B", after)])
    assert dated[0].latest == date(2019, 4, 30)
    assert dated[0].earliest is None
    assert any("أبريل 2019" in s for s in dated[0].evidence)
    assert dated[1].earliest == date(2019, 4, 1)


def test_back_reference_dates_the_first_visit_and_bounds_the_second() -> None:
    first = make(
        "v1",
        "ماكرون في الجزائر",
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر في أول زيارة له منذ انتخابه في مايو 2017.",
    )
    second = make(
        "v2",
        "ماكرون يعود إلى الجزائر",
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر في ثاني زيارة له في أقل من ثلاثة أشهر.\n"
        "وكان ماكرون قد زار الجزائر للمرة الأولى في ديسمبر.",
    )
    dated = reason_story([_facts("A", first), _facts("B", second)])
    assert (dated[0].earliest, dated[0].latest) == (date(2017, 12, 1), date(2017, 12, 31))
    assert (dated[1].earliest, dated[1].latest) == (date(2017, 12, 1), date(2018, 3, 31))
    assert any("للمرة الأولى" in s for s in dated[0].evidence)


def test_lone_event_keeps_its_own_dating() -> None:
    only = make("x", "انفجار", "وقع انفجار في الميناء يوم الأربعاء.", date(2025, 2, 13))
    facts = _facts("X", only)
    assert reason_story([facts]) == [facts.dating]


def test_reasoning_never_widens_a_range() -> None:
    a = make("a", "اجتماع", "عقد الاجتماع الأول للجنة في 3 مارس 2020.")
    facts = EventFacts("A", (a,), Dating(date(2020, 3, 3), date(2020, 3, 3), ("x",)))
    other = make("b", "اجتماع ثان", "عقدت اللجنة ثاني اجتماع لها في أقل من شهر.")
    dated = reason_story([facts, _facts("B", other)])
    assert (dated[0].earliest, dated[0].latest) == (date(2020, 3, 3), date(2020, 3, 3))
