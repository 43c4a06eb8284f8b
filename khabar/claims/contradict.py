"""Contradictions: reports about one proposition that cannot all hold, one record per issue.

Two reports contradict only when they answer the same proposition differently:
- ``stance``: one passes a claim on, another calls the same claim unconfirmed or denies it, and
  the first states the act the second denies (not a purpose, "any use" or a condition);
- ``number``: two figures of the same quantity — the same act (ACT_CLASSES) done to the same
  counted thing — that cannot both be true (13 intercepted against none intercepted; 110 fired
  against 105); a report that gives both figures (105 fired, 76 of them at one site) explains
  the other, and a toll that rises through a day is not in conflict with itself;
- ``ordinal``: one claim's sources rank the same thing differently (first visit, second visit);
- ``claim``: an operation said to have achieved its aims and said to have failed.
A hedge beside an assertion of the same claim is a ``certainty`` record, not a contradiction.
Rows of one issue are grouped: a Contradiction holds every position with its sources.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from khabar.arabic.data.months import GREGORIAN_MONTHS, LEVANTINE_MONTHS, WEEKDAYS
from khabar.arabic.normalize import normalize
from khabar.claims.agreement import place_conflict, places
from khabar.claims.align import AlignedClaim, Item, overlap, profile
from khabar.claims.contradiction_data import (
    DATING_WORDS,
    PAST_MARKERS,
    STILL_RISING_CUES,
)
from khabar.claims.data import (
    ACT_CLASSES,
    ANONYMOUS_SOURCES,
    CASUALTY_ACTS,
    DENIAL_VERBS,
    DOUBT_NOUNS,
    INCIDENT_NOUNS,
    NUMBER_WORDS,
    ORDINALS,
    PERSON_NOUNS,
    RECOLLECTION_WORDS,
    RISING_ACTS,
    SPEAKER_HEADS,
    STOP_WORDS,
    TIME_UNITS,
    TOLL_LINK_WORDS,
)
from khabar.claims.proposition import (
    Amount,
    Quantity,
    asserts,
    compatible,
    negates,
    negative_claim,
    outcomes,
    quantities,
)
from khabar.claims.statements import has_hedge_cue, sets_against, speaker_doubts
from khabar.claims.text import background_idf, content_terms, light_stem, stem_keys, words
from khabar.model import ClaimSource, Contradiction, Position, Stance

POSITIVE: frozenset[Stance] = frozenset({"asserted", "attributed", "reported"})
"""Stances that pass a claim on as true."""

NEGATIVE: frozenset[Stance] = frozenset({"unconfirmed", "denied"})
"""Stances that doubt or deny it."""

FIRM: frozenset[Stance] = frozenset({"asserted", "attributed", "reported"})
"""Stances whose figures and outcomes are read as said (a hedge or a question is not)."""

HEDGING: frozenset[Stance] = frozenset({"hedged"})
"""Stances that say a claim may be so: beside an assertion, a difference of certainty."""

ORDINAL_LINK = 0.6
"""Two sources' ordinals are compared only when their statements are this similar (mean of
weighted cosine and containment): near restatements of one fact."""

CERTAINTY_LINK = 0.6
"""A hedge and an assertion are one proposition said with two certainties only when their
statements are this similar (as ORDINAL_LINK): a claim's looser links join related sentences."""

PREDICATE_WORDS = 1
"""Content words at the head of a doubting statement read as the act it doubts (نفت سوريا
استخدام …: استخدام)."""

_STANCE_WORDS: dict[str, str] = {
    "asserted": "states it as fact",
    "attributed": "attributes it to a named speaker",
    "reported": "passes it on as reports",
    "unconfirmed": "calls it unconfirmed",
    "denied": "reports it denied",
    "hedged": "says it may be so",
}

_ACT_WORDS: dict[str, str] = {
    "intercept": "intercepted",
    "fire": "fired",
    "hit": "hit",
    "kill": "killed",
    "injure": "injured",
    "arrest": "arrested",
}

