"""Cross-source alignment: the same claim in several articles becomes one Claim.

Statements are linked when their contents share enough weighted words — more loosely inside one
event or when the same speaker says both, more strictly across the events of one story — and the
linked groups become claims with one :class:`~khabar.model.ClaimSource` row per article.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from khabar.arabic.normalize import normalize
from khabar.claims.data import ANAPHORS
from khabar.claims.text import (
    Term,
    background_idf,
    content_terms,
    stems_within,
    words,
)
from khabar.model import (
    AnnotatedArticle,
    Claim,
    ClaimSource,
    EntityRecord,
    Event,
    Mention,
    Stance,
    Statement,
    Story,
)

SAME_EVENT_LINK = 0.42
"""Similarity (mean of weighted cosine and containment) at which two statements of one event
are the same claim."""

SAME_SPEAKER_LINK = 0.3
"""Lower similarity that suffices inside one event when the same resolved speaker says both."""

CROSS_EVENT_LINK = 0.4
"""Similarity needed to link statements of different events of one story ("matches strongly");
it also needs CROSS_EVENT_DISTINCT_SHARED distinctive shared words."""

CROSS_EVENT_DISTINCT_SHARED = 2
"""Distinctive words (not names, background IDF >= DISTINCTIVE_IDF) two statements of different
events must share: the predicate (طلب … تسليم), not just who and where."""

DISTINCTIVE_IDF = 3.3
"""Background IDF above which a stem is specific enough to tie two statements together (about
one ANT article in ten holds a stem at this value; الرئيس، روسي، عسكري fall below it)."""

MIN_SHARED_STEMS = 2
"""Two statements must share at least this many content stems to be linked at all."""

MIN_LINK_TERMS = 3
"""Statements with fewer content words do not take part in alignment."""

NARRATIVE: frozenset[Stance] = frozenset({"asserted", "hedged", "questioned"})
"""Stances of an outlet's own narration; two of them are linked across events only through a
statement that passes a claim on (attributed, reported, unconfirmed, denied)."""

DOUBTING: frozenset[Stance] = frozenset({"denied", "unconfirmed"})

MIN_SURNAME_CHARS = 4
"""A surname shorter than this (letters) is too ambiguous to identify a speaker by itself."""

SINGLE_SOURCE_STANCES: frozenset[Stance] = frozenset(
    {"attributed", "reported", "unconfirmed", "denied"}
)
"""Stances that make a statement found in one article alone a claim worth listing."""

MIN_ASSERTED_LINK_TERMS = 6
"""Own-voice statements need this many content words (section headings are shorter)."""

MAX_EVENT_POSTING = 300
"""Statements of one event holding a distinctive key above which the key proposes no pairs there
(statements): it bounds the pairs one key can propose to 300·299/2. An event of 100 copies of
one wire story, each repeating a claim in two or three statements, stays below it (with 150,
200 articles made of 40 copies of each seed page split claims: 164 claims instead of 121)."""

MAX_STORY_POSTING = 150
"""Statements of one story (or, for articles in no event, of the collection) holding a key above
which that key proposes no cross-event pairs (statements). A claim passed on across events is a
handful of statements; a key in more is the story's topic. 150 is the smallest value tried (40,
80, 100, 150) that leaves the claims of 1000 ANT articles (largest story: 84 articles)
exactly as unblocked alignment gives them; 40 changed 27 of 4284 claims."""

_ANAPHORS = frozenset(normalize(w) for w in ANAPHORS)

STANCE_PRIORITY: dict[Stance, int] = {
    "unconfirmed": 0,
    "denied": 0,
    "asserted": 1,
    "attributed": 2,
    "reported": 3,
    "hedged": 4,
    "questioned": 5,
}
"""Which of one article's statements of a claim gives its stance (lower wins): an explicit doubt
or denial first, then the outlet's own voice, then attribution, reports and hedges."""


@dataclass(frozen=True, slots=True)
class Item:
    """One statement, placed: its article, event, story, speaker key and content stems."""

    article: str
    statement: Statement
    event: str | None
    story: str | None
    speaker: str | None
    speaker_is_entity: bool
    terms: tuple[Term, ...]
    names: frozenset[str] = frozenset()
    """Stems of the words of ``terms`` that belong to named-entity mentions."""
    unit: tuple[Term, ...] = ()
    """Terms of every statement of the same sentence by the same speaker (… أن X، مشيرًا إلى Y)."""
    in_title: bool = False
    """The statement is the headline's (its offsets are 0, not a place in the body)."""


