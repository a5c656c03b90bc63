"""``python -m bench.profiled OUT -m MODULE ARGS...``: MODULE under cProfile, switched by signals.

The profile counts the main thread's CPU time (``time.thread_time_ns``), not wall
time, so a process preempted on a loaded machine is not charged for waiting.
SIGUSR1 starts it; SIGUSR2 stops it and writes the stats to OUT (``pstats``
format, written whole then renamed). Used by :mod:`bench.profile_relay`.
"""

from __future__ import annotations

import cProfile
import os
import runpy
import signal
import sys
import time
from types import FrameType


def main(argv: list[str]) -> None:
    if len(argv) < 3 or argv[1] != "-m":
        sys.exit("usage: python -m bench.profiled OUT -m MODULE [ARGS...]")
    out, module = argv[0], argv[2]
    profile = cProfile.Profile(time.thread_time_ns, 1e-9)

    def start(signum: int, frame: FrameType | None) -> None:
        profile.enable()

    def stop(signum: int, frame: FrameType | None) -> None:
        profile.disable()
        profile.dump_stats(out + ".part")
        os.replace(out + ".part", out)

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    sys.argv = [module, *argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
