"""Headline checks: link-bait tails, questions, and headlines that the body does not bear out."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from khabar.arabic.normalize import normalize
from khabar.claims.data import (
    FORMER_ROLE_CUES,
    LINK_BAIT_STRONG,
    LINK_BAIT_TAIL_ONLY,
    NON_PARTICIPANT_CUES,
    NON_PARTICIPANT_WINDOW,
    QUESTION_MARKS,
)
from khabar.claims.text import contains_phrase, norm_text, words
from khabar.model import AnnotatedArticle, EntityRecord, Mention

CUE_WINDOW_CHARS = 80
"""Characters read around a name for role cues (more than NON_PARTICIPANT_WINDOW words)."""

SNIPPET_WORDS_BEFORE = 5
"""Words quoted before a bystander's body mention in a mismatch reason: the cue window
(NON_PARTICIPANT_WINDOW) and one more word for sense."""

SNIPPET_WORDS_AFTER = 2
"""Words quoted after it (a surname, السابق / المخلوع)."""

MAX_BODY_ACTORS = 2
"""People named in a mismatch reason as taking part in the body instead (most mentioned)."""

_TAIL_SPLIT = re.compile(r"\.{2,}|…|\s[-–—|]\s|:")
_NON_PARTICIPANT = frozenset(normalize(w) for w in NON_PARTICIPANT_CUES)
_FORMER = frozenset(normalize(w) for w in FORMER_ROLE_CUES)
_PAST_ROLE_AFTER = frozenset({"السابق", "المخلوع", "الراحل", "الهارب", "المعزول"})
_PROCLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "لل")


def link_bait_phrase(title: str) -> str | None:
    """The link-bait phrase of a headline (… إليكم التفاصيل في الرابط), or None."""
    spaced = norm_text(title)
    for phrase in LINK_BAIT_STRONG:
        if contains_phrase(spaced, phrase):
            return phrase
    parts = _TAIL_SPLIT.split(title)
    if len(parts) > 1:
        tail = norm_text(parts[-1] or (parts[-2] if len(parts) > 1 else ""))
        for phrase in LINK_BAIT_TAIL_ONLY:
            if contains_phrase(tail, phrase):
                return phrase
    return None


def is_question(title: str) -> bool:
    """True when a headline asks its claim as a question."""
    return title.rstrip(" .\"”»'").endswith(QUESTION_MARKS)


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in a headline, with every spelling to look for in the body."""

    key: str
    surface: str
    start: int
    end: int
    names: tuple[str, ...]


def _occurrences(text_norm: str, name: str) -> list[int]:
    """Character offsets of ``name`` as a whole word (proclitics allowed) in normalised text."""
    out: list[int] = []
    if name not in text_norm:
        return out
    for match in re.finditer(re.escape(name), text_norm):
        start, end = match.start(), match.end()
        if end < len(text_norm) and text_norm[end].isalpha():
            continue
        head = re.search(r"(\w*)$", text_norm[max(0, start - 4) : start])
        prefix = head.group(1) if head else ""
        if prefix and prefix not in _PROCLITICS:
            continue
        out.append(start)
    return out


_SENTENCE_END = re.compile(r"[.!?؟\n]")
_CONJUNCTION_SPLIT = re.compile(r"\s+و(?=\S{3})|\s*[,،]\s*")
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PersonIndex:
    """The people of a collection with their spellings, normalised once and indexed by first
    word, so that checking a headline does not scan every person's every spelling."""

    order: Mapping[str, int]
    """Entity id → position among the person records (the order headlines are checked in)."""
    records: Mapping[str, EntityRecord]
    names: Mapping[str, tuple[str, ...]]
    """Entity id → its normalised spellings of three letters or more."""
    by_spelling: Mapping[str, EntityRecord]
    """Normalised spelling → the first person record that has it."""
    by_first_word: Mapping[str, tuple[str, ...]]
    """First word of a spelling → ids of the people with such a spelling."""
    always: tuple[str, ...] = ()
    """Ids with a spelling that does not begin with a letter (checked in every headline)."""


