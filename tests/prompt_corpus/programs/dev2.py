"""Second development set, Python side: ``dev2.py <scenario>``.

Each scenario asks one question the way a real program does, with the real
library (questionary, rich, click, typer, prompt_toolkit, or plain ``input``),
in the families the first held-out runs found weak: menus whose items carry
descriptions, custom button and confirm labels, prompts that need the literal
word "yes", multi-letter key prompts, parenthesised paths in the question, and
look-alikes (REPLs, log lines quoting "(y/n)", progress bars). Prints
``ANSWER=<json>`` with what the program received.
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


def questionary_described() -> Any:
    import questionary
    from questionary import Choice

    choices = [
        Choice("small", description="2 vCPU, 4 GB RAM, for development"),
        Choice("medium", description="4 vCPU, 16 GB RAM, for staging"),
        Choice("large", description="16 vCPU, 64 GB RAM, for production"),
    ]
    return questionary.select("Which instance size?", choices=choices).unsafe_ask()


def inquirerpy_described() -> Any:
    import importlib

    inquirer: Any = importlib.import_module("InquirerPy.inquirer")
    choices = [
        "fast     skip the slow integration tests",
        "full     everything, about 20 minutes",
        "smoke    only the health checks",
    ]
    got = inquirer.select(message="Which test suite should run?", choices=choices).execute()
    return got.split()[0]


def rich_continue_abort() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Proceed with the migration?", choices=["continue", "abort"])


def click_continue_abort() -> Any:
    import click

    return click.prompt("Deploy to staging now?", type=click.Choice(["continue", "back", "abort"]))


def ptk_buttons() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Release",
        text="Publish version 2.4.0 to the package index?",
        buttons=[("Publish", "publish"), ("Later", "later"), ("Abort", "abort")],
    ).run()


def literal_yes_input() -> Any:
    print("This will drop the database 'orders' and all 3 replicas.")
    return input('Are you sure? Type "yes" to confirm: ')


def literal_yes_typer() -> Any:
    import typer

    typer.secho("Danger: every object in the bucket will be deleted.", fg=typer.colors.RED)
    return typer.prompt("Type YES (all capitals) to proceed")


def keys_apply_change() -> Any:
    print("@@ -1,3 +1,4 @@\n import os\n+import sys\n def main():")
    return input("Apply this change to src/app.py [Y/n/e/d/?] ")


def keys_overwrite_all() -> Any:
    return input("File build/out.txt exists. Overwrite? [y]es, [n]o, [a]ll, [q]uit: ")


def path_keygen() -> Any:
    print("Generating public/private ed25519 key pair.")
    got = input("Enter file in which to save the key (/home/alice/.ssh/id_ed25519): ")
    return got or "/home/alice/.ssh/id_ed25519"


def path_output_dir() -> Any:
    got = input("Output directory (./dist/build): ")
    return got or "./dist/build"


def date_format() -> Any:
    return input("Release date (YYYY/MM/DD): ")


def path_overwrite_yn() -> Any:
    import click

    return click.confirm("Overwrite (/etc/nginx/sites-enabled/default)?", default=False)


def look_log_progress() -> None:
    from rich.progress import Progress

    print("[12:00:01] hook: 'Overwrite existing files? (y/n)' answered y by --yes")
    print("[12:00:02] downloading assets")
    with Progress() as progress:
        task = progress.add_task("Downloading", total=1000)
        for _ in range(1000):
            progress.update(task, advance=1)
            time.sleep(0.03)  # noqa: sleep-ok - a download's pace


def look_tqdm_like() -> None:
    """A slow progress bar while a thread waits for a "q" on the terminal (canonical)."""
    import threading

    print("Continue? (y/n) y")
    threading.Thread(target=sys.stdin.readline, daemon=True).start()
    for n in range(1, 1000):
        bar = "█" * (n // 25)
        sys.stdout.write(
            f"\rProcessing: {n // 10:3d}%|{bar:<40}| {n}/1000 [00:{n:02d}<01:40, 1.00it/s]"
        )
        sys.stdout.flush()
        time.sleep(1.0)  # noqa: sleep-ok - a slow job's pace


def look_ptk_repl() -> None:
    from prompt_toolkit import PromptSession

    print("inventory shell 0.3 -- type 'help' (answers to (y/n) questions are logged)")
    session: PromptSession[str] = PromptSession()
    while True:
        session.prompt("inventory> ")


def look_cmd_repl() -> None:
    import cmd

    class Shell(cmd.Cmd):
        intro = "Order tool. Delete orders? (y/n) prompts appear per command."
        prompt = "orders) "

    Shell().cmdloop()


def questionary_checkbox_desc() -> Any:
    import questionary
    from questionary import Choice

    choices = [
        Choice("lint", description="ruff on every commit"),
        Choice("types", description="mypy --strict"),
        Choice("docs", description="build the manual"),
    ]
    return questionary.checkbox("Which checks should CI run?", choices=choices).unsafe_ask()


def numbered_described() -> Any:
    options = [("postgres", "PostgreSQL 16"), ("mysql", "MySQL 8.0"), ("sqlite", "single file")]
    print("Available engines:")
    for n, (name, desc) in enumerate(options, 1):
        print(f"  {n}) {name:<10} - {desc}")
    got = input("Engine [1-3]: ")
    return options[int(got) - 1][0]


def input_continue_abort() -> Any:
    return input("Schema drift found. Proceed? (continue/abort) ")


def click_type_yes() -> Any:
    import click

    click.echo("All 12 tables will be truncated.")
    return click.prompt('Type "yes" to continue')


def rich_enter_yes() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Enter 'yes' to confirm the major upgrade")


def keys_paren_words() -> Any:
    return input("config.yml differs. Replace? (Y)es/(N)o/(A)ll/(Q)uit: ")


def rich_default_path() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Config file", default="~/.config/app/settings.toml")


def click_default_path() -> Any:
    import click

    return click.prompt("Log directory", default="/var/log/app")


SCENARIOS: dict[str, Callable[[], Any]] = {
    name: fn
    for name, fn in globals().items()
    if callable(fn)
    and not name.startswith("_")
    and name not in {"done", "main"}
    and fn.__module__ == __name__
    and name != "Callable"
}


def main() -> None:
    scenario = sys.argv[1]
    done(SCENARIOS[scenario]())


if __name__ == "__main__":
    main()
