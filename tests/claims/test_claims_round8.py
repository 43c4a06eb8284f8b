"""Issue 17, eighth round: figures with a scale word, a hashtag inside a speaker, and the
speaker of a headline whose rest opens with a subject and its reporting verb."""

from __future__ import annotations

import pytest
from test_statements_round4 import _title

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


@pytest.mark.parametrize(
    ("title", "names", "speaker", "not_in_speaker"),
    [
        ("الوكالة: الوزير حذّر السفير من تأجيل الاتفاق", {}, "الوزير", "السفير"),
        (
            "رويترز: ترامب حذر إيران من استئناف برنامجها النووي",
            {"رويترز": "ORG", "ترامب": "PER", "إيران": "LOC"},
            "ترامب",
            "إيران",
        ),
        ("مصادر: الرئيس اتهم المعارضة بتخريب الحوار", {}, "الرئيس", "المعارضة"),
        (
            "الصحيفة: روسيا اتهمت بريطانيا بتسميم الجاسوس",
            {"روسيا": "LOC", "بريطانيا": "LOC"},
            "روسيا",
            "بريطانيا",
        ),
    ],
)
def test_subject_before_a_past_verb_after_a_headline_colon_speaks(
    title: str, names: dict[str, str], speaker: str, not_in_speaker: str
) -> None:
    found = [s for s in _title(title, names) if s.verb]
    assert found
    assert found[0].speaker == speaker
    assert not_in_speaker not in (found[0].speaker or "")


def test_a_present_verb_headline_keeps_its_subject() -> None:
    found = _title("الوكالة: بوتين يحذر الغرب من عواقب العقوبات", {"بوتين": "PER"})
    assert [s.speaker for s in found if s.verb] == ["بوتين"]