def person_index(entities: Sequence[EntityRecord]) -> PersonIndex:
    """Index the person records of ``entities`` for :func:`title_people`."""
    order: dict[str, int] = {}
    records: dict[str, EntityRecord] = {}
    names: dict[str, tuple[str, ...]] = {}
    by_spelling: dict[str, EntityRecord] = {}
    by_first_word: dict[str, list[str]] = {}
    always: list[str] = []
    for record in entities:
        if record.type != "PER" or record.id in order:
            continue
        order[record.id] = len(order)
        records[record.id] = record
        spellings = _names(record, record.name)
        names[record.id] = spellings
        for variant in (record.name, *record.variants):
            by_spelling.setdefault(normalize(variant).strip(), record)
        for name in spellings:
            first = _TOKEN.match(name)
            if first is None:
                always.append(record.id)
            else:
                by_first_word.setdefault(first.group(), []).append(record.id)
    return PersonIndex(
        order,
        records,
        names,
        by_spelling,
        {k: tuple(dict.fromkeys(v)) for k, v in by_first_word.items()},
        tuple(dict.fromkeys(always)),
    )


def _title_candidates(title_norm: str, index: PersonIndex) -> list[str]:
    """Ids of the people one of whose spellings may start at a word of the headline (the word
    itself or the word less a proclitic), in the index's order."""
    found: set[str] = set(index.always)
    for token in _TOKEN.findall(title_norm):
        for head in (token, *(token[len(p) :] for p in _PROCLITICS if token.startswith(p))):
            found.update(index.by_first_word.get(head, ()))
    return sorted(found, key=index.order.__getitem__)


def title_people(
    art: AnnotatedArticle, entities: Sequence[EntityRecord], index: PersonIndex | None = None
) -> list[Person]:
    """People named in the headline, from its mentions and the entity records' spellings
    (``index``, from :func:`person_index` over ``entities``, saves re-indexing per article)."""
    index = index or person_index(entities)
    title = art.article.title or ""
    title_norm = normalize(title)
    people: dict[str, Person] = {}
    for m in art.mentions:
        if not (m.in_title and m.type == "PER"):
            continue
        # A tagger may join two names (الأسد وبوتين): look at each conjunct on its own.
        offset = m.start
        for part in _CONJUNCTION_SPLIT.split(m.text):
            part = part.strip()
            at = title.find(part, offset) if part else -1
            if len(normalize(part)) < 3 or at < 0:
                continue
            offset = at + len(part)
            record = (
                index.records.get(m.entity or "")
                if part == m.text
                else index.by_spelling.get(normalize(part).strip())
            )
            key = record.id if record else normalize(part).split()[-1]
            people.setdefault(key, Person(key, part, at, at + len(part), _names(record, part)))
    for entity_id in _title_candidates(title_norm, index):
        if entity_id in people:
            continue
        names = index.names[entity_id]
        for name in sorted(names, key=len, reverse=True):
            hits = _occurrences(title_norm, name)
            if hits:
                people[entity_id] = Person(entity_id, name, hits[0], hits[0] + len(name), names)
                break
    return list(people.values())


def _names(record: EntityRecord | None, surface: str) -> tuple[str, ...]:
    names = {normalize(surface).strip()}
    if record is not None:
        names |= {normalize(v).strip() for v in (record.name, *record.variants)}
    return tuple(n for n in names if len(n) >= 3)


def _cues_before(text_norm: str, start: int) -> set[str]:
    """The non-participant cues in the few words before ``start``."""
    before = words(text_norm[max(0, start - CUE_WINDOW_CHARS) : start])[-NON_PARTICIPANT_WINDOW:]
    return {w.norm for w in before if w.norm in _NON_PARTICIPANT or w.stem in _NON_PARTICIPANT}


def _cues_after(text_norm: str, end: int) -> set[str]:
    """The past-role words right after a name (الأسد المخلوع)."""
    after = words(text_norm[end : end + CUE_WINDOW_CHARS])[:2]
    return {w.norm for w in after if w.norm in _PAST_ROLE_AFTER}


def _cue_before(text_norm: str, start: int) -> bool:
    """True when a non-participant cue stands in the few words before ``start``."""
    return bool(_cues_before(text_norm, start))


def _cue_after(text_norm: str, end: int) -> bool:
    """True when the name is followed by a word marking a past role (الأسد المخلوع)."""
    return bool(_cues_after(text_norm, end))


@dataclass(frozen=True, slots=True)
class BodyReading:
    """How the body speaks of a person the headline names."""

    role: str
    """``absent``, ``bystander`` (only ever a former ruler, an object of talks …) or
    ``participant``."""
    evidence: str = ""
    """For a bystander: the body's words around its first mention of them."""