_ORDINALS = {normalize(k): v for k, v in ORDINALS.items()}
_INCIDENTS = frozenset(normalize(w) for w in INCIDENT_NOUNS)
_RECOLLECTION = frozenset(normalize(w) for w in RECOLLECTION_WORDS)
_PAST = frozenset(normalize(w) for w in PAST_MARKERS)
_STILL_RISING = frozenset(normalize(w) for w in STILL_RISING_CUES)
_NUMBER_WORDS = {normalize(k): float(v) for k, v in NUMBER_WORDS.items()}
_TOLL_WORDS = frozenset(
    k
    for w in (
        *PERSON_NOUNS,
        *TOLL_LINK_WORDS,
        *INCIDENT_NOUNS,
        *(f for act in RISING_ACTS for f in ACT_CLASSES[act]),
    )
    for k in (*stem_keys(normalize(w)), light_stem(normalize(w)))
)
_STOP = frozenset(normalize(w) for w in STOP_WORDS)
_NOT_DENIERS = frozenset(
    k for w in (*SPEAKER_HEADS, *ANONYMOUS_SOURCES, *DOUBT_NOUNS) for k in stem_keys(normalize(w))
)
"""Words of a denial's subject that name no one in particular (مصدر، مسؤول، التقارير)."""
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")

Related = Callable[[str, str], bool]
"""Whether two articles (by id) report one happening: only their figures and outcomes are
compared."""

SHARED_PARTIES = 2
"""Countries two sentences giving figures of one quantity must both name (who acts and on whom:
the United States and Syria) for the figures to be one proposition when their articles are not
otherwise related (other stories, no place tagged in common): «110 missiles fired at sites in
Syria … by the United States, Britain and France» and «the American missiles … 105 fired at
facilities of the Syrian regime». One country in common is not enough: two strikes on one
country by different actors on one day are different quantities."""


@dataclass(frozen=True, slots=True)
class Side:
    """One statement on one side of an issue, with who says it."""

    item: Item
    speaker: str

    @property
    def source(self) -> ClaimSource:
        """The statement as a cited source."""
        stmt = self.item.statement
        return ClaimSource(self.item.article, stmt.text, stmt.stance)


def side(item: Item, outlets: Mapping[str, str]) -> Side:
    """``item`` as a side: its speaker phrase, or the outlet for the outlet's own voice."""
    speaker = item.statement.speaker or outlets.get(item.article) or item.article
    return Side(item, speaker)


def record(
    kind: str,
    key: str,
    detail: str,
    claim: str | None,
    groups: Sequence[tuple[str, Sequence[Side]]],
) -> Contradiction:
    """One Contradiction of the positions ``groups`` (answer, sides), sides deduplicated."""
    positions: list[Position] = []
    for answer, sides in groups:
        seen: set[tuple[str, str]] = set()
        kept = []
        for s in sides:
            mark = (s.item.article, s.item.statement.text)
            if mark not in seen:
                seen.add(mark)
                kept.append(s)
        positions.append(
            Position(answer, tuple(s.source for s in kept), tuple(s.speaker for s in kept))
        )
    articles = sorted({src.article for p in positions for src in p.sources})
    digest = hashlib.sha1(f"{kind}|{key}|{'|'.join(articles)}".encode()).hexdigest()[:12]
    return Contradiction(
        "contra-" + digest,
        kind,
        detail,
        claim,
        tuple(src for p in positions for src in p.sources),
        tuple(positions),
    )


def describe(groups: Sequence[tuple[str, Sequence[Side]]]) -> str:
    """``answer — speaker (article), …; answer — …``"""
    parts = []
    for answer, sides in groups:
        who = ", ".join(dict.fromkeys(f"{s.speaker} ({s.item.article})" for s in sides))
        parts.append(f"{answer} — {who}")
    return "; ".join(parts)


# -- stance: passed on against doubted ------------------------------------------------------


