"""Timing helpers and the result table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    value_ms: float
    baseline_name: str
    baseline_ms: float
    target: str
    unit: str = "ms"  # what value_ms / baseline_ms hold ("MB" for peak memory)

    @property
    def ratio(self) -> float:
        return self.value_ms / self.baseline_ms if self.baseline_ms else float("inf")


def median_ms(function: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``function`` in milliseconds, after one warm-up call."""
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def print_table(rows: list[Row]) -> None:
    header = (
        f"| {'figure':<46} | {'ours':>10} | {'baseline':<44} | {'base':>10} | {'ratio':>6} | target"
    )
    print(header)
    print("|" + "|".join("-" * (len(part)) for part in header.split("|")[1:]))
    for r in rows:
        print(
            f"| {r.name:<46} | {r.value_ms:>7.1f} {r.unit} | {r.baseline_name:<44} | "
            f"{r.baseline_ms:>7.1f} {r.unit} | {r.ratio:>5.2f}× | {r.target}"
        )
