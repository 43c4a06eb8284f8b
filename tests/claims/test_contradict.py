"""Fact contradictions between sources of one claim, and claim alignment across articles."""

from __future__ import annotations

from khabar.claims import analyze_claims, extract_statements
from khabar.claims.contradict import numbers_with_units, ordinals_with_nouns
from khabar.config import ClaimsConfig
from khabar.model import AnnotatedArticle, Article, Event, Story


def _annotated(aid: str, body: str) -> AnnotatedArticle:
    art = Article(
        id=aid,
        source=aid,
        title=None,
        published=None,
        outlet=None,
        language="ar",
        paragraphs=(body,),
    )
    return AnnotatedArticle(art, (), (), extract_statements(art, ()))


def test_numbers_are_read_with_the_words_around_them() -> None:
    assert numbers_with_units("أسفر الانفجار عن مقتل 12 شخصا") == {"مقتل|شخص": {12.0}}
    assert numbers_with_units("وأصيب جريحين في الحادث") == {"واصيب|جريح": {2.0}}
    assert numbers_with_units("في ديسمبر 2024") == {}


def test_counts_of_time_are_not_compared() -> None:
    assert numbers_with_units("استمرت المحادثات قرابة 3 ساعات") == {}
    assert numbers_with_units("استمرت المحادثات ساعتين") == {}


def test_ordinals_are_read_with_their_noun() -> None:
    assert ordinals_with_nouns("في أول زيارة له") == {"زيار": 1}
    assert ordinals_with_nouns("الزيارة الثانية للرئيس") == {"زيار": 2}


def test_same_event_reports_with_different_tolls_contradict() -> None:
    a = _annotated(
        "a",
        "وقال مسؤول في الدفاع المدني إن الانفجار في الميناء أسفر عن مقتل 12 شخصا وإصابة العشرات.",
    )
    b = _annotated(
        "b",
        "وقال مسؤول في الدفاع المدني إن الانفجار في الميناء أسفر عن مقتل 30 شخصا وإصابة العشرات.",
    )
    events = [Event("e", "blast", ("a", "b"), story="s")]
    result = analyze_claims([a, b], events, [Story("s", "s", ("e",))], [], ClaimsConfig())
    kinds = {c.kind for c in result.contradictions}
    assert "number" in kinds
    assert {f.article for f in result.flags if f.flag.kind == "contested_claim"} == {"a", "b"}


def test_one_claim_in_two_articles_becomes_one_claim_with_two_sources() -> None:
    a = _annotated("a", "وأكد مصدر أمني أن الشرطة اعتقلت منفذ الهجوم على السفارة في العاصمة.")
    b = _annotated("b", "وأفادت مصادر مطلعة بأن الشرطة اعتقلت منفذ الهجوم على السفارة.")
    events = [Event("e", "attack", ("a", "b"), story="s")]
    result = analyze_claims([a, b], events, [Story("s", "s", ("e",))], [], ClaimsConfig())
    shared = [c for c in result.claims if {s.article for s in c.sources} == {"a", "b"}]
    assert len(shared) == 1
    assert {s.stance for s in shared[0].sources} == {"reported"}
    assert shared[0].event == "e"
