"""The collection-level claims stage: claims across sources, contradictions, article flags."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from khabar.claims.align import align, build_items, event_maps
from khabar.claims.contradict import (
    NEGATIVE,
    certainty_difference,
    ordinal_contradiction,
    outcome_contradictions,
    quantity_contradictions,
    stance_contradiction,
)
from khabar.claims.headline import headline_mismatch, is_question, link_bait_phrase, person_index
from khabar.claims.statements import title_statements
from khabar.claims.text import background_idf, content_terms, term_overlap
from khabar.config import ClaimsConfig
from khabar.model import (
    AnnotatedArticle,
    ArticleFlag,
    Claim,
    Contradiction,
    EntityRecord,
    Event,
    Flag,
    Statement,
    Story,
)

HEADLINE_OVERSTATES_CONTAINMENT = 0.6
"""Share of a headline's weighted words found in a doubted body statement for the headline to be
read as stating that statement (used for "headline asserts what the body only reports")."""

MAX_DAYS_APART = 1
"""Figures and outcomes are compared between reports published at most this many days apart:
later reports of a story may count a later happening."""

MIN_UNCONFIRMED_WORDS = 4
"""An unconfirmed statement shorter than this (in words) is a fragment, not a claim to flag."""


@dataclass(frozen=True, slots=True)
class ClaimsResult:
    """What the claims stage found across all articles."""

    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    flags: tuple[ArticleFlag, ...] = ()


def _headline_statements(annotated: Sequence[AnnotatedArticle]) -> dict[str, list[Statement]]:
    """The statements each headline makes (attributed, «speaker: claim», or the outlet's own,
    a question headline ``questioned``)."""
    return {art.id: list(title_statements(art.article, art.mentions)) for art in annotated}


def analyze_claims(
    annotated: Sequence[AnnotatedArticle],
    events: Sequence[Event],
    stories: Sequence[Story],
    entities: Sequence[EntityRecord],
    cfg: ClaimsConfig,
) -> ClaimsResult:
    """Align statements into claims, find contradictions and flag articles."""
    article_event, event_story = event_maps(events, stories)
    items = build_items(
        annotated, article_event, event_story, entities, _headline_statements(annotated)
    )
    aligned = align(items)
    outlets = {art.id: art.article.outlet or art.id for art in annotated}
    contradictions: list[Contradiction] = []
    for claim in aligned:
        contradictions += stance_contradiction(claim, outlets)
        contradictions += ordinal_contradiction(claim, outlets)
        contradictions += certainty_difference(claim, outlets)
    related = _relatedness(annotated, article_event, event_story)
    contradictions += quantity_contradictions(items, related, outlets)
    contradictions += outcome_contradictions(items, related, outlets)
    flags: list[ArticleFlag] = []
    flags += _headline_flags(annotated, entities)
    flags += _unconfirmed_flags(annotated)
    flags += _contested_flags(contradictions)
    flags += _old_story_flags(annotated, events, stories, article_event, cfg)
    return ClaimsResult(
        claims=tuple(a.claim for a in aligned),
        contradictions=tuple(contradictions),
        flags=tuple(_dedupe(flags)),
    )


def _relatedness(
    annotated: Sequence[AnnotatedArticle],
    article_event: Mapping[str, str],
    event_story: Mapping[str, str],
) -> Callable[[str, str], bool]:
    """Whether two articles report one happening, for comparing their figures and outcomes:
    published at most MAX_DAYS_APART days apart, and in one story or naming a place in common
    (the strike, the Pentagon's briefing on it and Damascus's account of it may be told as
    separate events)."""
    days = {art.id: art.article.published for art in annotated}
    places = {
        art.id: frozenset(m.entity or m.text for m in art.mentions if m.type == "LOC")
        for art in annotated
    }
    story = {a: event_story.get(e, e) for a, e in article_event.items()}

    def related(a: str, b: str) -> bool:
        day_a, day_b = days.get(a), days.get(b)
        if day_a is not None and day_b is not None and abs((day_a - day_b).days) > MAX_DAYS_APART:
            return False
        same_story = a in story and story.get(a) == story.get(b)
        return same_story or bool(places.get(a, frozenset()) & places.get(b, frozenset()))

    return related


def _dedupe(flags: Sequence[ArticleFlag]) -> list[ArticleFlag]:
    """Keep the first flag of each kind per article."""
    seen: set[tuple[str, str]] = set()
    out: list[ArticleFlag] = []
    for flag in flags:
        key = (flag.article, flag.flag.kind)
        if key not in seen:
            seen.add(key)
            out.append(flag)
    return out


def _headline_flags(
    annotated: Sequence[AnnotatedArticle], entities: Sequence[EntityRecord]
) -> list[ArticleFlag]:
    """clickbait_title and headline_body_mismatch flags."""
    out: list[ArticleFlag] = []
    idf = background_idf().idf
    people = person_index(entities)
    for art in annotated:
        title = art.article.title
        if not title:
            continue
        phrase = link_bait_phrase(title)
        if phrase is not None:
            out.append(
                ArticleFlag(
                    art.id, Flag("clickbait_title", f"headline ends in link-bait: {phrase}")
                )
            )
        reason = headline_mismatch(art, entities, people) or _headline_overstates(art, idf)
        if reason is not None:
            out.append(ArticleFlag(art.id, Flag("headline_body_mismatch", reason)))
    return out


def _headline_overstates(art: AnnotatedArticle, idf: Callable[[str], float]) -> str | None:
    """A headline that states as fact what the body only calls unconfirmed or denied."""
    title = art.article.title or ""
    if is_question(title) or not any(s.stance in NEGATIVE for s in art.statements):
        return None
    if ":" in title.replace("：", ":"):
        return None  # the headline itself attributes what it says (مسؤول أميركي: …)
    title_terms = content_terms(title)
    if len(title_terms) < 2:
        return None
    best_doubt, best_firm = 0.0, 0.0
    doubted: Statement | None = None
    for stmt in art.statements:
        _, share = term_overlap(title_terms, content_terms(stmt.content), idf)
        if stmt.stance in NEGATIVE:
            if share > best_doubt:
                best_doubt, doubted = share, stmt
        elif stmt.stance in ("asserted", "attributed"):
            best_firm = max(best_firm, share)
    if (
        doubted is not None
        and best_doubt >= HEADLINE_OVERSTATES_CONTAINMENT
        and (best_doubt > best_firm)
    ):
        return f"headline states as fact what the body calls {doubted.stance}: {doubted.text}"
    return None


def _unconfirmed_flags(annotated: Sequence[AnnotatedArticle]) -> list[ArticleFlag]:
    """unconfirmed_claim on articles that pass on a claim while saying it is unconfirmed."""
    out: list[ArticleFlag] = []
    for art in annotated:
        for stmt in art.statements:
            if stmt.stance == "unconfirmed" and len(stmt.content.split()) >= MIN_UNCONFIRMED_WORDS:
                out.append(ArticleFlag(art.id, Flag("unconfirmed_claim", stmt.text)))
                break
    return out


def _contested_flags(contradictions: Sequence[Contradiction]) -> list[ArticleFlag]:
    """contested_claim on articles stating what others doubt, or whose facts others contradict
    (a difference of certainty flags nothing)."""
    out: list[ArticleFlag] = []
    for contra in contradictions:
        if contra.kind == "certainty":
            continue
        if contra.kind == "stance":
            passing, doubting = contra.positions
            for pos in passing.sources:
                for neg in doubting.sources:
                    if neg.article != pos.article:
                        out.append(
                            ArticleFlag(
                                pos.article,
                                Flag(
                                    "contested_claim",
                                    f"{neg.article} calls it {neg.stance}: {pos.quote}",
                                ),
                            )
                        )
                        break
            continue
        for position in contra.positions:
            others = [
                src.article for p in contra.positions if p is not position for src in p.sources
            ]
            for src in position.sources:
                other = next((a for a in others if a != src.article), None)
                if other is not None:
                    out.append(
                        ArticleFlag(
                            src.article,
                            Flag("contested_claim", f"{other} differs ({contra.detail})"),
                        )
                    )
    return out


def _event_day(event: Event) -> date | None:
    if event.date is not None:
        return event.date
    if event.date_range is not None:
        return event.date_range[0]
    return None


def _old_story_flags(
    annotated: Sequence[AnnotatedArticle],
    events: Sequence[Event],
    stories: Sequence[Story],
    article_event: Mapping[str, str],
    cfg: ClaimsConfig,
) -> list[ArticleFlag]:
    """old_story on dated articles whose event is far older than the rest of their story."""
    by_id = {e.id: e for e in events}
    story_by_id: dict[str, Story] = {}
    for story in stories:
        story_by_id.setdefault(story.id, story)
    event_story: dict[str, str] = {}
    for story in stories:
        for event_id in story.events:
            event_story.setdefault(event_id, story.id)
    # The days of each story's events, newest first, computed once per story.
    story_days: dict[str, list[tuple[date, str]]] = {
        story.id: sorted(
            (
                (d, e)
                for e in story.events
                if e in by_id
                for d in [_event_day(by_id[e])]
                if d is not None
            ),
            reverse=True,
        )
        for story in story_by_id.values()
    }
    out: list[ArticleFlag] = []
    for art in annotated:
        published = art.article.published
        event_id = article_event.get(art.id)
        if published is None or event_id is None or event_id not in event_story:
            continue  # only an article that carries its own date is called old
        story = story_by_id[event_story[event_id]]
        own = _event_day(by_id[event_id]) or published
        newest = next((d for d, e in story_days[story.id] if e != event_id), None)
        if newest is None:
            continue
        if (newest - own).days > cfg.old_story_days and (newest - published).days > (
            cfg.old_story_days
        ):
            out.append(
                ArticleFlag(
                    art.id,
                    Flag(
                        "old_story",
                        f"its event ({own.isoformat()}) is {(newest - own).days} days older "
                        f"than the latest event of its story ({newest.isoformat()})",
                    ),
                )
            )
    return out
