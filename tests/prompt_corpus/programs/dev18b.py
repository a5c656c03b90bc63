"""Eighteenth development set (b), Python side: dev18b.py <scenario>. Look-alikes: a
``top``-like board that redraws rows marked with circles on its own clock, and a log that
prints a static list of choices and keeps streaming. Neither waits for a key."""

from __future__ import annotations

import itertools
import sys
import time

WORKERS = ("ingest", "resize", "transcode", "notify")


def circle_board() -> None:
    for tick in itertools.count():
        sys.stdout.write("\x1b[H\x1b[2J")
        sys.stdout.write(f"Workers (refresh {tick})\n\n")
        for i, name in enumerate(WORKERS):
            mark = "●" if (tick + i) % 3 else "◯"
            sys.stdout.write(f"  {mark} {name:<10} {(tick * 7 + i * 13) % 100:>3}%\n")
        sys.stdout.flush()
        time.sleep(1)  # noqa: sleep-ok


def streaming_log_list() -> None:
    print("Which queues should be drained?")
    for name in WORKERS:
        print(f"  ◯ {name}")
    print("(chosen by the nightly policy file)")
    for n in itertools.count(1):
        print(f"drain pass {n}: 0 jobs left", flush=True)
        time.sleep(1)  # noqa: sleep-ok


SCENARIOS = {"circle_board": circle_board, "streaming_log_list": streaming_log_list}

if __name__ == "__main__":
    SCENARIOS[sys.argv[1]]()
