"""Reason across the events of one story to tighten their dates and order them.

An event's own articles often cannot date it; the story's other events can:

- **Office and fall.** An article that calls someone by a title with no "former" marker
  (الرئيس السوري بشار الأسد) reports a time when he held office; another event's article that
  dates his fall (سقوط نظام الأسد في ديسمبر 2024) bounds that event from above. An event whose
  articles recall the fall (منذ الإطاحة بنظام الرئيس السابق …) is bounded by it from below.
- **Ordinals and back-references.** "His second visit in less than four months" (ثاني زيارة له
  في أقل من أربعة أشهر) puts an event after the story's first visit, within four months of it;
  "he first visited Russia in October" (زار روسيا للمرة الأولى في أكتوبر) dates that first visit.
  A month named without a year is read as its first occurrence after what bounds it from below.

Every bound is quoted in the event's evidence. Nothing here invents a day: only ranges narrow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from khabar.arabic.normalize import normalize
from khabar.events.data import HAPPENING_NOUNS, HAPPENING_VERBS, ORDINALS, STOP_WORDS
from khabar.events.office import FALL, FALL_NOISE, MIN_NAME_LETTERS, fallen_keys, office_holders
from khabar.events.profile import own_ordinals
from khabar.model import AnnotatedArticle
from khabar.time.dating import Dating
from khabar.time.extract import Found, add_months, find_times, month_range

LEAD_SENTENCES = 4
"""Title and first sentences of an event compared to decide which earlier event it follows."""

FIRST_TIME = ("للمره الاولي", "لاول مره", "اول مره")
"""Phrases saying a happening took place for the first time (زار روسيا للمرة الأولى)."""

_B, _E = r"(?<![\w])", r"(?![\w])"


def _alternation(words: Sequence[str]) -> str:
    """Regex alternation of normalised words, longest first."""
    return "|".join(
        re.escape(w) for w in sorted({normalize(w) for w in words}, key=len, reverse=True)
    )


_HAPPENING = re.compile(
    rf"{_B}[وفبل]?(?:{_alternation([*HAPPENING_NOUNS, *HAPPENING_VERBS])})"
    rf"(?:ه|ها)?{_E}"
)


@dataclass(frozen=True, slots=True)
class EventFacts:
    """An event of a story with its articles and the dating its own articles support."""

    id: str
    articles: tuple[AnnotatedArticle, ...]
    dating: Dating


@dataclass
class _Working:
    """An event's dating while the story's rules narrow it."""

    earliest: date | None
    latest: date | None
    evidence: list[str]
    sentences: list[tuple[str, str]] = field(default_factory=list)
    """(original, normalised) sentences of the event's titles and bodies."""
    ordinals: set[tuple[str, int]] = field(default_factory=set)
    lead_keys: set[str] | None = None

    def raise_earliest(self, day: date, sentence: str) -> None:
        """Narrow from below when ``day`` is later (and keeps the range non-empty)."""
        if (self.earliest is None or day > self.earliest) and (
            self.latest is None or day <= self.latest
        ):
            self.earliest = day
            self._cite(sentence)

    def lower_latest(self, day: date, sentence: str) -> None:
        """Narrow from above when ``day`` is earlier (and keeps the range non-empty)."""
        if (self.latest is None or day < self.latest) and (
            self.earliest is None or day >= self.earliest
        ):
            self.latest = day
            self._cite(sentence)

    def _cite(self, sentence: str) -> None:
        if sentence and sentence not in self.evidence:
            self.evidence.append(sentence)


def _sentences(articles: Sequence[AnnotatedArticle]) -> list[tuple[str, str]]:
    out = []
    for a in articles:
        if a.article.title:
            out.append((a.article.title, normalize(a.article.title)))
        text = a.article.text
        for s, e in a.sentences:
            out.append((text[s:e], normalize(text[s:e])))
    return out


def _name_key(words: str) -> str | None:
    """The matching key of a holder's name: its last word without the article."""
    parts = [w for w in re.split(r"\s+", words.strip()) if w]
    if not parts:
        return None
    last = parts[-1]
    last = last[2:] if last.startswith("ال") else last
    return last if len(last) >= MIN_NAME_LETTERS and last not in STOP_WORDS else None


def _mentions_name(norm_sentence: str, key: str) -> bool:
    return re.search(rf"{_B}[وفبل]?(?:ال|لل)?{re.escape(key)}{_E}", norm_sentence) is not None


def _falls(work: _Working) -> list[tuple[str, Found, str]]:
    """(name key, dated expression, sentence) for each dated fall the event's articles recall."""
    out = []
    for original, norm in work.sentences:
        if not FALL.search(norm):
            continue
        dated = [f for f in find_times(original, None) if f.year and f.earliest and f.latest]
        if not dated:
            continue
        for key in fallen_keys(norm):
            out.append((key, dated[0], original))
    return out


def _apply_office(works: list[_Working]) -> None:
    """Bound events by the dated fall of a person they call current or former."""
    falls: dict[str, list[tuple[Found, str]]] = {}
    for work in works:
        for key, found, sentence in _falls(work):
            falls.setdefault(key, []).append((found, sentence))
    if not falls:
        return
    for work in works:
        current, former = office_holders(work.sentences)
        for key, sentence in current.items():
            if key in former or key not in falls or key in FALL_NOISE:
                continue
            found, fall_sentence = min(falls[key], key=lambda fs: fs[0].latest)  # type: ignore[arg-type,return-value]
            work.lower_latest(found.latest, fall_sentence)  # type: ignore[arg-type]
            work._cite(sentence)
        for key in former:
            if key in falls and key not in current and key not in FALL_NOISE:
                found, fall_sentence = max(falls[key], key=lambda fs: fs[0].earliest)  # type: ignore[arg-type,return-value]
                work.raise_earliest(found.earliest, fall_sentence)  # type: ignore[arg-type]