@dataclass(frozen=True, slots=True)
class AlignedClaim:
    """A claim with the items it was built from (kept for contradiction checks)."""

    claim: Claim
    items: tuple[Item, ...]
    chosen: tuple[Item, ...]
    """The item that gives each article's stance, one per article, in ``claim.sources`` order."""


@dataclass(frozen=True, slots=True)
class SpeakerIndex:
    """People's and organisations' spellings indexed for lookup by the words of a speaker phrase,
    built once per collection so that resolving a speaker does not scan every entity."""

    by_variant: Mapping[str, tuple[tuple[int, str, str], ...]]
    """Normalised spelling → (position in the variant list, entity id, type) of its entities."""
    by_surname: Mapping[str, frozenset[str]]
    """Last word (MIN_SURNAME_CHARS letters or more) of a person's multi-word spelling → ids."""
    longest: int
    """Words in the longest spelling."""


def speaker_index(variants: Sequence[tuple[str, str, str]]) -> SpeakerIndex:
    """Index (variant, entity id, type) triples from :func:`entity_variants`."""
    by_variant: dict[str, list[tuple[int, str, str]]] = {}
    by_surname: dict[str, set[str]] = {}
    longest = 1
    for order, (variant, entity_id, kind) in enumerate(variants):
        by_variant.setdefault(variant, []).append((order, entity_id, kind))
        parts = variant.split()
        longest = max(longest, len(parts))
        if kind == "PER" and len(parts) >= 2 and len(parts[-1]) >= MIN_SURNAME_CHARS:
            by_surname.setdefault(parts[-1], set()).add(entity_id)
    return SpeakerIndex(
        {k: tuple(v) for k, v in by_variant.items()},
        {k: frozenset(v) for k, v in by_surname.items()},
        longest,
    )


def _spelled(norm_words: Sequence[str], index: SpeakerIndex) -> list[tuple[int, str, str, int]]:
    """(order, entity id, type, length) of every indexed spelling found as a run of words
    (the first word may carry the article: الكرملين for كرملين)."""
    found: list[tuple[int, str, str, int]] = []
    for i, first in enumerate(norm_words):
        heads = [first]
        if first.startswith("ال"):
            heads.append(first[2:])
        for j in range(i + 1, min(len(norm_words), i + index.longest) + 1):
            rest = norm_words[i + 1 : j]
            for head in heads:
                variant = " ".join((head, *rest))
                for order, entity_id, kind in index.by_variant.get(variant, ()):
                    found.append((order, entity_id, kind, len(variant)))
    return found


@dataclass(frozen=True, slots=True)
class BodyMentions:
    """An article's body mentions sorted by offset, for look-ups by span: a long article's
    statements each look at a few mentions, not at all of them."""

    mentions: tuple[Mention, ...]
    starts: tuple[int, ...]
    longest: int

    @classmethod
    def of(cls, art: AnnotatedArticle) -> BodyMentions:
        """The body (not title) mentions of ``art``."""
        body = sorted((m for m in art.mentions if not m.in_title), key=lambda m: m.start)
        longest = max((m.end - m.start for m in body), default=0)
        return cls(tuple(body), tuple(m.start for m in body), longest)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]


