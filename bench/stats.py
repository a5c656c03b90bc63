"""Pure statistics for the benchmark: percentiles, run summaries, /proc/stat deltas.

Nothing here does I/O or reads a clock, so ``tests/test_bench_report.py``
pins it exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0..100) by linear interpolation between order statistics.

    Raises ValueError on an empty sequence or a ``q`` outside 0..100: a figure
    computed from no samples must fail loudly, not read as zero.
    """
    if not values:
        raise ValueError("percentile of no values: the lane recorded no samples")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0..100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    if low == high:
        return float(ordered[low])
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def ratio(subject: float, baseline: float) -> float:
    """``subject / baseline``; ValueError if the baseline is not positive (nothing to compare)."""
    if baseline <= 0:
        raise ValueError(f"baseline {baseline} is not positive: the baseline lane measured nothing")
    return subject / baseline


@dataclass(frozen=True)
class Summary:
    """Median and range of one figure's per-run values."""

    median: float
    low: float
    high: float
    runs: int


def summarize(per_run: Sequence[float]) -> Summary | None:
    """None when no run produced a value (the lane failed or was not measured)."""
    if not per_run:
        return None
    return Summary(median(per_run), min(per_run), max(per_run), len(per_run))


@dataclass(frozen=True)
class CpuTimes:
    """The aggregate ``cpu`` line of /proc/stat, in clock ticks."""

    busy: int
    idle: int  # idle + iowait
    steal: int

    @property
    def total(self) -> int:
        return self.busy + self.idle + self.steal


def parse_proc_stat(text: str) -> CpuTimes:
    """Parse the first (``cpu``) line of /proc/stat.

    Fields: user nice system idle iowait irq softirq steal [guest guest_nice];
    guest time is already counted in user, so it is not added again.
    """
    first = text.splitlines()[0].split()
    if not first or first[0] != "cpu":
        raise ValueError("not /proc/stat: the first line does not start with 'cpu'")
    fields = [int(x) for x in first[1:9]] + [0] * max(0, 8 - len(first[1:9]))
    user, nice, system, idle, iowait, irq, softirq, steal = fields[:8]
    return CpuTimes(busy=user + nice + system + irq + softirq, idle=idle + iowait, steal=steal)


def busy_and_steal(before: CpuTimes, after: CpuTimes) -> tuple[float, float]:
    """Machine busy% and steal% between two /proc/stat readings (0..100 each)."""
    total = after.total - before.total
    if total <= 0:
        return 0.0, 0.0
    busy = (after.busy - before.busy) / total * 100
    steal = (after.steal - before.steal) / total * 100
    return busy, steal


def schedstat_ns(texts: Sequence[str]) -> int:
    """Sum the first field (ns on CPU) of ``/proc/<pid>/task/<tid>/schedstat`` texts."""
    return sum(int(t.split()[0]) for t in texts if t.strip())


def status_rss_kb(text: str) -> int:
    """``VmRSS`` from /proc/<pid>/status, in KiB."""
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise ValueError("no VmRSS line: the process is gone or is a kernel thread")
