"""Event titles, participants and places."""

from __future__ import annotations

from datetime import date

from events_support import make

from khabar.config import EventsConfig
from khabar.events import build_events
from khabar.events.build import event_title
from khabar.model import AnnotatedArticle, EntityRecord, Mention


def test_event_title_drops_click_bait_segments() -> None:
    article = make("a", "قمة بوتين والأسد.. “رسائل قوية” …. إليكم التفاصيل في الرابط", "نص.")
    assert event_title(article) == "قمة بوتين والأسد .. “رسائل قوية”"


def test_event_title_falls_back_to_first_sentence() -> None:
    article = make("a", "", "انفجار يهز ميناء بيروت. وسقط عشرات الجرحى.")
    assert event_title(article) == "انفجار يهز ميناء بيروت"


def test_participants_and_places_come_from_resolved_mentions() -> None:
    base = make(
        "a",
        "بوتين يستقبل الشرع في موسكو",
        "استقبل الرئيس الروسي بوتين نظيره السوري الشرع في موسكو لبحث مستقبل القواعد.",
        date(2025, 10, 15),
    )
    text = base.article.text
    mentions = tuple(
        Mention(word, kind, text.index(word), text.index(word) + len(word), entity=eid)
        for word, kind, eid in (
            ("بوتين", "PER", "e-putin"),
            ("الشرع", "PER", "e-sharaa"),
            ("موسكو", "LOC", "e-moscow"),
        )
    )
    annotated = AnnotatedArticle(base.article, mentions, base.times)
    entities = [
        EntityRecord("e-putin", "فلاديمير بوتين", "PER", ("بوتين",), ("a",)),
        EntityRecord("e-sharaa", "أحمد الشرع", "PER", ("الشرع",), ("a",)),
        EntityRecord("e-moscow", "موسكو", "LOC", ("موسكو",), ("a",)),
    ]
    events, _ = build_events([annotated], entities, EventsConfig())
    assert set(events[0].participants) == {"e-putin", "e-sharaa"}
    assert events[0].places == ("e-moscow",)


def test_empty_input_gives_no_events() -> None:
    assert build_events([], [], EventsConfig()) == ([], [])
