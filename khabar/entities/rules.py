"""Span rules applied after tagging: state bodies, named organisations, seats of power, facilities.

The tagger learns from NewsFANE, which tags the Kremlin as a building and rarely marks a body named
by a nationality adjective (الرئاسة الروسية). These rules fix such spans from the tokens around
the tagger's mentions:

- a state-body head with a nationality adjective (الاستخبارات البريطانية) is an organisation;
- an organisation head, a tagged name and an adjective (قوات سوريا الديمقراطية) is one too;
- a seat of power (الكرملين، البيت الأبيض) is an organisation, tagged or not;
- a facility head or adjective around a place (قاعدة حميميم الجوية، القاعدة البحرية في طرطوس)
  joins the place's mention, so resolution links the facility to the place it is named after.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from khabar.arabic import normalize, split_clitics
from khabar.arabic.data.clitics import ARTICLE
from khabar.entities.data.cues import (
    FACILITY_ADJECTIVES,
    FACILITY_HEADS,
    GOVERNMENT_BODY_HEADS,
    NON_ADJECTIVES,
    ORGANIZATION_NAME_HEADS,
    PERSON_TITLES,
    SEATS_OF_POWER,
)
from khabar.entities.gazetteer import cldr_one_word_places
from khabar.entities.tagger import Tagger
from khabar.entities.words import BARE_FORMS, clitic_chars
from khabar.model import EntityType, Mention, Token

MAX_BODY_WORDS = 3
"""Words after a state-body head searched for its nationality adjective (وزارة الخارجية
الأمريكية needs two)."""

MAX_NAME_ADJECTIVES = 2
"""Adjectives taken after ``head + name`` into an organisation's name (قوات سوريا الديمقراطية)."""

MAX_FACILITY_ADJECTIVES = 2
"""Facility adjectives taken after a place or facility head (القاعدة الجوية العسكرية في …)."""

MIN_BASE_LETTERS = 2
"""A nationality adjective less its ending keeps at least this many letters (روس in الروسية)."""

BLOCK_TOKENS = 2000
"""Tokens of text the rules take at a time (a long news article has about 1,500): a longer text
is cut into blocks of at least this many tokens, at a sentence end or a line break, and each
block's mentions are ruled alone, so rule time grows with the text and not with its square.
Shorter texts are one block, unchanged."""
MAX_BLOCK_TOKENS = 4 * BLOCK_TOKENS
"""A block is cut here even with no sentence end in sight (a text without punctuation)."""
_BLOCK_BREAK = frozenset(".!?؟\n")

COUNTRY = "country:"
"""Prefix of the CLDR place kinds of countries (khabar.entities.gazetteer.cldr_places)."""

_NISBA_ENDINGS = ("يه", "ي")
"""Endings of a singular adjective of relation (روسي، روسية)."""


def is_title(word: str) -> bool:
    """A person's title or role (وزير، نائب، المتحدث), with or without the article."""
    return word in PERSON_TITLES or split_clitics(word).stem in PERSON_TITLES


def _agrees(head: str, adjective: str) -> bool:
    """A feminine or -ات plural head (الرئاسة، القوات) takes a feminine adjective (الروسية)."""
    return not (head.endswith(("ه", "ات")) and not adjective.endswith("يه"))