def denier_keys(item: Item) -> frozenset[str]:
    """Stem keys of the words that name who denies (سوريا تنفي …، مصدر في القنصلية السعودية
    ينفي …), titles and anonymous heads aside; empty for an unconfirmed report.
    Who denies doing something is named where it is said to have done it."""
    if item.statement.stance != "denied":
        return frozenset()
    who = item.statement.speaker
    if not who:
        # the outlet's sentence names the denier before what is denied (لكن طهران تنفي …)
        text, content = item.statement.text, item.statement.content
        at = text.find(content)
        who = text[:at] if at > 0 else ""
    return frozenset(k for t in content_terms(who) if not t.keys & _NOT_DENIERS for k in t.keys)


def predicate_keys(content: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stem keys of the first content words of a doubting statement that are not names (stems
    in ``names``): the act it doubts (نفت سوريا استخدام …: استخدام)."""
    keys: set[str] = set()
    taken = 0
    ws = words(content)
    # a denial verb still inside the content (… التي تنفي أي مسؤولية لها): the act follows it
    after = next((i + 1 for i, w in enumerate(ws) if denial_verb(w.norm)), 0)
    for w in ws[after:]:
        if w.norm in _STOP or len(w.stem) < 3 or w.stem in names or dates_only(w.norm):
            continue  # a date (في السابع من أبريل) names no act
        keys |= stem_keys(w.norm)
        taken += 1
        if taken == PREDICATE_WORDS:
            break
    return frozenset(keys)


_DENIAL_VERBS = frozenset(normalize(w) for w in DENIAL_VERBS if " " not in w)
_NOT_ACTS = frozenset(
    normalize(w)
    for w in (*TIME_UNITS, *DATING_WORDS, *GREGORIAN_MONTHS, *LEVANTINE_MONTHS, *WEEKDAYS)
    if " " not in w
)
"""Words that date a happening rather than name it (أيام، أبريل، الاثنين)."""


def denial_verb(norm: str) -> bool:
    """Whether a normalised word is a denial verb (DENIAL_VERBS), و or ف aside."""
    return norm in _DENIAL_VERBS or (norm[:1] in ("و", "ف") and norm[1:] in _DENIAL_VERBS)


def dates_only(norm: str) -> bool:
    """Whether a normalised word dates a happening and names no act: a figure, an ordinal
    (السابع), a month, a weekday or a word of time (الماضي)."""
    if norm in _ORDINALS or any(ch.isdigit() for ch in norm):
        return True
    return any(
        norm.startswith(prefix) and norm[len(prefix) :] in _NOT_ACTS
        for prefix in ("", "وال", "بال", "فال", "ال", "و", "ب", "ف", "ل")
    )


def stance_contradiction(aligned: AlignedClaim, outlets: Mapping[str, str]) -> list[Contradiction]:
    """The claim's sources that pass it on against those that doubt it, as one issue; an
    article that reports both is balanced and takes no side, and a source that does not state
    the doubted act as having happened (a purpose, any case in general) is no side."""
    items = aligned.chosen
    balanced = {i.article for i in aligned.items if i.statement.stance in POSITIVE} & {
        i.article for i in aligned.items if i.statement.stance in NEGATIVE
    }
    doubting = [
        i
        for i in items
        if i.statement.stance in NEGATIVE and i.article not in balanced and not takes_no_side(i)
    ]
    if not doubting:
        return []
    doubted = frozenset().union(*(predicate_keys(i.statement.content, i.names) for i in doubting))
    passing = [
        i
        for i in items
        if i.statement.stance in POSITIVE
        and i.article not in balanced
        and _states_act(i, doubted)
        and asserts(i.statement.content, doubted)
        and not negates(i.statement.content, doubted)
        and not negative_claim(i.statement.content)
        and _names_denier(i, doubting)
    ]
    if not passing or {i.article for i in passing} <= {i.article for i in doubting}:
        return []
    groups = [
        ("passes it on", [side(i, outlets) for i in passing]),
        ("doubts or denies it", [side(i, outlets) for i in doubting]),
    ]
    detail = "; ".join(
        f"{i.article} {_STANCE_WORDS[i.statement.stance]}" for i in (*passing, *doubting)
    )
    return [record("stance", aligned.claim.id, detail, aligned.claim.id, groups)]


def _states_act(item: Item, doubted: frozenset[str]) -> bool:
    """Whether ``item`` names the act a doubt answers (one of its stem keys): a statement of the
    claim that does not name the denied act (the inspectors will go on with their mission,
    against "no basis for accusing Russia of obstructing them") passes nothing on that the
    denial denies."""
    return any(not t.keys.isdisjoint(doubted) for t in item.terms)


def takes_no_side(item: Item) -> bool:
    """Whether a doubting ``item`` takes no side: a named speaker's doubt (الدول المؤيدة للاتفاق
    تشكك في اتهامات …) is a difference of certainty, not a denial, and an outlet that sets a
    confirmation against a denial (تأكيد سوري ونفي أميركي) reports the dispute; an outlet that
    calls a claim unconfirmed in its own voice still takes the doubting side."""
    stmt = item.statement
    if stmt.stance != "unconfirmed":
        return False
    return speaker_doubts(stmt) or sets_against(stmt.text)


def _names_denier(item: Item, doubting: Sequence[Item]) -> bool:
    """Whether ``item`` names whoever denies it among ``doubting`` (or none of them is a named
    denial): a report that does not name the denier is not what it denies."""
    deniers = [k for k in (denier_keys(d) for d in doubting) if k]
    if not deniers:
        return True
    said = frozenset(k for t in item.terms for k in t.keys) | item.names
    return any(k & said for k in deniers)


def certainty_difference(aligned: AlignedClaim, outlets: Mapping[str, str]) -> list[Contradiction]:
    """Sources that state the claim against sources of other outlets that only say it may be
    so, near restatements of each other (not a contradiction: a difference of certainty)."""
    hedged = [i for i in aligned.items if i.statement.stance in HEDGING]
    if not hedged:
        return []
    firm = [
        i
        for i in aligned.items
        if i.statement.stance in FIRM and not has_hedge_cue(i.statement.content)
    ]  # an attributed statement may hedge inside itself (… يعتقد أنه)
    if not firm:
        return []
    weight = background_idf().idf
    pairs = [
        (f, h)
        for f in firm
        for h in hedged
        if outlets.get(f.article, f.article) != outlets.get(h.article, h.article)
        and overlap(profile(f.terms, weight), profile(h.terms, weight)) >= CERTAINTY_LINK
    ]
    if not pairs:
        return []
    groups = [
        ("states it", [side(i, outlets) for i in dict.fromkeys(f for f, _ in pairs)]),
        ("says it may be so", [side(i, outlets) for i in dict.fromkeys(h for _, h in pairs)]),
    ]
    return [record("certainty", aligned.claim.id, describe(groups), aligned.claim.id, groups)]


# -- ordinals within one claim ----------------------------------------------------------------


def ordinals_with_nouns(text: str) -> dict[str, int]:
    """Ordinals in ``text`` keyed by the stem of the noun they rank (أول زيارة، الزيارة الثانية)."""
    ws = words(text)
    out: dict[str, int] = {}
    for i, word in enumerate(ws):
        value = _ORDINALS.get(word.norm)
        if value is None:
            continue
        # أول زيارة (ordinal first) or الزيارة الثانية / للمرة الأولى (noun first).
        if word.norm.startswith("ال") and i > 0:
            noun = ws[i - 1]
        elif i + 1 < len(ws):
            noun = ws[i + 1]
        else:
            continue
        if len(noun.stem) >= 3:
            out[noun.stem] = value
    return out


def ordinal_contradiction(aligned: AlignedClaim, outlets: Mapping[str, str]) -> list[Contradiction]:
    """Sources of one claim in one event that rank the same noun differently, as one issue."""
    chosen = aligned.chosen
    if len(chosen) < 2:
        return []
    weight = background_idf().idf
    profiles = [profile(item.terms, weight) for item in chosen]
    ranks = [ordinals_with_nouns(item.statement.content) for item in chosen]
    by_value: dict[str, dict[int, list[Item]]] = {}
    for x in range(len(chosen)):
        for y in range(x + 1, len(chosen)):
            a, b = chosen[x], chosen[y]
            if a.event != b.event or overlap(profiles[x], profiles[y]) < ORDINAL_LINK:
                continue
            for noun in set(ranks[x]) & set(ranks[y]):
                if ranks[x][noun] != ranks[y][noun]:
                    values = by_value.setdefault(noun, {})
                    for item, rank in ((a, ranks[x][noun]), (b, ranks[y][noun])):
                        if item not in values.setdefault(rank, []):
                            values[rank].append(item)
    out = []
    for noun, values in sorted(by_value.items()):
        groups = [
            (f"number {rank} ({noun})", [side(i, outlets) for i in items])
            for rank, items in sorted(values.items())
        ]
        out.append(
            record(
                "ordinal", f"{aligned.claim.id}|{noun}", describe(groups), aligned.claim.id, groups
            )
        )
    return out


# -- quantities and outcomes across the statements of one happening ---------------------------


def _all_numbers(text: str) -> frozenset[float]:
    """Every figure written in digits or in words (سبعة) in ``text``."""
    digits = {float(m.replace(",", ".")) for m in _DIGITS.findall(normalize(text))}
    return frozenset(
        digits | {_NUMBER_WORDS[w.norm] for w in words(text) if w.norm in _NUMBER_WORDS}
    )


def _explains(item: Item, amount: Amount) -> bool:
    """Whether ``item`` gives the figure ``amount`` itself (it accounts for both figures)."""
    return (
        not amount.word
        and amount.low == amount.high
        and amount.low in _all_numbers(item.statement.content)
    )


_YEAR = re.compile(r"(?<![\d])(?:19|20)\d\d(?![\d])")


def of_another_year(sentence: str, published: date | None) -> bool:
    """Whether ``sentence`` names years, none of them the year its article was published in:
    it tells of another time («في مايو 2003 … أعلن بوش أن المهمة أنجزت»), so its figures and
    outcomes answer nothing about the happening reported now."""
    if published is None:
        return False
    years = {int(y) for y in _YEAR.findall(normalize(sentence))}
    return bool(years) and published.year not in years


def quantity_contradictions(
    items: Iterable[Item],
    related: Related,
    outlets: Mapping[str, str],
    close: Related | None = None,
    published: Mapping[str, date | None] | None = None,
) -> list[Contradiction]:
    """Figures of one quantity (act and counted thing) in one happening that cannot all hold,
    one issue per quantity, its positions the answers in conflict. Two figures are of one
    happening when their articles are ``related``, or published ``close`` in time with
    sentences that name SHARED_PARTIES countries in common (same actor and target). A toll
    (RISING_ACTS) is in conflict only as none against some, or when the report ``published``
    on a later day gives it below the earlier one (a toll does not fall)."""
    days = published or {}

    def fell(amount_a: Amount, a: Item, amount_b: Amount, b: Item) -> bool:
        day_a, day_b = days.get(a.article), days.get(b.article)
        if day_a is None or day_b is None or day_a == day_b:
            return False
        (early, _), (late, _) = sorted(((amount_a, day_a), (amount_b, day_b)), key=lambda x: x[1])
        if late.high >= early.low:
            return False
        if _recollects(a.statement.text) or _recollects(b.statement.text):
            return False  # a toll of a dated, earlier happening
        # other tolls of the story (another strike, another town) share fewer words
        return _shared_words(a.statement.text, b.statement.text) >= FALLEN_TOLL_SHARED_WORDS

    parties: dict[int, frozenset[tuple[str, ...]]] = {}

    def same_parties(a: Item, b: Item) -> bool:
        for x in (a, b):
            if id(x) not in parties:
                parties[id(x)] = frozenset(places(x.statement.text))
        return len(parties[id(a)] & parties[id(b)]) >= SHARED_PARTIES

    readings: dict[tuple[str, str], list[tuple[Amount, Item]]] = {}
    largest: dict[tuple[str, str, str], float] = {}
    exact: dict[tuple[str, str, str], set[float]] = {}
    for item in items:
        if item.statement.stance not in FIRM:
            continue
        for q in _distinct(quantities(item.statement.content)):
            readings.setdefault((q.act, q.thing), []).append((q.amount, item))
            if not q.amount.word:
                key = (item.article, q.act, q.thing)
                largest[key] = max(largest.get(key, 0.0), q.amount.low)
                if q.amount.low == q.amount.high:
                    exact.setdefault(key, set()).add(q.amount.low)
    for key, found in readings.items():
        # A figure below another of the same quantity in its own article is a part of it (the
        # 8 missiles Britain fired, of the 105): it is no answer to how many in all. An
        # approximate figure around an exact one of its article (نحو 10 beside 10) is that one.
        readings[key] = [
            (amount, item)
            for amount, item in found
            if amount.word or _whole(amount, (item.article, *key), largest, exact)
        ]
    out = []
    for (act, thing), found in sorted(readings.items()):
        rising = act in RISING_ACTS
        in_conflict: dict[str, tuple[Amount, list[Item]]] = {}
        for x, (amount_a, a) in enumerate(found):
            for amount_b, b in found[x + 1 :]:
                if a.article == b.article or compatible(amount_a, amount_b):
                    continue
                if not related(a.article, b.article) and not (
                    close is not None and close(a.article, b.article) and same_parties(a, b)
                ):
                    continue
                if (
                    rising
                    and "none" not in (amount_a.word, amount_b.word)
                    and not fell(amount_a, a, amount_b, b)
                    and not _settled(a, b)
                ):
                    continue  # tolls counted at different hours
                if _explains(a, amount_b) or _explains(b, amount_a):
                    continue  # 105 fired, 76 of them at one site
                if act in CASUALTY_ACTS and not _one_happening(a, b):
                    continue  # tolls of people of two happenings (a blast, a plane) of one story
                for amount, item in ((amount_a, a), (amount_b, b)):
                    entry = in_conflict.setdefault(amount.label(), (amount, []))
                    if item not in entry[1]:
                        entry[1].append(item)
        if not in_conflict:
            continue
        groups = [
            (label, [side(i, outlets) for i in members])
            for label, (_, members) in sorted(in_conflict.items(), key=lambda kv: kv[1][0].low)
        ]
        what = f"{thing} {_ACT_WORDS.get(act, act)}"
        out.append(
            record(
                "number",
                f"{act}|{thing}",
                f"how many {what}: {describe(groups)}",
                None,
                groups,
            )
        )
    return out


def _whole(
    amount: Amount,
    key: tuple[str, str, str],
    largest: Mapping[tuple[str, str, str], float],
    exact: Mapping[tuple[str, str, str], set[float]],
) -> bool:
    """Whether a figure of a quantity (``key``: article, act, thing) answers how many in all:
    it is not below the article's largest figure of it, or is an approximation around that
    figure given exactly (نحو 10 beside 10)."""
    big = largest.get(key, 0.0)
    return amount.low >= big or (amount.high >= big and big in exact.get(key, set()))


TEXT_CACHE_SIZE = 1 << 14
"""Sentences whose words (toll comparisons) are kept: a pile's toll sentences, many times over."""

