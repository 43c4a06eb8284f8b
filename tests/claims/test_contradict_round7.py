"""Issue 17, seventh round: settled tolls in words and in ranges, and a rejection of a claim
told in the outlet's voice (khabar.claims.proposition, contradict, opposition)."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

import pytest

from khabar.claims import extract_statements
from khabar.claims.contradiction_data import MILITANTS
from khabar.claims.data import PEOPLE
from khabar.claims.opposition import _rejected_claim
from khabar.claims.proposition import Amount, Quantity, quantities
from khabar.claims.text import words
from khabar.model import AnnotatedArticle, Article, Mention

DAY = date(2019, 3, 4)


def test_plural_numerals_are_ranges_and_armed_men_one_counted_thing() -> None:
    assert quantities('قتل الجيش الفرنسي "عشرات الإرهابيين" السبت الماضي') == (
        Quantity("kill", MILITANTS, Amount(20.0, 99.0)),
    )
    assert quantities("قتل الجنود نحو 10 متطرفين الأسبوع الماضي") == (
        Quantity("kill", MILITANTS, Amount(9.0, 11.0)),
    )
    assert quantities("عشرات القتلى من الإرهابيين في عملية عسكرية") == (
        Quantity("kill", PEOPLE, Amount(20.0, 99.0)),
    )


@pytest.mark.parametrize(
    ("when_a", "when_b", "records"),
    [
        (" الأسبوع الماضي", " السبت الماضي", 1),  # a raid of last week: settled counts
        ("", "", 0),  # tolls of today: counted at different hours
    ],
)
def test_tolls_dated_in_the_past_are_settled_and_fresh_ones_rise(
    dated_article: Any, one_event_contradictions: Any, when_a: str, when_b: str, records: int
) -> None:
    said = f"قال المتحدث باسم الجيش إن الجنود قتلوا نحو 10 متطرفين{when_a} في مالي."
    told = f"قتل الجيش عشرات الإرهابيين{when_b} في مالي، بحسب ما أعلنت رئاسة الأركان."
    found = one_event_contradictions(
        "number", dated_article("a", said, DAY), dated_article("b", told, DAY)
    )
    assert len(found) == records
    assert all({s.article for s in c.sides} == {"a", "b"} for c in found)


def test_a_rejection_names_a_claim_only_before_a_claim_noun() -> None:
    ws = words("رفضت وزارة الخارجية في جمهورية التشيك اتهامات أنقرة لها برعاية الإرهاب")
    assert _rejected_claim(ws) == 6
    assert _rejected_claim(words("رفضت المحكمة الطعن المقدم من الحكومة")) is None
    assert _rejected_claim(words("رفضت تركيا وجود قوات أمريكية في منبج")) is None


def _with_places(aid: str, body: str, places: tuple[str, ...]) -> AnnotatedArticle:
    """An article whose ``places`` are tagged as LOC mentions wherever they occur."""
    art = Article(
        id=aid, source=aid, title=None, published=DAY, outlet=aid, language="ar", paragraphs=(body,)
    )
    mentions = sorted(
        (
            Mention(place, "LOC", m.start(), m.end(), place, False)
            for place in places
            for m in re.finditer(place, body)
        ),
        key=lambda m: m.start,
    )
    return AnnotatedArticle(art, tuple(mentions), (), extract_statements(art, mentions))


def test_a_rejection_told_in_the_outlets_voice_answers_a_report_of_the_act(
    one_event_contradictions: Any,
) -> None:
    a = _with_places(
        "a",
        'قال نائب رئيس الوزراء التركي إن قرار التشيك بإطلاق سراح صالح مسلم "دعم للإرهاب".',
        ("التشيك",),
    )
    b = _with_places(
        "b",
        "رفضت وزارة الخارجية في جمهورية #التشيك اتهامات أنقرة لها برعاية #الإرهاب.",
        ("التشيك", "أنقرة"),
    )
    found = one_event_contradictions("stance", a, b)
    assert [{s.article for s in p.sources} for c in found for p in c.positions] == [{"a"}, {"b"}]


def test_a_lower_bound_written_after_the_figure_is_read() -> None:
    assert quantities("أصيب 10 أشخاص على الأقل في انفجار") == (
        Quantity("injure", PEOPLE, Amount(10.0, math.inf)),
    )


def test_a_toll_that_says_it_still_rises_is_not_settled(
    dated_article: Any, one_event_contradictions: Any
) -> None:
    tolls = {
        "a": "أعلنت السلطات ارتفاع حصيلة ضحايا أمطار الأسبوع الماضي إلى 176 قتيلا.",
        "b": "ارتفعت الحصيلة المؤقتة لأمطار الأسبوع الماضي إلى 179 قتيلا، بحسب السلطات.",
    }
    articles = [dated_article(name, text, DAY) for name, text in tolls.items()]
    assert one_event_contradictions("number", *articles) == []


def test_an_approximate_figure_around_its_articles_exact_one_answers_in_all(
    dated_article: Any, one_event_contradictions: Any
) -> None:
    a = dated_article(
        "a",
        "قتل الجيش 10 متطرفين في مالي. وقال المتحدث باسم الجيش إن الجنود قتلوا نحو 10 متطرفين "
        "السبت الماضي في مالي.",
        DAY,
    )
    b = dated_article(
        "b", "قتل الجيش عشرات الإرهابيين السبت الماضي في مالي، بحسب ما أعلنت رئاسة الأركان.", DAY
    )
    found = one_event_contradictions("number", a, b)
    assert [p.answer for c in found for p in c.positions] == ["9–11", "20–99"]


def test_tolls_of_two_countries_told_by_two_events_are_two_happenings(
    dated_article: Any,
) -> None:
    from khabar.claims import analyze_claims
    from khabar.config import ClaimsConfig
    from khabar.model import Event, Story

    tolls = {
        "a": "أصيب نحو عشرة آخرين في هجوم لمسلحين على مقر حكومي في مدينة جلال أباد شرق أفغانستان.",
        "b": "أصيب 36 آخرين في هجوم لمسلحين على مقر حزب في مدينة بيشاور شمال غرب باكستان.",
    }
    days = {"a": date(2019, 3, 5), "b": DAY}  # the lower toll a day later: it "fell"
    articles = [dated_article(name, text, days[name]) for name, text in tolls.items()]
    events = [Event("e1", "x", ("a",), story="s"), Event("e2", "y", ("b",), story="s")]
    stories = [Story("s", "s", ("e1", "e2"))]
    result = analyze_claims(articles, events, stories, [], ClaimsConfig(), copies={})
    assert [c for c in result.contradictions if c.kind == "number"] == []
