"""Fixtures of the claims tests: seed articles built from the gold bodies, titles and entities."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from khabar.claims import analyze_claims, extract_statements
from khabar.claims.analyze import ClaimsResult
from khabar.config import ClaimsConfig
from khabar.model import AnnotatedArticle, Article, EntityRecord, Event, Mention, Story

_TYPES = {"person": "PER", "location": "LOC", "organization": "ORG"}


def gold_mentions(gold: dict[str, Any], text: str, in_title: bool = False) -> list[Mention]:
    """Mentions of the gold entities' spellings in ``text`` (longest spelling first)."""
    names = [
        (variant, _TYPES[kind], canonical)
        for kind, group in gold["entities"].items()
        for canonical, variants in group.items()
        for variant in (canonical, *variants)
    ]
    names.sort(key=lambda n: -len(n[0]))
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for variant, kind, canonical in names:
        for match in re.finditer(re.escape(variant), text):
            start, end = match.span()
            if any(not (end <= a or start >= b) for a, b in taken):
                continue
            taken.append((start, end))
            out.append(Mention(variant, kind, start, end, canonical, in_title))  # type: ignore[arg-type]
    return sorted(out, key=lambda m: m.start)


def seed_articles(gold: dict[str, Any]) -> list[AnnotatedArticle]:
    """The five seed articles from gold, annotated with gold mentions and our statements."""
    out = []
    for name, doc in gold["documents"].items():
        published = date.fromisoformat(doc["published"]) if doc["published"] else None
        art = Article(
            id=name,
            source=name,
            title=doc["title"],
            published=published,
            outlet=doc["outlet"],
            language="ar",
            paragraphs=tuple(doc["body"].split("\n")),
        )
        mentions = gold_mentions(gold, art.text) + gold_mentions(gold, art.title or "", True)
        out.append(AnnotatedArticle(art, tuple(mentions), (), extract_statements(art, mentions)))
    return out


def seed_events(gold: dict[str, Any]) -> tuple[list[Event], list[Story]]:
    """Gold events (one story holding them all, as gold says)."""
    events = [
        Event(eid, eid, tuple(e["documents"]), date=date.fromisoformat(e["date"]), story="story")
        for eid, e in gold["events"].items()
    ]
    return events, [Story("story", gold["story"]["title"], tuple(gold["story"]["events_in_order"]))]


def seed_entities(gold: dict[str, Any]) -> list[EntityRecord]:
    """Gold entities as records whose id is the canonical name."""
    return [
        EntityRecord(canonical, canonical, _TYPES[kind], tuple(variants), ())  # type: ignore[arg-type]
        for kind, group in gold["entities"].items()
        for canonical, variants in group.items()
    ]


@pytest.fixture(scope="session")
def seed_annotated(gold: dict[str, Any]) -> list[AnnotatedArticle]:
    """Seed articles annotated from gold."""
    return seed_articles(gold)


@pytest.fixture(scope="session")
def seed_result(gold: dict[str, Any], seed_annotated: list[AnnotatedArticle]) -> ClaimsResult:
    """The claims stage over the gold-built seed articles and gold events."""
    events, stories = seed_events(gold)
    return analyze_claims(seed_annotated, events, stories, seed_entities(gold), ClaimsConfig())


def _dated_article(aid: str, body: str, day: date) -> AnnotatedArticle:
    art = Article(
        id=aid, source=aid, title=None, published=day, outlet=aid, language="ar", paragraphs=(body,)
    )
    return AnnotatedArticle(art, (), (), extract_statements(art, ()))


def _one_event_contradictions(kind: str, *arts: AnnotatedArticle) -> list[Any]:
    ids = tuple(a.article.id for a in arts)
    events = [Event("e", "x", ids, story="s")]
    result = analyze_claims(
        list(arts), events, [Story("s", "s", ("e",))], [], ClaimsConfig(), copies={}
    )
    return [c for c in result.contradictions if c.kind == kind]


@pytest.fixture
def dated_article() -> Any:
    """Build an article of one outlet (its id), one paragraph, published on a given day, with
    its statements and no mentions."""
    return _dated_article


@pytest.fixture
def one_event_contradictions() -> Any:
    """Run the claims stage on articles that are all one event of one story; its contradictions
    of one kind."""
    return _one_event_contradictions


def _sides_of(found: list[Any]) -> list[dict[str, set[str]]]:
    return [{p.answer: {s.article for s in p.sources} for p in c.positions} for c in found]


@pytest.fixture
def sides_of() -> Any:
    """Each contradiction's answers, with the articles that give each."""
    return _sides_of
