"""A page whose body holds no words is no article, however long it is (fuzz campaign, issue 15)."""

from __future__ import annotations

import pytest

from khabar.clean import clean_page
from khabar.config import CleanConfig
from khabar.errors import ExtractionError
from khabar.model import Page


def _page(text: str) -> Page:
    data = text.encode("utf-8")
    return Page(source="p.txt", data=data, text=text, kind="text", encoding="utf-8")


@pytest.mark.parametrize("unit", ["-_=+*/\\|", "\"'`", "12345 67890 ", "٣٤٥ ٦٧ ", "•·▪►"])
def test_body_of_symbols_or_digits_only_is_no_article(unit: str) -> None:
    for text in ("\n".join(unit * 40 for _ in range(50)), unit * 5000):
        with pytest.raises(ExtractionError, match="no article"):
            clean_page(_page(text), CleanConfig())


def test_a_real_brief_with_numbers_is_still_an_article() -> None:
    text = (
        "أعلنت وزارة الصحة تسجيل 1250 إصابة جديدة و35 حالة وفاة خلال الساعات الأربع والعشرين "
        "الماضية، ليرتفع العدد الإجمالي إلى 84000 إصابة منذ بداية العام.\n"
        "وقالت الوزارة في بيان إن 920 مريضا تعافوا خلال الفترة نفسها، داعية المواطنين إلى الالتزام "
        "بالإجراءات الوقائية في الأماكن العامة.\n"
    )
    article = clean_page(_page(text), CleanConfig())
    assert "1250" in article.text