FALLEN_TOLL_SHARED_WORDS = 2
"""Content words (the toll's own words aside) two sentences must share for a toll given lower on
a later day to contradict the earlier one: the same fighters, the same side (قوات النظام …
الإيرانية / للنظام … إيرانيون); a lower toll of another strike of the story shares fewer."""


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _topic_keys(text: str) -> frozenset[str]:
    """Stem keys of the content words of ``text``, figures and the words of any toll (acts,
    person nouns, TOLL_LINK_WORDS, INCIDENT_NOUNS) aside, each word by its light stem."""
    return frozenset(
        t.stem
        for t in content_terms(text)
        if not t.stem.isdigit() and t.stem not in _TOLL_WORDS and not t.keys & _TOLL_WORDS
    )


def _shared_words(a: str, b: str) -> int:
    """Content words (see :func:`_topic_keys`) two sentences share."""
    return len(_topic_keys(a) & _topic_keys(b))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _word_norms(text: str) -> frozenset[str]:
    """The normalised words of ``text``, each also without a leading clitic (و، ف، ب، ل)."""
    out: set[str] = set()
    for w in words(text):
        out.add(w.norm)
        if w.norm[:1] in ("و", "ف", "ب", "ل"):
            out.add(w.norm[1:])
    return frozenset(out)