def _snippet(text: str, start: int, end: int) -> str:
    """The words of ``text`` around ``text[start:end]`` (a few before, two after), never
    reaching into the sentence before or after."""
    lo_window = max(0, start - CUE_WINDOW_CHARS)
    ends_before = list(_SENTENCE_END.finditer(text, lo_window, start))
    lo_window = ends_before[-1].end() if ends_before else lo_window
    end_after = _SENTENCE_END.search(text, end, end + CUE_WINDOW_CHARS)
    hi_window = end_after.start() if end_after else end + CUE_WINDOW_CHARS
    before = words(text[lo_window:start], lo_window)[-SNIPPET_WORDS_BEFORE:]
    after = words(text[end:hi_window], end)[:SNIPPET_WORDS_AFTER]
    lo = before[0].start if before else start
    hi = after[-1].end if after else end
    return " ".join(text[lo:hi].split())


def read_person_in_body(person: Person, art: AnnotatedArticle) -> BodyReading:
    """Whether the body has ``person`` take part, only talks about them, or never names them."""
    if any(s.speaker_entity == person.key for s in art.statements):
        return BodyReading("participant")
    text = art.article.text
    body_norm = normalize(text)
    positions: list[tuple[str, int, int]] = []
    for m in art.mentions:
        if (
            not m.in_title
            and m.type == "PER"
            and (m.entity == person.key or normalize(m.text).strip() in person.names)
        ):
            positions.append((text, m.start, m.end))
    for name in person.names:
        positions += [(body_norm, p, p + len(name)) for p in _occurrences(body_norm, name)]
    if not positions:
        return BodyReading("absent")
    # Offsets of the normalised body can drift from the original by deleted marks; the cue
    # windows are several words wide, so reading them from the normalised text is close enough.
    cues = [
        _cues_before(body_norm, start) | _cues_after(body_norm, end) for _, start, end in positions
    ]
    if not all(cues):
        return BodyReading("participant")
    first = min(start for _, start, _ in positions)
    others = [
        m.start
        for m in art.mentions
        if not m.in_title
        and m.type == "PER"
        and m.entity != person.key
        and normalize(m.text).strip() not in person.names
    ]
    if all(c <= _FORMER for c in cues) and all(first <= o for o in others):
        return BodyReading("participant")  # the body's leading person, a former office-holder
    source, start, end = positions[0]
    return BodyReading("bystander", _snippet(source, start, end))


def person_role_in_body(person: Person, art: AnnotatedArticle) -> str:
    """``absent``, ``bystander`` (a former ruler, an object of talks …) or ``participant``."""
    return read_person_in_body(person, art).role


def body_participants(art: AnnotatedArticle, index: PersonIndex, leave_out: set[str]) -> list[str]:
    """Names of the people the body has take part (a mention without a bystander cue), most
    mentioned first, leaving out the keys and spellings in ``leave_out``."""
    body_norm = normalize(art.article.text)
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for m in art.mentions:
        if m.in_title or m.type != "PER":
            continue
        record = index.records.get(m.entity or "")
        key = record.id if record else normalize(m.text).strip()
        if key in leave_out or normalize(m.text).strip() in leave_out:
            continue
        if _cue_before(body_norm, m.start) or _cue_after(body_norm, m.end):
            continue
        counts[key] = counts.get(key, 0) + 1
        shown.setdefault(key, record.name if record else m.text)
    ranked = sorted(counts, key=lambda k: -counts[k])
    return [shown[k] for k in ranked[:MAX_BODY_ACTORS]]


def headline_mismatch(
    art: AnnotatedArticle, entities: Sequence[EntityRecord], index: PersonIndex | None = None
) -> str | None:
    """Why the headline misstates who the story is about, or None when it does not.

    It does when the headline has a person take part whom the body only talks about (a former
    ruler, the object of talks), while the body has other people take part; the reason quotes
    the body's words about the person and names who takes part in the body."""
    title = art.article.title
    if not title:
        return None
    index = index or person_index(entities)
    title_norm = normalize(title)
    people = title_people(art, entities, index)
    for person in people:
        if _cue_before(title_norm, person.start) or _cue_after(title_norm, person.end):
            continue  # the headline itself speaks of them as a bystander (تسليم الأسد)
        reading = read_person_in_body(person, art)
        # A person missing from the body altogether is not flagged: a tagger's false name in a
        # headline (هجوم بري) looks just the same, and a flag must never be undeserved.
        if reading.role != "bystander":
            continue
        instead = body_participants(art, index, {person.key, *person.names})
        if instead:
            return (
                f"headline names {person.surface} as taking part, but the body mentions them "
                f"only as «{reading.evidence}»; taking part in the body: {'، '.join(instead)}"
            )
    return None


def person_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """Body mentions of people."""
    return [m for m in mentions if m.type == "PER" and not m.in_title]
