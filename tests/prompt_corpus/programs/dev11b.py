"""Eleventh development set (b), Python side: ``dev11b.py <scenario>``.

Questions above a bare input line, and curses lists whose question ends in a key hint in
parentheses, in wordings the sixth held-out set does not use: a namespace to type after
"If you are sure, ..." with a "❯ " line under it, a request read on a ": " line one blank
row below it, curses checklists drawn with "[*]" boxes and their highlight in colour, or with "(x)"
boxes and the highlight in bold. Prints ``ANSWER=<json>`` with what the program received.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def input_type_namespace_chevron() -> Any:
    print("Deleting namespace 'payments' removes its 14 services and their volumes.")
    print("If you are sure, type the namespace name below.")
    typed = input("❯ ")
    return "deleted" if typed == "payments" else "kept"


def input_colon_after_blank() -> Any:
    print("Provide the webhook URL that receives alerts for #on-call")
    print()
    return input(": ").strip()


def _curses_list(title: str, items: list[str], boxes: tuple[str, str], bold: bool) -> list[str]:
    import curses

    def run(win: Any) -> list[str]:
        curses.curs_set(0)
        curses.start_color()
        curses.init_pair(1, curses.COLOR_BLACK, curses.COLOR_CYAN)
        pos, on = 0, {1}
        while True:
            win.erase()
            win.addstr(1, 1, title)
            for n, item in enumerate(items):
                box = boxes[0] if n in on else boxes[1]
                lit = curses.A_BOLD if bold else curses.color_pair(1)
                attr = lit if n == pos else 0
                win.addstr(3 + n, 4, f"{box} {item}", attr)
            win.refresh()
            key = win.getch()
            if key == curses.KEY_DOWN:
                pos = min(pos + 1, len(items) - 1)
            elif key == curses.KEY_UP:
                pos = max(pos - 1, 0)
            elif key == ord(" "):
                on ^= {pos}
            elif key in (10, 13):
                return [items[n] for n in sorted(on)]

    result: list[str] = curses.wrapper(run)
    return result


def curses_checklist_star_colour() -> Any:
    items = ["nginx", "postgres", "redis", "worker-pool", "scheduler"]
    return _curses_list(
        "Services to restart after the upgrade (arrows move, space to toggle, enter applies)",
        items,
        ("[*]", "[ ]"),
        bold=False,
    )


def curses_checklist_round_bold() -> Any:
    items = ["pre-commit", "commit-msg", "pre-push", "post-merge"]
    return _curses_list(
        "Git hooks to install in this clone (space: toggle - enter: confirm)",
        items,
        ("(x)", "( )"),
        bold=True,
    )


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        input_type_namespace_chevron,
        input_colon_after_blank,
        curses_checklist_star_colour,
        curses_checklist_round_bold,
    )
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
