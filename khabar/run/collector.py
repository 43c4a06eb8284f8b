"""Garbage-collector settings for a batch's stages.

A batch allocates millions of small objects that live to its end (tokens, mentions, features,
term tables) and very few reference cycles. With Python's default thresholds (700, 10, 10) the
collector runs a young collection every 700 net allocations and, as the survivors pile up, full
collections that walk everything not frozen: 2.3 of 34.9 CPU s of a whole ``analyze`` of 1,000
ANT articles (2,795 young, 235 middle and 15 full collections). With a young threshold of
10,000 the same run spent 0.9 s in 151 young and 12 middle collections and none full, peak RSS
492 against 485 MiB (``benchmarks/results_pipeline.md``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_YOUNG_THRESHOLD = 10_000
"""Net allocations between young collections while a batch runs (Python's default: 700).
Measured on 1,000 ANT articles: 700 → 2.3 CPU s of collection, 10,000 → 0.9 s at +1 % peak RSS,
50,000 → 0.7 s at +3 %."""


@contextmanager
def batch_collection() -> Iterator[None]:
    """Run the block with the young generation's threshold raised to
    :data:`BATCH_YOUNG_THRESHOLD` (never lowered; a collector turned off stays off), and put
    the thresholds back after."""
    before = gc.get_threshold()
    if 0 < before[0] < BATCH_YOUNG_THRESHOLD:
        gc.set_threshold(BATCH_YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
