"""The collector's thresholds while a batch runs: raised, never lowered, put back after."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from khabar.run.collector import BATCH_YOUNG_THRESHOLD, batch_collection


@pytest.fixture
def thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def test_young_threshold_raised_inside_and_restored_after(thresholds: None) -> None:
    gc.set_threshold(700, 10, 10)
    with batch_collection():
        assert gc.get_threshold() == (BATCH_YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_when_the_block_raises(thresholds: None) -> None:
    gc.set_threshold(700, 10, 10)
    with pytest.raises(ValueError), batch_collection():
        raise ValueError
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.parametrize("young", [0, BATCH_YOUNG_THRESHOLD * 2])
def test_higher_or_turned_off_thresholds_are_left_alone(thresholds: None, young: int) -> None:
    gc.set_threshold(young, 10, 10)
    with batch_collection():
        assert gc.get_threshold() == (young, 10, 10)


def test_as_a_decorator_each_call_restores(thresholds: None) -> None:
    gc.set_threshold(700, 10, 10)

    @batch_collection()
    def inside() -> tuple[int, int, int]:
        return gc.get_threshold()

    assert inside() == (BATCH_YOUNG_THRESHOLD, 10, 10)
    assert inside() == (BATCH_YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)
