"""Article metadata read from a page: title candidates, publish date, outlet clues, language.

The outlet itself is settled in :mod:`khabar.clean.outlets` from the clues read here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from urllib.parse import urlsplit

from khabar.arabic.data.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from khabar.clean.data import HOST_PREFIXES, SCRIPT_LANGUAGES, STOPWORDS, TLD_LABELS
from khabar.clean.dates import ENGLISH_MONTHS, find_dates
from khabar.clean.lines import Line, dateline_cue, norm_line

TITLE_MIN_WORDS = 3
"""Fewest words of a headline (section names and labels have one or two)."""

TITLE_MAX_WORDS = 40
"""Most words of a headline (longer lines are body text)."""

DATELINE_MAX_WORDS = 12
"""Longest line read as a dateline: a cue, a date, a time and maybe a place or an author."""

BARE_DATE_MAX_WORDS = 7
"""Longest line without a cue read as a dateline (a date, a weekday, a time)."""

BARE_DATE_OTHER_WORDS = 2
"""Words other than the date, weekday and time a cue-less dateline may hold (a place, a bar)."""

_DATE_WORDS = frozenset(
    w
    for name in (*GREGORIAN_MONTHS, *HIJRI_MONTHS, *WEEKDAYS, *ENGLISH_MONTHS)
    for w in name.split()
) | frozenset({"ص", "م", "هـ", "ه", "am", "pm", "gmt", "utc", "الساعة", "-", "|", "/"})
_DATE_TOKEN = re.compile(r"[\d:/.,،\-+|()]+(?:st|nd|rd|th|هـ)?|(?:mon|tue|wed|thu|fri|sat|sun)\w*")

LANGUAGE_MIN_LETTERS = 20
"""Letters needed before a language is named; shorter texts are ``und``."""

ARABIC_SCRIPT_SHARE = 0.3
"""Share of letters in a script's block from which the page is in that script's language (Arabic
pages quote English names, so a plain majority is not needed)."""

LANGUAGE_SAMPLE_CHARS = 5000
"""Characters of the body looked at to name its language (enough for any script ratio)."""

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_WORD = re.compile(r"[a-zà-ÿ]+")


def _script_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One character-class regex per language of ``SCRIPT_LANGUAGES`` (its blocks joined)."""
    ranges: dict[str, str] = {}
    for lo, hi, lang in SCRIPT_LANGUAGES:
        ranges[lang] = ranges.get(lang, "") + f"\\u{lo:04x}-\\u{hi:04x}"
    return tuple((lang, re.compile(f"[{chars}]")) for lang, chars in ranges.items())


_SCRIPTS = _script_patterns()
_PUNCT_TITLE_SPLIT = re.compile(r"\s+[|\-–—:·•]\s+|\s+::\s+")
_COPYRIGHT_MARK = re.compile(
    r"(?:©|copyright|\(c\)|حقوق النشر)\s*(?:\d{4}\s*[-–]\s*)?(?:\d{4})?", re.I
)
_RIGHTS = re.compile(
    r"(?:جميع|كل|كافة)\s+الحقوق\s+محفوظة|all rights reserved|يمنع نسخ[^|.]*|"
    r"لا يجوز[^|.]*",
    re.I,
)
_SITE_WORDS = re.compile(r"^(?:لموقع|لشبكة|لصحيفة|لجريدة|موقع|ل)\s+")

OUTLET_MAX_WORDS = 4
"""Most words of an outlet name read from a copyright line (longer pieces are sentences)."""
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)


def title_from_reading(line: Line) -> str | None:
    """The headline of a ``Reading: …`` line."""
    _, sep, rest = line.text.partition(":")
    rest = rest.strip()
    return rest if sep and rest else None


def is_title_candidate(line: Line) -> bool:
    """True when a line has a headline's shape (a few words, not ending in a full stop)."""
    return TITLE_MIN_WORDS <= line.words <= TITLE_MAX_WORDS and line.last_mark != "."


