"""Merging recomputed results of the affected articles into the stored collection results."""

from __future__ import annotations

from datetime import date

from khabar.model import Claim, ClaimSource, Dossier, EntityRecord, Event, Story
from khabar.store.base import Collection
from khabar.store.merge import merge_delta


def _event(eid: str, articles: tuple[str, ...], story: str, day: int) -> Event:
    when = date(2018, 2, day)
    return Event(eid, f"title {eid}", articles, story=story, not_before=when, not_after=when)


def _stored() -> Collection:
    """Story s1: event e-old (a1, a2; outside the window) and e-win (a3; in the window)."""
    return Collection(
        articles=(),
        events=(_event("e-old", ("a1", "a2"), "s1", 1), _event("e-win", ("a3",), "s1", 10)),
        stories=(Story("s1", "title e-old", ("e-old", "e-win")),),
        entities=(
            EntityRecord("p1", "بوتين", "PER", ("بوتين",), ("a1", "a3")),
            EntityRecord("p2", "الأسد", "PER", ("الأسد",), ("a3",)),
        ),
        claims=(
            Claim(
                "c1",
                "نص",
                None,
                "e-win",
                (ClaimSource("a1", "q", "asserts"), ClaimSource("a3", "q", "asserts")),
            ),
        ),
    )


def _fresh() -> Dossier:
    """The window (a3 and the new a4) recomputed: one event, one story of its own id."""
    return Dossier(
        articles=(),
        events=(_event("e-new", ("a3", "a4"), "s-new", 10),),
        stories=(Story("s-new", "title e-new", ("e-new",)),),
        entities=(
            EntityRecord("p1", "فلاديمير بوتين", "PER", ("بوتن",), ("a3", "a4")),
            EntityRecord("p3", "الشرع", "PER", ("الشرع",), ("a4",)),
        ),
        claims=(Claim("c1", "نص", None, "e-new", (ClaimSource("a4", "q", "denies"),)),),
    )


def test_merge_recomputed_story_continues_the_stored_story() -> None:
    delta = merge_delta(_stored(), _fresh(), {"a3", "a4"})
    assert delta.drop_events == {"e-win"}
    assert [(e.id, e.story) for e in delta.write.events] == [("e-new", "s1")]
    assert delta.write.stories == (Story("s1", "title e-old", ("e-old", "e-new")),)
    assert not delta.drop_stories


def test_merge_keeps_what_entities_and_claims_cite_outside_the_window() -> None:
    delta = merge_delta(_stored(), _fresh(), {"a3", "a4"})
    entities = {e.id: e for e in delta.write.entities}
    assert entities["p1"].articles == ("a1", "a3", "a4")
    assert entities["p1"].name == "بوتين"  # the stored name stays: ids and names are stable
    assert entities["p1"].variants == ("بوتين", "بوتن")
    assert entities["p3"].articles == ("a4",)
    assert delta.drop_entities == {"p2"}  # cited by window articles only, not found again
    (claim,) = delta.write.claims
    assert [s.article for s in claim.sources] == ["a1", "a4"]


def test_merge_drops_a_stored_story_left_without_events() -> None:
    stored = Collection(
        articles=(),
        events=(_event("e-a", ("a3",), "s2", 10), _event("e-b", ("a5",), "s3", 10)),
        stories=(Story("s2", "t", ("e-a",)), Story("s3", "t", ("e-b",))),
    )
    fresh = Dossier(
        articles=(),
        events=(_event("e-ab", ("a3", "a4", "a5"), "s-ab", 10),),
        stories=(Story("s-ab", "t", ("e-ab",)),),
    )
    delta = merge_delta(stored, fresh, {"a3", "a4", "a5"})
    assert [(s.id, s.events) for s in delta.write.stories] == [("s2", ("e-ab",))]
    assert delta.drop_stories == {"s3"}
    assert delta.drop_events == {"e-a", "e-b"}
