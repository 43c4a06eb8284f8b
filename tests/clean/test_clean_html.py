"""HTML pages: the article comes out whole, without menus, sidebars, comments or teasers."""

from __future__ import annotations

from datetime import date

from khabar.clean import clean_page
from khabar.config import CleanConfig
from khabar.model import Article, Page

PARAS = [
    "أعلنت وزارة الخارجية اليوم أن المفاوضات بين الجانبين ستستأنف الأسبوع المقبل في العاصمة، "
    "بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الوفد سيضم خبراء في القانون الدولي، مضيفا أن "
    "بلاده تأمل في التوصل إلى اتفاق قبل نهاية العام الجاري.",
    "ويأتي هذا الإعلان وسط ضغوط دولية متزايدة على الطرفين للعودة إلى طاولة الحوار، في ظل "
    "تدهور الأوضاع الإنسانية في المناطق الحدودية.",
]
TITLE = "استئناف المفاوضات بين البلدين الأسبوع المقبل"
COMMENT = (
    "مقال رائع ويستحق القراءة، شكرا للكاتب على هذا التحليل العميق والموضوعي للأحداث "
    "الأخيرة في المنطقة العربية."
)


def _clean(html: str, **hints: str) -> Article:
    page = Page("p.html", html.encode(), html, "utf-8", "html", **hints)
    return clean_page(page, CleanConfig())


def _semantic(meta: str = "", dateline: str = "تم النشر 13/02/2025") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE} | الموقع</title>{meta}"
        '<meta property="og:site_name" content="الموقع"></head><body>'
        '<nav><a href="/">الرئيسية</a><a href="/w">العالم</a></nav>'
        f"<article><h1>{TITLE}</h1><div class='byline'>{dateline}</div>{paras}"
        "<p><strong>اقرأ أيضا:</strong> <a href='/x'>ارتفاع أسعار الذهب في الأسواق</a></p>"
        f"<p>{PARAS[2]}</p></article>"
        "<aside><h3>آخر الأخبار</h3><ul><li><a href='/y'>خبر آخر</a> 18/06/2025</li></ul></aside>"
        f"<div class='comments'><p>{COMMENT}</p></div>"
        "<footer>© 2025 الموقع. جميع الحقوق محفوظة.</footer></body></html>"
    )


def _div_soup() -> str:
    body = "<br><br>".join(PARAS)
    teasers = "".join(
        f"<div class='box'><a href='/t/{i}'><b>{t}</b></a>"
        f"<div>{t} وتفاصيل أخرى في الخبر.</div></div>"
        for i, t in enumerate(["ارتفاع أسعار النفط عالميا", "افتتاح معرض الكتاب الدولي"])
    )
    return (
        f"<html><head><title>{TITLE} - الموقع</title></head><body>"
        "<div id='top'><a href='/'>الرئيسية</a> | <a href='/a'>أخبار</a> | <a>رياضة</a></div>"
        f"<div class='hd'>{TITLE}</div><div class='txt'>{body}</div>"
        f"<div class='more'><div>المزيد من الموقع</div>{teasers}</div>"
        f"<div class='c-list'><div>آراء القراء</div><div>{COMMENT}</div></div>"
        "</body></html>"
    )


def test_semantic_page_gives_whole_article_and_nothing_else() -> None:
    article = _clean(_semantic())
    assert article.paragraphs == tuple(PARAS)
    assert article.title == TITLE
    assert article.outlet == "الموقع"
    assert article.published == date(2025, 2, 13)
    assert [f.kind for f in article.flags] == ["unrelated_inserts"]
    assert all(b.line is None for b in article.removed)


def test_metadata_date_wins_over_visible_dateline() -> None:
    meta = '<meta property="article:published_time" content="2025-02-12T21:00:00+03:00">'
    assert _clean(_semantic(meta=meta)).published == date(2025, 2, 12)


def test_sidebar_date_is_never_the_publish_date() -> None:
    assert _clean(_semantic(dateline="")).published is None


def test_div_soup_page_drops_teasers_and_comments() -> None:
    article = _clean(_div_soup())
    assert article.paragraphs == tuple(PARAS)
    assert article.title == TITLE


def test_json_ld_headline_and_date() -> None:
    html = (
        _semantic(dateline="")
        .replace(f"<h1>{TITLE}</h1>", "")
        .replace(
            "</head>",
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "'
            + TITLE
            + '", "datePublished": "2025-02-11"}</script></head>',
        )
    )
    article = _clean(html)
    assert (article.title, article.published) == (TITLE, date(2025, 2, 11))


def test_record_page_uses_hints() -> None:
    text = "\n".join(PARAS)
    page = Page(
        "e.jsonl:3",
        text.encode(),
        text,
        "utf-8",
        "record",
        url="https://www.example.com/a",
        title_hint=TITLE,
        published_hint="2025-02-10T08:00:00Z",
        outlet_hint="المثال",
    )
    article = clean_page(page, CleanConfig())
    assert article.paragraphs == tuple(PARAS)
    assert (article.title, article.published, article.outlet, article.url) == (
        TITLE,
        date(2025, 2, 10),
        "المثال",
        "https://www.example.com/a",
    )


def test_standfirst_element_is_the_lede_and_first_paragraph() -> None:
    lede = "هدنة جزئية على منشآت الطاقة وتبادل للأسرى ومحادثات فنية حول البحر الأسود."
    html = _semantic().replace("<div class='byline'>", f"<p class='lead'>{lede}</p><div>")
    article = _clean(html)
    assert article.lede == lede
    assert article.paragraphs == (lede, *PARAS)


def test_article_container_with_chrome_like_class_is_kept() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        f"<html><body><h2>{TITLE}</h2><div class='has-sidebar ad-free-article'>{body}</div>"
        "<div class='sidebar'><p>خبر جانبي قصير لا علاقة له.</p></div></body></html>"
    )
    article = _clean(html)
    assert article.paragraphs == tuple(PARAS)
