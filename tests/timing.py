"""How long a test may wait for another process: time-outs sized to the machine, never to a
quiet run.

Every wait on a subprocess (its start, its output, its end) multiplies its time-out by one
factor, ``slowdown()``: ``SANGKIEN_TEST_SLOWDOWN`` when it is set (``3`` on a machine known to
be busy), otherwise measured once per process — the larger of the load average per CPU and the
wall-clock time a short busy loop takes per second of CPU it got — and never below 1. A time-out
only decides how long a hung process is waited for, so a generous one costs nothing when all
goes well. pytest prints the factor in its header."""

from __future__ import annotations

import functools
import os
import statistics
import time

ENV = "SANGKIEN_TEST_SLOWDOWN"
#: A measured factor stops here: beyond it the machine is not busy but stuck, and a hung
#: process should still fail its test within the hour.
MEASURED_CAP = 10.0


def _cpus() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def _contention(samples: int = 5, seconds: float = 0.01) -> float:
    """Wall-clock time per second of CPU this thread gets while it spins: the median of a few
    short spins, so that one unlucky pause does not decide the factor."""
    ratios = []
    for _ in range(samples):
        wall, cpu = time.perf_counter(), time.thread_time()
        while time.thread_time() - cpu < seconds:
            pass
        ratios.append((time.perf_counter() - wall) / max(time.thread_time() - cpu, 1e-6))
    return statistics.median(ratios)


@functools.cache
def slowdown() -> float:
    """The factor every subprocess time-out of the tests is multiplied by."""
    value = os.environ.get(ENV, "").strip()
    if value:
        try:
            factor = float(value)
        except ValueError:
            raise ValueError(f"{ENV}={value!r}: expected a number such as 3") from None
        if not factor > 0:
            raise ValueError(f"{ENV}={value!r}: expected a number above 0")
        return factor
    try:
        load = os.getloadavg()[0] / _cpus()
    except (AttributeError, OSError):  # Windows has no load average
        load = 0.0
    return min(MEASURED_CAP, max(1.0, load, _contention()))


def scaled(seconds: float) -> float:
    """``seconds`` (enough on a quiet machine, with room to spare) sized to this machine."""
    return seconds * slowdown()
