"""Lines of a page and what each one is: the cue tables of ``data`` applied to single lines."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from khabar.arabic.normalize import normalize
from khabar.clean.data import (
    BREADCRUMB_SEPARATORS,
    BULLETS,
    BYLINE_CUES,
    CONTAINS_CUES,
    DATELINE_CUES,
    END_OF_ARTICLE,
    HOME_WORDS,
    LINE_CUES,
    PREFIX_CUES,
    RELATED_HEADERS,
    TAIL_HEADERS,
    TERMINAL_PUNCTUATION,
    UPDATE_CUES,
)

PARAGRAPH_MIN_WORDS = 20
"""Words from which an unpunctuated line reads as body text rather than a heading or a link."""

SENTENCE_MIN_WORDS = 5
"""Words from which a line ending in sentence punctuation reads as body text."""

QUESTION_MIN_WORDS = 12
"""Words from which a line ending in ``?`` or ``!`` reads as body text (headlines ask short
questions; body paragraphs that end in one are long)."""

MENU_SEPARATORS: tuple[str, ...] = (" | ", " · ", " • ", " ‖ ", " ¦ ", " - ")
"""Separators of menu items written on one line."""

MENU_MIN_ITEMS = 3
"""Items separated on one line from which the line is a menu."""

MENU_ITEM_MAX_WORDS = 6
"""Longest bulleted line still read as a menu item rather than a body list item."""

BYLINE_MAX_WORDS = 8
"""Longest line read as a byline (``بقلم …``)."""

RELATED_INSERT_MAX_WORDS = 40
"""Longest ``اقرأ أيضا: …`` line read as one inserted link (longer ones are body text that happens
to start with the phrase)."""

RELATED_HEADER_EXTRA_WORDS = 2
"""Words allowed after a related-list cue in a heading (an outlet or section name)."""

LINK_HEAVY_SHARE = 0.6
"""Share of a line's characters inside links from which it is navigation, not article text
(news paragraphs link a name or two, far below this)."""

LINK_LINE_MAX_WORDS = 30
"""Longest line dropped for being link text (a longer linked block is a quoted paragraph)."""

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_INVISIBLE_MARKS = dict.fromkeys(
    map(ord, "\u200b\u200e\u200f\u061c\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
"""Bidi marks and zero-width spaces scrapers leave in text: kept in the text, ignored when a
line's final punctuation is looked at."""
_OUTER = "".join(sorted(set(BULLETS + TERMINAL_PUNCTUATION + ",،؛:-–—|")))


def norm_line(text: str) -> str:
    """Normalise a line for matching: Arabic folds, case, single spaces, outer punctuation off."""
    folded = " ".join(normalize(text).casefold().split())
    return folded.strip(_OUTER + " ")


