"""Sixth development set, Python side: ``dev6.py <scenario>``.

Families the third held-out run found weak, in new wordings: letter keys written
in prose, choices with a default after them, numbered tables and column menus
answered by label, separator menus, secret fields named "... key", fields whose
question has no separator before its value, collapsed expand prompts, ``pick``'s
``*`` pointer and ``( )`` boxes, and yes/no written as words or with "or".
Prints ``ANSWER=<json>`` with what the program received.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def _inquirerpy() -> Any:
    # Its package does not re-export the prompt functions for a type checker.
    return importlib.import_module("InquirerPy.inquirer")


def click_choice_default() -> Any:
    import click

    return click.prompt("Log level", type=click.Choice(["debug", "info", "warn"]), default="info")


def keys_prose() -> Any:
    print("Merge conflict in app.cfg.")
    reply = input("Resolve it: [k]eep mine / [t]ake theirs / [e]dit by hand: ").strip()
    return {"k": "mine", "t": "theirs", "e": "edit"}.get(reply, "?")


def keys_to() -> Any:
    reply = input("Choose [d] to deploy now, [w] to wait an hour, [c] to cancel: ").strip()
    return {"d": "deploy", "w": "wait", "c": "cancel"}.get(reply, "?")


def keys_parens() -> Any:
    print("Drive E: is not ready.")
    reply = input("(a)bort, (r)etry, (i)gnore? ").strip()
    return {"a": "abort", "r": "retry", "i": "ignore"}.get(reply, "?")


def rich_table_label() -> Any:
    from rich.console import Console
    from rich.prompt import Prompt
    from rich.table import Table

    regions = ["eu-west", "us-east", "ap-south"]
    table = Table(title="Regions")
    table.add_column("No.")
    table.add_column("Region")
    table.add_column("Latency")
    for n, (name, ms) in enumerate(zip(regions, ["12 ms", "88 ms", "140 ms"], strict=True), 1):
        table.add_row(str(n), name, ms)
    Console().print(table)
    picked = Prompt.ask("Region to use", choices=["1", "2", "3"])
    return regions[int(picked) - 1]


def column_menu() -> Any:
    print("*** Actions ***")
    print("  1: build          2: test           3: deploy")
    print("  4: exit")
    return input("Action> ").strip()


def inquirerpy_separator() -> Any:
    from InquirerPy.separator import Separator

    choices = ["small", "medium", Separator(), "gpu-a100", "gpu-h100"]
    return _inquirerpy().select(message="Pick a runner", choices=choices).execute()


def inquirerpy_api_key() -> Any:
    value = _inquirerpy().secret(message="OpenAI API key").execute()
    return f"len{len(value)}"


def inquirerpy_text_plain() -> Any:
    return _inquirerpy().text(message="Deploy branch", default="trunk").execute()


def questionary_text_plain() -> Any:
    import questionary

    return questionary.text("Base URL", default="http://localhost").unsafe_ask()


def inquirerpy_expand() -> Any:
    from InquirerPy.prompts.expand import ExpandChoice

    choices = [
        ExpandChoice("compare", key="c"),
        ExpandChoice("skip", key="s"),
        ExpandChoice("delete", key="d"),
    ]
    return _inquirerpy().expand(message="A config file exists", choices=choices).execute()


def pick_single() -> Any:
    from pick import pick

    option, _ = pick(["alpha-db", "beta-db", "gamma-db"], "Database to restore:")
    return option


def pick_multi() -> Any:
    from pick import pick

    chosen = pick(["x86", "arm", "wasm"], "Targets (SPACE marks one):", multiselect=True)
    return [option for option, _ in chosen]


def y_or_n() -> Any:
    return input("Replace the lock file (y or n)? ").strip()


def yes_no_words() -> Any:
    return input("Really drop the cache? [yes/no] ").strip()


def look_printed_menus() -> None:
    # Printed, then asleep: nobody reads the terminal.
    print("Resolve it: [k]eep mine / [t]ake theirs / [e]dit by hand:")
    print("  1: build          2: test           3: deploy")
    print("Action>", end=" ", flush=True)
    while True:
        time.sleep(3600)  # noqa: sleep-ok - a look-alike that never asks


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        click_choice_default,
        keys_prose,
        keys_to,
        keys_parens,
        rich_table_label,
        column_menu,
        inquirerpy_separator,
        inquirerpy_api_key,
        inquirerpy_text_plain,
        questionary_text_plain,
        inquirerpy_expand,
        pick_single,
        pick_multi,
        y_or_n,
        yes_no_words,
        look_printed_menus,
    )
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
