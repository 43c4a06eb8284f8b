"""Republished copies flagged within an event, the first publication named."""

from __future__ import annotations

from datetime import date

from events_support import make

from khabar.events.copies import REPUBLISHED, copy_groups, copy_map, republished_flags
from khabar.model import Event

STORY = (
    "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا إلى ستين قتيلا وأكثر من ألفي جريح برصاص "
    "القوات الإسرائيلية خلال احتجاجات على الحدود تزامنت مع افتتاح السفارة الأمريكية في "
    "القدس، وقالت الوزارة إن بين القتلى ثمانية أطفال وإن المستشفيات تعاني نقصا حادا في الأدوية "
    "والمستلزمات الطبية، فيما دعت الأمم المتحدة إلى تحقيق مستقل في استخدام القوة."
)
OTHER = (
    "قال شهود عيان إن آلاف المتظاهرين تجمعوا قرب السياج الحدودي شرق مدينة غزة منذ الصباح، "
    "ورفعوا الأعلام الفلسطينية وأحرقوا إطارات السيارات، بينما أطلقت طائرات مسيرة قنابل الغاز "
    "المسيل للدموع على الحشود وأصيب صحفيان بجروح أثناء التغطية الميدانية للأحداث."
)


def test_later_copies_are_flagged_with_the_first_publication() -> None:
    first = make("a1", "ستون قتيلا في غزة", STORY, date(2018, 5, 14))
    copy = make("a2", "ارتفاع الضحايا في غزة إلى ستين قتيلا", STORY, date(2018, 5, 15))
    early = make("a3", "غزة: ستون قتيلا", STORY.replace("ستين", "60"), date(2018, 5, 13))
    own = make("a4", "احتجاجات على حدود غزة", OTHER, date(2018, 5, 14))
    annotated = [first, copy, early, own]
    events = [Event("e1", "غزة", ("a1", "a2", "a3", "a4"))]
    assert copy_groups(annotated, events) == [("a3", "a1", "a2")]  # the earliest first
    flags = {f.article: f.flag for f in republished_flags(copy_map(annotated, events))}
    assert set(flags) == {"a1", "a2"}  # the first publication and the other report are not
    assert {f.kind for f in flags.values()} == {REPUBLISHED}
    assert flags["a2"].detail == "copy of a3"


def test_copies_in_different_events_are_not_compared() -> None:
    a = make("a1", "ستون قتيلا في غزة", STORY, date(2018, 5, 14))
    b = make("a2", "ستون قتيلا في غزة", STORY, date(2018, 5, 14))
    events = [Event("e1", "غزة", ("a1",)), Event("e2", "غزة", ("a2",))]
    assert republished_flags(copy_map([a, b], events)) == []