def strip_site_suffix(title: str, site_names: Sequence[str] = ()) -> str:
    """Remove ``| Site`` / ``- Site`` parts from an HTML ``<title>`` or ``og:title``."""
    parts = [p.strip() for p in _PUNCT_TITLE_SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    names = {norm_line(s) for s in site_names if s}
    kept = [p for p in parts if norm_line(p) not in names]
    if len(kept) == len(parts):
        # drop a short part at either end (a site name), keep the longest remaining span
        longest = max(parts, key=lambda p: len(p.split()))
        if len(longest.split()) >= TITLE_MIN_WORDS:
            return longest
        return title.strip()
    return " - ".join(kept) if kept else title.strip()


def find_published(lines: Sequence[Line], allowed: Sequence[bool]) -> tuple[date, str] | None:
    """The publish date the page states, with the line it was read from.

    ``allowed[i]`` says whether line ``i`` may hold the article's own date (the caller excludes
    sidebars, related-story lists and the page tail). Cue lines (``تم النشر``) win over bare
    dates; update dates are used only when nothing else is given.
    """
    published: tuple[date, str] | None = None
    bare: tuple[date, str] | None = None
    updated: tuple[date, str] | None = None
    for line, ok in zip(lines, allowed, strict=True):
        if not ok or line.blank or line.words > DATELINE_MAX_WORDS:
            continue
        dates = find_dates(line.text)
        if not dates:
            continue
        cue = dateline_cue(line)
        if cue == "published" and published is None:
            published = (dates[0][1], line.text)
        elif cue == "updated" and updated is None:
            updated = (dates[0][1], line.text)
        elif cue is None and bare is None and line.words <= BARE_DATE_MAX_WORDS:
            bare = (dates[0][1], line.text)
    return published or bare or updated


def is_date_line(line: Line) -> bool:
    """True when a short line is a dateline (a cue with a date, or a date alone)."""
    if line.blank or line.words > DATELINE_MAX_WORDS:
        return False
    if not find_dates(line.text):
        return False
    if dateline_cue(line) is not None:
        return True
    return line.words <= BARE_DATE_MAX_WORDS and _other_words(line.norm) <= BARE_DATE_OTHER_WORDS


def _other_words(norm: str) -> int:
    """Words of a normalised line that are not part of writing a date or a time."""
    return sum(1 for w in norm.split() if w not in _DATE_WORDS and not _DATE_TOKEN.fullmatch(w))


def host_name(url: str | None) -> str | None:
    """The host of a URL without ``www.``, or None."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host.removeprefix("www.")


def host_label(host: str) -> str:
    """The outlet's name inside a host (``ar.levant24.com`` → ``levant24``)."""
    labels = [p for p in host.lower().split(".") if p]
    while len(labels) > 1 and labels[-1] in TLD_LABELS:
        labels.pop()
    while len(labels) > 1 and labels[0] in HOST_PREFIXES:
        labels.pop(0)
    return labels[-1] if labels else host


def name_as_written(label: str, texts: Sequence[str]) -> str | None:
    """The label as the page writes it (``Levant24``) when a word of the page spells it."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(label)}(?![\w.])", re.I)
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(0)
    return None


def outlet_from_copyright(lines: Sequence[Line]) -> tuple[str | None, str | None]:
    """``(name, domain)`` from a copyright line (``© 2024 ar.levant24.com``), else Nones.

    The name may stand before or after the sign and the year (``الوقائع اليوم © 2025``,
    ``جميع الحقوق محفوظة لموقع الحدث الآن © 2025``); rights phrases and clauses are cut away
    and the first short piece left is the name.
    """
    marked = [ln for ln in lines if _COPYRIGHT_MARK.search(ln.text)]
    # footer lines with a rights phrase first, then other marks from the page's end (a photo
    # credit "© AFP" in a caption is the agency, not the outlet)
    marked.sort(key=lambda ln: (not _RIGHTS.search(ln.text), -ln.number))
    for line in marked:
        domain = _DOMAIN.search(line.text)
        if domain and not domain.group(1)[0].isdigit():
            return None, domain.group(1).lower()
        rest = _COPYRIGHT_MARK.sub(" | ", _RIGHTS.sub(" | ", line.text))
        for piece in re.split(r"\s[-–—|]\s|[|.,،]", rest):
            name = _SITE_WORDS.sub("", piece.strip()).strip(" -–—:")
            if name and len(name.split()) <= OUTLET_MAX_WORDS and not name.isdigit():
                return name, None
    return None, None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language from its script and function words, or ``und``."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters < LANGUAGE_MIN_LETTERS:
        return "und"
    for lang, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) / letters >= ARABIC_SCRIPT_SHARE:
            return lang
    if len(_LATIN.findall(sample)) / letters < ARABIC_SCRIPT_SHARE:
        return "und"
    words = _LATIN_WORD.findall(sample.lower())
    hits = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    best = max(hits.items(), key=lambda kv: kv[1])
    return best[0] if best[1] else "und"
