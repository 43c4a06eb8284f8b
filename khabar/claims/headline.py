"""Headline checks: link-bait tails, questions, and headlines that the body does not bear out."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from khabar.arabic.normalize import normalize
from khabar.claims.data import (
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

_TAIL_SPLIT = re.compile(r"\.{2,}|…|\s[-–—|]\s|:")
_NON_PARTICIPANT = frozenset(normalize(w) for w in NON_PARTICIPANT_CUES)
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


def _cue_before(text_norm: str, start: int) -> bool:
    """True when a non-participant cue stands in the few words before ``start``."""
    before = words(text_norm[max(0, start - CUE_WINDOW_CHARS) : start])[-NON_PARTICIPANT_WINDOW:]
    return any(w.norm in _NON_PARTICIPANT or w.stem in _NON_PARTICIPANT for w in before)


def _cue_after(text_norm: str, end: int) -> bool:
    """True when the name is followed by a word marking a past role (الأسد المخلوع)."""
    after = words(text_norm[end : end + CUE_WINDOW_CHARS])[:2]
    return any(w.norm in {"السابق", "المخلوع", "الراحل", "الهارب", "المعزول"} for w in after)


def person_role_in_body(person: Person, art: AnnotatedArticle) -> str:
    """``absent``, ``bystander`` (a former ruler, an object of talks …) or ``participant``."""
    body_norm = normalize(art.article.text)
    positions: list[tuple[int, int]] = []
    for m in art.mentions:
        if (
            not m.in_title
            and m.type == "PER"
            and (m.entity == person.key or normalize(m.text).strip() in person.names)
        ):
            positions.append((m.start, m.end))
    for name in person.names:
        positions += [(p, p + len(name)) for p in _occurrences(body_norm, name)]
    if not positions:
        return "absent"
    # Offsets of the normalised body can drift from the original by deleted marks; the cue
    # windows are several words wide, so reading them from the normalised text is close enough.
    for start, end in positions:
        if not _cue_before(body_norm, start) and not _cue_after(body_norm, end):
            return "participant"
    return "bystander"


def headline_mismatch(
    art: AnnotatedArticle, entities: Sequence[EntityRecord], index: PersonIndex | None = None
) -> str | None:
    """Why the headline misstates who the story is about, or None when it does not."""
    title = art.article.title
    if not title:
        return None
    title_norm = normalize(title)
    for person in title_people(art, entities, index):
        if _cue_before(title_norm, person.start) or _cue_after(title_norm, person.end):
            continue  # the headline itself speaks of them as a bystander (تسليم الأسد)
        role = person_role_in_body(person, art)
        # A person missing from the body altogether is not flagged: a tagger's false name in a
        # headline (هجوم بري) looks just the same, and a flag must never be undeserved.
        if role == "bystander":
            return (
                f"headline names {person.surface} as taking part, but the body mentions "
                "them only as a bystander (former ruler, subject of talks)"
            )
    return None


def person_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """Body mentions of people."""
    return [m for m in mentions if m.type == "PER" and not m.in_title]
