"""Republished copies in the claims stage: a copy counts once in sources and contradictions."""

from __future__ import annotations

from datetime import date

from mention_support import spelled_mentions

from khabar.claims import analyze_claims, extract_statements
from khabar.claims.analyze import ClaimsResult
from khabar.config import ClaimsConfig
from khabar.events.copies import copy_map
from khabar.model import AnnotatedArticle, Article, EntityRecord, Event, Story

PEOPLE = {"بشار الأسد": "assad", "الشرع": "sharaa"}
ENTITIES = [
    EntityRecord("assad", "بشار الأسد", "PER", (), ()),
    EntityRecord("sharaa", "أحمد الشرع", "PER", ("الشرع",), ()),
]

ASSERTING = (
    "طرح الرئيس الشرع خلال زيارته إلى موسكو طلبًا مباشرًا بتسليم بشار الأسد المقيم في روسيا "
    "منذ منحه اللجوء، وذلك في لقاء مطول جمعه بالمسؤولين الروس في الكرملين يوم الأربعاء."
)
DOUBTING = (
    "وفي الوقت نفسه، تشير تقارير غير مؤكدة إلى أن الشرع طلب رسميا من موسكو تسليم بشار "
    "الأسد والمقربين منه للمحاكمة."
)


def _article(aid: str, outlet: str, title: str, body: str, day: int) -> AnnotatedArticle:
    art = Article(
        id=aid,
        source=f"{aid}.txt",
        title=title,
        published=date(2025, 10, day),
        outlet=outlet,
        language="ar",
        paragraphs=(body,),
    )
    mentions = spelled_mentions(art.text, {s: ("PER", e) for s, e in PEOPLE.items()})
    return AnnotatedArticle(art, tuple(mentions), (), extract_statements(art, mentions))


def _pile() -> tuple[list[AnnotatedArticle], list[Event], list[Story]]:
    first = _article("first", "وكالة أ", "زيارة الشرع إلى موسكو", ASSERTING, 15)
    copy = _article("copy", "موقع ب", "زيارة الشرع إلى موسكو", ASSERTING, 16)
    doubting = _article("doubt", "موقع ج", "محادثات هاتفية بين الرئيسين", DOUBTING, 16)
    events = [
        Event("e1", "visit", ("first", "copy"), story="st"),
        Event("e2", "call", ("doubt",), story="st"),
    ]
    return [first, copy, doubting], events, [Story("st", "story", ("e1", "e2"))]


def _run(copies: dict[str, str] | None) -> ClaimsResult:
    annotated, events, stories = _pile()
    return analyze_claims(annotated, events, stories, ENTITIES, ClaimsConfig(), copies)


def test_copies_are_found_with_the_events_stage_test() -> None:
    annotated, events, _ = _pile()
    assert copy_map(annotated, events) == {"copy": "first"}


def test_a_copy_is_no_source_of_a_claim_nor_a_side_of_a_contradiction() -> None:
    for copies in (None, {"copy": "first"}):  # found here, or handed over by the events stage
        result = _run(copies)
        sources = [s.article for c in result.claims for s in c.sources]
        assert "copy" not in sources
        assert "first" in sources
        stance = [c for c in result.contradictions if c.kind == "stance"]
        assert len(stance) == 1
        assert {s.article for s in stance[0].sides} == {"first", "doubt"}


def test_without_the_copy_mark_the_copy_would_count_twice() -> None:
    result = _run({})  # nothing marked a copy: the second outlet counts as its own source
    stance = next(c for c in result.contradictions if c.kind == "stance")
    assert {s.article for s in stance.sides} == {"first", "copy", "doubt"}


def test_a_copy_shares_the_contested_flag_of_the_article_it_copies() -> None:
    flags = {(f.article, f.flag.kind) for f in _run(None).flags}
    assert ("first", "contested_claim") in flags
    assert ("copy", "contested_claim") in flags
    assert ("doubt", "unconfirmed_claim") in flags
