"""Statements of one article: who says what, and how the outlet presents it.

Each sentence of the clean body yields the statements its reporting verbs introduce (قال، أكد،
نفى، مؤكدًا …), a report (تشير التقارير، بحسب ما ورد), or — when nothing attributes it — one
statement in the outlet's own voice (asserted, hedged, unconfirmed, denied or questioned).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from khabar.arabic.data.places import SEAT_COUNTRIES
from khabar.arabic.normalize import normalize
from khabar.arabic.sentences import split_sentences
from khabar.claims.data import (
    ACCUSATION_LEMMAS,
    ANONYMOUS_SOURCES,
    BASELESS_CUES,
    CHARGE_REACH,
    CHARGE_VERBS,
    CLAUSE_TAIL_OPENERS,
    COMPLEMENTIZERS,
    CONFIRMATION_NOUNS,
    CONNECTIVES,
    CONTRAST_OPENERS,
    DATELINE_ENDS,
    DENIAL_CUES,
    DENIAL_LEMMAS,
    DENIAL_PARTICIPLES,
    DOUBT_LEMMAS,
    DOUBT_NOUNS,
    FIRST_PERSON_ENDINGS,
    FIRST_PERSON_WORDS,
    HEDGE_CUES,
    HEDGE_QAD,
    HONORIFICS,
    IMPERSONAL_VERBS,
    MAX_ACCUSER_WORDS,
    MAX_DANGLING_TAIL_WORDS,
    MAX_SPEAKER_TOKENS,
    MAX_TITLE_SPEAKER_WORDS,
    MEDIA_HEADS,
    NAMING_LEMMAS,
    NEGATION_PARTICLES,
    NISBA_ENDINGS,
    NOT_PARTICIPLE_BEFORE,
    OBJECT_LEMMAS,
    OBJECT_PREPOSITIONS,
    OPENER_ONLY_LEMMAS,
    OWN_REPORTERS,
    POSSESSIVE_ENDINGS,
    PRESENT_PREFIXES,
    QUESTION_MARKS,
    RELATIVE_PRONOUNS,
    RELAY_LEMMAS,
    RELAY_SOURCE_REACH,
    REPORT_CUES,
    REPORTING_NOUN_LINKS,
    REPORTING_NOUNS,
    REPORTING_PARTICIPLES,
    REPORTING_VERBS,
    SPEAKER_HEADS,
    SPEAKER_LEADING_TIMES,
    SPEAKER_LINKS,
    SPEAKER_STOP_WORDS,
    SPEAKERLESS_LEMMAS,
    STATEMENT_NOUNS,
    TITLE_HEAD_TOPICS,
    TITLE_LABELS,
    TOPIC_OPENERS,
    TRAILING_SOURCE_CUES,
    UNCONFIRMED_SENTENCE_CUES,
)
from khabar.claims.text import WORD_CACHE_SIZE, Word, contains_any_phrase, norm_text, words
from khabar.model import Article, Mention, Stance, Statement

MIN_ASSERTED_WORDS = 4
"""Sentences shorter than this (in words) are labels or fragments, not claims in their own voice."""

MAX_COMPLEMENTIZER_GAP = 12
"""Most words between a reporting verb and the أن / إن / colon that opens what was said."""

MAX_SVO_SUBJECT_WORDS = 7
"""Longest subject read before a verb (مسؤولون في الاستخبارات البريطانية حذروا)."""

MAX_UNNAMED_SPEAKER_WORDS = 4
"""Longest speaker phrase kept when no named entity is in it (مصدر حكومي سوري رفيع)."""

MAX_NAME_OFFSET = 4
"""A name further than this many words into a run-on phrase belongs to the content, not the
speaker (أكد البلدان دعمهما لعملية جنيف التي تقودها الأمم المتحدة)."""

MAX_BARE_SPEAKER_WORDS = 2
"""Longest unnamed subject accepted between a verb and an adverbial (أكد الشرع خلال …)."""

LINK_LOOKAHEAD_WORDS = 6
"""Words looked ahead past باسم / إلى for the name that completes a speaker phrase."""

MAX_QUOTE_TAIL_WORDS = 2
"""Words allowed after the closing quote of content that opens with a quote for it to be read as
a direct quote (قال: "…" أمس); more, and the quote only marked a word of the clause."""

MAX_QUOTED_NAME_WORDS = 3
"""Longest quoted stretch between a speaker and its أن read as part of the speaker
(وزارة الدفاع الأمريكية "البنتاغون" أن …)."""

MAX_DATELINE_CHARS = 80
"""Characters from a sentence's start within which a dateline ends (دبي، … (CNN)— قالت …)."""

MAX_HONORIFIC_WORDS = 2
"""Most honorifics or ranks before a name set between commas (اللواء الركن …)."""

MAX_APPOSITION_WORDS = 4
"""Longest name set between commas after a speaker title (قال وزير الدفاع، جيمس ماتيس، إن)."""

MAX_OPENER_SPEAKER_WORDS = 14
"""Longest stretch between a sentence-initial verb and its أن read as the speaker when a title
runs to a comma and a name or a day stands between commas after it (أعلن قائد قوات التحالف
العربي في الساحل الغربي، العميد الركن عبد السلام الشحي، الثلاثاء، أن)."""

MIN_OWNED_NOUN_CHARS = 5
"""Fewest letters of a word ending in ه / ها / هم read as a noun with «its / his / their» after
a speaker's name (مسؤوليتها، موقفه); shorter ones may be names (طه)."""

MIN_PRESENT_VERB_CHARS = 4
"""Fewest letters of an unnamed word opening with ي / ت that ends a headline's speaker phrase
before its colon and is read as its verb (إسرائيل تهدد: …)."""

MIN_TITLE_PART_WORDS = 2
"""Fewest words of a headline part set apart by dots (… .. وموسكو: عمل عدائي) read on its own."""

MAX_TITLE_HEAD_SPEAKER_WORDS = 7
"""Longest phrase before a headline's colon read as its speaker when it opens with a title
(نائب المندوب الروسي إلى الأمم المتحدة: …)."""

MIN_TOPIC_HEADLINE_WORDS = 6
"""Words after a lone place and a colon from which they make a headline of their own, the place
its label, when they name no other place (سوريا: قصف صاروخي يستهدف مواقع …); shorter, or about
another place, the place is the speaker (موسكو: 100 صاروخ لم تسقط قتيلا واحدا في سوريا)."""

MAX_TRAILING_SOURCE_WORDS = 8
"""Longest source phrase after a sentence-final حسب / بحسب / وفقا لـ (… حسب مسؤولين فلسطينيين)."""

