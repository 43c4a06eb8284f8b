"""Issue 17, eighth round: figures with a scale word, a hashtag inside a speaker, and the
speaker of a headline whose rest opens with a subject and its reporting verb."""

from __future__ import annotations

import pytest

from khabar.claims.proposition import quantities


def _read(text: str) -> set[tuple[str, str, float, float]]:
    return {(q.act, q.thing, q.amount.low, q.amount.high) for q in quantities(text)}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("قال المرصد إن القصف أسفر عن مقتل ستة آلاف شخص", 5400, 6600),
        ("أعلنت الوزارة مقتل 3 آلاف شخص في المعارك", 2700, 3300),
        ("أطلق الجيش نحو ثلاثة ملايين قذيفة", 2.7e6, 3.3e6),
        ("قتل أكثر من 5 آلاف شخص منذ بداية الحرب", 5000, float("inf")),
        ("أسفرت الحرب عن مقتل عشرات الآلاف من المدنيين", 20000, 99000),
        ("قتل مئة ألف شخص", 90000, 110000),
    ],
)
def test_a_scale_word_multiplies_the_figure_before_it(text: str, low: float, high: float) -> None:
    read = _read(text)
    assert len(read) == 1
    ((_, _, got_low, got_high),) = read
    assert got_low == pytest.approx(low)
    assert got_high == pytest.approx(high)


def test_a_scale_word_alone_is_still_read_as_before() -> None:
    assert {(lo, hi) for _, _, lo, hi in _read("قتل آلاف الأشخاص")} == {(2000, 9999)}
    assert {(lo, hi) for _, _, lo, hi in _read("قتل ألف شخص")} == {(900, 1100)}
