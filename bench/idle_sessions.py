"""``python -m bench.idle_sessions N LAG_SAMPLES POLICY``: a process with N idle sessions.

Measures, in this process: RSS, open fds and event-loop lag (overshoot of a
2 ms ``call_later``) with one warm-up session, then again with N more
``sleep`` sessions (the lag baseline half before, half after them); prints
``RESULT <json>`` and closes every session. A fresh process per run, so
memory freed by an earlier run cannot hide growth.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path

from bench import stats
from bench.procs import process_fds, process_rss_kb
from supervisor.session_manager import SessionManager

SPAWN_BATCH = 8  # spawns run off the loop; a few at once keeps both cores busy


def _fire(fired: asyncio.Future[float]) -> None:
    fired.set_result(time.perf_counter())


async def loop_lag(samples: int, delay: float = 0.002) -> list[float]:
    loop = asyncio.get_running_loop()
    out = []
    for _ in range(samples):
        fired: asyncio.Future[float] = loop.create_future()
        due = time.perf_counter() + delay
        loop.call_later(delay, _fire, fired)
        out.append(await fired - due)
    return out


async def measure(n: int, lag_samples: int, policy: Path, cwd: str) -> dict[str, float]:
    manager = SessionManager(policy_file=policy)
    pid = os.getpid()
    warm = await manager.create(["sleep", "1000"], cwd)  # first-use allocations
    half = max(1, lag_samples // 2)
    try:
        # The baseline is sampled half before the spawns and half after the close, so
        # a neighbour's burst of load lands on both sides less unevenly.
        lag0 = await loop_lag(half)
        rss0, fds0 = process_rss_kb(pid), process_fds(pid)
        for start in range(0, n, SPAWN_BATCH):
            batch = range(start, min(n, start + SPAWN_BATCH))
            await asyncio.gather(*(manager.create(["sleep", "1000"], cwd) for _ in batch))
        lag_n = await loop_lag(lag_samples)
        rss_n, fds_n = process_rss_kb(pid), process_fds(pid)
        await asyncio.gather(*(s.close() for s in manager.list() if s is not warm))
        lag0 += await loop_lag(half)
    finally:
        await manager.close_all()
    return {
        "sessions": n,
        "rss_kb_per_session": (rss_n - rss0) / n,
        "fds_per_session": (fds_n - fds0) / n,
        "lag_p99_ratio": stats.ratio(stats.percentile(lag_n, 99), stats.percentile(lag0, 99)),
        "lag_p50_ratio": stats.ratio(stats.median(lag_n), stats.median(lag0)),
        "lag0_p99_us": stats.percentile(lag0, 99) * 1e6,
        "lagn_p99_us": stats.percentile(lag_n, 99) * 1e6,
    }


def main(argv: list[str]) -> int:
    n, lag_samples, policy = int(argv[0]), int(argv[1]), Path(argv[2])
    result = asyncio.run(measure(n, lag_samples, policy, str(policy.parent.parent)))
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
