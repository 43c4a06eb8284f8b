"""Cleaning never crashes: any text or markup gives an Article or an ExtractionError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.clean import clean_page
from khabar.config import CleanConfig
from khabar.errors import ExtractionError
from khabar.model import Article, Page

PIECES = [
    "اقرأ أيضا",
    "أخبار ذات صلة",
    "تم النشر 13/02/2025",
    "© 2024 example.com",
    "  • الرئيسية",
    "<strong>عنوان</strong>",
    "Reading: عنوان الخبر",
    "الموقع > أخبار > عنوان",
    "وقال المتحدث إن المحادثات بين الجانبين ستستمر حتى الأسبوع المقبل في العاصمة.",
    "",
    "<p>",
    "</div>",
    "<a href='/x'>رابط</a>",
    "١٣ شعبان ١٤٤٦ هـ",
]

lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=80)), max_size=40)


def _check(page: Page) -> None:
    try:
        article = clean_page(page, CleanConfig())
    except ExtractionError as exc:
        assert exc.source == page.source
        return
    assert isinstance(article, Article)
    assert all(p.strip() for p in article.paragraphs)
    assert sum(len(p) for p in article.paragraphs) >= CleanConfig().min_body_chars


@settings(max_examples=80, deadline=None)
@given(lines)
def test_text_dumps_never_crash(parts: list[str]) -> None:
    text = "\n".join(parts)
    _check(Page("t.txt", text.encode("utf-8", "surrogatepass"), text, "utf-8", "text"))


@settings(max_examples=50, deadline=None)
@given(lines, st.sampled_from(["html", "record"]))
def test_html_and_records_never_crash(parts: list[str], kind: str) -> None:
    text = (
        "<html><body>" + "".join(f"<div>{p}</div>" for p in parts)
        if kind == "html"
        else ("\n".join(parts))
    )
    _check(Page("p", text.encode("utf-8", "surrogatepass"), text, "utf-8", kind))  # type: ignore[arg-type]
