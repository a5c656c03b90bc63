"""Twelfth development set (c), Python side: ``dev12c.py <scenario>``.

A live display that is no prompt: a curses monitor (raw mode) that redraws a job table
with a moving "▸" and a key legend between sleeps, in a layout of its own (legend at the
bottom, a boxed title); survey's basket, whose legend ticks with → and unticks with ←,
answered by unticking its last row and ticking its first. Prints ``ANSWER=<json>``
for the scenarios that end.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def look_curses_job_monitor() -> Any:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        tick = 0
        while True:
            tick += 1
            win.erase()
            win.addstr(0, 0, "┌─ queue watch ─────────────────────────┐")
            win.addstr(1, 0, f"  Which jobs are stuck?  refreshed {tick}x")
            for i, name in enumerate(("ingest", "resize", "notify", "rollup")):
                mark = "▸" if i == tick % 4 else " "
                win.addstr(3 + i, 0, f" {mark} {name:<8} {(tick * 5 + i * 11) % 60:2d} pending")
            win.addstr(8, 0, "  [s]ort  [f]ilter  [q]uit")
            win.refresh()
            time.sleep(0.6)  # noqa: sleep-ok - a monitor redrawing on a timer

    curses.wrapper(run)


def survey_basket_walk_up() -> Any:
    import survey

    # The last two rows start ticked: the answer unticks the last one and ticks the first.
    names = ("en-GB", "de-DE", "fr-FR", "ja-JP", "pt-BR", "ko-KR")
    picked = survey.routines.basket("Locales to ship in this build: ", options=names, active={4, 5})
    return [names[i] for i in sorted(picked)]


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f for f in (look_curses_job_monitor, survey_basket_walk_up)
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
