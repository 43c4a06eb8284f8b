"""Events are not named by headlines found unreliable."""

from __future__ import annotations

from khabar.events import retitle_events
from khabar.model import AnnotatedArticle, Article, Event, Story


def _article(aid: str, title: str, body: str) -> AnnotatedArticle:
    return AnnotatedArticle(
        Article(aid, f"{aid}.txt", title, None, None, "ar", tuple(body.split("\n")))
    )


BODY = "وصل الرئيس السوري إلى موسكو في زيارة رسمية، حيث التقى نظيره الروسي. وناقشا القواعد."


def test_retitle_takes_another_members_plain_headline() -> None:
    bad = _article("a1", "الأسد وبوتين يناقشان القواعد", BODY)
    good = _article("a2", "الشرع يصل إلى موسكو في زيارة رسمية", BODY)
    event = Event("ev-1", "الأسد وبوتين يناقشان القواعد", ("a1", "a2"), story="st-1")
    story = Story("st-1", "الأسد وبوتين يناقشان القواعد", ("ev-1",))
    events, stories = retitle_events([event], [story], [bad, good], {"a1"})
    assert events[0].title == "الشرع يصل إلى موسكو في زيارة رسمية"
    assert stories[0].title == events[0].title


def test_retitle_alone_uses_the_lead_clause() -> None:
    bad = _article("a1", "الأسد وبوتين يناقشان القواعد", BODY)
    event = Event("ev-1", "الأسد وبوتين يناقشان القواعد", ("a1",))
    events, _ = retitle_events([event], [], [bad], {"a1"})
    assert events[0].title == "وصل الرئيس السوري إلى موسكو في زيارة رسمية"


def test_retitle_leaves_reliable_titles_alone() -> None:
    art = _article("a1", "الأسد وبوتين يناقشان القواعد", BODY)
    event = Event("ev-1", "الأسد وبوتين يناقشان القواعد", ("a1",))
    events, _ = retitle_events([event], [], [art], set())
    assert events == [event]
