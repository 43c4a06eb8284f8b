"""The pure math of sentence selection."""

from __future__ import annotations

import numpy as np

from khabar.summary.rank import cosine_matrix, lexrank, mmr_order, tfidf_matrix


def test_tfidf_rows_are_unit_length_and_empty_rows_stay_zero() -> None:
    vectors = tfidf_matrix([["a", "b"], ["b", "c", "c"], []])
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms[:2], 1.0)
    assert norms[2] == 0.0


def test_lexrank_sums_to_one_and_ranks_the_hub_sentence_first() -> None:
    docs = [["x", "y", "z"], ["x", "y"], ["y", "z"], ["x", "z"], ["q", "r"]]
    scores = lexrank(cosine_matrix(tfidf_matrix(docs)), threshold=0.1)
    assert abs(scores.sum() - 1.0) < 1e-9
    assert int(np.argmax(scores)) == 0
    assert scores[4] == scores.min()


def test_mmr_skips_a_redundant_sentence_for_a_novel_one() -> None:
    similarity = np.array([[1.0, 0.95, 0.0], [0.95, 1.0, 0.0], [0.0, 0.0, 1.0]])
    assert mmr_order([1.0, 0.99, 0.6], similarity, 2, trade_off=0.5) == [0, 2]


def test_mmr_excludes_near_copies_of_a_pick() -> None:
    similarity = np.array([[1.0, 0.9], [0.9, 1.0]])
    assert mmr_order([1.0, 0.9], similarity, 2, trade_off=1.0, exclude_at=0.8) == [0]


def test_mmr_group_penalty_spreads_picks_across_groups() -> None:
    similarity = np.eye(3)
    picks = mmr_order(
        [1.0, 0.95, 0.9], similarity, 2, trade_off=1.0, group=["a", "a", "b"], group_penalty=0.2
    )
    assert picks == [0, 2]