def speaker_key(
    stmt: Statement,
    art: AnnotatedArticle,
    variants: Sequence[tuple[str, str, str]] | SpeakerIndex,
    body: BodyMentions | None = None,
) -> tuple[str | None, bool]:
    """Resolve who made ``stmt``: an entity id when one can be found, else a normalised name.

    People come first (a person named in the phrase, then a known spelling or surname of one),
    organisations after (المتحدث باسم الكرملين X is X, not the Kremlin).
    """
    if stmt.speaker is None:
        return None, False
    index = variants if isinstance(variants, SpeakerIndex) else speaker_index(variants)
    text = art.article.text
    at = text.find(stmt.speaker, stmt.start, stmt.end)
    inside = []
    if at >= 0:
        body = body or BodyMentions.of(art)
        end = at + len(stmt.speaker)
        inside = [
            m for m in body.overlapping(at, end) if m.entity and m.start >= at and m.end <= end
        ]
    norm_words = normalize(stmt.speaker).split()
    spelled = _spelled(norm_words, index)
    for kind in ("PER", "ORG"):
        hits = [(length, -order, entity_id) for order, entity_id, k, length in spelled if k == kind]
        top = max(hits) if hits else None
        best = (top[0], top[2]) if top else None
        named = [m for m in inside if m.type == kind]
        if named:
            last = max(named, key=lambda m: m.start)
            if best is None or len(normalize(last.text)) >= best[0]:
                return last.entity, True
            # The tagger named part of the name (دميتري of دميتري بيسكوف): trust the longer one.
        if best is not None:
            return best[1], True
        if kind == "PER":
            surname = _surname_entity(norm_words, index)
            if surname is not None:
                return surname, True
    if stmt.speaker_entity:
        return stmt.speaker_entity, True
    return (norm_words[-1] if norm_words else None), False


def _surname_entity(norm_words: Sequence[str], index: SpeakerIndex) -> str | None:
    """The one entity whose surname (last word of a two-word spelling) the speaker holds."""
    found: set[str] = set()
    for word in norm_words:
        found |= index.by_surname.get(word, frozenset())
    return found.pop() if len(found) == 1 else None


def entity_variants(entities: Sequence[EntityRecord]) -> list[tuple[str, str, str]]:
    """Normalised (variant, entity id, type) triples of people and organisations."""
    out: list[tuple[str, str, str]] = []
    for record in entities:
        if record.type not in ("PER", "ORG"):
            continue
        for name in {record.name, *record.variants}:
            norm = normalize(name).strip()
            if len(norm) >= 3:
                out.append((norm, record.id, record.type))
    return out


def _title_name_stems(stmt: Statement, art: AnnotatedArticle) -> frozenset[str]:
    """Stems of the content words of a headline statement that are part of a headline mention."""
    title = art.article.title or ""
    at = title.find(stmt.content)
    spans = [(m.start, m.end) for m in art.mentions if m.in_title]
    if at < 0 or not spans:
        return frozenset()
    return frozenset(
        w.stem
        for w in words(stmt.content, at)
        if any(s <= w.start and w.end <= e for s, e in spans)
    )


def _name_stems(
    stmt: Statement, art: AnnotatedArticle, body: BodyMentions | None = None
) -> frozenset[str]:
    """Stems of the content words that are part of a named-entity mention."""
    text = art.article.text
    at = text.find(stmt.content, stmt.start, max(stmt.end, stmt.start + len(stmt.content)))
    if at < 0 or stmt.end <= stmt.start:
        return frozenset()
    end = at + len(stmt.content)
    spans = [(m.start, m.end) for m in (body or BodyMentions.of(art)).overlapping(at, end)]
    if not spans:
        return frozenset()
    return frozenset(stems_within(stmt.content, at, spans))


def build_items(
    annotated: Sequence[AnnotatedArticle],
    article_event: Mapping[str, str],
    event_story: Mapping[str, str],
    entities: Sequence[EntityRecord],
    extra: Mapping[str, Sequence[Statement]],
) -> list[Item]:
    """Place every statement of every article (plus ``extra`` ones, e.g. question headlines)."""
    index = speaker_index(entity_variants(entities))
    items: list[Item] = []
    for art in annotated:
        event = article_event.get(art.id)
        story = event_story.get(event) if event else None
        placed: list[Item] = []
        body = BodyMentions.of(art)
        titles = extra.get(art.id, ())
        for n, stmt in enumerate((*art.statements, *titles)):
            key, is_entity = speaker_key(stmt, art, index, body)
            placed.append(
                Item(
                    art.id,
                    stmt,
                    event,
                    story,
                    key,
                    is_entity,
                    tuple(content_terms(stmt.content)),
                    _title_name_stems(stmt, art)
                    if n >= len(art.statements)
                    else _name_stems(stmt, art, body),
                    in_title=n >= len(art.statements),
                )
            )
        # Group the sentence's statements once (not every statement against every other); the
        # headline is a sentence of its own, apart from the body's first.
        unit_terms: dict[tuple[bool, int, str | None], list[Term]] = {}
        sentence_names: dict[tuple[bool, int], set[str]] = {}
        for item in placed:
            at = (item.in_title, item.statement.start)
            unit_terms.setdefault((*at, item.speaker), []).extend(item.terms)
            sentence_names.setdefault(at, set()).update(item.names)
        for item in placed:
            at = (item.in_title, item.statement.start)
            items.append(
                replace(
                    item,
                    unit=tuple(unit_terms[(*at, item.speaker)]),
                    names=frozenset(sentence_names[at]),
                )
            )
    return items