def _norm_set(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(norm_line(p) for p in phrases)


def _norm_map(table: dict[str, str]) -> dict[str, str]:
    return {norm_line(k): v for k, v in table.items()}


def _prefix_regex(cues: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any of the (normalised) cues at the start of a line, as whole words."""
    alternation = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True) if c)
    return re.compile(rf"(?:{alternation})(?![^\W_])")


_LINE_CUES = _norm_map(LINE_CUES)
_PREFIX_CUES = _norm_map(PREFIX_CUES)
_PREFIX_RE = _prefix_regex(_PREFIX_CUES)
_CONTAINS_CUES = _norm_map(CONTAINS_CUES)
_CONTAINS_RE = re.compile("|".join(re.escape(c) for c in _CONTAINS_CUES))
_RELATED = _norm_set(RELATED_HEADERS)
_RELATED_RE = _prefix_regex(_RELATED)
_TAIL = _norm_set(TAIL_HEADERS)
_DATELINE_RE = _prefix_regex(_norm_set(DATELINE_CUES))
_UPDATE_RE = _prefix_regex(_norm_set(UPDATE_CUES))
_BYLINE_RE = _prefix_regex(_norm_set(BYLINE_CUES))
_HOME_RE = re.compile("(?:" + "|".join(re.escape(w) for w in HOME_WORDS) + r")\s*[/>»›|]", re.I)
_CRUMB_SPLIT = re.compile(r"\s*[/>»›|]\s*")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page: where it is, its text without tags, its normalised form."""

    number: int
    """1-based line number in the page text."""
    raw: str
    text: str
    """The line with HTML tags and entities removed and spaces tidied."""
    norm: str
    words: int
    tags: str = ""
    """The HTML tags that were removed from the line, if any."""
    bullet: bool = False
    """True when the line starts with a list bullet."""
    links: float = 0.0
    """Share of the line's characters inside links (known for lines read from HTML)."""

    @property
    def blank(self) -> bool:
        """True for a line with no text."""
        return not self.norm

    @property
    def terminal(self) -> bool:
        """True when the line ends with sentence-final punctuation."""
        return self.last_mark in TERMINAL_PUNCTUATION and bool(self.last_mark)

    @property
    def last_mark(self) -> str:
        """The line's last visible character ("" for a blank line)."""
        visible = self.text.translate(_INVISIBLE_MARKS).rstrip()
        return visible[-1] if visible else ""

    @property
    def paragraph_like(self) -> bool:
        """True when the line reads as body text (a sentence or a long run of words)."""
        if self.words >= PARAGRAPH_MIN_WORDS:
            return True
        if not self.terminal or self.last_mark == ":":
            return False
        if self.last_mark in "?؟!":  # a short question or exclamation is a headline's shape
            return self.words >= QUESTION_MIN_WORDS
        return self.words >= SENTENCE_MIN_WORDS


def make_line(number: int, raw: str, links: float = 0.0) -> Line:
    """Build a Line from raw page text (tags stripped, entities unescaped, bullets noted)."""
    tags = "".join(_TAG.findall(raw)) if "<" in raw else ""
    text = _TAG.sub(" ", raw) if tags else raw
    if "&" in text:
        text = html.unescape(text)
    text = " ".join(text.split())
    bullet = bool(text) and text[0] in BULLETS and (len(text) == 1 or text[1] == " ")
    if bullet:
        text = text[1:].strip()
    return Line(number, raw, text, norm_line(text), len(text.split()), tags, bullet, links)


def split_lines(text: str) -> list[Line]:
    """Split page text into Lines, numbered from 1."""
    return [make_line(i, raw) for i, raw in enumerate(text.splitlines(), 1)]


def cue_reason(line: Line) -> str | None:
    """The chrome reason of a line matched by a cue phrase, or None."""
    norm = line.norm
    reason = _table_reason(norm)
    if reason is not None:
        return reason
    if line.bullet and line.words <= MENU_ITEM_MAX_WORDS and not line.terminal:
        return "navigation"
    if is_breadcrumb(line) or is_menu_line(line):
        return "navigation"
    if doubled(line.text):
        return "navigation"
    if line.words <= BYLINE_MAX_WORDS and _BYLINE_RE.match(norm):
        return "byline"
    return None


def _table_reason(norm: str) -> str | None:
    """The reason of the cue tables (whole line, prefix, contained) matching a line, or None."""
    if norm in _LINE_CUES:
        return _LINE_CUES[norm]
    m = _PREFIX_RE.match(norm)
    if m:
        return _PREFIX_CUES[m.group(0)]
    m = _CONTAINS_RE.search(norm)
    if m:
        return _CONTAINS_CUES[m.group(0)]
    return None


def is_barrier(line: Line) -> bool:
    """True when article text does not continue across the line (comments, footer, sidebars)."""
    return line.norm in _TAIL or _table_reason(line.norm) in END_OF_ARTICLE


def related_header(line: Line) -> bool:
    """True when the line is the heading of a related / trending stories list.

    The heading may name the outlet or section after the cue (``المزيد من الجزيرة``), but a colon
    and a headline after it make the line one inserted link instead.
    """
    if line.norm in _RELATED:
        return True
    m = _RELATED_RE.match(line.norm)
    if m is None or ":" in line.text:
        return False
    return len(line.norm[m.end() :].split()) <= RELATED_HEADER_EXTRA_WORDS


def link_heavy(line: Line) -> bool:
    """True for a line that is mostly link text: a menu entry, a teaser, a "read more" link."""
    return line.links >= LINK_HEAVY_SHARE and line.words <= LINK_LINE_MAX_WORDS


def related_insert(line: Line) -> bool:
    """True when the line is one inserted related-story link (``شاهد ايضاً: …``)."""
    if line.words > RELATED_INSERT_MAX_WORDS:
        return False
    m = _RELATED_RE.match(line.norm)
    return m is not None and m.end() < len(line.norm)


def dateline_cue(line: Line) -> str | None:
    """``"published"`` or ``"updated"`` when the line starts with a dateline cue, else None."""
    if _DATELINE_RE.match(line.norm):
        return "published"
    if _UPDATE_RE.match(line.norm):
        return "updated"
    return None


def breadcrumb_parts(line: Line) -> list[str]:
    """The parts of a breadcrumb trail (``A > B > Title``), or [] when the line is not one."""
    if _HOME_RE.match(line.text):
        parts = [p.strip() for p in _CRUMB_SPLIT.split(line.text) if p.strip()]
        if len(parts) >= 2:
            return parts
    for sep in BREADCRUMB_SEPARATORS:
        if line.text.count(sep) >= 1:
            parts = [p.strip() for p in line.text.split(sep) if p.strip()]
            if len(parts) >= 2 and (len(parts) >= 3 or len(parts[0].split()) <= 3):
                return parts
    return []


def is_menu_line(line: Line) -> bool:
    """True when the line is several short menu items separated by bars or dots."""
    for sep in MENU_SEPARATORS:
        parts = [p for p in line.text.split(sep) if p.strip()]
        if len(parts) >= MENU_MIN_ITEMS and all(
            len(p.split()) <= MENU_ITEM_MAX_WORDS // 2 for p in parts
        ):
            return True
    return False


def is_breadcrumb(line: Line) -> bool:
    """True when the line is a breadcrumb trail whose first steps are short section names."""
    parts = breadcrumb_parts(line)
    return (
        len(parts) >= 2
        and all(len(p.split()) <= 4 for p in parts[:-1])
        and (
            line.text.count(" > ") + line.text.count(" » ") + line.text.count(" › ") >= 1
            or len(parts) >= 3
        )
    )


def doubled(text: str) -> bool:
    """True for a logo text written twice without a space (``Levant24 عربيLevant24 عربي``)."""
    n = len(text)
    return n >= 6 and n % 2 == 0 and text[: n // 2] == text[n // 2 :]
