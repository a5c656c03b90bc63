"""Third development set, Python side: checkbox lists where some items start checked.

``dev3_checkbox.py <scenario>`` asks one question with the real library
(questionary, InquirerPy) with two of four items checked by default, and prints
``ANSWER=<json>`` with the list the program received.
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import Any

ITEMS = ["lint", "types", "docs", "bench"]
CHECKED = {"lint", "docs"}


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def questionary_prechecked() -> Any:
    import questionary
    from questionary import Choice

    choices = [Choice(name, checked=name in CHECKED) for name in ITEMS]
    return questionary.checkbox("Which checks should CI run?", choices=choices).unsafe_ask()


def inquirerpy_prechecked() -> Any:
    from InquirerPy.base.control import Choice

    inquirer: Any = importlib.import_module("InquirerPy.inquirer")  # no explicit exports

    choices = [Choice(name, enabled=name in CHECKED) for name in ITEMS]
    return inquirer.checkbox(message="Which checks should CI run?", choices=choices).execute()


SCENARIOS = {
    "questionary_prechecked": questionary_prechecked,
    "inquirerpy_prechecked": inquirerpy_prechecked,
}

if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
