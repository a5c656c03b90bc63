"""Ninth development set, Python side: ``dev9.py <scenario>``.

The classes the fifth held-out run showed, in new wordings: a checkbox list whose labels
are only signs, a select with a disabled row, a select whose qmark is drawn like a
pointer, a curses menu in a titled frame with no cursor shown, "hit Enter" lines that do
not say "press", and a full-screen monitor whose key legend contains a yes/no
question. Prints ``ANSWER=<json>`` with what the program received.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def iq_checkbox_sign_labels() -> Any:
    from InquirerPy import inquirer

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Mount points to back up",
        choices=["/", "/home", "/var", "/srv"],
    ).execute()


def questionary_glyph_qmark() -> Any:
    import questionary

    return questionary.select(
        "Release channel",
        choices=["stable", "beta", "nightly"],
        pointer="➤",
        qmark="»",
    ).unsafe_ask()


def questionary_select_disabled_first() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "Region for the replica",
        choices=[
            Choice("eu-west"),
            Choice("eu-north", disabled="full"),
            Choice("us-east"),
            Choice("ap-south"),
        ],
    ).unsafe_ask()


def input_hit_enter_angle() -> Any:
    print("Plug the sensor into port 3.")
    input("Hit <Enter> once the sensor LED turns solid ")
    return "ready"


def input_hit_return_tool() -> Any:
    input("Hit return to open the diff viewer (meld): ")
    return "opened"


def curses_framed_radio() -> Any:
    import curses

    items = ["Draft", "Letter", "Photo"]

    def run(win: Any) -> str:
        curses.curs_set(0)
        pos = 0
        while True:
            win.erase()
            win.addstr(0, 0, "╭─ Printer ─────────────────╮")
            win.addstr(1, 0, "│ Print quality?            │")
            for n, item in enumerate(items):
                mark = "◉" if n == pos else "◯"
                win.addstr(2 + n, 0, f"│   {mark} {item}".ljust(28) + "│")
            win.addstr(2 + len(items), 0, "╰───────────────────────────╯")
            win.refresh()
            key = win.getch()
            if key == curses.KEY_DOWN:
                pos = min(pos + 1, len(items) - 1)
            elif key == curses.KEY_UP:
                pos = max(pos - 1, 0)
            elif key in (10, 13):
                return items[pos]

    return curses.wrapper(run)


def look_monitor_legend() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        n = 0
        while True:
            win.erase()
            win.addstr(0, 0, f"queue-watch  jobs {30 + n % 5}  t={n}")
            win.addstr(2, 0, "  ID  STATE    AGE")
            win.addstr(3, 0, f"  17  running  {n}s")
            win.addstr(20, 0, "d: Drop job? (y/n)    r: retry    ?: help    x: exit")
            win.refresh()
            n += 1
            time.sleep(0.5)  # noqa: sleep-ok - a refreshing monitor

    curses.wrapper(run)


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        iq_checkbox_sign_labels,
        questionary_glyph_qmark,
        questionary_select_disabled_first,
        input_hit_enter_angle,
        input_hit_return_tool,
        curses_framed_radio,
        look_monitor_legend,
    )
}


if __name__ == "__main__":
    result = SCENARIOS[sys.argv[1]]()
    if not sys.argv[1].startswith("look_"):
        done(result)
