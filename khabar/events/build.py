"""Build events and stories from annotated articles (the collection stage ``build_events``)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from scipy import sparse

from khabar.arabic.normalize import normalize
from khabar.config import EventsConfig
from khabar.events.chronology import EventFacts, reason_story
from khabar.events.cluster import LINK_THRESHOLD, EventIndex
from khabar.events.data import FORMAT_LABELS, TITLE_BAIT_CUES
from khabar.events.stories import (
    boilerplate,
    group_stories,
    story_id,
    story_names,
    story_texts,
    time_key,
)
from khabar.events.vectors import merge_bags
from khabar.model import AnnotatedArticle, EntityRecord, Event, Story
from khabar.run.base import Executor
from khabar.time.dating import PUBLISH_LAG_DAYS, Dating, date_articles

MAX_TITLE_WORDS = 14
"""Event titles are cut to this many words (headlines rarely need more; teasers often do)."""

MAX_PARTICIPANTS = 6
"""Most people/organisations listed per event (the ones named most, in the leads first)."""

MAX_PLACES = 4
"""Most places listed per event."""

MIN_LEAD_TITLE_WORDS = 5
"""A lead sentence shorter than this (a caption, a dateline) is not used as an event title."""

LEAD_CHARS = 600
"""Characters of an article's body counted as its lead when picking participants."""

RECAP_LEAD_SENTENCES = 1
"""Sentences of a body that may date its happening far before the report (a lead's "in
2015"); a date read only further down that ends long before publication is a recap."""

_TITLE_PARTS = re.compile(r"\s*(?:\.{2,}|…+\.*|\|)\s*")
_CLAUSE_END = re.compile(r"\s*[،,؛;:]\s*")
_BAIT = tuple(normalize(c) for c in TITLE_BAIT_CUES)
_FORMAT_LABEL = re.compile(
    r"^\s*(?:" + "|".join(re.escape(label) for label in FORMAT_LABELS) + r")\s*[:：|]\s*"
)
"""A format or urgency label opening a headline (فيديو: …), with its colon or bar."""


def _central(members: Sequence[AnnotatedArticle], index: EventIndex) -> AnnotatedArticle:
    """The member whose headline best matches the event as a whole (questions and untitled last)."""
    titled = [m for m in members if m.article.title]
    if len(titled) <= 1:
        return titled[0] if titled else members[0]
    event = index.model_.transform([merge_bags([dict(index.profiles_[m.id].bag) for m in members])])
    extractor = index.extractor_
    heads = index.model_.transform(
        [dict.fromkeys(extractor.terms(m.article.title or ""), 1.0) for m in titled]
    )
    scores = (heads @ event.T).toarray().ravel()
    order = sorted(
        range(len(titled)),
        key=lambda i: (
            titled[i].article.title.rstrip().endswith(("?", "؟")),  # type: ignore[union-attr]
            _FORMAT_LABEL.match(titled[i].article.title or "") is not None,
            -scores[i],
            i,
        ),
    )
    return titled[order[0]]


def event_title(article: AnnotatedArticle) -> str:
    """A short Arabic title for an event: the article's headline, or its first sentence."""
    title = (article.article.title or "").strip()
    if not title:
        title = article.article.text.split("\n", 1)[0].split(".")[0]
    title = _FORMAT_LABEL.sub("", title, count=1) or title
    parts = [p.strip() for p in _TITLE_PARTS.split(title) if p.strip()]
    kept = [p for p in parts if not any(c in normalize(p) for c in _BAIT)] or parts[:1]
    title = " .. ".join(kept)
    words = title.split()
    return " ".join(words[:MAX_TITLE_WORDS])