def _recollects(text: str) -> bool:
    """Whether a sentence dates the happening it tells (RECOLLECTION_WORDS)."""
    return not _RECOLLECTION.isdisjoint(_word_norms(text))


def _dated_past(text: str) -> bool:
    """Whether a sentence dates the happening it counts before the day it is reported
    (PAST_MARKERS: السبت الماضي)."""
    return not _PAST.isdisjoint(_word_norms(text))


def _settled(a: Item, b: Item) -> bool:
    """Whether two tolls are settled counts of one happening: their articles are one event and
    both sentences date the happening before the day they report it (قتلوا نحو 10 متطرفين
    الأسبوع الماضي / قتل عشرات الإرهابيين السبت الماضي). Such tolls no longer rise from one
    report to the next, so different figures are in conflict. A past happening told in an
    article of another event (the toll of an earlier strike recalled as background) is not, nor
    a toll that says it still rises (the rains of last week: ارتفعت الحصيلة المؤقتة إلى 179)."""
    return (
        a.event is not None
        and a.event == b.event
        and _dated_past(a.statement.text)
        and _dated_past(b.statement.text)
        and not _still_rising(a.statement.text)
        and not _still_rising(b.statement.text)
    )


def _still_rising(text: str) -> bool:
    """Whether a toll sentence says its count still rises (STILL_RISING_CUES: ارتفعت الحصيلة
    المؤقتة): not settled, however long ago the happening."""
    return not _STILL_RISING.isdisjoint(_word_norms(text))


