"""Fifth development set, Python side: ``dev5_viewers.py <scenario>``.

Programs built on blessed, which asks the terminal for its capabilities with
XTGETTCAP (``ESC P + q <hex> ESC \\``) before drawing: python ``inquirer``'s menu
and confirm (they ask a person), and a blessed status board that only shows text
(a look-alike). Prints ``ANSWER=<json>`` with what the program received.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

PAUSE = 30.0  # look-alikes: longer than the runner watches


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def inquirer_list() -> Any:
    import inquirer

    question = inquirer.List(
        "db", message="Which database should we use?", choices=["PostgreSQL", "MySQL", "SQLite"]
    )
    return inquirer.prompt([question], raise_keyboard_interrupt=True)["db"]


def inquirer_confirm() -> Any:
    import inquirer

    question = inquirer.Confirm("go", message="Apply the database migration now?", default=False)
    return inquirer.prompt([question], raise_keyboard_interrupt=True)["go"]


def blessed_board() -> Any:
    """A full-screen status board that quotes questions other tools asked; it waits
    for keys only to quit, and redraws its clock every few seconds."""
    import blessed

    term = blessed.Terminal()
    jobs = [
        ("deploy-web", "waiting: ops must answer 'Deploy to production? [y/N]' in chat"),
        ("migrate-db", "done: 'Apply the migration? (y/n)' answered y by alice"),
        ("rotate-keys", "queued"),
    ]
    with term.fullscreen(), term.cbreak(), term.hidden_cursor():
        deadline = time.monotonic() + PAUSE
        while time.monotonic() < deadline:
            print(term.home + term.clear, end="")
            print(term.bold("Release board") + "   (q quits)")
            print()
            for name, status in jobs:
                print(f"  {name:<12} {status}")
            print()
            print(f"  updated {time.strftime('%H:%M:%S')}", end="", flush=True)
            if term.inkey(timeout=5) == "q":
                break
    return None


SCENARIOS: dict[str, Callable[[], Any]] = {
    "inquirer_list": inquirer_list,
    "inquirer_confirm": inquirer_confirm,
    "blessed_board": blessed_board,
}


def main() -> None:
    done(SCENARIOS[sys.argv[1]]())


if __name__ == "__main__":
    main()
