"""Finding time expressions takes time in proportion to the text (issue 15: 400 KB of dates took
181 s when each expression was checked against every one kept before it)."""

from __future__ import annotations

from datetime import date

from scaling_support import LARGE_BYTES, MAX_GROWTH, SMALL_BYTES, date_text, growth, news_text

from khabar.time import extract_times

ANCHOR = date(2025, 3, 18)


def test_dense_dates_grow_linearly() -> None:
    ratio = growth(
        lambda text: extract_times(text, ANCHOR), date_text(SMALL_BYTES), date_text(LARGE_BYTES)
    )
    assert ratio < MAX_GROWTH, f"1 MB of dates took {ratio:.1f}× the time of 100 KB"


def test_news_text_grows_linearly() -> None:
    ratio = growth(
        lambda text: extract_times(text, ANCHOR), news_text(SMALL_BYTES), news_text(LARGE_BYTES)
    )
    assert ratio < MAX_GROWTH, f"1 MB took {ratio:.1f}× the time of 100 KB"


def test_repeated_text_repeats_its_expressions() -> None:
    unit = date_text(2_000)
    one = extract_times(unit, ANCHOR)
    many = extract_times(unit * 50, ANCHOR)
    assert one and len(many) >= 50 * len(one) * 0.95


def test_long_runs_without_spaces_grow_linearly() -> None:
    """A bracketed year after a very long unbroken run (an entity-expanded XML page of the fuzz
    campaign took 88 s in one pattern's backtracking)."""

    def run(n: int) -> str:
        return "ب" * n + " (1949)"

    ratio = growth(lambda text: extract_times(text, ANCHOR), run(20_000), run(200_000))
    assert ratio < MAX_GROWTH, f"200k characters took {ratio:.1f}× the time of 20k"
    assert [t.text for t in extract_times(run(50), ANCHOR)] == ["1949"]
