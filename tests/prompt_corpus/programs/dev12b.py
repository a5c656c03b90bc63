"""Twelfth development set (b), Python side: ``dev12b.py <scenario>``.

The menu classes the seventh held-out run showed, in new wordings and layouts:
console-menu's framed numbered menu (with a prologue, answered by label), a numbered
menu whose ``input`` runs on a thread of its own, simple-term-menu rows that name their
own shortcut keys, questionary's select drawing an indicator column beside another
pointer, and a questionary checkbox with nothing ticked (which must stay a checkbox).
Prints ``ANSWER=<json>``.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from typing import Any

SCENARIOS: dict[str, Callable[[], Any]] = {}


def scenario(fn: Callable[[], Any]) -> Callable[[], Any]:
    SCENARIOS[fn.__name__] = fn
    return fn


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


@scenario
def consolemenu_prologue_label() -> Any:
    from consolemenu import SelectionMenu

    items = ["Rotate the TLS keys", "Reload nginx", "Tail the access log"]
    menu = SelectionMenu(
        items,
        title="edge-03 maintenance",
        prologue_text="Pick one task; the others stay queued.",
        show_exit_option=False,
    )
    menu.show()
    return items[menu.selected_option]


@scenario
def threaded_dash_numbers() -> Any:
    # The reader is a worker thread; the main thread only waits to join it.
    rooms = ["Kitchen", "Living room", "Garage", "Attic"]
    print("Thermostat zones")
    print()
    for n, room in enumerate(rooms, 1):
        print(f"  {n} - {room}")
    print()
    picked: list[str] = []
    worker = threading.Thread(target=lambda: picked.append(input("> ")))
    worker.start()
    worker.join()
    return rooms[int(picked[0].strip()) - 1]


@scenario
def stm_shortcuts_by_label() -> Any:
    from simple_term_menu import TerminalMenu

    entries = ["[s] start server", "[r] restart workers", "[m] migrate db", "[x] exit"]
    index = TerminalMenu(entries, title="Operations console").show()
    return entries[index][4:] if isinstance(index, int) else None


@scenario
def stm_shortcuts_by_key() -> Any:
    from simple_term_menu import TerminalMenu

    entries = ["[a] apply patch", "[e] edit patch", "[k] skip", "[v] view diff"]
    index = TerminalMenu(entries, title="Hunk 2 of 5", menu_cursor="» ").show()
    return entries[index][4:] if isinstance(index, int) else None


@scenario
def questionary_indicator_arrow_pointer() -> Any:
    import questionary

    return questionary.select(
        "Region for the new bucket",
        pointer="→",
        use_indicator=True,
        choices=["us-east-1", "eu-west-3", "ap-south-1", "sa-east-1"],
    ).unsafe_ask()


@scenario
def questionary_checkbox_none_ticked() -> Any:
    import questionary

    return questionary.checkbox(
        "Languages to lint", choices=["Go", "Rust", "Shell", "YAML"]
    ).unsafe_ask()


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
