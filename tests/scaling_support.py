"""Inputs and a timer for the tests that check an annotator's time grows linearly with its input.

The issue that asked for them allows one kind of timing in tests: a ratio between two runs of
the same code in one process, on inputs ten times apart, so a slow or busy machine does not move
it. Text is the project's own example pages, repeated.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

SMALL_BYTES = 100_000
LARGE_BYTES = 1_000_000
MAX_GROWTH = 20.0
"""Allowed ratio of the 1 MB time to the 100 KB time: linear work gives about 10 (the tagger
11.4–12.1 on a quiet machine, 16.7 once in a full test run on a loaded one); the margin covers
caches warming and the machine's noise. The quadratic code this guards against gave 40 to 200
(issue 15)."""

TIMING_RUNS = 3
"""Runs of each size; the fastest counts (noise only ever adds time)."""

DATE_PHRASES = (
    "في 12 آذار 2023 وفي 3 تشرين الأول 2024 ويوم الأربعاء الماضي ثم في 1/2/2025، "
    "وأمس الجمعة وصباح الثلاثاء و18 أبريل الجاري ويونيو القادم والعام الماضي. "
)


def news_text(n_bytes: int) -> str:
    """About ``n_bytes`` of UTF-8 Arabic news prose: the example text pages, repeated."""
    pages = "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    return _repeat(pages, n_bytes)


def date_text(n_bytes: int) -> str:
    """About ``n_bytes`` of dense date expressions."""
    return _repeat(DATE_PHRASES, n_bytes)


def _repeat(unit: str, n_bytes: int) -> str:
    raw = (unit * (n_bytes // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:n_bytes]
    return raw.decode("utf-8", errors="ignore")


def growth(run: Callable[[str], object], small: str, large: str) -> float:
    """CPU time of ``run(large)`` over that of ``run(small)``, each the best of TIMING_RUNS
    runs (one warm-up run of ``small`` first)."""
    run(small)

    def best(text: str) -> float:
        times = []
        for _ in range(TIMING_RUNS):
            start = time.process_time()
            run(text)
            times.append(time.process_time() - start)
        return max(min(times), 1e-3)

    return best(large) / best(small)
