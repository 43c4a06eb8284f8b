"""Incremental clustering: new articles cluster with nearby events as one batch run would."""

from __future__ import annotations

from datetime import date, timedelta

from events_support import make
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.events import EventIndex
from khabar.events.cluster import ClusterState, agglomerate
from khabar.events.search import Group

DAY = date(2018, 4, 14)

STRIKE = [
    make(
        f"strike-{i}",
        title,
        body,
        DAY + timedelta(days=offset),
        outlet,
    )
    for i, (title, body, offset, outlet) in enumerate(
        [
            (
                "ضربات أمريكية بريطانية فرنسية على مواقع في سوريا",
                "شنت الولايات المتحدة وبريطانيا وفرنسا ضربات صاروخية على مواقع عسكرية للنظام"
                " السوري قرب دمشق وحمص فجر السبت ردا على الهجوم الكيميائي في دوما.",
                0,
                "a",
            ),
            (
                "انفجارات في دمشق مع بدء الضربات الغربية على سوريا",
                "سمع دوي انفجارات ضخمة في دمشق فجر السبت مع بدء الضربات الصاروخية الأمريكية"
                " البريطانية الفرنسية على مواقع النظام السوري ردا على هجوم دوما الكيميائي.",
                0,
                "b",
            ),
            (
                "صور الأقمار الصناعية تظهر آثار الضربات الغربية على مواقع في سوريا",
                "أظهرت صور الأقمار الصناعية آثار الضربات الصاروخية التي شنتها الولايات المتحدة"
                " وبريطانيا وفرنسا على مواقع عسكرية للنظام السوري قرب دمشق وحمص فجر السبت.",
                1,
                "c",
            ),
        ]
    )
]
FLOOD = make(
    "flood",
    "فيضانات تغمر قرى في شمال الهند",
    "غمرت مياه الفيضانات عشرات القرى في ولاية آسام شمال شرقي الهند بعد أمطار موسمية غزيرة،"
    " وأجلت السلطات آلاف السكان إلى مخيمات مؤقتة.",
    DAY + timedelta(days=1),
)


def _partition(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, event in labels.items():
        groups.setdefault(event, set()).add(article)
    return {frozenset(g) for g in groups.values()}


def test_next_day_report_joins_the_event_of_the_day_before() -> None:
    index = EventIndex()
    first = index.add(STRIKE[:2])
    second = index.add([STRIKE[2], FLOOD])
    assert first["strike-0"] == first["strike-1"] == second["strike-2"]
    assert second["flood"] != second["strike-2"]


def test_feeding_day_by_day_gives_the_partition_of_one_batch() -> None:
    everything = [*STRIKE, FLOOD]
    at_once = EventIndex().add(everything)
    fed = EventIndex()
    labels = {**fed.add(everything[:2]), **fed.add(everything[2:])}
    assert _partition(labels) == _partition(at_once)


def test_earlier_groups_never_merge_with_each_other() -> None:
    states = [ClusterState(), ClusterState(), ClusterState()]
    edges = {(0, 1): 2.0, (0, 2): 0.9, (1, 2): 0.9}
    groups = [Group(size=2, selfdot=3.0), Group(size=2, selfdot=3.0)]
    labels = agglomerate(states, edges, threshold=0.3, max_gap_days=3, groups=groups)
    assert labels[0] != labels[1]  # two existing events stay two
    assert labels[2] in (labels[0], labels[1])  # the new article joins one of them


def test_a_group_scores_by_its_summed_vector() -> None:
    # a new article with cosine 0.3 to each of 4 members of an event whose members are
    # pairwise 0.5 apart: centroid cosine = 4 * 0.3 / sqrt(4 + 12 * 0.5) = 0.38
    group = Group(size=4, selfdot=4 + 12 * 0.5)
    edges = {(0, 1): 4 * 0.3}
    states = [ClusterState(), ClusterState()]
    assert len(set(agglomerate(states, edges, 0.35, 3, groups=[group]))) == 1
    assert len(set(agglomerate(states, edges, 0.40, 3, groups=[group]))) == 2


@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=4))
@settings(max_examples=10, deadline=None)
def test_every_article_gets_one_event_whatever_the_batches(cuts: list[int]) -> None:
    everything = [*STRIKE, FLOOD]
    index = EventIndex()
    start, labels = 0, {}
    for cut in [*sorted(cuts), len(everything)]:
        labels.update(index.add(everything[start : max(start, cut)]))
        start = max(start, cut)
    assert set(labels) == {a.id for a in everything}
    members = [m for ms in index.events().values() for m in ms]
    assert sorted(members) == sorted(a.id for a in everything)
