"""Clustering profiles of single articles: the day their lead dates the happening to."""

from __future__ import annotations

from datetime import date

from events_support import make

from khabar.events.profile import profile_article
from khabar.events.text import TermExtractor

DAY = date(2018, 4, 14)


def test_a_lead_date_long_before_publication_recalls_the_cause_and_dates_nothing() -> None:
    article = make(
        "a",
        "تعرف على المناطق المستهدفة في ضربة سوريا",
        "استهدفت الضربات مراكز عسكرية في دمشق ردا على هجوم كيميائي في دوما قبل أسبوع.",
        DAY,
    )
    assert profile_article(article, TermExtractor()).span is None


def test_a_lead_date_of_the_day_dates_the_happening() -> None:
    article = make(
        "a",
        "ضربات على مواقع في سوريا",
        "شنت الولايات المتحدة وحلفاؤها ضربات على مواقع في سوريا فجر السبت 14 أبريل.",
        DAY,
    )
    assert profile_article(article, TermExtractor()).span == (DAY, DAY)