def _names_incident(text: str) -> bool:
    """Whether a sentence names a happening (INCIDENT_NOUNS), a clitic aside."""
    return not _INCIDENTS.isdisjoint(_word_norms(text))


def _one_happening(a: Item, b: Item) -> bool:
    """Whether two tolls of people are of one happening: their articles are one event, or both
    sentences name the happening they count (the attack, the blast) and no two different
    countries (place_conflict)."""
    if a.event is not None and a.event == b.event:
        return True
    if place_conflict(a.statement.text, b.statement.text):
        return False  # a blast in Jalalabad, a bombing in Peshawar: two countries
    return _names_incident(a.statement.text) and _names_incident(b.statement.text)


def _distinct(found: Sequence[Quantity]) -> list[Quantity]:
    """One reading per (act, thing, amount) of a statement."""
    return list(dict.fromkeys(found))


def outcome_contradictions(
    items: Iterable[Item], related: Related, outlets: Mapping[str, str]
) -> list[Contradiction]:
    """An operation of one happening said to have achieved its aims and said to have failed,
    by different articles, as one issue."""
    said: dict[str, dict[bool, list[Item]]] = {}
    for item in items:
        if item.statement.stance not in FIRM:
            continue
        for outcome in outcomes(item.statement.content):
            said.setdefault(outcome.operation, {}).setdefault(outcome.succeeded, []).append(item)
    out = []
    for operation, answers in sorted(said.items()):
        yes, no = answers.get(True, []), answers.get(False, [])
        pairs = [
            (a, b)
            for a in yes
            for b in no
            if a.article != b.article and related(a.article, b.article)
        ]
        if not pairs:
            continue
        groups = [
            ("achieved its aims", [side(i, outlets) for i in dict.fromkeys(a for a, _ in pairs)]),
            ("failed", [side(i, outlets) for i in dict.fromkeys(b for _, b in pairs)]),
        ]
        detail = f"whether the {operation} succeeded: {describe(groups)}"
        out.append(record("claim", operation, detail, None, groups))
    return out