def _clear_ordinals(work: _Working, articles: Sequence[AnnotatedArticle]) -> None:
    kinds: dict[str, set[int]] = {}
    for a in articles:
        for kind, rank in own_ordinals((a.article.title or "") + "\n" + a.article.text):
            kinds.setdefault(kind, set()).add(rank)
    work.ordinals = {(k, next(iter(r))) for k, r in kinds.items() if len(r) == 1}


def _overlap(norm_sentence: str, work: _Working) -> int:
    """How many words of a sentence the event's titles and first sentences also use."""
    if work.lead_keys is None:
        lead = " ".join(norm for _, norm in work.sentences[:LEAD_SENTENCES])
        work.lead_keys = _word_keys(lead)
    return len(_word_keys(norm_sentence) & work.lead_keys)


def _word_keys(norm_text: str) -> set[str]:
    """Content words of a text without proclitics and article (for overlap counts)."""
    keys = set()
    for word in re.findall(r"[\u0621-\u064a]+", norm_text):
        key = re.sub(r"^(?:[وفبلك]?(?:ال|لل))|^[وفبلك]", "", word)
        if len(key) >= MIN_NAME_LETTERS and word not in STOP_WORDS and key not in STOP_WORDS:
            keys.add(key)
    return keys


def _resolve_month(
    found: Found, lower: date | None, upper: date | None
) -> tuple[date, date] | None:
    """Range of an expression; a year-less month is put at its first occurrence after ``lower``."""
    if found.year and found.earliest and found.latest:
        return found.earliest, found.latest
    if found.month is None or found.year is not None:
        return None
    if lower is not None:
        year = lower.year if found.month >= lower.month else lower.year + 1
    elif upper is not None:
        year = upper.year if found.month <= upper.month else upper.year - 1
    else:
        return None
    if found.day:
        try:
            day = date(year, found.month, found.day)
        except ValueError:
            return None
        return day, day
    return month_range(year, found.month)


def _kind_of(norm_sentence: str) -> str | None:
    """The kind of the first happening noun or verb in a sentence (زيارة → visit)."""
    m = _HAPPENING.search(norm_sentence)
    if not m:
        return None
    for word in (m.group(), m.group()[1:]):  # as written, then without a proclitic
        for table in (HAPPENING_NOUNS, HAPPENING_VERBS):
            for cue, kind in table.items():
                if word == cue or (word.startswith(cue) and len(word) - len(cue) <= 2):
                    return kind
    return None


def _apply_ordinals(works: list[_Working]) -> None:
    """Date first happenings from later events' back-references; order ranked happenings."""
    for b in works:
        for original, norm in b.sentences:
            if not any(p in norm for p in FIRST_TIME):
                continue
            kind = _kind_of(norm)
            if kind is None or (kind, 1) in b.ordinals:
                continue
            targets = [a for a in works if a is not b and (kind, 1) in a.ordinals]
            if not targets:
                continue
            scores = [_overlap(norm, a) for a in targets]
            best = max(scores)
            if scores.count(best) != 1 or best == 0:
                continue
            a = targets[scores.index(best)]
            for found in find_times(original, None):
                span = _resolve_month(found, a.earliest, a.latest)
                if span:
                    a.raise_earliest(span[0], original)
                    a.lower_latest(span[1], original)
                    break
    for b in works:
        for kind, rank in b.ordinals:
            previous = [a for a in works if a is not b and (kind, rank - 1) in a.ordinals]
            a = _closest(b, previous)
            if a is None:
                continue
            if a.earliest is not None:
                b.raise_earliest(a.earliest, "")
            if b.latest is not None:
                a.lower_latest(b.latest, "")
            _apply_within(a, b, kind, rank)


def _closest(b: _Working, candidates: list[_Working]) -> _Working | None:
    """The candidate whose lead shares most words with ``b``'s lead (None on a tie or nothing)."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    lead = " ".join(norm for _, norm in b.sentences[:LEAD_SENTENCES])
    scores = [_overlap(lead, a) for a in candidates]
    best = max(scores)
    return candidates[scores.index(best)] if scores.count(best) == 1 and best > 0 else None


def _apply_within(a: _Working, b: _Working, kind: str, rank: int) -> None:
    """Bound ``b`` by "its second visit in less than N months" after ``a``."""
    ordinal_words = [w for w, r in ORDINALS.items() if r == rank]
    for original, norm in b.sentences:
        if _kind_of(norm) != kind or not any(_mentions_name(norm, w) for w in ordinal_words):
            continue
        for found in find_times(original, None):
            if found.kind != "duration" or found.direction or not found.unit or not found.count:
                continue
            if a.latest is None:
                continue
            if found.unit == "month":
                limit = add_months(a.latest, found.count)
            elif found.unit == "year":
                limit = add_months(a.latest, 12 * found.count)
            else:
                limit = a.latest + timedelta(days=(found.span_days or (0, 0))[1])
            b.lower_latest(limit, original)
            if a.earliest is not None:
                b.raise_earliest(a.earliest, original)
            return


def reason_story(facts: Sequence[EventFacts]) -> list[Dating]:
    """Return each event's dating, tightened by what the story's other events say about it."""
    works = []
    for f in facts:
        work = _Working(f.dating.earliest, f.dating.latest, list(f.dating.evidence))
        work.sentences = _sentences(f.articles)
        _clear_ordinals(work, f.articles)
        works.append(work)
    if len(works) > 1:
        _apply_office(works)
        _apply_ordinals(works)
        _apply_office(works)  # bounds learnt from ordinals may resolve more
    return [Dating(w.earliest, w.latest, tuple(w.evidence)) for w in works]
