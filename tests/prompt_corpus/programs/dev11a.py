"""Eleventh development set (a), Python side: ``dev11a.py <scenario>``.

The classes the sixth held-out run showed, in new wordings and layouts: click's own pause
text and a getchar under a legend of parenthesised keys, rich's IntPrompt with numeric
choices and a default, bullet with another glyph, and look-alikes that quote a coding
agent's dialog without reading the terminal. Prints ``ANSWER=<json>``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

SCENARIOS: dict[str, Callable[[], Any]] = {}


def scenario(fn: Callable[[], Any]) -> Callable[[], Any]:
    SCENARIOS[fn.__name__] = fn
    return fn


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


@scenario
def click_pause_default_text() -> Any:
    import click

    click.echo("Backup written to the card; remove it when the LED stops.")
    click.pause()  # click's own "Press any key to continue..."
    return "resumed"


@scenario
def click_getchar_paren_legend() -> Any:
    import click

    click.echo("Merge conflict in docs/index.md")
    click.echo()
    click.echo("(k) keep ours   (t) take theirs   (e) edit by hand")
    click.echo()
    click.echo("Decision? ", nl=False)
    key = click.getchar()
    return {"k": "ours", "t": "theirs", "e": "edit"}.get(key, key)


@scenario
def rich_int_choices_default() -> Any:
    from rich.prompt import IntPrompt

    return IntPrompt.ask("Worker threads", choices=["2", "4", "8", "16"], default=4)


@scenario
def bullet_hand_glyph() -> Any:
    from bullet import Bullet

    return Bullet(
        prompt="Deploy this build to:", choices=["canary", "half the fleet", "everyone"], bullet="☞"
    ).launch()


@scenario
def look_agent_quotes_edit_dialog() -> None:
    # A chat answer quoting Claude Code's edit dialog line by line, then thinking on.
    lines = [
        "Claude will then stop and show you:",
        "",
        " Do you want to make this edit to settings.py?",
        " ❯ 1. Yes",
        "   2. Yes, allow all edits during this session (shift+tab)",
        "   3. No, and tell Claude what to do differently (esc)",
        "",
    ]
    for line in lines:
        print(line, flush=True)
        time.sleep(0.2)  # noqa: sleep-ok - a look-alike pacing its text
    n = 0
    while True:
        n += 1
        sys.stdout.write(f"Answer 1 and it writes the file ({n}). ")
        sys.stdout.flush()
        time.sleep(0.7)  # noqa: sleep-ok - a look-alike streaming text


@scenario
def look_agent_dialog_then_sleep() -> None:
    # A tutorial printing an agent's approval box, then waiting on a timer: nobody reads.
    print("Step 4 of the walkthrough. The agent now asks:")
    print()
    print("│ Do you want to proceed?")
    print("│ ❯ 1. Yes")
    print("│   2. No, and tell Claude what to do differently (esc)")
    print()
    print("(the walkthrough continues in a minute)", flush=True)
    while True:
        time.sleep(3600)  # noqa: sleep-ok - a look-alike that reads nothing


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