@dataclass(frozen=True, slots=True)
class Profile:
    """An item's terms prepared for fast comparison: distinct stems, their keys and weights."""

    keys_of: Mapping[str, frozenset[str]]
    weight_of: Mapping[str, float]
    keys: frozenset[str]
    total: float


def profile(terms: Sequence[Term], weight: Callable[[str], float]) -> Profile:
    """Prepare ``terms`` for :func:`overlap`."""
    keys_of = {t.stem: t.keys for t in terms}
    weight_of = {stem: weight(stem) ** 2 for stem in keys_of}
    keys = frozenset().union(*keys_of.values()) if keys_of else frozenset()
    return Profile(keys_of, weight_of, keys, sum(weight_of.values()))


def overlap(a: Profile, b: Profile) -> float:
    """Mean of the weighted cosine and the containment of the smaller side (0–1)."""
    if not a.total or not b.total:
        return 0.0
    keys_a, keys_b = a.keys, b.keys
    share_a = sum(a.weight_of[s] for s, k in a.keys_of.items() if not k.isdisjoint(keys_b))
    share_b = sum(b.weight_of[s] for s, k in b.keys_of.items() if not k.isdisjoint(keys_a))
    share_a /= a.total
    share_b /= b.total
    small = share_a if len(a.keys_of) <= len(b.keys_of) else share_b
    return (math.sqrt(share_a * share_b) + small) / 2


def _linkable(item: Item) -> bool:
    need = MIN_ASSERTED_LINK_TERMS if item.statement.stance == "asserted" else MIN_LINK_TERMS
    return len({t.stem for t in item.terms}) >= need


@dataclass(frozen=True, slots=True)
class Prepared:
    """What linking needs of one item, computed once: its profile and distinctive stems."""

    linkable: bool
    profile: Profile
    distinct: Mapping[str, frozenset[str]]
    """Distinctive stems of the content (background IDF >= DISTINCTIVE_IDF) and their keys."""
    unit_distinct: Mapping[str, frozenset[str]]
    unit_keys: frozenset[str]


def prepare(item: Item, weight: Callable[[str], float]) -> Prepared:
    """Precompute the linking data of ``item``."""

    def distinct(terms: Sequence[Term]) -> dict[str, frozenset[str]]:
        return {
            t.stem: t.keys
            for t in terms
            if t.stem not in item.names and weight(t.stem) >= DISTINCTIVE_IDF
        }

    unit_keys = frozenset().union(*(t.keys for t in item.unit)) if item.unit else frozenset()
    linkable = _linkable(item)
    if (
        item.statement.stance in DOUBTING
        and {w.norm for w in words(item.statement.content)} & _ANAPHORS
    ):
        # نفى ذلك، نفت هذه الرواية: it doubts what its own article said just before, which
        # is where its match is; compared with other articles it would match at random.
        linkable = False
    return Prepared(
        linkable,
        profile(item.terms, weight),
        distinct(item.terms),
        distinct(item.unit),
        unit_keys,
    )


def _count(
    stems: Mapping[str, frozenset[str]], keys: frozenset[str], names: frozenset[str] = frozenset()
) -> int:
    return sum(1 for stem, k in stems.items() if not k.isdisjoint(keys) and stem not in names)


