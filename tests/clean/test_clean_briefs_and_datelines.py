"""Short clean records stay articles (flagged), and an outlet's datelines are never its chrome."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.clean import OutletChrome, clean_page, clean_pages
from khabar.clean.chrome import states_a_date
from khabar.clean.lines import norm_line
from khabar.config import CleanConfig
from khabar.errors import ExtractionError
from khabar.model import Page

CFG = CleanConfig()

BRIEF = "عاجل: انفجار قرب مرفأ بيروت وأنباء عن إصابات."
BRIEF_TITLE = "انفجار قرب مرفأ بيروت"

CITIES = ("دمشق", "القاهرة", "بيروت", "عمان", "بغداد", "الرياض", "الدوحة", "تونس")
TOPICS = ("الاقتصاد", "الطاقة", "الصحة", "التعليم", "النقل", "الزراعة", "المياه", "السياحة")


def _page(text: str, kind: str = "record", source: str = "feed.jsonl#1", **hints: str) -> Page:
    return Page(source, text.encode("utf-8"), text, "utf-8", kind, **hints)  # type: ignore[arg-type]


def test_short_record_with_title_is_a_flagged_article() -> None:
    assert len(BRIEF) < CFG.min_body_chars
    article = clean_page(_page(BRIEF, title_hint=BRIEF_TITLE, published_hint="2019-03-05"), CFG)
    assert article.text == BRIEF
    assert article.title == BRIEF_TITLE
    assert article.published == date(2019, 3, 5)
    (flag,) = [f for f in article.flags if f.kind == "short_article"]
    assert str(len(BRIEF)) in flag.detail and "min_body_chars" in flag.detail


def test_long_record_is_not_flagged_short() -> None:
    text = " ".join([BRIEF] * 6)
    article = clean_page(_page(text, title_hint=BRIEF_TITLE), CFG)
    assert "short_article" not in {f.kind for f in article.flags}


@pytest.mark.parametrize(
    ("text", "kind", "hints"),
    [
        (BRIEF, "text", {"title_hint": BRIEF_TITLE}),  # a text dump: the body had to be found
        (f"<html><body><h1>{BRIEF_TITLE}</h1><p>{BRIEF}</p></body></html>", "html", {}),
        (BRIEF, "record", {}),  # no title: nothing says this is an article
        (BRIEF_TITLE, "record", {"title_hint": BRIEF_TITLE}),  # the text is only the title
        ("  \n ", "record", {"title_hint": BRIEF_TITLE}),
    ],
)
def test_short_pages_that_are_not_clean_records_still_need_the_minimum(
    text: str, kind: str, hints: dict[str, str]
) -> None:
    with pytest.raises(ExtractionError, match="min_body_chars"):
        clean_page(_page(text, kind, **hints), CFG)


def _day_page(i: int, dateline: str, day: str = "05/03/2019") -> Page:
    """A text dump of one outlet: menu, headline, dateline, three paragraphs, share line,
    copyright footer."""
    city, topic = CITIES[i % len(CITIES)], TOPICS[i % len(TOPICS)]
    text = (
        "الرئيسية | أخبار | اقتصاد | رياضة | ثقافة\n\n"
        f"وزير {topic} يعلن خطة جديدة في {city}\n\n"
        f"{dateline} {day}\n\n"
        f"عقد وزير {topic} اجتماعا موسعا في {city} صباح اليوم لبحث الخطة الجديدة رقم {i} مع "
        "ممثلي القطاع الخاص والنقابات المهنية.\n\n"
        f"وقال الوزير إن الخطة {i} ستنفذ على ثلاث مراحل خلال العامين المقبلين، وإن الحكومة "
        f"خصصت {i + 100} مليون دولار لتمويلها.\n\n"
        f"وأضاف أن المرحلة الأولى تبدأ الشهر المقبل في {city} وتشمل مشروعات {topic} في الأحياء "
        "الشرقية والغربية من المدينة.\n\n"
        "شارك الخبر على فيسبوك\n\n"
        "© 2019 جميع الحقوق محفوظة لموقع أخبار المثال\n"
    )
    return _page(text, "text", source=f"day/p{i}.txt")


@pytest.mark.parametrize("dateline", ["تم النشر", "نشر في:", "تاريخ النشر:", "آخر تحديث:"])
@pytest.mark.parametrize("n", [2, 6, 12])
def test_batch_of_one_outlet_on_one_day_keeps_every_date(dateline: str, n: int) -> None:
    pages = [_day_page(i, dateline) for i in range(n)]
    batch = clean_pages(pages, CFG)
    alone = [clean_page(p, CFG) for p in pages]
    assert [a.published for a in batch] == [a.published for a in alone]  # type: ignore[union-attr]
    assert all(a.published == date(2019, 3, 5) for a in batch)  # type: ignore[union-attr]


def test_outlet_chrome_still_learns_menus_and_footers_but_not_the_dateline() -> None:
    pages = [_day_page(i, "تم النشر") for i in range(6)]
    chrome = OutletChrome().fit(pages).chrome_for(pages[0])
    assert norm_line("الرئيسية | أخبار | اقتصاد | رياضة | ثقافة") in chrome
    assert norm_line("© 2019 جميع الحقوق محفوظة لموقع أخبار المثال") in chrome
    assert norm_line("تم النشر 05/03/2019") not in chrome
    batch = clean_pages(pages, CFG)
    reasons = {b.text: b.reason for b in batch[0].removed}  # type: ignore[union-attr]
    assert reasons["الرئيسية | أخبار | اقتصاد | رياضة | ثقافة"] == "outlet_chrome"


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("تم النشر 10/04/2019", True),
        ("نشر في: 5 مارس 2019", True),
        ("نشر في:", True),  # the cue alone, its date on the next line
        ("الثلاثاء 5 مارس 2019 - 10:30 | دمشق | خاص بالموقع", True),
        ("١٣ شعبان ١٤٤٦ هـ", True),
        ("الرئيسية | أخبار | اقتصاد", False),
        ("© 2019 جميع الحقوق محفوظة", False),
        ("تابعونا على فيسبوك وتويتر", False),
    ],
)
def test_states_a_date(line: str, dated: bool) -> None:
    assert states_a_date(norm_line(line)) is dated
