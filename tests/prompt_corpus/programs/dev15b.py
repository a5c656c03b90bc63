"""Fifteenth development set (b), Python side: ``dev15b.py <scenario>``.

A select that draws a radio column (one filled circle on its default row, a custom
pointer elsewhere), a button dialog whose middle button's label is wider than the
button, so its closing bracket is cut off, and a full-screen log viewer with a cursor
line (a look-alike). Prints ``ANSWER=<json>`` when answered.
"""

from __future__ import annotations

import json
import sys
import time
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


def look_ptk_audit_trail() -> Any:
    """A full-screen viewer whose cursor line walks over log records that quote prompts:
    nothing to answer (arrows and Enter do nothing; it runs until killed)."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.layout import Layout
    from prompt_toolkit.layout.containers import Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    text = (
        "Deploy audit trail\n\n"
        "  ▸ 2026-12-04 09:14:22 Overwrite the release tag? (y/n)\n"
        "    2026-12-04 09:14:25 Enter passphrase:\n"
        "    2026-12-04 09:15:01 rollout finished on 12 hosts\n"
    )
    app: Any = Application(layout=Layout(Window(FormattedTextControl(text))), full_screen=True)
    app.run()
    while True:
        time.sleep(60)  # noqa: sleep-ok - a viewer left open


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f for f in (q_select_radio_column, ptk_buttons_overflowing, look_ptk_audit_trail)
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