def linked(a: Item, b: Item, pa: Prepared, pb: Prepared) -> float | None:
    """The link score of two statements of different articles that make the same claim, or
    None when they do not."""
    if not (pa.linkable and pb.linkable):
        return None
    same_speaker = a.speaker is not None and a.speaker == b.speaker
    if (
        a.speaker_is_entity
        and b.speaker_is_entity
        and not same_speaker
        and "denied" not in (a.statement.stance, b.statement.stance)
    ):
        return None  # X said it and Y said it are two claims (unless Y denies it)
    same_event = a.event is not None and a.event == b.event
    same_story = a.story is not None and a.story == b.story
    if not same_event and not same_story and a.event is not None and b.event is not None:
        return None  # different stories: different happenings
    if not same_event and a.statement.stance in NARRATIVE and b.statement.stance in NARRATIVE:
        return None  # narration of two different happenings, not one claim passed on
    names = b.names
    shared_distinct = _count(pa.distinct, pb.profile.keys, names)
    if (
        not same_event
        and not (same_speaker and same_story)
        and shared_distinct < CROSS_EVENT_DISTINCT_SHARED
    ):
        return None  # the cheaper test of the cross-event rule below, asked first
    if _count(pa.profile.keys_of, pb.profile.keys) < MIN_SHARED_STEMS:
        return None
    if same_event:
        if shared_distinct < 1:
            return None
        score = overlap(pa.profile, pb.profile)
        return score if score >= (SAME_SPEAKER_LINK if same_speaker else SAME_EVENT_LINK) else None
    if (
        same_speaker
        and same_story
        and _count(pa.unit_distinct, pb.unit_keys, names) >= CROSS_EVENT_DISTINCT_SHARED
    ):
        return max(overlap(pa.profile, pb.profile), SAME_SPEAKER_LINK)
    if shared_distinct < CROSS_EVENT_DISTINCT_SHARED:
        return None
    score = overlap(pa.profile, pb.profile)
    return score if score >= CROSS_EVENT_LINK else None


def _pairs_in(
    postings: Mapping[str, Sequence[int]],
    cap: int,
    keep: Callable[[int, int], bool],
    out: set[tuple[int, int]],
) -> None:
    """Add to ``out`` the pairs of each posting list of at most ``cap`` members that ``keep``."""
    for members in postings.values():
        if len(members) > cap:
            continue  # a key this common in its block says nothing about a shared claim
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pair = (i, j) if i < j else (j, i)
                if pair not in out and keep(i, j):
                    out.add(pair)


def candidate_pairs(items: Sequence[Item], prepared: Sequence[Prepared]) -> list[tuple[int, int]]:
    """Pairs of linkable statements of different articles worth scoring, blocked so that the
    work grows with the number of articles, not its square.

    Every link rule needs a shared distinctive stem key, so pairs come from inverted indexes of
    those keys: one per event (same-event links), one per story holding only pairs of different
    events (cross-event links; one side must pass the claim on), and one over the collection for
    statements of articles in no event. Keys in too many statements of a block are skipped
    (MAX_EVENT_POSTING, MAX_STORY_POSTING).
    """
    by_event: dict[str, dict[str, list[int]]] = {}
    by_story: dict[str, dict[str, list[int]]] = {}
    everywhere: dict[str, list[int]] = {}
    # the collection-wide index serves only pairs with a statement of an article in no event
    unplaced = any(p.linkable and items[i].event is None for i, p in enumerate(prepared))
    for i, prep in enumerate(prepared):
        if not prep.linkable:
            continue
        item = items[i]
        keys = {k for ks in (*prep.distinct.values(), *prep.unit_distinct.values()) for k in ks}
        blocks = []
        if item.event is not None:
            blocks.append(by_event.setdefault(item.event, {}))
        if item.story is not None:
            blocks.append(by_story.setdefault(item.story, {}))
        if unplaced:
            blocks.append(everywhere)
        for key in keys:
            for block in blocks:
                block.setdefault(key, []).append(i)

    def other_article(i: int, j: int) -> bool:
        return items[i].article != items[j].article

    def cross_event(i: int, j: int) -> bool:
        a, b = items[i], items[j]
        return (
            a.event != b.event
            and a.article != b.article
            and not (a.statement.stance in NARRATIVE and b.statement.stance in NARRATIVE)
        )

    def with_unplaced(i: int, j: int) -> bool:
        return (items[i].event is None or items[j].event is None) and other_article(i, j)

    pairs: set[tuple[int, int]] = set()
    for postings in by_event.values():
        _pairs_in(postings, MAX_EVENT_POSTING, other_article, pairs)
    for postings in by_story.values():
        _pairs_in(postings, MAX_STORY_POSTING, cross_event, pairs)
    if unplaced:
        _pairs_in(everywhere, MAX_STORY_POSTING, with_unplaced, pairs)
    return sorted(pairs)


