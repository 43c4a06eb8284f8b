"""Chrome is removed from text dumps with a reason and a line number; the article stays whole."""

from __future__ import annotations

import hashlib

import pytest

from khabar.clean import article_id, clean_page, clean_pages
from khabar.config import CleanConfig
from khabar.errors import ExtractionError
from khabar.model import Article, Page

CFG = CleanConfig()

PARA_1 = (
    "أعلنت وزارة الخارجية اليوم أن المفاوضات بين الجانبين ستستأنف الأسبوع المقبل في العاصمة، "
    "بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه."
)
PARA_2 = (
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الوفد سيضم خبراء في القانون الدولي، مضيفا أن "
    "بلاده تأمل في التوصل إلى اتفاق قبل نهاية العام الجاري."
)
PARA_3 = (
    "ويأتي هذا الإعلان وسط ضغوط دولية متزايدة على الطرفين للعودة إلى طاولة الحوار، في ظل "
    "تدهور الأوضاع الإنسانية في المناطق الحدودية."
)
PROMO = "تابعوا تغطيتنا المستمرة للأحداث عبر تطبيقنا المجاني على الهواتف الذكية."
TITLE = "استئناف المفاوضات بين البلدين الأسبوع المقبل"


def _page(text: str, **hints: str) -> Page:
    data = text.encode("utf-8")
    return Page(source="t.txt", data=data, text=text, encoding="utf-8", kind="text", **hints)


def _clean(text: str, **hints: str) -> Article:
    return clean_page(_page(text, **hints), CFG)


def _reasons(article: Article) -> dict[str, str]:
    return {b.text: b.reason for b in article.removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("زر الذهاب إلى الأعلى", "navigation"),
        ("Exit mobile version", "navigation"),
        ("تم نسخ الرابط", "share"),
        ("مشاركة", "share"),
        ("اترك تعليقاً", "comments"),
        ("Sign in to your account", "sign_in"),
        ("© 2024 example.com. جميع الحقوق محفوظة.", "footer"),
        ("الوسوم: سوريا، روسيا", "tags"),
        ("Trending", "navigation"),
    ],
)
def test_cue_lines_removed_with_reason(line: str, reason: str) -> None:
    article = _clean(f"{TITLE}\n\n{PARA_1}\n{line}\n{PARA_2}\n\n{PARA_3}\n{line}")
    assert article.paragraphs == (PARA_1, PARA_2, PARA_3)
    assert _reasons(article)[line] == reason


def test_related_list_after_body_and_inline_link_inside_body() -> None:
    text = "\n".join(
        [
            TITLE,
            PARA_1,
            "اقرأ أيضا: الرئيس يستقبل وفدا رفيعا من رجال الأعمال",
            PARA_2,
            PARA_3,
            "أخبار ذات صلة",
            "",
            "مباراة حاسمة في الدوري الليلة",
            "ارتفاع أسعار الذهب في الأسواق المحلية",
        ]
    )
    article = _clean(text)
    assert article.paragraphs == (PARA_1, PARA_2, PARA_3)
    related = [b for b in article.removed if b.reason == "related_links"]
    assert [b.line for b in related] == [3, 6, 8, 9]
    assert [f.kind for f in article.flags] == ["unrelated_inserts"]


def test_article_goes_on_after_a_related_list_inside_it() -> None:
    more = PARA_3.replace("دولية", "عربية") + " " + PARA_1
    text = "\n".join(
        [TITLE, PARA_1, PARA_2, "اقرأ أيضا", "مباراة حاسمة في الدوري الليلة", PARA_3, more]
    )
    article = _clean(text)
    assert article.paragraphs == (PARA_1, PARA_2, PARA_3, more)
    assert [f.kind for f in article.flags] == ["unrelated_inserts"]


def test_teasers_after_the_article_are_not_body() -> None:
    teasers = [
        "المزيد من الموقع",
        "ارتفاع أسعار النفط عالميا وتفاصيل أخرى عن الأسواق في الخبر.",
        "افتتاح معرض الكتاب الدولي بمشاركة عشرات الدول العربية والأجنبية هذا العام.",
    ]
    article = _clean("\n".join([TITLE, PARA_1, PARA_2, PARA_3, *teasers]))
    assert article.paragraphs == (PARA_1, PARA_2, PARA_3)


def test_related_list_at_end_raises_no_insert_flag() -> None:
    article = _clean(f"{TITLE}\n\n{PARA_1}\n\n{PARA_2}\n\nمقالات ذات صلة\n\nعنوان خبر آخر هنا")
    assert article.flags == ()


def test_broken_paragraph_rejoined_and_flagged() -> None:
    words = PARA_1.split()
    first, rest = " ".join(words[:13]), " ".join(words[13:])
    article = _clean(f"{TITLE}\n\n{PARA_2}\n\n{first}\n\n{rest}\n\n{PARA_3}")
    assert article.paragraphs == (PARA_2, PARA_1, PARA_3)
    assert [f.kind for f in article.flags] == ["broken_paragraphs"]


def test_heading_is_not_joined_to_its_paragraph() -> None:
    heading = "خلفية الأزمة بين البلدين"
    article = _clean(f"{TITLE}\n\n{PARA_1}\n\n{heading}\n\n{PARA_2}\n\n{PARA_3}")
    assert article.paragraphs == (PARA_1, heading, PARA_2, PARA_3)
    assert article.flags == ()


