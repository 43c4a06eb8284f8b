"""Dating a happening from its articles: event dates, background lower bounds, publish dates."""

from __future__ import annotations

from datetime import date

from khabar.model import AnnotatedArticle, Article
from khabar.time.dating import article_bounds, date_articles


def _article(aid: str, body: str, published: date | None, title: str = "") -> AnnotatedArticle:
    return AnnotatedArticle(
        Article(
            id=aid,
            source=aid,
            title=title or None,
            published=published,
            outlet=None,
            language="ar",
            paragraphs=tuple(body.split("\n")),
        )
    )


CALL = (
    "أجرى الرئيس الروسي، يوم الأربعاء، اتصالاً هاتفياً مع الرئيس السوري، في أول اتصال منذ"
    " سقوط نظام الأسد في ديسمبر/كانون الأول 2024."
)


def test_weekday_in_lead_dates_the_happening_and_background_month_does_not() -> None:
    dating = date_articles([_article("a", CALL, date(2025, 2, 13))])
    assert dating.exact == date(2025, 2, 12)
    assert dating.evidence and "الأربعاء" in dating.evidence[0]


def test_background_date_is_a_lower_bound_only() -> None:
    bounds = article_bounds(_article("a", CALL, None))
    roles = {(b.role, b.earliest) for b in bounds}
    assert ("lower", date(2024, 12, 1)) in roles
    assert not [b for b in bounds if b.role == "event"]
    dating = date_articles([_article("a", CALL, None)])
    assert dating.exact is None and dating.earliest == date(2024, 12, 1) and dating.latest is None
    assert dating.date_range is None  # half-open: nothing to report as a range


def test_publish_date_alone_gives_a_short_range_not_a_day() -> None:
    dating = date_articles(
        [_article("a", "انفجار في ميناء المدينة وسقوط جرحى.", date(2018, 4, 14))]
    )
    assert dating.exact is None
    assert dating.date_range == (date(2018, 4, 11), date(2018, 4, 14))


def test_articles_of_one_event_narrow_each_other() -> None:
    a = _article("a", "وقع الهجوم الأسبوع الماضي على القافلة.", date(2018, 4, 14))
    b = _article(
        "b", "قالت الشرطة إن الهجوم على القافلة وقع يوم الثلاثاء الماضي.", date(2018, 4, 14)
    )
    dating = date_articles([a, b])
    assert dating.exact == date(2018, 4, 10)


def test_future_dates_do_not_bound_the_happening() -> None:
    body = "أعلنت الحكومة خطة جديدة اليوم، ومن المقرر أن تبدأ الانتخابات في مارس 2026."
    dating = date_articles([_article("a", body, date(2025, 1, 5))])
    assert dating.exact == date(2025, 1, 5)


def test_date_after_publication_is_not_the_reported_happening() -> None:
    body = "تنطلق أعمال القمة العربية في 20 فبراير 2025 بمشاركة القادة."
    dating = date_articles([_article("a", body, date(2025, 2, 13))])
    assert dating.exact is None
    assert dating.latest == date(2025, 2, 13)


def test_later_development_does_not_push_the_happening_forward() -> None:
    body = (
        "قتل خمسة أشخاص في انفجار أمس.\nجملة ثانية.\nجملة ثالثة.\n"
        "وقال المتحدث اليوم إن التحقيق بدأ."
    )
    dating = date_articles([_article("a", body, date(2025, 2, 13))])
    assert dating.exact == date(2025, 2, 12)


def test_dawn_on_the_next_weekday_reported_late_the_day_before_is_that_next_day() -> None:
    # published Friday 13 April (UTC) about strikes "at dawn on Saturday": the 14th, not the 7th
    body = "شنت الولايات المتحدة وبريطانيا وفرنسا ضربات على مواقع في سوريا فجر السبت."
    dating = date_articles([_article("a", body, date(2018, 4, 13))])
    assert dating.exact == date(2018, 4, 14)


def test_a_weekday_marked_past_keeps_the_week_before() -> None:
    body = "قالت الشرطة إن الهجوم على القافلة وقع يوم السبت الماضي."
    dating = date_articles([_article("a", body, date(2018, 4, 13))])
    assert dating.exact == date(2018, 4, 7)


def test_the_day_most_reports_give_wins_over_one_that_disagrees() -> None:
    dawn = "شنت الولايات المتحدة ضربات على مواقع في سوريا فجر السبت."
    friday = "أعلن الرئيس الأمريكي مساء الجمعة بدء ضربات على سوريا."
    reports = [
        _article("a", dawn, date(2018, 4, 14)),
        _article("b", dawn, date(2018, 4, 14)),
        _article("c", friday, date(2018, 4, 14)),
    ]
    dating = date_articles(reports)
    assert dating.exact == date(2018, 4, 14)
    assert dating.evidence and all("السبت" in s for s in dating.evidence)


def test_recap_of_an_earlier_happening_further_down_does_not_widen_the_day() -> None:
    body = (
        "قتل خمسة أشخاص في انفجار أمس.\nجملة ثانية.\nجملة ثالثة.\n"
        "وكان انفجار مماثل قد وقع في المدينة يوم 3 مارس 2025."
    )
    dating = date_articles([_article("a", body, date(2025, 3, 20))])
    assert dating.exact == date(2025, 3, 19)


def test_a_publish_date_alone_is_never_shown_as_a_timestamp() -> None:
    article = AnnotatedArticle(
        Article(
            id="a",
            source="a",
            title=None,
            published=date(2018, 4, 14),
            outlet=None,
            language="ar",
            paragraphs=("انفجار في ميناء المدينة وسقوط جرحى.",),
            published_evidence="2018-04-14T22:10:00Z",
        )
    )
    dating = date_articles([article])
    assert dating.date_range == (date(2018, 4, 11), date(2018, 4, 14))
    assert dating.evidence == ()


def test_a_duration_never_dates_the_happening() -> None:
    """«منذ أسابيع» carries a day range, but as a DURATION it says how long, not when (issue 19)."""
    body = "تستمر المفاوضات بين الجانبين منذ أسابيع في العاصمة الروسية موسكو."
    bounds = article_bounds(_article("a", body, date(2025, 10, 15)))
    assert all(b.found is None or b.found.type in ("DATE", "TIME") for b in bounds)
    assert not [b for b in bounds if b.role == "event"]
