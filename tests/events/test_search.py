"""Candidate-search tasks: the edges they find, however the search is cut into tasks."""

from __future__ import annotations

import pickle
from datetime import date, timedelta

import numpy as np
import pytest
from events_support import make
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.events import EventIndex
from khabar.events.profile import ProfileWorker, profile_article
from khabar.events.search import (
    CANDIDATE_MIN,
    EventBlock,
    SearchResult,
    plan,
    search,
)
from khabar.events.text import TermExtractor
from khabar.events.vectors import TfidfModel, weigh
from khabar.run import LocalExecutor

DAY = date(2018, 4, 14)
WORDS = [f"w{i}" for i in range(12)]

bags = st.lists(
    st.dictionaries(st.sampled_from(WORDS), st.integers(1, 4).map(float), max_size=6),
    min_size=2,
    max_size=12,
)


def _model(docs: list[dict[str, float]]) -> TfidfModel:
    return TfidfModel().fit(docs)


@settings(max_examples=60, deadline=None)
@given(bags)
def test_weigh_gives_unit_rows_of_known_terms(docs: list[dict[str, float]]) -> None:
    model = _model(docs)
    matrix = weigh(model.encode(docs), model.idf())
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    for doc, norm in zip(docs, norms, strict=True):
        assert norm == pytest.approx(1.0) or not doc
    assert (matrix.data > 0).all()
    assert matrix.shape == (len(docs), len(model.df_))


def test_transform_drops_unknown_terms_and_keeps_empty_rows() -> None:
    model = _model([{"a": 1.0, "b": 2.0}, {"a": 1.0, "c": 1.0}])
    matrix = model.transform([{"zz": 3.0}, {}, {"a": 1.0, "zz": 1.0}])
    assert matrix.shape == (3, 3)
    assert matrix[0].nnz == matrix[1].nnz == 0
    assert matrix[2].toarray().ravel().tolist() == [1.0, 0.0, 0.0]


def _blocks(
    model: TfidfModel, events: list[list[dict[str, float]]], n_new: int
) -> list[EventBlock]:
    return [
        EventBlock(tuple(model.encode(ev)), tuple(DAY for _ in ev), tuple(range(n_new)))
        for ev in events
    ]


