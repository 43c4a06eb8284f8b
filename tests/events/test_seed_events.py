"""The seed pages: four happenings between the same people, one story, dated from the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from khabar.config import Config
from khabar.events import build_events
from khabar.model import AnnotatedArticle, Article, EntityRecord, Event, Page, Story
from khabar.time import extract_times


def _from_pipeline(seeds_dir: Path) -> tuple[list[AnnotatedArticle], list[EntityRecord]]:
    from khabar.annotate import Annotator
    from khabar.clean import clean_pages
    from khabar.entities import resolve_entities
    from khabar.read import iter_pages

    config = Config()
    pages = [p for p in iter_pages([str(seeds_dir)], config.read) if isinstance(p, Page)]
    articles = [a for a in clean_pages(pages, config.clean) if isinstance(a, Article)]
    annotator = Annotator(config)
    resolved, entities = resolve_entities([annotator(a) for a in articles], config.entities)
    return list(resolved), list(entities)


def _from_gold(gold: dict[str, Any]) -> tuple[list[AnnotatedArticle], list[EntityRecord]]:
    annotated = []
    for name, doc in gold["documents"].items():
        published = date.fromisoformat(doc["published"]) if doc["published"] else None
        article = Article(
            id=name,
            source=name,
            title=doc["title"],
            published=published,
            outlet=doc["outlet"],
            language="ar",
            paragraphs=tuple(doc["body"].split("\n")),
        )
        annotated.append(AnnotatedArticle(article, (), extract_times(article.text, published)))
    return annotated, []


@pytest.fixture(scope="module", params=["pipeline", "gold"])
def seed_result(
    request: pytest.FixtureRequest, seeds_dir: Path, gold: dict[str, Any]
) -> tuple[list[Event], list[Story], dict[str, str], dict[str, Any]]:
    """Events and stories of the seeds, with article id → seed file name."""
    if request.param == "pipeline":
        annotated, entities = _from_pipeline(seeds_dir)
    else:
        annotated, entities = _from_gold(gold)
    names = {a.id: Path(a.article.source).name for a in annotated}
    events, stories = build_events(annotated, entities, Config().events)
    return events, stories, names, gold


def _by_gold_event(result) -> dict[str, Event]:
    events, _, names, gold = result
    out = {}
    for event in events:
        labels = {gold["documents"][names[a]]["event"] for a in event.articles}
        assert len(labels) == 1, f"event {event.id} mixes {labels}"
        out[labels.pop()] = event
    return out


def test_seeds_form_exactly_the_four_gold_events(seed_result) -> None:
    events, _, names, gold = seed_result
    got = {frozenset(names[a] for a in e.articles) for e in events}
    want = {frozenset(e["documents"]) for e in gold["events"].values()}
    assert got == want


def test_phone_call_is_dated_to_the_wednesday_before_publication(seed_result) -> None:
    call = _by_gold_event(seed_result)["putin-sharaa-phone-call-2025-02-12"]
    assert call.date == date(2025, 2, 12)
    assert any("الأربعاء" in s for s in call.date_evidence)


def test_first_visit_range_holds_its_day(seed_result) -> None:
    visit = _by_gold_event(seed_result)["sharaa-moscow-visit-2025-10-15"]
    assert visit.date is None  # nothing fixes the day
    assert visit.date_range is not None
    assert visit.date_range[0] <= date(2025, 10, 15) <= visit.date_range[1]
    assert visit.date_evidence


def test_second_visit_range_holds_its_day_and_is_tight(seed_result) -> None:
    visit = _by_gold_event(seed_result)["sharaa-moscow-visit-2026-01-28"]
    assert visit.date_range is not None
    low, high = visit.date_range
    assert low <= date(2026, 1, 28) <= high
    assert low >= date(2025, 10, 1) and high <= date(2026, 2, 28)


def test_assad_visit_never_gets_a_2025_or_2026_date(seed_result) -> None:
    visit = _by_gold_event(seed_result)["assad-moscow-visit-2023-03-15"]
    for day in (visit.date, *(visit.date_range or ())):
        assert day is None or day.year < 2025


def test_one_story_runs_in_time_order(seed_result) -> None:
    events, stories, names, gold = seed_result
    assert len(stories) == 1
    by_id = {e.id: e for e in events}
    order = [gold["documents"][names[by_id[e].articles[0]]]["event"] for e in stories[0].events]
    assert order == gold["story"]["events_in_order"]
    assert all(e.story == stories[0].id for e in events)


def test_event_titles_are_headlines_of_their_articles(seed_result) -> None:
    events, _, _, _ = seed_result
    for event in events:
        assert event.title and len(event.title.split()) <= 14
        assert event.id.startswith("ev-")
