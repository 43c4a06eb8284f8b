"""Near-duplicates: copies and light rewrites group together, other reports do not."""

from __future__ import annotations

import datasketch.lsh
import pytest

from khabar.events import near_duplicate_groups, neardup
from khabar.events.text import TermExtractor

ORIGINAL = (
    "أعلنت وزارة الصحة في الأردن تسجيل عشرين إصابة جديدة بالحصبة في مدينة إربد خلال الأسبوع"
    " الماضي، ودعت الأهالي إلى تطعيم الأطفال في المراكز الصحية الحكومية مجانا، وقالت إن فرقها"
    " الميدانية ستزور المدارس في المحافظة للتأكد من سجلات التطعيم لدى الطلاب"
)
REWRITE = ORIGINAL.replace("أعلنت وزارة الصحة", "قالت وزارة الصحة").replace("مجانا", "بالمجان")
OTHER = (
    "فاز فريق الوحدات على الفيصلي بهدفين مقابل هدف في مباراة القمة التي أقيمت على ستاد عمان"
    " الدولي مساء الجمعة أمام جمهور غفير، ليتصدر الوحدات ترتيب الدوري الأردني للمحترفين"
)


def test_copy_and_light_rewrite_are_grouped_and_other_report_is_not() -> None:
    extractor = TermExtractor()
    docs = [extractor.terms(t) for t in (ORIGINAL, OTHER, REWRITE, ORIGINAL)]
    assert near_duplicate_groups(docs) == [[0, 2, 3]]


def test_short_texts_are_never_near_duplicates() -> None:
    extractor = TermExtractor()
    assert near_duplicate_groups([extractor.terms("عاجل"), extractor.terms("عاجل")]) == []



def test_lsh_bands_are_chosen_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """datasketch integrates numerically to choose its bands; after the first index that choice
    is reused, and it is the choice datasketch makes by default."""
    docs = [[f"w{i + k}" for k in range(12)] for i in range(6)]
    first = neardup.near_duplicate_groups(docs)
    assert first == [[0, 1, 2, 3, 4, 5]]

    def no_integration(*args: object, **kwargs: object) -> tuple[int, int]:
        raise AssertionError("bands chosen again")

    monkeypatch.setattr(datasketch.lsh, "_optimal_param", no_integration)
    assert neardup.near_duplicate_groups(docs) == first
    monkeypatch.undo()
    default = datasketch.lsh.MinHashLSH(
        threshold=neardup.NEAR_DUP_JACCARD, num_perm=neardup.NUM_PERM
    )
    assert neardup._bands() == (default.b, default.r)
