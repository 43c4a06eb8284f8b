"""The single-pass scanner finds exactly what ``pattern.finditer`` finds, for every pattern the
time finder runs over a whole text."""

from __future__ import annotations

import functools
import random
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scaling_support import date_text, news_text

from khabar.arabic.data.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from khabar.arabic.normalize import normalize
from khabar.time import data
from khabar.time import patterns as P
from khabar.time.extract import scanner
from khabar.time.scan import PatternScanner, starts_on_runs

SCANNED_PATTERNS = [p for p in P.WHOLE_TEXT if p is not P.BRACKET_YEARS]
"""Every whole-text pattern but one is scanned; BRACKET_YEARS may begin with any word (the one
before a bracket), so it runs with ``finditer`` when the text has a bracket."""

VOCABULARY = sorted(
    {
        w
        for words in (
            GREGORIAN_MONTHS,
            HIJRI_MONTHS,
            WEEKDAYS,
            data.RELATIVE_DAYS,
            data.PAST_MODIFIERS,
            data.FUTURE_MODIFIERS,
            data.CURRENT_MODIFIERS,
            data.PERIOD_NOUNS,
            data.UNIT_WORDS,
            data.COUNT_WORDS,
            data.VAGUE_COUNTS,
            data.AGO_WORDS,
            data.LATER_WORDS,
            data.YEAR_WORDS,
            data.DAY_PARTS,
            data.PERIOD_PREFIXES,
            data.REFERENCE_WORDS,
            data.SEASONS,
            data.SET_WORDS,
            data.DURATION_LEADS,
            data.APPROXIMATORS,
            data.DECADES,
            data.BARE_YEAR_CONTEXT,
            data.RECENT_WORDS,
            data.MONTH_CONTEXT_WORDS,
        )
        for w in words
    }
    | {"في", "من", "كل", "هذا", "هذه", "القرن", "وقت", "سابق", "نهايه", "الاسبوع", "ونصف", "عقد"}
)
"""Words of the time patterns, so that generated texts hold many near-matches."""

GLUE = ["", "و", "ف", "ب", "ل", "وب", "ال", "ها"]
NUMBERS = ["3", "12", "31", "2015", "1435", "1990", "16:30", "9,40", "1/2/2025", "2020-03-04"]
SEPARATORS = [" ", " ", " ", "  ", "، ", ". ", " (", ") ", "/", "-", "\n", ""]


def _text(rng: random.Random, n_words: int) -> str:
    parts = []
    for _ in range(n_words):
        word = rng.choice(NUMBERS) if rng.random() < 0.2 else rng.choice(VOCABULARY)
        parts.append(rng.choice(GLUE) + word + rng.choice(SEPARATORS))
    return normalize("".join(parts))


def _same_as_finditer(scan: PatternScanner, text: str) -> None:
    read = scan.read(text)
    for pattern in scan.patterns:
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        got = [(m.span(), m.groups()) for m in read.finditer(pattern)]
        assert got == expected, pattern.pattern[:80]


def test_every_whole_text_pattern_but_bracket_years_is_scanned() -> None:
    scan = scanner()
    assert [p for p in P.WHOLE_TEXT if not scan.plain(p)] == SCANNED_PATTERNS


@pytest.mark.parametrize(
    "text", [news_text(60_000), date_text(20_000)], ids=["example pages", "dense dates"]
)
def test_scanner_finds_what_finditer_finds_in_prose(text: str) -> None:
    _same_as_finditer(scanner(), normalize(text))


def test_scanner_finds_what_finditer_finds_in_texts_dense_with_pattern_words() -> None:
    rng = random.Random(16)
    for _ in range(300):
        _same_as_finditer(scanner(), _text(rng, rng.randint(1, 60)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY + NUMBERS + SEPARATORS + GLUE), max_size=40))
def test_scanner_finds_what_finditer_finds_in_any_mix(pieces: list[str]) -> None:
    _same_as_finditer(scanner(), normalize("".join(pieces)))


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+ 2015",  # may begin inside a word
        r"\d{2} يوم",  # may begin inside a number: no look-behind forbids a digit before
        r"(?<![\w])(?:يوم)?",  # may be empty
        r"(?i)(?<![\w])يوم",  # flags the analysis does not read
        r"(?<![\w])(?:\S+)\s+عام",  # any word may open it
    ],
)
def test_patterns_it_cannot_scan_run_plain_and_still_match(pattern: str) -> None:
    compiled = re.compile(pattern)
    scan = PatternScanner([compiled])
    assert scan.plain(compiled)
    _same_as_finditer(scan, "في 12 يوم من عام 2015 وبعد 312 يوم")


def test_a_pattern_guarded_at_word_starts_is_scanned() -> None:
    compiled = re.compile(r"(?<![\w])(?:بعد|قبل)\s+(?:\d+|يومين)")
    scan = PatternScanner([compiled])
    assert not scan.plain(compiled)
    text = "وصل قبل 3 ايام ثم بعد يومين ومابعد 4 وقبل"
    assert [m.group() for m in scan.read(text).finditer(compiled)] == ["قبل 3", "بعد يومين"]
    _same_as_finditer(scan, text)


def test_start_analysis_reads_look_behinds() -> None:
    parse = re._parser.parse  # type: ignore[attr-defined]
    assert starts_on_runs(parse(r"(?<!\d)\d+"))
    assert not starts_on_runs(parse(r"\d+"))
    assert starts_on_runs(parse(r"(?:(?<![\w])ال)?(?<!\d)\d"))
    assert not starts_on_runs(parse(r"(?:ال)?(?<!\d)\d"))
    assert not starts_on_runs(parse(r"(?<![\w])\s*\d"))


def test_threads_sharing_a_fresh_scanner_find_what_finditer_finds() -> None:
    """The automaton's states are built as runs need them; threads building them at the same
    time must not mix up their numbers."""
    scan = PatternScanner(P.WHOLE_TEXT)
    rng = random.Random(7)
    texts = [_text(rng, 40) for _ in range(40)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(functools.partial(_same_as_finditer, scan), texts))


def test_find_times_without_the_scanner_gives_the_same_expressions(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Where re's private parser cannot be read (a later Python), the plain stand-in is used and
    the time finder's answers do not change."""
    from datetime import date

    from khabar.time import extract

    texts = [date_text(3_000), news_text(30_000), *news_text(30_000).splitlines()]
    anchor = date(2018, 5, 10)
    scanned = [extract.find_times(t, anchor) for t in texts]
    assert any(scanned)
    monkeypatch.setattr(extract, "PatternScanner", None)
    extract.scanner.cache_clear()
    try:
        assert isinstance(extract.scanner(), extract.PlainScanner)
        assert [extract.find_times(t, anchor) for t in texts] == scanned
    finally:
        extract.scanner.cache_clear()