@settings(max_examples=60, deadline=None)
@given(bags, st.lists(bags, max_size=5))
def test_search_edges_are_the_exact_cosines_above_the_floor(
    new: list[dict[str, float]], events: list[list[dict[str, float]]]
) -> None:
    model = _model(new + [m for ev in events for m in ev])
    dense = model.transform(new).toarray()
    tasks = plan(
        model.idf(),
        model.encode(new),
        [DAY] * len(new),
        [list(doc) for doc in new],
        _blocks(model, events, len(new)),
        max_gap_days=3,
    )
    results = [search(t) for t in tasks]
    pairs = {(a, b): v for r in results for a, b, v in r.pairs}
    for a in range(len(new)):
        for b in range(a + 1, len(new)):
            cosine = float(dense[a] @ dense[b])
            if cosine >= CANDIDATE_MIN + 1e-9:
                assert pairs[(a, b)] == pytest.approx(cosine)
            elif cosine < CANDIDATE_MIN - 1e-9:
                assert (a, b) not in pairs
    edges = {}
    offset = 0
    for r in results:
        edges.update({(e + offset, j): v for e, j, v in r.event_edges})
        offset += len(r.groups)
    assert offset == len(events)
    for e, ev in enumerate(events):
        members = model.transform(ev).toarray() if ev else np.zeros((0, dense.shape[1]))
        for j in range(len(new)):
            cosines = [float(m @ dense[j]) for m in members]
            expected = sum(c for c in cosines if c >= CANDIDATE_MIN)
            assert edges.get((e, j), 0.0) == pytest.approx(expected, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(bags, st.lists(bags, min_size=1, max_size=6), st.integers(1, 10))
def test_cutting_the_search_into_more_tasks_finds_the_same_edges(
    new: list[dict[str, float]], events: list[list[dict[str, float]]], per_task: int
) -> None:
    model = _model(new + [m for ev in events for m in ev])
    args = (
        model.idf(),
        model.encode(new),
        [DAY] * len(new),
        [list(d) for d in new],
        _blocks(model, events, len(new)),
        3,
    )
    one = [search(t) for t in plan(*args, members_per_task=10_000)]
    many = [search(t) for t in plan(*args, members_per_task=per_task)]
    assert len(one) == 1

    def flat(results: list[SearchResult]) -> tuple[list[object], list[object]]:
        groups = [g for r in results for g in r.groups]
        edges, offset = [], 0
        for r in results:
            edges += [(e + offset, j, v) for e, j, v in r.event_edges]
            offset += len(r.groups)
        return groups, sorted(edges)

    assert flat(many) == flat(one)  # exactly equal floats, not just close
    assert [r.pairs for r in many if r.pairs] == [r.pairs for r in one if r.pairs]


def test_event_blocks_respect_publish_dates() -> None:
    new = [{"a": 1.0, "b": 1.0}, {"a": 1.0, "b": 1.0}]
    model = _model([*new, {"a": 1.0, "b": 1.0, "c": 1.0}])
    block = EventBlock(
        tuple(model.encode([{"a": 1.0, "b": 1.0, "c": 1.0}])),
        (DAY - timedelta(days=10),),
        (0, 1),
    )
    far = [DAY, DAY]
    (task,) = plan(model.idf(), model.encode(new), far, [[], []], [block], 3)
    assert search(task).event_edges == ()
    near = [DAY - timedelta(days=9)] * 2
    (task,) = plan(model.idf(), model.encode(new), near, [[], []], [block], 3)
    assert {j for _, j, _ in search(task).event_edges} == {0, 1}


def test_search_tasks_and_results_pickle() -> None:
    new = [{"a": 1.0, "b": 2.0}, {"a": 1.0, "c": 1.0}]
    model = _model(new)
    (task,) = plan(model.idf(), model.encode(new), [DAY, None], [["a", "b"], ["a"]], [], 3)
    copy = pickle.loads(pickle.dumps(task))
    assert search(copy) == search(task)


ARTICLES = [
    make(
        f"a{i}",
        title,
        body,
        DAY + timedelta(days=i % 2),
        outlet,
    )
    for i, (title, body, outlet) in enumerate(
        [
            ("زلزال يضرب شرق تركيا", "ضرب زلزال بقوة ست درجات شرق تركيا فجر اليوم.", "a"),
            ("زلزال قوي في شرق تركيا", "هز زلزال قوي مناطق في شرق تركيا فجر اليوم.", "b"),
            ("انتخابات بلدية في تونس", "يصوت التونسيون اليوم في أول انتخابات بلدية.", "a"),
            ("التونسيون يصوتون في الانتخابات البلدية", "فتحت مراكز الاقتراع في تونس.", "c"),
            ("فيضانات في الهند", "غمرت الفيضانات قرى في ولاية آسام شمال شرقي الهند.", "b"),
        ]
    )
]


def test_profile_worker_pickles_without_its_cache_and_profiles_alike() -> None:
    worker = ProfileWorker(TermExtractor())
    expected = worker(ARTICLES)
    assert worker.extractor.cached_words() > 0
    shipped = pickle.dumps(worker)
    assert len(shipped) < 200  # the word cache stays behind
    assert pickle.loads(shipped)(ARTICLES) == expected
    assert expected == [profile_article(a, TermExtractor()) for a in ARTICLES]


def test_clustering_on_a_process_pool_equals_in_process() -> None:
    alone = EventIndex().add(ARTICLES)
    with LocalExecutor(workers=2) as pool:
        on_pool = EventIndex().add(ARTICLES, pool)
    assert on_pool == alone
    assert alone["a0"] == alone["a1"] and alone["a2"] == alone["a3"] != alone["a0"]