# -- one record per issue ----------------------------------------------------------------------


def group_issues(found: Sequence[Contradiction]) -> list[Contradiction]:
    """Records of one issue joined into one: two records of two positions each that cite at
    least JOIN_SHARED_SENTENCES sentences in common (the same article and text), each on the
    corresponding position and none the other way round, answer one question found by two
    comparisons (an outcome and a negation of it, a figure and a denial). The joined record
    keeps the first record's kind and answers, each position gathering the sources of the
    positions it stands with. Certainty records and records of more positions stay as they
    are. One shared sentence is not enough: a long sentence can be a side of two issues."""
    joinable = [n for n, c in enumerate(found) if c.kind != "certainty" and len(c.positions) == 2]
    cited = {
        n: [{(s.article, s.quote) for s in p.sources} for p in found[n].positions] for n in joinable
    }
    parent = {n: n for n in joinable}
    flip = {n: False for n in joinable}

    def find(n: int) -> tuple[int, bool]:
        turned = False
        while parent[n] != n:
            turned ^= flip[n]
            n = parent[n]
        return n, turned

    for x, a in enumerate(joinable):
        for b in joinable[x + 1 :]:
            same = len(cited[a][0] & cited[b][0]) + len(cited[a][1] & cited[b][1])
            crossed = len(cited[a][0] & cited[b][1]) + len(cited[a][1] & cited[b][0])
            if min(same, crossed) > 0:
                continue
            if max(same, crossed) < JOIN_SHARED_SENTENCES and not _one_denial(found[a], found[b]):
                continue
            (root_a, turned_a), (root_b, turned_b) = find(a), find(b)
            if root_a != root_b:
                parent[root_b], flip[root_b] = root_a, turned_a ^ turned_b ^ (crossed > same)
    members: dict[int, list[tuple[int, bool]]] = {}
    for n in joinable:
        root, turned = find(n)
        members.setdefault(root, []).append((n, turned))
    out: list[Contradiction] = []
    for n, contra in enumerate(found):
        if n not in parent:
            out.append(contra)
        elif parent[n] == n:
            out.append(_joined(found, members[n]))
    return out


