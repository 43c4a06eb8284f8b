"""Arabic wording of the pipeline's machine details: every rule is well formed, and the details
khabar writes today come out in Arabic, naming outlets instead of article ids."""

from __future__ import annotations

import re
import string

import pytest

from khabar.report.explain import ISOLATE, Explainer, explainer, load_wording

LABELS = {"a652a83342c9": "سكاي نيوز", "a806ebe857e8": "CNN"}
STANCES = {"unconfirmed": "يصفه بغير المؤكد", "denied": "يورد نفيه"}
MONTHS = [f"شهر{m}" for m in range(1, 13)]
FORMAT_NAMES = {"UTF", "HTML", "JSON", "README"}
"""Names of formats and files the Arabic sentences may cite as they are."""


def _explain() -> Explainer:
    return explainer(LABELS, STANCES, MONTHS)


def test_every_rule_fills_only_groups_its_pattern_has() -> None:
    wording = load_wording()
    rules = [r for rs in (*wording.flags.values(), *wording.contradictions.values()) for r in rs]
    rules += list(wording.errors)
    assert rules
    for rule in rules:
        names = {f for _, f, _, _ in string.Formatter().parse(rule.say) if f}
        assert names <= set(rule.pattern.groupindex), rule.say
        latin = set(re.findall(r"[A-Za-z]+", re.sub(r"\{\w+\}", "", rule.say)))
        assert latin <= FORMAT_NAMES, rule.say


@pytest.mark.parametrize(
    ("kind", "detail", "expected"),
    [
        ("broken_paragraphs", "rejoined 2 paragraph(s) split mid-sentence", "(عددها 2)"),
        ("unrelated_inserts", "removed 5 related-story link(s) from inside the body", "(عددها 5)"),
        ("clickbait_title", "headline ends in link-bait: إليكم التفاصيل", "«إليكم التفاصيل»"),
        (
            "headline_body_mismatch",
            "headline names مقتدى as taking part, but the body mentions them only as a bystander "
            "(former ruler, subject of talks)",
            "«مقتدى»",
        ),
        (
            "contested_claim",
            "a806ebe857e8 calls it denied: وصل الوفد",
            ISOLATE.format("CNN") + ": يورد نفيه",
        ),
        (
            "old_story",
            "its event (2023-03-15) is 950 days older than the latest event of its story "
            "(2025-10-15)",
            "15 شهر3 2023",
        ),
        ("unconfirmed_claim", "وتحدثت تقارير غير مؤكدة عن القمة.", "«وتحدثت تقارير غير مؤكدة"),
    ],
)
def test_flag_details_khabar_writes_come_out_in_arabic(
    kind: str, detail: str, expected: str
) -> None:
    said = _explain().flag(kind, detail)
    assert said is not None and expected in said
    assert "a806ebe857e8" not in said
    assert not re.search(r"[A-Za-z]{3,}", said.replace("CNN", ""))


def test_unknown_english_details_are_dropped_and_arabic_ones_kept_with_outlets() -> None:
    explain = _explain()
    assert explain.flag("new_kind", "an English sentence nobody translated") is None
    said = explain.flag("new_kind", "نقل a652a83342c9 الخبر")
    assert said == "نقل " + ISOLATE.format("سكاي نيوز") + " الخبر"
    assert explain.flag("new_kind", "") is None


def test_a_contradiction_without_a_rule_is_told_from_its_sides() -> None:
    said = _explain().contradiction(
        {
            "kind": "stance",
            "detail": "a652a83342c9 states it as fact; a806ebe857e8 reports it denied",
            "sides": [
                {"article": "a652a83342c9", "stance": "unconfirmed"},
                {"article": "a806ebe857e8", "stance": "denied"},
                {"article": "gone", "stance": "denied"},
            ],
        }
    )
    assert "سكاي نيوز" in said and "يصفه بغير المؤكد" in said and "يورد نفيه" in said
    assert "مقال آخر" in said  # an article the dossier lacks is never shown by its id
    assert "states" not in said and "a652a83342c9" not in said


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("empty file", "الملف فارغ."),
        ("file is over read.max_bytes=50000000", "الملف أكبر من الحجم المسموح بقراءته."),
        ("line is not valid JSON (Expecting value at column 1)", "نص JSON غير صالح."),
        ("الملف تالف", "الملف تالف"),
        ("a brand new failure", None),
    ],
)
def test_input_errors_are_said_in_arabic(message: str, expected: str | None) -> None:
    assert _explain().error(message) == expected
