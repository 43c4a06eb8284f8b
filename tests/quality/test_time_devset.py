"""Time expressions scored on the labelled ANT articles (issue 19), with pinned floors.

Floors are pinned a little below what the extractor reaches (``python scripts/time_devset.py``,
benchmarks/results_time.md); raise them as the code improves, never lower them silently. The
held-out half was labelled before the extractor was tuned and is scored, never tuned on.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

DEV_RELAXED_F1_FLOOR = 0.97
"""Dev half: measured 0.990 (HEAD before issue 19: 0.757)."""
DEV_STRICT_F1_FLOOR = 0.95
"""Dev half: measured 0.990 (HEAD: 0.566)."""
DEV_DATE_VALUE_FLOOR = 0.95
"""Dev half: measured 0.981 (HEAD: 0.883); the issue's goal is 0.95."""
HELDOUT_RELAXED_F1_FLOOR = 0.95
"""Held-out half: measured 0.987 (HEAD: 0.717)."""
HELDOUT_DATE_VALUE_FLOOR = 0.97
"""Held-out half: measured 1.000, 111/111 (HEAD: 0.909)."""


def _script() -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    return pytest.importorskip("time_devset")


def _scores(path: Path):  # type: ignore[no-untyped-def]
    script = _script()
    gold = script.load_gold(path)
    bodies = script.load_bodies(gold)
    return script.score(gold, script.predict(bodies, {d.doc: d.published for d in gold}))


def test_scorer_counts_overlaps_once_and_exact_spans_apart() -> None:
    script = _script()
    gold_doc = script.GoldDoc(
        "d",
        date(2018, 6, 10),
        (
            script.Timex(0, 5, "امس ا", "DATE", "2018-06-09"),
            script.Timex(10, 14, "يومين", "DURATION", "P2D"),
        ),
    )
    predicted = {
        "d": [
            script.Timex(0, 3, "امس", "DATE", "2018-06-09"),
            script.Timex(2, 4, "س ", "DATE", None),
            script.Timex(20, 24, "غدا", "DATE", "2018-06-11"),
        ]
    }
    s = script.score([gold_doc], predicted)
    assert (s.relaxed_matched, s.strict_matched, s.predicted, s.gold) == (1, 0, 3, 2)
    assert s.date_value_accuracy == 1.0
    assert s.recall_by_type["DURATION"] == (0, 1)


@pytest.mark.slow
def test_dev_half_scores_stay_above_floors(shared_dir: Path) -> None:
    s = _scores(_script().DEV_JSONL)
    print(f"dev: relaxed {s.relaxed}, strict {s.strict}, DATE value {s.date_value_accuracy}")
    assert s.gold >= 150
    assert s.relaxed[2] >= DEV_RELAXED_F1_FLOOR
    assert s.strict[2] >= DEV_STRICT_F1_FLOOR
    assert s.date_value_accuracy >= DEV_DATE_VALUE_FLOOR


@pytest.mark.slow
def test_held_out_half_scores_above_floors(shared_dir: Path) -> None:
    s = _scores(_script().HELDOUT_JSONL)
    print(f"held out: relaxed {s.relaxed}, strict {s.strict}, DATE value {s.date_value_accuracy}")
    assert s.gold >= 150
    assert s.relaxed[2] >= HELDOUT_RELAXED_F1_FLOOR
    assert s.date_value_accuracy >= HELDOUT_DATE_VALUE_FLOOR
