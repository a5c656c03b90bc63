"""Tenth development set, Python side: ``dev10.py <scenario>``.

The classes still weak after the ninth set, in new wordings: prompt_toolkit's input
dialog with a default (its cursor sits before the default), answered with a new value
or kept as it is, and a long questionary select whose rows do not all fit the terminal.
Prints ``ANSWER=<json>`` with what the program received.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def ptk_input_dialog_default_replace() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(title="Node", text="Hostname for this node:", default="node-01").run()


def ptk_input_dialog_default_keep() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(title="Backup", text="Keep snapshots for (days):", default="14").run()


def iq_text_default_replace() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(  # type: ignore[attr-defined]
        message="Build directory", default="out/release"
    ).execute()


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        ptk_input_dialog_default_replace,
        ptk_input_dialog_default_keep,
        iq_text_default_replace,
    )
}


if __name__ == "__main__":
    result = SCENARIOS[sys.argv[1]]()
    if not sys.argv[1].startswith("look_"):
        done(result)
