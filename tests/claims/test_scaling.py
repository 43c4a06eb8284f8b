"""The claims stage's work grows with the number of articles, not with its square."""

from __future__ import annotations

from khabar.claims import analyze_claims
from khabar.claims.align import build_items, candidate_pairs, event_maps, prepare
from khabar.claims.text import background_idf
from khabar.config import ClaimsConfig
from khabar.model import AnnotatedArticle, Article, Event, Statement, Story

EVENT_SIZE = 4
EVENTS_PER_STORY = 2
_LETTERS = "زظغضقجشصثخ"


def _nonce(n: int) -> str:
    """A made-up five-letter word (unseen in the background corpus, so distinctive)."""
    return "".join(_LETTERS[(n // 10**k) % 10] for k in range(5))


def _collection(
    n_articles: int,
) -> tuple[list[AnnotatedArticle], list[Event], list[Story]]:
    """Articles in events of EVENT_SIZE, stories of EVENTS_PER_STORY events; each article says
    its event's claim, its story's claim, and a claim repeated in every article."""
    everywhere = " ".join(_nonce(i) for i in range(1, 7))
    articles: list[AnnotatedArticle] = []
    events: list[Event] = []
    stories: list[Story] = []
    for e in range(n_articles // EVENT_SIZE):
        s = e // EVENTS_PER_STORY
        event_words = " ".join(_nonce(1000 + 10 * e + k) for k in range(6))
        story_words = " ".join(_nonce(50000 + 10 * s + k) for k in range(6))
        members = []
        for k in range(EVENT_SIZE):
            aid = f"e{e}-a{k}"
            contents = (event_words, story_words, everywhere)
            stmts, parts, at = [], [], 0
            for content in contents:
                text = f"وقال مصدر إن {content}."
                stmts.append(Statement(text, content, at, at + len(text), "reported"))
                parts.append(text)
                at += len(text) + 1
            art = Article(aid, aid, None, None, None, "ar", (" ".join(parts),))
            articles.append(AnnotatedArticle(art, (), (), tuple(stmts)))
            members.append(aid)
        events.append(Event(f"ev{e}", f"ev{e}", tuple(members), story=f"st{s}"))
        if e % EVENTS_PER_STORY == 0:
            stories.append(Story(f"st{s}", f"st{s}", ()))
        last = stories[-1]
        stories[-1] = Story(last.id, last.title, (*last.events, f"ev{e}"))
    return articles, events, stories


def _pairs(n_articles: int) -> list[tuple[str | None, str | None]]:
    articles, events, stories = _collection(n_articles)
    article_event, event_story = event_maps(events, stories)
    items = build_items(articles, article_event, event_story, [], {})
    weight = background_idf().idf
    prepared = [prepare(item, weight) for item in items]
    return [(items[i].story, items[j].story) for i, j in candidate_pairs(items, prepared)]


def test_candidate_pairs_grow_linearly_with_articles_for_fixed_event_sizes() -> None:
    small, large = _pairs(80), _pairs(320)
    assert small
    # Four times the articles in four times the events: about four times the pairs, where
    # comparing every pair of statements sharing a key would give sixteen times.
    assert len(large) <= 4 * len(small) * 1.05


def test_candidate_pairs_stay_inside_one_story() -> None:
    assert all(a == b for a, b in _pairs(80))


def test_blocked_alignment_still_joins_each_story_claim_across_its_events() -> None:
    articles, events, stories = _collection(48)
    # the articles of one event are word-for-word copies: none marked so, each counts
    result = analyze_claims(articles, events, stories, [], ClaimsConfig(), copies={})
    sizes = sorted(len(c.sources) for c in result.claims)
    # Per event its own claim (4 sources); per story the story claim and the repeated claim,
    # each said in both events (8 sources) and never joined with another story's.
    n_events, n_stories = len(events), len(stories)
    assert sizes == [EVENT_SIZE] * n_events + [EVENT_SIZE * EVENTS_PER_STORY] * (2 * n_stories)


def test_articles_in_no_event_are_still_compared_with_each_other() -> None:
    articles, _, _ = _collection(8)
    items = build_items(articles, {}, {}, [], {})
    weight = background_idf().idf
    pairs = candidate_pairs(items, [prepare(item, weight) for item in items])
    events_of = {a.article.id.split("-")[0] for a in articles}
    assert len(events_of) == 2
    # Without events, the same event's claim is still proposed between its articles.
    same_event_claim = [
        (i, j)
        for i, j in pairs
        if items[i].statement.content == items[j].statement.content
        and items[i].article.split("-")[0] == items[j].article.split("-")[0]
    ]
    assert same_event_claim
