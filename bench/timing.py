"""The one timing helper the bench scripts share: median wall time of a callable."""

from __future__ import annotations

import statistics
import time


def median_s(fn, runs: int) -> float:
    """Median seconds of ``runs`` calls (a median shrugs off a busy moment on a shared machine)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def median_ms(fn, runs: int = 30) -> float:
    return median_s(fn, runs) * 1000
