"""Second held-out set, Python side: ``held2.py <scenario>``.

Every scenario uses a real library (or the standard library) in a way the first
corpus never does: other wordings, option counts, long and unicode labels,
defaults, answered prompts above the live one, coloured noise, 60-column
terminals. Prompts print ``ANSWER=<json>``; look-alikes never ask anything.
These programs were never used to tune the detector.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

LONG = [
    "Keep the current configuration and only restart the affected services",
    "Replace the configuration with the package maintainer's version now",
    "Show the differences between the two versions before deciding",
    "Start a shell to examine the situation and decide afterwards",
]
LANGS = ["日本語", "Español", "Français", "Deutsch", "Português (Brasil)"]


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def narrow() -> None:
    """Make the terminal 60 columns wide, as a split pane or a phone's SSH app would."""
    subprocess.run(["stty", "cols", "60"], check=False)


def noise(lines: int = 120) -> None:
    """Build-log noise in colour before the question, as real installers print."""
    colours = ["\x1b[32m", "\x1b[33m", "\x1b[36m", "\x1b[1;34m", "\x1b[2m"]
    for n in range(lines):
        c = colours[n % len(colours)]
        print(f"{c}[{n:04d}] compiling module_{n} ... ok\x1b[0m  \x1b[90m({n * 7 % 97} ms)\x1b[0m")
    sys.stdout.flush()


# ---------------------------------------------------------------- click / typer / rich


def click_confirm_long() -> Any:
    import click

    return click.confirm(
        "The staging database has 14 pending migrations, two of which drop columns that "
        "the reporting job still reads; apply all of them now",
        default=True,
    )


def click_choice_two() -> Any:
    import click

    return click.prompt("Output format", type=click.Choice(["json", "yaml"]), default="yaml")


def click_int_default() -> Any:
    import click

    return click.prompt("Number of workers", type=int, default=4)


def click_confirm_noise() -> Any:
    import click

    noise()
    click.secho("3 migrations are ready for production.", fg="yellow", bold=True)
    return click.confirm("Apply them now?", default=False)


def click_password_twice() -> Any:
    import click

    value = click.prompt("New vault password", hide_input=True, confirmation_prompt=True)
    return f"len{len(value)}"


def click_narrow_confirm() -> Any:
    import click

    narrow()
    return click.confirm(
        "Remove the 37 dangling container images that no running service references?"
    )


def typer_unicode_confirm() -> Any:
    import typer

    return typer.confirm("Supprimer le répertoire « données » et tout son contenu ?")


def typer_region() -> Any:
    import typer

    typer.secho("Configuring the deployment", fg=typer.colors.CYAN, bold=True)
    return typer.prompt("Region", default="eu-west-1")


def rich_confirm_table() -> Any:
    from rich.console import Console
    from rich.prompt import Confirm
    from rich.table import Table

    table = Table(title="Packages to publish")
    for col in ("Name", "Version", "Size"):
        table.add_column(col)
    table.add_row("tether-core", "2.4.0", "118 kB")
    table.add_row("tether-cli", "2.4.0", "42 kB")
    Console().print(table)
    return Confirm.ask("Publish 2 packages to the index?", default=False)


def rich_two_choices() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Scan mode", choices=["fast", "thorough"], default="fast")


def rich_password_narrow() -> Any:
    from rich.prompt import Prompt

    narrow()
    return f"len{len(Prompt.ask('Passphrase for the signing key', password=True))}"


# ---------------------------------------------------------------- questionary / InquirerPy


def questionary_long_labels() -> Any:
    import questionary

    return questionary.select(
        "Configuration file '/etc/app/app.conf' was modified. What would you like to do?",
        choices=LONG,
    ).unsafe_ask()


def questionary_unicode() -> Any:
    import questionary

    return questionary.select(
        "Choisissez la langue / Choose a language", choices=LANGS
    ).unsafe_ask()


def questionary_checkbox_six() -> Any:
    import questionary

    return questionary.checkbox(
        "Which regions should receive the release?",
        choices=["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1", "sa-east-1"],
    ).unsafe_ask()


def questionary_after_answered() -> Any:
    import questionary

    # What questionary leaves above after two answered questions, then the live third.
    print("\x1b[1;33m?\x1b[0m \x1b[1mProject name:\x1b[0m \x1b[33mweather-api\x1b[0m")
    print("\x1b[1;33m?\x1b[0m \x1b[1mUse TypeScript?\x1b[0m \x1b[33mYes\x1b[0m")
    return questionary.select(
        "Package manager", choices=["npm", "pnpm", "yarn", "bun"]
    ).unsafe_ask()


def questionary_confirm_noise() -> Any:
    import questionary

    noise(200)
    return questionary.confirm("Rebuild the search index", default=False).unsafe_ask()


def inquirerpy_default_third() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="Log level",
        choices=["debug", "info", "warning", "error", "critical"],
        default="warning",
    ).execute()


def inquirerpy_fuzzy() -> Any:
    from InquirerPy import inquirer

    return inquirer.fuzzy(  # type: ignore[attr-defined]
        message="Select a branch to check out",
        choices=["main", "release/2.4", "feature/login-page", "fix/timeout"],
    ).execute()


def inquirerpy_confirm_no_mark() -> Any:
    from InquirerPy import inquirer

    return inquirer.confirm(message="Push tags as well", default=False).execute()  # type: ignore[attr-defined]


def inquirerpy_checkbox_narrow() -> Any:
    from InquirerPy import inquirer

    narrow()
    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Pick the checks to run before merging",
        choices=["unit tests", "integration tests", "type check", "lint", "licence scan"],
    ).execute()


# ---------------------------------------------------------------- prompt_toolkit