def test_leftover_tags_stripped_and_repeated_labels_dropped() -> None:
    label = "العلاقات الثنائية"
    text = f"{TITLE}\n{label}\n\n{PARA_1}\n<strong>{label}</strong>\n{PARA_2}\n\n{label}\n{PARA_3}"
    article = _clean(text)
    assert article.paragraphs == (PARA_1, PARA_2, PARA_3)
    reasons = [(b.line, b.reason) for b in article.removed]
    assert (5, "html_tag") in reasons and (5, "repeated") in reasons and (2, "repeated") in reasons


def test_inline_tags_kept_as_text() -> None:
    article = _clean(f"{TITLE}\n\n<p>{PARA_1}</p>\n\n{PARA_2} <b>مهم</b>.\n\n{PARA_3}")
    assert article.paragraphs[0] == PARA_1
    assert article.paragraphs[1] == f"{PARA_2} مهم ."


def test_menus_reading_line_and_breadcrumb_give_title() -> None:
    text = "\n".join(
        [
            "  • الرئيسية",
            "  • أخبار",
            f"Reading: {TITLE}",
            f"الموقع > سياسة > {TITLE}",
            TITLE,
            "تم النشر 13/02/2025",
            PARA_1,
            PARA_2,
            PARA_3,
        ]
    )
    article = _clean(text)
    assert article.title == TITLE
    assert article.paragraphs == (PARA_1, PARA_2, PARA_3)
    assert {b.line: b.reason for b in article.removed}[5] == "title"


def test_title_hint_wins_and_is_not_in_body() -> None:
    article = _clean(f"{TITLE}\n\n{PARA_1}\n\n{PARA_2}", title_hint=TITLE)
    assert article.title == TITLE and TITLE not in article.text


def test_no_article_raises_extraction_error() -> None:
    with pytest.raises(ExtractionError) as info:
        _clean("الرئيسية\nأخبار\nرياضة\n© 2024 الموقع")
    assert info.value.source == "t.txt" and "no article" in info.value.reason


def test_article_id_and_hash_are_stable() -> None:
    text = f"{TITLE}\n\n{PARA_1}\n\n{PARA_2}"
    a, b = _clean(text), _clean(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert a.id == b.id == "a" + digest[:11] == article_id(text.encode("utf-8"))
    assert a.content_hash == digest


def _outlet_page(n: int, first: str, second: str) -> Page:
    promo = "حمّل تطبيق الموقع الآن واحصل على آخر الأخبار لحظة بلحظة"
    text = f"{promo}\n\nعنوان الخبر رقم {n} اليوم\n\n{first}\n\n{PROMO}\n\n{second}\n"
    return Page(
        source=f"p{n}.txt",
        data=text.encode(),
        text=text,
        encoding="utf-8",
        kind="text",
        url=f"https://www.example.com/news/{n}",
    )


def test_outlet_chrome_learned_across_pages_of_one_outlet() -> None:
    pages = [
        _outlet_page(0, PARA_1, PARA_2),
        _outlet_page(1, PARA_3, PARA_1.replace("الخارجية", "الداخلية")),
        _outlet_page(2, PARA_2.replace("الوزارة", "الحكومة"), PARA_3.replace("دولية", "عربية")),
    ]
    alone = clean_page(pages[0], CFG)
    assert alone.paragraphs == (PARA_1, PROMO, PARA_2)
    results = clean_pages(pages, CFG)
    assert all(isinstance(r, Article) for r in results)
    assert results[0].paragraphs == (PARA_1, PARA_2)  # type: ignore[union-attr]
    for r in results:
        assert PROMO not in r.paragraphs  # type: ignore[union-attr]
        assert any(b.reason == "outlet_chrome" for b in r.removed)  # type: ignore[union-attr]
    off = clean_pages(pages, CleanConfig(learn_outlet_chrome=False))
    assert off[0].paragraphs == alone.paragraphs  # type: ignore[union-attr]


def test_republished_story_is_not_taken_for_chrome() -> None:
    pages = [_outlet_page(1, PARA_1, PARA_2), _outlet_page(2, PARA_1, PARA_2)]
    results = clean_pages(pages, CFG)
    assert all(isinstance(r, Article) and PARA_1 in r.paragraphs for r in results)


def test_clean_pages_keeps_order_and_turns_errors_into_failures() -> None:
    good = _page(f"{TITLE}\n\n{PARA_1}\n\n{PARA_2}")
    bad = Page(source="empty.txt", data=b"x", text="الرئيسية", encoding="utf-8", kind="text")
    results = clean_pages([bad, good, bad], CFG)
    assert [type(r).__name__ for r in results] == ["Failure", "Article", "Failure"]
    assert results[0].source == "empty.txt"


def test_bidi_mark_after_full_stop_still_ends_the_sentence() -> None:
    first = "تمكنت القوات من السيطرة على سلسلة جبال الشنيفاء الواقعة بين المحافظتين.\u200f"
    article = _clean(f"{TITLE}\n{first}\n{PARA_1}\n{PARA_2}")
    assert article.paragraphs == (first, PARA_1, PARA_2)
    assert article.flags == ()


def test_repeated_sentence_keeps_its_first_occurrence() -> None:
    quote = "نحن نحترم جميع الاتفاقات الموقعة مع الجانب الآخر."
    article = _clean(f"{TITLE}\n\n{PARA_1}\n\n{quote}\n\n{PARA_2}\n\n{quote}\n\n{PARA_3}")
    assert article.paragraphs == (PARA_1, quote, PARA_2, PARA_3)
    assert [b.reason for b in article.removed if b.text == quote] == ["repeated"]
