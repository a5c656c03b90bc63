"""Real Python prompt libraries asking one question each: ``py_libs.py <library> <scenario>``.

Each run asks exactly what the scenario names with the library's own widget,
then prints ``ANSWER=<json>`` so the corpus runner can check what was chosen.
The questions and options come from :mod:`tests.prompt_corpus.scenarios`
(passed in as JSON in ``argv[3]``), so the case table is the single source.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def run_click(kind: str, s: dict[str, Any]) -> Any:
    import click

    if s.get("banner"):
        click.secho(f" {s['banner']} ", bg="blue", fg="white", bold=True)
    if kind == "confirm":
        return click.confirm(s["question"], default=s.get("default"))
    if kind == "text":
        return click.prompt(s["question"], default=s.get("default"))
    if kind == "password":
        return click.prompt(s["question"], hide_input=True)
    if kind == "select":
        return click.prompt(
            s["question"], type=click.Choice(s["options"]), default=s.get("default")
        )
    if kind == "numbered":
        for n, label in enumerate(s["options"], 1):
            click.echo(f"  {n}) {label}")
        n = click.prompt(s["question"], type=click.IntRange(1, len(s["options"])), default=1)
        return s["options"][n - 1]
    if kind == "type_name":
        click.echo(s["context"])
        return click.prompt(s["question"])
    raise SystemExit(f"click has no scenario kind {kind}")


def run_typer(kind: str, s: dict[str, Any]) -> Any:
    import typer

    if s.get("banner"):
        typer.secho(f" {s['banner']} ", bg=typer.colors.MAGENTA, fg=typer.colors.WHITE)
    if kind == "confirm":
        return typer.confirm(s["question"], default=s.get("default") or False)
    if kind == "text":
        if s.get("default") is not None:
            return typer.prompt(s["question"], default=s["default"])
        return typer.prompt(s["question"])
    if kind == "password":
        return typer.prompt(s["question"], hide_input=True)
    if kind == "numbered":
        for n, label in enumerate(s["options"], 1):
            typer.echo(f"[{n}] {label}")
        n = typer.prompt(s["question"], type=int, default=1)
        return s["options"][n - 1]
    if kind == "type_name":
        typer.secho(s["context"], fg=typer.colors.RED)
        return typer.prompt(s["question"])
    raise SystemExit(f"typer has no scenario kind {kind}")


def run_rich(kind: str, s: dict[str, Any]) -> Any:
    from rich.console import Console
    from rich.panel import Panel
    from rich.prompt import Confirm, IntPrompt, Prompt

    console = Console()
    if s.get("banner"):
        console.print(Panel(s["banner"], style="bold white on dark_green"))
    if kind == "confirm":
        return Confirm.ask(s["question"], default=s.get("default", True))
    if kind == "text":
        if s.get("default") is not None:
            return Prompt.ask(s["question"], default=s["default"])
        return Prompt.ask(s["question"])
    if kind == "password":
        return Prompt.ask(s["question"], password=True)
    if kind == "select":
        return Prompt.ask(s["question"], choices=s["options"], default=s.get("default"))
    if kind == "numbered":
        for n, label in enumerate(s["options"], 1):
            console.print(f"  [bold cyan]{n}[/]. {label}")
        choices = [str(n) for n in range(1, len(s["options"]) + 1)]
        n = IntPrompt.ask(s["question"], choices=choices, default=1)
        return s["options"][n - 1]
    raise SystemExit(f"rich has no scenario kind {kind}")


def run_questionary(kind: str, s: dict[str, Any]) -> Any:
    import questionary

    if kind == "confirm":
        return questionary.confirm(s["question"], default=s.get("default", True)).unsafe_ask()
    if kind == "text":
        return questionary.text(s["question"], default=s.get("default") or "").unsafe_ask()
    if kind == "password":
        return questionary.password(s["question"]).unsafe_ask()
    if kind == "select":
        return questionary.select(s["question"], choices=s["options"]).unsafe_ask()
    if kind == "numbered":
        return questionary.rawselect(s["question"], choices=s["options"]).unsafe_ask()
    if kind == "checkbox":
        return questionary.checkbox(s["question"], choices=s["options"]).unsafe_ask()
    raise SystemExit(f"questionary has no scenario kind {kind}")


def run_inquirerpy(kind: str, s: dict[str, Any]) -> Any:
    import importlib

    inquirer: Any = importlib.import_module("InquirerPy.inquirer")  # no explicit exports

    if kind == "confirm":
        return inquirer.confirm(message=s["question"], default=s.get("default", True)).execute()
    if kind == "text":
        return inquirer.text(message=s["question"], default=s.get("default") or "").execute()
    if kind == "password":
        return inquirer.secret(message=s["question"]).execute()
    if kind == "select":
        return inquirer.select(message=s["question"], choices=s["options"]).execute()
    if kind == "numbered":
        return inquirer.rawlist(message=s["question"], choices=s["options"]).execute()
    if kind == "checkbox":
        return inquirer.checkbox(message=s["question"], choices=s["options"]).execute()
    raise SystemExit(f"InquirerPy has no scenario kind {kind}")


def run_prompt_toolkit(kind: str, s: dict[str, Any]) -> Any:
    from prompt_toolkit import prompt
    from prompt_toolkit.shortcuts import (
        checkboxlist_dialog,
        choice,
        confirm,
        radiolist_dialog,
        yes_no_dialog,
    )

    if kind == "confirm":
        return confirm(s["question"])
    if kind == "text":
        return prompt(s["question"] + " ", default=s.get("default") or "")
    if kind == "password":
        return prompt(s["question"] + " ", is_password=True)
    if kind == "select":
        return choice(message=s["question"], options=[(o, o) for o in s["options"]])
    if kind == "dialog_yesno":
        return yes_no_dialog(title=s.get("title", "Confirm"), text=s["question"]).run()
    if kind == "dialog_radio":
        values = [(o, o) for o in s["options"]]
        return radiolist_dialog(
            title=s.get("title", "Choose"), text=s["question"], values=values
        ).run()
    if kind == "dialog_checkbox":
        values = [(o, o) for o in s["options"]]
        return checkboxlist_dialog(
            title=s.get("title", "Choose"), text=s["question"], values=values
        ).run()
    raise SystemExit(f"prompt_toolkit has no scenario kind {kind}")


def run_stdlib(kind: str, s: dict[str, Any]) -> Any:
    import getpass

    if s.get("context"):
        print(s["context"])
    if kind == "password":  # sudo, ssh and gpg read secrets like this: echo off, canonical
        return f"len{len(getpass.getpass(s['question']))}"
    if kind == "text":
        return input(s["question"]) or s.get("default")
    raise SystemExit(f"stdlib has no scenario kind {kind}")


def run_repl(kind: str, s: dict[str, Any]) -> Any:
    """A read-eval loop with its own prompt (sqlite>, In [1]:): waits, but asks nothing."""
    if s.get("context"):
        print(s["context"])
    while True:
        input(s["question"])


LIBS = {
    "stdlib": run_stdlib,
    "repl": run_repl,
    "click": run_click,
    "typer": run_typer,
    "rich": run_rich,
    "questionary": run_questionary,
    "inquirerpy": run_inquirerpy,
    "prompt_toolkit": run_prompt_toolkit,
}


def main() -> None:
    lib, kind, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    if spec.get("lead"):
        print(spec["lead"], flush=True)
    done(LIBS[lib](kind, spec))


if __name__ == "__main__":
    main()