def ptk_multiline_message() -> Any:
    from prompt_toolkit import prompt

    return prompt(
        "Describe the change in one line (it becomes the release note)\n> ",
        bottom_toolbar=" [Enter] accept   [Ctrl-C] cancel ",
    )


def ptk_button_dialog() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Upload failed",
        text="The upload of build-2291.tar.gz failed after 3 attempts.",
        buttons=[("Retry", "retry"), ("Skip", "skip"), ("Abort", "abort")],
    ).run()


def ptk_message_dialog() -> Any:
    from prompt_toolkit.shortcuts import message_dialog

    message_dialog(title="Backup finished", text="All 1,204 files were copied.").run()
    return "ok"


def ptk_input_dialog() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(title="Release", text="Enter the release tag:").run()


# ---------------------------------------------------------------- standard library


def stdlib_keystore() -> Any:
    import getpass

    print("Signing the Android bundle with release.keystore")
    return f"len{len(getpass.getpass('Enter keystore password: '))}"


def stdlib_yes_no_words() -> Any:
    print("WARNING: the remote host identification has changed.")
    return input("Continue anyway? (yes/no) ")


def stdlib_keep_remote() -> Any:
    print("Conflict in settings.json")
    print("  [1] Keep local version")
    print("  [2] Use remote version")
    reply = input("Your choice [1/2]: ").strip() or "1"
    return {"1": "Keep local version", "2": "Use remote version"}[reply]


# ---------------------------------------------------------------- look-alikes


def forever() -> None:
    while True:
        time.sleep(3600)  # noqa: sleep-ok - a look-alike that never asks


def look_test_fixtures() -> None:
    print("============================= test session starts ==============================")
    print("collected 3 items\n")
    print("tests/test_menu.py::test_renders_select ")
    print("  snapshot:")
    print("  ? Select a database (Use arrow keys)")
    print("  ❯ PostgreSQL")
    print("    MySQL")
    print("    SQLite")
    print("PASSED")
    print("tests/test_menu.py::test_confirm Do you want to continue? [Y/n] PASSED")
    print("\n============================== 3 passed in 0.42s ===============================")
    sys.stdout.flush()
    forever()


def look_agent_markdown() -> None:
    text = (
        "Here are the options I see for the database:\n\n"
        "❯ **PostgreSQL** — the safest default for this app\n"
        "❯ **MySQL** — if you already run it\n"
        "❯ **SQLite** — fine for local development\n\n"
        "Do you want me to continue with PostgreSQL? (y/n) I will assume yes and "
        "start writing the migration files now, then run the test suite and report back "
    )
    while True:
        for word in text.split(" "):
            sys.stdout.write(word + " ")
            sys.stdout.flush()
            time.sleep(0.05)  # noqa: sleep-ok - an agent streaming tokens
        text = "and keep streaming more explanation about the schema and the indexes "


def look_top_like() -> None:
    n = 0
    while True:
        sys.stdout.write("\x1b[H\x1b[2J")
        print(f"tasks: {90 + n % 7} total, load average: 0.{n % 9}2  — press q to quit")
        print(" PID USER      %CPU %MEM COMMAND")
        for pid in range(5):
            print(f"{1200 + pid:>4} alice     {(n * 3 + pid) % 40:>4} {pid + 1:>4} worker-{pid}")
        print("Confirm kill of PID 1203? [y/N] shows only after you press k")
        sys.stdout.flush()
        n += 1
        time.sleep(0.5)  # noqa: sleep-ok - a refreshing dashboard


def look_rich_live() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(n: int) -> Table:
        t = Table(title="Deploy progress — Proceed? answered in the web UI")
        t.add_column("Service")
        t.add_column("State")
        for i, name in enumerate(["api", "web", "worker"]):
            t.add_row(name, ["pending", "rolling", "healthy"][(n + i) % 3])
        return t

    with Live(table(0), refresh_per_second=4) as live:
        n = 0
        while True:
            time.sleep(0.3)  # noqa: sleep-ok - a refreshing dashboard
            n += 1
            live.update(table(n))


def look_progress_yn() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        task = progress.add_task("Checking answers-(y/n).json files", total=10_000)
        while True:
            progress.advance(task, 1)
            time.sleep(0.05)  # noqa: sleep-ok - a progress bar


def look_device_code() -> None:
    print("! First copy your one-time code: 4F2A-91BC")
    print("Open this URL to continue in your web browser: https://example.com/login/device")
    frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
    n = 0
    while True:
        sys.stdout.write(f"\r{frames[n % len(frames)]} Waiting for you to approve the sign-in…")
        sys.stdout.flush()
        n += 1
        time.sleep(0.1)  # noqa: sleep-ok - a spinner


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        click_confirm_long,
        click_choice_two,
        click_int_default,
        click_confirm_noise,
        click_password_twice,
        click_narrow_confirm,
        typer_unicode_confirm,
        typer_region,
        rich_confirm_table,
        rich_two_choices,
        rich_password_narrow,
        questionary_long_labels,
        questionary_unicode,
        questionary_checkbox_six,
        questionary_after_answered,
        questionary_confirm_noise,
        inquirerpy_default_third,
        inquirerpy_fuzzy,
        inquirerpy_confirm_no_mark,
        inquirerpy_checkbox_narrow,
        ptk_multiline_message,
        ptk_button_dialog,
        ptk_message_dialog,
        ptk_input_dialog,
        stdlib_keystore,
        stdlib_yes_no_words,
        stdlib_keep_remote,
        look_test_fixtures,
        look_agent_markdown,
        look_top_like,
        look_rich_live,
        look_progress_yn,
        look_device_code,
    )
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
