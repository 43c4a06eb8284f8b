"""Who holds an office in a text, and who has fallen from one (for dating and clustering).

"الرئيس السوري بشار الأسد" says Assad held office when it was written about; "الرئيس السابق بشار
الأسد" and "سقوط نظام الأسد" say he no longer did. Two reports that disagree on this are not
of one happening, and a dated fall bounds the happenings on either side of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from khabar.arabic.normalize import normalize
from khabar.events.data import FALL_CUES, FORMER_MARKERS, STOP_WORDS, TITLE_WORDS

NAME_WORDS = 2
"""Words after a title (and nisba) taken as the holder's name: first name and family name."""

FALL_WINDOW_WORDS = 5
"""Words after a fall cue searched for the fallen (الإطاحة بنظام الرئيس السابق بشار الأسد)."""

MIN_NAME_LETTERS = 3
"""A name word shorter than this (after the article ال) is too ambiguous to match on."""

FALL_NOISE = frozenset({"نظام", "حكم", "حكومه", "رييس", "دوله"})
"""Words after a fall cue that name the office, not the person (سقوط نظام …)."""

_B, _E = r"(?<![\w])", r"(?![\w])"


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of normalised words, longest first."""
    return "|".join(
        re.escape(w) for w in sorted({normalize(w) for w in words}, key=len, reverse=True)
    )


_FORMER = _alternation(FORMER_MARKERS)
# A title, an optional nisba adjective (السوري، الروسي), an optional former-marker and up to
# NAME_WORDS name words, ending before punctuation.
HOLDER = re.compile(
    rf"{_B}[وفبل]?(?:{_alternation(TITLE_WORDS)})(?:\s+(?P<nisba>ال\w+ي))?"
    rf"(?:\s+(?P<former>{_FORMER}))?(?P<name>(?:\s+[^\s,.;:!?()\"']+){{1,{NAME_WORDS}}})"
)
FALL = re.compile(rf"{_B}[وفبل]?(?:ب|ل)?(?:{_alternation(FALL_CUES)})\w*{_E}")
_FORMER_WORD = re.compile(rf"{_B}(?:{_FORMER}){_E}")


def name_keys(words: Sequence[str]) -> set[str]:
    """Matching keys of name words: clitics and the article removed, short and stop words out."""
    keys = set()
    for word in words:
        key = re.sub(r"^(?:[وفبلك]?(?:ال|لل))|^[وفبلك]", "", word)
        if len(key) >= MIN_NAME_LETTERS and key not in STOP_WORDS and word not in STOP_WORDS:
            keys.add(key)
    return keys


def fallen_keys(norm_sentence: str) -> set[str]:
    """Keys of the words just after each fall cue (سقوط نظام الأسد → نظام، اسد)."""
    keys: set[str] = set()
    for m in FALL.finditer(norm_sentence):
        after = re.split(r"[,.;:!?()\"]", norm_sentence[m.end() :], maxsplit=1)[0]
        keys |= name_keys(after.split()[:FALL_WINDOW_WORDS])
    return keys - FALL_NOISE


def office_holders(
    sentences: Iterable[tuple[str, str]], with_falls: bool = True
) -> tuple[dict[str, str], set[str]]:
    """From (original, normalised) sentences: names called by a current title (key → sentence)
    and names called former or fallen (fallen only ``with_falls``: the words after a fall cue
    are often not a name — مقتل 45 عنصرا من تنظيم)."""
    current: dict[str, str] = {}
    former: set[str] = set()
    for original, norm in sentences:
        for m in HOLDER.finditer(norm):
            keys = name_keys(m.group("name").split())
            if m.group("former") or _FORMER_WORD.search(m.group("name")):
                former |= keys
            else:
                for key in keys:
                    current.setdefault(key, original)
        if with_falls:
            former |= fallen_keys(norm)
    return current, former
