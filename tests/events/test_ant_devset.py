"""Event and story quality on the labelled ANT dev windows, with pinned floors (slow: reads the
corpus and annotates every article, as ``khabar analyze`` runs it).

The windows are those of tests/quality/data/events_dev_a.tsv and events_dev_b.tsv, and of
events_heldout_a.tsv and events_heldout_b.tsv (development data since the fourth round of issue
14), labelled by ../shared/EVENTS.md (a reaction is its own event; a crisis is one story).
Floors sit a little below the figures measured with ``python scripts/ant_devset.py score`` (see
benchmarks/results_events.md); raise them when the code improves, never lower them silently.
The earlier sets (ant_events_dev.tsv, ant_events_test.tsv) follow the old guideline that put
reactions inside the happening they react to, so their floors were retired with it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from khabar.events import EventIndex

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "quality" / "data"
DEV_TSVS = (DATA / "events_dev_a.tsv", DATA / "events_dev_b.tsv")

FLOORS: dict[str, tuple[float, float, float]] = {
    "2018-02-17": (0.97, 0.88, 0.86),
    "2018-04-14..2018-04-15": (0.91, 0.82, 0.91),
    "2018-05-08..2018-05-09": (0.91, 0.77, 0.94),
    "2018-06-23": (0.95, 0.88, 0.94),
    "2018-08-03": (0.95, 0.72, 0.94),
    "2018-10-04": (0.96, 0.83, 0.93),
}
"""Per window: floors of event BCubed F1, event pairwise F1 and story BCubed F1 (khabar,
annotated). Measured 2026-12-07 (fourth round, ``python scripts/ant_devset.py score`` on the
four files, the annotator of that evening): 0.948 / 0.583 / 0.875, 0.875 / 0.658 / 0.928,
0.900 / 0.718 / 0.956, 0.963 / 0.900 / 0.956, 0.963 / 0.750 / 0.957, 0.987 / 0.857 / 0.953.
The strikes window's pairwise floor moved 0.68 → 0.63 in the open: with that evening's
annotator (other work on entities and dating) the code of the round's start scored 0.655
there (0.700 with the morning's annotations), and this round's code 0.658. The goals of
issue 14 are 0.90 / 0.75 / 0.90 per window: not yet met on the dense windows. Fifth round
(FIRST_DAY_THRESHOLD, khabar/events/cluster.py): the strikes window 0.884 / 0.704 / 0.911 and
the Iran-deal window 0.903 / 0.733 / 0.956, the other windows unchanged; their event floors
were raised, the strikes window's story floor stays 0.91 (0.928 -> 0.911: the inspectors'
event, now apart from the strikes, links a side story of Douma into the crisis's story).
Sixth round (features naming no doer nor kind, bodies' names, anonymous officials' sayings):
the strikes window 0.891 / 0.747 / 0.917, the Iran-deal window 0.906 / 0.748 / 0.956; their
pairwise floors were raised. Ninth round (one party's deed in one place merges at 0.20,
AGREE_MARGIN; roundups of one day about one place; two signature cues): the strikes window
0.896 / 0.755 / 0.935 -> 0.915 / 0.818 / 0.923, the Iran-deal window 0.909 / 0.754 -> 0.911 /
0.760; their event floors raised (the strikes window's story floor stays 0.91). Tenth round
(false merges: a debate against the act it debates, explainer cues, a leader's saying against
his country's report of an act): the strikes window 0.915 / 0.818 / 0.932 -> 0.920 / 0.829 /
0.937, the Iran-deal window 0.911 / 0.760 -> 0.918 / 0.781 (story 0.965), 2018-02-17 0.959 /
0.692 -> 0.989 / 0.909 (a denial apart from the claim it answers); event floors raised."""


def _scripts() -> tuple[ModuleType, ModuleType]:
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    return pytest.importorskip("ant_devset"), pytest.importorskip("bench_events")


def _need_labels() -> None:
    for tsv in DEV_TSVS:
        if not tsv.exists():
            pytest.skip(f"the ANT labels {tsv.name} are absent")


@pytest.mark.slow
def test_dev_windows_score_above_floors(shared_dir: Path) -> None:
    _need_labels()
    _assert_floors(DEV_TSVS, FLOORS)


def _assert_floors(tsvs: tuple[Path, ...], floors: dict[str, tuple[float, float, float]]) -> None:
    """Score khabar on the labelled windows of ``tsvs``; each must reach its floors."""
    ant_devset, _ = _scripts()
    labels = ant_devset.load_labels(tsvs)
    assert labels.errors == ()
    records = ant_devset.load_ant(ant_devset.default_root())
    rows, _ = ant_devset.score_windows(records, labels)
    measured = {
        name.split(" ")[0]: next(r for r in runs if r.run == "khabar") for name, runs in rows
    }
    for window, (bcubed, pairwise, story) in floors.items():
        scores = measured[window]
        assert scores.events.bcubed_f1 >= bcubed, window
        assert scores.events.pairwise_f1 >= pairwise, window
        assert scores.stories is not None and scores.stories.bcubed_f1 >= story, window


@pytest.mark.slow
def test_dense_window_fed_day_by_day_gives_the_events_of_one_call(shared_dir: Path) -> None:
    ant_devset, bench = _scripts()
    _need_labels()
    labels = ant_devset.load_labels(DEV_TSVS)
    days = {"2018-05-08", "2018-05-09"}
    records = [
        r
        for r in ant_devset.load_ant(ant_devset.default_root(), days=days)
        if r["docno"] in labels.events
    ]
    articles = [bench.to_annotated(r) for r in records]
    at_once = EventIndex().add(articles)
    fed = EventIndex()
    day_by_day: dict[str, str] = {}
    for day in sorted(days):
        day_by_day.update(fed.add([a for a in articles if str(a.article.published) == day]))

    def partition(labels_of: dict[str, str]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for article, event in labels_of.items():
            groups.setdefault(event, set()).add(article)
        return {frozenset(g) for g in groups.values()}

    assert partition(day_by_day) == partition(at_once)


HELDOUT_TSVS = (DATA / "events_heldout_a.tsv", DATA / "events_heldout_b.tsv")
"""The first two held-out files. They were scored in many sessions and are development data
since the fourth round (tuned on with the dev files); the fresh held-out file
(events_heldout_c.tsv) has its own test below."""

HELDOUT_FLOORS: dict[str, tuple[float, float, float]] = {
    "2018-02-24..2018-02-25": (0.91, 0.59, 0.92),
    "2018-03-04": (0.93, 0.77, 0.93),
    "2018-05-14..2018-05-15": (0.87, 0.55, 0.89),
    "2018-05-20": (0.95, 0.79, 0.94),
    "2018-07-07": (0.92, 0.45, 0.94),
    "2018-09-01": (0.98, 0.95, 0.92),
    "2018-10-19..2018-10-20": (0.90, 0.58, 0.95),
}
"""Windows of events_heldout_a/b.tsv (development data now): floors of event BCubed F1, event
pairwise F1 and story BCubed F1. Measured 2026-12-07 (fourth round, same run as FLOORS):
0.929 / 0.619 / 0.938, 0.952 / 0.800 / 0.952, 0.872 / 0.527 / 0.911, 0.955 / 0.780 / 0.954,
0.911 / 0.400 / 0.966, 1.000 / 1.000 / 0.948, 0.905 / 0.538 / 0.962. Sixth round: Gaza
0.875 / 0.546 / 0.911 and Khashoggi 0.913 / 0.602 / 0.962, their floors raised; the others
unchanged. Ninth round: Gaza 0.875 / 0.546 -> 0.877 / 0.561 (story 0.942), its event floors
raised. Tenth round: 2018-05-20 0.955 / 0.780 -> 0.962 / 0.800 and 2018-07-07 0.911 / 0.400
-> 0.933 / 0.500, their event floors raised; Gaza 0.877 / 0.561 -> 0.880 / 0.561."""


@pytest.mark.slow
def test_heldout_windows_score_above_floors(shared_dir: Path) -> None:
    for tsv in HELDOUT_TSVS:
        if not tsv.exists():
            pytest.skip(f"the ANT labels {tsv.name} are absent")
    _assert_floors(HELDOUT_TSVS, HELDOUT_FLOORS)


UNTUNED_FLOORS: dict[str, dict[str, tuple[float, float, float]]] = {
    "events_heldout_c.tsv": {
        "2018-05-10..2018-05-11": (0.83, 0.34, 0.88),
        "2018-06-13..2018-06-14": (0.85, 0.45, 0.93),
        "2018-06-16..2018-06-17": (0.85, 0.48, 0.94),
    },
    "events_heldout_d.tsv": {
        "2018-03-25..2018-03-28": (0.90, 0.48, 0.86),
        "2018-07-16..2018-07-17": (0.88, 0.45, 0.90),
    },
}
"""The held-out sets never tuned on, each labelled before a round was measured by an annotator
who does not tune, and scored by the lead at that round's start and end only
(benchmarks/results_events.md): per window, floors of event BCubed F1, event pairwise F1 and
story BCubed F1, a regression guard a little under the figures measured, far under issue 14's
goals of 0.90 / 0.75 / 0.90.

- C (fourth round), measured at the tenth round's end (2026-12-08): 0.846 / 0.358 / 0.896,
  0.869 / 0.478 / 0.938, 0.870 / 0.523 / 0.955 (ninth round's end 0.841 / 0.328 / 0.888,
  0.871 / 0.481 / 0.938, 0.862 / 0.512 / 0.955; seventh round's end 0.841 / 0.328 / 0.888,
  0.871 / 0.481 / 0.942, 0.862 / 0.512 / 0.950; sixth round's end 0.844 / 0.328 / 0.872,
  0.871 / 0.481 / 0.927, 0.862 / 0.512 / 0.929; fourth round's end 0.845 / 0.352 / 0.872,
  0.852 / 0.445 / 0.922, 0.862 / 0.512 / 0.929).
- D (labelled before the fifth round; no dense day), measured at the tenth round's end:
  0.913 / 0.505 / 0.872, 0.892 / 0.472 / 0.911 (ninth round's end 0.913 / 0.503 / 0.872,
  0.892 / 0.472 / 0.911; seventh round's end 0.913 / 0.503 / 0.872,
  0.893 / 0.468 / 0.904; sixth round's end 0.913 / 0.498 / 0.858,
  0.891 / 0.464 / 0.889; before the fifth round 0.912 / 0.522 / 0.859, 0.890 / 0.472 / 0.889)."""


@pytest.mark.slow
@pytest.mark.untuned
@pytest.mark.parametrize("name", sorted(UNTUNED_FLOORS))
def test_untuned_heldout_windows_score_above_floors(shared_dir: Path, name: str) -> None:
    tsv = DATA / name
    if not tsv.exists():
        pytest.skip(f"the ANT labels {name} are absent")
    _assert_floors((tsv,), UNTUNED_FLOORS[name])
