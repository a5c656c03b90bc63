"""Fourteenth development set (b), Python side: ``dev14b.py <scenario>``.

Live displays that are no prompts, each redrawing on its own clock: a curses board that
gathers its figures on the CPU and then sleeps (so a sample can catch it awake), a
curses board that waits for keys with a timeout, and a raw-mode board that waits in
``select()`` with a timeout; and a question asked after a spinner ran on a timer, which
must stay a question. Prints ``ANSWER=<json>`` for the scenarios that end.
"""

from __future__ import annotations

import json
import os
import select
import sys
import termios
import time
import tty
from collections.abc import Callable
from typing import Any

SHARDS = ("shard-east", "shard-west", "shard-north", "shard-south")


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def _work(seconds: float) -> int:
    """Figures gathered on the CPU, as a monitor that parses or hashes does."""
    end, total = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        total += sum(range(500))
    return total


def look_curses_busy_board() -> Any:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        tick = 0
        while True:
            tick += 1
            win.erase()
            win.addstr(0, 2, f"Replication lag - which shard needs a resync?  pass {tick}")
            for i, name in enumerate(SHARDS):
                mark = "❯" if i == tick % 4 else " "
                win.addstr(2 + i, 1, f"{mark} {name:<12} {(tick * 7 + i * 13) % 90:3d} ms")
            win.addstr(7, 2, "r reload · s sort · q quit")
            win.refresh()
            _work(0.5)
            time.sleep(0.5)  # noqa: sleep-ok - a monitor pacing its redraws

    curses.wrapper(run)


def look_curses_timeout_legend() -> Any:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        win.timeout(1000)  # a key or, after a second, the next redraw
        tick = 0
        while True:
            tick += 1
            win.erase()
            win.addstr(0, 0, f" Build agents  ({tick} polls)")
            for i, name in enumerate(("agent-01", "agent-02", "agent-03")):
                mark = "▶" if i == tick % 3 else " "
                win.addstr(2 + i, 1, f"{mark} {name}  {('idle', 'busy')[(tick + i) % 2]}")
            win.addstr(6, 0, " ↑/↓ move   enter details   q quit")
            win.refresh()
            if win.getch() == ord("q"):
                return

    curses.wrapper(run)


def look_select_status_board() -> Any:
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setraw(fd)
    try:
        tick = 0
        while True:
            tick += 1
            rows = [f"\x1b[H\x1b[2JQueue consumers - pick one to drain? (tick {tick})\r\n\r\n"]
            for i, name in enumerate(("mailer", "thumbs", "billing")):
                mark = "❯" if i == tick % 3 else " "
                rows.append(f"{mark} {name:<8} lag {(tick * 3 + i) % 20}s\r\n")
            rows.append("\r\n(q to quit)")
            os.write(1, "".join(rows).encode())
            ready, _, _ = select.select([fd], [], [], 1.0)
            if ready and os.read(fd, 1) == b"q":
                return None
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def questionary_after_spinner() -> Any:
    import questionary

    frames = "|/-\\"
    for i in range(12):  # a spinner on a timer, finished before the question
        print(f"\r{frames[i % 4]} resolving mirrors", end="", flush=True)
        time.sleep(0.1)  # noqa: sleep-ok - the spinner's own pacing
    print("\rmirrors resolved      ", flush=True)
    return questionary.select(
        "Which mirror should the installer use?",
        choices=["Frankfurt", "Singapore", "Virginia"],
    ).ask()


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        look_curses_busy_board,
        look_curses_timeout_legend,
        look_select_status_board,
        questionary_after_spinner,
    )
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