_CLITICS = ("و", "ف")
_QUOTE_OPEN = "\"“«„'‘"
_QUOTE_CLOSE = "\"”»‟'’"
_CLAUSE_PUNCT = ":،,;؛"
_GLUE = " \u00a0#"
"""What may stand between two parts of one name that the tagger named apart: spaces and a
hashtag sign (جمهورية #التشيك)."""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Normalised cue tables, built once per call (no module-level state besides constants)."""

    verbs: Mapping[str, str]
    participles: frozenset[str]
    complementizers: frozenset[str]
    speaker_stops: frozenset[str]
    speaker_heads: frozenset[str]
    anonymous: frozenset[str]
    links: frozenset[str]
    connectives: frozenset[str]
    not_participle_before: frozenset[str]
    doubt_nouns: frozenset[str]
    honorifics: frozenset[str]
    verb_negators: frozenset[str]
    tail_openers: frozenset[str]


def _build_lexicon() -> _Lexicon:
    verbs: Mapping[str, str] = {}
    for lemma, forms in REPORTING_VERBS.items():
        for form in forms:
            verbs[normalize(form)] = lemma
    return _Lexicon(
        verbs=types.MappingProxyType(verbs),
        participles=frozenset(normalize(p) for p in REPORTING_PARTICIPLES),
        complementizers=frozenset(normalize(c) for c in COMPLEMENTIZERS),
        verb_negators=frozenset(normalize(c) for c in NEGATION_PARTICLES),
        tail_openers=frozenset(normalize(c) for c in CLAUSE_TAIL_OPENERS),
        speaker_stops=frozenset(normalize(w) for w in SPEAKER_STOP_WORDS),
        speaker_heads=frozenset(normalize(w) for w in SPEAKER_HEADS),
        anonymous=frozenset(normalize(w) for w in ANONYMOUS_SOURCES),
        links=frozenset(normalize(w) for w in SPEAKER_LINKS),
        connectives=frozenset(normalize(w) for w in CONNECTIVES),
        not_participle_before=frozenset(normalize(w) for w in NOT_PARTICIPLE_BEFORE),
        doubt_nouns=frozenset(normalize(w) for w in DOUBT_NOUNS),
        honorifics=frozenset(normalize(w) for w in HONORIFICS),
    )


_LEXICON = _build_lexicon()
_SOURCE_CUES = frozenset(normalize(c) for c in TRAILING_SOURCE_CUES)
_STATEMENT_NOUNS = frozenset(normalize(w) for w in STATEMENT_NOUNS)
_OWN_REPORTERS = frozenset(normalize(w) for w in OWN_REPORTERS)
_SOURCE_WITH_LAM = frozenset(normalize(w) for w in ("وفقا", "وفق", "طبقا"))
_PART_BREAK = re.compile(r"\s*(?:\.{2,}|…)\s*")
_LEADING_TIMES = frozenset(normalize(w) for w in SPEAKER_LEADING_TIMES)
_OBJECT_PREPOSITIONS = frozenset(normalize(w) for w in OBJECT_PREPOSITIONS)
_RELATIVES = frozenset(normalize(w) for w in RELATIVE_PRONOUNS)
_CONTRAST = frozenset(normalize(w) for w in CONTRAST_OPENERS)
_FIRST_PERSON = frozenset(normalize(w) for w in FIRST_PERSON_WORDS)
_MEDIA = frozenset(normalize(w) for w in MEDIA_HEADS)
_PLACE_LINKS = frozenset(normalize(w) for w in ("في", "لدى"))
_IMPERSONAL = frozenset(normalize(w) for w in IMPERSONAL_VERBS)
_SAYING_NOUNS = frozenset(normalize(w) for w in REPORTING_NOUNS)
_SAYING_LINKS = frozenset(normalize(w) for w in REPORTING_NOUN_LINKS)
_POSSESSIVES = tuple(normalize(w) for w in POSSESSIVE_ENDINGS)
_HEAD_TOPICS = frozenset(normalize(w) for w in TITLE_HEAD_TOPICS)
_NISBA = tuple(normalize(w) for w in NISBA_ENDINGS)
_TITLE_LABELS = frozenset(normalize(w) for w in TITLE_LABELS)
_TOPIC_OPENERS = frozenset(normalize(w) for w in TOPIC_OPENERS)
_SEATS = frozenset(normalize(w) for w in SEAT_COUNTRIES)
_FIRST_PERSON_ENDINGS = tuple(normalize(w) for w in FIRST_PERSON_ENDINGS)
_CHARGE_FORMS = types.MappingProxyType(
    {
        clitic + normalize(f): lemma
        for lemma, (forms, _) in CHARGE_VERBS.items()
        for f in forms
        for clitic in ("", *_CLITICS)
    }
)
_CHARGE_NOUNS = types.MappingProxyType(
    {lemma: frozenset(normalize(n) for n in nouns) for lemma, (_, nouns) in CHARGE_VERBS.items()}
)


def _unclitic(norm: str) -> str:
    """Drop a leading و / ف conjunction when a word of 3+ letters remains."""
    if norm[:1] in _CLITICS and len(norm) >= 4:
        return norm[1:]
    return norm


def _verb_lemma(word: Word) -> str | None:
    """The reporting-verb lemma of ``word`` (with or without و / ف), or None."""
    return _cue_of(word.norm)[0]


def _is_participle(word: Word) -> bool:
    return _cue_of(word.norm)[1]


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _cue_of(norm: str) -> tuple[str | None, bool]:
    """(reporting-verb lemma or None, whether a reporting participle) of a normalised word,
    with or without و / ف: worked out once per word form."""
    lemma = None
    for form in (norm, _unclitic(norm)):
        lemma = _LEXICON.verbs.get(form)
        if lemma is not None:
            break
    participle = norm in _LEXICON.participles or _unclitic(norm) in _LEXICON.participles
    return lemma, participle


def _charge_lemma(ws: list[Word], i: int) -> str | None:
    """The lemma of a charge verb at ``ws[i]`` when the noun that makes it a charge follows
    within CHARGE_REACH words (حملت … المسؤولية), else None."""
    lemma = _CHARGE_FORMS.get(ws[i].norm)
    if lemma is None:
        return None
    nouns = _CHARGE_NOUNS[lemma]
    after = ws[i + 1 : i + 1 + CHARGE_REACH]
    return lemma if any(w.norm in nouns or _unclitic(w.norm) in nouns for w in after) else None


def _gap_has(text: str, start: int, end: int, chars: str) -> bool:
    """True when ``text[start:end]`` holds any of ``chars``."""
    return any(ch in chars for ch in text[start:end])


@dataclass(frozen=True, slots=True)
class _Speaker:
    text: str | None
    start: int
    end: int
    anonymous: bool
    named: bool


def _mentions_in(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.start >= start and m.end <= end and not m.in_title]


def _is_connective(word: Word) -> bool:
    return word.norm in _LEXICON.connectives


def _speaker_from(
    text: str, start: int, end: int, head: Word, mentions: Sequence[Mention]
) -> _Speaker:
    """Build a speaker over ``text[start:end]`` whose first word is ``head``."""
    inside = _mentions_in(mentions, start, end)
    anonymous = (
        head.norm in _LEXICON.anonymous or _unclitic(head.norm) in _LEXICON.anonymous
    ) and not any(m.type == "PER" for m in inside)
    named = any(m.type in ("PER", "ORG") for m in inside)
    return _Speaker(text[start:end], start, end, anonymous, named and not anonymous)


def _speaker_after(
    text: str,
    ws: list[Word],
    i: int,
    end_index: int,
    mentions: Sequence[Mention],
    places: bool = False,
) -> tuple[_Speaker | None, int]:
    """Read the speaker phrase after the verb at ``ws[i]``; return it and the next word index.
    ``places``: the verb opens its sentence, so a place right after it is its subject (اتهمت
    فرنسا وبريطانيا …), not its object (… ترمب حذر إيران)."""
    j = i + 1
    if j + 1 < end_index and ws[j].norm in _LEADING_TIMES:
        j += 1  # أعلن الثلاثاء الإعلام السوري …: the day before the speaker
    phrase: list[Word] = []
    linked_name = -1  # where the person named after a link word starts (السفير … في إسرائيل X)
    quoted = False  # inside a medium's quoted name
    while j < end_index and len(phrase) < MAX_SPEAKER_TOKENS:
        word = ws[j]
        gap_punct = _gap_has(text, ws[j - 1].end, word.start, _CLAUSE_PUNCT)
        if quoted and not gap_punct and _gap_has(text, ws[j - 1].end, word.start, _QUOTE_CLOSE):
            quoted = False  # the medium's name closes (… "يونهاب" للأنباء)
        elif _gap_has(text, ws[j - 1].end, word.start, _CLAUSE_PUNCT + _QUOTE_OPEN):
            if not (
                phrase
                and _unclitic(phrase[-1].norm) in _MEDIA
                and not gap_punct
                and _short_quote(text, ws, j, end_index)
            ):
                break
            quoted = True  # … وكالة "يونهاب" للأنباء: a medium's quoted name is part of it
        if word.norm in _LEXICON.complementizers or _unclitic(word.norm) in ("ان", "بان"):
            break
        if _to_whom(word):
            break  # قالت مصادر لـCNN، لوكالة رويترز: whom it was said to
        if (
            phrase
            and _unclitic(word.norm) in _LEXICON.doubt_nouns
            and not (word.norm.startswith("ال") and not phrase[-1].norm.startswith("ال"))
        ):
            # نفت السلطات الروسية الاتهامات …: what is denied, not who denies (a definite one
            # after an indefinite word completes it: وكالة الأنباء)
            break
        if word.norm in _LEXICON.speaker_stops:
            if not (phrase and word.norm in _LEXICON.links):
                break
            ahead = _named_ahead(ws, j, end_index, mentions)
            if ahead < 0:
                break
            if linked_name < 0:
                linked_name = ahead
        phrase.append(word)
        j += 1
    if not phrase:
        return None, i + 1
    head = phrase[0]
    inside = [
        m
        for m in _mentions_in(mentions, head.start, phrase[-1].end)
        if m.type in ("PER", "ORG") or (places and m.type == "LOC" and m.start <= head.start + 1)
    ]
    while len(phrase) > 1 and phrase[-1].norm in _LEXICON.links:
        phrase.pop()
    full_phrase_ended = j < end_index and (
        ws[j].norm in _LEXICON.complementizers
        or ws[j].norm in _LEXICON.speaker_stops
        or _gap_has(text, ws[j - 1].end, ws[j].start, _CLAUSE_PUNCT + _QUOTE_OPEN)
    )
    if inside and full_phrase_ended and len(phrase) <= MAX_SPEAKER_TOKENS - 1:
        # The whole phrase up to أن / a colon / an adverbial is the speaker, even where the
        # tagger named only part of it (المتحدث باسم الكرملين دميتري بيسكوف), but not a noun
        # with «its» after the last name (أعلنت الوزارة مسؤوليتها عن …: what it announced).
        last = max(m.end for m in inside)
        own = next((n for n, w in enumerate(phrase) if w.start >= last), None)
        if (
            own is not None
            and own > 0
            and not (_owned(phrase[own]) or any(w.norm in _RELATIVES for w in phrase[own:]))
        ):
            own = None
        if own is not None:
            return _speaker_from(text, head.start, phrase[own - 1].end, head, mentions), _after(
                ws, phrase[own - 1]
            )
        return _speaker_from(text, head.start, phrase[-1].end, head, mentions), j
    near = [
        m
        for m in inside
        if m.start <= phrase[min(len(phrase), MAX_NAME_OFFSET) - 1].end or m.start == linked_name
    ]
    if near:
        # The phrase ran on into the content: it ends with its last name (… الرئيس X التزام …).
        inside = [m for m in inside if m.start <= max(n.end for n in near) + 1] or near
        last = max(m.end for m in inside)
        k = next((n for n, w in enumerate(phrase) if w.end >= last), len(phrase) - 1)
        phrase = phrase[: k + 1]
        return _speaker_from(text, head.start, phrase[-1].end, head, mentions), i + 1 + len(phrase)
    is_head = head.norm in _LEXICON.speaker_heads or _unclitic(head.norm) in _LEXICON.speaker_heads
    is_anon = head.norm in _LEXICON.anonymous or _unclitic(head.norm) in _LEXICON.anonymous
    t = j
    while t + 1 < end_index and ws[t].norm in _LEADING_TIMES:
        t += 1  # مصدر أمني فلسطيني الثلاثاء، أن …: the day stands between speaker and opener
    ended_by_opener = t < end_index and (
        ws[t].norm in _LEXICON.complementizers
        or _gap_has(text, ws[t - 1].end, ws[t].start, ":" + _QUOTE_OPEN)
    )
    if ended_by_opener and len(phrase) <= MAX_UNNAMED_SPEAKER_WORDS:
        return _speaker_from(text, head.start, phrase[-1].end, head, mentions), t
    ended_by_stop = j < end_index and ws[j].norm in _LEXICON.speaker_stops
    if ended_by_stop and len(phrase) <= MAX_BARE_SPEAKER_WORDS and not is_head:
        # أكد الشرع خلال لقائه …: a short subject the tagger did not name.
        return _in_place(text, ws, j, end_index, head, mentions)
    if is_head or is_anon:
        # Unnamed speaker: the head and the definite words that describe it (المسؤولون الروس).
        k = 1
        # an indefinite title heads a chain of nouns up to its first definite one (قائد مهمة
        # إنقاذ الصبية)
        chain = is_head and not _unclitic(head.norm).startswith("ال")
        while k < len(phrase) and k < MAX_UNNAMED_SPEAKER_WORDS:
            definite = phrase[k].norm.startswith("ال") and phrase[k].norm not in _RELATIVES
            if not (definite or phrase[k].norm in _LEXICON.links or is_anon or chain):
                break
            if is_anon and not definite and k > 1 and not phrase[k].norm.endswith(_NISBA):
                break  # مصدر دبلوماسي يوناني: adjectives of origin still describe the source
            chain = chain and not definite
            k += 1
        while k > 1 and phrase[k - 1].norm in _LEXICON.links:
            k -= 1
        named = next(
            (
                m
                for m in mentions
                if m.type == "PER" and k < len(phrase) and m.start == phrase[k].start
            ),
            None,
        )
        if named is not None:
            # رئيس بلدية نيويورك السابق رودي جولياني: the title's holder named after it
            k = next((n for n in range(k, len(phrase)) if phrase[n].end >= named.end - 1), k) + 1
            return _speaker_from(text, head.start, phrase[k - 1].end, head, mentions), _after(
                ws, phrase[k - 1]
            )
        if k == len(phrase) and not inside:
            return _in_place(text, ws, _after(ws, phrase[-1]), end_index, head, mentions)
        phrase = phrase[:k]
        return _speaker_from(text, head.start, phrase[-1].end, head, mentions), i + 1 + k
    if (
        places
        and len(phrase) <= MAX_BARE_SPEAKER_WORDS
        and _described_before_opener(text, ws, j, end_index)
    ):
        # قالت جيل دوريثي، المحللة …، إن: a short subject the tagger did not name, described
        # between commas before what it said
        return _speaker_from(text, head.start, phrase[-1].end, head, mentions), j
    return None, i + 1


def _described_before_opener(text: str, ws: list[Word], j: int, end_index: int) -> bool:
    """Whether ``ws[j]`` opens a stretch set between commas whose closing comma is followed by
    أن / إن (…، المحللة والمديرة السابقة لمكتب CNN في موسكو، إن …)."""
    if not 0 < j < end_index or not _gap_has(text, ws[j - 1].end, ws[j].start, "،,"):
        return False
    for k in range(j + 1, min(end_index, j + MAX_COMPLEMENTIZER_GAP)):
        if _gap_has(text, ws[k - 1].end, ws[k].start, _CLAUSE_PUNCT + _QUOTE_OPEN):
            return ws[k].norm in _LEXICON.complementizers
    return False


def _in_place(
    text: str, ws: list[Word], j: int, end_index: int, head: Word, mentions: Sequence[Mention]
) -> tuple[_Speaker, int]:
    """An unnamed speaker ending before ``ws[j]``, with the place after it when في / لدى and a
    place follow (أعلنت السلطات في تايلاند …، كيانات سياسية في العراق …), and the index after
    it."""
    end = j
    if j + 1 < end_index and ws[j].norm in _PLACE_LINKS:
        place = next(
            (m for m in mentions if m.type == "LOC" and abs(m.start - ws[j + 1].start) <= 1), None
        )
        if place is not None:
            place_end = _joined_place_end(text, place, mentions)
            end = next((n for n in range(j + 1, end_index) if ws[n].end >= place_end - 1), j) + 1
        elif _unclitic(head.norm) in _LEXICON.anonymous or head.norm in _LEXICON.anonymous:
            # مسؤولون في التحالف الذي …، مصادر في الجيش: the body an unnamed source serves in
            k = j + 1
            while (
                k < min(end_index, j + 1 + MAX_UNNAMED_SPEAKER_WORDS)
                and ws[k].norm.startswith("ال")
                and ws[k].norm not in _RELATIVES
                and ws[k].norm not in _LEXICON.speaker_stops
                and not _gap_has(text, ws[k - 1].end, ws[k].start, _CLAUSE_PUNCT + _QUOTE_OPEN)
            ):
                k += 1
            end = k if k > j + 1 else j
    return _speaker_from(text, head.start, ws[end - 1].end, head, mentions), end


def _joined_place_end(text: str, place: Mention, mentions: Sequence[Mention]) -> int:
    """Where the place ``place`` ends, with the places the tagger named apart right after it,
    only spaces and hashtag signs between (جمهورية #التشيك: one place)."""
    end = place.end
    for m in sorted(mentions, key=lambda m: m.start):
        if m.type == "LOC" and m.start >= end and not text[end : m.start].strip(_GLUE):
            end = m.end
    return end


def _after(ws: list[Word], word: Word) -> int:
    """Index of the word after ``word`` in ``ws``."""
    return bisect.bisect_right(ws, word.start, key=lambda w: w.start)


def _owned(word: Word) -> bool:
    """Whether ``word`` is a noun with «its / his / their» (مسؤوليتها، موقفه), which no speaker
    phrase ends with."""
    raw = word.text
    return (
        not word.norm.startswith("ال")
        and len(raw) >= MIN_OWNED_NOUN_CHARS
        and raw.endswith(POSSESSIVE_ENDINGS)
    )


def _to_whom(word: Word) -> bool:
    """Whether ``word`` names whom something was said to (لـCNN، لوكالة، لصحيفة)."""
    if word.text.startswith("لـ"):
        return True
    return word.norm.startswith("ل") and word.norm[1:] in _MEDIA


def _named_ahead(ws: list[Word], j: int, end_index: int, mentions: Sequence[Mention]) -> int:
    """Where the first person named within a few words after ``ws[j]`` starts (… إلى الشرق
    الأوسط X), or -1 when none is."""
    stop = min(end_index, j + LINK_LOOKAHEAD_WORDS)
    if stop <= j + 1:
        return -1
    inside = _mentions_in(mentions, ws[j].start, ws[stop - 1].end)
    return min((m.start for m in inside if m.type == "PER"), default=-1)


def _speaker_before(
    text: str, ws: list[Word], i: int, first: int, mentions: Sequence[Mention]
) -> _Speaker | None:
    """Read a subject standing before the verb at ``ws[i]`` (SVO order), if there is one."""
    if i == first:
        return None
    k = i - 1
    while k >= first and i - k <= MAX_SVO_SUBJECT_WORDS:
        if _gap_has(text, ws[k].end, ws[k + 1].start, _CLAUSE_PUNCT + ".!?؟"):
            break
        k -= 1
    k += 1
    while k < i and _is_connective(ws[k]):
        k += 1
    if k + 1 < i and _unclitic(ws[k].norm) in _CONTRAST and ws[k + 1].norm == "ان":
        k += 2  # إلا أن الرئيس ترمب حذر …: the subject follows the contrast
    if k >= i:
        return None
    start, end = ws[k].start, ws[i - 1].end
    head = ws[k]
    speaker = _speaker_from(text, start, end, head, mentions)
    if speaker.named and not speaker.anonymous:
        # ردا على تصريح للرئيس الأمريكي دونالد ترامب قال …: the subject starts at its title
        # or its name
        names = [m for m in mentions if m.type in ("PER", "ORG") and start <= m.start < end]
        first = next(
            (
                n
                for n in range(k, i)
                if _is_head(ws[n]) or any(m.start == ws[n].start for m in names)
            ),
            k,
        )
        if first > k:
            head = ws[first]
            speaker = _speaker_from(text, head.start, end, head, mentions)
    if speaker.anonymous or speaker.named:
        return speaker
    if _units(text, ws, k, i) <= 2 and (
        head.norm in _LEXICON.speaker_heads or _unclitic(head.norm) in _LEXICON.speaker_heads
    ):
        return _Speaker(speaker.text, start, end, False, False)
    return None


def _units(text: str, ws: list[Word], k: int, i: int) -> int:
    """Words of ``ws[k:i]``, a hashtag's parts joined by _ counted as one (#دونالد_ترمب)."""
    return sum(1 for n in range(k, i) if n == k or text[ws[n - 1].end : ws[n].start] != "_")


def _content_span(
    text: str,
    ws: list[Word],
    j: int,
    stop: int,
    limit: int,
    appositive: bool = False,
    reach: int = MAX_COMPLEMENTIZER_GAP,
) -> tuple[int, int, bool]:
    """Span of what was said: after the أن / إن / colon within ``reach`` words, else right after
    ``j``; and whether such an opener was found.

    ``appositive``: a comma follows the speaker (قال X، رئيس Y، إن …), so the first comma-
    delimited stretch may describe the speaker rather than start the content.
    """
    if (
        0 < j < stop
        and _gap_has(text, ws[j - 1].end, ws[j].start, _QUOTE_OPEN)
        and not _gap_has(text, ws[j - 1].end, ws[j].start, ":")
        and _short_quote(text, ws, j, stop)
    ):
        # a quoted name completing the speaker (بعثة حلف شمال الأطلسي "الناتو" في أفغانستان،
        # الاثنين، أن …): what was said opens after it, when an opener follows
        q = next(n for n in range(j, stop) if n + 1 >= len(ws) or _closes_after(text, ws, n)) + 1
        if q < stop and (
            ws[q].norm in _LEXICON.speaker_stops or ws[q].norm in _LEXICON.complementizers
        ):
            span = _content_span(text, ws, q, stop, limit, appositive, reach)
            if span[2]:
                return span
    opener = None
    commas = 0
    # what follows the speaker says where or when, or describes it (قال X في بيان، الثلاثاء،
    # إن …، قائد المهمة الذي …، إن): commas do not end the search for the opener
    adverbial = j < stop and (
        ws[j].norm in _LEXICON.speaker_stops or ws[j].norm in _RELATIVES or _to_whom(ws[j])
    )
    for k in range(j, min(stop, j + reach)):
        word = ws[k]
        gap = text[ws[k - 1].end : word.start] if k > 0 else ""
        # an opening quote clings to the word it opens ("مقتل" خاشقجي: the gap before خاشقجي
        # holds a closing one)
        gap_open = ":" in gap or gap[-1:] in _QUOTE_OPEN
        if gap_open and ws[k - 1].norm in _LEXICON.speaker_stops:
            # a quoted word after a preposition (ينفي استماعه إلى تسجيل عن "مقتل" …) is
            # inside the clause; only a colon opens what was said there
            gap_open = _gap_has(text, ws[k - 1].end, word.start, ":")
        if gap_open and k > j and not _gap_has(text, ws[k - 1].end, word.start, ":"):
            # a short quoted name inside a clause already begun (بمنع … مفتشي المنظمة أو
            # "OPCW" إلى دوما) marks a word, it does not open what was said
            gap_open = not _short_quote(text, ws, k, stop) or _quoted_name(text, ws, k, stop) >= 0
        if gap_open:
            after_name = _quoted_name(text, ws, k, stop)
            opener = ws[after_name].end if after_name >= 0 else ws[k - 1].end
            break
        if k > j and _gap_has(text, ws[k - 1].end, word.start, "،,;؛"):
            commas += 1
            if not (appositive and commas == 1) and not adverbial:
                break  # a new clause: the verb's content started right after the speaker
        if word.norm in _LEXICON.complementizers:
            opener = word.end
            break
    opened = opener is not None
    if opener is None:
        opener = ws[j].start if j < len(ws) and j < stop else (ws[j - 1].end if j else 0)
    end = ws[stop].start if stop < len(ws) else limit
    for k in range(j + 1, min(stop, len(ws))):
        if ws[k].start > opener and _source_set_off(ws, k, text):
            end = ws[k - 1].end  # … للإسلام، حسبما أفاد مدعون: the source is not what was said
            break
    return opener, max(opener, end), opened


def _past_times(text: str, ws: list[Word], start: int, end: int) -> int:
    """Where content read right after its speaker begins once the days and times that open it
    are passed (أعلنت السلطات، الثلاثاء، ارتفاع …: the claim is ارتفاع …)."""
    at = bisect.bisect_left(ws, start, key=lambda w: w.start)
    k = at
    while k + 1 < len(ws) and ws[k + 1].start < end and ws[k].norm in _LEADING_TIMES:
        k += 1
    if k == at:
        return start
    return ws[k].start - (1 if text[ws[k].start - 1 : ws[k].start] == "#" else 0)


def _closes_after(text: str, ws: list[Word], n: int) -> bool:
    """Whether a quote closes right after ``ws[n]``."""
    after = ws[n + 1].start if n + 1 < len(ws) else ws[n].end + 1
    return _gap_has(text, ws[n].end, after, _QUOTE_CLOSE)


def _source_set_off(ws: list[Word], k: int, text: str) -> bool:
    """Whether ``ws[k]`` is a source cue set off by a comma (… ، حسبما / وفق ما …)."""
    norm = _unclitic(ws[k].norm)
    return (norm in _SOURCE_CUES or ws[k].norm in _SOURCE_CUES) and _gap_has(
        text, ws[k - 1].end, ws[k].start, "،,"
    )


def _short_quote(text: str, ws: list[Word], k: int, stop: int) -> bool:
    """Whether the quote opening before ``ws[k]`` closes within MAX_QUOTED_NAME_WORDS words."""
    for n in range(k, min(stop, k + MAX_QUOTED_NAME_WORDS)):
        after = ws[n + 1].start if n + 1 < len(ws) else ws[n].end + 1
        if _gap_has(text, ws[n].end, after, _QUOTE_CLOSE):
            return True
    return False


def _quoted_name(text: str, ws: list[Word], k: int, stop: int) -> int:
    """Index of the أن / إن that follows a short quoted stretch opening before ``ws[k]``
    (… "البنتاغون" أن …، مراسلة "العربية" نقلا عن البنتاغون أن …), or -1: then the quote is
    a name in the speaker phrase, not the start of what was said."""
    if _gap_has(text, ws[k - 1].end, ws[k].start, ":"):
        return -1
    for n in range(k, min(stop, k + MAX_QUOTED_NAME_WORDS)):
        closes = n + 1 < len(ws) and _gap_has(text, ws[n].end, ws[n + 1].start, _QUOTE_CLOSE)
        if closes:
            for m in range(n + 1, min(stop, n + 1 + MAX_QUOTED_NAME_WORDS + 1)):
                if ws[m].norm in _LEXICON.complementizers:
                    return m
                if m > n + 1 and _gap_has(
                    text, ws[m - 1].end, ws[m].start, _CLAUSE_PUNCT + _QUOTE_OPEN
                ):
                    break
            return -1
    return -1


def _clean_content(raw: str) -> tuple[str, bool]:
    """Trim punctuation around the content; tell whether it is a direct quote."""
    content = raw.strip().strip(_CLAUSE_PUNCT + " ").strip()
    content = content.rstrip(".،,؛; ").strip()
    direct = False
    if content[:1] in _QUOTE_OPEN:
        close = max(content.rfind(q) for q in _QUOTE_CLOSE)
        # A quote that closes early ("العدوان" الذي نفذته …) names a word, not the statement.
        if close > 0 and len(content[close + 1 :].split()) <= MAX_QUOTE_TAIL_WORDS:
            content = content[1:close]
            direct = True
    elif content[-1:] in _QUOTE_CLOSE and any(q in content for q in _QUOTE_OPEN):
        direct = True
    return content.strip(), direct


def _without_dangling_tail(content: str) -> str:
    """The content without a next clause's opening that the following verb cut short (… على
    منشآت الطاقة، لكنه | اتهم …; … حول سبل التسوية، وإن موسكو | تعتبر …): after its last comma,
    a clause opener and at most MAX_DANGLING_TAIL_WORDS words in all."""
    head, comma, tail = max((content.rpartition(c) for c in "،,"), key=lambda parts: len(parts[0]))
    words = tail.split()
    dangling = bool(comma and head.strip() and words) and len(words) <= MAX_DANGLING_TAIL_WORDS
    if dangling and normalize(words[0]) in _LEXICON.tail_openers:
        return head.rstrip(" ،,")
    return content


def _has_qad_hedge(ws: list[Word]) -> bool:
    """True when قد stands before a present-tense verb (قد يؤدي), which hedges."""
    return any(
        HEDGE_QAD in (a.norm, _unclitic(a.norm))
        and b.norm[:1] in PRESENT_PREFIXES
        and len(b.norm) >= 3
        for a, b in itertools.pairwise(ws)
    )


def _voice_stance(norm_sentence: str, ws: list[Word], sentence: str) -> Stance:
    """Stance of a sentence that no speaker is given for (the outlet's own voice)."""
    if contains_any_phrase(norm_sentence, UNCONFIRMED_SENTENCE_CUES):
        return "unconfirmed"
    if contains_any_phrase(norm_sentence, DENIAL_CUES):
        if contains_any_phrase(norm_sentence, CONFIRMATION_NOUNS):
            return "unconfirmed"  # تأكيد سوري ونفي أميركي: the outlet sets one against the other
        return "denied"
    if sentence.rstrip(' ."”»').endswith(QUESTION_MARKS):
        return "questioned"
    if contains_any_phrase(norm_sentence, REPORT_CUES):
        return "reported"
    if contains_any_phrase(norm_sentence, HEDGE_CUES) or _has_qad_hedge(ws):
        return "hedged"
    return "asserted"


def _statement_stance(
    lemma: str | None, participle_norm: str | None, speaker: _Speaker | None, norm_sentence: str
) -> Stance:
    """Stance of a statement introduced by a reporting verb."""
    if lemma in DENIAL_LEMMAS or (
        participle_norm is not None
        and participle_norm in {normalize(p) for p in DENIAL_PARTICIPLES}
    ):
        return "denied"
    if lemma in DOUBT_LEMMAS or contains_any_phrase(norm_sentence, UNCONFIRMED_SENTENCE_CUES):
        return "unconfirmed"
    if speaker is None or speaker.anonymous:
        return "reported"
    return "attributed"


def _report_content(text: str, ws: list[Word], start: int, end: int) -> str:
    """Content of a report sentence: the clause after إلى أن / أن when there is one."""
    for word in ws:
        if word.norm in _LEXICON.complementizers:
            return text[word.end : end]
    return text[start:end]


def extract_statements(
    article: Article,
    mentions: Sequence[Mention],
    sentences: Sequence[tuple[int, int]] | None = None,
) -> tuple[Statement, ...]:
    """Find the attributed, reported and own-voice statements of one article's body
    (``sentences``: its sentence spans when already split, as the annotator has them)."""
    text = article.text
    out: list[Statement] = []
    previous_speaker: _Speaker | None = None
    body = sorted((m for m in mentions if not m.in_title), key=lambda m: m.start)
    body_starts = [m.start for m in body]
    spans = list(split_sentences(text) if sentences is None else sentences)
    taken = -1  # end of a sentence that only named the source of the one before it
    for n, (s_start, s_end) in enumerate(spans):
        if s_end <= taken:
            continue
        sentence = text[s_start:s_end]
        ws = words(sentence, s_start)
        if not ws:
            continue
        norm_sentence = norm_text(sentence)
        # Every look-up of a sentence's statements stays inside the sentence: hand it only the
        # sentence's mentions, so the work per sentence does not grow with the article.
        in_sentence = body[
            bisect.bisect_left(body_starts, s_start) : bisect.bisect_left(body_starts, s_end)
        ]
        found = _sentence_statements(
            text, ws, s_start, s_end, sentence, norm_sentence, in_sentence, previous_speaker
        )
        if found:
            out.extend(_own_clause_before(text, ws, s_start, s_end, sentence, found[0][0]))
            out.extend(stmt for stmt, _ in found)
            last = found[-1][1]
            if last is not None:
                previous_speaker = last
            continue
        if len(ws) < MIN_ASSERTED_WORDS:
            continue
        stance = _voice_stance(norm_sentence, ws, sentence)
        content = sentence
        sourced = stance in ("asserted", "hedged", "reported")
        source = _trailing_source(text, ws, in_sentence) if sourced else None
        if source is None and sourced and n + 1 < len(spans):
            source = _source_sentence(text, ws, spans[n + 1], body, body_starts)
            if source is not None:
                taken = spans[n + 1][1]
        if source is not None:
            content = text[s_start : source[1]]
            stance = "reported" if source[0].anonymous else "attributed"
        elif stance in ("reported", "unconfirmed"):
            content = _report_content(text, ws, s_start, s_end)
        said = None
        if source is None and stance == "asserted":
            said = _subjects_saying(text, ws, s_start, s_end, sentence, in_sentence)
            if said is not None:
                content = text[s_start : said[0]]
        content, direct = _clean_content(content)
        out.append(
            Statement(
                text=sentence,
                content=content or sentence,
                start=s_start,
                end=s_end,
                stance=stance,
                speaker=source[0].text if source else None,
                speaker_entity=_entity_of(source[0], in_sentence) if source else None,
                direct=direct,
            )
        )
        if said is not None:
            out.append(said[1])
    return tuple(out)


def _subjects_saying(
    text: str,
    ws: list[Word],
    s_start: int,
    s_end: int,
    sentence: str,
    mentions: Sequence[Mention],
) -> tuple[int, Statement] | None:
    """What the subject of a sentence in the outlet's voice says in a noun of saying linked to
    it (قررت الحكومة البريطانية طرد 23 دبلوماسيا، إثر اتهامها للحكومة الروسية بمحاولة …):
    where the outlet's own clause ends, and the subject's statement; None when the sentence
    holds no such noun or names no subject before it."""
    for k in range(MIN_ASSERTED_WORDS, len(ws) - 1):
        if _unclitic(ws[k - 1].norm) not in _SAYING_LINKS:
            continue
        norm = ws[k].norm
        ending = next((e for e in _POSSESSIVES if norm.endswith(e)), None)
        if ending is None or norm[: -len(ending)] not in _SAYING_NOUNS:
            continue
        opening = _after_dateline(text, ws, s_start)
        subject = _first_named(text, mentions, ws[opening].start, ws[k - 1].start)
        if subject is None:
            return None
        content, direct = _clean_content(text[ws[k].start : s_end])
        stance: Stance = "denied" if norm.startswith("نفي") else "attributed"
        statement = Statement(
            text=sentence,
            content=content,
            start=s_start,
            end=s_end,
            stance=stance,
            speaker=subject.text,
            speaker_entity=_entity_of(subject, mentions),
            verb=ws[k].text,
            direct=direct,
        )
        return ws[k - 1].start, statement
    return None


def _trailing_source(
    text: str, ws: list[Word], mentions: Sequence[Mention]
) -> tuple[_Speaker, int] | None:
    """The source a sentence names at its end (… حسب مسؤولين فلسطينيين، … وفقا لوكالة وفا) and
    where the sentence's own clause ends, or None."""
    first = max(1, len(ws) - MAX_TRAILING_SOURCE_WORDS - 1)
    for k in range(MIN_ASSERTED_WORDS, len(ws) - 1):
        if ws[k].norm not in _SOURCE_CUES and _unclitic(ws[k].norm) not in _SOURCE_CUES:
            continue
        if k < first and not _gap_has(text, ws[k - 1].end, ws[k].start, "،,"):
            continue  # inside the sentence only a cue set off by a comma names its source
        end = next(
            (
                n
                for n in range(k + 1, len(ws))
                if _gap_has(text, ws[n - 1].end, ws[n].start, _CLAUSE_PUNCT)
            ),
            len(ws),
        )
        rest = ws[k + 1 : end]
        while rest and rest[-1].norm in _LEXICON.speaker_stops:
            rest = rest[:-1]  # … بشار الجعفري الثلاثاء: the day is no source
        after_ma = ws[k].norm.endswith("ما")  # حسبما أفاد …
        if rest and rest[0].norm in ("ما", "لما"):  # حسب ما أفادت به مصادر …
            rest, after_ma = rest[1:], True
        if rest and after_ma:
            rest = rest[1:]  # the verb after ما (حسبما أفاد التلفزيون …)
            if rest and rest[0].norm in ("به", "عنه", "عنها"):
                rest = rest[1:]
        links = [n for n, w in enumerate(rest) if w.norm == "عن"]
        if links:  # حسبما نقلت وسائل الإعلام عن النائب العام: the one quoted
            rest = rest[links[-1] + 1 :]
        people = [m for m in mentions if m.type == "PER" and rest and m.start >= rest[0].start]
        cut = next(
            (
                n
                for n in range(1, len(rest))
                if rest[n].norm in _LEXICON.speaker_stops
                and not (
                    rest[n].norm in _LEXICON.links
                    and any(rest[n].end <= m.start < rest[-1].end for m in people)
                )
            ),
            0,
        )
        if cut:
            rest = rest[:cut]  # حسبما أعلن الحرس الثوري على الإنترنت: where, not who
        if (
            not rest
            or len(rest) > MAX_TRAILING_SOURCE_WORDS
            or any(ch.isdigit() for w in rest for ch in w.text)
        ):
            continue
        if len(rest) > 1 and rest[0].norm in _STATEMENT_NOUNS and rest[1].text[:1] == "ل":
            rest = rest[1:]  # بحسب بيان للقيادة المركزية: the command issued it
        elif not rest[0].text.startswith("ل") or not (
            ws[k].norm in _SOURCE_WITH_LAM or _unclitic(ws[k].norm) in _SOURCE_WITH_LAM
        ):
            speaker = _speaker_from(text, rest[0].start, rest[-1].end, rest[0], mentions)
            return speaker, ws[k - 1].end
        # وفقا للمرصد السوري، بيان للقيادة: the source is named without its ل
        speaker = _speaker_from(text, rest[0].start, rest[-1].end, rest[0], mentions)
        first = rest[0].text
        bare = "ا" + first[1:] if first.startswith("لل") else first[1:]
        return replace(speaker, text=bare + text[rest[0].end : rest[-1].end]), ws[k - 1].end
    return None


def _sentence_statements(
    text: str,
    ws: list[Word],
    s_start: int,
    s_end: int,
    sentence: str,
    norm_sentence: str,
    mentions: Sequence[Mention],
    previous_speaker: _Speaker | None,
    headline: bool = False,
) -> list[tuple[Statement, _Speaker | None]]:
    """Statements introduced by reporting verbs and participles in one sentence (a
    ``headline`` opens with its subject: مصادر تكشف …)."""
    cues: list[tuple[int, str | None, bool]] = []  # (word index, lemma, is participle)
    antecedents: dict[int, _Speaker] = {}  # cue index -> the body a relative clause is about
    for i, word in enumerate(ws):
        if i > 0 and ws[i - 1].norm in _RELATIVES:
            # التقارير التي أفادت بأنها …: inside what is said, unless a body or person it is
            # about says it (وكالة الأنباء السورية الرسمية التي قالت … إن …)
            named = _antecedent(text, ws, i - 1, mentions)
            if named is None or _verb_lemma(word) is None or not _opens_soon(ws, i):
                continue
            antecedents[i] = named
        lemma = _verb_lemma(word)
        if lemma is None and word.norm in _CHARGE_FORMS:
            lemma = _charge_lemma(ws, i)
        if lemma is not None and (_after_source_cue(ws, i) or _impersonal(ws, i)):
            continue  # … حسبما أعلن الحرس الثوري: the sentence's source; يذكر أن: the outlet's
        if lemma is not None:
            cues.append((i, lemma, False))
        elif (
            _is_participle(word) and i > 0 and ws[i - 1].norm not in _LEXICON.not_participle_before
        ):
            cues.append((i, None, True))
    cues = [
        c for c in cues if c[2] or c[0] in antecedents or not _said_inside(text, ws, c[0], cues)
    ]
    if not cues:
        return []
    results: list[tuple[Statement, _Speaker | None]] = []
    sentence_speaker: _Speaker | None = None
    relayed = False
    lead = _lead_source(text, ws, cues[0][0], mentions, s_start, sentence)
    if lead is not None:
        results.append(lead)
    # Index of the first word that is not a connective (و، ثم …): a verb at or before it opens
    # the sentence.
    opening = _after_dateline(text, ws, s_start)
    opening = next((k for k, w in enumerate(ws) if k >= opening and not _is_connective(w)), len(ws))
    for n, (i, lemma, participle) in enumerate(cues):
        stop = cues[n + 1][0] if n + 1 < len(cues) else len(ws)
        if stop < len(ws) and stop - 1 > i and ws[stop - 1].norm in _LEXICON.verb_negators:
            stop -= 1  # …، ولم يعلن الجانب الآخر …: the next clause opens on its negation
        if i > 0 and ws[i - 1].norm in _LEXICON.verb_negators:
            continue  # لم يعلن أي من الطرفين موعدا: nothing was said; the clause still ends here
        speaker: _Speaker | None
        if participle:
            speaker = (
                _relative_subject(text, ws, i, mentions, cues[n - 1][0] if n else -1)
                or (antecedents.get(cues[n - 1][0]) if n else None)  # حماس التي دانت … قائلة
                or sentence_speaker
                or (lead[1] if lead is not None else None)
                or _first_named(text, mentions, s_start, ws[i].start)
            )
            j = i + 1
        else:
            subject = _headline_subject(text, ws, i, mentions) if headline else None
            initial = i <= opening
            speaker, j = _speaker_after(text, ws, i, stop, mentions, initial)
            conjoined = ws[i].norm != _unclitic(ws[i].norm)
            if i in antecedents:
                speaker, j = antecedents[i], i + 1
            elif subject is None and (initial or conjoined) and lemma not in RELAY_LEMMAS:
                # the object of a verb that opens its clause follows its subject (حذر ترامب
                # الحكومة السورية …، اتهمت … روسيا بتقويض …)
                speaker, j = _accuser(text, ws, i, stop, mentions, speaker, j)
            if lemma in RELAY_LEMMAS:
                source = _relayed_source(text, ws, i, stop, mentions)
                if source is None:
                    continue  # نقل without a source named after عن moves things, not words
                speaker, j = source
                relayed = True  # … بيانا عن النائب العام، قال فيه إن: قال is the source's
            elif subject is not None:
                speaker = subject
                j = i + 1
            elif initial and speaker is not None and not speaker.named:
                longer = _titled_speaker(text, ws, i, stop, mentions)
                if longer is not None and longer[0].end > speaker.end:
                    speaker, j = longer
            if speaker is None:
                speaker = _speaker_before(text, ws, i, 0, mentions)
            if speaker is None and initial and not _bare_verb(text, ws, i, stop):
                speaker, j = _subject_before_opener(text, ws, i, stop, mentions, j)
            if (
                speaker is None
                and (initial or ws[i].norm != _unclitic(ws[i].norm) or relayed)
                and (_bare_verb(text, ws, i, stop))
            ):
                # وقال إن … / وأضاف في بيان: … continue the previous speaker; a verb joined to
                # a clause of the sentence (وجه ترامب انتقادات …، وقال إن …) the sentence's
                # subject.
                speaker = sentence_speaker
                if speaker is None and not initial:
                    speaker = _first_named(text, mentions, s_start, ws[i].start)
                speaker = speaker or previous_speaker
        if speaker is None and not participle and i > 0 and lemma not in SPEAKERLESS_LEMMAS:
            # A verb inside a clause with no reachable speaker: not a reporting use (… التي أعلن).
            continue
        appositive = (
            speaker is not None
            and not participle
            and j < len(ws)
            and speaker.end <= ws[j].start
            and _gap_has(text, speaker.end, ws[j].start, "،,")
        )
        if appositive and speaker is not None:
            speaker, j = _with_apposition(text, ws, speaker, j, stop, mentions)
        if lemma in NAMING_LEMMAS and not any(w.norm.startswith("ب") for w in ws[j:stop]):
            continue  # نعت without بـ: mourned, not described
        reach = 0 if lemma in OBJECT_LEMMAS else MAX_COMPLEMENTIZER_GAP
        start, end, opened = _content_span(text, ws, j, stop, s_end, appositive, reach)
        if not opened:
            start = _past_times(text, ws, start, end)
        if (
            lemma in OPENER_ONLY_LEMMAS
            and not opened
            and not (j < stop and _unclitic(ws[j].norm) in _LEXICON.doubt_nouns)
        ):
            continue  # رفضت المحكمة الطعن: an act, not an answer to a claim
        content, direct = _clean_content(text[start:end])
        content = _without_dangling_tail(content)
        first, _, remainder = content.partition(" ")
        if normalize(first) in _OBJECT_PREPOSITIONS and remainder:
            content = remainder.strip()  # أعلنت X عن استهدافهما …: the claim is the noun phrase
        if speaker is not None and not participle:
            sentence_speaker = speaker
        short = len(content.split()) == 1
        if short and headline and lemma in ACCUSATION_LEMMAS and speaker is not None:
            # السلطة تتهم حماس: the accusation is the whole clause, however short its object
            content = _clean_content(text[min(speaker.start, ws[i].start) : end])[0]
        if len(content.split()) < 2:
            continue
        participle_norm = _unclitic(ws[i].norm) if participle else None
        stance = _statement_stance(lemma, participle_norm, speaker, norm_sentence)
        if speaker is not None and _own_reporter(speaker):
            # أفاد مراسلنا في اليمن بمقتل …: the outlet's own correspondent is its own voice
            speaker, stance = None, _voice_stance(norm_text(content), words(content), content)
        if stance in ("attributed", "reported") and calls_baseless(content):
            stance = "denied"
        results.append(
            (
                Statement(
                    text=sentence,
                    content=content,
                    start=s_start,
                    end=s_end,
                    stance=stance,
                    speaker=speaker.text if speaker else None,
                    speaker_entity=_entity_of(speaker, mentions),
                    verb=ws[i].text,
                    direct=direct,
                ),
                speaker,
            )
        )
    return results


def _own_clause_before(
    text: str, ws: list[Word], s_start: int, s_end: int, sentence: str, first: Statement
) -> tuple[Statement, ...]:
    """The outlet's own clause before a sentence's first reporting verb when that verb is joined
    to it after a comma (شن الرئيس هجوما على السفير …، ونعت …، واعتقلت الشرطة ثلاثة، مؤكدة
    أن …): a statement in the outlet's voice; nothing when the verb opens the sentence."""
    at = next((n for n, w in enumerate(ws) if w.text == first.verb), None)
    if at is None or not (ws[at].norm != _unclitic(ws[at].norm) or _is_participle(ws[at])):
        return ()
    if not _gap_has(text, ws[at - 1].end, ws[at].start, "،,"):
        return ()
    opening = _after_dateline(text, ws, s_start)
    if at - opening < MIN_ASSERTED_WORDS or first.start != s_start:
        return ()
    content, direct = _clean_content(text[ws[opening].start : ws[at - 1].end])
    stance = _voice_stance(norm_text(content), ws[opening:at], content)
    return (Statement(sentence, content, s_start, s_end, stance, direct=direct),)


def _source_sentence(
    text: str,
    ws: list[Word],
    span: tuple[int, int],
    body: Sequence[Mention],
    body_starts: list[int],
) -> tuple[_Speaker, int] | None:
    """The source of the sentence ``ws`` named alone in the next sentence ``span`` (… إلى أراض
    خاضعة لسيطرة الجيش. وفقا للمرصد السوري لحقوق الإنسان.), or None when that sentence says
    more than a source."""
    opener = normalize(text[span[0] : span[1]].split(maxsplit=1)[0])
    if opener not in _SOURCE_CUES and _unclitic(opener) not in _SOURCE_CUES:
        return None  # checked before the sentence is cut into words: most sentences stop here
    nxt = words(text[span[0] : span[1]], span[0])
    if not nxt or len(nxt) > MAX_TRAILING_SOURCE_WORDS + 2:
        return None
    if _gap_has(text, nxt[0].start, nxt[-1].end, _CLAUSE_PUNCT):
        return None  # وفقا للمرصد، قتل …: a source opening a sentence of its own
    both = body[
        bisect.bisect_left(body_starts, ws[0].start) : bisect.bisect_left(body_starts, span[1])
    ]
    found = _trailing_source(text, [*ws, *nxt], both)
    if found is None or found[1] != ws[-1].end:
        return None
    return found


def _said_inside(
    text: str, ws: list[Word], i: int, cues: list[tuple[int, str | None, bool]]
) -> bool:
    """Whether the present-tense verb at ``ws[i]`` is the verb of a clause another reporting verb
    opened (قال X إن روسيا تعتبر موقف بريطانيا …): its subject stands between the أن / إن and
    it, so the whole clause is what the first speaker said."""
    if ws[i].norm != _unclitic(ws[i].norm) or ws[i].norm[:1] not in ("ي", "ت"):
        return False
    for c in range(i - 2, max(-1, i - 2 - MAX_SVO_SUBJECT_WORDS), -1):
        if _gap_has(text, ws[c].end, ws[c + 1].start, _CLAUSE_PUNCT + _QUOTE_OPEN):
            return False
        if ws[c].norm in _LEXICON.complementizers:
            return any(k < c and not participle for k, _, participle in cues)
    return False


def _own_reporter(speaker: _Speaker) -> bool:
    """Whether the speaker is the outlet's own correspondent (مراسلنا، موفدتنا …)."""
    first = normalize((speaker.text or "").split(maxsplit=1)[0]) if speaker.text else ""
    return first in _OWN_REPORTERS or _unclitic(first) in _OWN_REPORTERS


def _is_head(word: Word) -> bool:
    """Whether ``word`` (with or without و / ف) can open a speaker phrase (وزير، وكالة)."""
    return word.norm in _LEXICON.speaker_heads or _unclitic(word.norm) in _LEXICON.speaker_heads


def _after_source_cue(ws: list[Word], i: int) -> bool:
    """Whether the verb at ``ws[i]`` follows حسبما / وفق ما / بحسب ما (… حسبما أعلن X): it names
    the source of the clause before, which the trailing-source reader takes."""
    if i == 0:
        return False
    before = ws[i - 1].norm
    if before in _SOURCE_CUES or _unclitic(before) in _SOURCE_CUES:
        return before.endswith("ما")
    return (
        before in ("ما", "لما")
        and i > 1
        and (ws[i - 2].norm in _SOURCE_CUES or _unclitic(ws[i - 2].norm) in _SOURCE_CUES)
    )


def _impersonal(ws: list[Word], i: int) -> bool:
    """Whether the verb at ``ws[i]`` is the impersonal يذكر أن that opens a sentence (it is
    worth recalling that …): what follows is the outlet's own background."""
    return (
        i <= 1
        and _unclitic(ws[i].norm) in _IMPERSONAL
        and (i == 0 or _is_connective(ws[0]))
        and i + 1 < len(ws)
        and ws[i + 1].norm in _LEXICON.complementizers
    )


def _opens_soon(ws: list[Word], i: int) -> bool:
    """Whether an أن / إن opens what is said within MAX_COMPLEMENTIZER_GAP words of ``ws[i]``."""
    return any(
        w.norm in _LEXICON.complementizers for w in ws[i + 1 : i + 1 + MAX_COMPLEMENTIZER_GAP]
    )


def _antecedent(text: str, ws: list[Word], r: int, mentions: Sequence[Mention]) -> _Speaker | None:
    """The person or body a relative pronoun at ``ws[r]`` refers back to: a name ending right
    before it (حركة حماس التي), or a speaker title and the definite words after it (وكالة
    الأنباء السورية الرسمية التي); None for anything else (التقارير التي)."""
    if r == 0:
        return None
    before = ws[r - 1]
    named = next(
        (
            m
            for m in mentions
            if m.type in ("PER", "ORG") and m.start <= before.start and m.end >= before.end - 1
        ),
        None,
    )
    if named is not None:
        first = next(k for k in range(r) if ws[k].end > named.start)
        if first > 0 and _is_head(ws[first - 1]):
            first -= 1  # حركة حماس
        return _speaker_from(text, ws[first].start, before.end, ws[first], mentions)
    head = None
    for k in range(r - 1, max(-1, r - 1 - MAX_UNNAMED_SPEAKER_WORDS), -1):
        if _gap_has(text, ws[k].end, ws[k + 1].start, _CLAUSE_PUNCT + _QUOTE_OPEN + _QUOTE_CLOSE):
            break
        if _is_head(ws[k]):
            head = k
        if not ws[k].norm.startswith("ال"):
            break
    if head is None:
        return None
    return _Speaker(text[ws[head].start : before.end], ws[head].start, before.end, False, False)


_AGREEMENT = types.MappingProxyType({"التي": ("ه",), "الذي": ("ا",), "الذين": ("ين",)})
"""Endings of a participle that agrees with a relative pronoun (التي … قائلة، الذي … قائلا)."""


def _relative_subject(
    text: str, ws: list[Word], i: int, mentions: Sequence[Mention], after: int
) -> _Speaker | None:
    """The body or person a relative clause before the participle at ``ws[i]`` is about, when
    the participle agrees with its pronoun (… لحركة حماس التي دانت الواقعة قائلة إن …: حماس
    says it); the pronoun stands after the word index ``after`` and within
    MAX_SVO_SUBJECT_WORDS words."""
    for r in range(i - 1, max(after, i - 1 - MAX_SVO_SUBJECT_WORDS), -1):
        if _gap_has(text, ws[r].end, ws[r + 1].start, _CLAUSE_PUNCT + ".!?؟"):
            return None
        endings = _AGREEMENT.get(ws[r].norm)
        if ws[r].norm in _RELATIVES:
            if endings is not None and not _unclitic(ws[i].norm).endswith(endings):
                return None
            return _antecedent(text, ws, r, mentions)
    return None


def _accuser(
    text: str,
    ws: list[Word],
    i: int,
    stop: int,
    mentions: Sequence[Mention],
    speaker: _Speaker | None,
    j: int,
) -> tuple[_Speaker | None, int]:
    """The subject of an accusation verb at ``ws[i]`` that opens its clause, and the index where
    the accused begins. The accused of اتهم is the name just before the charge with بـ (اتهمت
    وفود الدول الغربية … في لاهاي روسيا بتقويض …): everything between the verb and it
    accuses. Without such a charge, a speaker read after the verb ends before a second body or
    person it runs into (حملت الرئاسة الفلسطينية حركة حماس، …)."""
    reach = i + 2 + MAX_ACCUSER_WORDS if _verb_lemma(ws[i]) == "اتهم" else i + 2
    for n in range(i + 2, min(stop, reach)):
        if _gap_has(text, ws[n - 1].end, ws[n].start, _CLAUSE_PUNCT + _QUOTE_OPEN):
            break
        norm = ws[n].norm
        if (
            not norm.startswith("ب")
            or norm in _LEXICON.speaker_stops
            or any(m.start <= ws[n].start < m.end for m in mentions)
        ):
            continue
        accused = next((m for m in mentions if m.start <= ws[n - 1].start < m.end), None)
        if accused is None:
            break
        first = next(k for k in range(i + 1, n) if ws[k].end >= accused.start)
        if first <= i + 1:
            break
        head = ws[i + 1]
        return _speaker_from(text, head.start, ws[first - 1].end, head, mentions), first
    if speaker is None:
        return speaker, j
    named = sorted(
        (m for m in _mentions_in(mentions, speaker.start, speaker.end) if m.type in ("PER", "ORG")),
        key=lambda m: m.start,
    )
    if len(named) < 2:
        return speaker, j
    one, two = named[0], named[1]
    between = [w for w in ws[i + 1 : stop] if one.end <= w.start and w.end <= two.start]
    if any(w.norm in _LEXICON.links for w in between) or (one.type, two.type) == ("ORG", "PER"):
        return speaker, j  # المتحدث باسم الكرملين دميتري بيسكوف: one speaker
    last = next(k for k in range(i + 1, stop) if ws[k].end >= one.end - 1)
    head = ws[i + 1]
    return _speaker_from(text, speaker.start, ws[last].end, head, mentions), last + 1


def _lead_source(
    text: str,
    ws: list[Word],
    first_cue: int,
    mentions: Sequence[Mention],
    s_start: int,
    sentence: str,
) -> tuple[Statement, _Speaker] | None:
    """The clause before a source set off by commas ahead of the sentence's first reporting cue
    (سيزور خبراء … دوما، وفقا لما ذكره مصدر عسكري روسي، مستنكرا …), as that source's
    statement, with the source; None when the sentence does not open so."""
    if first_cue < MIN_ASSERTED_WORDS:
        return None
    found = _trailing_source(text, ws[:first_cue], mentions)
    if found is None:
        return None
    source, clause_end = found
    content, direct = _clean_content(text[s_start:clause_end])
    stance: Stance = "reported" if source.anonymous else "attributed"
    statement = Statement(
        text=sentence,
        content=content,
        start=s_start,
        end=s_start + len(sentence),
        stance=stance,
        speaker=source.text,
        speaker_entity=_entity_of(source, mentions),
        direct=direct,
    )
    return statement, source


def _after_dateline(text: str, ws: list[Word], s_start: int) -> int:
    """Index of the first word after an agency dateline that opens the sentence, else 0."""
    head = text[s_start : s_start + MAX_DATELINE_CHARS]
    ends = [head.find(d) + len(d) for d in DATELINE_ENDS if d in head]
    if not ends:
        return 0
    cut = s_start + min(ends)
    return next((k for k, w in enumerate(ws) if w.start >= cut), 0)


def _with_apposition(
    text: str, ws: list[Word], speaker: _Speaker, j: int, stop: int, mentions: Sequence[Mention]
) -> tuple[_Speaker, int]:
    """Extend a speaker title by the name set between commas after it (وزير الدفاع الأمريكي،
    جيمس ماتيس، …) and move the content start past it."""
    people = [m for m in mentions if m.type == "PER" and not m.in_title]
    k = j
    while k < stop and k - j < MAX_APPOSITION_WORDS:
        if k > j and _gap_has(text, ws[k - 1].end, ws[k].start, _CLAUSE_PUNCT + _QUOTE_OPEN):
            break
        k += 1
    if k == j or k >= stop or not _gap_has(text, ws[k - 1].end, ws[k].start, "،,"):
        # no closing comma (مندوبة الولايات المتحدة، نيكي هيلي في جلسة …): the name the
        # tagger found at the stretch's start is the apposition
        at = next((m for m in people if abs(m.start - ws[j].start) <= 1), None)
        if at is None:
            return speaker, j
        k = next((n for n in range(j, stop) if ws[n].end >= at.end - 1), stop - 1) + 1
        if k >= stop:
            return speaker, j
    name_start, name_end = ws[j].start, ws[k - 1].end
    if not any(
        (m.start <= name_start + 1 and m.end >= name_end - 1)
        or (m.end >= name_end - 1 and m.start >= name_start and _titles_only(ws, j, m.start))
        for m in people
    ):
        return speaker, j
    extended = _Speaker(
        text[speaker.start : name_end], speaker.start, name_end, speaker.anonymous, True
    )
    return extended, k


def _titles_only(ws: list[Word], j: int, name_start: int) -> bool:
    """Whether the words from ``ws[j]`` up to ``name_start`` are honorifics or ranks (الدكتور،
    العقيد تركي المالكي): the name the tagger found is the whole apposition."""
    before = [w for w in ws[j:] if w.end <= name_start]
    return 0 < len(before) <= MAX_HONORIFIC_WORDS and all(
        _unclitic(w.norm) in _LEXICON.honorifics for w in before
    )


def _bare_verb(text: str, ws: list[Word], i: int, stop: int) -> bool:
    """True when nothing names a subject right after the verb (وقال إن …، وأضاف في بيانه: …)."""
    if i + 1 >= stop:
        return True
    nxt = ws[i + 1]
    return (
        nxt.norm in _LEXICON.complementizers
        or nxt.norm in _LEXICON.speaker_stops
        or _gap_has(text, ws[i].end, nxt.start, ":" + _QUOTE_OPEN)
    )


def _relayed_source(
    text: str, ws: list[Word], i: int, stop: int, mentions: Sequence[Mention]
) -> tuple[_Speaker, int] | None:
    """The source a relay verb at ``ws[i]`` names after عن (نقلت رويترز عن مصدر مطلع …) and the
    index after it, or None when it names none within reach."""
    reach = min(stop, i + 1 + MAX_SPEAKER_TOKENS + RELAY_SOURCE_REACH)
    at = next((k for k in range(i + 1, reach) if ws[k].norm == "عن"), None)
    if at is None:
        return None
    source, j = _speaker_after(text, ws, at, stop, mentions)
    return (source, j) if source is not None else None


def _titled_speaker(
    text: str, ws: list[Word], i: int, stop: int, mentions: Sequence[Mention]
) -> tuple[_Speaker, int] | None:
    """A speaker's title and the name set between commas after it, up to the أن that follows
    a comma (أعلن القائد العام لجبهة الساحل الغربي، أبو زرعة المحرمي، الثلاثاء، أن …), and
    the opener's index; None when the sentence is not so built. A stretch between commas is
    part of the speaker when it names a person, or is short and opens with neither a stop word
    (خلال، الثلاثاء) nor a prefixed preposition (بإسناد من …)."""
    _, k = _subject_before_opener(text, ws, i, stop, mentions, i + 1, MAX_OPENER_SPEAKER_WORDS)
    if k <= i + 1 or not _gap_has(text, ws[k - 1].end, ws[k].start, "،,"):
        return None
    segments: list[list[Word]] = [[ws[i + 1]]]
    for n in range(i + 2, k):
        if _gap_has(text, ws[n - 1].end, ws[n].start, "،,"):
            segments.append([])
        segments[-1].append(ws[n])
    people = [m for m in mentions if m.type == "PER" and not m.in_title]
    kept = segments[:1]
    for seg in segments[1:]:
        named = any(m.start < seg[-1].end and m.end > seg[0].start for m in people)
        opening = _unclitic(seg[0].norm)
        plain = (
            len(seg) <= MAX_APPOSITION_WORDS
            and seg[0].norm not in _LEXICON.speaker_stops
            and not (opening[:1] in ("ب", "ل") and not opening.startswith(("ال", "لل")))
        )
        if not (named or plain):
            break
        cut = _after_name(seg, people)
        kept.append(seg[:cut])
        if cut < len(seg):
            break  # نيكي هيلي في جلسة …: the name ends the speaker, the rest is where it spoke
    if len(kept) < 2:
        return None
    head = kept[0][0]
    return _speaker_from(text, head.start, kept[-1][-1].end, head, mentions), k


def _after_name(seg: list[Word], people: Sequence[Mention]) -> int:
    """Words of a comma-set stretch that make the speaker: all of them, or up to the person it
    names when a stop word follows the name (نيكي هيلي في جلسة لمجلس الأمن)."""
    for n in range(1, len(seg)):
        if seg[n].norm in _LEXICON.speaker_stops and any(
            m.start < seg[n - 1].end and m.end >= seg[n - 1].end - 1 for m in people
        ):
            return n
    return len(seg)


def _subject_before_opener(
    text: str,
    ws: list[Word],
    i: int,
    stop: int,
    mentions: Sequence[Mention],
    j: int,
    reach: int = MAX_SPEAKER_TOKENS,
) -> tuple[_Speaker | None, int]:
    """The words between a sentence-initial verb and its أن / إن / colon, as the speaker
    (أعلن منسق مكافحة الإرهاب، ناثان سيلز، أن …), when they are at most ``reach``."""
    for k in range(i + 1, min(stop, i + 1 + reach)):
        word = ws[k]
        opens = word.norm in _LEXICON.complementizers or _gap_has(
            text, ws[k - 1].end, word.start, ":" + _QUOTE_OPEN
        )
        if opens:
            if k == i + 1:
                return None, j
            head = ws[i + 1]
            last = k - 1
            while last > i + 1 and ws[last].norm in _LEXICON.speaker_stops:
                last -= 1  # مسؤولان بالإدارة الأمريكية، السبت، إن: the day is no speaker
            return _speaker_from(text, head.start, ws[last].end, head, mentions), k
    return None, j


def _first_named(text: str, mentions: Sequence[Mention], start: int, end: int) -> _Speaker | None:
    """The first person or organisation named between ``start`` and ``end``."""
    inside = [m for m in _mentions_in(mentions, start, end) if m.type in ("PER", "ORG")]
    if not inside:
        return None
    first = min(inside, key=lambda m: m.start)
    return _Speaker(text[first.start : first.end], first.start, first.end, False, True)


def _entity_of(speaker: _Speaker | None, mentions: Sequence[Mention]) -> str | None:
    """Resolved entity id of the speaker phrase, when a mention in it carries one."""
    if speaker is None:
        return None
    inside = [m for m in _mentions_in(mentions, speaker.start, speaker.end) if m.entity]
    for kind in ("PER", "ORG"):
        named = [m for m in inside if m.type == kind]
        if named:
            return max(named, key=lambda m: m.start).entity
    return None


def speaker_doubts(statement: Statement) -> bool:
    """True when a speaker's own verb doubts what the statement holds (الدول المؤيدة للاتفاق
    تشكك في اتهامات …): a difference of certainty, not a denial."""
    verb = statement.verb
    return verb is not None and _cue_of(normalize(verb))[0] in DOUBT_LEMMAS


def sets_against(sentence: str) -> bool:
    """True when ``sentence`` sets a confirmation against a denial (تأكيد سوري ونفي أميركي):
    it reports the dispute and takes neither side."""
    spaced = norm_text(sentence)
    return contains_any_phrase(spaced, DENIAL_CUES) and contains_any_phrase(
        spaced, CONFIRMATION_NOUNS
    )


def has_unconfirmed_cue(sentence: str) -> bool:
    """True when ``sentence`` says that what it reports is unconfirmed."""
    spaced = norm_text(sentence)
    return contains_any_phrase(spaced, UNCONFIRMED_SENTENCE_CUES)


def calls_baseless(content: str) -> bool:
    """True when what a speaker says calls something baseless or false (لا أساس، عارية عن
    الصحة): the statement denies what it answers."""
    spaced = norm_text(content)
    return contains_any_phrase(spaced, BASELESS_CUES)


def has_hedge_cue(sentence: str) -> bool:
    """True when ``sentence`` marks what it says as possible or believed."""
    spaced = norm_text(sentence)
    return contains_any_phrase(spaced, HEDGE_CUES) or _has_qad_hedge(words(sentence))


def _headline_subject(
    text: str, ws: list[Word], i: int, mentions: Sequence[Mention]
) -> _Speaker | None:
    """A headline's subject before its present-tense verb at ``ws[i]`` (بومبيو ينفي …، قائد
    جبهة الساحل الغربي يعلن …): the words from the headline's start, or from its last colon
    or quote before the verb, when they are 1 to MAX_TITLE_SPEAKER_WORDS words. A past-tense
    verb has its subject before it too where the words after a colon open with that subject
    (الوكالة: الوزير حذّر السفير من …: the minister warns, the ambassador is warned)."""
    if i == 0:
        return None
    k = i
    while k > 0 and not _gap_has(text, ws[k - 1].end, ws[k].start, _CLAUSE_PUNCT + _QUOTE_OPEN):
        k -= 1
    if _unclitic(ws[i].norm)[:1] not in PRESENT_PREFIXES and not _subject_after_colon(
        text, ws, k, i
    ):
        return None
    if ws[i].norm != _unclitic(ws[i].norm):
        # a conjoined verb (روسيا تستدعي السفير … وتصف …) shares the subject of the first verb,
        # however many quotes stand between them (ترامب يطالب … بـ"تسديد" مستحقات ويحذر …)
        top = k
        while top > 0 and not _gap_has(text, ws[top - 1].end, ws[top].start, ":"):
            top -= 1
        named = [m for m in mentions if m.start < ws[i].start]
        first = next(
            (
                n
                for n in range(top + 1, i)
                if _unclitic(ws[n].norm)[:1] in PRESENT_PREFIXES
                and not any(m.start <= ws[n].start < m.end for m in named)
            ),
            None,
        )
        if first is not None:
            i, k = first, first
            while k > top and not _gap_has(
                text, ws[k - 1].end, ws[k].start, _CLAUSE_PUNCT + _QUOTE_OPEN
            ):
                k -= 1
    named = _is_head(ws[k]) or any(
        m.type in ("PER", "ORG") and abs(m.start - ws[k].start) <= 1 for m in mentions
    )
    # a name or title with its description (بوغديمون زعيم الانفصاليين في كتالونيا يرى …) may
    # run as long as a speaker title before a colon
    if not 0 < i - k <= (MAX_TITLE_HEAD_SPEAKER_WORDS if named else MAX_TITLE_SPEAKER_WORDS):
        return None
    start = ws[k].start + (1 if ws[k].norm.startswith("وال") else 0)  # والسلطة → السلطة
    last = next((n - 1 for n in range(k + 1, i) if _to_whom(ws[n])), i - 1)  # مصدر لـCNN يكشف
    return _speaker_from(text, start, ws[last].end, ws[k], mentions)


def _subject_after_colon(text: str, ws: list[Word], k: int, i: int) -> bool:
    """Whether the words ``ws[k:i]`` before the past-tense verb at ``ws[i]`` follow a headline's
    colon and open with a subject (no conjunction on the verb, no particle or complementizer
    opening them: … بعد أن حذر is no subject)."""
    return (
        0 < k < i
        and _gap_has(text, ws[k - 1].end, ws[k].start, ":")
        and ws[i].norm == _unclitic(ws[i].norm)
        and not any(
            w.norm in _LEXICON.speaker_stops
            or w.norm in _LEXICON.complementizers
            or w.norm in _RELATIVES
            or w.norm in _LEXICON.verb_negators
            or _verb_lemma(w) is not None
            for w in ws[k:i]
        )
    )


def _act_before(
    title: str, ws: list[Word], first: Statement, mentions: Sequence[Mention], norm_title: str
) -> tuple[Statement, ...]:
    """The act a headline narrates before the conjoined reporting verb of its first statement
    (روسيا تستدعي السفير البريطاني وتصف …: the summons is the outlet's own report), as a
    statement in the outlet's voice; nothing when the headline opens otherwise."""
    at = next((n for n, w in enumerate(ws) if w.text == first.verb), None)
    if at is None or at < MIN_ASSERTED_WORDS - 1 or ws[at].norm == _unclitic(ws[at].norm):
        return ()
    if _gap_has(title, 0, ws[at].start, ":"):
        return ()
    named = [m for m in mentions if m.start < ws[at].start]
    if not any(
        _unclitic(w.norm)[:1] in PRESENT_PREFIXES
        and not any(m.start <= w.start < m.end for m in named)
        for w in ws[1:at]
    ):
        return ()
    content, direct = _clean_content(title[: ws[at].start])
    stance = _voice_stance(norm_text(content), ws[:at], content)
    return (Statement(title, content, 0, 0, stance, direct=direct),)


def _title_parts(title: str) -> list[tuple[int, int]]:
    """Spans of a headline's parts set apart by two or more dots (… بغزة..والسلطة تتهم حماس),
    each of at least two words; one span when it has no such parts."""
    spans: list[tuple[int, int]] = []
    at = 0
    for cut in _PART_BREAK.finditer(title):
        spans.append((at, cut.start()))
        at = cut.end()
    spans.append((at, len(title)))
    spans = [(a, b) for a, b in spans if len(title[a:b].split()) >= MIN_TITLE_PART_WORDS]
    return spans or [(0, len(title))]


def _speaks(rest: str) -> bool:
    """Whether a headline's words after a colon are someone's words: a quote, or «we» / «our»
    (لا علاقة لنا …، الأهداف الإيرانية لم تكن في قائمة ضرباتنا)."""
    if rest.strip()[:1] in _QUOTE_OPEN:
        return True
    for word in words(rest):
        norm = _unclitic(word.norm)
        if word.norm in _FIRST_PERSON or norm in _FIRST_PERSON:
            return True
        if len(norm) >= len("قواتنا") and norm.endswith(_FIRST_PERSON_ENDINGS):
            return True
    return False


def _asks(rest: str) -> bool:
    """Whether a headline's words after its colon are a question (… هل تزايدت …؟)."""
    return rest.rstrip(' ."”»').endswith(QUESTION_MARKS)


def _label_head(
    head: str, head_words: list[Word], mentions: Sequence[Mention], rest: str = ""
) -> bool:
    """Whether the words before a headline's colon label it rather than name who speaks: quoted
    ("أطفال الكهف": …), joined by a dash (بريطانيا - بريكسيت: …), a form word (فيديو: …), or
    words about a place that open with something else and name no person or body (مونديال
    روسيا: …). Unnamed words are kept as speakers: the tagger misses many groups' names."""
    if head.strip()[:1] in _QUOTE_OPEN or any(d in head for d in "-–—"):
        return True
    first = head_words[0]
    if _unclitic(first.norm) in _TITLE_LABELS or first.norm in _TITLE_LABELS:
        return True
    inside = [m for m in mentions if m.end <= len(head) + 1]
    if any(m.type in ("PER", "ORG") for m in inside) or _is_head(first):
        return False
    if first.norm in _LEXICON.anonymous or _unclitic(first.norm) in _LEXICON.anonymous:
        return False  # مسؤولان بأمريكا
    if _asks(rest):
        return True  # اليوم العالمي لحرية الصحافة: هل …؟ — the outlet asks
    places = [m for m in inside if m.type == "LOC"]
    return bool(places) and all(m.start > first.start + 1 for m in places)


def _lone_place(head: str, mentions: Sequence[Mention]) -> bool:
    """Whether the words before a headline's colon are one place and nothing else."""
    places = [m for m in mentions if m.type == "LOC" and m.end <= len(head) + 1]
    return len(places) == 1 and places[0].text.strip() == head.strip()


def title_statements(article: Article, mentions: Sequence[Mention]) -> tuple[Statement, ...]:
    """Statements of an article's headline: those its reporting verbs introduce (تركيا تنفي …),
    else «speaker: claim» when the phrase before the colon is short enough to be a speaker,
    else one statement in the outlet's own voice. Their offsets are 0: they are not in the body.
    """
    title = (article.title or "").strip()
    ws = words(title)
    if len(ws) < 2:
        return ()
    parts = _title_parts(title)
    if len(parts) > 1 and not sets_against(title):
        # (a part that sets a confirmation against a denial qualifies the others: دخول
        # المحققين إلى دوما.. تأكيد سوري ونفي أميركي is one disputed claim)
        # بريطانيا تطرد 23 دبلوماسيا.. وموسكو: عمل عدائي: each part is a headline of its own
        out: list[Statement] = []
        for start, end in parts:
            moved = [
                replace(m, start=m.start - start, end=m.end - start)
                for m in mentions
                if m.in_title and start <= m.start and m.end <= end
            ]
            part = replace(article, title=title[start:end])
            out.extend(replace(s, text=title) for s in title_statements(part, moved))
        return tuple(out)
    # The title's mentions, offset into the title, read as the sentence's own.
    own = [replace(m, in_title=False) for m in mentions if m.in_title]
    norm_title = norm_text(title)
    found = _sentence_statements(
        title, ws, 0, len(title), title, norm_title, own, None, headline=True
    )
    if found:
        act = _act_before(title, ws, found[0][0], own, norm_title)
        return (*act, *(replace(stmt, start=0, end=0) for stmt, _ in found))
    head, colon, rest = title.partition(":")
    labelled = list(_PART_BREAK.finditer(head))
    if labelled:
        head = " " * labelled[-1].end() + head[labelled[-1].end() :]  # شاهد.. ماكرون: → ماكرون
    head_words = words(head)
    if colon and _lone_place(head, own):
        # سوريا: قصف صاروخي يستهدف …: the place is the story's label, the rest the headline,
        # when the rest names its own speaker or is a headline about no other place
        shifted = len(title) - len(rest.lstrip())
        moved = [
            replace(m, start=m.start - shifted, end=m.end - shifted)
            for m in mentions
            if m.in_title and m.start >= shifted
        ]
        inner = title_statements(replace(article, title=rest.strip()), moved)
        elsewhere = any(m.type == "LOC" for m in moved)
        opener = words(rest)[:1]
        event = (
            bool(opener)
            and _unclitic(opener[0].norm) in _TOPIC_OPENERS
            and normalize(head.strip()) not in _SEATS
        )
        if (
            any(stmt.speaker for stmt in inner)
            or event
            or (
                not elsewhere
                and len(rest.split()) >= MIN_TOPIC_HEADLINE_WORDS
                and not _speaks(rest)
            )
        ):
            return inner
    speaker_head = bool(head_words) and _is_head(head_words[0])  # وزير: not و + زير
    longest = MAX_TITLE_HEAD_SPEAKER_WORDS if speaker_head else MAX_TITLE_SPEAKER_WORDS
    if (
        colon
        and 0 < len(head_words) <= longest
        and len(rest.split()) >= 2
        and not _label_head(head, head_words, own, rest)
    ):
        last = head_words[-1]
        if len(head_words) > 1 and (
            _verb_lemma(last) is not None
            or (
                last.norm[:1] in PRESENT_PREFIXES
                and len(last.norm) >= MIN_PRESENT_VERB_CHARS
                and not any(m.start <= last.start < m.end for m in own)
            )
        ):
            head = head[: last.start].rstrip()  # روسيا تؤكد: …، إسرائيل تهدد: … → the subject
        topic = next(
            (w for w in head_words[1:] if _unclitic(w.norm) in _HEAD_TOPICS or _to_whom(w)), None
        )
        if topic is not None:
            head = head[: topic.start].rstrip()  # ميركل ردا على ترمب: … → ميركل
        content, direct = _clean_content(rest)
        stance: Stance = "attributed"
        if contains_any_phrase(norm_text(rest), UNCONFIRMED_SENTENCE_CUES):
            stance = "unconfirmed"
        elif calls_baseless(rest):
            stance = "denied"
        at = len(head) - len(head.lstrip())
        speaker = _Speaker(head.strip(), at, at + len(head.strip()), False, True)
        return (
            Statement(
                text=title,
                content=content,
                start=0,
                end=0,
                stance=stance,
                speaker=speaker.text,
                speaker_entity=_entity_of(speaker, own),
                direct=direct,
            ),
        )
    stance = _voice_stance(norm_title, ws, title)
    content, direct = _clean_content(title.rstrip("؟? "))
    return (Statement(title, content, 0, 0, stance, direct=direct),)