def _one_denial(a: Contradiction, b: Contradiction) -> bool:
    """Whether two stance records set reports against one article's denial (its headline in
    one, a sentence of its body in the other: روسيا تصف مزاعم تورطها في تسميم الجاسوس بأنها
    "هراء" / وصف لافروف ادعاءات بريطانيا بتورط روسيا في تسميم الجاسوس): one denier's answer
    to one accusation, one issue."""
    if a.kind != "stance" or b.kind != "stance":
        return False
    denying_a = {s.article for s in a.positions[1].sources}
    denying_b = {s.article for s in b.positions[1].sources}
    passing = {s.article for s in (*a.positions[0].sources, *b.positions[0].sources)}
    return bool(denying_a & denying_b) and not (denying_a | denying_b) & passing


JOIN_SHARED_SENTENCES = 2
"""Sentences two records must cite in common, on corresponding positions, to be one issue."""


def _sides_of(
    found: Sequence[Contradiction], members: Sequence[tuple[int, bool]]
) -> tuple[list[ClaimSource], list[ClaimSource], list[str], list[str]]:
    """Sources and speakers of the two positions of a group of records, oriented to the first."""
    sources: tuple[list[ClaimSource], list[ClaimSource]] = ([], [])
    speakers: tuple[list[str], list[str]] = ([], [])
    for n, turned in members:
        for p, position in enumerate(found[n].positions):
            at = p ^ int(turned)
            for src, who in zip(position.sources, position.speakers, strict=False):
                if all((s.article, s.quote) != (src.article, src.quote) for s in sources[at]):
                    sources[at].append(src)
                    speakers[at].append(who)
    return sources[0], sources[1], speakers[0], speakers[1]


def _joined(found: Sequence[Contradiction], members: Sequence[tuple[int, bool]]) -> Contradiction:
    """One record of a group of records of one issue (see :func:`group_issues`)."""
    head = found[members[0][0]]
    if len(members) == 1:
        return head
    first, second, who_first, who_second = _sides_of(found, members)
    positions = (
        Position(head.positions[0].answer, tuple(first), tuple(who_first)),
        Position(head.positions[1].answer, tuple(second), tuple(who_second)),
    )
    detail = "; ".join(dict.fromkeys(found[n].detail for n, _ in members))
    return Contradiction(head.id, head.kind, detail, head.claim, (*first, *second), positions)