def scored_pairs(items: Sequence[Item]) -> dict[tuple[int, int], float]:
    """Link scores of the candidate pairs of ``items`` that make the same claim."""
    weight = background_idf().idf
    prepared = [prepare(item, weight) for item in items]
    scores: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(items, prepared):
        score = linked(items[i], items[j], prepared[i], prepared[j])
        if score is not None:
            scores[(i, j)] = score
    return scores


def _complete_linkage(
    items: Sequence[Item], scores: Mapping[tuple[int, int], float]
) -> list[list[int]]:
    """Merge linked statements, strongest links first, only while every pair of statements
    from different articles in a group is itself linked (no chains of loose resemblance)."""
    group_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for (i, j), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        ok = all(
            items[x].article == items[y].article or (min(x, y), max(x, y)) in scores
            for x in members[gi]
            for y in members[gj]
        )
        if not ok:
            continue
        for x in members[gj]:
            group_of[x] = gi
        members[gi].extend(members.pop(gj))
    return list(members.values())


def align(items: Sequence[Item]) -> list[AlignedClaim]:
    """Group statements into claims and choose each article's stance for each claim."""
    scores = scored_pairs(items)
    groups = _complete_linkage(items, scores)
    out: list[AlignedClaim] = []
    for members in groups:
        articles = {items[i].article for i in members}
        stances = {items[i].statement.stance for i in members}
        if len(articles) < 2 and not stances & SINGLE_SOURCE_STANCES:
            continue  # the outlet's own narration or speculation, said nowhere else
        out.append(_make_claim(items, members, scores))
    out.sort(key=lambda c: (-len(c.claim.sources), c.claim.id))
    return out


def _strength(i: int, members: Sequence[int], scores: Mapping[tuple[int, int], float]) -> float:
    return sum(scores.get((min(i, j), max(i, j)), 0.0) for j in members if j != i)


def _make_claim(
    items: Sequence[Item], members: Sequence[int], scores: Mapping[tuple[int, int], float]
) -> AlignedClaim:
    """Build one Claim from linked statements."""
    by_article: dict[str, list[int]] = {}
    for i in members:
        by_article.setdefault(items[i].article, []).append(i)
    chosen: list[int] = []
    for article_members in by_article.values():
        chosen.append(
            min(
                article_members,
                key=lambda i: (
                    STANCE_PRIORITY[items[i].statement.stance],
                    -_strength(i, members, scores),
                    items[i].statement.start,
                ),
            )
        )
    chosen.sort(key=lambda i: (items[i].article, items[i].statement.start))
    central = max(
        members,
        key=lambda i: (
            items[i].statement.stance in ("asserted", "attributed"),
            _strength(i, members, scores),
            -len(items[i].statement.content),
        ),
    )
    speakers = Counter(
        items[i].speaker
        for i in members
        if items[i].speaker_is_entity and items[i].statement.stance in ("attributed", "denied")
    )
    speaker = speakers.most_common(1)[0][0] if speakers else None
    events = Counter(items[i].event for i in chosen if items[i].event)
    event = events.most_common(1)[0][0] if events else None
    sources = tuple(
        ClaimSource(items[i].article, items[i].statement.text, items[i].statement.stance)
        for i in chosen
    )
    key = "|".join(
        sorted(
            f"{items[i].article}:{items[i].statement.start}:{items[i].statement.content}"
            for i in members
        )
    )
    claim_id = "claim-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    claim = Claim(claim_id, items[central].statement.content, speaker, event, sources)
    return AlignedClaim(claim, tuple(items[i] for i in members), tuple(items[i] for i in chosen))


def event_maps(
    events: Sequence[Event], stories: Sequence[Story]
) -> tuple[dict[str, str], dict[str, str]]:
    """Map each article to its event and each event to its story."""
    article_event: dict[str, str] = {}
    for event in events:
        for article in event.articles:
            article_event.setdefault(article, event.id)
    event_story: dict[str, str] = {}
    for story in stories:
        for event_id in story.events:
            event_story.setdefault(event_id, story.id)
    for event in events:
        if event.story and event.id not in event_story:
            event_story[event.id] = event.story
    return article_event, event_story
