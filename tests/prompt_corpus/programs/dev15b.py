"""Fifteenth development set (b), Python side: ``dev15b.py <scenario>``.

A select that draws a radio column (one filled circle on its default row, a custom
pointer elsewhere) and a button dialog whose middle button's label is wider than the
button, so its closing bracket is cut off. Prints ``ANSWER=<json>`` when answered.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def q_select_radio_column() -> Any:
    import questionary

    return questionary.select(
        "Retention for the audit bucket",
        choices=["7 days", "30 days", "90 days", "1 year", "Forever"],
        default="90 days",
        use_indicator=True,
        pointer="→",
        qmark="✎",
    ).ask()


def ptk_buttons_overflowing() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Branch has diverged",
        text="Your branch and the remote have 4 and 2 different commits.",
        buttons=[("Merge", "merge"), ("Rebase onto", "rebase"), ("Skip", "skip")],
    ).run()


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f for f in (q_select_radio_column, ptk_buttons_overflowing)
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
