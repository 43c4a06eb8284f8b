"""The collection-level claims stage: claims across sources, contradictions, article flags."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from khabar.claims.align import align, build_items, event_maps
from khabar.claims.contradict import (
    NEGATIVE,
    certainty_difference,
    group_issues,
    of_another_year,
    ordinal_contradiction,
    outcome_contradictions,
    quantity_contradictions,
    stance_contradiction,
)
from khabar.claims.headline import headline_mismatch, is_question, link_bait_phrase, person_index
from khabar.claims.opposition import (
    completion_contradictions,
    doubted_elsewhere,
    opposite_predicates,
)
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

UNDATED_OLD_STORY_SHARE = 0.5
"""An undated page is called an old story at this share of ``ClaimsConfig.old_story_days``: its
gap is a proven lower bound (its event's last possible day against the story's latest event's
first possible day), and a page without a date gives its reader no hint that it is old. Chosen
with one case in view, seed page 003 (a proven gap of 274 days, a true one of about 1,050); no
labelled set of undated pages has measured it yet."""

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
    copies: Mapping[str, str] | None = None,
) -> ClaimsResult:
    """Align statements into claims, find contradictions and flag articles.

    ``copies`` maps each republished copy to the article it copies (the events stage's
    ``republished`` flags; found here with the same test when not given). A copy is folded
    into its first publication: it is no source of a claim and no side of a contradiction, so
    one text run by eleven outlets counts once; its own headline and body flags stay, and it
    shares the contested flags of the article it copies."""
    article_event, event_story = event_maps(events, stories)
    if copies is None:
        # imported here: khabar.events imports the per-page stages, which import khabar.claims
        from khabar.events.copies import copy_map

        copies = copy_map(annotated, events)
    copy_of = dict(copies)
    independent = [art for art in annotated if art.id not in copy_of]
    items = build_items(
        independent, article_event, event_story, entities, _headline_statements(independent)
    )
    aligned = align(items)
    outlets = {art.id: art.article.outlet or art.id for art in annotated}
    contradictions: list[Contradiction] = []
    for claim in aligned:
        contradictions += stance_contradiction(claim, outlets)
        contradictions += ordinal_contradiction(claim, outlets)
        contradictions += certainty_difference(claim, outlets)
    related = _relatedness(independent, article_event, event_story)
    published = {art.id: art.article.published for art in independent}
    close = _closeness(published)
    current = [i for i in items if not of_another_year(i.statement.text, published.get(i.article))]
    contradictions += quantity_contradictions(current, related, outlets, close, published)
    contradictions += outcome_contradictions(current, related, outlets)
    contradictions += opposite_predicates(items, related, outlets)
    contradictions += completion_contradictions(items, related, outlets, published)
    contradictions += doubted_elsewhere(items, related, outlets, contradictions)
    contradictions = group_issues(contradictions)
    flags: list[ArticleFlag] = []
    flags += _headline_flags(annotated, entities)
    flags += _unconfirmed_flags(annotated)
    flags += _copied_flags(_contested_flags(contradictions), copy_of)
    flags += _old_story_flags(annotated, events, stories, article_event, cfg)
    return ClaimsResult(
        claims=tuple(a.claim for a in aligned),
        contradictions=tuple(contradictions),
        flags=tuple(_dedupe(flags)),
    )


def _copied_flags(flags: Sequence[ArticleFlag], copy_of: Mapping[str, str]) -> list[ArticleFlag]:
    """``flags`` and, for every copy of a flagged article, the same flag on the copy."""
    copies_of: dict[str, list[str]] = {}
    for later, first in copy_of.items():
        copies_of.setdefault(first, []).append(later)
    out = list(flags)
    for flag in flags:
        out += [ArticleFlag(later, flag.flag) for later in copies_of.get(flag.article, ())]
    return out


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


def _closeness(days: Mapping[str, date | None]) -> Callable[[str, str], bool]:
    """Whether two articles (their publication days by id) were published at most
    MAX_DAYS_APART days apart (or either carries no date)."""

    def close(a: str, b: str) -> bool:
        day_a, day_b = days.get(a), days.get(b)
        return day_a is None or day_b is None or abs((day_a - day_b).days) <= MAX_DAYS_APART

    return close


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


def _possible_days(event: Event) -> tuple[date | None, date | None]:
    """The first and the last day the event's evidence allows it to have happened on (each
    None when the evidence gives no such bound)."""
    if event.date is not None:
        return event.date, event.date
    if event.date_range is not None:
        return event.date_range
    return event.not_before, event.not_after


def _old_story_flags(
    annotated: Sequence[AnnotatedArticle],
    events: Sequence[Event],
    stories: Sequence[Story],
    article_event: Mapping[str, str],
    cfg: ClaimsConfig,
) -> list[ArticleFlag]:
    """old_story on articles whose event is far older than the rest of their story: a dated
    article by its event's day (or its own date), an undated one by the bounds the dates in
    its text give its event."""
    by_id = {e.id: e for e in events}
    event_story: dict[str, str] = {}
    for story in stories:
        for event_id in story.events:
            event_story.setdefault(event_id, story.id)
    story_events: dict[str, list[Event]] = {}
    for event_id, story_id in event_story.items():
        if event_id in by_id:
            story_events.setdefault(story_id, []).append(by_id[event_id])
    out: list[ArticleFlag] = []
    for art in annotated:
        event_id = article_event.get(art.id)
        if event_id is None or event_id not in event_story or event_id not in by_id:
            continue
        others = [e for e in story_events[event_story[event_id]] if e.id != event_id]
        event = by_id[event_id]
        if art.article.published is None:
            detail = _undated_old_story(event, others, cfg)
        else:
            detail = _dated_old_story(event, art.article.published, others, cfg)
        if detail is not None:
            out.append(ArticleFlag(art.id, Flag("old_story", detail)))
    return out


def _dated_old_story(
    event: Event, published: date, others: Sequence[Event], cfg: ClaimsConfig
) -> str | None:
    """Why a dated article is an old story, or None: its event and its date are both more
    than ``cfg.old_story_days`` before the latest event of its story."""
    own = _event_day(event) or published
    newest = max((d for e in others for d in [_event_day(e)] if d is not None), default=None)
    if newest is None:
        return None
    if (newest - own).days > cfg.old_story_days and (newest - published).days > (
        cfg.old_story_days
    ):
        return (
            f"its event ({own.isoformat()}) is {(newest - own).days} days older "
            f"than the latest event of its story ({newest.isoformat()})"
        )
    return None


def _undated_old_story(event: Event, others: Sequence[Event], cfg: ClaimsConfig) -> str | None:
    """Why an undated page is an old story, or None: the last day its event can have happened
    on is more than UNDATED_OLD_STORY_SHARE of ``cfg.old_story_days`` before the first day the
    latest event of its story can have happened on (bounds, so the gap is proven, not guessed)."""
    first, by = _possible_days(event)
    latest = max((d for e in others for d in [_possible_days(e)[0]] if d is not None), default=None)
    if by is None or latest is None:
        return None
    gap = (latest - by).days
    if gap <= cfg.old_story_days * UNDATED_OLD_STORY_SHARE:
        return None
    when = by.isoformat() if first == by else f"no later than {by.isoformat()}"
    return (
        f"the page carries no date; its event ({when}) is at least {gap} days older "
        f"than the latest event of its story ({latest.isoformat()})"
    )
