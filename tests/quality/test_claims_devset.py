"""The claims stage scored on the labelled claims set (issue 17), with pinned floors.

Floors sit a little below what ``python scripts/claims_devset.py`` measures (see
benchmarks/results_claims.md); raise them as the code improves, never lower them silently. The
held-out half was labelled before the claims stage was tuned and scored; since the second round
of speaker work (issue 17 part 3) its errors were read and fixed like dev's, so it is a second
dev set now. Held-out C (claims_heldout_c.jsonl) was labelled before that round and is never
tuned on. Held-out D (claims_heldout_d.jsonl, ten contradiction issues) was labelled before the
third round and scored only after it; since the fourth round its errors were read and fixed, so
it is a dev set too (its first half of disputes tuned on, the second only checked: see
benchmarks/results_claims.md). Held-out E (claims_heldout_e.jsonl) is labelled apart and scored
only by the lead; its entry below is a placeholder until the file and its floors are in.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

DEV_SPEAKER_FLOOR = 0.95
"""Dev: measured 1.000 (67/67) after the sixth round, 0.925 earlier (before issue 17's changes
0.343, nearest-mention baseline 0.552)."""
DEV_STANCE_FLOOR = 0.93
"""Dev: measured 0.970 after the sixth round, 0.925 earlier (before 0.418, majority label
0.731)."""
HELDOUT_SPEAKER_FLOOR = 0.86
"""Held-out (tuned on since the second round): measured 0.892 (first round 0.677, before issue
17 0.292, nearest-mention baseline 0.631)."""
HELDOUT_STANCE_FLOOR = 0.90
"""Held-out: measured 0.938 (first round 0.800, before 0.415, majority label 0.585)."""
HELDOUT_C_SPEAKER_FLOOR = 0.88
"""Held-out C, never tuned on: measured 0.911 after the sixth round (0.929 before it: one of 56
claims no longer found; first round's code 0.821, nearest-mention baseline 0.536)."""
HELDOUT_C_STANCE_FLOOR = 0.88
"""Held-out C: measured 0.893 after the sixth round (0.911 before it; first round's code 0.821,
majority label 0.607)."""
HELDOUT_D_SPEAKER_FLOOR = 0.86
"""Held-out D (dev since the fourth round): measured 0.885 after the sixth round (half a 1.000,
half b 0.800), 0.828 before it (0.646 at the fourth round's start, nearest-mention baseline
0.531), under issue 17's goal of 0.90."""
HELDOUT_D_STANCE_FLOOR = 0.86
"""Held-out D: measured 0.885 after the sixth round, 0.844 before it (0.708 at the fourth round's
start, majority 0.641)."""
HELDOUT_D_CONTRADICTION_PRECISION_FLOOR = 0.80
"""Held-out D: measured 1.00 (5/5; 0.75, 3/4 at the round's start); agreement()=="disagree"
0.18. Issue 17's goal."""
HELDOUT_D_CONTRADICTION_RECALL_FLOOR = 0.55
"""Held-out D (dev): measured 0.60 (6/10, at precision 9/9) after the fifth round (tolls against
"no one was hurt", acts told as done and not yet done, obstructing against facilitating), 0.20
(2/10) before it; agreement()=="disagree" 0.30 (3/10) at precision 0.20. Held-out E, never tuned
on, stayed at 2/12 through that round."""
HELDOUT_E_SPEAKER_FLOOR = 0.78
"""Held-out E, never tuned on (labelled 2026-12-07 beside the fourth round): measured 0.795 after
the seventh round, 0.786 after the sixth, 0.738 before it, 0.703 before the fourth
(nearest-mention baseline 0.598); under issue 17's goal of 0.90."""
HELDOUT_E_STANCE_FLOOR = 0.81
"""Held-out E: measured 0.825 after the seventh round, 0.817 after the sixth, 0.790 before it,
0.760 before the fourth (majority label 0.507)."""
HELDOUT_E_CONTRADICTION_RECALL_FLOOR = 0.20
"""Held-out E: measured 0.25 (3/12, precision 3/3) after the sixth round; 0.17 (2/12, precision
2/2) before and after the fourth and fifth rounds; under issue 17's goal of 0.60;
agreement()=="disagree" 0.25-0.33 (3-4/12) at precision 0.07-0.08."""
CONTRADICTION_PRECISION_FLOOR = 0.80
"""Issue 17's goal; measured 1.00 on dev (3/3), held-out (1/1), held-out b (2/2) and held-out
C (1/1, before the third round)."""
CONTRADICTION_RECALL_FLOOR = 0.60
"""Issue 17's goal; measured dev 3/3, held-out 1/1, held-out b 2/2 (third round: figures of one
quantity by the same parties across stories, a denial told in other words), held-out C 1/1."""


def _precision_recall(contra: tuple[int, int, int, int]) -> tuple[float, float]:
    right, predicted, found, issues = contra
    return (right / predicted if predicted else 1.0), (found / issues if issues else 1.0)


def _script() -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    return pytest.importorskip("claims_devset")


def _scores(split: str):  # type: ignore[no-untyped-def]
    script = _script()
    gold = script.load_gold(script.SPLITS[split])
    records = script.load_records(gold)
    assert script.check(gold, records) == []
    return script.score(gold, records)


def test_dev_speakers_and_stances_stay_above_floor() -> None:
    scores = _scores("dev")
    assert scores.speaker_all >= DEV_SPEAKER_FLOOR
    assert scores.stance_all >= DEV_STANCE_FLOOR
    assert scores.mid_phrase == 0  # no claim text starts with عن / إلى
    assert scores.speaker_all > scores.base_speaker
    precision, recall = _precision_recall(scores.contra)
    assert precision >= CONTRADICTION_PRECISION_FLOOR
    assert recall >= CONTRADICTION_RECALL_FLOOR


def test_heldout_speakers_and_stances_stay_above_floor() -> None:
    scores = _scores("heldout")
    assert scores.speaker_all >= HELDOUT_SPEAKER_FLOOR
    assert scores.stance_all >= HELDOUT_STANCE_FLOOR
    assert scores.speaker_all > scores.base_speaker


def test_heldout_d_speakers_stances_and_contradictions_stay_above_floor() -> None:
    scores = _scores("heldout_d")
    assert scores.speaker_all >= HELDOUT_D_SPEAKER_FLOOR
    assert scores.stance_all >= HELDOUT_D_STANCE_FLOOR
    assert scores.mid_phrase == 0
    assert scores.speaker_all > scores.base_speaker
    precision, recall = _precision_recall(scores.contra)
    assert precision >= HELDOUT_D_CONTRADICTION_PRECISION_FLOOR
    assert recall >= HELDOUT_D_CONTRADICTION_RECALL_FLOOR


def test_heldout_b_contradictions_stay_above_floor() -> None:
    scores = _scores("heldout_b")  # contradiction labels only (speakers and stances unlabelled)
    precision, recall = _precision_recall(scores.contra)
    assert precision >= CONTRADICTION_PRECISION_FLOOR
    assert recall >= CONTRADICTION_RECALL_FLOOR


HELDOUT_FLOORS: dict[str, tuple[float, float, float, float] | None] = {
    "heldout_c": (
        HELDOUT_C_SPEAKER_FLOOR,
        HELDOUT_C_STANCE_FLOOR,
        CONTRADICTION_PRECISION_FLOOR,
        CONTRADICTION_RECALL_FLOOR,
    ),
    "heldout_e": (
        HELDOUT_E_SPEAKER_FLOOR,
        HELDOUT_E_STANCE_FLOOR,
        CONTRADICTION_PRECISION_FLOOR,
        HELDOUT_E_CONTRADICTION_RECALL_FLOOR,
    ),
}
"""The sets never tuned on: floors of speaker accuracy, stance accuracy, contradiction
precision and recall (None: not set yet)."""


@pytest.mark.untuned
@pytest.mark.parametrize("split", sorted(HELDOUT_FLOORS))
def test_untuned_heldout_sets_stay_above_their_floors(split: str) -> None:
    script = _script()
    floors = HELDOUT_FLOORS[split]
    if split not in script.SPLITS or not script.SPLITS[split].exists():
        pytest.skip(f"{split}: label file not in the repository yet")
    if floors is None:
        pytest.skip(f"{split}: floors not set yet")
    speaker, stance, precision_floor, recall_floor = floors
    scores = _scores(split)
    assert scores.speaker_all >= speaker
    assert scores.stance_all >= stance
    assert scores.speaker_all > scores.base_speaker
    precision, recall = _precision_recall(scores.contra)
    assert precision >= precision_floor
    assert recall >= recall_floor


HELDOUT_G_FLOORS: dict[str, tuple[float, float]] = {
    "heldout_g_a": (0.92, 0.90),
    "heldout_g_b": (0.80, 0.86),
}
"""Held-out G (labelled before issue 17's seventh round; no contradiction issues), speaker and
stance floors per half: half a (2018-03-15..16, 03-19, 03-20, tuned) measured 0.947 / 0.925
after that round (0.805 / 0.812 at its start; nearest-mention baseline 0.752, majority
0.579); half b (2018-10-01..02, only checked) 0.833 / 0.889, 0.778 / 0.852 before (baselines
0.630 / 0.593)."""


@pytest.mark.parametrize("half", sorted(HELDOUT_G_FLOORS))
def test_heldout_g_speakers_and_stances_stay_above_floor(half: str) -> None:
    script = _script()
    gold = script.load_split(half)
    records = script.load_records(gold)
    assert script.check(gold, records) == []
    scores = script.score(gold, records)
    speaker, stance = HELDOUT_G_FLOORS[half]
    assert scores.speaker_all >= speaker
    assert scores.stance_all >= stance
    assert scores.mid_phrase == 0
    assert scores.speaker_all > scores.base_speaker


HELDOUT_F_FLOORS: dict[str, tuple[float, float, float, float]] = {
    "heldout_f_a": (0.82, 0.82, CONTRADICTION_PRECISION_FLOOR, 0.60),
    "heldout_f_b": (0.72, 0.76, CONTRADICTION_PRECISION_FLOOR, 0.0),
}
"""Held-out F (eight cross-outlet contradiction issues, labelled before issue 17's seventh
contradiction round), speaker, stance, contradiction precision and recall floors per half: half
a (2018-02-23..28, tuned) measured speaker 0.850, stance 0.850, contradictions 2/2 and 2/3 after
the round (0/0 and 0/3 at its start; agreement()=="disagree" 5/43 and 2/3); half b
(2018-07-03..25, only checked) 0.747, 0.793, no record and 0/5 (baselines 0.517 / 0.644, 0/55
and 0/5): no recall floor yet."""


@pytest.mark.parametrize("half", sorted(HELDOUT_F_FLOORS))
def test_heldout_f_speakers_stances_and_contradictions_stay_above_floor(half: str) -> None:
    speaker, stance, precision_floor, recall_floor = HELDOUT_F_FLOORS[half]
    script = _script()
    gold = script.load_split(half)
    records = script.load_records(gold)
    unfound = script.check(gold, records)
    scores = script.score(gold, records)
    assert not unfound
    assert scores.speaker_all >= speaker
    assert scores.stance_all >= stance
    assert scores.mid_phrase == 0
    precision, recall = _precision_recall(scores.contra)
    assert precision >= precision_floor
    assert recall >= recall_floor