def _roles(
    members: Sequence[AnnotatedArticle], types: dict[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Participants (PER/ORG entity ids) and places (LOC ids) of an event, most named first."""
    counts: Counter[str] = Counter()
    in_lead: set[str] = set()
    for member in members:
        for m in member.mentions:
            if not m.entity:
                continue
            counts[m.entity] += 1
            if m.in_title or m.start < LEAD_CHARS:
                in_lead.add(m.entity)
    ranked = sorted(counts, key=lambda e: (e not in in_lead, -counts[e], e))
    people = [e for e in ranked if types.get(e) in ("PER", "ORG")][:MAX_PARTICIPANTS]
    places = [e for e in ranked if types.get(e) == "LOC"][:MAX_PLACES]
    return tuple(people), tuple(places)


def _mention_types(
    annotated: Sequence[AnnotatedArticle], entities: Sequence[EntityRecord]
) -> dict[str, str]:
    types = {e.id: e.type for e in entities}
    for a in annotated:
        for m in a.mentions:
            if m.entity and m.entity not in types:
                types[m.entity] = m.type
    return types


def build_events(
    annotated: Sequence[AnnotatedArticle],
    entities: Sequence[EntityRecord],
    cfg: EventsConfig,
    executor: Executor | None = None,
) -> tuple[list[Event], list[Story]]:
    """Cluster articles into events, date them, and group the events into stories.

    With an ``executor``, clustering's per-article profiles and candidate search run on it."""
    if not annotated:
        return [], []
    threshold = cfg.similarity_threshold if cfg.similarity_threshold is not None else LINK_THRESHOLD
    index = EventIndex(threshold=threshold)
    index.add(annotated, executor)
    by_id = {a.id: a for a in annotated}
    order = {a.id: i for i, a in enumerate(annotated)}
    types = _mention_types(annotated, entities)
    groups = sorted(index.events().values(), key=lambda ids: min(order[i] for i in ids))
    events: list[Event] = []
    datings: list[Dating] = []
    for ids in groups:
        members = sorted((by_id[i] for i in ids), key=lambda a: order[a.id])
        dating = _without_recap(date_articles(members), members)
        people, places = _roles(members, types)
        event = Event(
            id=_event_id(ids, index),
            title=event_title(_central(members, index)),
            articles=tuple(m.id for m in members),
            participants=people,
            places=places,
        )
        events.append(event)
        datings.append(dating)
    return _stories(events, datings, index, by_id)


def _without_recap(dating: Dating, members: Sequence[AnnotatedArticle]) -> Dating:
    """The dating without a recap: a day ending more than PUBLISH_LAG_DAYS before the first
    report, read from no title or lead but from a later paragraph, recalls an earlier
    happening (واختفى خاشقجي … في الثاني من أكتوبر under a report of the UN's call of the
    20th); the happening reported is then only known to lie within PUBLISH_LAG_DAYS before
    its first report. A lead that dates it so far back (a report of an old happening) is
    kept."""
    published = [m.article.published for m in members if m.article.published is not None]
    if not published or dating.latest is None:
        return dating
    first = min(published)
    if (first - dating.latest).days <= PUBLISH_LAG_DAYS:
        return dating
    leads = {normalize(m.article.title or "") for m in members}
    for m in members:
        leads |= {normalize(m.article.text[s:e]) for s, e in m.sentences[:RECAP_LEAD_SENTENCES]}
    if any(normalize(sentence) in leads for sentence in dating.evidence):
        return dating
    return Dating(first - timedelta(PUBLISH_LAG_DAYS), first)


def _event_id(ids: Sequence[str], index: EventIndex) -> str:
    return index.assignment_[ids[0]]


def _centroids(events: Sequence[Event], index: EventIndex) -> sparse.csr_matrix:
    """L2-normalised centroid of each event's word terms, for linking stories. Entity terms
    (``@…``, one per person, place or body named in a title or lead) are left out: the names
    are words of the text already, and counted twice they chain a leader's unrelated news
    into one story. On the dev windows (events_dev_a/b.tsv) story BCubed F1 rose on every
    window but one, which stayed (all windows 0.875 -> 0.886; weights 0-0.5 on the entity
    terms scored alike, 0.75 in between, 2-3 lower)."""
    docs = [
        merge_bags(
            [{t: w for t, w in index.profiles_[a].bag if not t.startswith("@")} for a in e.articles]
        )
        for e in events
    ]
    return index.model_.transform(docs)


def _stories(
    events: list[Event],
    datings: list[Dating],
    index: EventIndex,
    by_id: dict[str, AnnotatedArticle],
) -> tuple[list[Event], list[Story]]:
    labels = group_stories(
        _centroids(events, index),
        [_published(e, by_id) for e in events],
        [
            story_names((by_id[a] for a in e.articles), index.extractor_, index.model_.background)
            for e in events
        ],
        story_texts(
            [[by_id[a] for a in e.articles] for e in events],
            index.model_,
            index.extractor_,
            boilerplate(by_id.values()),
        ),
    )
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(lab, []).append(i)
    out_events: list[Event] = list(events)
    stories: list[Story] = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        facts = [
            EventFacts(events[i].id, tuple(by_id[a] for a in events[i].articles), datings[i])
            for i in members
        ]
        refined = reason_story(facts)
        for i, dating in zip(members, refined, strict=True):
            datings[i] = dating
        ordered = sorted(
            members, key=lambda i: (time_key(datings[i].earliest, datings[i].latest), i)
        )
        sid = story_id([events[i].id for i in members])
        for i in members:
            d = datings[i]
            out_events[i] = dataclasses.replace(
                events[i],
                story=sid,
                date=d.exact,
                date_range=d.date_range,
                date_evidence=d.evidence,
                not_before=d.earliest,
                not_after=d.latest,
            )
        central = max(ordered, key=lambda i: len(events[i].articles))
        stories.append(Story(sid, out_events[central].title, tuple(events[i].id for i in ordered)))
    return out_events, stories


def _published(event: Event, by_id: dict[str, AnnotatedArticle]) -> tuple[date, date] | None:
    """The first and last publish dates of an event's articles (None when none is dated)."""
    days = [by_id[a].article.published for a in event.articles]
    known = [d for d in days if d is not None]
    return (min(known), max(known)) if known else None


def _lead_title(article: AnnotatedArticle) -> str:
    """A title from the article's first body sentence, for when its headline cannot be used."""
    for start, end in article.sentences:
        sentence = article.article.text[start:end].rstrip(".")
        clause = _CLAUSE_END.split(sentence, maxsplit=1)[0]
        if len(clause.split()) >= MIN_LEAD_TITLE_WORDS:
            sentence = clause
        words = sentence.split()
        if len(words) >= MIN_LEAD_TITLE_WORDS:
            return " ".join(words[:MAX_TITLE_WORDS])
    return ""


def retitle_events(
    events: Sequence[Event],
    stories: Sequence[Story],
    articles: Sequence[AnnotatedArticle],
    unreliable: set[str],
) -> tuple[list[Event], list[Story]]:
    """Re-title events whose title came from a headline found unreliable (e.g. one naming
    someone the body is not about): another member's plain headline, else the lead sentence."""
    by_id = {a.id: a for a in articles}
    renamed: dict[str, str] = {}
    out: list[Event] = []
    for event in events:
        members = [by_id[a] for a in event.articles if a in by_id]
        source = next((m for m in members if event_title(m) == event.title), None)
        if source is None or source.id not in unreliable:
            out.append(event)
            continue
        plain = [
            m
            for m in members
            if m.id not in unreliable
            and m.article.title
            and not m.article.title.rstrip().endswith(("?", "؟"))
        ]
        title = event_title(plain[0]) if plain else _lead_title(source)
        if not title:
            out.append(event)
            continue
        renamed[event.title] = title
        out.append(dataclasses.replace(event, title=title))
    new_stories = [
        dataclasses.replace(s, title=renamed[s.title]) if s.title in renamed else s for s in stories
    ]
    return out, new_stories