def _blocks(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges ``(first, last + 1)`` of at least :data:`BLOCK_TOKENS` tokens each (the last
    may be shorter), each cut after a token followed by a sentence end or a line break, or at
    :data:`MAX_BLOCK_TOKENS`."""
    out: list[tuple[int, int]] = []
    first = 0
    for i in range(BLOCK_TOKENS - 1, len(tokens) - 1):
        size = i + 1 - first
        if size >= MAX_BLOCK_TOKENS or (
            size >= BLOCK_TOKENS
            and not _BLOCK_BREAK.isdisjoint(text[tokens[i].end : tokens[i + 1].start])
        ):
            out.append((first, i + 1))
            first = i + 1
    out.append((first, len(tokens)))
    return out


class SpanRules:
    """The post-tagging span rules; the tagger's known names tell which words are places."""

    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger
        self.one_word_places = cldr_one_word_places()
        seats: dict[str, list[tuple[str, ...]]] = {}
        for seat in SEATS_OF_POWER:
            words = tuple(normalize(seat).split())
            seats.setdefault(words[0], []).append(words)
        self.seats = {w: sorted(s, key=len, reverse=True) for w, s in seats.items()}

    def is_nationality_adjective(self, word: str) -> bool:
        """A definite adjective of a known country (الروسية → روسيا, العراقي → العراق).

        The adjective less its ending must be a one-word CLDR place, bare or with the article put
        back (مصر، العراق); or that plus ا / يا a place that opened names in training and never
        an organisation's or a person's name (بريطانيا، أمريكا).
        """
        if (
            not word.startswith(ARTICLE)
            or not word.endswith(_NISBA_ENDINGS)
            or word in GOVERNMENT_BODY_HEADS
            or word in NON_ADJECTIVES
        ):
            return False
        stem = word[len(ARTICLE) :]
        base = stem[:-2] if stem.endswith("يه") else stem[:-1]
        if len(base) < MIN_BASE_LETTERS:
            return False
        if base in self.one_word_places or ARTICLE + base in self.one_word_places:
            return True
        if self.tagger.extractor_.places.get(ARTICLE + base + "يه", "").startswith(COUNTRY):
            return True  # السعودي of (المملكة العربية) السعودية
        return any(self._only_place(c) for c in (base + "ا", base + "يا"))

    def _only_place(self, word: str) -> bool:
        """A one-word CLDR place, or a word that opened place names in training and never an
        organisation's or a person's (مركز opens ORG names too: مركز الدراسات)."""
        if word in self.one_word_places:
            return True
        roles = self.tagger.known_roles(word)
        return "LOC:B" in roles and not roles & {"ORG:B", "PER:B"}

    def apply(
        self, text: str, tokens: Sequence[Token], mentions: Sequence[Mention], in_title: bool
    ) -> list[Mention]:
        """The mentions of one text with the span rules applied (sorted by offset)."""
        if len(tokens) <= BLOCK_TOKENS:
            return self._apply_block(text, tokens, mentions, in_title)
        ordered = sorted(mentions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        out: list[Mention] = []
        for first, last in _blocks(text, tokens):
            low = bisect.bisect_left(starts, tokens[first].start)
            high = bisect.bisect_left(starts, tokens[last - 1].end)
            out.extend(self._apply_block(text, tokens[first:last], ordered[low:high], in_title))
        return sorted(out, key=lambda m: m.start)

    def _apply_block(
        self, text: str, tokens: Sequence[Token], mentions: Sequence[Mention], in_title: bool
    ) -> list[Mention]:
        """The span rules over one block of tokens and the mentions that start in it."""
        if not tokens:
            return list(mentions)
        forms = BARE_FORMS
        bare = [forms[t.norm] for t in tokens]
        starts = [t.start for t in tokens]
        found = list(mentions)
        found = self._seats(text, tokens, bare, found, in_title)
        found = self._bodies(text, tokens, bare, found, in_title)
        found = self._named_organisations(text, tokens, bare, starts, found, in_title)
        found = self._named_facilities(text, tokens, bare, starts, found, in_title)
        found = self._facilities(text, tokens, bare, starts, found)
        return sorted(found, key=lambda m: m.start)

    # ---- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _span(
        text: str, tokens: Sequence[Token], first: int, last: int, kind: EntityType, in_title: bool
    ) -> Mention | None:
        """A mention over tokens ``first … last - 1``, the first token's clitics left out."""
        start = tokens[first].start + clitic_chars(tokens[first])
        end = tokens[last - 1].end
        if end <= start:
            return None
        return Mention(text[start:end], kind, start, end, in_title=in_title)

    @staticmethod
    def _replace(found: list[Mention], new: Mention | None) -> list[Mention]:
        """``found`` with every mention overlapping ``new`` dropped and ``new`` added; unchanged
        when an organisation mention already covers ``new`` (وزارة الدفاع الأمريكية البنتاغون)."""
        if new is None or any(
            m.type == "ORG" and m.start <= new.start and m.end >= new.end for m in found
        ):
            return found
        kept = [m for m in found if m.end <= new.start or m.start >= new.end]
        return [*kept, new]

    @staticmethod
    def _token_range(starts: Sequence[int], mention: Mention) -> tuple[int, int]:
        """The token indices ``first, last + 1`` a mention covers."""
        first = max(0, bisect.bisect_right(starts, mention.start) - 1)
        last = max(first + 1, bisect.bisect_left(starts, mention.end))
        return first, last

    @staticmethod
    def _adjacent(text: str, tokens: Sequence[Token], i: int) -> bool:
        """Whether tokens ``i`` and ``i + 1`` are separated by spaces only."""
        return i + 1 < len(tokens) and text[tokens[i].end : tokens[i + 1].start].strip() == ""

    # ---- rules -----------------------------------------------------------------------------

    def _seats(
        self,
        text: str,
        tokens: Sequence[Token],
        bare: list[str],
        found: list[Mention],
        in_title: bool,
    ) -> list[Mention]:
        """Seats of power as organisations, whether the tagger found them or not."""
        i = 0
        while i < len(tokens):
            hit = 0
            for seat in self.seats.get(bare[i], ()):
                n = len(seat)
                if tuple(bare[i : i + n]) == seat and all(
                    self._adjacent(text, tokens, j) for j in range(i, i + n - 1)
                ):
                    hit = n
                    break
            if hit:
                found = self._replace(found, self._span(text, tokens, i, i + hit, "ORG", in_title))
                i += hit
            else:
                i += 1
        return found

    def _bodies(
        self,
        text: str,
        tokens: Sequence[Token],
        bare: list[str],
        found: list[Mention],
        in_title: bool,
    ) -> list[Mention]:
        """State bodies named by a nationality adjective (الرئاسة السورية) as organisations."""
        done = 0  # tokens before this index are inside a body just found
        for i, word in enumerate(bare):
            if i < done or word not in GOVERNMENT_BODY_HEADS:
                continue
            if i > 0 and word.startswith(ARTICLE) and is_title(bare[i - 1]):
                continue  # وزير الخارجية السوري is a person's title, not the ministry
            for j in range(i + 1, min(i + 1 + MAX_BODY_WORDS, len(tokens))):
                if not self._adjacent(text, tokens, j - 1) or tokens[j].norm != bare[j]:
                    break  # a clitic (و، ب) or punctuation starts something else
                if self.is_nationality_adjective(bare[j]) and _agrees(word, bare[j]):
                    if not any(
                        m.type == "PER" and m.start < tokens[j].end and m.end > tokens[i].start
                        for m in found
                    ):
                        new = self._span(text, tokens, i, j + 1, "ORG", in_title)
                        found = self._replace(found, new)
                        done = j + 1
                    break
                if not bare[j].startswith(ARTICLE):
                    break
        return found

    def _named_organisations(
        self,
        text: str,
        tokens: Sequence[Token],
        bare: list[str],
        starts: Sequence[int],
        found: list[Mention],
        in_title: bool,
    ) -> list[Mention]:
        """``head + tagged name + adjective`` (قوات سوريا الديمقراطية) as one organisation."""
        for m in list(found):
            if m.type not in ("LOC", "PER"):
                continue
            first, last = self._token_range(starts, m)
            if first == 0 or tokens[first].start != m.start:
                continue
            if bare[first - 1] not in ORGANIZATION_NAME_HEADS or not self._adjacent(
                text, tokens, first - 1
            ):
                continue
            end = last
            while (
                end < len(tokens)
                and end - last < MAX_NAME_ADJECTIVES
                and self._adjacent(text, tokens, end - 1)
                and tokens[end].norm == bare[end]
                and bare[end].startswith(ARTICLE)
                and bare[end].endswith(_NISBA_ENDINGS)
                and bare[end] not in NON_ADJECTIVES
                and not self.is_nationality_adjective(bare[end])
            ):
                end += 1
            if end > last:
                new = self._span(text, tokens, first - 1, end, "ORG", in_title)
                found = self._replace(found, new)
        return found

    def _named_facilities(
        self,
        text: str,
        tokens: Sequence[Token],
        bare: list[str],
        starts: Sequence[int],
        found: list[Mention],
        in_title: bool,
    ) -> list[Mention]:
        """The name in ``head + name + adjective`` as a place, when the tagger missed it.

        An indefinite facility head followed by a word and a definite facility adjective (قاعدة
        حميميم الجوية، مطار المزة العسكري) can only be a construct whose second word names the
        place: the adjective agrees with the head across it. :meth:`_facilities` then pulls the
        head and the adjective in, as it does for places the tagger found.
        """
        taken = {i for m in found for i in range(*self._token_range(starts, m))}
        for i in range(len(tokens) - 2):
            name = i + 1
            if (
                bare[i] in FACILITY_HEADS
                and name not in taken
                and tokens[name].norm.isalpha()
                and tokens[name].norm == bare[name]  # no clitic on the name
                and bare[name] not in FACILITY_ADJECTIVES
                and ARTICLE + bare[name] not in FACILITY_ADJECTIVES
                and tokens[i + 2].norm in FACILITY_ADJECTIVES
                and self._adjacent(text, tokens, i)
                and self._adjacent(text, tokens, name)
            ):
                new = self._span(text, tokens, name, name + 1, "LOC", in_title)
                if new:
                    found = [*found, new]
        return found

    def _facilities(
        self,
        text: str,
        tokens: Sequence[Token],
        bare: list[str],
        starts: Sequence[int],
        found: list[Mention],
    ) -> list[Mention]:
        """Facility heads and adjectives around a place pulled into its mention."""
        out: list[Mention] = []
        for m in found:
            if m.type != "LOC":
                out.append(m)
                continue
            span = self._token_range(starts, m)
            first, last = span
            has_head = False
            # قاعدة حميميم: an indefinite head in construct with the place
            if (
                first > 0
                and tokens[first].start == m.start
                and bare[first - 1] in FACILITY_HEADS
                and self._adjacent(text, tokens, first - 1)
            ):
                first -= 1
                has_head = True
            # القاعدة البحرية في طرطوس: a definite head, its adjectives, then في
            elif first >= 3 and tokens[first].start == m.start and bare[first - 1] == "في":
                k = first - 2
                while (
                    k > 0
                    and bare[k] in FACILITY_ADJECTIVES
                    and first - 1 - k <= MAX_FACILITY_ADJECTIVES
                ):
                    k -= 1
                head = bare[k]
                if (
                    k < first - 2
                    and head.startswith(ARTICLE)
                    and head[len(ARTICLE) :] in FACILITY_HEADS
                    and all(self._adjacent(text, tokens, j) for j in range(k, first))
                ):
                    first = k
                    has_head = True
            has_head = has_head or bare[span[0]] in FACILITY_HEADS
            # … الجوية / طرطوس البحرية: adjectives after the place; without a head only
            # feminine ones, agreeing with an implied قاعدة (not معرض طهران الدولي)
            while (
                last < len(tokens)
                and last - span[1] < MAX_FACILITY_ADJECTIVES
                and self._adjacent(text, tokens, last - 1)
                and tokens[last].norm in FACILITY_ADJECTIVES
                and (has_head or tokens[last].norm.endswith("يه"))
            ):
                last += 1
            if (first, last) == span:
                out.append(m)
                continue
            new = self._span(text, tokens, first, last, "LOC", m.in_title)
            out.append(new or m)
        return out
