"""Clustering quality on the labelled ANT days, with pinned floors (slow: reads the corpus)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from khabar.config import EventsConfig
from khabar.events import build_events
from khabar.events.metrics import ClusterScores, evaluate

ROOT = Path(__file__).resolve().parents[2]

BCUBED_F1_FLOOR = 0.89
"""Dev set: measured 0.901 at the default threshold (benchmarks/results_events.md); raise, never
lower."""

PAIRWISE_F1_FLOOR = 0.75
"""Dev set: measured 0.757 at the default threshold (0.742 before EventIndex.add took one publish
day at a time)."""

INCREMENTAL_PAIRWISE_F1_FLOOR = 0.75
"""Dev set fed one day at a time through EventIndex.add: measured 0.757 (BCubed F1 0.901)."""

HELDOUT_BCUBED_F1_FLOOR = 0.94
"""Held-out days (ant_events_test.tsv, labelled before tuning): measured 0.958."""

HELDOUT_PAIRWISE_F1_FLOOR = 0.80
"""Held-out days: measured 0.831."""


def _scripts() -> tuple[ModuleType, ModuleType]:
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    return pytest.importorskip("ant_devset"), pytest.importorskip("bench_events")


def _batch_scores(tsv: Path) -> ClusterScores:
    ant_devset, bench = _scripts()
    if not tsv.exists():
        pytest.skip(f"the ANT labels {tsv.name} are absent")
    records, gold = ant_devset._load_labelled(ant_devset.default_root(), tsv)
    events, _ = build_events([bench.to_annotated(r) for r in records], [], EventsConfig())
    return evaluate({a: e.id for e in events for a in e.articles}, gold)


@pytest.mark.slow
def test_ant_dev_set_scores_stay_above_floors(shared_dir: Path) -> None:
    ant_devset, _ = _scripts()
    scores = _batch_scores(ant_devset.DEVSET_TSV)
    assert scores.bcubed_f1 >= BCUBED_F1_FLOOR
    assert scores.pairwise_f1 >= PAIRWISE_F1_FLOOR


@pytest.mark.slow
def test_ant_held_out_days_score_above_floors(shared_dir: Path) -> None:
    ant_devset, _ = _scripts()
    scores = _batch_scores(ant_devset.HELDOUT_TSV)
    assert scores.bcubed_f1 >= HELDOUT_BCUBED_F1_FLOOR
    assert scores.pairwise_f1 >= HELDOUT_PAIRWISE_F1_FLOOR


@pytest.mark.slow
def test_ant_dev_set_fed_day_by_day_stays_above_floors(shared_dir: Path) -> None:
    ant_devset, bench = _scripts()
    if not ant_devset.DEVSET_TSV.exists():
        pytest.skip("the ANT dev set labels are absent")
    records, gold = ant_devset._load_labelled(ant_devset.default_root(), ant_devset.DEVSET_TSV)
    scores = evaluate(bench.incremental_labels(records), gold)
    assert scores.bcubed_f1 >= BCUBED_F1_FLOOR
    assert scores.pairwise_f1 >= INCREMENTAL_PAIRWISE_F1_FLOOR
